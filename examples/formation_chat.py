"""A formation's everyday calls: a blocking chat, a session with its history, a call scoped to one
end user, and a typed error caught and printed.

Run it against the dev server: `make serve` in one terminal, `python examples/formation_chat.py` in
another. MUXI_FORMATION_URL, MUXI_CLIENT_KEY and MUXI_ADMIN_KEY point it elsewhere.
"""

from __future__ import annotations

import os
import sys

import meshkit
from meshkit import Formation

URL = os.environ.get("MUXI_FORMATION_URL", "http://127.0.0.1:7890/formation")
CLIENT_KEY = os.environ.get("MUXI_CLIENT_KEY", "fmc_dev_not_a_secret")
ADMIN_KEY = os.environ.get("MUXI_ADMIN_KEY", "fma_dev_not_a_secret")


def main() -> None:
    with Formation(url=URL, client_key=CLIENT_KEY, admin_key=ADMIN_KEY) as formation:
        # One message, the whole answer at once.
        print(formation.chat("Hello!").text)

        # Two turns in one session, then its history (oldest first).
        session = formation.create_session()
        formation.chat("Remember: I like tea", session_id=session.id)
        formation.chat("What do I like?", session_id=session.id)
        for message in formation.get_session(session.id).messages:
            print(f"{message.role}: {message.content}")

        # Every call as one end user (X-Muxi-User-ID); alice's sessions are hers alone.
        alice = formation.for_user("alice")
        print(alice.chat("Hi, I am Alice").text)
        print("alice's sessions:", len(alice.list_sessions()))

        # Failures are typed: a missing agent is a NotFoundError with the server's code and message.
        try:
            formation.get_agent("nobody")
        except meshkit.NotFoundError as error:
            print(f"not found: {error.code} {error.message}")


if __name__ == "__main__":
    try:
        main()
    except meshkit.MeshkitError as error:
        sys.exit(f"error: {error}")
