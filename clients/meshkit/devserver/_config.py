"""Dev server settings: flags, their environment variables and clearly fake defaults.

Also the rules that keep a dev server safe to leave running: which hosts count as loopback, when a
server may listen beyond it (:func:`exposure_problem`), and how the banner shows a secret
(:func:`shown`).
"""

from __future__ import annotations

import dataclasses
import ipaddress
import os
from dataclasses import dataclass, field
from typing import Any

# The dev server's own limit on a request body (every API, /_dev too). Deploy bundles are the
# largest bodies it takes; the broker keeps its stricter contract limit (BrokerLimits.max_body_bytes).
DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024
# The listening socket's backlog: connections the kernel completes and queues before the server
# accepts them. uvicorn's own default; a burst of 1,000 connects fits. Linux caps it at
# net.core.somaxconn (4096 on current kernels, 128 on old ones) without a word.
DEFAULT_BACKLOG = 2048

# The settings that hold a well-known development key, and the flag that replaces each one.
KEY_FLAGS = {
    "client_key": "--client-key",
    "admin_key": "--admin-key",
    "key_id": "--key-id",
    "secret_key": "--secret-key",
    "broker_key": "--broker-key",
}
# The ones that are secrets (the banner masks them unless they are the public defaults).
SECRET_FIELDS = ("client_key", "admin_key", "secret_key", "broker_key")


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
    # Listening beyond loopback needs this AND every key of KEY_FLAGS replaced (exposure_problem).
    allow_remote: bool = False
    # The largest request body taken, checked before it is buffered: 413 beyond it.
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    # The listen() backlog (DEFAULT_BACKLOG); the kernel caps it at net.core.somaxconn.
    backlog: int = DEFAULT_BACKLOG
    broker: BrokerLimits = field(default_factory=BrokerLimits)

    def __post_init__(self) -> None:
        if self.max_body_bytes < 1:
            raise ValueError("max_body_bytes must be a positive number of bytes")
        if self.backlog < 1:
            raise ValueError("backlog must be a positive number of connections")

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
    if kind == "bool":
        return _boolean(raw)
    if name == "broker_key":
        return raw or None
    return raw


def _boolean(raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("", "0", "false", "no", "off"):
        return False
    raise ValueError(f"{raw!r} is not a boolean (use 1/0, true/false, yes/no or on/off)")


class UnsafeExposureError(ValueError):
    """A dev server asked to listen beyond loopback without ``allow_remote`` and its own keys."""


def is_loopback_host(host: str) -> bool:
    """Whether listening on ``host`` keeps the server on this machine: 127.0.0.0/8, ::1 or localhost."""
    if host.strip().lower().rstrip(".") == "localhost":
        return True
    return is_loopback_address(host.strip().removeprefix("[").removesuffix("]"))


def is_loopback_address(address: str | None) -> bool:
    """Whether a peer's IP address is a loopback one (an IPv4-mapped IPv6 address counts as IPv4).
    Anything that is not an IP address, or no address at all, is not."""
    if not address:
        return False
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped.is_loopback
    return ip.is_loopback


def default_keys(config: DevServerConfig) -> list[str]:
    """The flags whose well-known development value (or, for the broker, no key) is still in use."""
    defaults = DevServerConfig()
    return [
        flag
        for name, flag in KEY_FLAGS.items()
        if not getattr(config, name) or getattr(config, name) == getattr(defaults, name)
    ]


def exposure_problem(config: DevServerConfig) -> str | None:
    """Why ``config`` may not listen where it asks to, or None when it may.

    Loopback is always fine. Any other host needs ``allow_remote`` and every development key
    replaced: the defaults are public, so from another machine they would open everything.
    """
    if is_loopback_host(config.host):
        return None
    problems = []
    if not config.allow_remote:
        problems.append("--allow-remote (MESHKIT_DEV_ALLOW_REMOTE=1) is not set")
    still_default = default_keys(config)
    if still_default:
        problems.append(
            "still at their development defaults (public; for the broker, no key at all): "
            + ", ".join(still_default)
            + " (set each flag, or its MESHKIT_DEV_* variable)"
        )
    if not problems:
        return None
    return (
        f"refusing to listen on {config.host}: it is not a loopback address, so other machines could reach "
        "the dev server, whose default keys are published. To serve them anyway, pass --allow-remote and "
        "replace every development key (--client-key, --admin-key, --key-id, --secret-key, --broker-key). "
        "Missing: " + "; ".join(problems) + "."
    )


def check_exposure(config: DevServerConfig) -> None:
    """Raise :class:`UnsafeExposureError` when :func:`exposure_problem` finds one."""
    problem = exposure_problem(config)
    if problem:
        raise UnsafeExposureError(problem)


def mask(secret: str) -> str:
    """A secret as a banner may show it: its first 4 characters and an ellipsis (only the
    ellipsis when it is too short for that to hide most of it)."""
    return (secret[:4] if len(secret) >= 12 else "") + "…"


def shown(config: DevServerConfig, name: str) -> str:
    """How the banner shows the setting ``name``: the public defaults in clear, other secrets masked."""
    value = getattr(config, name)
    if name not in SECRET_FIELDS or value is None or value == getattr(DevServerConfig(), name):
        return str(value)
    return mask(str(value))
