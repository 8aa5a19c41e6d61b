"""What a cassette never holds: keys (formation client and admin keys, the MUXI Server's HMAC, the
broker's Bearer key), user ids (header, query, path, bodies and stream frames) and the random
idempotency key; and the scrubbers a user adds. Sync and async clients."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import pytest
from meshkit import AiMeshClient, AsyncAiMeshClient, AsyncFormation, AsyncServerClient, Formation, ServerClient
from meshkit._cassette import SCRUBBED, use_cassette
from meshkit.devserver import DevServer

CLIENT_KEY = "fmc_cassette_client_4f1d"
ADMIN_KEY = "fma_cassette_admin_9b2e"
KEY_ID = "MUXI_cassette_key_id"
SECRET_KEY = "sk_cassette_secret_77aa"
BROKER_KEY = "bk_cassette_broker_c3d0"
USER = "alice-4711"
SECRETS = (CLIENT_KEY, ADMIN_KEY, KEY_ID, SECRET_KEY, BROKER_KEY, USER)


def keyed_dev_server() -> DevServer:
    return DevServer(
        client_key=CLIENT_KEY, admin_key=ADMIN_KEY, key_id=KEY_ID, secret_key=SECRET_KEY, broker_key=BROKER_KEY
    )


def calls_sync(dev_url: str, keys: dict[str, str], user: str) -> list[Any]:
    formation_url = f"{dev_url}/formation"
    with Formation(url=formation_url, client_key=keys["client"], admin_key=keys["admin"]) as formation:
        answer = formation.chat("Hello!", user_id=user)
        with formation.chat_stream("Hi there", user_id=user) as stream:
            list(stream)
        agents = [agent.id for agent in formation.list_agents()]
        channels = formation.ops.get_user_channels(user)
    with ServerClient(url=dev_url, key_id=keys["key_id"], secret_key=keys["secret"]) as server:
        formations = [f.id for f in server.list_formations()]
    with AiMeshClient(f"{dev_url}/broker", api_key=keys["broker"]) as broker:
        endpoints = broker.list_endpoints()
    return [answer.text, stream.text, agents, channels.to_dict(), formations, endpoints]


async def calls_async(dev_url: str, keys: dict[str, str], user: str) -> list[Any]:
    formation_url = f"{dev_url}/formation"
    async with AsyncFormation(url=formation_url, client_key=keys["client"], admin_key=keys["admin"]) as formation:
        answer = await formation.chat("Hello!", user_id=user)
        async with formation.chat_stream("Hi there", user_id=user) as stream:
            async for _ in stream:
                pass
        agents = [agent.id for agent in await formation.list_agents()]
        channels = await formation.ops.get_user_channels(user)
    async with AsyncServerClient(url=dev_url, key_id=keys["key_id"], secret_key=keys["secret"]) as server:
        formations = [f.id for f in await server.list_formations()]
    async with AsyncAiMeshClient(f"{dev_url}/broker", api_key=keys["broker"]) as broker:
        endpoints = await broker.list_endpoints()
    return [answer.text, stream.text, agents, channels.to_dict(), formations, endpoints]


def run_calls(client: str, dev_url: str, keys: dict[str, str], user: str) -> list[Any]:
    if client == "sync":
        return calls_sync(dev_url, keys, user)
    return asyncio.run(calls_async(dev_url, keys, user))


REAL_KEYS = {"client": CLIENT_KEY, "admin": ADMIN_KEY, "key_id": KEY_ID, "secret": SECRET_KEY, "broker": BROKER_KEY}
OTHER_KEYS = {"client": "fmc_x", "admin": "fma_x", "key_id": "MUXI_x", "secret": "sk_x", "broker": "bk_x"}


@pytest.mark.parametrize("client", ["sync", "async"])
def test_keys_signatures_and_user_ids_never_reach_the_cassette(client: str, tmp_path: Path) -> None:
    path = tmp_path / "scrubbed.yaml"
    with keyed_dev_server() as dev, use_cassette(path, record_mode="once") as recording:
        dev_url = dev.url
        live = run_calls(client, dev_url, REAL_KEYS, USER)
    assert len(recording.interactions) == 6

    text = path.read_text()
    assert [secret for secret in SECRETS if secret in text] == []
    assert "x-muxi-client-key:\n      - <scrubbed>" in text
    assert "x-muxi-admin-key:\n      - <scrubbed>" in text
    assert "MUXI-HMAC <scrubbed>" in text  # the scheme stays readable, key id and signature go
    assert "Bearer <scrubbed>" in text
    assert "x-muxi-user-id:\n      - <scrubbed>" in text
    assert "/v1/users/<scrubbed>/channels" in text
    assert "idempotency-key:" not in text  # a random header is not recorded at all
    stream_chunks = recording.chunks(1)
    assert len(stream_chunks) > 5 and all(b'"user_id":"<scrubbed>"' in c for c in stream_chunks if b'"token"' in c)

    # Replayed with other keys and another user: matching never looks at a scrubbed value.
    with use_cassette(path, record_mode="none") as replay:
        replayed = run_calls(client, dev_url, OTHER_KEYS, "bob")
    assert replayed[:3] + replayed[4:] == live[:3] + live[4:]
    assert replayed[3] == {**live[3], "user_id": SCRUBBED}  # a user id replays scrubbed, as recorded
    assert live[0] == "You said: Hello!"
    assert replay.all_played


@pytest.mark.parametrize("client", ["sync", "async"])
def test_a_user_adds_scrubbers_of_their_own(client: str, tmp_path: Path) -> None:
    path = tmp_path / "own.yaml"
    own = {
        "scrub_values": ["Hi there"],  # a literal, anywhere
        "scrub_body_keys": ["session_id"],  # a JSON key, in request and response bodies and frames
        "scrubbers": [lambda data: re.sub(rb"req_[0-9a-f]{21}\b", b"req_<server>", data)],  # bytes -> bytes
    }
    with keyed_dev_server() as dev, use_cassette(path, record_mode="once", **own):
        dev_url = dev.url
        run_calls(client, dev_url, REAL_KEYS, USER)

    text = path.read_text()
    assert "Hi there" not in text
    assert re.search(r'"session_id": ?"sess_', text) is None
    assert re.search(r"req_[0-9a-f]{21}\b", text) is None and "req_<server>" in text
    assert [secret for secret in SECRETS if secret in text] == []  # the defaults still apply

    with use_cassette(path, record_mode="none", **own):
        replayed = run_calls(client, dev_url, OTHER_KEYS, "bob")
    assert replayed[1] == "You said: <scrubbed>"  # what was scrubbed is what replays


STORED_SECRET = "sk-live-cassette-0042"
STORED_TOKEN = "ghp_cassette_token_0042"


def store_sync(dev_url: str, secret: str, token: str) -> list[Any]:
    with Formation(url=f"{dev_url}/formation", client_key=CLIENT_KEY, admin_key=ADMIN_KEY) as formation:
        formation.create_secret("BOT_API_KEY", secret)
        created = formation.ops.create_credential(
            body={"service": "github", "name": "ci", "credential": {"token": token}}, user_id=USER
        )
        return ["BOT_API_KEY" in formation.list_secrets(), created.to_dict()["service"]]


async def store_async(dev_url: str, secret: str, token: str) -> list[Any]:
    async with AsyncFormation(url=f"{dev_url}/formation", client_key=CLIENT_KEY, admin_key=ADMIN_KEY) as formation:
        await formation.create_secret("BOT_API_KEY", secret)
        created = await formation.ops.create_credential(
            body={"service": "github", "name": "ci", "credential": {"token": token}}, user_id=USER
        )
        return ["BOT_API_KEY" in await formation.list_secrets(), created.to_dict()["service"]]


@pytest.mark.parametrize("client", ["sync", "async"])
def test_a_stored_secret_or_credential_never_reaches_the_cassette(client: str, tmp_path: Path) -> None:
    path = tmp_path / "stored.yaml"

    def store(dev_url: str, secret: str, token: str) -> list[Any]:
        if client == "sync":
            return store_sync(dev_url, secret, token)
        return asyncio.run(store_async(dev_url, secret, token))

    with keyed_dev_server() as dev, use_cassette(path, record_mode="once"):
        dev_url = dev.url
        live = store(dev_url, STORED_SECRET, STORED_TOKEN)
    text = path.read_text()
    assert STORED_SECRET not in text and STORED_TOKEN not in text
    assert '"key":"BOT_API_KEY","value":"<scrubbed>"' in text
    assert '"credential":"<scrubbed>"' in text

    with use_cassette(path, record_mode="none") as replay:  # other values: they are not matched on
        assert store(dev_url, "sk-other", "ghp_other") == live == [True, "github"]
    assert replay.all_played


IDENTIFIER = "alice.4711@example.com"


def link_and_resolve_sync(dev_url: str, identifier: str) -> list[Any]:
    with Formation(url=f"{dev_url}/formation", client_key=CLIENT_KEY, admin_key=ADMIN_KEY) as formation:
        linked = formation.ops.link_user_identifiers(body={"identifiers": [[identifier, "email"]]})
        resolved = formation.ops.resolve_user(body={"identifier": identifier})
        return [linked.to_dict()["count"], resolved.to_dict()["muxi_user_id"]]


def test_muxi_user_ids_and_identifiers_never_reach_the_cassette(tmp_path: Path) -> None:
    path = tmp_path / "users.yaml"
    with keyed_dev_server() as dev, use_cassette(path, record_mode="once"):
        dev_url = dev.url
        live = link_and_resolve_sync(dev_url, IDENTIFIER)
    text = path.read_text()

    muxi_user_id = live[1]
    assert IDENTIFIER not in text and muxi_user_id not in text
    assert re.search(r'"(?:muxi|internal)_user_id": ?"(?!<scrubbed>)', text) is None

    with use_cassette(path, record_mode="none") as replay:  # another identifier: scrubbed, not matched on
        assert link_and_resolve_sync(dev_url, "bob@example.com") == [1, SCRUBBED]
    assert replay.all_played
