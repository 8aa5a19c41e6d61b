"""`make demo`: start meshkit's dev server on a free port, run examples/demo.py against it, stop it.

The server is always stopped: on success, on a failed step, on Ctrl-C. The exit code is the
demo's (0 when every step passed), 130 on Ctrl-C, 1 when the server did not start.
"""

from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

HERE = Path(__file__).resolve().parent
BANNER = re.compile(r"meshkit dev server on (http://\S+)")
START_TIMEOUT = 30.0
# The dev server's documented fake development keys (README, "The dev server").
DEV_KEYS = {
    "MUXI_CLIENT_KEY": "fmc_dev_not_a_secret",
    "MUXI_ADMIN_KEY": "fma_dev_not_a_secret",
    "MUXI_KEY_ID": "MUXI_dev",
    "MUXI_SECRET_KEY": "sk_dev_not_a_secret",
}


def start_server() -> tuple[subprocess.Popen[str], str]:
    """The dev server on a free port, and its root URL (read from the first line it prints)."""
    server = subprocess.Popen(
        [sys.executable, "-m", "meshkit.devserver", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, **{f"MESHKIT_DEV_{k}": v for k, v in _dev_flags().items()}},
    )
    assert server.stdout is not None
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_pump, args=(server.stdout, lines), daemon=True).start()
    try:
        first = lines.get(timeout=START_TIMEOUT)
    except queue.Empty:
        first = ""
    match = BANNER.search(first)
    if match is None:
        stop_server(server)
        raise RuntimeError(f"the dev server did not start (first line: {first!r})")
    return server, match.group(1)


def _dev_flags() -> dict[str, str]:
    """The keys the server must accept: the same values the demo is given."""
    names = {"MUXI_CLIENT_KEY": "CLIENT_KEY", "MUXI_ADMIN_KEY": "ADMIN_KEY"}
    names |= {"MUXI_KEY_ID": "KEY_ID", "MUXI_SECRET_KEY": "SECRET_KEY"}
    return {flag: DEV_KEYS[var] for var, flag in names.items()}


def _pump(stream: IO[str], lines: queue.Queue[str]) -> None:
    """Read the server's output so its pipe never fills; the lines go to the queue."""
    for line in stream:
        lines.put(line)


def stop_server(server: subprocess.Popen[str]) -> None:
    """Terminate the server, then kill it if it lingers."""
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def demo_env(root: str) -> dict[str, str]:
    """The environment the demo reads: every URL of the server and its keys."""
    return {
        **os.environ,
        **DEV_KEYS,
        "MUXI_SERVER_URL": root,
        "MUXI_FORMATION_URL": f"{root}/formation",
        "AIMESH_URL": f"{root}/broker",
        "PYTHONUNBUFFERED": "1",
    }


def main() -> int:
    """Run the demo between a server start and a guaranteed stop."""
    try:
        server, root = start_server()
    except RuntimeError as exc:
        print(f"demo: {exc}", file=sys.stderr)
        return 1
    print(f"dev server started on {root}", flush=True)
    try:
        return subprocess.run([sys.executable, str(HERE / "demo.py")], env=demo_env(root), check=False).returncode
    except KeyboardInterrupt:
        print("\ndemo interrupted", file=sys.stderr)
        return 130
    finally:
        stop_server(server)
        print("dev server stopped", flush=True)


if __name__ == "__main__":
    sys.exit(main())
