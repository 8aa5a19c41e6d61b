"""The ``meshkit_cassette`` fixture in this very suite, as a user's test takes it: the cassettes it
replays are committed next to this module (``cassettes/test_cassette_fixture/``), so in CI
(``CI=true``: mode ``none``) and locally (``once``, the files exist) these tests replay them with no
server at all. Delete a file (or pass ``--meshkit-record-mode=all``) to record it again: the test
then starts a dev server to record from.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from meshkit import AsyncFormation, Formation
from meshkit._cassette import MeshkitCassette
from meshkit.devserver import DevServer

KEY = "fmc_dev_not_a_secret"
HERE = Path(__file__).parent


@contextmanager
def formation_url(cassette: MeshkitCassette) -> Iterator[str]:
    """A dev server's formation while the cassette records; else an address where nothing listens."""
    recording = cassette.record_mode in ("all", "new_episodes") or (
        cassette.record_mode == "once" and not cassette.path.exists()
    )
    if not recording:
        yield "http://127.0.0.1:9/formation"  # port 9 (discard): a request that left would fail
        return
    with DevServer() as dev:
        yield dev.formation_url


async def greet_async(url: str) -> tuple[str, list[str]]:
    async with AsyncFormation(url=url, client_key=KEY) as formation:
        answer = await formation.chat("Hello!", user_id="alice")
        kinds = [type(event).__name__ async for event in formation.chat_stream("Hi there")]
        return answer.text, kinds


def greet(client: str, url: str) -> tuple[str, list[str]]:
    if client == "async":
        return asyncio.run(greet_async(url))
    with Formation(url=url, client_key=KEY) as formation:
        answer = formation.chat("Hello!", user_id="alice")
        with formation.chat_stream("Hi there") as stream:
            kinds = [type(event).__name__ for event in stream]
        return answer.text, kinds


class TestBot:
    @pytest.mark.parametrize("client", ["sync", "async"])
    def test_greets(self, client: str, meshkit_cassette: MeshkitCassette) -> None:
        expected = HERE / "cassettes" / "test_cassette_fixture" / f"TestBot.test_greets-{client}.yaml"
        assert meshkit_cassette.path == expected
        with formation_url(meshkit_cassette) as url:
            text, kinds = greet(client, url)
        assert text == "You said: Hello!"
        assert kinds == ["Progress", "Planning", "Thinking", *["ContentDelta"] * 4, "Completed", "Done"]
        assert len(meshkit_cassette.chunks(1)) == 10  # the stream, a frame per chunk (a keepalive first)
        users = [request.headers.get("X-Muxi-User-ID") for request, _ in meshkit_cassette.interactions]
        assert users == ["<scrubbed>", None]  # chat(..., user_id="alice"), then a stream without one


class TestConfigured:
    @pytest.fixture
    def meshkit_cassette_config(self, tmp_path: Path) -> dict[str, object]:
        """This class's override: its tests record into a file of their own, in mode all."""
        return {"path": tmp_path / "configured.yaml", "record_mode": "all", "scrub_values": ["Hello"]}

    def test_the_config_fixture_gives_every_cassette_its_options(
        self, meshkit_cassette: MeshkitCassette, request: pytest.FixtureRequest
    ) -> None:
        if request.config.getoption("--meshkit-record-mode"):
            pytest.skip("--meshkit-record-mode overrides the configured mode")
        assert meshkit_cassette.record_mode == "all"
        assert meshkit_cassette.path.name == "configured.yaml"
        with DevServer() as dev, Formation(url=dev.formation_url, client_key=KEY) as formation:
            assert formation.chat("Hello!").text == "You said: Hello!"
        (recorded,) = meshkit_cassette.interactions
        assert b"Hello" not in recorded[0].body and b"<scrubbed>!" in recorded[0].body
