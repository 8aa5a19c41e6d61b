"""Calls that cannot be sent say so before sending: chat() and chat_stream() take explicit keyword
arguments (a misspelt one, or chat(stream=True), is a TypeError; body fields they do not name go
in ``extra_body``), and a closed client is a MeshkitError, not httpx's RuntimeError."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from formation_support import Recorder, make_async_formation, make_formation
from meshkit import MeshkitError
from meshkit.devserver import DevServer


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


def _bodies(recorder: Recorder) -> list[dict[str, Any]]:
    return [json.loads(request.content) for request in recorder.requests]


def test_a_misspelt_argument_is_a_type_error_and_nothing_is_sent(dev: DevServer, recorder: Recorder) -> None:
    with httpx.Client(event_hooks={"request": [recorder]}) as http, make_formation(dev, http_client=http) as formation:
        with pytest.raises(TypeError, match="sesion_id"):
            formation.chat("Hello!", sesion_id="sess_abc")  # type: ignore[call-arg]
        with pytest.raises(TypeError, match="agnet"):
            formation.chat_stream("Hello!", agnet="researcher")  # type: ignore[call-arg]
    assert recorder.requests == []


def test_chat_with_stream_true_points_to_chat_stream(dev: DevServer, recorder: Recorder) -> None:
    with (
        httpx.Client(event_hooks={"request": [recorder]}) as http,
        make_formation(dev, http_client=http) as formation,
        pytest.raises(TypeError, match=r"call chat_stream\(\.\.\.\)"),
    ):
        formation.chat("Hello!", stream=True)  # type: ignore[arg-type]
    assert recorder.requests == []


def test_request_id_files_and_extra_body_reach_the_body(dev: DevServer, recorder: Recorder) -> None:
    files = [{"filename": "a.txt", "content_type": "text/plain", "data": "aGk="}]
    with httpx.Client(event_hooks={"request": [recorder]}) as http, make_formation(dev, http_client=http) as formation:
        result = formation.chat("Hello!", request_id="req_mine", files=files, extra_body={"group_id": "team-a"})
        formation.chat_stream("Hello!", extra_body={"source_channel": "slack"}).until_done()

    assert result.request_id == "req_mine"
    blocking, streamed = _bodies(recorder)
    assert blocking["request_id"] == "req_mine" and blocking["files"] == files and blocking["group_id"] == "team-a"
    assert blocking["stream"] is False
    assert streamed["source_channel"] == "slack" and streamed["stream"] is True


@pytest.mark.anyio
async def test_async_chat_refuses_stream_true_and_typos(dev: DevServer) -> None:
    async with make_async_formation(dev) as formation:
        with pytest.raises(TypeError, match="chat_stream"):
            await formation.chat("Hello!", stream=True)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="sesion_id"):
            await formation.chat("Hello!", sesion_id="s")  # type: ignore[call-arg]


def test_a_closed_client_says_so(dev: DevServer) -> None:
    formation = make_formation(dev)
    formation.close()
    with pytest.raises(MeshkitError, match="the client is closed") as closed:
        formation.chat("Hello!")
    assert closed.value.hint and "create a new client" in closed.value.hint
    with pytest.raises(MeshkitError, match="the client is closed"):
        formation.chat_stream("Hello!").until_done()


@pytest.mark.anyio
async def test_async_a_closed_client_says_so(dev: DevServer) -> None:
    formation = make_async_formation(dev)
    await formation.aclose()
    with pytest.raises(MeshkitError, match="the client is closed"):
        await formation.list_agents()


def test_ops_users_a_view_and_both_user_names() -> None:
    """A for_user view's user goes on every ops call, and picks the client key where an operation
    takes either key; as_user and user_id together are one user, never a builder argument."""
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"success": True, "data": {"services": [], "count": 0}})

    http = httpx.Client(transport=httpx.MockTransport(answer))
    formation = make_formation_with_keys(http)
    formation.for_user("alice").ops.list_credential_services()
    formation.ops.list_credential_services(as_user="bob", user_id="carol")
    (view, named) = seen
    assert view.headers["x-muxi-user-id"] == "alice" and "x-muxi-client-key" in view.headers
    assert named.headers["x-muxi-user-id"] == "bob"


def make_formation_with_keys(http: httpx.Client) -> Any:
    from meshkit import Formation

    return Formation(url="http://formation.test", client_key="fmc_x", admin_key="fma_x", http_client=http)
