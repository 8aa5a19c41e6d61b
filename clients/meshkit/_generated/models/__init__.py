"""Contains all the data models used in inputs/outputs"""

from .accept_media_type import AcceptMediaType
from .acknowledgment import Acknowledgment
from .acknowledgment_status import AcknowledgmentStatus
from .agent import Agent
from .agent_envelope import AgentEnvelope
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
from .audio_chat_request import AudioChatRequest
from .audio_file import AudioFile
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
from .cancel_update_result import CancelUpdateResult
from .cancellation_kind import CancellationKind
from .channel_update import ChannelUpdate
from .channels_update import ChannelsUpdate
from .chat_content_part import ChatContentPart
from .chat_content_part_tool_calls_item import ChatContentPartToolCallsItem
from .chat_done_event import ChatDoneEvent
from .chat_error_event import ChatErrorEvent
from .chat_file import ChatFile
from .chat_message import ChatMessage
from .chat_message_artifacts_item import ChatMessageArtifactsItem
from .chat_message_metadata import ChatMessageMetadata
from .chat_request import ChatRequest
from .chat_response import ChatResponse
from .chat_response_envelope import ChatResponseEnvelope
from .chat_token import ChatToken
from .chat_token_frame import ChatTokenFrame
from .chat_token_type import ChatTokenType
from .chat_ui_event import ChatUiEvent
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
from .distillery_registration import DistilleryRegistration
from .distillery_scope import DistilleryScope
from .endpoint_health_status import EndpointHealthStatus
from .endpoint_list import EndpointList
from .endpoint_metrics import EndpointMetrics
from .endpoint_removed import EndpointRemoved
from .formation_detail import FormationDetail
from .formation_error_data import FormationErrorData
from .formation_error_detail import FormationErrorDetail
from .formation_error_envelope import FormationErrorEnvelope
from .formation_error_envelope_data import FormationErrorEnvelopeData
from .formation_event import FormationEvent
from .formation_health import FormationHealth
from .formation_health_status import FormationHealthStatus
from .formation_list import FormationList
from .formation_log_line_counts import FormationLogLineCounts
from .formation_log_record import FormationLogRecord
from .formation_log_streams import FormationLogStreams
from .formation_logs import FormationLogs
from .formation_message import FormationMessage
from .formation_message_envelope import FormationMessageEnvelope
from .formation_object import FormationObject
from .formation_object_envelope import FormationObjectEnvelope
from .formation_status import FormationStatus
from .formation_summary import FormationSummary
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
from .knowledge_sync_trigger import KnowledgeSyncTrigger
from .log_connected_event import LogConnectedEvent
from .log_line_event import LogLineEvent
from .memory import Memory
from .memory_backfill_request import MemoryBackfillRequest
from .memory_create import MemoryCreate
from .memory_create_metadata import MemoryCreateMetadata
from .memory_deleted import MemoryDeleted
from .memory_deleted_envelope import MemoryDeletedEnvelope
from .memory_envelope import MemoryEnvelope
from .memory_forget_request import MemoryForgetRequest
from .memory_ingest_batch import MemoryIngestBatch
from .memory_lint_request import MemoryLintRequest
from .memory_list import MemoryList
from .memory_list_envelope import MemoryListEnvelope
from .memory_metadata import MemoryMetadata
from .memory_rebuild_request import MemoryRebuildRequest
from .message import Message
from .message_metadata import MessageMetadata
from .muxi_envelope import MuxiEnvelope
from .muxi_request_info import MuxiRequestInfo
from .notification_request import NotificationRequest
from .notification_result import NotificationResult
from .notification_result_envelope import NotificationResultEnvelope
from .rate_limited_error_body import RateLimitedErrorBody
from .request_cancellation import RequestCancellation
from .request_cancellation_envelope import RequestCancellationEnvelope
from .request_list import RequestList
from .request_list_envelope import RequestListEnvelope
from .request_report import RequestReport
from .request_status import RequestStatus
from .request_status_envelope import RequestStatusEnvelope
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
from .session_envelope import SessionEnvelope
from .session_history_message import SessionHistoryMessage
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
from .tuning_update import TuningUpdate
from .ui_response_hint import UIResponseHint
from .ui_widget import UiWidget
from .update_channels_request import UpdateChannelsRequest
from .update_result import UpdateResult
from .update_result_deployment_type import UpdateResultDeploymentType
from .update_result_envelope import UpdateResultEnvelope
from .user_buffer import UserBuffer
from .user_buffer_envelope import UserBufferEnvelope
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
    "AcceptMediaType",
    "Acknowledgment",
    "AcknowledgmentStatus",
    "Agent",
    "AgentEnvelope",
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
    "AudioChatRequest",
    "AudioFile",
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
    "CancelUpdateResult",
    "CancellationKind",
    "ChannelUpdate",
    "ChannelsUpdate",
    "ChatContentPart",
    "ChatContentPartToolCallsItem",
    "ChatDoneEvent",
    "ChatErrorEvent",
    "ChatFile",
    "ChatMessage",
    "ChatMessageArtifactsItem",
    "ChatMessageMetadata",
    "ChatRequest",
    "ChatResponse",
    "ChatResponseEnvelope",
    "ChatToken",
    "ChatTokenFrame",
    "ChatTokenType",
    "ChatUiEvent",
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
    "DistilleryRegistration",
    "DistilleryScope",
    "EndpointHealthStatus",
    "EndpointList",
    "EndpointMetrics",
    "EndpointRemoved",
    "FormationDetail",
    "FormationErrorData",
    "FormationErrorDetail",
    "FormationErrorEnvelope",
    "FormationErrorEnvelopeData",
    "FormationEvent",
    "FormationHealth",
    "FormationHealthStatus",
    "FormationList",
    "FormationLogLineCounts",
    "FormationLogRecord",
    "FormationLogStreams",
    "FormationLogs",
    "FormationMessage",
    "FormationMessageEnvelope",
    "FormationObject",
    "FormationObjectEnvelope",
    "FormationStatus",
    "FormationSummary",
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
    "KnowledgeSyncTrigger",
    "LogConnectedEvent",
    "LogLineEvent",
    "Memory",
    "MemoryBackfillRequest",
    "MemoryCreate",
    "MemoryCreateMetadata",
    "MemoryDeleted",
    "MemoryDeletedEnvelope",
    "MemoryEnvelope",
    "MemoryForgetRequest",
    "MemoryIngestBatch",
    "MemoryLintRequest",
    "MemoryList",
    "MemoryListEnvelope",
    "MemoryMetadata",
    "MemoryRebuildRequest",
    "Message",
    "MessageMetadata",
    "MuxiEnvelope",
    "MuxiRequestInfo",
    "NotificationRequest",
    "NotificationResult",
    "NotificationResultEnvelope",
    "RateLimitedErrorBody",
    "RequestCancellation",
    "RequestCancellationEnvelope",
    "RequestList",
    "RequestListEnvelope",
    "RequestReport",
    "RequestStatus",
    "RequestStatusEnvelope",
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
    "SessionEnvelope",
    "SessionHistoryMessage",
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
    "TuningUpdate",
    "UIResponseHint",
    "UiWidget",
    "UpdateChannelsRequest",
    "UpdateResult",
    "UpdateResultDeploymentType",
    "UpdateResultEnvelope",
    "UserBuffer",
    "UserBufferEnvelope",
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
