from typing import Literal, cast

DeployStage = Literal[
    "downloading_sif",
    "extracting",
    "health_check",
    "pulling_runner",
    "resolving_runtime",
    "spawning",
    "spawning_previous",
    "spawning_staging",
    "stopping",
    "stopping_current",
    "stopping_old",
    "swapping",
    "validating",
]

DEPLOY_STAGE_VALUES: frozenset[str] = frozenset(
    {
        "downloading_sif",
        "extracting",
        "health_check",
        "pulling_runner",
        "resolving_runtime",
        "spawning",
        "spawning_previous",
        "spawning_staging",
        "stopping",
        "stopping_current",
        "stopping_old",
        "swapping",
        "validating",
    }
)


def check_deploy_stage(value: str) -> DeployStage:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``DEPLOY_STAGE_VALUES``.
    """
    if isinstance(value, str):
        return cast(DeployStage, value)
    raise TypeError(f"expected str for DeployStage, got {type(value).__name__}")
