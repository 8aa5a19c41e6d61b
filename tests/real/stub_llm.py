"""A deterministic OpenAI-compatible LLM for running the real formation runtime offline.

Standard library only, so it runs in either virtual environment:

    python tests/real/stub_llm.py --port 0 --log calls.jsonl   # prints "listening on http://127.0.0.1:PORT"

Endpoints: ``POST /v1/chat/completions`` (blocking, and ``stream: true`` as ``chat.completion.chunk``
frames ending with a ``finish_reason: "stop"`` chunk that carries usage, then ``data: [DONE]``),
``POST /v1/embeddings`` (1536 dimensions, a vector derived from a hash of the text),
``GET /v1/models``, and ``POST /webhook`` (accepts the formation's async and notification deliveries).

The runtime sends its own internal prompts besides the user's message (clarification check, agent
routing, planning, message enhancement, persona rewrite); each gets the minimal answer that lets a
chat go through. Everything else answers ``You said: <the user's message>``, so tests can assert on
the text. A user message containing ``STUB_FAIL_MIDSTREAM`` makes a stream stop after its first
chunk, without ``[DONE]`` (a broken upstream); ``STUB_SLOW`` delays every answer by 4 s (a request
stays in flight long enough to cancel); ``STUB_ARTIFACT`` makes the agent call ``generate_file``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

DIMENSIONS = 1536
MODELS = ["gpt-4o-mini", "gpt-4o", "text-embedding-3-small"]
ECHO = "You said: "
FAIL_MIDSTREAM = "STUB_FAIL_MIDSTREAM"
SLOW = "STUB_SLOW"  # every answer waits SLOW_SECONDS first, so a request stays in flight (cancel_request)
SLOW_SECONDS = 4.0
MAKE_ARTIFACT = "STUB_ARTIFACT"  # the agent calls generate_file once, so the formation stores an artifact
ARTIFACT_CODE = "with open('stub-artifact.txt', 'w') as f:\n    f.write('hello from the stub')\n"

CLARIFICATION = {
    "needs_clarification": False,
    "reason": "clear",
    "mode": "direct",
    "question": None,
    "confidence": 0.95,
    "mcp_service": None,
}
PLAN = {"steps": [], "my_steps": [], "delegate_steps": [], "data_flow": "none"}


def _text(content: Any) -> str:
    """The text of a message's content (a string or a list of parts)."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content if isinstance(p, dict) and isinstance(p.get("text"), str))
    return ""


def _instance(schema: Any, defs: dict[str, Any], depth: int = 0) -> Any:
    """A minimal value valid for a JSON schema (required properties only)."""
    if not isinstance(schema, dict) or depth > 8:
        return None
    if "$ref" in schema:
        return _instance(defs.get(schema["$ref"].rsplit("/", 1)[-1], {}), defs, depth + 1)
    for key in ("anyOf", "oneOf", "allOf"):
        if schema.get(key):
            return _instance(schema[key][0], defs, depth + 1)
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        required = schema.get("required", list(props))
        return {name: _instance(props.get(name, {}), defs, depth + 1) for name in required}
    return {"array": [], "string": "", "integer": 0, "number": 0, "boolean": False, "null": None}.get(kind)


