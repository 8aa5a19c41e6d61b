"""Random JSON into every generated model through the façades' decode path: only meshkit errors
escape (issue #6). 50 examples per model across ~200 models: about 10,000 cases per run."""

from __future__ import annotations

import contextlib
import inspect
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from meshkit import MeshkitError
from meshkit._core.envelope import unwrap
from meshkit._core.wire import parse_model
from meshkit._generated import models

MODEL_NAMES = sorted(
    name for name, value in vars(models).items() if inspect.isclass(value) and hasattr(value, "from_dict")
)

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
# Bodies that look like what servers send: known field names of the model mixed with noise.
field_names = st.sampled_from(
    [
        "data",
        "success",
        "error",
        "request",
        "message",
        "token",
        "type",
        "content",
        "id",
        "status",
        "stage",
        "agents",
        "sessions",
        "jobs",
        "formations",
        "logs",
        "original_message_id",
        "routing_decision",
        "ui",
    ]
)
bodies = st.dictionaries(field_names | st.text(max_size=6), json_values, max_size=8)


def test_there_are_models_to_check() -> None:
    assert len(MODEL_NAMES) > 150


@pytest.mark.parametrize("name", MODEL_NAMES)
@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(body=bodies)
def test_random_json_parses_or_raises_a_meshkit_error(name: str, body: dict[str, Any]) -> None:
    with contextlib.suppress(MeshkitError):  # a typed refusal is fine; anything else fails the test
        parse_model(name, unwrap(body))
