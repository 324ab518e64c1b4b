"""Tests for analyze, Analyzer and the Report contract."""

from __future__ import annotations

import pickle

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

import rhetorika
import rhetorika._doc
from rhetorika import Analyzer, ConfigurationError, Report, UnknownExtractorError
from rhetorika._doc import _LAST_KEY, SENTENCE_STARTS_KEY
from rhetorika.pipeline import default_nlp, make_doc, sentence_offsets

from .strategies import (
    SEED,
    any_text,
    cue_free_sentence,
    english_paragraph,
    english_text,
    loaded_text,
    quoted_text,
)

NLP = default_nlp()


@given(any_text)
def test_analyze_is_total(text: str) -> None:
    """Any str gives a Report whose sentences lie inside the text, in order."""
    report = rhetorika.analyze(text)
    assert text == report.text
    previous_end = 0
    for index, sentence in enumerate(report.sentences):
        assert index == sentence.index
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end].strip() == text[sentence.start : sentence.end]
        previous_end = sentence.end


@given(english_text)
def test_analyze_is_deterministic(text: str) -> None:
    """Analysing the same text twice gives equal reports and equal JSON."""
    first, second = rhetorika.analyze(text), rhetorika.analyze(text)
    assert first == second
    assert rhetorika.to_json(first) == rhetorika.to_json(second)


@given(cue_free_sentence, english_paragraph)
def test_prefix_shifts_sentences(prefix: str, text: str) -> None:
    """Prefixing a sentence shifts every later sentence offset by its length."""
    plain = rhetorika.analyze(text)
    shifted = rhetorika.analyze(prefix + text)
    moved = [(s.start - len(prefix), s.end - len(prefix)) for s in shifted.sentences[1:]]
    assert [(s.start, s.end) for s in plain.sentences] == moved


