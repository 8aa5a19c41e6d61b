"""Record modes, as a user's suite meets them: ``pytest_plugins = ["meshkit.testing"]``, a test taking
``meshkit_cassette``, ``--meshkit-record-mode`` / the marker / ``CI=true``; and a replay miss, which
is a clear error naming the request, never a network call. Sync and async clients.

The user's suite runs in a pytest of its own (a subprocess, in a temporary directory), against the
dev server while recording and with the server stopped while replaying.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from cassette_support import run_suite, write_suite
from meshkit import AsyncFormation, Formation, MeshkitError
from meshkit._cassette import CassetteMissError, default_record_mode, use_cassette
from meshkit.devserver import DevServer

BOT_TESTS = """
import asyncio
import os

import pytest

from meshkit import AsyncFormation, Formation

URL = os.environ["BOT_URL"]
MESSAGE = os.environ.get("BOT_MESSAGE", "Hello!")
KEY = "fmc_dev_not_a_secret"


def test_sync_bot(meshkit_cassette):
    with Formation(url=URL, client_key=KEY, max_retries=0) as formation:
        assert formation.chat(MESSAGE).text == "You said: " + MESSAGE


def test_async_bot(meshkit_cassette):
    async def main():
        async with AsyncFormation(url=URL, client_key=KEY, max_retries=0) as formation:
            return (await formation.chat(MESSAGE)).text

    assert asyncio.run(main()) == "You said: " + MESSAGE


@pytest.mark.meshkit_cassette(record_mode="none", path="recorded/marked.yaml")
def test_marked_bot(meshkit_cassette):
    with Formation(url=URL, client_key=KEY, max_retries=0) as formation:
        assert formation.chat(MESSAGE).text == "You said: " + MESSAGE
"""


@pytest.fixture
def user_suite(tmp_path: Path) -> Path:
    conftest = 'pytest_plugins = ["meshkit.testing"]\n'
    return write_suite(tmp_path, {"conftest.py": conftest, "test_bot.py": textwrap.dedent(BOT_TESTS)})


def run_bots(suite: Path, *args: str, url: str, ci: bool, message: str = "Hello!") -> tuple[str, str]:
    """The user's suite, its bots talking to ``url`` and saying ``message``."""
    return run_suite(suite, *args, ci=ci, env={"BOT_URL": url, "BOT_MESSAGE": message})


def interactions(path: Path) -> list[str]:
    """The request bodies a cassette holds."""
    return [i["request"]["body"] for i in yaml.safe_load(path.read_text())["interactions"]]


def chats(dev: DevServer) -> int:
    """How many chats the dev server accepted."""
    return sum(dev.accepted()["chats"].values())


BOTS = ["test_bot.py::test_sync_bot", "test_bot.py::test_async_bot"]


def test_record_once_locally_then_replay_in_ci_with_the_server_stopped(user_suite: Path) -> None:
    with DevServer() as dev:
        url = dev.formation_url
        summary, output = run_bots(user_suite, *BOTS, url=url, ci=False)  # local default: once
        assert summary.startswith("2 passed"), output
        assert chats(dev) == 2  # recorded from the server
    sync_cassette = user_suite / "cassettes" / "test_bot" / "test_sync_bot.yaml"
    async_cassette = user_suite / "cassettes" / "test_bot" / "test_async_bot.yaml"
    assert len(interactions(sync_cassette)) == len(interactions(async_cassette)) == 1

    summary, output = run_bots(user_suite, *BOTS, url=url, ci=True)  # CI default: none
    assert summary.startswith("2 passed"), output
    summary, output = run_bots(user_suite, *BOTS, url=url, ci=False)  # once, the cassettes exist: replay
    assert summary.startswith("2 passed"), output


def test_a_request_the_cassette_lacks_fails_naming_it_and_sends_nothing(user_suite: Path) -> None:
    with DevServer() as dev:
        url = dev.formation_url
        assert run_bots(user_suite, *BOTS, url=url, ci=False)[0].startswith("2 passed")

    for ci, mode in ((True, "none"), (False, "once")):
        summary, output = run_bots(user_suite, *BOTS, url=url, ci=ci, message="Bye!")
        assert summary.startswith("2 failed"), output
        assert f"CassetteMissError: POST {url}/v1/chat is not in the cassette" in output
        assert f"(record mode '{mode}')" in output
        assert "(the closest recorded request has the same method, path, query, another body)" in output
        assert "nothing was sent" in output
        assert "connection failed" not in output


