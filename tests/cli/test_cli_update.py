"""`meshkit formations update DIR`, and errors told in the CLI's own terms (issue 16): its flags and
variables, never the library's ``url=``, and where a URL came from. Run in a subprocess against a
fresh dev server, like a user's shell."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from meshkit.devserver import DevServer

HELLO_BOT = Path(__file__).resolve().parents[2] / "examples" / "formations" / "hello-bot"
ENV_NAMES = (
    "MUXI_FORMATION_URL",
    "MUXI_FORMATION_ID",
    "MUXI_CLIENT_KEY",
    "MUXI_ADMIN_KEY",
    "MUXI_SERVER_URL",
    "MUXI_KEY_ID",
    "MUXI_SECRET_KEY",
    "AIMESH_URL",
    "AIMESH_API_KEY",
)


def meshkit(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`meshkit ARGS` with only the given MUXI/AiMesh variables set."""
    clean = {name: value for name, value in os.environ.items() if name not in ENV_NAMES}
    return subprocess.run(
        [sys.executable, "-m", "meshkit.cli", *args],
        capture_output=True,
        text=True,
        env={**clean, **env, "COLUMNS": "200"},
        timeout=60,
        check=False,
    )


@pytest.fixture
def server_env(meshkit_fresh_dev_server: DevServer) -> dict[str, str]:
    dev = meshkit_fresh_dev_server
    return {"MUXI_SERVER_URL": dev.url, "MUXI_KEY_ID": dev.config.key_id, "MUXI_SECRET_KEY": dev.config.secret_key}


@pytest.fixture
def bot(tmp_path: Path) -> Path:
    """A copy of the hello-bot formation, to edit between a deploy and an update."""
    return Path(shutil.copytree(HELLO_BOT, tmp_path / "hello-bot"))


# --- formations update -------------------------------------------------------------------------------


def test_a_second_deploy_points_to_update_which_replaces_the_formation(bot: Path, server_env: dict[str, str]) -> None:
    assert meshkit("formations", "deploy", str(bot), **server_env).returncode == 0

    again = meshkit("formations", "deploy", str(bot), **server_env)
    assert again.returncode == 1
    assert again.stderr.splitlines() == [
        "error: 409 CONFLICT: Formation 'hello-bot' already exists. Use PUT to update.",
        "hint: formation 'hello-bot' exists already: to replace it, call server.update('hello-bot', source) "
        "(update_stream() shows the progress; ops.update_formation() is the raw call), "
        "or run `meshkit formations update DIR`",
    ]

    (bot / "knowledge.md").write_text("# What the bot knows now\n")
    updated = meshkit("formations", "update", str(bot), **server_env)
    assert updated.returncode == 0, updated.stderr
    assert "validating:" in updated.stdout  # the stages, as for a deploy
    assert "updated hello-bot: running on port " in updated.stdout
    assert updated.stdout.rstrip().endswith("(deployment 1 → 2)")

    same = meshkit("--json", "formations", "update", str(bot), **server_env)
    assert same.returncode == 1  # the same bytes again: the progress stream's error frame, NoChange
    error = json.loads(same.stderr)["error"]
    assert (error["type"], error["message"]) == (
        "DeploymentError",
        "Source is identical to current version - nothing to update",
    )


def test_update_reports_its_completion_as_json(bot: Path, server_env: dict[str, str]) -> None:
    assert meshkit("formations", "deploy", str(bot), **server_env).returncode == 0
    (bot / "knowledge.md").write_text("v2\n")
    done = meshkit("--json", "formations", "update", str(bot), "--version", "1.0.0", **server_env)
    assert done.returncode == 0, done.stderr
    complete = json.loads(done.stdout)
    assert (complete["formation_id"], complete["status"], complete["new_version"]) == ("hello-bot", "running", "2")


def test_update_of_a_formation_never_deployed_is_a_404(bot: Path, server_env: dict[str, str]) -> None:
    done = meshkit("formations", "update", str(bot), **server_env)
    assert done.returncode == 1
    assert "404 NOT_FOUND" in done.stderr


def test_update_dry_run_sends_nothing(bot: Path) -> None:
    listed = meshkit("formations", "update", str(bot), "--dry-run")  # no server configured
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines()[-1].endswith("nothing sent (--dry-run)")


