"""Scripted agents: a test says what the formation (and the broker, and a deploy) answers, and the
answer reaches meshkit's clients as their typed results, events and errors."""

from __future__ import annotations

import re
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import meshkit
import pytest
from meshkit import (
    AsyncFormation,
    Completed,
    ContentDelta,
    Done,
    Formation,
    NotFoundError,
    Planning,
    Progress,
    RateLimitError,
    ServerError,
    StreamError,
    Thinking,
    ToolCall,
    UiEvent,
)
from meshkit.broker import AiMeshClient, AsyncAiMeshClient, Message
from meshkit.server import AsyncServerClient, DeploymentError, ServerClient
from meshkit.testing import Answer, BrokerAnswer, DeployFailure, DevServer, ScriptError

pytestmark = pytest.mark.block_network(allowed_hosts=[r"127\.0\.0\.1", "localhost"])

WIDGET = {"type": "options", "id": "w1", "question": "Book it?", "options": ["Yes", "No"]}
TOOL = {"name": "get_weather", "arguments": {"city": "Paris"}}


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def dev(meshkit_dev_server: DevServer) -> DevServer:
    return meshkit_dev_server


@pytest.fixture
def formation(dev: DevServer) -> Iterator[Formation]:
    with Formation(url=dev.formation_url, client_key=dev.config.client_key, max_retries=0) as client:
        yield client


@pytest.fixture
async def aformation(dev: DevServer) -> AsyncIterator[AsyncFormation]:
    async with AsyncFormation(url=dev.formation_url, client_key=dev.config.client_key, max_retries=0) as client:
        yield client


def _said(text: str) -> str:
    return f"{text} {uuid.uuid4().hex[:8]}"  # a message no other test sends


# --- what an answer can be ---------------------------------------------------------------------


def test_a_scripted_text_answers_the_matching_message_blocking_and_streamed(
    dev: DevServer, formation: Formation
) -> None:
    message = _said("Hi")
    dev.script("Hello, I am a scripted bot.", message=message, times=2)

    assert formation.chat(message).text == "Hello, I am a scripted bot."
    stream = formation.chat_stream(message)
    events = list(stream)
    assert [type(e) for e in events] == [ContentDelta] * 6 + [Completed, Done]
    assert [e.text for e in events[:6]] == ["Hello, ", "I ", "am ", "a ", "scripted ", "bot."]
    assert stream.text == "Hello, I am a scripted bot."
    assert formation.chat(message).text == f"You said: {message}"  # used up: the echo agent again


def test_a_token_sequence_arrives_as_exactly_those_deltas_with_its_own_timing(
    dev: DevServer, formation: Formation
) -> None:
    message = _said("Count")
    dev.script(Answer().tokens(["On", "e, t", "wo!"], delay=[0.0, 0.05, 0.0]), message=message)

    stream = formation.chat_stream(message)
    deltas = [event.text for event in stream if isinstance(event, ContentDelta)]

    assert deltas == ["On", "e, t", "wo!"]
    assert stream.text == "One, two!"


def test_runtime_events_arrive_as_typed_events_sync(dev: DevServer, formation: Formation) -> None:
    message = _said("Weather?")
    answer = (
        Answer()
        .progress("Request received...")
        .planning("Choosing an agent...")
        .thinking("Looking up the weather")
        .tool_call(TOOL)
        .text("Sunny in Paris.")
    )
    dev.script(answer, message=message)

    events = list(formation.chat_stream(message))

    kinds = [type(e) for e in events]
    assert kinds == [Progress, Planning, Thinking, ToolCall, ContentDelta, ContentDelta, ContentDelta, Completed, Done]
    tool_call = events[3]
    assert isinstance(tool_call, ToolCall) and tool_call.content == TOOL
    assert events[2].content == "Looking up the weather" and events[2].stage == "agent_processing"
    completed = events[-2]
    assert isinstance(completed, Completed) and completed.full_text == "Sunny in Paris."


