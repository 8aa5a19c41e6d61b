"""Negative contract tests: schemathesis generates calls that break openapi/mesh.yaml (wrong types,
missing required fields, bad enum values, out-of-range numbers…) and the dev server must refuse each
one, as the real servers do, without a 5xx."""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode, checks
from test_contract import EXAMPLES, OPEN_ENDED, SPEC, _auth_headers, _base_url, dev

from meshkit.devserver import DevServer

__all__ = ["dev"]  # the fixture, shared with the positive contract test

schema = schemathesis.openapi.from_path(SPEC).exclude(operation_id=OPEN_ENDED)
schema.config.generation.update(modes=[GenerationMode.NEGATIVE])


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_the_dev_server_rejects_what_the_spec_forbids(case: Any, dev: DevServer) -> None:
    operation_id = case.operation.definition.raw["operationId"]
    headers = _auth_headers(dev, operation_id, case.method, case.formatted_path)
    response = case.call(base_url=_base_url(dev, operation_id), headers=headers, timeout=10)
    case.validate_response(
        response, checks=[checks.not_a_server_error, checks.negative_data_rejection], headers=headers
    )
