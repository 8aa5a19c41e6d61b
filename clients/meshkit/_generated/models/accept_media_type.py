from typing import Literal, cast

AcceptMediaType = Literal["application/json", "text/event-stream"]

ACCEPT_MEDIA_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "application/json",
        "text/event-stream",
    }
)


def check_accept_media_type(value: str) -> AcceptMediaType:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``ACCEPT_MEDIA_TYPE_VALUES``.
    """
    if isinstance(value, str):
        return cast(AcceptMediaType, value)
    raise TypeError(f"expected str for AcceptMediaType, got {type(value).__name__}")
