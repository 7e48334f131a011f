"""The tuned import fixtures stay right; the held-out ones are measured by ``make eval-import``
and reported, never asserted here (a bar would make them tuning targets)."""

from __future__ import annotations

import functools

import pytest
import yaml

from tests.import_quality.evaluate import EXPECTED, Result, evaluate

SPECS = yaml.safe_load(EXPECTED.read_text("utf-8"))


@functools.cache
def _results() -> dict[str, Result]:
    return {r.name: r for r in evaluate()}


@pytest.mark.parametrize("name", sorted(n for n, s in SPECS.items() if not s.get("heldout")))
def test_tuned_fixture_imports_as_an_editor_expects(name: str) -> None:
    result = _results()[name]
    assert not result.error
    assert result.title_right, result.title_found
    assert result.structure_right, result.outline
    assert result.furniture_left == []
    assert result.unaccounted == 0
    assert result.missing_expected == [] and result.forbidden_found == []


def test_a_quarter_is_held_out() -> None:
    held = [name for name, spec in SPECS.items() if spec.get("heldout")]
    assert len(held) * 4 >= len(SPECS) >= 12
