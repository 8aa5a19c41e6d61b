"""AsyncFormation: a few chats sent concurrently with asyncio.gather, then an async stream.

Run it against the dev server: `make serve` in one terminal, `python examples/formation_async.py` in
another. MUXI_FORMATION_URL and MUXI_CLIENT_KEY point it elsewhere.
"""

from __future__ import annotations

import asyncio
import os
import sys

import meshkit
from meshkit import AsyncFormation

URL = os.environ.get("MUXI_FORMATION_URL", "http://127.0.0.1:7890/formation")
CLIENT_KEY = os.environ.get("MUXI_CLIENT_KEY", "fmc_dev_not_a_secret")


async def main() -> None:
    async with AsyncFormation(url=URL, client_key=CLIENT_KEY) as formation:
        # Three chats in flight at once over one connection pool; answers come back in order.
        questions = ["Hello!", "How are you?", "Goodbye!"]
        results = await asyncio.gather(*(formation.chat(question) for question in questions))
        for question, result in zip(questions, results, strict=True):
            print(f"{question} -> {result.text}")

        # `async for` works directly on chat_stream(...); `async with` around it closes the response
        # promptly if the loop stops early.
        async for event in formation.chat_stream("Tell me a story"):
            print(event.text, end="", flush=True)
        print()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except meshkit.MeshkitError as error:
        sys.exit(f"error: {error}")
