"""A chat answer streamed token by token as it arrives (synchronous).

Run it against the dev server: `make serve` in one terminal, `python examples/formation_streaming.py`
in another. MUXI_FORMATION_URL and MUXI_CLIENT_KEY point it elsewhere.
"""

from __future__ import annotations

import os
import sys

import meshkit
from meshkit import ContentDelta, Formation

URL = os.environ.get("MUXI_FORMATION_URL", "http://127.0.0.1:7890/formation")
CLIENT_KEY = os.environ.get("MUXI_CLIENT_KEY", "fmc_dev_not_a_secret")


def main() -> None:
    with Formation(url=URL, client_key=CLIENT_KEY) as formation:
        tokens = 0
        # Typed events; the with block closes the response, even when the loop stops early.
        with formation.chat_stream("Tell me a story") as stream:
            for event in stream:
                if isinstance(event, ContentDelta):
                    tokens += 1
                # event.text is this event's new text ("" for progress, thinking, done…).
                print(event.text, end="", flush=True)
        print()
        # stream.text is the whole answer.
        print(f"{tokens} tokens, whole answer: {stream.text}")


if __name__ == "__main__":
    try:
        main()
    except meshkit.MeshkitError as error:
        sys.exit(f"error: {error}")
