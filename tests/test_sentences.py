"""Tests for sentence segmentation rules."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from rhetorika.sentences import sentence_of, sentence_spans, sentence_starts

from .strategies import any_text
from .test_bounds import work

GOLDEN = json.loads(
    (Path(__file__).resolve().parent.parent / "seeds" / "sentences_golden.json").read_text(
        encoding="utf-8"
    )
)


def _known_failure(case: dict[str, Any]) -> list[pytest.MarkDecorator]:
    """A case with an ``xfail`` reason is a known failure: a strict xfail."""
    return [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []


def _split(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in sentence_spans(sentence_starts(text), len(text))]


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            case,
            id=case["text"][:40],
            marks=[pytest.mark.xfail(strict=True, reason=case["xfail"])]
            if "xfail" in case
            else [],
        )
        for case in GOLDEN["cases"]
    ],
)
def test_golden_sentences(case: dict[str, object]) -> None:
    """Hand-written texts split exactly into the hand-written sentences (known failures fail)."""
    assert case["sentences"] == _split(str(case["text"]))


@given(any_text)
def test_starts_are_sorted_and_point_at_non_space(text: str) -> None:
    """Every start is inside the text, ascending, at a non-space character."""
    starts = sentence_starts(text)
    assert starts == sorted(set(starts))
    for start in starts:
        assert 0 <= start < len(text)
        assert not text[start].isspace()
    assert (starts == []) == (text.strip() == "")


@given(any_text)
def test_sentence_of_is_consistent(text: str) -> None:
    """Each sentence's start offset maps back to that sentence's index."""
    starts = sentence_starts(text)
    for index, start in enumerate(starts):
        assert index == sentence_of(starts, start)


@pytest.mark.parametrize("unit", [". ", "a.\n", "Dr. ", "A \n", "a.  \n \n"])
def test_segmentation_is_not_quadratic(unit: str) -> None:
    """Ten times the sentences cost about ten times the steps (counted calls, not time).

    Runs that the segmenter's regular expressions take in one call (".....",
    blank lines, a wall of quotation marks) are timed, not asserted, by
    ``benchmarks/bounds.py``: a call count cannot see inside a regex.
    """
    small_text, large_text = unit * 5_000, unit * 50_000
    sentence_starts(small_text)
    small, large = work(sentence_starts, small_text), work(sentence_starts, large_text)
    assert 5_000 < small  # each sentence end is looked at
    assert large / small < 12
