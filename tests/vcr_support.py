"""The vcrpy setup every cassette test shares (formation, broker, server), parameterised by the API.

A conftest builds one :class:`CassetteSetup` and wires it into pytest-recording::

    CASSETTES = CassetteSetup(name="broker", fake_root=FAKE_ROOT, directory=..., ...)

    @pytest.fixture(scope="session")
    def record_mode(pytestconfig): return recording_mode(pytestconfig)

    @pytest.fixture(scope="module")
    def vcr_cassette_dir(): return CASSETTES.directory

    def pytest_recording_configure(config, vcr): CASSETTES.register(vcr)

    @pytest.fixture
    def vcr_config(record_mode): return CASSETTES.vcr_config(record_mode)

What every API gets:

- replay by default (record mode ``none``); ``MESHKIT_RECORD=1`` rewrites the cassettes, and
  ``--record-mode`` chooses any other mode;
- one fake host: while recording, the dev server's ephemeral ``http://127.0.0.1:<port>`` is
  rewritten to ``fake_root``, and replays talk to ``fake_root``;
- requests matched on method + path + query + body and on the headers that carry the API's wire
  rules (some by presence only, as their values are secret or change every second; some by value);
  never on host or port;
- the secret headers replaced by fixed values, the API's secrets removed from response bodies and
  headers, volatile headers (host, user agent, dates…) dropped, before anything is written;
- :func:`assert_all_played`: in replay, a recorded interaction the test no longer makes fails it.

``tests/`` is no package: this module is imported as ``vcr_support`` because pytest puts the
directory of ``tests/conftest.py`` on ``sys.path`` (the ``prepend`` import mode), like the
``*_support`` modules next to each conftest.
"""

from __future__ import annotations

import copy
import io
import os
import re
import tarfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pytest
from vcr.matchers import body as vcr_body_matcher

SCRUBBED = "<scrubbed>"
LOOPBACK = re.compile(r"^http://(?:127\.0\.0\.1|localhost):\d+")
# Request headers that vary by machine or run and carry no wire rule.
VOLATILE_REQUEST_HEADERS = ("Host", "User-Agent", "X-Muxi-Client", "Accept-Encoding", "Connection", "Content-Length")
VOLATILE_RESPONSE_HEADERS = ("date", "server")


def recording_mode(config: pytest.Config) -> str:
    """``rewrite`` with MESHKIT_RECORD=1, else ``--record-mode``, else ``none`` (replay only)."""
    if os.environ.get("MESHKIT_RECORD") == "1":
        return "rewrite"
    return str(config.getoption("--record-mode") or "none")


def assert_all_played(cassette: Any, record_mode: str) -> None:
    """In replay, a test must use its whole cassette: a call the client stopped making fails."""
    if record_mode == "none" and cassette is not None and not cassette.all_played:
        pytest.fail(f"cassette {cassette._path} has interactions this test did not replay")


