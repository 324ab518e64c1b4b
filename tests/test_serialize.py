"""Tests for JSON round trips and flat feature rows."""

from __future__ import annotations

import json

from hypothesis import given

import rhetorika
from rhetorika import Readability, Report, Sentence
from rhetorika.serialize import from_dict, to_dict

from .strategies import SEED, any_text, english_text


@given(any_text)
def test_report_json_round_trip(text: str) -> None:
    """Any report survives to_json/from_json unchanged."""
    report = rhetorika.analyze(text)
    assert report == rhetorika.from_json(rhetorika.to_json(report))


def test_result_types_round_trip_on_their_own() -> None:
    """Single result objects round-trip through dicts with their own type."""
    report = rhetorika.analyze(SEED)
    assert report.readability is not None
    assert report.readability == from_dict(to_dict(report.readability), Readability)
    assert report.sentences[3] == from_dict(to_dict(report.sentences[3]), Sentence)


def test_json_output_always_encodes_as_utf8() -> None:
    """Text with a lone surrogate still gives JSON that encodes as UTF-8 and round-trips."""
    report = rhetorika.analyze("A \ud800 B.")
    out = rhetorika.to_json(report)
    out.encode("utf-8")
    assert report == rhetorika.from_json(out)


def test_json_keys_follow_attribute_order() -> None:
    """Top-level JSON keys are the Report's attributes, in declaration order."""
    data = json.loads(rhetorika.to_json(rhetorika.analyze("Hi there.")))
    assert list(data) == [f.name for f in Report.__attrs_attrs__]


@given(english_text)
def test_features_are_flat_numbers_or_none(text: str) -> None:
    """to_features gives str keys and int, float or None values, in a stable order."""
    report = rhetorika.analyze(text)
    row = rhetorika.to_features(report)
    assert all(isinstance(v, int | float) or v is None for v in row.values())
    assert list(row) == list(rhetorika.to_features(rhetorika.analyze("Other text.")))
    assert ["text_characters", "text_sentences", "text_words"] == list(row)[:3]
    assert len(text) == row["text_characters"]


def test_features_of_blank_text_are_none_where_undefined() -> None:
    """Scores are None, counts are zero for a blank text."""
    row = rhetorika.to_features(rhetorika.analyze("   "))
    assert 0 == row["text_words"]
    assert row["readability_flesch_reading_ease"] is None


def test_features_without_readability_still_count_words() -> None:
    """text_words is there even when readability was not run."""
    row = rhetorika.to_features(rhetorika.analyze("Three small words", extractors=[]))
    assert {"text_characters": 17, "text_sentences": 1, "text_words": 3} == row
