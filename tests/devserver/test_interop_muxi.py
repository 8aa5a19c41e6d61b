"""A client nobody here wrote: the `muxi` SDK 1.20260713.0 against the dev server.

Its calls that match the real servers must succeed. Calls the contract lists among the SDK's
mistakes (formation.md §10, server.md §12) are left out, each with the reason.
"""

from __future__ import annotations

import base64
import io
import tarfile
from collections.abc import Iterator

import httpx
import pytest

muxi = pytest.importorskip("muxi", reason="the muxi SDK is a test-only dependency (dev extra)")

from meshkit.devserver import DevServer  # noqa: E402

USER = "user_456"


@pytest.fixture(autouse=True)
def _no_version_check(monkeypatch: pytest.MonkeyPatch) -> None:
    # The SDK would otherwise write ~/.muxi/sdk-versions.json (formation.md §10.14).
    monkeypatch.setenv("MUXI_SDK_VERSION_NOTIFICATION", "0")


@pytest.fixture
def formation(meshkit_fresh_dev_server: DevServer) -> Iterator[object]:
    dev = meshkit_fresh_dev_server
    with muxi.FormationClient(
        url=dev.formation_url, client_key=dev.config.client_key, admin_key=dev.config.admin_key
    ) as client:
        yield client


def test_health_status_config_and_agents(formation: object) -> None:
    client = formation
    assert client.health()["status"] == "healthy"
    for call in (
        client.get_status,
        client.get_config,
        client.get_formation_info,
        client.get_mcp_servers,
        client.get_mcp_tools,
        client.get_overlord_config,
        client.get_overlord_soul,
        client.get_async_config,
        client.get_a2a_config,
        client.get_logging_config,
        client.get_logging_destinations,
        client.get_memory_config,
        client.get_buffer_stats,
        client.get_scheduler_config,
    ):
        assert isinstance(call(), dict), call.__name__
    agents = client.get_agents()
    assert agents["count"] == len(agents["agents"]) >= 1
    first = agents["agents"][0]["id"]
    assert client.get_agent(first)["id"] == first
    assert agents["request_id"].startswith("req_")  # the SDK's envelope unwrapping works on ours


def test_streaming_chat_sessions_and_requests(formation: object) -> None:
    client = formation
    events = list(client.chat_stream({"message": "Hello!", "session_id": "sess_1"}, user_id=USER))
    tokens = [e for e in events if e.get("event") in (None, "message")]
    assert tokens, events
    assert events[-1]["event"] == "done"
    sessions = client.get_sessions(USER)
    assert [s["session_id"] for s in sessions["sessions"]] == ["sess_1"]
    assert client.get_session("sess_1", USER)["message_count"] == 2
    history = client.get_session_messages("sess_1", USER)["messages"]
    assert [m["metadata"]["role"] for m in history] == ["user", "assistant"]
    assert history[1]["text"] == "You said: Hello!"
    client.restore_session(
        "sess_2", USER, [{"role": "user", "content": "earlier", "timestamp": "2026-01-01T00:00:00Z"}]
    )
    assert client.get_session("sess_2", USER)["message_count"] == 1
    requests = client.get_requests(USER)["requests"]
    assert requests and requests[0]["status"] == "completed"
    assert client.get_request_status(requests[0]["request_id"], USER)["status"] == "completed"


def test_blocking_chat_with_stream_false_in_the_payload(formation: object) -> None:
    # The SDK's chat() omits "stream" (its mistake §10.1); a caller who passes it gets the real answer.
    reply = formation.chat({"message": "Hi", "stream": False}, user_id=USER)
    assert reply["message"]["content"] == "You said: Hi"
    # The runtime's data says request_id: null; the SDK fills only absent keys, so the real id
    # (request.id) stays hidden — the unwrapping mistake formation.md §3 tells meshkit to avoid.
    assert reply["request_id"] is None


def test_audio_chat_stream(formation: object) -> None:
    audio = {"filename": "a.wav", "content": base64.b64encode(b"hello by voice").decode(), "content_type": "audio/wav"}
    events = list(formation.audio_chat_stream({"files": [audio]}, user_id=USER))
    assert events[-1]["event"] == "done"


def test_secrets(formation: object) -> None:
    client = formation
    assert isinstance(client.get_secrets()["secrets"], dict)
    # set_secret() is PUT, which only updates: create the secret first, as the runtime requires.
    httpx.post(
        client._transport.base_url + "/secrets",
        json={"key": "API_TOKEN", "value": "one"},
        headers={"X-MUXI-ADMIN-KEY": client._transport.admin_key},
    ).raise_for_status()
    client.set_secret("API_TOKEN", "two")
    assert "API_TOKEN" in client.get_secrets()["secrets"]
    client.delete_secret("API_TOKEN")
    assert "API_TOKEN" not in client.get_secrets()["secrets"]


