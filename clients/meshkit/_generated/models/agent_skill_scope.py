from typing import Literal, cast

AgentSkillScope = Literal["private", "public"]

AGENT_SKILL_SCOPE_VALUES: frozenset[str] = frozenset(
    {
        "private",
        "public",
    }
)


def check_agent_skill_scope(value: str) -> AgentSkillScope:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``AGENT_SKILL_SCOPE_VALUES``.
    """
    if isinstance(value, str):
        return cast(AgentSkillScope, value)
    raise TypeError(f"expected str for AgentSkillScope, got {type(value).__name__}")