class Brain:
    """Decides what to answer; records each request when asked to (for debugging the runtime's prompts)."""

    def __init__(self, log_path: str | None) -> None:
        self.log_path = log_path
        self.lock = threading.Lock()
        self.calls = 0

    def log(self, kind: str, body: Any) -> None:
        with self.lock:
            self.calls += 1
            if self.log_path:
                with open(self.log_path, "a", encoding="utf-8") as handle:
                    handle.write(json.dumps({"kind": kind, "body": body}, default=str) + "\n")

    @staticmethod
    def answer(body: dict[str, Any]) -> str:
        messages = body.get("messages") or []
        system = " ".join(_text(m.get("content")) for m in messages if m.get("role") == "system")
        everything = " ".join(_text(m.get("content")) for m in messages)
        users = [_text(m.get("content")) for m in messages if m.get("role") == "user"]
        last_user = users[-1] if users else ""
        response_format = body.get("response_format") or {}
        lowered = (system or everything).lower()

        if response_format.get("type") == "json_schema":
            spec = response_format.get("json_schema") or {}
            schema = spec.get("schema") or {}
            value = _instance(schema, schema.get("$defs") or schema.get("definitions") or {})
            if spec.get("name") == "agent_routing" and isinstance(value, dict):
                value["security_block"] = False
                agent = (schema.get("properties") or {}).get("agent") or {}
                value["agent"] = (agent.get("enum") or [value.get("agent") or "assistant"])[0]
            return json.dumps(value)
        if "determine if clarification is needed" in lowered or ("clarification" in lowered and "json" in lowered):
            return json.dumps(CLARIFICATION)
        if "planning assistant" in lowered:
            return json.dumps(PLAN)
        if "extracted_info" in last_user:  # memory extraction: nothing worth remembering
            return json.dumps({"extracted_info": []})
        if "knowledge graph" in last_user.lower():  # the user, so provenance has an entity to trace
            user = {"name": "User", "type": "person", "attributes": {}, "confidence": 0.9}
            return json.dumps({"entities": [user], "relationships": []})
        if response_format.get("type") == "json_object":
            return "{}"
        if "enhances user messages" in lowered:
            said = re.search(r'The user said: "(.*?)"\n', last_user, re.DOTALL)
            return said.group(1) if said else last_user
        if "Agent response:" in last_user:  # the persona rewrite: keep the agent's answer
            return last_user.rsplit("Agent response:", 1)[1].strip()
        if last_user.strip().lower() == "ping":
            return "pong"
        # The runtime appends context sections to the agent's user message ("--- Domain Knowledge ---").
        return ECHO + last_user.split("\n\n--- ", 1)[0].strip()