@pytest.mark.anyio
async def test_runtime_events_arrive_as_typed_events_async(dev: DevServer, aformation: AsyncFormation) -> None:
    message = _said("Weather?")
    dev.script(Answer().thinking("Hmm").tool_call(TOOL).text("Rainy."), message=message)

    events = [event async for event in aformation.chat_stream(message)]

    assert [type(e) for e in events] == [Thinking, ToolCall, ContentDelta, Completed, Done]
    assert events[1].content == TOOL
    assert events[2].text == "Rainy."


def test_widgets_and_artifacts_reach_the_blocking_result_and_the_stream(dev: DevServer, formation: Formation) -> None:
    message = _said("Book")
    artifact = {"name": "ticket.pdf", "content_type": "application/pdf"}
    dev.script(Answer().text("Here is your ticket.").artifact(artifact).ui(WIDGET), message=message, times=2)

    result = formation.chat(message)
    assert result.text == "Here is your ticket."
    assert result.ui == [WIDGET]
    assert result.artifacts == [artifact]

    events = list(formation.chat_stream(message))
    assert [type(e) for e in events[-3:]] == [Completed, UiEvent, Done]
    ui = events[-2]
    assert isinstance(ui, UiEvent) and ui.widgets == [WIDGET]
    assert events[-3].data["artifacts"] == [artifact]  # type: ignore[index]


def test_an_error_after_three_tokens_raises_stream_error_with_their_text_sync(
    dev: DevServer, formation: Formation
) -> None:
    message = _said("Story")
    dev.script(
        Answer()
        .text("Once upon a time there was")
        .error("LLM provider timed out", type="TimeoutError", after_tokens=3),
        message=message,
    )

    received = []
    with pytest.raises(StreamError) as failed:
        for event in formation.chat_stream(message):
            received.append(event.text)

    assert received == ["Once ", "upon ", "a "]
    assert failed.value.partial_text == "Once upon a "
    assert failed.value.code == "TimeoutError"
    assert "LLM provider timed out" in str(failed.value)


@pytest.mark.anyio
async def test_an_error_after_three_tokens_raises_stream_error_async(
    dev: DevServer, aformation: AsyncFormation
) -> None:
    message = _said("Story")
    dev.script(Answer().tokens(["a", "b", "c"]).error("boom", type="RuntimeError"), message=message)

    with pytest.raises(StreamError) as failed:
        async for _ in aformation.chat_stream(message):
            pass

    assert failed.value.partial_text == "abc" and failed.value.code == "RuntimeError"


def test_a_scripted_error_fails_a_blocking_chat_with_500(dev: DevServer, formation: Formation) -> None:
    message = _said("Story")
    dev.script(Answer().text("Half an answer").error("The model crashed"), message=message)

    with pytest.raises(ServerError) as failed:
        formation.chat(message)

    assert failed.value.status_code == 500 and "The model crashed" in failed.value.message


@pytest.mark.parametrize(
    ("status", "error", "code"),
    [(404, NotFoundError, "RESOURCE_NOT_FOUND"), (429, RateLimitError, "RATE_LIMITED"), (503, ServerError, None)],
)
def test_a_scripted_status_raises_the_matching_typed_api_error(
    dev: DevServer, formation: Formation, status: int, error: type[meshkit.APIError], code: str | None
) -> None:
    message = _said("Hi")
    dev.script(Answer().status(status, "Overlord not available"), message=message, times=2)

    with pytest.raises(error) as refused:
        formation.chat(message)
    assert refused.value.status_code == status and "Overlord not available" in refused.value.message
    if code:
        assert refused.value.code == code
    with pytest.raises(error):  # a stream is refused before its first event, alike
        list(formation.chat_stream(message))


@pytest.mark.anyio
async def test_a_scripted_status_raises_the_typed_error_async(dev: DevServer, aformation: AsyncFormation) -> None:
    message = _said("Hi")
    dev.script(Answer().status(404, "Agent vanished"), message=message)

    with pytest.raises(NotFoundError) as refused:
        await aformation.chat(message)

    assert refused.value.status_code == 404


