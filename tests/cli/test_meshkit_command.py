"""The `meshkit` command, run in a subprocess against a dev server: output and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
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

Run = Callable[..., subprocess.CompletedProcess[str]]


def _clean_env() -> dict[str, str]:
    return {name: value for name, value in os.environ.items() if name not in ENV_NAMES}


def _run(args: list[str], env: dict[str, str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "meshkit.cli", *args],
        capture_output=True,
        text=True,
        env={**env, "COLUMNS": "200"},
        input=stdin,
        timeout=30,
        check=False,
    )


@pytest.fixture
def meshkit_cli(meshkit_fresh_dev_server: DevServer) -> Run:
    """Runs `python -m meshkit.cli ARGS` with a fresh dev server's URLs and keys in the environment."""
    dev = meshkit_fresh_dev_server
    env = {
        **_clean_env(),
        "MUXI_FORMATION_URL": dev.formation_url,
        "MUXI_CLIENT_KEY": dev.config.client_key,
        "MUXI_ADMIN_KEY": dev.config.admin_key,
        "MUXI_SERVER_URL": dev.url,
        "MUXI_KEY_ID": dev.config.key_id,
        "MUXI_SECRET_KEY": dev.config.secret_key,
        "AIMESH_URL": dev.broker_url,
    }

    def run(*args: str, stdin: str | None = None, **overrides: str) -> subprocess.CompletedProcess[str]:
        return _run(list(args), {**env, **overrides}, stdin)

    return run


def test_chat_streams_the_answer(meshkit_cli: Run) -> None:
    done = meshkit_cli("chat", "Hello!")
    assert (done.returncode, done.stdout) == (0, "You said: Hello!\n"), done.stderr


def test_chat_json_with_session_and_user(meshkit_cli: Run) -> None:
    done = meshkit_cli("--json", "chat", "Hi", "--session", "sess_cli", "--user", "bob", "--agent", "researcher")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["text"] == "You said: Hi"
    assert answer["session_id"] == "sess_cli"
    listed = json.loads(meshkit_cli("--json", "sessions", "ls", "--user", "bob").stdout)
    assert [s["session_id"] for s in listed] == ["sess_cli"]


