"""A throwaway PostgreSQL 16 with pgvector (the ``pgserver`` wheel); runs in .venv-runtime/.

    .venv-runtime/bin/python tests/real/run_postgres.py PGDATA DBNAME

Initialises PGDATA, starts the server on a unix socket only (no TCP), creates DBNAME with the
``vector`` extension, prints one JSON line ``{"uri": ..., "pid": ...}`` and waits. SIGTERM or
SIGINT stops the server (``pg_ctl stop``). The runtime needs pgvector for its multi-user schema;
Debian's PostgreSQL on this machine has none.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from pathlib import Path


def main() -> None:
    pgdata, database = Path(sys.argv[1]).resolve(), sys.argv[2]
    import pgserver

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    server = pgserver.get_server(pgdata, cleanup_mode="stop")
    try:
        server.psql(f"CREATE DATABASE {database};")
        uri = server.get_uri(database)
        # The extension must exist before the runtime creates its schema.
        server.psql(f"\\c {database}\nCREATE EXTENSION vector;\n")
        print(json.dumps({"uri": uri, "pid": server.get_pid()}), flush=True)
        while not stop.wait(0.5):
            pass
    finally:
        server.cleanup()


if __name__ == "__main__":
    main()
