"""The one place that turns global flags (then the environment) into meshkit clients."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

from ._output import Output

if TYPE_CHECKING:
    from ..broker import AiMeshClient
    from ..formation import Formation
    from ..server import ServerClient

# Variables whose values are secrets: never printed, redacted from any error text.
SECRET_ENV = ("MUXI_CLIENT_KEY", "MUXI_ADMIN_KEY", "MUXI_SECRET_KEY", "AIMESH_API_KEY")


@dataclass
class Settings:
    """Flags as given (None: not given, the client reads its environment variable)."""

    formation_url: str | None = None
    formation_id: str | None = None
    client_key: str | None = None
    admin_key: str | None = None
    server_url: str | None = None
    key_id: str | None = None
    secret_key: str | None = None
    broker_url: str | None = None
    broker_key: str | None = None
    timeout: float | None = None
    max_retries: int | None = None
    # The kind of client the command asked for ("formation", "server", "broker"): its errors are told
    # with the flags of that client (``_errors.CLI_FLAGS``).
    client: str | None = None

    def secrets(self) -> list[str]:
        """Every key value in play (flags and environment), longest first, for redaction."""
        values = [self.client_key, self.admin_key, self.secret_key, self.broker_key]
        values += [os.environ.get(name) for name in SECRET_ENV]
        return sorted({value for value in values if value}, key=len, reverse=True)

    def formation(self) -> Formation:
        """The formation: ``--formation-url`` / MUXI_FORMATION_URL, or ``--formation ID`` behind a server."""
        from ..formation import Formation

        self.client = "formation"
        return Formation(
            url=self.formation_url,
            client_key=self.client_key,
            admin_key=self.admin_key,
            server_url=self.server_url if self.formation_id else None,
            formation_id=self.formation_id,
            timeout=self.timeout,
            max_retries=self.max_retries,
        )

    def server(self) -> ServerClient:
        """The MUXI Server (``--server-url``, ``--key-id``, ``--secret-key`` or MUXI_SERVER_URL…)."""
        from ..server import ServerClient

        self.client = "server"
        return ServerClient(
            url=self.server_url,
            key_id=self.key_id,
            secret_key=self.secret_key,
            timeout=self.timeout,
            max_retries=self.max_retries,
        )

    def broker(self) -> AiMeshClient:
        """The AiMesh broker (``--broker-url``/AIMESH_URL, ``--broker-key``/AIMESH_API_KEY)."""
        from ..broker import AiMeshClient

        self.client = "broker"
        return AiMeshClient(self.broker_url, self.timeout, self.broker_key, max_retries=self.max_retries)

    def __repr__(self) -> str:  # keys never appear, even in a debug print
        shown = {f.name: getattr(self, f.name) for f in fields(self) if "key" not in f.name or f.name == "key_id"}
        return f"Settings({shown})"


@dataclass
class State:
    """What every command receives through ``ctx.obj``: the settings and the output."""

    settings: Settings = field(default_factory=Settings)
    output: Output = field(default_factory=Output)
