"""Results that feel native (issue 16): no ``Unset`` anywhere a user can reach, absent fields read
None, ``to_dict()``/``to_json()`` on every model, the envelope's request id and time as ``meta``
(never as fields), and the per-call options (``extra_headers``, ``extra_query``, ``extra_body``,
``timeout``) on façade methods and ``ops`` alike, with typos refused before anything is sent."""

from __future__ import annotations

import asyncio
import copy
import inspect
import json
import pickle
import typing
from collections.abc import Iterator
from datetime import UTC, datetime

import attrs
import httpx
import meshkit
import pytest
from meshkit import AiMeshClient, AsyncFormation, ConfigurationError, Formation, models
from meshkit._core.options import OPTION_NAMES
from meshkit._generated.operations import OPERATIONS
from meshkit.devserver import DevServer


class Sent:
    """The requests a client sent, in order."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> None:
        self.requests.append(request)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


@pytest.fixture
def sent() -> Sent:
    return Sent()


@pytest.fixture
def formation(meshkit_dev_server: DevServer, sent: Sent) -> Iterator[Formation]:
    dev = meshkit_dev_server
    http = httpx.Client(event_hooks={"request": [sent]})
    with (
        http,
        Formation(
            url=dev.formation_url, client_key=dev.config.client_key, admin_key=dev.config.admin_key, http_client=http
        ) as client,
    ):
        yield client


@pytest.fixture
def broker(meshkit_dev_server: DevServer, sent: Sent) -> Iterator[AiMeshClient]:
    http = httpx.Client(event_hooks={"request": [sent]})
    with http, AiMeshClient(meshkit_dev_server.broker_url, http_client=http) as client:
        yield client


def _reachable_reprs(value: object, seen: set[int] | None = None) -> Iterator[str]:
    """The repr of ``value`` and of every model, list and dict inside it."""
    seen = seen if seen is not None else set()
    if id(value) in seen:
        return
    seen.add(id(value))
    yield repr(value)
    if isinstance(value, models.Model):
        for field in value.__attrs_attrs__:  # type: ignore[attr-defined]
            yield from _reachable_reprs(getattr(value, field.name), seen)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _reachable_reprs(item, seen)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _reachable_reprs(item, seen)


# --- models --------------------------------------------------------------------------------------


def test_no_model_field_is_typed_or_defaulted_with_unset() -> None:
    for name in models.__all__:
        model = getattr(models, name)
        if not (isinstance(model, type) and issubclass(model, models.Model)) or model is models.Model:
            continue
        hints = typing.get_type_hints(model)
        assert "Unset" not in str(hints), name
        defaults = [p.default for p in inspect.signature(model).parameters.values()]
        assert not any(type(d).__name__ == "Unset" for d in defaults), name


def test_an_answer_reads_none_for_absent_fields_and_its_repr_shows_what_is_set(formation: Formation) -> None:
    agent = formation.get_agent(formation.list_agents()[0].id)
    answer = formation.chat("Hello!")

    assert all("Unset" not in text for text in _reachable_reprs(agent))
    assert all("Unset" not in text for text in _reachable_reprs(answer.model))
    assert "=None" not in repr(agent)
    absent = [field.name for field in agent.__attrs_attrs__ if getattr(agent, field.name) is None]
    assert absent, "the dev server's agent leaves some optional field out"
    assert all(name not in agent.to_dict() for name in absent)


def test_the_quick_starts_results_show_no_unset(meshkit_fresh_dev_server: DevServer) -> None:
    from pathlib import Path

    dev = meshkit_fresh_dev_server
    hello_bot = Path(__file__).resolve().parents[2] / "examples" / "formations" / "hello-bot"
    results: list[object] = []
    with meshkit.ServerClient(dev.url, dev.config.key_id, dev.config.secret_key) as server:
        with server.deploy_stream(hello_bot) as progress:
            results += list(progress)
        results += [server.list_formations(), server.get_formation("hello-bot"), server.status()]
        with server.formation("hello-bot", client_key=dev.config.client_key) as bot:
            results.append(bot.chat("Hello, bot!"))
    with Formation(url=dev.formation_url, client_key=dev.config.client_key, admin_key=dev.config.admin_key) as f:
        answer = f.chat("Hello!", user_id="quick")
        assert answer.session_id is not None
        with f.chat_stream("Tell me a story") as stream:
            results += list(stream)
        results += [answer, answer.model, f.get_session(answer.session_id, user_id="quick"), f.list_agents()]
        results += [f.list_sessions(user_id="quick"), f.list_requests(), f.health()]
        results.append(f.create_job("recurring", "0 9 * * 1", "Weekly summary"))
    with AiMeshClient(dev.broker_url) as broker:
        results += [broker.get_stats(), broker.health_check(), broker.list_endpoints()]

    shown = [text for result in results for text in _reachable_reprs(result)]
    assert len(shown) > 50
    assert not [text for text in shown if "Unset" in text]


def test_models_round_trip_through_json(formation: Formation) -> None:
    agent = formation.ops.get_agent(formation.list_agents()[0].id)

    again = models.Agent.from_dict(json.loads(agent.to_json()))

    assert again == agent and again.to_dict() == agent.to_dict()
    assert json.loads(agent.to_json(indent=2)) == agent.to_dict()


def test_none_means_not_given_so_a_model_sent_back_clears_nothing(formation: Formation, sent: Sent) -> None:
    assert models.Agent(id="a").to_dict() == {"id": "a"}
    assert models.Agent(id="a", description=None).to_dict() == {"id": "a"}
    assert models.Agent.from_dict({"id": "a", "description": None}).to_dict() == {"id": "a"}
    assert models.ChatRequest(message="x", mode=None).to_dict() == {"message": "x", "stream": True}
    later = models.Agent(id="a")
    later.description = "set after construction"
    assert later.to_dict() == {"id": "a", "description": "set after construction"}
    update = models.ScheduledJobUpdate(title="Daily digest")
    assert attrs.evolve(update, title="Weekly").to_dict() == {"title": "Weekly"}  # nothing else cleared
    # An explicit null goes through extra_body.
    formation.ops.create_memory(body={"content": "tea"}, user_id="null_user", extra_body={"metadata": None})
    assert json.loads(sent.last.content) == {"content": "tea", "metadata": None}


def test_a_models_meta_survives_copy_and_pickle(formation: Formation) -> None:
    soul = formation.ops.get_overlord_soul()
    for again in (copy.copy(soul), copy.deepcopy(soul), pickle.loads(pickle.dumps(soul))):
        assert again == soul and again.meta == soul.meta and again.request_id == soul.request_id


def test_results_with_bytes_serialise_them_as_hex() -> None:
    message = meshkit.Message(agent_id="agent", payload=b"Hello")
    assert message.to_dict()["payload"] == "48656c6c6f" == message.to_wire()["payload"]
    assert json.loads(message.to_json())["payload"] == "48656c6c6f"


def test_the_envelope_is_metadata_not_fields(formation: Formation) -> None:
    before = datetime.now(UTC)
    agent = formation.ops.get_agent(formation.list_agents()[0].id, idempotency_key="key-meta-1")

    assert agent.request_id is not None and agent.request_id.startswith("req_")
    assert agent.meta.request_id == agent.request_id
    assert agent.meta.idempotency_key in (None, "key-meta-1")  # echoed when the server sends it
    assert agent.meta.timestamp is not None and abs((agent.meta.timestamp - before).total_seconds()) < 60
    for key in ("request_id", "timestamp", "request", "success"):
        assert key not in agent.to_dict() and key not in agent.additional_properties
    # A model built by hand (or nested in an answer) has no envelope.
    assert models.Agent(id="x").request_id is None and models.Agent(id="x").meta.timestamp is None


def test_the_facades_results_serialise_to_json(formation: Formation, broker: AiMeshClient) -> None:
    answer = formation.chat("Hello!", user_id="json_user")
    assert answer.session_id is not None
    session = formation.get_session(answer.session_id, user_id="json_user")
    stats = broker.get_stats()

    assert json.loads(answer.to_json())["text"] == answer.text == "You said: Hello!"
    as_dict = session.to_dict()
    assert as_dict["id"] == answer.session_id and "raw" not in as_dict
    messages = as_dict["messages"]
    assert isinstance(messages, list) and messages and isinstance(messages[0], dict)
    assert isinstance(messages[0]["timestamp"], str)  # datetimes as ISO 8601 text
    assert json.loads(session.to_json()) == as_dict
    assert json.loads(stats.to_json()) == stats.to_dict()


# --- per-call options ----------------------------------------------------------------------------


def test_ops_take_extra_headers_query_body_and_timeout(formation: Formation, sent: Sent) -> None:
    formation.ops.get_overlord_soul(extra_headers={"X-Trace": "t-1"}, extra_query={"debug": True}, timeout=3)
    request = sent.last
    assert request.headers["X-Trace"] == "t-1"
    assert request.url.params["debug"] == "true"
    assert request.extensions["timeout"]["read"] == 3

    formation.ops.create_memory(
        body={"type": "preference", "detail": "tea"}, user_id="opt_user", extra_body={"scope": "user"}
    )
    assert json.loads(sent.last.content) == {"type": "preference", "detail": "tea", "scope": "user"}


def test_facade_methods_take_the_same_options(formation: Formation, broker: AiMeshClient, sent: Sent) -> None:
    formation.list_agents(extra_headers={"X-Trace": "t-2"}, timeout=2.5)
    assert sent.last.headers["X-Trace"] == "t-2" and sent.last.extensions["timeout"]["read"] == 2.5

    broker.get_stats(extra_query={"window": "1m"})
    assert sent.last.url.params["window"] == "1m"
    broker.get_stats()  # a shared plan is not changed by one call's options
    assert "window" not in sent.last.url.params


def test_default_headers_go_on_every_call_and_a_call_can_override_them(
    meshkit_dev_server: DevServer, sent: Sent
) -> None:
    dev = meshkit_dev_server
    http = httpx.Client(event_hooks={"request": [sent]})
    with (
        http,
        Formation(
            url=dev.formation_url,
            client_key=dev.config.client_key,
            admin_key=dev.config.admin_key,
            http_client=http,
            default_headers={"X-Team": "search", "X-Env": "test"},
        ) as formation,
    ):
        formation.chat("Hello!")
        formation.list_agents(extra_headers={"X-Env": "canary"})
        formation.with_options(default_headers={"X-Run": "7"}).health()

    chat, agents, health = sent.requests
    assert chat.headers["X-Team"] == agents.headers["X-Team"] == health.headers["X-Team"] == "search"
    assert (chat.headers["X-Env"], agents.headers["X-Env"]) == ("test", "canary")
    assert health.headers["X-Run"] == "7" and "X-Run" not in chat.headers


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({"X-MUXI-CLIENT-KEY": "fmc_x"}, "carries a key; pass it to the client"),
        ({"authorization": "Bearer x"}, "carries a key"),
        ({"Bad Name": "x"}, "not a valid header name"),
        ({"X-Ok": "line\r\nbreak"}, "visible ASCII"),
        ({"X-Count": 1}, "must map str to str"),
    ],
)
def test_bad_default_headers_are_refused_when_the_client_is_built(headers: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigurationError, match=message) as refused:
        Formation(url="http://127.0.0.1:9", client_key="fmc_secret_value", default_headers=headers)  # type: ignore[arg-type]
    assert "fmc_x" not in str(refused.value) and "Bearer x" not in str(refused.value)
    with pytest.raises(ConfigurationError, match=message):
        AiMeshClient("http://127.0.0.1:9", default_headers=headers)  # type: ignore[arg-type]


# The methods that send nothing (or make clients) take no per-call options.
NOT_CALLS = {"aclose", "close", "create_session", "for_user", "formation", "with_options", "with_raw_response"}


@pytest.mark.parametrize(
    "client",
    [
        meshkit.Formation,
        meshkit.AsyncFormation,
        meshkit.ServerClient,
        meshkit.AsyncServerClient,
        meshkit.AiMeshClient,
        meshkit.AsyncAiMeshClient,
    ],
    ids=lambda cls: cls.__name__,
)
def test_every_method_that_sends_takes_the_options(client: type) -> None:
    methods = {name: value for name, value in inspect.getmembers(client) if inspect.isfunction(value)}
    public = {name for name in methods if not name.startswith("_")}
    for name in public - NOT_CALLS:
        options = inspect.signature(methods[name]).parameters.get("options")
        assert options is not None and options.kind is options.VAR_KEYWORD, name


def test_every_ops_method_takes_the_options() -> None:
    from meshkit._operations import broker_sync, formation_async, server_sync

    classes = [
        formation_async.AsyncFormationOperations,
        server_sync.ServerOperations,
        broker_sync.BrokerOperations,
    ]
    for cls in classes:
        for name, method in inspect.getmembers(cls, inspect.isfunction):
            if not name.startswith("_") and name in OPERATIONS:
                assert set(inspect.signature(method).parameters) >= OPTION_NAMES, name


def test_wrong_options_are_refused_before_sending(formation: Formation, broker: AiMeshClient, sent: Sent) -> None:
    with pytest.raises(ConfigurationError, match="sends no body"):
        formation.ops.get_overlord_soul(extra_body={"x": 1})
    with pytest.raises(ConfigurationError, match="extra_headers must map str to str"):
        formation.list_agents(extra_headers={"X-Count": 1})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match=r"get_budget\(\) got an unexpected keyword argument 'extra_header'"):
        broker.get_budget("agent", extra_header={"X": "1"})  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="Did you mean 'extra_headers'"):
        broker.get_budget("agent", extra_header={"X": "1"})  # type: ignore[call-arg]
    assert sent.requests == []


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.anyio
async def test_async_ops_are_coroutines_a_task_can_run(meshkit_dev_server: DevServer) -> None:
    dev = meshkit_dev_server
    async with AsyncFormation(
        url=dev.formation_url, client_key=dev.config.client_key, admin_key=dev.config.admin_key
    ) as formation:
        soul = await asyncio.create_task(formation.ops.get_overlord_soul(timeout=5))
        agents = await formation.list_agents(extra_headers={"X-Trace": "a"})

    assert soul.request_id is not None and agents


# --- raw responses -------------------------------------------------------------------------------


def test_with_raw_response_gives_status_headers_and_the_parsed_result(formation: Formation) -> None:
    agent_id = formation.list_agents()[0].id

    raw = formation.with_raw_response(formation.get_agent, agent_id, timeout=5)
    ops_raw = formation.with_raw_response(formation.ops.get_overlord_soul)
    answer = formation.chat("Hello!", user_id="raw_user")
    assert answer.session_id is not None
    session = formation.with_raw_response(formation.get_session, answer.session_id, user_id="raw_user")

    assert raw.status_code == 200 and raw.headers["content-type"].startswith("application/json")
    assert isinstance(raw.parsed, models.Agent) and raw.parsed.id == agent_id
    assert raw.http_response.json()["data"]["id"] == agent_id
    assert ops_raw.parsed.request_id == ops_raw.http_response.json()["request"]["id"]
    assert len(session.responses) == 2 and session.http_response is session.responses[-1]  # summary, then messages


def test_with_raw_response_of_something_that_sends_nothing_is_an_error(formation: Formation) -> None:
    from meshkit import MeshkitError

    with pytest.raises(MeshkitError, match="create_session sent no request"):
        formation.with_raw_response(formation.create_session)


@pytest.mark.anyio
async def test_async_with_raw_response(meshkit_dev_server: DevServer, broker: AiMeshClient) -> None:
    dev = meshkit_dev_server
    async with AsyncFormation(
        url=dev.formation_url, client_key=dev.config.client_key, admin_key=dev.config.admin_key
    ) as formation:
        raw = await formation.with_raw_response(formation.list_agents, extra_headers={"X-Trace": "raw"})

    assert raw.status_code == 200 and raw.http_response.request.headers["X-Trace"] == "raw"
    assert raw.parsed and all(isinstance(agent, models.Agent) for agent in raw.parsed)
    broker_raw = broker.with_raw_response(broker.get_stats)
    assert broker_raw.status_code == 200 and broker_raw.parsed.raw == broker_raw.http_response.json()


# --- review fixes: what the wrappers, the headers and the raw capture must not break -----------------


def test_async_methods_stay_coroutine_functions_for_asyncio_and_autospec() -> None:
    from unittest import mock

    for cls in (meshkit.AsyncFormation, meshkit.AsyncServerClient, meshkit.AsyncAiMeshClient):
        for name in ("get_stats" if cls is meshkit.AsyncAiMeshClient else "health", "with_raw_response"):
            assert asyncio.iscoroutinefunction(getattr(cls, name)), (cls.__name__, name)
    spec = mock.create_autospec(meshkit.AsyncFormation, instance=True)
    assert isinstance(spec.chat, mock.AsyncMock) and isinstance(spec.get_agent, mock.AsyncMock)


def test_raw_responses_are_seen_from_send_manys_worker_threads(broker: AiMeshClient) -> None:
    messages = [meshkit.Message(agent_id="raw-agent", payload=f"m{n}") for n in range(3)]

    raw = broker.with_raw_response(broker.send_many, messages, max_in_flight=3)

    assert len(raw.parsed) == 3 and len(raw.responses) == 3
    assert {response.status_code for response in raw.responses} <= {200, 202, 503}


def test_header_names_are_merged_whatever_their_case(meshkit_dev_server: DevServer, sent: Sent) -> None:
    dev = meshkit_dev_server
    http = httpx.Client(event_hooks={"request": [sent]})
    with (
        http,
        Formation(
            url=dev.formation_url,
            client_key=dev.config.client_key,
            admin_key=dev.config.admin_key,
            http_client=http,
            default_headers={"user-agent": "mine/1", "x-team": "search"},
        ) as formation,
    ):
        formation.list_agents(extra_headers={"X-TEAM": "canary", "accept": "application/json"})

    names = [name.lower() for name, _ in sent.last.headers.raw]
    assert len(names) == len(set(names)), sent.last.headers.raw  # never the same header twice
    assert sent.last.headers["User-Agent"] == "mine/1" and sent.last.headers["X-Team"] == "canary"
    assert b"x-muxi-idempotency-key" in names


@pytest.mark.parametrize("name", ["X-Muxi-User-ID", "x-muxi-idempotency-key"])
def test_headers_set_by_an_argument_are_refused_as_headers(formation: Formation, name: str) -> None:
    with pytest.raises(ConfigurationError, match="set by the call's"):
        formation.list_agents(extra_headers={name: "x"})


def test_a_cookie_in_default_headers_is_masked_on_errors_and_out_of_reprs(meshkit_dev_server: DevServer) -> None:
    dev = meshkit_dev_server
    with Formation(
        url=dev.formation_url, admin_key=dev.config.admin_key, default_headers={"Cookie": "session=s3cret"}
    ) as formation:
        with pytest.raises(meshkit.NotFoundError) as missing:
            formation.get_agent("nobody")
        assert "s3cret" not in repr(formation._settings) and "s3cret" not in repr(formation._wire)
    response = missing.value.response
    assert response is not None and response.request.headers["Cookie"] == "***"


def test_chats_extra_body_is_checked_like_every_other(formation: Formation, sent: Sent) -> None:
    with pytest.raises(ConfigurationError, match="extra_body must be a mapping"):
        formation.chat("hi", extra_body="abc")  # type: ignore[arg-type]
    formation.chat("hi", extra_body={"metadata": {"channel": "test"}})
    assert json.loads(sent.last.content)["metadata"] == {"channel": "test"}
