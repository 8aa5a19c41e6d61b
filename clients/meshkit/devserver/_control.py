"""The /_dev/ endpoints of scripts and the request journal (loopback only, see _guard.py).

POST   /_dev/script          register a script (see _scripts.py)       → 201 the script, or 400
GET    /_dev/script          {"scripts": [...], "strict": bool, "unmatched": [message, ...]}
DELETE /_dev/script          disarm every script, strict mode off
PUT    /_dev/script/strict   {"strict": true|false}
GET    /_dev/requests        ?api=&operation=&method=  → {"requests": [entry, ...]}, 400 for an unknown api or operation
DELETE /_dev/requests        forget them
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ._faults import FaultBook
from ._journal import Journal, JournalQueryError
from ._scripts import ScriptError
from ._wire import json_response


def _invalid(message: str) -> Response:
    return json_response({"error": "invalid_script", "message": message}, 400)


def script_routes(book: FaultBook, journal: Journal) -> list[Route]:
    """The /_dev/ endpoints that register scripts and read the journal."""
    scripts = book.scripts

    async def script(request: Request) -> Response:
        if request.method == "POST":
            try:
                created = scripts.add_json(await request.json())
            except ScriptError as exc:
                return _invalid(str(exc))
            except ValueError:
                return _invalid("the body must be JSON")
            return json_response(created.to_json(), 201)
        if request.method == "DELETE":
            scripts.clear()
        return json_response(scripts.snapshot())

    async def strict(request: Request) -> Response:
        try:
            body = await request.json()
        except ValueError:
            return _invalid("the body must be JSON")
        if not isinstance(body, dict) or not isinstance(body.get("strict"), bool):
            return _invalid('the body must be {"strict": true} or {"strict": false}')
        scripts.strict = body["strict"]
        return json_response(scripts.snapshot())

    async def requests(request: Request) -> Response:
        if request.method == "DELETE":
            journal.clear()
            return json_response({"requests": []})
        query = request.query_params
        try:
            entries = journal.entries(query.get("api"), query.get("operation"), query.get("method"))
        except JournalQueryError as exc:
            return json_response({"error": "invalid_query", "message": str(exc)}, 400)
        return json_response({"requests": [entry.to_json() for entry in entries]})

    return [
        Route("/_dev/script", script, methods=["GET", "POST", "DELETE"]),
        Route("/_dev/script/strict", strict, methods=["PUT"]),
        Route("/_dev/requests", requests, methods=["GET", "DELETE"]),
    ]
