"""The attribution sub-model study (scripts/study_attribution.py) on a small fixture."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tests.scripts import load_script
from tests.test_quote_model import _write_fixture

# Hand-written sentences: a quotation inside reported speech, or not.
_REPORTED = [
    '"We will win," the senator said.',
    'The minister told reporters: "Nothing has changed."',
    'She said the plan was "a disaster."',
    '"I am innocent," Smith told the court.',
    'According to the mayor, the bridge is "safe."',
    'He added that "the talks are over."',
]
_NOT_REPORTED = [
    'The so-called "reform" cut benefits.',
    'He appeared on "Meet the Press" on Sunday.',
    'The word "literally" is overused.',
    'Their "experts" got it wrong again.',
]


def _write_polnear(folder: Path) -> None:
    lines = []
    for number in range(20):
        reported = _REPORTED[number % len(_REPORTED)]
        other = _NOT_REPORTED[number % len(_NOT_REPORTED)]
        text = f"{reported} {other}"
        spans = []
        for sentence, label in (
            (reported, "quote_in_attribution"),
            (other, "quote_not_attributed"),
        ):
            offset = text.index(sentence)
            start = offset + sentence.index('"')
            end = offset + sentence.index('"', sentence.index('"') + 1) + 1
            spans.append({"start": start, "end": end, "label": label})
        record = {"id": f"polnear/train/article-{number}/ann", "text": text, "spans": spans}
        lines.append(json.dumps(record))
    path = folder / "quotes" / "polnear_train.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_bucket_edges_by_hand() -> None:
    """A probability falls in the bucket of the first edge above it; an edge opens the next."""
    script = load_script("scripts/study_attribution.py")
    assert [script.bucket(p) for p in (0.0, 0.2499, 0.25, 0.6, 0.75, 0.8999, 0.9, 1.0)] == [
        0,
        0,
        1,
        2,
        3,
        3,
        4,
        4,
    ]


def test_auc_by_hand() -> None:
    """Two of four positive-negative pairs ordered right and one tied give AUC 0.625."""
    script = load_script("scripts/study_attribution.py")
    y = np.array([1, 1, 0, 0])
    p = np.array([0.9, 0.3, 0.3, 0.5])
    assert script.auc(y, p) == 0.625


def test_study_on_a_fixture_is_deterministic(tmp_path: Path) -> None:
    """The study runs on a small fixture and gives the same figures twice."""
    pytest.importorskip("scipy", reason="training needs the 'train' extra (scipy)")
    script = load_script("scripts/study_attribution.py")
    files = _write_fixture(tmp_path)
    _write_polnear(tmp_path)
    first = script.study(tmp_path, files)
    second = script.study(tmp_path, files)
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    assert first["sub_model"]["quotations"] == 2 * first["sub_model"]["articles"]
    assert first["candidate_seed"]["scare_quotes"] == 10
    assert first["adopted"] == (
        (first["gain_scare_f1"] >= 0.02 or first["gain_accuracy"] >= 0.01)
        and first["gain_scare_f1"] >= 0
        and first["gain_accuracy"] >= 0
    )
