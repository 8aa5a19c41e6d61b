"""Errors that say where and what to do (issue 16): a user's call, the wire it produces, the error.

* a connection or timeout error names the call and where its base URL came from (an argument, an
  environment variable, or the default, with the ways to change it), and never a secret;
* a base URL that would double ``/v1`` (or the server's ``/rpc``) is refused with what to pass;
* a deploy of a formation that exists is a ConflictError pointing to the update;
* ``await client.aclose()`` and its awaitable alias ``await client.close()`` both close.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from meshkit import (
    AiMeshClient,
    AsyncFormation,
    ConfigurationError,
    ConflictError,
    ConnectionError,
    Formation,
    MeshkitError,
    ServerClient,
    TimeoutError,
)
from meshkit.devserver import DevServer

HELLO_BOT = Path(__file__).resolve().parents[2] / "examples" / "formations" / "hello-bot"
URL_VARIABLES = ("MUXI_FORMATION_URL", "MUXI_SERVER_URL", "MUXI_FORMATION_ID", "AIMESH_URL")
# Nothing listens on port 9 (discard) on a test machine: each test adds a path of its own, so the
# URL (and where it came from) is this test's alone.
CLOSED = "http://127.0.0.1:9"


@pytest.fixture(autouse=True)
def _no_url_variables(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in URL_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    yield


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


# --- connection and timeout errors: where the base URL came from ------------------------------------


def test_a_formation_url_from_an_argument_is_named_as_the_argument() -> None:
    with (
        Formation(url=f"{CLOSED}/from-argument", client_key="fmc_secret_0001", max_retries=0) as formation,
        pytest.raises(ConnectionError) as caught,
    ):
        formation.chat("Hello!")
    message = str(caught.value)
    assert message.startswith(f"POST {CLOSED}/from-argument/v1/chat: connection failed: ")
    assert "(base URL from url=)" in message
    assert "fmc_secret_0001" not in message


def test_a_formation_url_from_the_environment_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MUXI_FORMATION_URL", "http://user:pw_0002@127.0.0.1:9/from-env")
    with (
        Formation(client_key="fmc_x", max_retries=0) as formation,
        pytest.raises(ConnectionError) as caught,
    ):
        formation.chat("Hello!")
    message = str(caught.value)
    assert message.startswith(f"POST {CLOSED}/from-env/v1/chat: connection failed: ")
    assert message.endswith(
        "(base URL from MUXI_FORMATION_URL) (hint: check that the server runs and the base URL (scheme, host, port))"
    )
    assert "pw_0002" not in message and "user" not in message


def test_a_formation_behind_a_server_names_both_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MUXI_SERVER_URL", f"{CLOSED}/server-env")
    with (
        Formation(formation_id="my-bot", client_key="fmc_x", max_retries=0) as formation,
        pytest.raises(ConnectionError) as caught,
    ):
        formation.chat("Hello!")
    assert f"POST {CLOSED}/server-env/api/my-bot/v1/chat: connection failed" in str(caught.value)
    assert "(base URL from MUXI_SERVER_URL and formation_id=)" in str(caught.value)


def test_a_broker_url_from_aimesh_url_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIMESH_URL", f"{CLOSED}/broker-env")
    with (
        AiMeshClient(max_retries=0) as broker,
        pytest.raises(ConnectionError) as caught,
    ):
        broker.get_stats()
    assert str(caught.value).startswith(f"GET {CLOSED}/broker-env/stats: connection failed: ")
    assert "(base URL from AIMESH_URL)" in str(caught.value)


def test_the_default_broker_url_says_how_to_change_it() -> None:
    sent: list[httpx.Request] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    with (
        httpx.Client(transport=httpx.MockTransport(refuse)) as http,
        AiMeshClient(max_retries=0, http_client=http) as broker,
        pytest.raises(ConnectionError) as caught,
    ):
        broker.health_check()
    assert [str(request.url) for request in sent] == ["http://localhost:9000/health"]
    message = str(caught.value)
    assert message.startswith("GET http://localhost:9000/health: connection failed: [Errno 111] Connection refused (")
    assert "default base URL http://localhost:9000; pass base_url= or set AIMESH_URL" in message


def test_a_server_url_from_the_environment_is_named_in_a_timeout(
    meshkit_fresh_dev_server: DevServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    dev = meshkit_fresh_dev_server
    monkeypatch.setenv("MUXI_SERVER_URL", dev.url)
    dev.fault(api="server", method="GET", path="/rpc/formations", delay=2)
    with (
        ServerClient(key_id=dev.config.key_id, secret_key=dev.config.secret_key, timeout=0.3, max_retries=0) as s,
        pytest.raises(TimeoutError) as caught,
    ):
        s.list_formations()
    assert str(caught.value).startswith(
        f"GET {dev.url}/rpc/formations: timed out: the read timeout (0.3 s) passed (base URL from MUXI_SERVER_URL)"
    )
    assert caught.value.bound == "read"
    assert dev.config.secret_key not in str(caught.value)


def test_a_timeout_names_the_argument(meshkit_fresh_dev_server: DevServer) -> None:
    dev = meshkit_fresh_dev_server
    dev.fault(api="formation", method="GET", path="/v1/agents", delay=2)
    with (
        Formation(url=dev.formation_url, admin_key=dev.config.admin_key, timeout=0.3, max_retries=0) as formation,
        pytest.raises(TimeoutError) as caught,
    ):
        formation.list_agents()
    assert str(caught.value).startswith(
        f"GET {dev.formation_url}/v1/agents: timed out: the read timeout (0.3 s) passed (base URL from url=)"
    )


def test_two_clients_with_one_url_from_different_places_name_both(monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"{CLOSED}/shared"
    monkeypatch.setenv("MUXI_FORMATION_URL", url)
    with Formation(url=url, client_key="fmc_x", max_retries=0) as given, Formation(client_key="fmc_x") as from_env:
        assert given.base_url == from_env.base_url
        with pytest.raises(ConnectionError) as caught:
            given.chat("Hello!")
    assert "(base URL from url= or MUXI_FORMATION_URL)" in str(caught.value)


# --- /v1 (and /rpc) are never guessed nor doubled --------------------------------------------------


@pytest.mark.parametrize(
    "make, expected",
    [
        (
            lambda: Formation(url="http://host:8001/v1/", client_key="fmc_x"),
            "url= is the formation's root URL, without /v1 (meshkit adds it): pass url='http://host:8001'",
        ),
        (
            lambda: Formation(base_url="http://host:8001/formation", client_key="fmc_x"),
            "base_url= is the formation API's URL, ending in /v1: pass base_url='http://host:8001/formation/v1' "
            "(or url='http://host:8001/formation', the formation's root)",
        ),
        (
            lambda: Formation(server_url="http://s:7890/rpc", formation_id="bot", client_key="fmc_x"),
            "server_url= is the MUXI Server's root URL, without /rpc (every call adds it): pass server_url='http://s:7890'",
        ),
        (
            lambda: ServerClient("http://s:7890/rpc/", "MUXI_k", "sk_secret_0003"),
            "url= is the MUXI Server's root URL, without /rpc (every call adds it): pass url='http://s:7890'",
        ),
        (
            lambda: Formation(url="http://alice:pw_0004@host:8001/v1?token=tk_0005", client_key="fmc_x"),
            "url= is the formation's root URL, without /v1 (meshkit adds it): pass url='http://host:8001'",
        ),
        (
            lambda: Formation(url="localhost:8001", client_key="fmc_x"),
            "url= is not an http(s) URL: 'localhost:8001' (with its scheme: 'http://localhost:8001'?)",
        ),
        (
            lambda: Formation(url="http://[::1", client_key="fmc_x"),
            "url= is not a valid URL (Invalid port: ':1'): 'http://[::1'",
        ),
        (
            lambda: Formation(url=Path("/tmp"), client_key="fmc_x"),  # type: ignore[arg-type]
            "url= must be a URL string, got PosixPath",
        ),
        (
            lambda: Formation(server_url="http://s:7890", client_key="fmc_x"),
            "server_url= names a MUXI Server: pass formation_id= too (the formation's id)",
        ),
        (
            lambda: Formation(formation_id="bot", client_key="fmc_x"),
            "formation_id= names a formation behind a MUXI Server: pass server_url= or set MUXI_SERVER_URL too",
        ),
    ],
)
def test_a_url_in_the_wrong_form_is_refused_with_what_to_pass(make: object, expected: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        make()  # type: ignore[operator]
    assert str(caught.value) == expected
    assert not any(secret in str(caught.value) for secret in ("pw_0004", "tk_0005", "sk_secret_0003", "alice"))


def test_a_variable_in_the_wrong_form_is_refused_with_what_to_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MUXI_FORMATION_URL", "http://host:8001/v1")
    with pytest.raises(
        ConfigurationError,
        match=r"^MUXI_FORMATION_URL is the formation's root URL, without /v1 "
        r"\(meshkit adds it\): set MUXI_FORMATION_URL=http://host:8001$",
    ):
        Formation(client_key="fmc_x")
    monkeypatch.delenv("MUXI_FORMATION_URL")
    monkeypatch.setenv("MUXI_SERVER_URL", "http://s:7890/rpc")
    with pytest.raises(ConfigurationError, match=r"^MUXI_SERVER_URL is the MUXI Server's root URL, without /rpc"):
        ServerClient(key_id="MUXI_k", secret_key="sk_x")
    monkeypatch.setenv("MUXI_SERVER_URL", "http://s:7890")
    with pytest.raises(ConfigurationError) as caught:
        Formation(client_key="fmc_x")
    assert str(caught.value) == (
        "no formation URL: MUXI_SERVER_URL names only a MUXI Server: set MUXI_FORMATION_ID too "
        "(or pass formation_id=), or set MUXI_FORMATION_URL"
    )


def test_the_accepted_forms_are_used_as_they_are() -> None:
    assert Formation(url="http://host:8001/", client_key="fmc_x").base_url == "http://host:8001/v1"
    assert Formation(base_url="http://host:8001/v1/", client_key="fmc_x").base_url == "http://host:8001/v1"
    assert ServerClient("http://s:7890/", "MUXI_k", "sk_x").url == "http://s:7890"
    # The broker's paths have no /v1 of their own: a broker mounted under /v1 stays there.
    assert AiMeshClient("http://b:9000/v1").base_url == "http://b:9000/v1"


# --- a deploy of a formation that exists: update it instead ----------------------------------------


def test_deploying_a_formation_twice_is_a_conflict_that_points_to_update(meshkit_fresh_dev_server: DevServer) -> None:
    dev = meshkit_fresh_dev_server
    with ServerClient(dev.url, dev.config.key_id, dev.config.secret_key) as server:
        server.deploy(HELLO_BOT)
        with pytest.raises(ConflictError) as blocking:
            server.deploy(HELLO_BOT)
        with pytest.raises(ConflictError) as streamed, server.deploy_stream(HELLO_BOT) as progress:
            list(progress)
    for caught in (blocking, streamed):
        error = caught.value
        assert (error.status_code, error.code) == (409, "CONFLICT")
        assert error.message == "Formation 'hello-bot' already exists. Use PUT to update."
        assert error.hint == (
            "formation 'hello-bot' exists already: to replace it, call server.update('hello-bot', source) "
            "(update_stream() shows the progress; ops.update_formation() is the raw call), "
            "or run `meshkit formations update DIR`"
        )
        assert error.response is not None and error.response.request.method == "POST"


def test_other_conflicts_keep_their_own_text(meshkit_fresh_dev_server: DevServer) -> None:
    dev = meshkit_fresh_dev_server
    with ServerClient(dev.url, dev.config.key_id, dev.config.secret_key) as server:
        server.deploy(HELLO_BOT)
        server.stop_formation("hello-bot")
        with pytest.raises(ConflictError) as caught:
            server.stop_formation("hello-bot")
    assert caught.value.hint is None
    assert "update" not in str(caught.value)


# --- closing an async client -----------------------------------------------------------------------


@pytest.mark.anyio
async def test_aclose_and_its_awaitable_alias_close_both_close(meshkit_dev_server: DevServer) -> None:
    dev = meshkit_dev_server
    for closing in ("aclose", "close"):
        formation = AsyncFormation(url=dev.formation_url, client_key=dev.config.client_key)
        assert (await formation.chat("Hello!")).text == "You said: Hello!"
        await getattr(formation, closing)()
        with pytest.raises(MeshkitError, match=r"^POST .*/v1/chat: the client is closed"):
            await formation.chat("Hello!")
    assert asyncio.iscoroutinefunction(AsyncFormation.close)
    assert "await it too" in (AsyncFormation.close.__doc__ or "")
