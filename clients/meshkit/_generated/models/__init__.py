"""Contains all the data models used in inputs/outputs"""

from .a2a_config import A2AConfig
from .a2a_config_envelope import A2AConfigEnvelope
from .a2a_config_inbound import A2AConfigInbound
from .a2a_config_outbound import A2AConfigOutbound
from .accept_media_type import AcceptMediaType
from .acknowledgment import Acknowledgment
from .acknowledgment_status import AcknowledgmentStatus
from .active_count import ActiveCount
from .agent import Agent
from .agent_envelope import AgentEnvelope
from .agent_knowledge import AgentKnowledge
from .agent_list import AgentList
from .agent_list_envelope import AgentListEnvelope
from .agent_skill import AgentSkill
from .agent_skill_list import AgentSkillList
from .agent_skill_list_envelope import AgentSkillListEnvelope
from .agent_skill_scope import AgentSkillScope
from .artifact import Artifact
from .artifact_envelope import ArtifactEnvelope
from .artifact_list import ArtifactList
from .artifact_list_envelope import ArtifactListEnvelope
from .artifact_versions import ArtifactVersions
from .artifact_versions_envelope import ArtifactVersionsEnvelope
from .associate_identifiers_request import AssociateIdentifiersRequest
from .async_config import AsyncConfig
from .async_config_envelope import AsyncConfigEnvelope
from .audio_chat_request import AudioChatRequest
from .audio_file import AudioFile
from .audit_entry import AuditEntry
from .audit_entry_data import AuditEntryData
from .audit_log import AuditLog
from .audit_log_cleared import AuditLogCleared
from .audit_log_cleared_envelope import AuditLogClearedEnvelope
from .audit_log_envelope import AuditLogEnvelope
from .backfill_progress import BackfillProgress
from .backfill_report import BackfillReport
from .batch_request import BatchRequest
from .batch_response import BatchResponse
from .broker_error import BrokerError
from .broker_error_code import BrokerErrorCode
from .broker_health import BrokerHealth
from .broker_health_status import BrokerHealthStatus
from .broker_stats import BrokerStats
from .broker_stats_cost import BrokerStatsCost
from .broker_stats_latency import BrokerStatsLatency
from .broker_stats_messages import BrokerStatsMessages
from .broker_stats_router import BrokerStatsRouter
from .broker_stats_throughput import BrokerStatsThroughput
from .broker_stats_tokens import BrokerStatsTokens
from .budget_exceeded_error_body import BudgetExceededErrorBody
from .budget_info import BudgetInfo
from .budget_set_request import BudgetSetRequest
from .buffer_stats import BufferStats
from .buffer_stats_envelope import BufferStatsEnvelope
from .buffer_summary import BufferSummary
from .buffer_summary_kv_namespaces import BufferSummaryKvNamespaces
from .cancel_update_result import CancelUpdateResult
from .cancellation_kind import CancellationKind
from .captains_log_entry import CaptainsLogEntry
from .captains_log_entry_sources_item import CaptainsLogEntrySourcesItem
from .channel_update import ChannelUpdate
from .channels_update import ChannelsUpdate
from .chat_artifact import ChatArtifact
from .chat_content_part import ChatContentPart
from .chat_content_part_tool_calls_item import ChatContentPartToolCallsItem
from .chat_done_event import ChatDoneEvent
from .chat_error_event import ChatErrorEvent
from .chat_file import ChatFile
from .chat_message import ChatMessage
from .chat_message_metadata_type_0 import ChatMessageMetadataType0
from .chat_request import ChatRequest
from .chat_response import ChatResponse
from .chat_response_envelope import ChatResponseEnvelope
from .chat_token import ChatToken
from .chat_token_frame import ChatTokenFrame
from .chat_token_type import ChatTokenType
from .chat_ui_event import ChatUiEvent
from .config_mcp_summary import ConfigMcpSummary
from .config_resource import ConfigResource
from .config_resource_total import ConfigResourceTotal
from .credential import Credential
from .credential_create import CredentialCreate
from .credential_create_credential import CredentialCreateCredential
from .credential_created import CredentialCreated
from .credential_created_envelope import CredentialCreatedEnvelope
from .credential_deleted import CredentialDeleted
from .credential_deleted_envelope import CredentialDeletedEnvelope
from .credential_envelope import CredentialEnvelope
from .credential_list import CredentialList
from .credential_list_envelope import CredentialListEnvelope
from .credential_service import CredentialService
from .credential_service_list import CredentialServiceList
from .credential_service_list_envelope import CredentialServiceListEnvelope
from .delete_result import DeleteResult
from .delete_result_envelope import DeleteResultEnvelope
from .deploy_complete_event import DeployCompleteEvent
from .deploy_error_event import DeployErrorEvent
from .deploy_error_event_details import DeployErrorEventDetails
from .deploy_progress_event import DeployProgressEvent
from .deploy_result import DeployResult
from .deploy_result_envelope import DeployResultEnvelope
from .deploy_stage import DeployStage
from .derived_memory_event import DerivedMemoryEvent
from .distilled_batch import DistilledBatch
from .distilled_batch_envelope import DistilledBatchEnvelope
from .distilled_batch_status import DistilledBatchStatus
from .distilled_batch_status_counts import DistilledBatchStatusCounts
from .distilled_batch_status_envelope import DistilledBatchStatusEnvelope
from .distilled_event_report import DistilledEventReport
from .distilled_event_report_disposition import DistilledEventReportDisposition
from .distilled_rejection import DistilledRejection
from .distillery import Distillery
from .distillery_envelope import DistilleryEnvelope
from .distillery_list import DistilleryList
from .distillery_list_envelope import DistilleryListEnvelope
from .distillery_registration import DistilleryRegistration
from .distillery_scope import DistilleryScope
from .distillery_status import DistilleryStatus
from .distillery_trust_level import DistilleryTrustLevel
from .distillery_write_scope import DistilleryWriteScope
from .endpoint_health_status import EndpointHealthStatus
from .endpoint_list import EndpointList
from .endpoint_metrics import EndpointMetrics
from .endpoint_removed import EndpointRemoved
from .formation_config_summary import FormationConfigSummary
from .formation_config_summary_envelope import FormationConfigSummaryEnvelope
from .formation_definition import FormationDefinition
from .formation_definition_envelope import FormationDefinitionEnvelope
from .formation_detail import FormationDetail
from .formation_error_data import FormationErrorData
from .formation_error_detail import FormationErrorDetail
from .formation_error_envelope import FormationErrorEnvelope
from .formation_error_envelope_data import FormationErrorEnvelopeData
from .formation_event import FormationEvent
from .formation_health import FormationHealth
from .formation_health_status import FormationHealthStatus
from .formation_identity import FormationIdentity
from .formation_list import FormationList
from .formation_log_line_counts import FormationLogLineCounts
from .formation_log_record import FormationLogRecord
from .formation_log_streams import FormationLogStreams
from .formation_logs import FormationLogs
from .formation_memory_usage import FormationMemoryUsage
from .formation_message import FormationMessage
from .formation_message_envelope import FormationMessageEnvelope
from .formation_object import FormationObject
from .formation_request_counts import FormationRequestCounts
from .formation_runtime_status import FormationRuntimeStatus
from .formation_runtime_status_envelope import FormationRuntimeStatusEnvelope
from .formation_stats import FormationStats
from .formation_status import FormationStatus
from .formation_summary import FormationSummary
from .formation_uptime import FormationUptime
from .formation_version_info import FormationVersionInfo
from .get_formation_logs_stream import GetFormationLogsStream
from .job import Job
from .job_envelope import JobEnvelope
from .job_exclusion_rules_item import JobExclusionRulesItem
from .job_job_metadata import JobJobMetadata
from .job_list import JobList
from .job_list_envelope import JobListEnvelope
from .job_status import JobStatus
from .job_status_change import JobStatusChange
from .job_status_change_envelope import JobStatusChangeEnvelope
from .job_status_change_status import JobStatusChangeStatus
from .knowledge_rebuild_request import KnowledgeRebuildRequest
from .knowledge_rebuild_result import KnowledgeRebuildResult
from .knowledge_rebuild_result_agents import KnowledgeRebuildResultAgents
from .knowledge_rebuild_result_envelope import KnowledgeRebuildResultEnvelope
from .knowledge_source_sync import KnowledgeSourceSync
from .knowledge_source_sync_status import KnowledgeSourceSyncStatus
from .knowledge_sync_result import KnowledgeSyncResult
from .knowledge_sync_result_envelope import KnowledgeSyncResultEnvelope
from .knowledge_sync_trigger import KnowledgeSyncTrigger
from .knowledge_tree_rebuilt import KnowledgeTreeRebuilt
from .knowledge_tree_report import KnowledgeTreeReport
from .llm_model import LLMModel
from .llm_settings import LLMSettings
from .llm_settings_aliases import LLMSettingsAliases
from .llm_settings_api_keys import LLMSettingsApiKeys
from .llm_settings_envelope import LLMSettingsEnvelope
from .llm_settings_settings import LLMSettingsSettings
from .log_connected_event import LogConnectedEvent
from .log_line_event import LogLineEvent
from .logging_config import LoggingConfig
from .logging_config_conversation import LoggingConfigConversation
from .logging_config_envelope import LoggingConfigEnvelope
from .logging_config_system import LoggingConfigSystem
from .logging_conversation_destinations import LoggingConversationDestinations
from .logging_destination import LoggingDestination
from .logging_destinations import LoggingDestinations
from .logging_destinations_envelope import LoggingDestinationsEnvelope
from .logging_system_destination import LoggingSystemDestination
from .mcp_config import McpConfig
from .mcp_config_envelope import McpConfigEnvelope
from .mcp_server import McpServer
from .mcp_server_envelope import McpServerEnvelope
from .mcp_server_list import McpServerList
from .mcp_server_list_envelope import McpServerListEnvelope
from .mcp_tool import McpTool
from .mcp_tool_access import McpToolAccess
from .mcp_tool_list import McpToolList
from .mcp_tool_list_envelope import McpToolListEnvelope
from .mcp_tool_parameter import McpToolParameter
from .mcp_tool_parameters import McpToolParameters
from .memory import Memory
from .memory_backfill import MemoryBackfill
from .memory_backfill_envelope import MemoryBackfillEnvelope
from .memory_backfill_request import MemoryBackfillRequest
from .memory_buffer_list import MemoryBufferList
from .memory_buffer_list_envelope import MemoryBufferListEnvelope
from .memory_buffers_cleared import MemoryBuffersCleared
from .memory_buffers_cleared_envelope import MemoryBuffersClearedEnvelope
from .memory_config import MemoryConfig
from .memory_config_buffer import MemoryConfigBuffer
from .memory_config_distillery import MemoryConfigDistillery
from .memory_config_envelope import MemoryConfigEnvelope
from .memory_config_lint import MemoryConfigLint
from .memory_config_persistent import MemoryConfigPersistent
from .memory_config_working import MemoryConfigWorking
from .memory_content import MemoryContent
from .memory_create import MemoryCreate
from .memory_create_metadata import MemoryCreateMetadata
from .memory_created import MemoryCreated
from .memory_created_envelope import MemoryCreatedEnvelope
from .memory_created_metadata import MemoryCreatedMetadata
from .memory_created_status import MemoryCreatedStatus
from .memory_deleted import MemoryDeleted
from .memory_deleted_envelope import MemoryDeletedEnvelope
from .memory_event import MemoryEvent
from .memory_event_payload_type_0 import MemoryEventPayloadType0
from .memory_forget_request import MemoryForgetRequest
from .memory_forgotten import MemoryForgotten
from .memory_forgotten_envelope import MemoryForgottenEnvelope
from .memory_history import MemoryHistory
from .memory_history_envelope import MemoryHistoryEnvelope
from .memory_ingest_batch import MemoryIngestBatch
from .memory_ingestion_batch import MemoryIngestionBatch
from .memory_ingestion_batch_envelope import MemoryIngestionBatchEnvelope
from .memory_ingestion_counts import MemoryIngestionCounts
from .memory_ingestion_item import MemoryIngestionItem
from .memory_ingestion_item_status import MemoryIngestionItemStatus
from .memory_ingestion_report import MemoryIngestionReport
from .memory_ingestion_report_classification import MemoryIngestionReportClassification
from .memory_ingestion_report_disposition import MemoryIngestionReportDisposition
from .memory_ingestion_status import MemoryIngestionStatus
from .memory_ingestion_status_counts import MemoryIngestionStatusCounts
from .memory_ingestion_status_envelope import MemoryIngestionStatusEnvelope
from .memory_ingestion_status_usage import MemoryIngestionStatusUsage
from .memory_job_status import MemoryJobStatus
from .memory_job_status_envelope import MemoryJobStatusEnvelope
from .memory_job_status_status import MemoryJobStatusStatus
from .memory_lint import MemoryLint
from .memory_lint_envelope import MemoryLintEnvelope
from .memory_lint_report import MemoryLintReport
from .memory_lint_report_findings import MemoryLintReportFindings
from .memory_lint_request import MemoryLintRequest
from .memory_list import MemoryList
from .memory_list_envelope import MemoryListEnvelope
from .memory_metadata import MemoryMetadata
from .memory_provenance import MemoryProvenance
from .memory_provenance_envelope import MemoryProvenanceEnvelope
from .memory_rebuild import MemoryRebuild
from .memory_rebuild_envelope import MemoryRebuildEnvelope
from .memory_rebuild_request import MemoryRebuildRequest
from .message import Message
from .message_metadata import MessageMetadata
from .muxi_envelope import MuxiEnvelope
from .muxi_request_info import MuxiRequestInfo
from .notification_request import NotificationRequest
from .notification_result import NotificationResult
from .notification_result_envelope import NotificationResultEnvelope
from .overlord_caching import OverlordCaching
from .overlord_clarification import OverlordClarification
from .overlord_config import OverlordConfig
from .overlord_config_envelope import OverlordConfigEnvelope
from .overlord_config_llm import OverlordConfigLlm
from .overlord_response_settings import OverlordResponseSettings
from .overlord_soul import OverlordSoul
from .overlord_soul_envelope import OverlordSoulEnvelope
from .overlord_workflow import OverlordWorkflow
from .projection_replay import ProjectionReplay
from .projection_replays import ProjectionReplays
from .provenance_entity import ProvenanceEntity
from .provenance_entity_attributes_type_0 import ProvenanceEntityAttributesType0
from .provenance_fact import ProvenanceFact
from .rate_limited_error_body import RateLimitedErrorBody
from .request_cancellation import RequestCancellation
from .request_cancellation_envelope import RequestCancellationEnvelope
from .request_list import RequestList
from .request_list_envelope import RequestListEnvelope
from .request_state import RequestState
from .request_status import RequestStatus
from .request_status_envelope import RequestStatusEnvelope
from .request_status_report_type_1 import RequestStatusReportType1
from .request_status_result_type_1 import RequestStatusResultType1
from .request_summary import RequestSummary
from .resolve_user_request import ResolveUserRequest
from .resolved_user import ResolvedUser
from .resolved_user_envelope import ResolvedUserEnvelope
from .restart_result import RestartResult
from .restart_result_envelope import RestartResultEnvelope
from .rollback_result import RollbackResult
from .rollback_result_envelope import RollbackResultEnvelope
from .routing_decision import RoutingDecision
from .runtime_event import RuntimeEvent
from .scheduled_job_create import ScheduledJobCreate
from .scheduled_job_update import ScheduledJobUpdate
from .scheduler_config import SchedulerConfig
from .scheduler_config_envelope import SchedulerConfigEnvelope
from .score_breakdown import ScoreBreakdown
from .secret_create import SecretCreate
from .secret_list import SecretList
from .secret_list_envelope import SecretListEnvelope
from .secret_list_secrets import SecretListSecrets
from .secret_message import SecretMessage
from .secret_message_envelope import SecretMessageEnvelope
from .secret_reload_result import SecretReloadResult
from .secret_reload_result_envelope import SecretReloadResultEnvelope
from .secret_update import SecretUpdate
from .server_error import ServerError
from .server_formation_detail_envelope import ServerFormationDetailEnvelope
from .server_formation_list_envelope import ServerFormationListEnvelope
from .server_formation_logs_envelope import ServerFormationLogsEnvelope
from .server_health import ServerHealth
from .server_health_status import ServerHealthStatus
from .server_status import ServerStatus
from .server_status_envelope import ServerStatusEnvelope
from .server_status_formations import ServerStatusFormations
from .server_status_port_pool import ServerStatusPortPool
from .server_status_runtime import ServerStatusRuntime
from .server_status_server import ServerStatusServer
from .session import Session
from .session_buffer_cleared import SessionBufferCleared
from .session_buffer_cleared_envelope import SessionBufferClearedEnvelope
from .session_envelope import SessionEnvelope
from .session_history_message import SessionHistoryMessage
from .session_history_message_metadata import SessionHistoryMessageMetadata
from .session_list import SessionList
from .session_list_envelope import SessionListEnvelope
from .session_message import SessionMessage
from .session_message_metadata import SessionMessageMetadata
from .session_messages import SessionMessages
from .session_messages_envelope import SessionMessagesEnvelope
from .session_restore_request import SessionRestoreRequest
from .session_restore_result import SessionRestoreResult
from .session_restore_result_envelope import SessionRestoreResultEnvelope
from .session_summary import SessionSummary
from .skill import Skill
from .skill_envelope import SkillEnvelope
from .skill_list import SkillList
from .skill_list_envelope import SkillListEnvelope
from .skill_summary import SkillSummary
from .skill_summary_scope import SkillSummaryScope
from .sop import Sop
from .sop_envelope import SopEnvelope
from .sop_list import SopList
from .sop_list_envelope import SopListEnvelope
from .sop_metadata import SopMetadata
from .sop_summary import SopSummary
from .start_result import StartResult
from .start_result_envelope import StartResultEnvelope
from .stop_result import StopResult
from .stop_result_envelope import StopResultEnvelope
from .trigger_detail import TriggerDetail
from .trigger_detail_envelope import TriggerDetailEnvelope
from .trigger_fire_result import TriggerFireResult
from .trigger_fire_result_envelope import TriggerFireResultEnvelope
from .trigger_list import TriggerList
from .trigger_list_envelope import TriggerListEnvelope
from .trigger_request import TriggerRequest
from .trigger_request_data import TriggerRequestData
from .tuning_applied import TuningApplied
from .tuning_applied_envelope import TuningAppliedEnvelope
from .tuning_dismissed import TuningDismissed
from .tuning_dismissed_envelope import TuningDismissedEnvelope
from .tuning_file import TuningFile
from .tuning_file_envelope import TuningFileEnvelope
from .tuning_replaced import TuningReplaced
from .tuning_replaced_envelope import TuningReplacedEnvelope
from .tuning_run import TuningRun
from .tuning_run_envelope import TuningRunEnvelope
from .tuning_update import TuningUpdate
from .ui_response_hint import UIResponseHint
from .ui_widget import UiWidget
from .update_channels_request import UpdateChannelsRequest
from .update_result import UpdateResult
from .update_result_deployment_type import UpdateResultDeploymentType
from .update_result_envelope import UpdateResultEnvelope
from .user_buffer import UserBuffer
from .user_buffer_cleared import UserBufferCleared
from .user_buffer_cleared_envelope import UserBufferClearedEnvelope
from .user_buffer_envelope import UserBufferEnvelope
from .user_buffer_sessions_item import UserBufferSessionsItem
from .user_channel import UserChannel
from .user_channels import UserChannels
from .user_channels_channels import UserChannelsChannels
from .user_channels_envelope import UserChannelsEnvelope
from .user_identifier import UserIdentifier
from .user_identifier_link import UserIdentifierLink
from .user_identifier_link_envelope import UserIdentifierLinkEnvelope
from .user_identifier_unlink import UserIdentifierUnlink
from .user_identifier_unlink_envelope import UserIdentifierUnlinkEnvelope
from .user_identifiers import UserIdentifiers
from .user_identifiers_envelope import UserIdentifiersEnvelope
from .validation_error_item import ValidationErrorItem