@pytest.mark.parametrize("value", [None, b"bytes", 42, ["a list"]])
def test_non_str_raises_type_error_naming_the_type(value: object) -> None:
    """A non-str input raises TypeError that names the type received."""
    with pytest.raises(TypeError, match=type(value).__name__):
        rhetorika.analyze(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n"])
def test_blank_text_gives_an_empty_valid_report(text: str) -> None:
    """Empty or whitespace-only text gives a Report with no sentences and no scores."""
    report = rhetorika.analyze(text)
    assert () == report.sentences
    assert report.readability is not None
    assert report.readability.flesch_reading_ease is None


def test_extractor_not_run_leaves_none() -> None:
    """An extractor that was not run leaves its attribute None, not an empty tuple."""
    report = rhetorika.analyze("Hello world.", extractors=[])
    assert report.readability is None
    assert report.hedges is None
    assert report.quotations is None
    assert report.scare_quotes is None


def test_unknown_extractor_lists_the_available_ones() -> None:
    """An unknown name raises an error listing every available extractor."""
    with pytest.raises(UnknownExtractorError) as info:
        rhetorika.analyze("x", extractors=["hedgez"])
    for name in rhetorika.available_extractors():
        assert name in str(info.value)
    assert isinstance(info.value, KeyError)
    assert isinstance(info.value, ValueError)


def test_a_string_of_extractors_is_refused() -> None:
    """extractors='readability' is a mistake for ['readability'], and says so."""
    with pytest.raises(ConfigurationError, match="did you mean"):
        rhetorika.analyze("x", extractors="readability")


def test_text_longer_than_max_length_keeps_offsets() -> None:
    """A text past spaCy's max_length is analysed whole, offsets into the original."""
    nlp = spacy.blank("en")
    nlp.max_length = 5_000
    paragraph = "The talks stalled again. Nobody expected otherwise.\n\n"
    text = paragraph * 400  # about 21,000 characters, five times the limit
    report = Analyzer(nlp=nlp, extractors=["readability"]).analyze(text)
    assert 800 == len(report.sentences)
    assert report.readability is not None
    assert 2800 == report.readability.counts.words
    for sentence in report.sentences:
        assert text[sentence.start : sentence.end] in paragraph


def test_five_megabyte_text_is_analysed() -> None:
    """A 5 MB text, past spaCy's default max_length, is analysed with the default pipeline."""
    text = "Peace talks resumed on Monday in Geneva. " * 125_000
    assert len(text) > 5_000_000
    report = rhetorika.analyze(text, extractors=["readability"])
    assert 125_000 == len(report.sentences)
    assert text == report.text


def test_lone_surrogates_are_analysed_and_kept() -> None:
    """Lone surrogates, which spaCy cannot encode, do not crash; the Report keeps the text."""
    text = "Bad \ud800 byte. Next sentence."
    report = rhetorika.analyze(text)
    assert text == report.text
    assert 2 == len(report.sentences)


def test_make_doc_keeps_text_and_sets_sentences() -> None:
    """make_doc returns a Doc over the same text with sentence starts set."""
    doc = make_doc(spacy.blank("en"), "Dr. Smith arrived. He sat down.")
    assert "Dr. Smith arrived. He sat down." == doc.text
    assert ["Dr. Smith arrived.", "He sat down."] == [s.text.strip() for s in doc.sents]


def _nonblank_starts(doc: Doc) -> list[int]:
    return [s.start_char for s in doc.sents if s.text.strip()]


@given(st.one_of(any_text, english_paragraph))
def test_make_doc_caches_the_sentence_offsets_the_doc_has(text: str) -> None:
    """make_doc caches the non-blank starts of doc.sents (none for an empty Doc), no flag left."""
    doc = make_doc(NLP, text)
    expected = _nonblank_starts(doc) if len(doc) else None
    assert expected == doc.user_data.get(SENTENCE_STARTS_KEY)
    assert _LAST_KEY not in doc.user_data


def _every_token_a_sentence(doc: Doc) -> Doc:
    for token in doc:
        token.is_sent_start = True
    return doc


def test_sentence_offsets_follow_a_later_component() -> None:
    """A component after rhetorika's sentences moves the starts: make_doc caches nothing."""
    if not Language.has_factory("test/every_token_a_sentence"):
        Language.component("test/every_token_a_sentence", func=_every_token_a_sentence)
    nlp = default_nlp()
    nlp.add_pipe("test/every_token_a_sentence")
    doc = make_doc(nlp, "Dr. Smith arrived. He sat down.")
    assert [] == [key for key in doc.user_data if "sentence" in key]
    assert [0, 4, 10, 17, 19, 22, 26, 30] == sentence_offsets(doc)


def test_the_sentence_rules_read_the_callers_text_in_make_doc(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """make_doc keeps the text before the pipeline runs: the sentence rules get that very str."""
    seen: list[str] = []

    def spy(text: str) -> list[int]:
        seen.append(text)
        return real(text)

    real = rhetorika._doc.sentence_starts
    monkeypatch.setattr(rhetorika._doc, "sentence_starts", spy)
    text = "".join(["Dr. Smith arrived. ", "He sat down."])  # built: no interned copy to match
    make_doc(NLP, text)
    NLP(text)  # a plain pipeline call has no kept text: the Doc's is rebuilt
    assert [True, False] == [found is text for found in seen]
    assert [text, text] == seen


def test_the_sentence_component_alone_caches_nothing() -> None:
    """Run by a pipeline rather than make_doc, the component leaves user_data as it was."""
    doc = NLP("Dr. Smith arrived. He sat down.")
    assert {} == doc.user_data
    assert [0, 19] == sentence_offsets(doc)


@given(st.lists(english_text, max_size=5))
def test_pipe_preserves_order(texts: list[str]) -> None:
    """Analyzer.pipe yields one report per text, in input order, equal to analyze()."""
    analyzer = Analyzer()
    assert [analyzer.analyze(t) for t in texts] == list(analyzer.pipe(texts, batch_size=2))


def test_pipe_reports_the_index_of_a_bad_item() -> None:
    """A non-str item in pipe raises TypeError giving its index."""
    with pytest.raises(TypeError, match="index 1"):
        list(Analyzer().pipe(["fine", 3]))  # type: ignore[list-item]


def test_pipe_with_two_processes_matches_one() -> None:
    """n_process=2 gives the same reports, in order, as one process."""
    texts = [SEED, "Short one.", "", SEED[:500]] * 3
    analyzer = Analyzer()
    assert list(analyzer.pipe(texts)) == list(analyzer.pipe(texts, n_process=2, batch_size=2))


@settings(max_examples=5, deadline=None)  # each example starts two worker processes
@given(st.lists(st.one_of(any_text, english_text, quoted_text, loaded_text), max_size=12))
def test_pipe_in_two_processes_equals_one_on_any_texts(texts: list[str]) -> None:
    """Reports made in workers and rebuilt here equal one process's, for any texts."""
    analyzer = Analyzer()
    assert list(analyzer.pipe(texts)) == list(analyzer.pipe(texts, n_process=2, batch_size=3))


@pytest.mark.parametrize("enabled", [True, False])
def test_worker_results_unpickle_with_the_collector_restored(enabled: bool) -> None:
    """The parent pauses the garbage collector to unpickle a batch, then restores it."""
    import gc

    from rhetorika._parallel import _unpickle

    reports = [rhetorika.analyze(SEED), rhetorika.analyze("")]
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        assert _unpickle(pickle.dumps(reports)) == reports
        assert gc.isenabled() is enabled
        with pytest.raises(pickle.UnpicklingError):
            _unpickle(b"not a pickle")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


@pytest.mark.parametrize(("option", "value"), [("batch_size", 0), ("n_process", 0)])
def test_pipe_rejects_bad_options(option: str, value: int) -> None:
    """batch_size and n_process below 1 are refused with a clear error."""
    with pytest.raises(ConfigurationError, match=option):
        list(Analyzer().pipe(["x"], **{option: value}))


def test_analyzer_pickles_its_configuration() -> None:
    """A pickled Analyzer comes back with the same extractors and gives the same report."""
    analyzer = Analyzer(extractors=["readability"])
    clone = pickle.loads(pickle.dumps(analyzer))
    assert analyzer.extractor_names == clone.extractor_names
    assert analyzer.analyze(SEED) == clone.analyze(SEED)


def test_third_party_extractor_lands_in_extensions() -> None:
    """An object following the Extractor protocol runs, its results under its name."""

    class WordCounter:
        name = "word_counter"

        def __call__(self, doc: spacy.tokens.Doc) -> int:
            return sum(1 for token in doc if token.is_alpha)

    assert isinstance(WordCounter(), rhetorika.typing.Extractor)
    report = Analyzer(extractors=["readability", WordCounter()]).analyze("Two words.")
    assert {"word_counter": 2} == dict(report.extensions)


def test_report_is_frozen() -> None:
    """Reports cannot be changed after the fact."""
    report = rhetorika.analyze("x")
    with pytest.raises(AttributeError):
        report.text = "y"  # type: ignore[misc]
    assert isinstance(report, Report)


_TEXT_PATH = Analyzer(extractors=["readability"])
_DOC_PATH = Analyzer(extractors=["readability"], nlp=default_nlp())


@given(st.one_of(any_text, english_text))
def test_text_path_equals_doc_path(text: str) -> None:
    """Skipping the tokenizer for text-level extractors changes no result."""
    assert _TEXT_PATH._text_only
    assert not _DOC_PATH._text_only
    assert _DOC_PATH.analyze(text) == _TEXT_PATH.analyze(text)
