"""pytest fixtures around meshkit's dev server, for your own test suite.

Enable them in your ``conftest.py``::

    pytest_plugins = ["meshkit.testing"]

    def test_chat(meshkit_dev_server):
        import httpx
        dev = meshkit_dev_server
        reply = httpx.post(
            dev.formation_url + "/v1/chat",
            headers={"X-MUXI-CLIENT-KEY": dev.config.client_key},
            json={"message": "Hello!", "stream": False},
        )
        assert reply.json()["data"]["message"]["content"] == "You said: Hello!"

``meshkit_dev_server`` is one server for the whole session (fast); ``meshkit_fresh_dev_server``
starts a new one per test (clean state). Both listen on 127.0.0.1 on an ephemeral port, disarm
every fault and script and forget the request journal and the accepted-work ledger after each
test, and stop when done. Needs the ``server`` extra.

Scripted answers and the request journal (see :class:`Answer`)::

    from meshkit.testing import Answer

    def test_weather_bot(meshkit_dev_server):
        dev = meshkit_dev_server
        dev.script(Answer().tool_call({"name": "weather"}).text("Sunny."), message="Weather?")
        with meshkit.Formation(url=dev.formation_url, client_key=dev.config.client_key) as formation:
            assert formation.chat("Weather?").text == "Sunny."
        (call,) = dev.requests(operation="chat")
        assert call.body["message"] == "Weather?"
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from meshkit.devserver import Answer, BrokerAnswer, DeployFailure, DevServer, JournalEntry, Script, ScriptError
from meshkit.devserver._runner import Match

# The public names, the cassette block's (at the end of this module) included.
__all__ = [
    "Answer",
    "BrokerAnswer",
    "CassetteMissError",
    "DeployFailure",
    "DevServer",
    "JournalEntry",
    "ScriptError",
    "meshkit_cassette",
    "meshkit_cassette_config",
    "meshkit_dev_server",
    "meshkit_fresh_dev_server",
    "meshkit_script",
    "use_cassette",
]


@pytest.fixture(scope="session")
def _meshkit_session_dev_server() -> Iterator[DevServer]:
    with DevServer() as dev:
        yield dev


@pytest.fixture
def meshkit_dev_server(_meshkit_session_dev_server: DevServer) -> Iterator[DevServer]:
    """The session's dev server; the faults and scripts a test arms are disarmed after it, and the
    request journal and the accepted-work ledger are emptied."""
    _meshkit_session_dev_server.journal.clear()  # what earlier tests (or fixtures) sent is not this test's
    yield _meshkit_session_dev_server
    _meshkit_session_dev_server.reset()


class ScriptFixture:
    """``meshkit_script``: call it as :meth:`DevServer.script` on the session's dev server.

    >>> def test_refusal(meshkit_script, formation):  # doctest: +SKIP
    ...     meshkit_script(Answer().status(503), message="Hi")
    """

    def __init__(self, dev: DevServer) -> None:
        self.dev = dev

    def __call__(
        self,
        answer: Answer | str,
        *,
        message: Match = None,
        agent: Match = None,
        user: Match = None,
        session: Match = None,
        times: int | None = 1,
    ) -> Script:
        """Register a formation script (see :meth:`DevServer.script`)."""
        return self.dev.script(answer, message=message, agent=agent, user=user, session=session, times=times)

    @property
    def strict(self) -> bool:
        """Refuse the chats no script matches (500 ``SCRIPT_UNMATCHED``) instead of echoing them."""
        return self.dev.scripts.strict

    @strict.setter
    def strict(self, value: bool) -> None:
        self.dev.scripts.strict = value


@pytest.fixture
def meshkit_script(meshkit_dev_server: DevServer) -> ScriptFixture:
    """Script the session dev server's formation for this test: ``meshkit_script(Answer()..., message=...)``;
    ``meshkit_script.strict = True`` refuses unmatched chats. Scripts are disarmed after the test."""
    return ScriptFixture(meshkit_dev_server)


@pytest.fixture
def meshkit_fresh_dev_server() -> Iterator[DevServer]:
    """A dev server of its own for one test: empty state, its own ledger."""
    with DevServer() as dev:
        yield dev


# Recorded formations replayed offline (docs/recording.md): the meshkit_cassette fixture, its
# --meshkit-record-mode option and its marker. Needs the ``testing`` extra (vcrpy).
from meshkit import _cassette  # noqa: E402

meshkit_cassette = _cassette.meshkit_cassette
meshkit_cassette_config = _cassette.meshkit_cassette_config
pytest_addoption = _cassette.pytest_addoption
pytest_configure = _cassette.pytest_configure
CassetteMissError = _cassette.CassetteMissError  # a request the cassette lacks, in a mode that may not record it
use_cassette = _cassette.use_cassette  # the same, outside pytest: ``with use_cassette(path): ...``
