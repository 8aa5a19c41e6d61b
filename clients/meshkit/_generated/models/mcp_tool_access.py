from typing import Literal, cast

McpToolAccess = Literal["admin", "client"]

MCP_TOOL_ACCESS_VALUES: frozenset[str] = frozenset(
    {
        "admin",
        "client",
    }
)


def check_mcp_tool_access(value: str) -> McpToolAccess:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``MCP_TOOL_ACCESS_VALUES``.
    """
    if isinstance(value, str):
        return cast(McpToolAccess, value)
    raise TypeError(f"expected str for McpToolAccess, got {type(value).__name__}")