def test_a_refused_call_is_not_accepted_nor_kept_in_the_session(dev: DevServer, formation: Formation) -> None:
    message = _said("Hi")
    dev.script(Answer().status(404), message=message)

    with pytest.raises(NotFoundError):
        formation.chat(message, idempotency_key=message)

    assert message not in dev.accepted()["chats"]


def test_a_delay_keeps_the_stream_alive_with_keepalives() -> None:
    with (
        DevServer(keepalive_interval=0.05) as dev,
        httpx.Client(base_url=dev.formation_url + "/v1", headers={"X-MUXI-CLIENT-KEY": dev.config.client_key}) as http,
    ):
        dev.script(Answer().delay(0.2).text("Finally."), message="slow")
        with http.stream(
            "POST", "/chat", json={"message": "slow"}, headers={"Accept": "text/event-stream"}
        ) as response:
            body = response.read().decode()

    before_answer = body.split("data:", 1)[0]
    assert before_answer.count(": keepalive") >= 3  # the first, then one per interval waited
    assert '"content": "Finally."' in body or '"content":"Finally."' in body
    assert body.rstrip().endswith('data: {"finished": true}') or body.rstrip().endswith('data: {"finished":true}')


@pytest.mark.anyio
async def test_a_request_cancelled_during_a_scripted_delay_ends_cancelled(
    dev: DevServer, aformation: AsyncFormation
) -> None:
    message = _said("cancel me")
    dev.script(Answer().thinking("Working on it").delay(30).ui(WIDGET), message=message)

    kinds = []
    with pytest.raises(StreamError) as failed:
        async with aformation.chat_stream(message) as stream:
            async for event in stream:
                kinds.append(type(event).__name__)
                if isinstance(event, Thinking):  # the user gives up while the agent works
                    await aformation.cancel_request(event.request_id, user_id="0")

    assert kinds[0] == "Thinking" and "UiEvent" not in kinds and "Completed" not in kinds
    assert "cancelled" in str(failed.value).lower()


def test_a_delayed_answer_still_reaches_the_client(dev: DevServer, formation: Formation) -> None:
    message = _said("Slow")
    dev.script(Answer().delay(0.1).text("Worth the wait."), message=message)

    assert formation.chat(message).text == "Worth the wait."


# --- matching ------------------------------------------------------------------------------------


def test_scripts_match_on_regex_agent_user_and_session(dev: DevServer, formation: Formation) -> None:
    tag = uuid.uuid4().hex[:8]
    dev.script("by regex", message=re.compile(rf"^weather {tag}"))
    dev.script("by agent", message=re.compile(tag), agent="researcher")
    dev.script("by user", message=re.compile(tag), user=lambda user: user.startswith("vip-"))
    dev.script("by session", message=re.compile(tag), session=f"sess-{tag}")

    assert formation.chat(f"weather {tag} today").text == "by regex"
    assert formation.chat(f"hello {tag}", agent="researcher").text == "by agent"
    assert formation.chat(f"hello {tag}", user_id="vip-7").text == "by user"
    assert formation.chat(f"hello {tag}", session_id=f"sess-{tag}").text == "by session"
    assert formation.chat(f"hello {tag}").text == f"You said: hello {tag}"  # nothing left matches


def test_scripts_are_ordered_one_shot_or_repeating(dev: DevServer, formation: Formation) -> None:
    message = _said("Hi")
    dev.script("first", message=message)
    dev.script("always", message=message, times=None)

    answers = [formation.chat(message).text for _ in range(4)]

    assert answers == ["first", "always", "always", "always"]
    (left,) = [s for s in dev.scripts.snapshot()["scripts"] if s["answer"][0]["tokens"] == ["always"]]
    assert left["times"] is None and left["used"] == 3


def test_an_unmatched_message_echoes_frame_for_frame(dev: DevServer, formation: Formation) -> None:
    dev.script("not for you", message=_said("other"))

    events = list(formation.chat_stream("Tell me a story"))

    assert [type(e) for e in events] == [Progress, Planning, Thinking] + [ContentDelta] * 6 + [Completed, Done]
    assert "".join(e.text for e in events) == "You said: Tell me a story"


