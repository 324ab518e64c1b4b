"""Results travel cheaply: per-sentence readability kept as counts, reports shipped without
their text, workers never forked from the caller (issue 18, part 4)."""

from __future__ import annotations

import multiprocessing
import pickle
import warnings
from array import array
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rhetorika
import rhetorika._parallel
from rhetorika import Analyzer, Readability, Report
from rhetorika._parallel import START_METHODS, _received, _shipped, worker_context
from rhetorika._report_sentences import SentenceStarts
from rhetorika.extractors.readability import SCORES, _familiar_forms, readability_of

from .strategies import SEED, any_text, english_text, hedge_text, loaded_text, quoted_text

rich_text = st.one_of(any_text, english_text, quoted_text, hedge_text, loaded_text)
STORED = Readability.__dict__["sentences"]


def _fresh(text: str) -> Readability:
    """A document readability straight from an analysis, its sentences not yet read."""
    readability = rhetorika.analyze(text, extractors=["readability"]).readability
    assert readability is not None
    return readability


@given(rich_text)
def test_each_sentence_scores_as_the_sentence_measured_alone(text: str) -> None:
    """A sentence's counts and scores, computed on read, equal its text measured as a document."""
    for sentence in _fresh(text).sentences:
        alone = readability_of(text[sentence.start : sentence.end], [0])
        assert alone.counts == sentence.counts
        assert [getattr(alone, name) for name in SCORES] == [
            getattr(sentence, name) for name in SCORES
        ]
        reason = "the sentence has no words" if sentence.counts.words == 0 else None
        assert [reason] * len(SCORES) == [sentence.why_undefined(name) for name in SCORES]
        assert () == sentence.sentences


@given(rich_text)
def test_deferred_sentences_equal_eagerly_built_ones(text: str) -> None:
    """A result whose sentences are built on read equals one given them at construction."""
    deferred = _fresh(text)
    built = _fresh(text).sentences
    eager = attrs.evolve(deferred, sentences=tuple(built))
    assert not isinstance(STORED.stored(deferred), tuple)
    assert eager == deferred
    assert hash(eager) == hash(deferred)
    assert rhetorika.to_json(eager) == rhetorika.to_json(deferred)
    assert repr(eager) == repr(deferred)


def test_sentences_are_built_once() -> None:
    """The first read keeps the tuple: later reads give the same object."""
    readability = _fresh(SEED)
    first = readability.sentences
    assert isinstance(STORED.stored(readability), tuple)
    assert first is readability.sentences


@given(rich_text, st.integers(min_value=2, max_value=pickle.HIGHEST_PROTOCOL))
def test_counts_travel_unscored_and_score_equal(text: str, protocol: int) -> None:
    """A fresh result pickles its sentences as counts; read after loading, they are equal."""
    readability = _fresh(text)
    clone = pickle.loads(pickle.dumps(readability, protocol=protocol))
    assert not isinstance(STORED.stored(clone), tuple)
    assert readability.sentences == clone.sentences
    assert readability == clone


def test_read_sentences_pickle_as_results() -> None:
    """Once read, the sentences pickle as results and come back equal."""
    readability = _fresh(SEED)
    assert len(readability.sentences) > 10
    clone = pickle.loads(pickle.dumps(readability))
    assert isinstance(STORED.stored(clone), tuple)
    assert readability == clone


def test_a_hand_built_sentence_tuple_is_kept_as_given() -> None:
    """A caller's own value (even a list) is returned as given, never called."""
    counts = rhetorika.ReadabilityCounts(words=1, sentences=1)
    leaf = Readability(start=0, end=1, sentence=0, counts=counts)
    document = Readability(start=0, end=1, counts=counts, sentences=[leaf])  # type: ignore[arg-type]
    assert [leaf] == document.sentences


@given(rich_text)
def test_a_report_travels_without_its_text_and_comes_back_equal(text: str) -> None:
    """What a worker ships, rebuilt with the caller's text, equals the report."""
    report = rhetorika.analyze(text)
    back = _received(text, pickle.loads(pickle.dumps(_shipped(report))))
    assert report == back
    assert text is back.text


REPORT_SENTENCES = Report.__dict__["sentences"]


@given(rich_text)
def test_report_sentences_built_on_read_equal_eagerly_given_ones(text: str) -> None:
    """A report builds its sentences on first read, equal to a report given them eagerly."""
    report = rhetorika.analyze(text)
    assert isinstance(REPORT_SENTENCES.stored(report), SentenceStarts)
    built = rhetorika.analyze(text).sentences
    assert list(range(len(built))) == [sentence.index for sentence in built]
    assert [text[s.start : s.end] for s in built] == [sentence.text for sentence in built]
    eager = attrs.evolve(report, sentences=tuple(built))
    assert eager == report
    assert rhetorika.to_json(eager) == rhetorika.to_json(report)
    assert repr(eager) == repr(report)


def test_report_sentences_are_built_once() -> None:
    """The first read keeps the tuple: later reads give the same object."""
    report = rhetorika.analyze(SEED)
    first = report.sentences
    assert isinstance(REPORT_SENTENCES.stored(report), tuple)
    assert first is report.sentences


@given(rich_text, st.integers(min_value=2, max_value=pickle.HIGHEST_PROTOCOL))
def test_a_fresh_report_pickles_its_sentence_starts(text: str, protocol: int) -> None:
    """Unread sentences pickle as starts and, read after loading, equal the original's."""
    report = rhetorika.analyze(text)
    clone = pickle.loads(pickle.dumps(report, protocol=protocol))
    assert isinstance(REPORT_SENTENCES.stored(clone), SentenceStarts)
    assert report == clone


