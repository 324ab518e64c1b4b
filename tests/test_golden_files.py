"""Every golden file marks its known failures one way: a case's "xfail" reason."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GOLDEN_FILES = sorted(SEEDS.glob("*_golden.json"))
OTHER_CONVENTIONS = {"known_failure", "known_failures", "why", "expected_failure"}


def _walk(value: Any) -> list[dict[str, Any]]:
    """Every JSON object inside ``value``, depth first."""
    if isinstance(value, dict):
        return [value, *(o for item in value.values() for o in _walk(item))]
    if isinstance(value, list):
        return [o for item in value for o in _walk(item)]
    return []


@pytest.mark.parametrize("path", GOLDEN_FILES, ids=lambda p: p.name)
def test_known_failures_are_marked_with_xfail(path: Path) -> None:
    """No golden file uses another key for known failures; each xfail gives a reason."""
    objects = _walk(json.loads(path.read_text(encoding="utf-8")))
    assert [] == sorted({key for o in objects for key in o} & OTHER_CONVENTIONS)
    reasons = [o["xfail"] for o in objects if "xfail" in o]
    assert all(isinstance(reason, str) and reason.strip() for reason in reasons)


def test_the_glob_finds_every_golden_file() -> None:
    """The five golden files are the ones checked above."""
    assert ["boosters_parse", "hedges", "loaded", "quotes", "sentences"] == [
        p.name.removesuffix("_golden.json") for p in GOLDEN_FILES
    ]