def test_memories_and_buffers(formation: object) -> None:
    client = formation
    created = client.add_memory(USER, "preference", "likes tea")
    memories = client.get_memories(USER)["memories"]
    assert [m["id"] for m in memories] == [created["id"]]
    client.delete_memory(USER, created["id"])
    assert client.get_memories(USER)["memories"] == []
    assert client.get_user_buffer(USER)["user_id"] == USER
    assert isinstance(client.clear_user_buffer(USER), dict)
    assert isinstance(client.clear_all_buffers(), dict)


def test_scheduler_jobs_owned_by_the_default_user(formation: object) -> None:
    # The SDK never sends X-Muxi-User-ID on scheduler calls (§10.8): its jobs belong to user "0".
    client = formation
    job = client.create_scheduler_job("recurring", "0 9 * * 1", "Weekly summary", USER)
    assert job["user_id"] == "0"
    assert client.get_scheduler_job(job["id"])["cron_expression"] == "0 9 * * 1"
    assert job["id"] in [j["id"] for j in client.get_scheduler_jobs(USER)["jobs"]]
    assert client.pause_scheduler_job(job["id"])["id"] == job["id"]
    assert client.resume_scheduler_job(job["id"])["id"] == job["id"]
    client.delete_scheduler_job(job["id"])


def test_credentials_triggers_sops_and_audit(formation: object) -> None:
    client = formation
    assert isinstance(client.list_credential_services(), dict)
    created = client.create_credential(USER, {"service": "github", "credential": {"token": "ghp_example"}})
    assert client.get_credential(created["credential_id"], USER)
    assert created["credential_id"] in str(client.list_credentials(USER))
    client.delete_credential(created["credential_id"], USER)
    triggers = client.get_triggers()
    assert triggers["count"] == len(triggers["triggers"])
    if triggers["triggers"]:
        assert client.get_trigger(triggers["triggers"][0])["name"] == triggers["triggers"][0]
    assert isinstance(client.get_sops(), dict)
    assert isinstance(client.get_audit_log(), dict)


def _bundle(formation_id: str) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        data = f"id: {formation_id}\nversion: 1.0.0\n".encode()
        info = tarfile.TarInfo("formation.yaml")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def test_server_client_lifecycle(meshkit_fresh_dev_server: DevServer) -> None:
    """Deploy goes through the real route (the SDK's own deploy posts JSON to a route that does not
    exist, §12.1); everything else is the SDK's own call, HMAC-signed by it."""
    dev = meshkit_fresh_dev_server
    with muxi.ServerClient(url=dev.url, key_id=dev.config.key_id, secret_key=dev.config.secret_key) as server:
        assert server.health()["status"] == "ok"
        assert server.status()["formations"]["total"] == 0
        deploy_with_signed_request(dev, "my-bot")
        listed = server.list_formations()
        assert [f["id"] for f in listed["formations"]] == ["my-bot"]
        assert server.get_formation("my-bot")["status"] == "running"
        assert server.stop_formation("my-bot")["status"] == "stopped"
        assert server.start_formation("my-bot")["status"] == "running"
        assert server.restart_formation("my-bot")["id"] == "my-bot"
        assert "logs" in server.get_formation_logs("my-bot")
        assert server.delete_formation("my-bot")["id"] == "my-bot"
        with pytest.raises(muxi.errors.MuxiError):
            server.get_formation("my-bot")
    with (
        muxi.FormationClient(
            server_url=dev.url, formation_id="nobody", client_key=dev.config.client_key
        ) as through_proxy,
        pytest.raises(muxi.errors.MuxiError),
    ):
        through_proxy.health()


def deploy_with_signed_request(dev: DevServer, formation_id: str) -> None:
    from muxi.auth import build_auth_header

    response = httpx.post(
        dev.url + "/rpc/formations",
        content=_bundle(formation_id),
        headers={
            "Authorization": build_auth_header(dev.config.key_id, dev.config.secret_key, "POST", "/rpc/formations"),
            "Content-Type": "application/gzip",
            "X-Formation-ID": formation_id,
        },
    )
    assert response.status_code == 201, response.text


def test_formation_client_through_the_server_proxy(meshkit_fresh_dev_server: DevServer) -> None:
    dev = meshkit_fresh_dev_server
    deploy_with_signed_request(dev, "proxied")
    with muxi.FormationClient(server_url=dev.url, formation_id="proxied", client_key=dev.config.client_key) as client:
        assert client.health()["status"] == "healthy"
        events = list(client.chat_stream({"message": "through the proxy"}, user_id=USER))
        assert events[-1]["event"] == "done"
