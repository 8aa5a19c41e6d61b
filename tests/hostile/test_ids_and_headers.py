"""Rows 2, 5, 7 and 8 of the hostile table: an id can never turn into another operation, and a key
or header value that cannot be sent is refused before sending, without its value in any message."""

from __future__ import annotations

import asyncio
import inspect
import re
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from meshkit import (
    AiMeshClient,
    AsyncFormation,
    ConfigurationError,
    Formation,
    MeshkitError,
    ServerClient,
    ValidationError,
)
from meshkit._core.wire import builder, operations

CLIENT_KEY = "fmc_hostile_client_key_0001"
ADMIN_KEY = "fma_hostile_admin_key_0002"


HEALTHY = {"status": "healthy", "version": "1.0.0", "uptime_seconds": 1}
BUFFER_CLEARED = {"message": "cleared", "user_id": "alice", "session_id": "./", "messages_cleared": 0}


class Recorder:
    """A MockTransport handler that records what was sent and answers 200: a health body for the
    health route, a cleared buffer for a buffer route, ``{"data": {}}`` otherwise (only what was
    sent matters to these tests)."""

    def __init__(self) -> None:
        self.sent: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        if request.url.path.endswith("/v1/health"):
            return httpx.Response(200, json=HEALTHY)
        if "/v1/memory/buffer/" in request.url.path:
            return httpx.Response(200, json={"data": BUFFER_CLEARED})
        return httpx.Response(200, json={"data": {}})


def formation_on(recorder: Recorder, **options: Any) -> Formation:
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    return Formation(
        url="http://formation.test", client_key=CLIENT_KEY, admin_key=ADMIN_KEY, http_client=http, **options
    )


# --- row 2: dot segments ---------------------------------------------------------------------------


@pytest.mark.parametrize("agent_id", ["", ".", ".."])
def test_an_id_that_would_change_the_route_is_refused_before_sending(agent_id: str) -> None:
    recorder = Recorder()
    with formation_on(recorder) as formation, pytest.raises(ValidationError) as caught:
        formation.get_agent(agent_id)
    assert caught.value.field == "agent_id"
    assert recorder.sent == []


def test_clearing_the_buffer_of_session_dot_does_not_wipe_the_users_whole_buffer() -> None:
    recorder = Recorder()
    with formation_on(recorder) as formation:
        with pytest.raises(ValidationError) as caught:
            formation.for_user("alice").ops.clear_session_buffer(".")
        formation.for_user("alice").ops.clear_session_buffer("./")  # any other id is one segment
    assert caught.value.field == "session_id"
    assert [r.url.raw_path for r in recorder.sent] == [b"/v1/memory/buffer/.%2F"]


def test_the_async_client_refuses_them_too() -> None:
    recorder = Recorder()

    async def main() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
        async with AsyncFormation(url="http://formation.test", admin_key=ADMIN_KEY, http_client=http) as formation:
            with pytest.raises(ValidationError):
                await formation.get_agent("..")

    asyncio.run(main())
    assert recorder.sent == []


# Every operation with a path parameter, on every API: any text either sends exactly that
# operation (its path with the value as one segment) or is a ValidationError before sending.
PATH_OPERATIONS = sorted(op for op, entry in operations().items() if "{" in entry["path"])


def _template(path: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "([^/]+)", re.escape(path)) + "$")


def _filler(operation_id: str, tag: str, name: str) -> Any:
    if name != "body":
        return "x"
    annotation = str(inspect.signature(builder(operation_id, tag).request_kwargs).parameters["body"].annotation)
    return b"bundle" if "File" in annotation else {}  # an upload, or a JSON body


@pytest.mark.parametrize("operation_id", PATH_OPERATIONS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(max_size=12) | st.sampled_from(["", ".", "..", "./..", "%2e", "%2E%2E", "?", "#", "a/../b"]))
def test_any_path_value_sends_exactly_the_named_operation_or_nothing(operation_id: str, value: str) -> None:
    entry = operations()[operation_id]
    tag = entry["tags"][0]
    parameters = entry["parameters"]
    names = re.findall(r"\{([^}]+)\}", entry["path"])
    arguments = {name: _filler(operation_id, tag, name) for name, required in parameters.items() if required}
    recorder = Recorder()
    with formation_on(recorder) as formation:
        client = _client_for(tag, recorder, formation)
        for name in names:
            arguments[name] = value
        try:
            client._transport.call(operation_id, arguments, typed=False, user_id="u1" if entry["user_header"] else None)
        except ValidationError as exc:
            assert value in ("", ".", "..")
            assert exc.field in names
            assert recorder.sent == []
            return
        finally:
            if client is not formation:
                client.close()
    assert value not in ("", ".", "..")
    (request,) = recorder.sent
    assert request.method == entry["method"]
    match = _template(entry["path"]).match(request.url.raw_path.decode().split("?")[0].removeprefix("/formation"))
    assert match is not None, request.url
    assert all(unquote(segment) == value for segment in match.groups())


