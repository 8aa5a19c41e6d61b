from typing import Literal, cast

UpdateResultDeploymentType = Literal["blue-green"]

UPDATE_RESULT_DEPLOYMENT_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "blue-green",
    }
)


def check_update_result_deployment_type(value: str) -> UpdateResultDeploymentType:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``UPDATE_RESULT_DEPLOYMENT_TYPE_VALUES``.
    """
    if isinstance(value, str):
        return cast(UpdateResultDeploymentType, value)
    raise TypeError(f"expected str for UpdateResultDeploymentType, got {type(value).__name__}")
