"""Start the real MUXI formation runtime on one formation directory; runs in .venv-runtime/.

    .venv-runtime/bin/python tests/real/run_runtime.py DIR --port PORT

The wheel's own entry point (``python -m muxi.runtime.utils.run_formation``) does not import in
this release, so the formation is loaded and served through the runtime's Python API. SIGTERM or
SIGINT stops the server and then the formation. The caller sets the environment (HOME, the LLM
provider's base URL, telemetry off…): see tests/real/runtime.py.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
from pathlib import Path


async def serve(directory: Path, host: str, port: int) -> int:
    from muxi.runtime.formation import Formation

    formation = Formation()
    await formation.load(str(directory / "formation.afs"))
    server = asyncio.ensure_future(formation.start_server(host=host, port=port, block=True))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    stopper = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({server, stopper}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in (server, stopper):
            if not task.done():
                task.cancel()
                with contextlib.suppress(BaseException):
                    await task
        with contextlib.suppress(Exception):
            await asyncio.wait_for(formation.stop(), timeout=10)
    if server.done() and not server.cancelled() and server.exception() is not None:
        print(f"run_runtime: the server stopped: {server.exception()!r}", file=sys.stderr, flush=True)
        return 1
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    sys.exit(asyncio.run(serve(args.directory.resolve(), args.host, args.port)))


if __name__ == "__main__":
    main()