def _client_for(tag: str, recorder: Recorder, formation: Formation) -> Any:
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    if tag == "server":
        return ServerClient("http://server.test", key_id="MUXI_k", secret_key="sk_hostile_secret", http_client=http)
    if tag == "broker":
        return AiMeshClient(base_url="http://broker.test", api_key="aimesh_hostile_token", http_client=http)
    http.close()
    return formation


# --- row 7: the server-routed formation id ---------------------------------------------------------


@pytest.mark.parametrize("formation_id", ["", ".", ".."])
def test_a_formation_id_that_would_change_the_route_is_refused(formation_id: str) -> None:
    with pytest.raises(ConfigurationError, match="formation_id"):
        Formation(server_url="http://server.test", formation_id=formation_id or "..", client_key=CLIENT_KEY)


@pytest.mark.parametrize("formation_id", ["x#y", "x?y", "../rpc/formations", "a/b"])
def test_a_formation_id_is_one_encoded_segment_of_the_route(formation_id: str) -> None:
    recorder = Recorder()
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    with Formation(
        server_url="http://server.test", formation_id=formation_id, client_key=CLIENT_KEY, http_client=http
    ) as formation:
        formation.ops.get_health()
    (request,) = recorder.sent
    prefix, encoded, rest = request.url.raw_path.decode().split("/", 3)[1:]
    assert (prefix, unquote(encoded)) == ("api", formation_id)
    assert rest.startswith("v1/")


# --- rows 5 and 8: keys and header values ----------------------------------------------------------

KEY_WITH_NEWLINE = "fma_read_from_a_file_0003\n"


@pytest.mark.parametrize("bad", ["\n", "\r", "\0", " ", "é", "\x7f", "\t"])
@pytest.mark.parametrize(
    "make",
    [
        lambda key: Formation(url="http://f.test", client_key=key),
        lambda key: Formation(url="http://f.test", admin_key=key),
        lambda key: AsyncFormation(url="http://f.test", client_key=key),
        lambda key: AiMeshClient(base_url="http://b.test", api_key=key),
        lambda key: ServerClient("http://s.test", key_id="MUXI_k", secret_key=key),
        lambda key: ServerClient("http://s.test", key_id=key, secret_key="sk_x"),
    ],
    ids=["client_key", "admin_key", "async_client_key", "api_key", "secret_key", "key_id"],
)
def test_a_key_that_cannot_be_a_header_is_refused_at_construction_without_its_value(make: Any, bad: str) -> None:
    key = f"fma_secret_{bad}_value_0004"
    with pytest.raises(ConfigurationError) as caught:
        make(key)
    text = str(caught.value) + repr(caught.value)
    assert "secret" not in text.replace("secret_key", "")
    assert "0004" not in text


def test_a_key_read_from_a_file_with_its_newline_says_so_and_sends_nothing() -> None:
    with pytest.raises(ConfigurationError) as caught:
        Formation(url="http://f.test", admin_key=KEY_WITH_NEWLINE)
    assert "admin_key" in str(caught.value) and "newline" in str(caught.value)
    assert "0003" not in str(caught.value)


def test_a_key_from_the_environment_is_checked_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MUXI_CLIENT_KEY", KEY_WITH_NEWLINE)
    with pytest.raises(ConfigurationError, match="MUXI_CLIENT_KEY"):
        Formation(url="http://f.test")


@pytest.mark.parametrize("user_id", ["álvaro", "alice\r\nX-Injected: 1", "bob\0", " alice", "zoë"])
def test_a_user_id_that_cannot_be_a_header_is_a_validation_error_before_sending(user_id: str) -> None:
    recorder = Recorder()
    with formation_on(recorder) as formation, pytest.raises(ValidationError) as caught:
        formation.for_user(user_id).chat("hi")
    assert caught.value.field == "user_id"
    assert recorder.sent == []  # not sent, so not retried either


def test_the_async_client_refuses_a_bad_user_id_before_sending() -> None:
    recorder = Recorder()

    async def main() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
        async with AsyncFormation(url="http://formation.test", client_key=CLIENT_KEY, http_client=http) as formation:
            with pytest.raises(ValidationError) as caught:
                await formation.for_user("zoë").chat("hi")
            assert caught.value.field == "user_id"
        with pytest.raises(ConfigurationError, match="formation_id"):
            AsyncFormation(server_url="http://server.test", formation_id="..", client_key=CLIENT_KEY)

    asyncio.run(main())
    assert recorder.sent == []


@settings(max_examples=200, deadline=None)
@given(user_id=st.text(min_size=1, max_size=16))
def test_any_user_id_is_sent_exactly_or_refused_before_sending(user_id: str) -> None:
    recorder = Recorder()
    with formation_on(recorder) as formation:
        try:
            formation.ops.list_sessions(user_id=user_id)
        except ValidationError as exc:
            assert exc.field == "user_id" and recorder.sent == []
            return
        except MeshkitError as exc:  # the answer {} is not a session list: decoding may refuse it
            assert not isinstance(exc, ValidationError)
    (request,) = recorder.sent
    assert request.headers["x-muxi-user-id"] == user_id