__all__ = (
    "A2AConfig",
    "A2AConfigEnvelope",
    "A2AConfigInbound",
    "A2AConfigOutbound",
    "AcceptMediaType",
    "Acknowledgment",
    "AcknowledgmentStatus",
    "ActiveCount",
    "Agent",
    "AgentEnvelope",
    "AgentKnowledge",
    "AgentList",
    "AgentListEnvelope",
    "AgentSkill",
    "AgentSkillList",
    "AgentSkillListEnvelope",
    "AgentSkillScope",
    "Artifact",
    "ArtifactEnvelope",
    "ArtifactList",
    "ArtifactListEnvelope",
    "ArtifactVersions",
    "ArtifactVersionsEnvelope",
    "AssociateIdentifiersRequest",
    "AsyncConfig",
    "AsyncConfigEnvelope",
    "AudioChatRequest",
    "AudioFile",
    "AuditEntry",
    "AuditEntryData",
    "AuditLog",
    "AuditLogCleared",
    "AuditLogClearedEnvelope",
    "AuditLogEnvelope",
    "BackfillProgress",
    "BackfillReport",
    "BatchRequest",
    "BatchResponse",
    "BrokerError",
    "BrokerErrorCode",
    "BrokerHealth",
    "BrokerHealthStatus",
    "BrokerStats",
    "BrokerStatsCost",
    "BrokerStatsLatency",
    "BrokerStatsMessages",
    "BrokerStatsRouter",
    "BrokerStatsThroughput",
    "BrokerStatsTokens",
    "BudgetExceededErrorBody",
    "BudgetInfo",
    "BudgetSetRequest",
    "BufferStats",
    "BufferStatsEnvelope",
    "BufferSummary",
    "BufferSummaryKvNamespaces",
    "CancelUpdateResult",
    "CancellationKind",
    "CaptainsLogEntry",
    "CaptainsLogEntrySourcesItem",
    "ChannelUpdate",
    "ChannelsUpdate",
    "ChatArtifact",
    "ChatContentPart",
    "ChatContentPartToolCallsItem",
    "ChatDoneEvent",
    "ChatErrorEvent",
    "ChatFile",
    "ChatMessage",
    "ChatMessageMetadataType0",
    "ChatRequest",
    "ChatResponse",
    "ChatResponseEnvelope",
    "ChatToken",
    "ChatTokenFrame",
    "ChatTokenType",
    "ChatUiEvent",
    "ConfigMcpSummary",
    "ConfigResource",
    "ConfigResourceTotal",
    "Credential",
    "CredentialCreate",
    "CredentialCreateCredential",
    "CredentialCreated",
    "CredentialCreatedEnvelope",
    "CredentialDeleted",
    "CredentialDeletedEnvelope",
    "CredentialEnvelope",
    "CredentialList",
    "CredentialListEnvelope",
    "CredentialService",
    "CredentialServiceList",
    "CredentialServiceListEnvelope",
    "DeleteResult",
    "DeleteResultEnvelope",
    "DeployCompleteEvent",
    "DeployErrorEvent",
    "DeployErrorEventDetails",
    "DeployProgressEvent",
    "DeployResult",
    "DeployResultEnvelope",
    "DeployStage",
    "DerivedMemoryEvent",
    "DistilledBatch",
    "DistilledBatchEnvelope",
    "DistilledBatchStatus",
    "DistilledBatchStatusCounts",
    "DistilledBatchStatusEnvelope",
    "DistilledEventReport",
    "DistilledEventReportDisposition",
    "DistilledRejection",
    "Distillery",
    "DistilleryEnvelope",
    "DistilleryList",
    "DistilleryListEnvelope",
    "DistilleryRegistration",
    "DistilleryScope",
    "DistilleryStatus",
    "DistilleryTrustLevel",
    "DistilleryWriteScope",
    "EndpointHealthStatus",
    "EndpointList",
    "EndpointMetrics",
    "EndpointRemoved",
    "FormationConfigSummary",
    "FormationConfigSummaryEnvelope",
    "FormationDefinition",
    "FormationDefinitionEnvelope",
    "FormationDetail",
    "FormationErrorData",
    "FormationErrorDetail",
    "FormationErrorEnvelope",
    "FormationErrorEnvelopeData",
    "FormationEvent",
    "FormationHealth",
    "FormationHealthStatus",
    "FormationIdentity",
    "FormationList",
    "FormationLogLineCounts",
    "FormationLogRecord",
    "FormationLogStreams",
    "FormationLogs",
    "FormationMemoryUsage",
    "FormationMessage",
    "FormationMessageEnvelope",
    "FormationObject",
    "FormationRequestCounts",
    "FormationRuntimeStatus",
    "FormationRuntimeStatusEnvelope",
    "FormationStats",
    "FormationStatus",
    "FormationSummary",
    "FormationUptime",
    "FormationVersionInfo",
    "GetFormationLogsStream",
    "Job",
    "JobEnvelope",
    "JobExclusionRulesItem",
    "JobJobMetadata",
    "JobList",
    "JobListEnvelope",
    "JobStatus",
    "JobStatusChange",
    "JobStatusChangeEnvelope",
    "JobStatusChangeStatus",
    "KnowledgeRebuildRequest",
    "KnowledgeRebuildResult",
    "KnowledgeRebuildResultAgents",
    "KnowledgeRebuildResultEnvelope",
    "KnowledgeSourceSync",
    "KnowledgeSourceSyncStatus",
    "KnowledgeSyncResult",
    "KnowledgeSyncResultEnvelope",
    "KnowledgeSyncTrigger",
    "KnowledgeTreeRebuilt",
    "KnowledgeTreeReport",
    "LLMModel",
    "LLMSettings",
    "LLMSettingsAliases",
    "LLMSettingsApiKeys",
    "LLMSettingsEnvelope",
    "LLMSettingsSettings",
    "LogConnectedEvent",
    "LogLineEvent",
    "LoggingConfig",
    "LoggingConfigConversation",
    "LoggingConfigEnvelope",
    "LoggingConfigSystem",
    "LoggingConversationDestinations",
    "LoggingDestination",
    "LoggingDestinations",
    "LoggingDestinationsEnvelope",
    "LoggingSystemDestination",
    "McpConfig",
    "McpConfigEnvelope",
    "McpServer",
    "McpServerEnvelope",
    "McpServerList",
    "McpServerListEnvelope",
    "McpTool",
    "McpToolAccess",
    "McpToolList",
    "McpToolListEnvelope",
    "McpToolParameter",
    "McpToolParameters",
    "Memory",
    "MemoryBackfill",
    "MemoryBackfillEnvelope",
    "MemoryBackfillRequest",
    "MemoryBufferList",
    "MemoryBufferListEnvelope",
    "MemoryBuffersCleared",
    "MemoryBuffersClearedEnvelope",
    "MemoryConfig",
    "MemoryConfigBuffer",
    "MemoryConfigDistillery",
    "MemoryConfigEnvelope",
    "MemoryConfigLint",
    "MemoryConfigPersistent",
    "MemoryConfigWorking",
    "MemoryContent",
    "MemoryCreate",
    "MemoryCreateMetadata",
    "MemoryCreated",
    "MemoryCreatedEnvelope",
    "MemoryCreatedMetadata",
    "MemoryCreatedStatus",
    "MemoryDeleted",
    "MemoryDeletedEnvelope",
    "MemoryEvent",
    "MemoryEventPayloadType0",
    "MemoryForgetRequest",
    "MemoryForgotten",
    "MemoryForgottenEnvelope",
    "MemoryHistory",
    "MemoryHistoryEnvelope",
    "MemoryIngestBatch",
    "MemoryIngestionBatch",
    "MemoryIngestionBatchEnvelope",
    "MemoryIngestionCounts",
    "MemoryIngestionItem",
    "MemoryIngestionItemStatus",
    "MemoryIngestionReport",
    "MemoryIngestionReportClassification",
    "MemoryIngestionReportDisposition",
    "MemoryIngestionStatus",
    "MemoryIngestionStatusCounts",
    "MemoryIngestionStatusEnvelope",
    "MemoryIngestionStatusUsage",
    "MemoryJobStatus",
    "MemoryJobStatusEnvelope",
    "MemoryJobStatusStatus",
    "MemoryLint",
    "MemoryLintEnvelope",
    "MemoryLintReport",
    "MemoryLintReportFindings",
    "MemoryLintRequest",
    "MemoryList",
    "MemoryListEnvelope",
    "MemoryMetadata",
    "MemoryProvenance",
    "MemoryProvenanceEnvelope",
    "MemoryRebuild",
    "MemoryRebuildEnvelope",
    "MemoryRebuildRequest",
    "Message",
    "MessageMetadata",
    "MuxiEnvelope",
    "MuxiRequestInfo",
    "NotificationRequest",
    "NotificationResult",
    "NotificationResultEnvelope",
    "OverlordCaching",
    "OverlordClarification",
    "OverlordConfig",
    "OverlordConfigEnvelope",
    "OverlordConfigLlm",
    "OverlordResponseSettings",
    "OverlordSoul",
    "OverlordSoulEnvelope",
    "OverlordWorkflow",
    "ProjectionReplay",
    "ProjectionReplays",
    "ProvenanceEntity",
    "ProvenanceEntityAttributesType0",
    "ProvenanceFact",
    "RateLimitedErrorBody",
    "RequestCancellation",
    "RequestCancellationEnvelope",
    "RequestList",
    "RequestListEnvelope",
    "RequestState",
    "RequestStatus",
    "RequestStatusEnvelope",
    "RequestStatusReportType1",
    "RequestStatusResultType1",
    "RequestSummary",
    "ResolveUserRequest",
    "ResolvedUser",
    "ResolvedUserEnvelope",
    "RestartResult",
    "RestartResultEnvelope",
    "RollbackResult",
    "RollbackResultEnvelope",
    "RoutingDecision",
    "RuntimeEvent",
    "ScheduledJobCreate",
    "ScheduledJobUpdate",
    "SchedulerConfig",
    "SchedulerConfigEnvelope",
    "ScoreBreakdown",
    "SecretCreate",
    "SecretList",
    "SecretListEnvelope",
    "SecretListSecrets",
    "SecretMessage",
    "SecretMessageEnvelope",
    "SecretReloadResult",
    "SecretReloadResultEnvelope",
    "SecretUpdate",
    "ServerError",
    "ServerFormationDetailEnvelope",
    "ServerFormationListEnvelope",
    "ServerFormationLogsEnvelope",
    "ServerHealth",
    "ServerHealthStatus",
    "ServerStatus",
    "ServerStatusEnvelope",
    "ServerStatusFormations",
    "ServerStatusPortPool",
    "ServerStatusRuntime",
    "ServerStatusServer",
    "Session",
    "SessionBufferCleared",
    "SessionBufferClearedEnvelope",
    "SessionEnvelope",
    "SessionHistoryMessage",
    "SessionHistoryMessageMetadata",
    "SessionList",
    "SessionListEnvelope",
    "SessionMessage",
    "SessionMessageMetadata",
    "SessionMessages",
    "SessionMessagesEnvelope",
    "SessionRestoreRequest",
    "SessionRestoreResult",
    "SessionRestoreResultEnvelope",
    "SessionSummary",
    "Skill",
    "SkillEnvelope",
    "SkillList",
    "SkillListEnvelope",
    "SkillSummary",
    "SkillSummaryScope",
    "Sop",
    "SopEnvelope",
    "SopList",
    "SopListEnvelope",
    "SopMetadata",
    "SopSummary",
    "StartResult",
    "StartResultEnvelope",
    "StopResult",
    "StopResultEnvelope",
    "TriggerDetail",
    "TriggerDetailEnvelope",
    "TriggerFireResult",
    "TriggerFireResultEnvelope",
    "TriggerList",
    "TriggerListEnvelope",
    "TriggerRequest",
    "TriggerRequestData",
    "TuningApplied",
    "TuningAppliedEnvelope",
    "TuningDismissed",
    "TuningDismissedEnvelope",
    "TuningFile",
    "TuningFileEnvelope",
    "TuningReplaced",
    "TuningReplacedEnvelope",
    "TuningRun",
    "TuningRunEnvelope",
    "TuningUpdate",
    "UIResponseHint",
    "UiWidget",
    "UpdateChannelsRequest",
    "UpdateResult",
    "UpdateResultDeploymentType",
    "UpdateResultEnvelope",
    "UserBuffer",
    "UserBufferCleared",
    "UserBufferClearedEnvelope",
    "UserBufferEnvelope",
    "UserBufferSessionsItem",
    "UserChannel",
    "UserChannels",
    "UserChannelsChannels",
    "UserChannelsEnvelope",
    "UserIdentifier",
    "UserIdentifierLink",
    "UserIdentifierLinkEnvelope",
    "UserIdentifierUnlink",
    "UserIdentifierUnlinkEnvelope",
    "UserIdentifiers",
    "UserIdentifiersEnvelope",
    "ValidationErrorItem",
)
