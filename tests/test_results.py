"""Tests for the result classes' pickling, which carries reports back from workers."""

from __future__ import annotations

import copy
import pickle

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import rhetorika
from rhetorika.results import Readability, ReadabilityCounts, Report, Sentence

from .strategies import SEED, any_text, english_text, hedge_text, loaded_text, quoted_text

rich_text = st.one_of(any_text, english_text, quoted_text, hedge_text, loaded_text)


@given(rich_text, st.integers(min_value=0, max_value=pickle.HIGHEST_PROTOCOL))
def test_report_pickle_round_trip(text: str, protocol: int) -> None:
    """Any report unpickles equal (attrs equality also compares every nested class)."""
    report = rhetorika.analyze(text)
    clone = pickle.loads(pickle.dumps(report, protocol=protocol))
    assert report == clone
    assert hash(report) == hash(clone)


def test_unpickled_results_stay_frozen() -> None:
    """A result rebuilt by unpickling refuses assignment, like a constructed one."""
    report = pickle.loads(pickle.dumps(rhetorika.analyze(SEED)))
    assert report.readability is not None
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.readability.sentences[0].counts.words = 0


def test_copies_equal_the_original() -> None:
    """copy and deepcopy, which also use pickling's reduce protocol, give equal reports."""
    report = rhetorika.analyze(SEED)
    assert report == copy.copy(report)
    assert report == copy.deepcopy(report)


def test_pickles_are_smaller_than_attrs_default() -> None:
    """Readability pickles as values, its field names once per pickle, not per sentence."""
    readability = rhetorika.analyze(SEED).readability
    assert readability is not None
    assert len(readability.sentences) > 10
    assert 1 == pickle.dumps(readability).count(b"flesch_reading_ease")


@attrs.frozen(kw_only=True)
class LabelledSentence(Sentence):
    """A subclass with a field of its own."""

    label: str


def test_a_subclass_pickles_its_own_fields() -> None:
    """A subclass with more fields falls back to attrs' pickling and keeps them."""
    labelled = LabelledSentence(start=0, end=3, index=0, text="One", label="first")
    assert labelled == pickle.loads(pickle.dumps(labelled))


def test_attrs_state_still_loads() -> None:
    """State from attrs' own __getstate__, as older pickles hold it, still restores."""
    counts = ReadabilityCounts(words=3, sentences=1)
    clone = object.__new__(ReadabilityCounts)
    clone.__setstate__(counts.__getstate__())  # type: ignore[attr-defined]
    assert counts == clone


def test_a_hand_built_report_round_trips() -> None:
    """A report built by hand, extractors not run, unpickles equal."""
    readability = Readability(start=0, end=1, counts=ReadabilityCounts(words=1, sentences=1))
    report = Report(text="a", readability=readability, extensions={"mine": (1, "x")})
    assert report == pickle.loads(pickle.dumps(report))


def test_readability_with_unusual_sentences_round_trips() -> None:
    """Per-sentence results holding sentences of their own, or subclass counts, unpickle equal."""
    counts = ReadabilityCounts(words=2, sentences=1)
    leaf = Readability(start=0, end=1, sentence=0, counts=counts)
    nested = Readability(start=0, end=1, sentence=0, counts=counts, sentences=(leaf,))
    odd_counts = Readability(start=0, end=1, sentence=1, counts=LabelledCounts(label="x"))
    for sentences in [(leaf, nested), (odd_counts,), (leaf,), ()]:
        document = Readability(start=0, end=9, counts=counts, sentences=sentences)
        assert document == pickle.loads(pickle.dumps(document))


@attrs.frozen(kw_only=True)
class LabelledCounts(ReadabilityCounts):
    """Counts with a field of their own."""

    label: str
