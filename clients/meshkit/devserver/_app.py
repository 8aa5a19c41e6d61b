"""One ASGI app serving all three APIs on one port.

    /                 the MUXI Server (/ping, /health, /rpc/*, /api/{id}/*, /draft/{id}/*)
    /formation        a MUXI formation served directly: its base URL is <root>/formation/v1
    /broker           the AiMesh broker
    /_dev             fault injection and the accepted-work ledger (see _faults.py), scripted answers
                      (_scripts.py) and the request journal (_journal.py), loopback only

The MUXI Server sits at the root because MUXI-HMAC signs the path the server sees (/rpc/…).
The broker and the direct formation get a prefix because /health would collide otherwise;
their clients simply use the prefixed base URL.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.routing import Mount

from ._broker import build_broker_app
from ._config import DevServerConfig
from ._control import script_routes
from ._faults import FaultBook, FaultMiddleware, control_routes
from ._guard import GuardMiddleware
from ._journal import Journal, JournalMiddleware
from ._server import build_server_routes
from .formation import FormationRuntime


def create_app(
    config: DevServerConfig | None = None, book: FaultBook | None = None, journal: Journal | None = None
) -> GuardMiddleware:
    """The dev server's ASGI app. ``app.state.config``, ``app.state.book`` and ``app.state.journal``
    hold its settings, armed faults, scripts, accepted-work ledger and the requests it received.
    ``/_dev/*`` answers only to loopback clients, and request
    bodies over ``config.max_body_bytes`` are refused with 413 before they are buffered."""
    config = config or DevServerConfig()
    book = book or FaultBook()
    journal = Journal() if journal is None else journal  # an empty journal is falsy
    direct = FormationRuntime(config, book, config.default_formation_id)
    broker = build_broker_app(config, book)
    routes = [
        *control_routes(book),
        *script_routes(book, journal),
        Mount("/broker", app=broker),
        Mount("/formation", app=direct.app),
        *build_server_routes(config, book),
    ]
    app = Starlette(routes=routes)
    app.state.config = config
    app.state.book = book
    app.state.journal = journal
    app.state.formation = direct
    app.state.broker = broker.state.broker
    # Outside Starlette's error middleware: a dropped connection must drop the real socket, which
    # only the server's own `send` can reach. The guard is outermost: its refusals come first; the
    # journal sees every request the guard lets in, faulted ones too.
    return GuardMiddleware(JournalMiddleware(FaultMiddleware(app, book), journal), config)