@dataclass(frozen=True)
class CassetteSetup:
    """The cassette rules of one API.

    ``name`` names its wire-header matcher (vcrpy matchers are registered for the whole session, so
    each API needs its own). ``scrubbed_headers`` maps each secret request header to the value it is
    recorded with; ``present_headers`` are matched on presence, ``valued_headers`` on value.
    ``secrets`` (and whatever ``secret_pattern`` finds) are replaced in response bodies and headers.
    ``check_request`` sees each request before it is scrubbed (while recording, and while replaying
    to find its match): raise to refuse it, e.g. for a header whose recorded value will be scrubbed.
    vcrpy may apply the hooks to a request twice (a lookup scrubs it, then looks it up), so every
    rule here must accept its own output.
    """

    name: str
    fake_root: str
    directory: str
    scrubbed_headers: Mapping[str, str]
    present_headers: tuple[str, ...] = ()
    valued_headers: tuple[str, ...] = ("Accept", "Content-Type")
    secrets: tuple[str, ...] = ()
    secret_pattern: re.Pattern[bytes] | None = None
    check_request: Callable[[Any], None] | None = None

    @property
    def matcher(self) -> str:
        return f"{self.name}_wire_headers"

    # --- before anything is written ------------------------------------------------------------------

    def scrub_request(self, request: Any) -> Any:
        if self.check_request is not None:
            self.check_request(request)
        request.uri = LOOPBACK.sub(self.fake_root, request.uri)
        for name, value in self.scrubbed_headers.items():
            if name in request.headers:
                request.headers[name] = value
        for name in VOLATILE_REQUEST_HEADERS:
            request.headers.pop(name, None)
        return request

    def scrub_bytes(self, data: bytes) -> bytes:
        for secret in self.secrets:
            data = data.replace(secret.encode(), SCRUBBED.encode())
        if self.secret_pattern is not None:
            data = self.secret_pattern.sub(SCRUBBED.encode(), data)
        return data

    def scrub_response(self, response: dict[str, Any]) -> dict[str, Any]:
        response = copy.deepcopy(response)
        body = response["body"]["string"]
        body = self.scrub_bytes(body.encode() if isinstance(body, str) else body)
        response["body"]["string"] = body
        headers: dict[str, list[str]] = {}
        for name, values in response["headers"].items():
            if name.lower() in VOLATILE_RESPONSE_HEADERS:
                continue
            if name.lower() == "content-length":
                values = [str(len(body))]
            headers[name] = [self.scrub_bytes(value.encode()).decode() for value in values]
        response["headers"] = headers
        return response

    # --- matching ------------------------------------------------------------------------------------

    def wire_headers(self, request: Any) -> dict[str, Any]:
        """What a request's headers say about the wire rules (whether a secret went, never its value)."""
        headers = request.headers
        present = {name: name in headers for name in self.present_headers}
        return {**present, **{name: headers.get(name) for name in self.valued_headers}}

    def match_wire_headers(self, r1: Any, r2: Any) -> None:
        first, second = self.wire_headers(r1), self.wire_headers(r2)
        assert first == second, f"{first} != {second}"

    # --- pytest-recording ----------------------------------------------------------------------------

    def register(self, vcr: Any) -> None:
        """For the conftest's ``pytest_recording_configure`` hook."""
        vcr.register_matcher(self.matcher, self.match_wire_headers)
        vcr.register_matcher("bundle_aware_body", match_body)

    def vcr_config(self, record_mode: str) -> dict[str, Any]:
        """For the conftest's ``vcr_config`` fixture."""
        return {
            # pytest-recording lets this win over the CLI; it is the same resolved value.
            "record_mode": record_mode,
            "match_on": ("method", "path", "query", "bundle_aware_body", self.matcher),
            "before_record_request": self.scrub_request,
            "before_record_response": self.scrub_response,
            "decode_compressed_response": True,
        }


def _bundle_files(body: bytes) -> list[tuple[str, bytes]] | None:
    """The files of a gzip tar body, or None when the body is not one."""
    if not body.startswith(b"\x1f\x8b"):
        return None
    try:
        with tarfile.open(fileobj=io.BytesIO(body), mode="r:gz") as archive:
            members = [m for m in archive.getmembers() if m.isfile()]
            return sorted((m.name, archive.extractfile(m).read()) for m in members)  # type: ignore[union-attr]
    except (tarfile.TarError, OSError, EOFError):
        return None


def match_body(r1: Any, r2: Any) -> None:
    """vcrpy's body matcher, except that two deploy bundles match when they hold the same files:
    the gzip bytes of the same tar differ between Python/zlib versions."""
    first, second = _bundle_files(r1.body or b""), _bundle_files(r2.body or b"")
    if first is not None and second is not None:
        assert first == second, "the bundles hold different files"
        return
    vcr_body_matcher(r1, r2)


def cassette_fixtures(setup: CassetteSetup, *, require_all_played: bool = True) -> dict[str, Any]:
    """The conftest wiring of one API's cassettes, written once: ``globals().update(...)`` it.

    ``record_mode``, ``vcr_cassette_dir``, ``vcr_config``, the ``pytest_recording_configure`` hook,
    and (unless the test module checks it itself) a guard that a replayed test used its whole
    cassette.
    """

    @pytest.fixture(scope="session")
    def record_mode(pytestconfig: pytest.Config) -> str:
        return recording_mode(pytestconfig)

    @pytest.fixture(scope="module")
    def vcr_cassette_dir() -> str:
        return setup.directory

    def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
        setup.register(vcr)

    @pytest.fixture
    def vcr_config(record_mode: str) -> dict[str, Any]:
        return setup.vcr_config(record_mode)

    wiring: dict[str, Any] = {
        "record_mode": record_mode,
        "vcr_cassette_dir": vcr_cassette_dir,
        "pytest_recording_configure": pytest_recording_configure,
        "vcr_config": vcr_config,
    }
    if require_all_played:

        @pytest.fixture(autouse=True)
        def _every_recorded_interaction_played(vcr: Any, record_mode: str) -> Iterator[None]:
            """In replay, a test must use its whole cassette: a call the client stopped making fails."""
            yield
            assert_all_played(vcr, record_mode)

        wiring["_every_recorded_interaction_played"] = _every_recorded_interaction_played
    return wiring
