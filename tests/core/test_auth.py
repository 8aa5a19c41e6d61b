"""Auth classes: the contract's HMAC vectors, per-attempt signing, key selection, no key in repr."""

from __future__ import annotations

import httpx
import pytest
from meshkit import ConfigurationError
from meshkit._core.auth import KEY_EXTENSION, BearerAuth, FormationKeyAuth, MuxiHmacAuth, hmac_signature, select_key

VECTORS = [
    ("GET", "/rpc/formations", "Q7h/6/+TDi9KWre6Peoc2zkdh8qSiRGDTNB2+obpUUQ="),
    ("POST", "/rpc/formations/my-bot/restart", "BCgfjt1McUbO93Oer2QXR12j+ear06rkeHPHvjlOGac="),
    ("GET", "/rpc/formations/f1/logs", "15XGg3M7CgqAcuA8PBHZ+CCdCo/Hw0JqWF7uFoMuAdQ="),
    ("PUT", "/rpc/formations/my-bot", "tKDPLhSI5QlOkVJuQj+oaPx7L71o84BWDfoHv/3peuo="),
]


@pytest.mark.parametrize("method, path, signature", VECTORS)
def test_contract_hmac_vectors(method: str, path: str, signature: str) -> None:
    assert hmac_signature("sk_test_secret", 1700000000, method, path) == signature


def _signed(auth: httpx.Auth, request: httpx.Request) -> httpx.Request:
    flow = auth.sync_auth_flow(request)
    return next(flow)


def test_the_header_signs_the_path_the_server_sees_without_query_or_prefix() -> None:
    auth = MuxiHmacAuth("MUXI_test", "sk_test_secret", clock=lambda: 1700000000.9)
    request = _signed(auth, httpx.Request("GET", "https://proxy.example/muxi/rpc/formations/f1/logs?lines=5"))
    assert request.headers["Authorization"] == (
        "MUXI-HMAC key=MUXI_test, timestamp=1700000000, signature=15XGg3M7CgqAcuA8PBHZ+CCdCo/Hw0JqWF7uFoMuAdQ="
    )


def test_every_attempt_is_signed_afresh() -> None:
    times = iter([1700000000.0, 1700000400.0])
    auth = MuxiHmacAuth("MUXI_test", "sk_test_secret", clock=lambda: next(times))
    first = _signed(auth, httpx.Request("GET", "http://s/rpc/formations")).headers["Authorization"]
    second = _signed(auth, httpx.Request("GET", "http://s/rpc/formations")).headers["Authorization"]
    assert "timestamp=1700000000," in first and "timestamp=1700000400," in second


def test_hmac_needs_both_halves() -> None:
    with pytest.raises(ConfigurationError):
        MuxiHmacAuth("", "secret")


def test_formation_keys_send_exactly_the_one_the_call_needs() -> None:
    auth = FormationKeyAuth("fmc_1", "fma_1")
    admin = _signed(auth, httpx.Request("GET", "http://f/v1/agents", extensions={KEY_EXTENSION: "admin"}))
    client = _signed(auth, httpx.Request("POST", "http://f/v1/chat", extensions={KEY_EXTENSION: "client"}))
    public = _signed(auth, httpx.Request("GET", "http://f/v1/health"))
    assert admin.headers["X-MUXI-ADMIN-KEY"] == "fma_1" and "X-MUXI-CLIENT-KEY" not in admin.headers
    assert client.headers["X-MUXI-CLIENT-KEY"] == "fmc_1" and "X-MUXI-ADMIN-KEY" not in client.headers
    assert "X-MUXI-CLIENT-KEY" not in public.headers and "X-MUXI-ADMIN-KEY" not in public.headers


ADMIN = [["adminKey"]]
CLIENT = [["clientKey"]]
DUAL = [["clientKey"], ["adminKey"]]


@pytest.mark.parametrize(
    "security, user, client, admin, expected",
    [
        ([], None, None, None, None),
        (ADMIN, None, "c", "a", "admin"),
        (CLIENT, "u1", "c", "a", "client"),
        (DUAL, "u1", "c", "a", "client"),
        (DUAL, None, "c", "a", "admin"),
        (DUAL, "u1", None, "a", "admin"),
        (DUAL, None, "c", None, "client"),
    ],
)
def test_key_selection(
    security: list[list[str]], user: str | None, client: str | None, admin: str | None, expected: str | None
) -> None:
    assert select_key(security, user_id=user, client_key=client, admin_key=admin) == expected


@pytest.mark.parametrize("security, client, admin", [(ADMIN, "c", None), (CLIENT, None, "a"), (DUAL, None, None)])
def test_a_missing_key_fails_before_anything_is_sent(
    security: list[list[str]], client: str | None, admin: str | None
) -> None:
    with pytest.raises(ConfigurationError, match="key"):
        select_key(security, user_id=None, client_key=client, admin_key=admin)


def test_no_secret_in_any_repr() -> None:
    for auth in (
        FormationKeyAuth("fmc_secret", "fma_secret"),
        MuxiHmacAuth("MUXI_x", "sk_secret"),
        BearerAuth("tok_secret"),
    ):
        assert "secret" not in repr(auth)
    bearer = _signed(BearerAuth("tok"), httpx.Request("GET", "http://b/metrics"))
    assert bearer.headers["Authorization"] == "Bearer tok"
