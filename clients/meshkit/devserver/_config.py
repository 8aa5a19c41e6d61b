"""Dev server settings: flags, their environment variables and clearly fake defaults."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class BrokerLimits:
    """The broker's rate limits, dedup and size limits (contract/broker.md §5.11 defaults)."""

    global_capacity: float = 2000.0
    global_refill_per_sec: float = 1000.0
    agent_capacity: float = 200.0
    agent_refill_per_sec: float = 100.0
    agent_window_limit: int = 6000
    agent_window_secs: float = 60.0
    dedup_enabled: bool = True
    dedup_ttl_secs: float = 3600.0
    max_batch_items: int = 1000
    max_body_bytes: int = 16 * 1024 * 1024
    max_payload_bytes: int = 1_048_576
    samples_kept: int = 10_000


@dataclass(frozen=True)
class DevServerConfig:
    """Everything the dev server can be told. Keys default to fixed, obviously fake values.

    Each field has a flag of `python -m meshkit.devserver` and an environment variable
    (``MESHKIT_DEV_<FIELD>`` in upper case, e.g. ``MESHKIT_DEV_CLIENT_KEY``).
    """

    host: str = "127.0.0.1"
    port: int = 7890
    client_key: str = "fmc_dev_not_a_secret"
    admin_key: str = "fma_dev_not_a_secret"
    key_id: str = "MUXI_dev"
    secret_key: str = "sk_dev_not_a_secret"
    # The contract's dev broker runs without auth unless a key is given (broker.md §5.11).
    broker_key: str | None = None
    # The echo agent's delay between tokens, and the keepalive period of chat streams.
    token_delay: float = 0.0
    keepalive_interval: float = 1.0
    hmac_tolerance_secs: int = 300
    default_formation_id: str = "dev-formation"
    broker: BrokerLimits = field(default_factory=BrokerLimits)

    def __repr__(self) -> str:  # keys never appear in a repr
        return f"DevServerConfig(host={self.host!r}, port={self.port!r}, key_id={self.key_id!r})"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> DevServerConfig:
        """Defaults, then ``MESHKIT_DEV_*`` variables, then explicit ``overrides`` (None = not given)."""
        environ = dict(os.environ if environ is None else environ)
        values: dict[str, Any] = {}
        for item in dataclasses.fields(cls):
            if item.name == "broker":
                continue
            raw = environ.get(f"MESHKIT_DEV_{item.name.upper()}")
            if raw is not None:
                values[item.name] = _convert(item.name, raw)
        values.update({name: value for name, value in overrides.items() if value is not None})
        return cls(**values)


def _convert(name: str, raw: str) -> Any:
    kind = {f.name: f.type for f in dataclasses.fields(DevServerConfig)}[name]
    if kind == "int":
        return int(raw)
    if kind == "float":
        return float(raw)
    if name == "broker_key":
        return raw or None
    return raw
