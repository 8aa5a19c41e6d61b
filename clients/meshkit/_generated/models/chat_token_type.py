from typing import Literal, cast

ChatTokenType = Literal["cancelled", "completed", "content", "failed", "planning", "progress", "thinking", "tool_call"]

CHAT_TOKEN_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "cancelled",
        "completed",
        "content",
        "failed",
        "planning",
        "progress",
        "thinking",
        "tool_call",
    }
)


def check_chat_token_type(value: str) -> ChatTokenType:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``CHAT_TOKEN_TYPE_VALUES``.
    """
    if isinstance(value, str):
        return cast(ChatTokenType, value)
    raise TypeError(f"expected str for ChatTokenType, got {type(value).__name__}")