def test_strict_mode_refuses_an_unmatched_message_loudly(dev: DevServer, formation: Formation) -> None:
    dev.scripts.strict = True
    message = _said("unscripted")

    with pytest.raises(ServerError) as refused:
        formation.chat(message)

    assert refused.value.status_code == 500 and refused.value.code == "SCRIPT_UNMATCHED"
    assert message in refused.value.message
    assert dev.scripts.unmatched == [message]


def test_the_fixture_scripts_the_shared_server(meshkit_script: object, formation: Formation) -> None:
    script = meshkit_script
    message = _said("fixture")
    script(Answer().text("From the fixture."), message=message)  # type: ignore[operator]

    assert formation.chat(message).text == "From the fixture."


def test_reset_disarms_every_script_and_strict_mode(meshkit_fresh_dev_server: DevServer) -> None:
    dev = meshkit_fresh_dev_server
    dev.script("scripted", message="Hi", times=None)
    dev.scripts.strict = True

    dev.reset()  # what the shared fixture does after each test

    with Formation(url=dev.formation_url, client_key=dev.config.client_key) as formation:
        assert formation.chat("Hi").text == "You said: Hi"
    assert dev.scripts.snapshot() == {"scripts": [], "strict": False, "unmatched": []}


# --- over HTTP -----------------------------------------------------------------------------------


def test_scripts_over_http(dev: DevServer, formation: Formation) -> None:
    message = _said("Hi")
    script = {
        "when": {"message": {"regex": f"^{message}$"}},
        "answer": [{"event": "tool_call", "content": TOOL}, {"text": "Done."}, {"ui": [WIDGET]}],
        "times": 1,
    }
    with httpx.Client(base_url=dev.url) as control:
        created = control.post("/_dev/script", json=script)
        listed = control.get("/_dev/script").json()
        assert created.status_code == 201
        assert created.json()["when"] == {"message": {"regex": f"^{message}$"}}
        assert [s["id"] for s in listed["scripts"]] == [created.json()["id"]]

        events = list(formation.chat_stream(message))

        assert [type(e) for e in events] == [ToolCall, ContentDelta, Completed, UiEvent, Done]
        assert control.get("/_dev/script").json()["scripts"] == []  # used up
        assert control.put("/_dev/script/strict", json={"strict": True}).json()["strict"] is True
        assert control.delete("/_dev/script").json() == {"scripts": [], "strict": False, "unmatched": []}


@pytest.mark.parametrize(
    ("script", "says"),
    [
        ({"answer": [{"event": "telepathy", "content": "?"}]}, "unknown event type 'telepathy'"),
        ({"answer": [{"delay": -1}]}, "delay must be a finite number of seconds >= 0"),
        ({"when": {"message": {"regex": "(unclosed"}}, "answer": "x"}, "does not compile"),
        ({"answer": [{"ui": [{"id": "w1"}]}]}, "'type' is a required property"),
        ({"answer": [{"status": 200}]}, "status must be an integer 400-599"),
        ({"answer": [{"text": "a"}, {"error": "two\nlines"}]}, "one line"),
        ({"answer": [{"sing": "la"}]}, "unknown step"),
        ({"api": "broker", "answer": {"latency_ms": -5}}, "latency_ms must be"),
        ({"api": "server", "answer": {"stage": "dancing"}}, "unknown deploy stage"),
        ({"api": "broker", "answer": {"status": 503, "message": 5}}, "message must be a string"),
        ({"api": "server", "answer": {"stage": "validating", "message": ["x"]}}, "message must be a string"),
        ({"answer": "x", "times": 0}, "times must be"),
    ],
)
def test_a_malformed_script_is_refused_when_registered_over_http(
    dev: DevServer, script: dict[str, object], says: str
) -> None:
    with httpx.Client(base_url=dev.url) as control:
        refused = control.post("/_dev/script", json=script)

    assert refused.status_code == 400
    assert refused.json()["error"] == "invalid_script" and says in refused.json()["message"]
    assert dev.scripts.snapshot()["scripts"] == []


