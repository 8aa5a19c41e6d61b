"""Unwrapping the MUXI success envelope (contract README, formation.md §3)."""

from __future__ import annotations

from meshkit._core.envelope import decode_body, unwrap


def test_object_data_gets_its_request_id_filled_when_absent_or_null_and_nothing_else() -> None:
    body = {
        "object": "message",
        "timestamp": 1700000000123,
        "request": {"id": "req_1", "idempotency_key": "k1"},
        "success": True,
        "error": None,
        "data": {"message": {"content": "Hi"}, "request_id": None, "session_id": "s1"},
    }
    assert unwrap(body) == {
        "message": {"content": "Hi"},
        "request_id": "req_1",  # null in data: filled (the muxi SDK left it null)
        "session_id": "s1",
    }  # the key and the time are metadata (ResponseMeta), not fields of the answer
    assert body["data"]["request_id"] is None  # a copy, the raw envelope is untouched


def test_values_already_in_data_win() -> None:
    assert unwrap({"request": {"id": "req_1"}, "data": {"request_id": "mine"}})["request_id"] == "mine"


def test_top_level_request_id_is_the_fallback() -> None:
    assert unwrap({"request_id": "req_top", "data": {}})["request_id"] == "req_top"


def test_non_object_data_missing_data_and_non_objects() -> None:
    assert unwrap({"success": True, "data": ["a", "b"]}) == ["a", "b"]
    health = {"success": True, "status": "ok", "version": "1"}
    assert unwrap(health) is health
    assert unwrap({"success": True, "data": None}) == {"success": True, "data": None}
    assert unwrap("pong") == "pong"
    assert unwrap(None) is None


def test_decode_body() -> None:
    assert decode_body(b"", "application/json") is None
    assert decode_body(b'{"a": 1}', "application/json") == {"a": 1}
    assert decode_body(b"not json", "application/json") == "not json"
    assert decode_body(b"pong", "text/plain") == "pong"
    assert decode_body(b"123", "text/plain; charset=utf-8") == "123"
    assert decode_body(b'{"a":1}', None) == {"a": 1}
    assert decode_body(b"\xff\xfe", None) == "\ufffd\ufffd"
