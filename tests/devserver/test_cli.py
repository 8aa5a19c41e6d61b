"""`python -m meshkit.devserver` (what `make serve` runs): flags, environment, banner, and the
contract's curl example answered frame by frame."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest
from meshkit.devserver.__main__ import parse_args
from meshkit.devserver._config import DevServerConfig


@pytest.fixture
def served() -> Iterator[tuple[str, str]]:
    """The dev server as a subprocess on a free port; yields (root URL, banner)."""
    env = {**os.environ, "MESHKIT_DEV_CLIENT_KEY": "fmc_from_env"}
    process = subprocess.Popen(
        [sys.executable, "-m", "meshkit.devserver", "--port", "0", "--admin-key", "fma_from_flag"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(8)]
        banner = "".join(lines)
        match = re.search(r"meshkit dev server on (http://127\.0\.0\.1:\d+)", banner)
        assert match, banner
        yield match.group(1), banner
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_banner_names_every_base_url_and_key(served: tuple[str, str]) -> None:
    """The public development defaults in clear; keys given by environment or flag masked."""
    root, banner = served
    for expected in (
        f"{root}/formation",
        f"{root}/broker",
        f"{root}/api/<formation_id>/v1",
        "client key fmc_…",
        "admin key fma_…",
        "MUXI_dev",
        "sk_dev_not_a_secret",
    ):
        assert expected in banner
    assert "fmc_from_env" not in banner and "fma_from_flag" not in banner


def test_curl_example_streams_the_contract_frames(served: tuple[str, str]) -> None:
    """What `curl -N <formation>/v1/chat -d '{"message": ..., "stream": true}'` prints."""
    root, _ = served
    with httpx.stream(
        "POST",
        f"{root}/formation/v1/chat",
        headers={"X-MUXI-CLIENT-KEY": "fmc_from_env", "Content-Type": "application/json"},
        content=json.dumps({"message": "Hello!", "stream": True}),
        timeout=10,
    ) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        assert response.headers["cache-control"] == "no-cache"
        body = response.read().decode()
    blocks = [block for block in body.split("\n\n") if block]
    assert blocks[0] == ": keepalive"
    tokens = [json.loads(block.removeprefix("data: "))["token"] for block in blocks if block.startswith("data: ")]
    assert [t["type"] for t in tokens][:3] == ["progress", "planning", "thinking"]
    assert "".join(t["content"] for t in tokens if t["type"] == "content") == "You said: Hello!"
    completed = tokens[-1]
    assert completed["type"] == "completed" and completed["status"] == "success"
    assert completed["content"] == "You said: Hello!"
    assert {"request_id", "user_id", "session_id", "timestamp", "processing_time_ms"} <= set(completed)
    assert blocks[-1] == 'event: done\ndata: {"finished":true}'


def test_flags_win_over_environment_which_wins_over_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MESHKIT_DEV_KEY_ID", "MUXI_env")
    monkeypatch.setenv("MESHKIT_DEV_TOKEN_DELAY", "0.5")
    config = parse_args(["--key-id", "MUXI_flag", "--port", "9999"])
    assert (config.key_id, config.port, config.token_delay) == ("MUXI_flag", 9999, 0.5)
    assert config.client_key == DevServerConfig().client_key


def test_keys_stay_out_of_the_config_repr() -> None:
    config = DevServerConfig(client_key="fmc_secret", admin_key="fma_secret", secret_key="sk_secret")
    assert "secret" not in repr(config)


def test_a_port_in_use_is_a_clear_error(served: tuple[str, str]) -> None:
    root, _ = served
    port = root.rsplit(":", 1)[1]
    result = subprocess.run(
        [sys.executable, "-m", "meshkit.devserver", "--port", port], capture_output=True, text=True, timeout=20
    )
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr


def test_a_bad_environment_value_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MESHKIT_DEV_PORT", "eighty")
    with pytest.raises(SystemExit) as exited:
        parse_args([])
    assert exited.value.code == 2
