"""The examples in the docstrings of scripts, the journal and the DevServer run as written."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest
from meshkit.devserver import _journal, _runner, _scripts

pytestmark = pytest.mark.block_network(allowed_hosts=[r"127\.0\.0\.1", "localhost"])


@pytest.mark.parametrize("module", [_scripts, _journal, _runner], ids=lambda module: module.__name__)
def test_the_docstring_examples_run(module: ModuleType) -> None:
    results = doctest.testmod(module, optionflags=doctest.ELLIPSIS, raise_on_error=False)

    assert results.attempted > 0
    assert results.failed == 0