def test_interactive_chat_keeps_one_session_until_exit(meshkit_cli: Run) -> None:
    done = meshkit_cli("chat", "-i", "--user", "carol", stdin="Remember tea\nWhat did I say?\n/exit\nnever sent\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["You said: Remember tea", "You said: What did I say?"]
    sessions = json.loads(meshkit_cli("--json", "sessions", "ls", "--user", "carol").stdout)
    assert len(sessions) == 1


def test_agents_and_triggers(meshkit_cli: Run) -> None:
    agents = meshkit_cli("agents", "ls")
    assert agents.returncode == 0 and "researcher" in agents.stdout
    data = json.dumps({"repository": "muxi/runtime", "issue": {"number": 7, "title": "Bug"}})
    fired = meshkit_cli("--json", "triggers", "fire", "github-issue", "--data", data)
    assert fired.returncode == 0, fired.stderr
    assert "muxi/runtime" in json.loads(fired.stdout)["content"]


def test_bad_trigger_data_is_a_usage_error(meshkit_cli: Run) -> None:
    done = meshkit_cli("triggers", "fire", "github-issue", "--data", "[1")
    assert done.returncode == 2
    assert "--data is not valid JSON" in done.stderr


def test_formations_deploy_logs_restart_rm(meshkit_cli: Run) -> None:
    deployed = meshkit_cli("formations", "deploy", str(HELLO_BOT))
    assert deployed.returncode == 0, deployed.stderr
    assert "validating:" in deployed.stdout and "deployed hello-bot: running" in deployed.stdout
    listed = json.loads(meshkit_cli("--json", "formations", "ls").stdout)
    assert [f["id"] for f in listed] == ["hello-bot"]
    through_server = meshkit_cli("--formation", "hello-bot", "chat", "via server", MUXI_FORMATION_URL="")
    assert through_server.stdout == "You said: via server\n", through_server.stderr
    logs = meshkit_cli("formations", "logs", "hello-bot")
    assert logs.returncode == 0 and "hello-bot" in logs.stdout
    assert meshkit_cli("formations", "restart", "hello-bot").stdout == "restarted hello-bot\n"
    assert meshkit_cli("formations", "rm", "hello-bot").returncode == 0
    gone = meshkit_cli("formations", "rm", "hello-bot")
    assert gone.returncode == 1
    assert "404 NOT_FOUND" in gone.stderr and "hint: " in gone.stderr


def test_deploy_dry_run_lists_the_bundle_without_a_server(tmp_path: Path) -> None:
    bot = tmp_path / "hello-bot"
    (bot / "knowledge").mkdir(parents=True)
    (bot / "formation.yaml").write_text((HELLO_BOT / "formation.yaml").read_text())
    (bot / "knowledge" / "faq.md").write_text("# FAQ\n")
    (bot / ".env").write_text("OPENAI_API_KEY=sk-live\n")
    (bot / "id_rsa").write_text("-----BEGIN OPENSSH PRIVATE KEY-----\n")

    listed = _run(["formations", "deploy", str(bot), "--dry-run"], _clean_env())  # no server configured
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert [line.split()[-1] for line in lines[:-1]] == ["formation.yaml", "knowledge/faq.md"]
    assert lines[1].split() == ["6", "knowledge/faq.md"]  # each file's size in bytes
    assert lines[-1].startswith("2 files, ") and "nothing sent" in lines[-1]

    as_json = json.loads(_run(["--json", "formations", "deploy", str(bot), "--dry-run"], _clean_env()).stdout)
    assert [f["path"] for f in as_json["files"]] == ["formation.yaml", "knowledge/faq.md"]
    assert as_json["formation_id"] == "hello-bot" and as_json["size"] > 0

    (bot / "shared").symlink_to(tmp_path, target_is_directory=True)
    refused = _run(["formations", "deploy", str(bot), "--dry-run"], _clean_env())
    assert refused.returncode == 2
    assert "'shared' points outside the formation directory" in refused.stderr


def test_broker_commands(meshkit_cli: Run) -> None:
    assert meshkit_cli("broker", "endpoints", "add", "gpt-4").returncode == 0
    budget = meshkit_cli("broker", "budget", "set", "cli-agent", "1000")
    assert budget.stdout == "cli-agent: 1000 of 1000 tokens left (0.0% used)\n"
    sent = meshkit_cli("--json", "broker", "send", "cli-agent", "Hello, AI!")
    assert sent.returncode == 0, sent.stderr
    assert json.loads(sent.stdout)["status"] == "success"
    left = json.loads(meshkit_cli("--json", "broker", "budget", "get", "cli-agent").stdout)
    assert left["remaining_tokens"] < 1000
    assert (
        json.loads(meshkit_cli("--json", "broker", "budget", "reset", "cli-agent").stdout)["remaining_tokens"] == 1000
    )
    assert json.loads(meshkit_cli("--json", "broker", "stats").stdout)["messages_total"] >= 1
    assert meshkit_cli("broker", "health").stdout.startswith("healthy")


def test_401_exits_1_with_the_hint_and_never_the_key(meshkit_cli: Run) -> None:
    done = meshkit_cli("chat", "Hello", MUXI_CLIENT_KEY="fmc_wrong_secret_value")
    assert done.returncode == 1
    assert "401 UNAUTHORIZED" in done.stderr
    assert "hint: check the key" in done.stderr
    assert "fmc_wrong_secret_value" not in done.stdout + done.stderr
    as_json = meshkit_cli("--json", "--secret-key", "sk_wrong_value", "formations", "ls")
    assert as_json.returncode == 1
    error = json.loads(as_json.stderr)["error"]
    assert (error["status_code"], error["type"]) == (401, "AuthenticationError")
    assert error["hint"] and "sk_wrong_value" not in as_json.stderr


def test_a_key_read_from_a_file_with_its_newline_exits_2_naming_the_setting_never_the_key(meshkit_cli: Run) -> None:
    key = "fma_read_from_a_file_0003\n"
    for args in (("agents", "ls"), ("--json", "agents", "ls")):
        done = meshkit_cli(*args, MUXI_ADMIN_KEY=key)
        assert done.returncode == 2, done.stderr  # a configuration error, not "check that the server runs"
        assert "MUXI_ADMIN_KEY" in done.stderr and "newline" in done.stderr
        assert "fma_read_from_a_file" not in done.stdout + done.stderr


def test_unreachable_server_exits_3(meshkit_cli: Run) -> None:
    done = meshkit_cli("--max-retries", "0", "chat", "Hello", MUXI_FORMATION_URL="http://127.0.0.1:1")
    assert done.returncode == 3
    assert "hint: check that the server runs" in done.stderr


def test_configuration_and_usage_errors_exit_2(meshkit_cli: Run) -> None:
    assert meshkit_cli("chat", "Hello", MUXI_FORMATION_URL="not a url").returncode == 2
    missing = _run(["chat", "Hello"], _clean_env())
    assert missing.returncode == 2 and "no formation URL" in missing.stderr
    assert meshkit_cli("chat").returncode == 2  # neither a message nor -i
    assert meshkit_cli("no-such-command").returncode == 2


def test_version_and_help() -> None:
    env = _clean_env()
    assert _run(["--version"], env).stdout.startswith("meshkit ")
    helped = _run(["--help"], env)
    assert helped.returncode == 0 and "MUXI_FORMATION_URL" in helped.stdout and "Exit codes" in helped.stdout


def test_the_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "meshkit"
    if not script.exists():
        pytest.skip("meshkit is not installed with its console script in this environment")
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=30, check=False)
    assert done.returncode == 0 and done.stdout.startswith("meshkit ")


def test_dev_runs_the_dev_server() -> None:
    server = subprocess.Popen(
        [sys.executable, "-m", "meshkit.cli", "dev", "--port", "0"], stdout=subprocess.PIPE, text=True, env=_clean_env()
    )
    try:
        assert server.stdout is not None
        assert server.stdout.readline().startswith("meshkit dev server on http://127.0.0.1:")
    finally:
        server.terminate()
        server.wait(timeout=10)