def test_a_directory_whose_formation_declares_no_id_is_refused(tmp_path: Path) -> None:
    (tmp_path / "formation.yaml").write_text("version: 1.0.0\n")
    for command in ("deploy", "update"):
        done = meshkit("formations", command, str(tmp_path))  # before any server is needed
        assert done.returncode == 2
        assert "its formation file declares no id: add `id: <name>` to it" in done.stderr


# --- errors in the CLI's terms -----------------------------------------------------------------------


def test_a_missing_server_url_names_the_flag_and_the_variable() -> None:
    done = meshkit("formations", "ls")
    assert done.returncode == 2
    assert done.stderr == "error: no MUXI Server URL: pass --server-url or set MUXI_SERVER_URL\n"


def test_a_missing_formation_url_names_the_flags_and_the_variables() -> None:
    done = meshkit("chat", "Hello")
    assert done.returncode == 2
    assert done.stderr == (
        "error: no formation URL: pass --formation-url (or --server-url with --formation), "
        "or set MUXI_FORMATION_URL (or MUXI_SERVER_URL and MUXI_FORMATION_ID)\n"
    )
    alone = meshkit("--formation", "hello-bot", "chat", "Hello")
    assert alone.stderr == (
        "error: --formation names a formation behind a MUXI Server: pass --server-url or set MUXI_SERVER_URL too\n"
    )


def test_a_formation_url_with_v1_says_what_to_pass_instead() -> None:
    done = meshkit("--formation-url", "http://127.0.0.1:8001/v1", "chat", "Hello")
    assert done.returncode == 2
    assert done.stderr == (
        "error: --formation-url is the formation's root URL, without /v1 (meshkit adds it): "
        "pass --formation-url 'http://127.0.0.1:8001'\n"
    )
    from_env = meshkit("chat", "Hello", MUXI_FORMATION_URL="http://127.0.0.1:8001/v1")
    assert "set MUXI_FORMATION_URL=http://127.0.0.1:8001" in from_env.stderr


def test_a_bad_key_names_the_flag_and_the_variable_never_the_key() -> None:
    done = meshkit("--formation-url", "http://127.0.0.1:9", "--admin-key", "fma secret 0006", "agents", "ls")
    assert done.returncode == 2
    assert done.stderr.startswith("error: --admin-key (or MUXI_ADMIN_KEY) holds a character a header cannot carry")
    assert "secret" not in done.stderr


def test_a_connection_error_says_where_the_url_came_from() -> None:
    from_env = meshkit("--max-retries", "0", "broker", "stats", AIMESH_URL="http://127.0.0.1:9/broker")
    assert from_env.returncode == 3
    assert from_env.stderr.startswith("error: GET http://127.0.0.1:9/broker/stats: connection failed: ")
    assert "(base URL from AIMESH_URL)\nhint: check that the server runs" in from_env.stderr

    from_flag = meshkit("--broker-url", "http://127.0.0.1:9/broker", "--max-retries", "0", "broker", "stats")
    assert "(base URL from --broker-url)\n" in from_flag.stderr

    server = meshkit(
        "--server-url",
        "http://127.0.0.1:9",
        "--max-retries",
        "0",
        "formations",
        "ls",
        MUXI_KEY_ID="MUXI_k",
        MUXI_SECRET_KEY="sk_x",
    )
    assert server.returncode == 3
    assert "GET http://127.0.0.1:9/rpc/formations: connection failed" in server.stderr
    assert "(base URL from --server-url)\n" in server.stderr

    through = meshkit(
        "--formation",
        "hello-bot",
        "--max-retries",
        "0",
        "chat",
        "Hi",
        MUXI_SERVER_URL="http://127.0.0.1:9",
        MUXI_CLIENT_KEY="fmc_x",
    )
    assert "POST http://127.0.0.1:9/api/hello-bot/v1/chat: connection failed" in through.stderr
    assert "(base URL from MUXI_SERVER_URL and --formation)\n" in through.stderr


def test_json_errors_are_in_the_cli_terms_too() -> None:
    done = meshkit("--json", "formations", "ls")
    error = json.loads(done.stderr)["error"]
    assert (error["type"], error["message"]) == (
        "ConfigurationError",
        "no MUXI Server URL: pass --server-url or set MUXI_SERVER_URL",
    )
