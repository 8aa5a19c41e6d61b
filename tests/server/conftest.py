"""The vcrpy setup of the ServerClient cassette tests (``test_server_wire.py``; how to re-record is
in that module's docstring). The machinery is ``tests/vcr_support.py``.

Cassettes are replayed by default (record mode ``none``), matched on method + path + query + body
plus the headers that carry the wire rules (Authorization present, Accept, Content-Type,
X-Formation-ID, X-Formation-Version), never on host or port: the dev server's port is ephemeral.

``Authorization: MUXI-HMAC key=…, timestamp=…, signature=…`` changes every second, so it is
recorded as ``MUXI-HMAC <scrubbed>`` and matched on presence only. Its form is checked before it is
scrubbed (:func:`check_muxi_hmac`): a malformed header fails the test instead of being recorded, and
in replay the client's live header is held to the same form. The server's secret key and the
formation keys are scrubbed from responses.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any

import pytest
from meshkit.devserver import DevServer, DevServerConfig
from vcr_support import SCRUBBED, CassetteSetup, cassette_fixtures

# Replayed cassettes talk to this URL; while recording, the dev server's real URL is rewritten to it.
FAKE_ROOT = "http://server.test"
DEV_KEYS = DevServerConfig()  # the dev server's fixed, fake key id and keys
SCRUBBED_AUTHORIZATION = f"MUXI-HMAC {SCRUBBED}"
# Contract server.md §1; the signature is base64 of an HMAC-SHA256 (32 bytes).
MUXI_HMAC = re.compile(rf"MUXI-HMAC key={re.escape(DEV_KEYS.key_id)}, timestamp=[0-9]+, signature=[A-Za-z0-9+/]{{43}}=")


def check_muxi_hmac(request: Any) -> None:
    """Refuse a request whose Authorization is not ``MUXI-HMAC key=<key id>, timestamp=<digits>,
    signature=<base64>`` (run on the unscrubbed request, while recording and while replaying)."""
    value = request.headers.get("Authorization")
    # vcrpy runs its hook twice on a lookup: the second time sees the value scrubbed by the first.
    if value not in (None, SCRUBBED_AUTHORIZATION) and not MUXI_HMAC.fullmatch(value):
        raise AssertionError(f"malformed MUXI-HMAC Authorization on {request.method} {request.path}: {value!r}")


CASSETTES = CassetteSetup(
    name="server",
    fake_root=FAKE_ROOT,
    directory=os.path.normpath(os.path.join(os.path.dirname(__file__), os.pardir, "cassettes", "server")),
    scrubbed_headers={"Authorization": SCRUBBED_AUTHORIZATION},
    present_headers=("Authorization",),
    valued_headers=("Accept", "Content-Type", "X-Formation-ID", "X-Formation-Version"),
    secrets=(DEV_KEYS.secret_key, DEV_KEYS.client_key, DEV_KEYS.admin_key),
    secret_pattern=re.compile(rb"\b(?:fm[ac]|sk)_[A-Za-z0-9_\-]+"),
    check_request=check_muxi_hmac,
)


globals().update(cassette_fixtures(CASSETTES))


@pytest.fixture
def anyio_backend() -> str:
    """The async client's tests (``@pytest.mark.anyio``) run on asyncio."""
    return "asyncio"


@pytest.fixture
def server_url(record_mode: str) -> Iterator[str]:
    """Replaying: the fake URL. Recording: a fresh dev server's URL, so every cassette starts from
    the same state (no formations yet)."""
    if record_mode == "none":
        yield FAKE_ROOT
        return
    with DevServer() as dev:
        assert (dev.config.key_id, dev.config.secret_key) == (DEV_KEYS.key_id, DEV_KEYS.secret_key)
        yield dev.url
