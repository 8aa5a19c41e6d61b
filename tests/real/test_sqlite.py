"""The single-user runtime on SQLite: persistent memory on (sqlite-vec loads), every call user "0"."""

from __future__ import annotations

from typing import Any

from conftest import make_formation


def test_sqlite_single_user(sqlite_stack: Any, recorder: Any) -> None:
    log = sqlite_stack.runtime_log.read_text(errors="replace")
    assert "enable_load_extension" not in log, "persistent memory is off: sqlite3 cannot load extensions"
    with make_formation(sqlite_stack, recorder) as formation:
        answer = formation.chat("hello sqlite", session_id="sqlite-session", user_id="alice")
        assert answer.text == "You said: hello sqlite"
        # Single-user: the runtime records the call as user "0", whatever the header says.
        sessions = formation.list_sessions(user_id="bob")
        assert [s.session_id for s in sessions] == ["sqlite-session"]
        assert {s.user_id for s in sessions} == {"0"}
