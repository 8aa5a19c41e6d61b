from typing import Literal, cast

RequestState = Literal["awaiting_clarification", "cancelled", "completed", "failed", "pending", "processing", "running"]

REQUEST_STATE_VALUES: frozenset[str] = frozenset(
    {
        "awaiting_clarification",
        "cancelled",
        "completed",
        "failed",
        "pending",
        "processing",
        "running",
    }
)


def check_request_state(value: str) -> RequestState:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``REQUEST_STATE_VALUES``.
    """
    if isinstance(value, str):
        return cast(RequestState, value)
    raise TypeError(f"expected str for RequestState, got {type(value).__name__}")