def _usage(prompt: str, completion: str) -> dict[str, int]:
    p, c = max(1, len(prompt.split())), max(1, len(completion.split()))
    return {"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c}


def _vector(text: str) -> list[float]:
    seed = hashlib.sha256(text.encode("utf-8")).digest()
    values: list[float] = []
    counter = 0
    while len(values) < DIMENSIONS:
        block = hashlib.sha256(seed + counter.to_bytes(4, "big")).digest()
        values.extend((b - 127.5) / 127.5 for b in block)
        counter += 1
    values = values[:DIMENSIONS]
    norm = math.sqrt(sum(v * v for v in values)) or 1.0
    return [round(v / norm, 6) for v in values]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: StubServer

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return

    def _json(self, status: int, payload: Any) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _body(self) -> dict[str, Any]:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            value = json.loads(raw or b"{}")
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0].rstrip("/")
        if path.endswith("/models"):
            now = int(time.time())
            data = [{"id": m, "object": "model", "created": now, "owned_by": "stub"} for m in MODELS]
            self._json(200, {"object": "list", "data": data})
        elif path in ("", "/health"):
            self._json(200, {"status": "ok", "calls": self.server.brain.calls})
        else:
            self._json(404, {"error": {"message": f"no route {path}", "type": "invalid_request_error"}})

    def do_POST(self) -> None:
        path = self.path.split("?", 1)[0].rstrip("/")
        body = self._body()
        if path.endswith("/chat/completions"):
            self.server.brain.log("chat", body)
            self._chat(body)
        elif path.endswith("/embeddings"):
            self.server.brain.log("embeddings", {"model": body.get("model")})
            inputs = body.get("input")
            texts = inputs if isinstance(inputs, list) else [inputs]
            data = [
                {"object": "embedding", "index": i, "embedding": _vector(t if isinstance(t, str) else json.dumps(t))}
                for i, t in enumerate(texts)
            ]
            tokens = sum(len(str(t).split()) for t in texts) or 1
            self._json(
                200,
                {
                    "object": "list",
                    "data": data,
                    "model": body.get("model") or "text-embedding-3-small",
                    "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
                },
            )
        elif path.endswith("/webhook"):  # the formation's async and notification deliveries
            self.server.brain.log("webhook", body)
            self._json(200, {"received": True})
        else:
            self._json(404, {"error": {"message": f"no route {path}", "type": "invalid_request_error"}})

    def _tool_call(self, body: dict[str, Any]) -> dict[str, Any] | None:
        """A generate_file call when the user asks for STUB_ARTIFACT and no tool has answered yet."""
        messages = body.get("messages") or []
        names = {(t.get("function") or {}).get("name") for t in body.get("tools") or []}
        users = [_text(m.get("content")) for m in messages if m.get("role") == "user"]
        if "generate_file" not in names or not users or MAKE_ARTIFACT not in users[-1]:
            return None
        if any(m.get("role") == "tool" for m in messages):
            return None
        arguments = json.dumps({"code": ARTIFACT_CODE, "filename": "stub-artifact.txt"})
        return {"id": "call_stub_1", "type": "function", "function": {"name": "generate_file", "arguments": arguments}}

    def _chat(self, body: dict[str, Any]) -> None:
        if any(SLOW in _text(m.get("content")) for m in body.get("messages") or [] if m.get("role") == "user"):
            time.sleep(SLOW_SECONDS)
        call = self._tool_call(body)
        if call is not None and not body.get("stream"):
            self._json(
                200,
                {
                    "id": "chatcmpl-stub-tool",
                    "object": "chat.completion",
                    "created": int(time.time()),
                    "model": body.get("model") or "gpt-4o-mini",
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": None, "tool_calls": [call]},
                            "finish_reason": "tool_calls",
                            "logprobs": None,
                        }
                    ],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                },
            )
            return
        text = self.server.brain.answer(body)
        model = body.get("model") or "gpt-4o-mini"
        prompt = " ".join(_text(m.get("content")) for m in body.get("messages") or [])
        ident = "chatcmpl-stub" + hashlib.sha1(prompt.encode()).hexdigest()[:12]
        created = int(time.time())
        if not body.get("stream"):
            self._json(
                200,
                {
                    "id": ident,
                    "object": "chat.completion",
                    "created": created,
                    "model": model,
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": text},
                            "finish_reason": "stop",
                            "logprobs": None,
                        }
                    ],
                    "usage": _usage(prompt, text),
                },
            )
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True

        def frame(delta: dict[str, Any], finish: str | None = None, usage: dict[str, int] | None = None) -> None:
            chunk: dict[str, Any] = {
                "id": ident,
                "object": "chat.completion.chunk",
                "created": created,
                "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}],
            }
            if usage is not None:
                chunk["usage"] = usage
            self.wfile.write(b"data: " + json.dumps(chunk).encode() + b"\n\n")
            self.wfile.flush()

        pieces = re.findall(r"\S+\s*|\s+", text) or [""]
        frame({"role": "assistant", "content": ""})
        fail = FAIL_MIDSTREAM in prompt
        for index, piece in enumerate(pieces):
            frame({"content": piece})
            if fail and index == 0:
                return  # connection closes without a final chunk or [DONE]
        frame({}, "stop", _usage(prompt, text))
        self.wfile.write(b"data: [DONE]\n\n")
        self.wfile.flush()


class StubServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int, log_path: str | None) -> None:
        super().__init__(("127.0.0.1", port), Handler)
        self.brain = Brain(log_path)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--log", default=None, help="append each request as a JSON line to this file")
    args = parser.parse_args(argv)
    server = StubServer(args.port, args.log)
    print(f"listening on {server.url}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        sys.stdout.flush()


if __name__ == "__main__":
    main()