def test_an_answer_s_json_form_registers_the_same_answer(dev: DevServer) -> None:
    answer = Answer().delay(0.1).status(429, "Slow down", code="RATE_LIMITED", retry_after=3)
    listed = dev.script(answer, message="Hi").to_json()["answer"]

    assert listed[-1]["retry_after"] == 3
    assert Answer.from_json(listed) == answer


def test_an_event_over_http_gets_the_stage_the_python_builder_gives_it(dev: DevServer) -> None:
    steps = [{"event": kind, "content": "..."} for kind in ("progress", "planning", "thinking", "tool_call")]

    created = dev.scripts.add_json({"answer": [*steps, {"text": "Done."}]})

    stages = [step["stage"] for step in created.to_json()["answer"][:4]]
    assert stages == ["init", "agent_selection", "agent_processing", "tool_execution"]
    python = Answer().progress("...").planning("...").thinking("...").tool_call("...").text("Done.")
    assert created.answer == python


def test_an_answer_holds_a_copy_of_its_json_and_refuses_what_json_cannot_carry(
    dev: DevServer, formation: Formation
) -> None:
    import datetime

    call = {"name": "weather", "arguments": {"city": "Oslo"}}
    message = _said("copy")
    dev.script(Answer().tool_call(call).text("Sunny."), message=message)
    call["arguments"]["city"] = "Paris"  # the test reuses its dict: the armed answer does not change

    tools = [event.content for event in formation.chat_stream(message) if isinstance(event, ToolCall)]

    assert tools == [{"name": "weather", "arguments": {"city": "Oslo"}}]
    with pytest.raises(ScriptError, match="JSON"):
        Answer().tool_call({"at": datetime.datetime(2026, 1, 1)})  # would have broken the stream midway
    with pytest.raises(ScriptError, match="JSON"):
        Answer().artifact({"filename": "a.txt", "content": "eA==", "size": float("nan")})


def test_a_hostile_script_is_bounded_when_registered(dev: DevServer, monkeypatch: pytest.MonkeyPatch) -> None:
    from meshkit.devserver import _scripts

    huge = {"answer": [{"tokens": ["a"] * 10_001}]}
    forever = {"answer": [{"text": "late", "delay": 1e300}]}
    with httpx.Client(base_url=dev.url) as control:
        refused = [control.post("/_dev/script", json=script).json()["message"] for script in (huge, forever)]

    assert refused == [
        "an answer streams at most 10000 content tokens, got 10001",
        "delay must be at most 600 seconds, got 1e+300",
    ]
    with pytest.raises(ScriptError, match="at most 10000 content tokens, got 10002"):
        Answer().text("word " * 6_000).tokens(["x"] * 4_002)
    with pytest.raises(ScriptError, match="latency_ms must be at most 600000 milliseconds"):
        BrokerAnswer(latency_ms=1e9)
    checked: list[object] = []
    monkeypatch.setattr(_scripts, "_check", lambda *args: checked.append(args))
    Answer().text("word " * 5_000)  # a long text: one spec check, not one per word (0.3 ms each)
    assert len(checked) == 1


def test_a_malformed_answer_raises_when_it_is_built_in_python(dev: DevServer) -> None:
    with pytest.raises(ScriptError, match="unknown event type 'telepathy'"):
        Answer().event("telepathy", "?")
    with pytest.raises(ScriptError, match="delay must be a finite number"):
        Answer().delay(-0.5)
    with pytest.raises(ScriptError, match="does not compile"):
        dev.scripts.add_json({"when": {"message": {"regex": "([a-z"}}, "answer": "x"})
    with pytest.raises(ScriptError, match="not what the runtime sends"):
        Answer().ui({"id": "no-type"})
    with pytest.raises(ScriptError, match="only delays can come before it"):
        Answer().text("Hi").status(503)
    with pytest.raises(ScriptError, match="nothing can follow"):
        Answer().error("boom").text("more")
    with pytest.raises(ScriptError, match="a formation script matches on"):
        dev.scripts.add("formation", "x", mood="happy")
    assert isinstance(ScriptError("x"), ValueError)


