from typing import Literal, cast

ServerHealthStatus = Literal["ok"]

SERVER_HEALTH_STATUS_VALUES: frozenset[str] = frozenset(
    {
        "ok",
    }
)


def check_server_health_status(value: str) -> ServerHealthStatus:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``SERVER_HEALTH_STATUS_VALUES``.
    """
    if isinstance(value, str):
        return cast(ServerHealthStatus, value)
    raise TypeError(f"expected str for ServerHealthStatus, got {type(value).__name__}")
