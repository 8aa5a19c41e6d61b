"""Rows 3 and 4 of the hostile table: a redirect never carries a key to another host, and a 3xx
is never mistaken for success. meshkit does not follow redirects, even on an injected client that
would; the caller gets a RedirectError naming the Location."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from hostile_server import answer, hostile
from meshkit import (
    AiMeshClient,
    AsyncAiMeshClient,
    AsyncFormation,
    AsyncServerClient,
    Formation,
    RedirectError,
    ServerClient,
)

CLIENT_KEY = "fmc_hostile_client_key_0001"
ADMIN_KEY = "fma_hostile_admin_key_0002"


@pytest.fixture
def elsewhere():  # the other origin: a second loopback host that records what reaches it
    with hostile(answer(200, b"{}", {"Content-Type": "application/json"}), host="127.0.0.2") as server:
        yield server


def test_a_307_to_another_host_reaches_it_with_no_key_even_on_a_following_client(elsewhere) -> None:
    target = f"{elsewhere.url}/v1/agents/x"
    with (
        hostile(answer(307, headers={"Location": target})) as origin,
        httpx.Client(follow_redirects=True) as following,
        Formation(url=origin.url, client_key=CLIENT_KEY, admin_key=ADMIN_KEY, http_client=following) as formation,
    ):
        with pytest.raises(RedirectError) as caught:
            formation.get_agent("x")
        with pytest.raises(RedirectError):
            formation.chat("hi")
    assert (caught.value.status_code, caught.value.location) == (307, target)
    assert target in str(caught.value)
    assert elsewhere.requests == []  # nothing, hence no key, went to the other host
    assert len(origin.requests) == 2  # and a redirect is not retried


def test_the_async_formation_does_not_follow_either(elsewhere) -> None:
    target = f"{elsewhere.url}/v1/chat"

    async def main() -> None:
        async with (
            httpx.AsyncClient(follow_redirects=True) as following,
            AsyncFormation(url=origin.url, client_key=CLIENT_KEY, http_client=following) as formation,
        ):
            with pytest.raises(RedirectError) as caught:
                await formation.chat("hi")
            assert caught.value.location == target
            with pytest.raises(RedirectError):
                async for _ in formation.chat_stream("hi"):
                    pass

    with hostile(answer(308, headers={"Location": target})) as origin:
        asyncio.run(main())
    assert elsewhere.requests == []


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_3xx_with_the_default_client_is_an_error_not_a_success(status: int) -> None:
    moved = answer(status, headers={"Location": "http://127.0.0.1:1/moved"})
    with hostile(moved) as server:
        with (
            Formation(url=server.url, client_key=CLIENT_KEY, admin_key=ADMIN_KEY) as formation,
            pytest.raises(RedirectError) as caught,
        ):
            formation.delete_secret("api_token")  # returned None before: a silent "success"
        with ServerClient(server.url, key_id="MUXI_k", secret_key="sk_hostile_secret") as muxi:
            with pytest.raises(RedirectError):
                muxi.delete_formation("f1")
            with pytest.raises(RedirectError):
                muxi.list_formations()  # raised a raw AttributeError before
        with (
            AiMeshClient(base_url=server.url, api_key="aimesh_hostile_token") as broker,
            pytest.raises(RedirectError),
        ):
            broker.health_check()  # made a status up before
    assert caught.value.status_code == status
    assert caught.value.location == "http://127.0.0.1:1/moved"


def test_async_server_and_broker_clients_raise_it_too() -> None:
    async def main(url: str) -> None:
        async with AsyncServerClient(url, key_id="MUXI_k", secret_key="sk_hostile_secret") as muxi:
            with pytest.raises(RedirectError):
                await muxi.list_formations()
        async with AsyncAiMeshClient(base_url=url, api_key="aimesh_hostile_token") as broker:
            with pytest.raises(RedirectError):
                await broker.health_check()

    with hostile(answer(302, headers={"Location": "/elsewhere"})) as server:
        asyncio.run(main(server.url))
