"""Fault injection: armed faults change exactly the calls they match, and the ledger tells what
the server really accepted."""

from __future__ import annotations

import httpx
import pytest
from meshkit.devserver import DevServer
from meshkit.devserver._faults import classify


def _formation(dev: DevServer, timeout: float = 5.0) -> httpx.Client:
    return httpx.Client(
        base_url=dev.formation_url + "/v1",
        headers={"X-MUXI-CLIENT-KEY": dev.config.client_key},
        timeout=timeout,
    )


def _chat(client: httpx.Client, key: str, message: str = "Hello!") -> httpx.Response:
    return client.post("/chat", json={"message": message, "stream": False}, headers={"X-Muxi-Idempotency-Key": key})


def test_a_status_fault_answers_with_the_apis_own_error_body_then_disarms(
    meshkit_fresh_dev_server: DevServer,
) -> None:
    dev = meshkit_fresh_dev_server
    dev.fault(api="formation", method="POST", path="/v1/chat", status=503, retry_after="2", count=2)
    with _formation(dev) as client:
        first, second, third = (_chat(client, f"k{i}") for i in range(3))
    for refused in (first, second):
        assert refused.status_code == 503
        assert refused.headers["Retry-After"] == "2"
        body = refused.json()
        assert body["success"] is False and body["error"]["code"] == "SYSTEM_OVERLOAD"
    assert third.status_code == 200
    assert dev.accepted()["chats"] == {"k2": 1}  # refused calls were never accepted


def test_faults_match_on_api_method_and_path_glob(meshkit_fresh_dev_server: DevServer) -> None:
    dev = meshkit_fresh_dev_server
    dev.fault(api="formation", method="GET", path="/v1/sess*", status=429)
    with _formation(dev) as client:
        assert client.get("/health").status_code == 200  # other path
        assert _chat(client, "k").status_code == 200  # other method and path
        refused = client.get("/sessions", headers={"X-Muxi-User-ID": "u1"})
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "RATE_LIMITED"
    assert "Retry-After" not in refused.headers


def test_reset_before_handling_drops_the_connection_and_accepts_nothing(meshkit_fresh_dev_server: DevServer) -> None:
    dev = meshkit_fresh_dev_server
    dev.fault(path="/v1/chat", reset="before")
    with _formation(dev) as client, pytest.raises(httpx.TransportError):
        _chat(client, "lost")
    assert dev.accepted()["chats"] == {}


def test_reset_after_handling_loses_the_answer_but_the_work_is_done_once(meshkit_fresh_dev_server: DevServer) -> None:
    """The case idempotency keys exist for: the retry with the same key is replayed, not re-run."""
    dev = meshkit_fresh_dev_server
    dev.fault(path="/v1/chat", reset="after")
    with _formation(dev) as client:
        with pytest.raises(httpx.TransportError):
            _chat(client, "k-after")
        retried = _chat(client, "k-after")
    assert retried.status_code == 200
    assert retried.json()["data"]["message"]["content"] == "You said: Hello!"
    assert dev.accepted()["chats"] == {"k-after": 1}


def test_a_held_response_times_out_the_client_after_the_server_acted(meshkit_fresh_dev_server: DevServer) -> None:
    dev = meshkit_fresh_dev_server
    dev.fault(path="/v1/chat", delay_response=1.0)
    with _formation(dev, timeout=0.2) as client, pytest.raises(httpx.ReadTimeout):
        _chat(client, "k-slow")
    assert dev.accepted()["chats"] == {"k-slow": 1}


def test_a_delay_before_handling_only_slows_the_call(meshkit_fresh_dev_server: DevServer) -> None:
    dev = meshkit_fresh_dev_server
    dev.fault(path="/v1/chat", delay=0.05)
    with _formation(dev) as client:
        assert _chat(client, "k").status_code == 200


def test_a_stream_cut_after_k_events_ends_mid_stream(meshkit_fresh_dev_server: DevServer) -> None:
    dev = meshkit_fresh_dev_server
    dev.fault(path="/v1/chat", cut_after_events=3)
    received: list[str] = []
    with (
        _formation(dev) as client,
        pytest.raises(httpx.TransportError),
        client.stream("POST", "/chat", json={"message": "Hello there, streaming world"}) as response,
    ):
        assert response.status_code == 200
        received.extend(line for line in response.iter_lines() if line.startswith("data:"))
    assert len(received) == 3  # keepalive comments are not events


def test_control_endpoints_arm_list_and_disarm(meshkit_fresh_dev_server: DevServer) -> None:
    dev = meshkit_fresh_dev_server
    with httpx.Client(base_url=dev.url) as control:
        armed = control.post("/_dev/faults", json={"path": "/v1/chat", "status": 500, "count": 3})
        assert armed.status_code == 201
        assert armed.json()["count"] == 3 and armed.json()["id"] >= 1
        assert [f["status"] for f in control.get("/_dev/faults").json()["faults"]] == [500]
        assert control.delete("/_dev/faults").json() == {"faults": []}
        invalid = control.post("/_dev/faults", json={"status": 200})
        assert invalid.status_code == 400 and "status" in invalid.json()["message"]
        unknown = control.post("/_dev/faults", json={"explode": True})
        assert unknown.status_code == 400 and "explode" in unknown.json()["message"]
        assert control.post("/_dev/faults", json=[1]).status_code == 400
        with _formation(dev) as client:
            _chat(client, "k1")
        assert control.get("/_dev/accepted").json()["chats"] == {"k1": 1}
        assert control.delete("/_dev/accepted").json()["chats"] == {}


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/broker/messages", ("broker", "/messages")),
        ("/formation/v1/chat", ("formation", "/v1/chat")),
        ("/api/my-bot/v1/chat", ("formation", "/v1/chat")),
        ("/draft/my-bot/v1/sessions", ("formation", "/v1/sessions")),
        ("/rpc/formations", ("server", "/rpc/formations")),
        ("/api/my-bot", ("server", "/api/my-bot")),
        ("/health", ("server", "/health")),
    ],
)
def test_paths_are_classified_by_api_relative_to_its_base(path: str, expected: tuple[str, str]) -> None:
    assert classify(path) == expected
