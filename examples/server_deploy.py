"""The MUXI Server: deploy examples/formations/hello-bot with its progress shown, chat with it
through the server, list the formations, then remove it.

Run it against the dev server: `make serve` in one terminal, `python examples/server_deploy.py` in
another. MUXI_SERVER_URL, MUXI_KEY_ID, MUXI_SECRET_KEY (the server) and MUXI_CLIENT_KEY (the
deployed formation) point it elsewhere.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import meshkit
from meshkit import ServerClient

HELLO_BOT = Path(__file__).resolve().parent / "formations" / "hello-bot"
URL = os.environ.get("MUXI_SERVER_URL", "http://127.0.0.1:7890")
KEY_ID = os.environ.get("MUXI_KEY_ID", "MUXI_dev")
SECRET_KEY = os.environ.get("MUXI_SECRET_KEY", "sk_dev_not_a_secret")
CLIENT_KEY = os.environ.get("MUXI_CLIENT_KEY", "fmc_dev_not_a_secret")


def main() -> None:
    with ServerClient(url=URL, key_id=KEY_ID, secret_key=SECRET_KEY) as server:
        # The directory is packed into a bundle; the id and version come from its formation.yaml.
        with server.deploy_stream(HELLO_BOT) as progress:  # or server.deploy(HELLO_BOT): one call
            for event in progress:
                if event.event == "progress":
                    print(f"{event.data.stage}: {event.data.message}")
                else:
                    print(f"running on port {event.data.port}")

        # A Formation bound to /api/hello-bot/v1 on this server.
        with server.formation("hello-bot", client_key=CLIENT_KEY) as bot:
            print(bot.chat("Hello, bot!").text)

        for summary in server.list_formations():
            print(f"{summary.id}: {summary.status} on port {summary.port}")

        server.delete_formation("hello-bot")
        print("removed hello-bot; formations left:", len(server.list_formations()))


if __name__ == "__main__":
    try:
        main()
    except meshkit.MeshkitError as error:
        sys.exit(f"error: {error}")
