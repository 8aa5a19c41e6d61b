"""The runtime's error answers map to meshkit's typed errors, with its message and request id."""

from __future__ import annotations

import socket
from typing import Any

import meshkit
import pytest
from conftest import make_formation
from meshkit import AuthenticationError, NotFoundError, ServerError, ValidationError


def test_401_wrong_client_key(stack: Any, recorder: Any) -> None:
    with make_formation(stack, recorder) as formation:
        wrong = meshkit.Formation(url=stack.url, client_key="fmc_wrong", admin_key="fma_wrong", max_retries=0)
        with wrong, pytest.raises(AuthenticationError) as caught:
            wrong.list_sessions(user_id="someone")
        assert caught.value.status_code == 401
        assert formation.list_triggers()  # the right key still works


def test_404_names_the_missing_thing(formation: Any) -> None:
    with pytest.raises(NotFoundError) as caught:
        formation.ops.get_trigger("no-such-trigger")
    assert caught.value.status_code == 404
    assert "no-such-trigger" in str(caught.value)
    assert caught.value.request_id and caught.value.request_id.startswith("req_")


def test_422_validation(formation: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        formation.ops.restore_session(
            "restore-bad", body={"messages": [{"role": "user", "content": "hi", "timestamp": 1.5}]}, as_user="u422"
        )
    assert caught.value.status_code == 422
    assert caught.value.request_id


def test_400_is_a_validation_error(formation: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        formation.ops.clear_audit_log()  # the runtime wants ?confirm=clear-audit-log
    assert caught.value.status_code == 400
    assert "confirm" in str(caught.value)


def test_500_is_a_server_error(formation: Any) -> None:
    with pytest.raises(ServerError) as caught:
        formation.ops.list_skills()  # a runtime bug in 1.20260928.0 answers 500
    assert caught.value.status_code == 500
    assert caught.value.request_id


def test_503_is_a_server_error(formation: Any) -> None:
    # The runtime clears the buffers, then fails to build its answer (500); with the buffers
    # empty it answers 503 "Buffer memory is not available". Neither is ever a 2xx.
    with pytest.raises(ServerError):
        formation.ops.clear_memory_buffers()
    with pytest.raises(ServerError) as caught:
        formation.ops.clear_memory_buffers()
    assert caught.value.status_code == 503
    assert "Buffer memory is not available" in str(caught.value)


def _dead_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def test_a_runtime_that_is_down_gives_connection_error() -> None:
    down = meshkit.Formation(url=_dead_url(), client_key="fmc_x", max_retries=0)
    with down, pytest.raises(meshkit.ConnectionError):
        down.list_triggers()


def test_connection_error_names_the_url() -> None:
    url = _dead_url()
    down = meshkit.Formation(url=url, client_key="fmc_x", max_retries=0)
    with down, pytest.raises(meshkit.ConnectionError) as caught:
        down.list_triggers()
    assert url.rsplit(":", 1)[1] in str(caught.value)


def test_403_another_users_request(formation: Any) -> None:
    alice, bob = formation.for_user("err-alice"), formation.for_user("err-bob")
    alice.chat("mine", session_id="err-alice-session")
    (request,) = alice.ops.list_requests().requests
    with pytest.raises(meshkit.PermissionDeniedError) as caught:
        bob.ops.get_request_status(request.request_id)
    assert caught.value.status_code == 403
    assert caught.value.request_id