def test_sentences_read_in_the_worker_travel_as_results() -> None:
    """A report whose sentences were read in the worker ships them, and they come back equal."""
    report = rhetorika.analyze(SEED)
    assert len(report.sentences) > 10
    shipped = _shipped(report)
    assert isinstance(shipped[0], tuple)
    assert report == _received(SEED, pickle.loads(pickle.dumps(shipped)))


def test_unread_sentences_travel_as_starts() -> None:
    """A report nobody read the sentences of ships their starts only."""
    shipped = _shipped(rhetorika.analyze(SEED))
    assert isinstance(shipped[0], array)
    assert rhetorika.analyze(SEED).sentences[3].start in shipped[0]


def test_the_shipped_report_holds_no_text() -> None:
    """Neither the text nor a sentence's text is in what a worker sends back."""
    text = SEED + " Qqqzzxx stands alone here."
    data = pickle.dumps(_shipped(rhetorika.analyze(text)), pickle.HIGHEST_PROTOCOL)
    assert b"Qqqzzxx" not in data
    assert rhetorika.analyze(text).sentences[-1].text.encode() not in data


def test_workers_never_start_by_fork() -> None:
    """Workers start from a fork server where there is one, else by spawn."""
    available = multiprocessing.get_all_start_methods()
    expected = "forkserver" if "forkserver" in available else "spawn"
    assert expected == worker_context().get_start_method()
    assert "fork" not in START_METHODS


_CALLER_STATE: list[str] = []


class CallerState:
    """Gives what ``_CALLER_STATE`` holds in the process it runs in."""

    name = "caller_state"

    def __call__(self, doc: Any) -> tuple[str, ...]:
        return tuple(_CALLER_STATE)

    def from_text(self, text: str, sentence_starts: list[int]) -> tuple[str, ...]:
        """Same as on a Doc."""
        return tuple(_CALLER_STATE)


def _states_seen_by_workers() -> list[Any]:
    """What each worker's CallerState found, with the caller's state set meanwhile."""
    _CALLER_STATE.append("set in the caller")
    try:
        analyzer = Analyzer(extractors=["readability", CallerState()])
        reports = analyzer.pipe(["One.", "Two.", "Three.", "Four."], n_process=2, batch_size=1)
        return [report.extensions["caller_state"] for report in reports]
    finally:
        _CALLER_STATE.clear()


def test_workers_inherit_nothing_of_the_caller() -> None:
    """State the caller set after importing a module is not in the workers' copy of it."""
    assert [()] * 4 == _states_seen_by_workers()


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this platform"
)
def test_forked_workers_would_inherit_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above can fail: workers forked from the caller do see its state."""
    monkeypatch.setattr(rhetorika._parallel, "START_METHODS", ("fork",))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # forking a threaded process
        assert [("set in the caller",)] * 4 == _states_seen_by_workers()


class TablesLoaded:
    """Gives whether the familiar-word table was built in its process before it ran."""

    name = "tables_loaded"

    def __call__(self, doc: Any) -> int:
        return _familiar_forms.cache_info().currsize

    def from_text(self, text: str, sentence_starts: list[int]) -> int:
        """Same as on a Doc."""
        return _familiar_forms.cache_info().currsize


def _tables_loaded_in_workers() -> list[Any]:
    """What TablesLoaded found in each worker, run without the readability extractor."""
    reports = Analyzer(extractors=[TablesLoaded()]).pipe(
        ["One.", "Two.", "Three.", "Four."], n_process=2, batch_size=1
    )
    return [report.extensions["tables_loaded"] for report in reports]


@pytest.mark.skipif(
    "forkserver" not in multiprocessing.get_all_start_methods(), reason="no fork server here"
)
def test_workers_start_with_the_shipped_tables_loaded() -> None:
    """The fork server loads the tables once; workers forked from it find them built."""
    assert [1] * 4 == _tables_loaded_in_workers()


def test_spawned_workers_would_load_them_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above can fail: a worker started from scratch has not built the table."""
    monkeypatch.setattr(rhetorika._parallel, "START_METHODS", ("spawn",))
    assert [0] * 4 == _tables_loaded_in_workers()


@settings(max_examples=3, deadline=None)  # each example starts two worker processes
@given(st.lists(rich_text, min_size=1, max_size=6))
def test_reports_from_workers_carry_the_callers_text(texts: list[str]) -> None:
    """Every report from the workers holds the very str the caller passed."""
    reports = list(Analyzer().pipe(texts, n_process=2, batch_size=2))
    assert all(report.text is text for report, text in zip(reports, texts, strict=True))


def test_reports_are_rebuilt_with_the_collector_paused() -> None:
    """The parent rebuilds each report inside the same collector pause as the unpickling."""
    import gc

    from rhetorika._parallel import _unpickle

    report = rhetorika.analyze(SEED)
    seen: list[bool] = []

    def receive(text: str, shipped: Any) -> Any:
        seen.append(gc.isenabled())
        return _received(text, shipped)

    data = pickle.dumps([_shipped(report), _shipped(report)])
    assert gc.isenabled()
    assert [report, report] == _unpickle(data, [SEED, SEED], receive)
    assert [False, False] == seen
    assert gc.isenabled()
