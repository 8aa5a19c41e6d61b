from typing import Literal, cast

GetFormationLogsStream = Literal["all", "stderr", "stdout"]

GET_FORMATION_LOGS_STREAM_VALUES: frozenset[str] = frozenset(
    {
        "all",
        "stderr",
        "stdout",
    }
)


def check_get_formation_logs_stream(value: str) -> GetFormationLogsStream:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``GET_FORMATION_LOGS_STREAM_VALUES``.
    """
    if isinstance(value, str):
        return cast(GetFormationLogsStream, value)
    raise TypeError(f"expected str for GetFormationLogsStream, got {type(value).__name__}")
