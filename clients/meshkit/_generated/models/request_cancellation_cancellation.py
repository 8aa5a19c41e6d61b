from typing import Literal, cast

RequestCancellationCancellation = Literal["cooperative", "immediate"]

REQUEST_CANCELLATION_CANCELLATION_VALUES: frozenset[str] = frozenset(
    {
        "cooperative",
        "immediate",
    }
)


def check_request_cancellation_cancellation(value: str) -> RequestCancellationCancellation:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``REQUEST_CANCELLATION_CANCELLATION_VALUES``.
    """
    if isinstance(value, str):
        return cast(RequestCancellationCancellation, value)
    raise TypeError(f"expected str for RequestCancellationCancellation, got {type(value).__name__}")