# --- the broker and the MUXI Server --------------------------------------------------------------


@pytest.fixture
def broker(meshkit_fresh_dev_server: DevServer) -> Iterator[AiMeshClient]:
    from meshkit.broker import EndpointMetrics

    with AiMeshClient(meshkit_fresh_dev_server.broker_url, max_retries=0) as client:
        client.register_endpoint(
            EndpointMetrics(
                endpoint_id="local",
                capacity=10,
                current_load=0,
                cost_per_1k_tokens=0.1,
                latency_p99_ms=100,
                error_rate=0.0,
            )
        )
        yield client


def test_broker_scripts_give_a_latency_a_token_charge_or_a_refusal(
    meshkit_fresh_dev_server: DevServer, broker: AiMeshClient
) -> None:
    dev = meshkit_fresh_dev_server
    broker.set_budget("bot", 100)
    dev.script_broker(BrokerAnswer(latency_ms=250), agent="bot")
    dev.script_broker(BrokerAnswer(tokens=42), agent="bot")
    dev.script_broker(BrokerAnswer(status=503, message="Endpoint down", code="no_healthy_endpoints"), agent="bot")

    slow = broker.send_message(Message(agent_id="bot", payload=b"one"))
    costly = broker.send_message(Message(agent_id="bot", payload=b"two"))
    with pytest.raises(ServerError) as refused:
        broker.send_message(Message(agent_id="bot", payload=b"three"))

    assert slow.processing_latency_ms == 250
    assert costly.tokens_used == 42
    assert broker.get_budget("bot").remaining_tokens == 100 - slow.tokens_used - 42
    assert refused.value.status_code == 503 and refused.value.code == "no_healthy_endpoints"
    assert "Endpoint down" in refused.value.message
    stats = broker.get_stats()
    assert stats.messages_failed == 1 and stats.tokens_consumed == slow.tokens_used + 42


def test_a_broker_script_is_kept_for_a_message_the_broker_accepts(
    meshkit_fresh_dev_server: DevServer, broker: AiMeshClient
) -> None:
    dev = meshkit_fresh_dev_server
    dev.script_broker(BrokerAnswer(tokens=42), agent="bot")
    late = {"agent_id": "bot", "payload": "6869", "deadline_ms": 1}  # expired: refused before routing
    with httpx.Client(base_url=dev.broker_url) as http:
        refused = http.post("/messages", json=late)

    accepted = broker.send_message(Message(agent_id="bot", payload=b"hi"))

    assert refused.status_code == 400
    assert accepted.tokens_used == 42  # the script was still armed for it


@pytest.fixture
def formation_dir(tmp_path: Path) -> Path:
    root = tmp_path / "demo-bot"
    root.mkdir()
    (root / "formation.yaml").write_text("id: demo-bot\nversion: 1.0.0\nagents:\n  - id: helper\n")
    return root


def test_a_deploy_script_fails_the_stream_at_its_stage(
    meshkit_fresh_dev_server: DevServer, formation_dir: Path
) -> None:
    dev = meshkit_fresh_dev_server
    dev.script_deploy(DeployFailure("health_check", "the bot never answered"), formation="demo-bot")

    with ServerClient(dev.url, dev.config.key_id, dev.config.secret_key) as server:
        stages = []
        with pytest.raises(DeploymentError) as failed:
            for event in server.deploy_stream(formation_dir):
                stages.append(event.data.stage)  # type: ignore[union-attr]
        assert failed.value.stage == "health_check" and failed.value.code == "HealthCheckFailed"
        assert "the bot never answered" in str(failed.value)
        assert stages[-1] == "health_check"
        assert server.list_formations() == []  # nothing left half-deployed
        assert server.deploy(formation_dir).status == "running"  # one-shot: the next deploy works