def test_new_episodes_adds_and_all_records_anew(user_suite: Path) -> None:
    with DevServer() as dev:
        assert run_bots(user_suite, *BOTS, url=dev.formation_url, ci=False)[0].startswith("2 passed")
    cassette = user_suite / "cassettes" / "test_bot" / "test_async_bot.yaml"

    with DevServer() as dev:  # another port: the host is not matched
        url = dev.formation_url
        new_episodes = "--meshkit-record-mode=new_episodes"
        summary, output = run_bots(user_suite, *BOTS, new_episodes, url=url, ci=True, message="Bye!")
        assert summary.startswith("2 passed"), output
        assert chats(dev) == 2
        assert ['"Hello!"' in body for body in interactions(cassette)] == [True, False]

        summary, output = run_bots(user_suite, *BOTS, new_episodes, url=url, ci=True)
        assert summary.startswith("2 passed"), output
        assert chats(dev) == 2  # "Hello!" replayed: nothing sent

        summary, output = run_bots(user_suite, *BOTS, "--meshkit-record-mode=all", url=url, ci=True)
        assert summary.startswith("2 passed"), output
        assert chats(dev) == 4  # recorded again, from the server
        assert ['"Hello!"' in body for body in interactions(cassette)] == [True]  # this run's, no other


def test_the_marker_sets_a_test_s_mode_and_the_option_wins(user_suite: Path) -> None:
    marked = ["test_bot.py::test_marked_bot"]
    with DevServer() as dev:
        url = dev.formation_url
        summary, output = run_bots(user_suite, *marked, url=url, ci=False)
        assert summary.startswith("1 failed"), output
        assert "record mode 'none'" in output and "does not exist" in output
        assert chats(dev) == 0

        summary, output = run_bots(user_suite, *marked, "--meshkit-record-mode=once", url=url, ci=False)
        assert summary.startswith("1 passed"), output
        assert chats(dev) == 1
    assert (user_suite / "recorded" / "marked.yaml").is_file()  # the marker's path, next to the test


def test_the_default_mode_is_none_in_ci_and_once_elsewhere() -> None:
    assert default_record_mode({"CI": "true"}) == "none"
    assert default_record_mode({"CI": "1"}) == "none"
    assert default_record_mode({}) == "once"
    assert default_record_mode({"CI": "false"}) == "once"


@pytest.mark.parametrize("client", ["sync", "async"])
def test_a_miss_is_a_typed_meshkit_error(client: str, tmp_path: Path) -> None:
    url = "http://127.0.0.1:9/formation"  # nothing listens: a network call would be a ConnectionError
    with pytest.raises(CassetteMissError) as caught, use_cassette(tmp_path / "empty.yaml", record_mode="none"):
        if client == "sync":
            with Formation(url=url, client_key="fmc_key_of_the_test") as formation:
                formation.chat("Hello!", user_id="alice")
        else:

            async def chat() -> None:
                async with AsyncFormation(url=url, client_key="fmc_key_of_the_test") as formation:
                    await formation.chat("Hello!", user_id="alice")

            asyncio.run(chat())
    error = caught.value
    assert isinstance(error, MeshkitError)
    assert (error.method, error.url, error.record_mode) == ("POST", f"{url}/v1/chat", "none")
    assert str(error).startswith(f"POST {url}/v1/chat is not in the cassette {tmp_path / 'empty.yaml'}")
    assert "the cassette does not exist" in str(error)
    assert "fmc_key_of_the_test" not in str(error) and "alice" not in str(error)


def test_without_vcrpy_the_dev_server_fixtures_load_and_a_cassette_says_what_to_install(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import sys
        sys.modules["vcr"] = None  # as if the testing extra were not installed
        import meshkit.testing
        from meshkit import MeshkitError
        try:
            with meshkit.testing.use_cassette("unused.yaml"):
                pass
        except MeshkitError as error:
            print(error)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True)
    hint = 'install the testing extra: pip install "meshkit[testing]"'
    assert done.stdout.strip() == f"meshkit_cassette needs vcrpy (hint: {hint})"
