"""README's "Formation quick start" blocks, run against the real runtime instead of the dev server.

Each ``<!-- runnable -->`` Python block of that section runs in order in one namespace, with the
dev server's URL and keys replaced by the real formation's (its formation has the agent
``researcher`` and the trigger ``github-issue`` the blocks use).
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"
DEV_URL, DEV_CLIENT, DEV_ADMIN = "http://127.0.0.1:7890/formation", "fmc_dev_not_a_secret", "fma_dev_not_a_secret"


def _blocks() -> list[str]:
    text = README.read_text()
    start = text.index("## Formation quick start")
    end = text.index("\n## ", start + 1)
    return re.findall(r"<!-- runnable -->\s*```python\n(.*?)```", text[start:end], re.DOTALL)


BLOCKS = _blocks()


@pytest.fixture(scope="module")
def ran(stack: Any) -> list[tuple[str, BaseException | None]]:
    namespace: dict[str, Any] = {"__name__": "readme"}
    outcomes: list[tuple[str, BaseException | None]] = []
    for block in BLOCKS:
        code = block.replace(DEV_URL, stack.url).replace(DEV_CLIENT, stack.client_key)
        code = code.replace(DEV_ADMIN, stack.admin_key)
        out = io.StringIO()
        error: BaseException | None = None
        with contextlib.redirect_stdout(out):
            try:
                exec(compile(code, "README.md", "exec"), namespace)
            except Exception as caught:
                error = caught
        outcomes.append((out.getvalue(), error))
    formation = namespace.get("formation")
    if formation is not None:
        formation.close()
    return outcomes


def _index(fragment: str) -> int:
    return next(i for i, block in enumerate(BLOCKS) if fragment in block)


@pytest.mark.parametrize("index", range(len(BLOCKS)), ids=[b.strip().splitlines()[-1][:40] for b in BLOCKS])
def test_block_runs(ran: list[tuple[str, BaseException | None]], index: int) -> None:
    output, error = ran[index]
    assert error is None, f"block {index} raised {error!r}; printed {output!r}"


def test_first_chat_prints_the_answer(ran: list[tuple[str, BaseException | None]]) -> None:
    output, _ = ran[_index('formation.chat("Hello!")')]
    assert output == "You said: Hello!\n"


def test_stream_prints_the_answer_twice(ran: list[tuple[str, BaseException | None]]) -> None:
    output, _ = ran[_index("chat_stream(")]
    assert output.splitlines() == ["You said: Tell me a story", "You said: Tell me a story"]


def test_sessions_block_prints_the_conversation(ran: list[tuple[str, BaseException | None]]) -> None:
    output, _ = ran[_index("create_session()")]
    lines = output.splitlines()
    # "<HH:MM:SS> role: content": the role, content and time come from the runtime's text and metadata.
    # The runtime stores the answer in a background task, so the block may read the history before
    # the assistant's line is there; the user's line always is.
    history = [line.split(" ", 1)[1] for line in lines if ": " in line]
    assert history[0] == "user: Remember: I like tea"
    assert history[1:] in ([], ["assistant: You said: Remember: I like tea"])
    assert "completed" in lines  # the chat's request_id is the one the runtime tracks