def test_a_deploy_script_fails_a_blocking_deploy_at_an_early_stage(
    meshkit_fresh_dev_server: DevServer, formation_dir: Path
) -> None:
    dev = meshkit_fresh_dev_server
    dev.script_deploy(DeployFailure("validating", "bad formation.yaml"), operation="deploy")

    with ServerClient(dev.url, dev.config.key_id, dev.config.secret_key, max_retries=0) as server:
        with pytest.raises(ServerError) as failed:
            server.deploy(formation_dir)
        assert failed.value.status_code == 500 and "bad formation.yaml" in failed.value.message
        assert server.list_formations() == []


def test_a_deploy_script_waits_for_an_operation_that_reaches_its_stage(
    meshkit_fresh_dev_server: DevServer, formation_dir: Path
) -> None:
    dev = meshkit_fresh_dev_server
    with ServerClient(dev.url, dev.config.key_id, dev.config.secret_key, max_retries=0) as server:
        server.deploy(formation_dir)
        dev.script_deploy(DeployFailure("extracting", "corrupt bundle"), formation="demo-bot")

        assert server.restart_formation("demo-bot").status == "running"  # a restart extracts nothing
        (formation_dir / "formation.yaml").write_text("id: demo-bot\nversion: 1.0.1\nagents:\n  - id: helper\n")
        with pytest.raises(ServerError) as failed:
            server.update("demo-bot", formation_dir)

    assert "corrupt bundle" in failed.value.message
    assert dev.scripts.snapshot()["scripts"] == []


USERS_SUITE = """
pytest_plugins = ["meshkit.testing"]

import httpx
from meshkit.testing import Answer


def _chat(dev, message):
    reply = httpx.post(
        dev.formation_url + "/v1/chat",
        headers={"X-MUXI-CLIENT-KEY": dev.config.client_key},
        json={"message": message, "stream": False},
    )
    return reply.json()["data"]["message"]["content"]


def test_one_scripts_and_leaves_everything_armed(meshkit_script, meshkit_dev_server):
    meshkit_script(Answer().text("Scripted."), message="Hi", times=None)
    meshkit_script.strict = True
    assert _chat(meshkit_dev_server, "Hi") == "Scripted."


def test_two_on_the_same_server_starts_clean(meshkit_dev_server):
    assert _chat(meshkit_dev_server, "Hi") == "You said: Hi"
    assert meshkit_dev_server.scripts.snapshot() == {"scripts": [], "strict": False, "unmatched": []}
    assert [entry.body["message"] for entry in meshkit_dev_server.requests(operation="chat")] == ["Hi"]
"""


def test_a_users_suite_gets_scripts_and_journal_reset_between_its_tests(tmp_path: Path) -> None:
    """The shared server of ``meshkit.testing``, in a suite of a user's own (its own pytest run)."""
    (tmp_path / "test_bot.py").write_text(USERS_SUITE)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )

    assert run.returncode == 0, run.stdout + run.stderr
    assert "2 passed" in run.stdout


@pytest.mark.anyio
async def test_broker_and_deploy_scripts_reach_the_async_clients(
    meshkit_fresh_dev_server: DevServer, formation_dir: Path
) -> None:
    dev = meshkit_fresh_dev_server
    dev.script_broker(BrokerAnswer(status=402, message="Scripted: out of tokens", code="budget_exceeded"))
    dev.script_deploy(DeployFailure("spawning", "no room on this host", kind="SpawnError"), operation="deploy")

    async with AsyncAiMeshClient(dev.broker_url, max_retries=0) as broker:
        with pytest.raises(meshkit.BudgetExceededError) as refused:
            await broker.send_message(Message(agent_id="bot", payload=b"hi"))
    async with AsyncServerClient(dev.url, dev.config.key_id, dev.config.secret_key) as server:
        with pytest.raises(DeploymentError) as failed:
            async for _ in server.deploy_stream(formation_dir):
                pass
        formations = await server.list_formations()

    assert refused.value.status_code == 402 and "out of tokens" in refused.value.message
    assert (failed.value.stage, failed.value.code) == ("spawning", "SpawnError")
    assert formations == []
