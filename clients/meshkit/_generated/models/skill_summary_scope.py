from typing import Literal, cast

SkillSummaryScope = Literal["builtin", "private", "public"]

SKILL_SUMMARY_SCOPE_VALUES: frozenset[str] = frozenset(
    {
        "builtin",
        "private",
        "public",
    }
)


def check_skill_summary_scope(value: str) -> SkillSummaryScope:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``SKILL_SUMMARY_SCOPE_VALUES``.
    """
    if isinstance(value, str):
        return cast(SkillSummaryScope, value)
    raise TypeError(f"expected str for SkillSummaryScope, got {type(value).__name__}")
