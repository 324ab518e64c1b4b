"""Tests for the loaded-terms extractor: properties, golden cases, context rules, features."""

from __future__ import annotations

import itertools
import json
import pickle
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import rhetorika
import rhetorika.typing
from rhetorika import LoadedCategory, LoadedTerm
from rhetorika.extractors.loaded import (
    _INTENSIFIERS,
    _MORE_THAN_SCARE_WORDS,
    _NEGATION,
    _NEGATION_WINDOW,
    _PIECE,
    _REVERSED_INTENSIFIER,
    _REVERSED_WORD,
    _SCARE_WORDS,
    LoadedTermExtractor,
    _by_position,
    _candidates,
    _negated,
    _word_before,
    features,
)
from rhetorika.lexicons import LexiconHeader
from rhetorika.lexicons.loaded import (
    LoadedLexicon,
    builtin_lexicon,
    normalise,
    pieces,
    surface_forms,
)
from rhetorika.pipeline import default_nlp, make_doc, sentence_offsets
from rhetorika.serialize import from_json, to_json
from tests.strategies import (
    any_text,
    cue_free_sentence,
    english_text,
    loaded_text,
    quoted_text,
)

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = json.loads((ROOT / "seeds" / "loaded_golden.json").read_text(encoding="utf-8"))
NLP = default_nlp()
EXTRACTOR = LoadedTermExtractor()


def terms(text: str, extractor: LoadedTermExtractor = EXTRACTOR) -> tuple[LoadedTerm, ...]:
    return extractor(make_doc(NLP, text))


def found(text: str) -> list[tuple[str, str]]:
    return [(term.text, term.category.value) for term in terms(text)]


# ---- properties ---------------------------------------------------------------


@given(st.one_of(any_text, english_text, loaded_text))
def test_offsets_point_into_the_text(text: str) -> None:
    """Every term's text is the original text between its offsets, phrase included."""
    doc = make_doc(NLP, text)
    for term in EXTRACTOR(doc):
        assert 0 <= term.start < term.end <= len(text)
        assert doc.text[term.start : term.end] == term.text
        if term.phrase is not None:
            assert term.phrase[0] == term.start
            assert term.end < term.phrase[1] <= len(text)


@given(any_text)
def test_total_on_any_string(text: str) -> None:
    """Any str is analysed without an exception, and gives a tuple of LoadedTerm."""
    result = rhetorika.Analyzer(extractors=["loaded_terms"]).analyze(text).loaded_terms
    assert isinstance(result, tuple)
    assert all(isinstance(term, LoadedTerm) for term in result)


@given(loaded_text)
def test_deterministic_sorted_and_disjoint(text: str) -> None:
    """The same text gives the same terms, sorted by offsets, never overlapping."""
    first, second = terms(text), terms(text)
    assert first == second
    assert list(first) == sorted(first, key=lambda t: (t.start, t.end))
    assert all(a.end <= b.start for a, b in itertools.pairwise(first))


@given(loaded_text)
def test_intensity_in_range_and_sentence_valid(text: str) -> None:
    """Intensity lies in [0, 1] and the sentence index is a real sentence."""
    doc = make_doc(NLP, text)
    starts = sentence_offsets(doc)
    for term in EXTRACTOR(doc):
        assert 0.0 <= term.intensity <= 1.0
        assert 0 <= term.sentence < max(len(starts), 1)


@given(cue_free_sentence, loaded_text)
def test_prefix_shifts_offsets(prefix: str, text: str) -> None:
    """A cue-free paragraph before the text shifts every offset by its length."""
    prefix = prefix.strip() + "\n\n"
    plain = terms(text)
    shifted = terms(prefix + text)
    assert [(t.start, t.end, t.entry, t.category, t.intensity) for t in plain] == [
        (t.start - len(prefix), t.end - len(prefix), t.entry, t.category, t.intensity)
        for t in shifted
    ]


@given(st.one_of(english_text, loaded_text))
def test_json_round_trip(text: str) -> None:
    """A report's loaded terms survive to_json / from_json unchanged."""
    report = rhetorika.Analyzer(extractors=["loaded_terms"]).analyze(text)
    assert report == from_json(to_json(report))


# ---- fast paths agree with the general ones -----------------------------------------

_NEVER = "zzyzx"


def _general_path_extractor() -> LoadedTermExtractor:
    """The built-in entries, kept off every fast path without changing what they match.

    A veto word that never occurs makes each entry go through the context
    checks, and a longer form that never occurs gives each anchor word
    more than one form to complete.
    """
    entries = {}
    for entry in builtin_lexicon().entries:
        vetoed = attrs.evolve(entry, veto_next=(*entry.veto_next, _NEVER))
        entries[entry.key] = vetoed
        for form in surface_forms(entry):
            longer = " ".join((*form, _NEVER))
            entries[pieces(longer)] = attrs.evolve(vetoed, entry=longer, inflect="-")
    header = LexiconHeader(name="loaded", version=1, format=1, license="MIT")
    lexicon = LoadedLexicon(header=header, path="<general path>", entries=tuple(entries.values()))
    return LoadedTermExtractor(lexicons=[lexicon], mode="replace")


GENERAL = _general_path_extractor()


def test_general_path_extractor_has_no_fast_path() -> None:
    """The extractor of the next test really takes the general path for every lexicon match."""
    index = GENERAL._matcher()
    assert {} == {word: form for word, form in index.single.items() if form.source == "lexicon"}
    lexicon_forms = [
        f for forms in index.by_first.values() for f in forms if f.source == "lexicon"
    ]
    assert all(form.constrained for form in lexicon_forms)


@given(st.one_of(english_text, loaded_text))
def test_fast_paths_equal_general_path(text: str) -> None:
    """Entries without context constraints, and anchors with one form, skip work, not terms."""
    assert terms(text) == terms(text, GENERAL)


before_anchor_text = st.lists(
    st.sampled_from(
        [
            "a handful of",
            "a",
            "handful",
            "of",
            "of all time",
            "time",
            "a few bad apples",
            "so-called",
            "called",
            "the swamp",
            "swamp",
            "let go",
            "go",
            "regime",
            "evil",
            " ",
            "\n",
        ]
    ),
    max_size=20,
).map(" ".join)
"""Words of entries with words before their anchor ("a handful of"), alone and together."""


@given(st.one_of(loaded_text, before_anchor_text))
def test_candidates_come_sorted(text: str) -> None:
    """Candidates are in (start, longest first) order, sorted only when a form needs it."""
    low = normalise(text)
    found = _candidates(EXTRACTOR._matcher(), low, "\n" + low)
    assert sorted(found, key=_by_position) == found


negation_text = st.lists(
    st.sampled_from(
        [
            "not",
            "no",
            "nothing",
            "never",
            "without",
            "hardly",
            "nor",
            "neither",
            "n't",
            "don't",
            "dont",
            "isnt",
            "cannot",
            "knot",
            "'t",
            "'",
            "t",
            "n",
            "_",
            "-",
            " ",
            "\n",
            "evil",
            "no-one",
            "\u00f1ot",
        ]
    ),
    max_size=24,
).map("".join)
"""Negation words, their parts and look-alikes, run together or apart."""


@pytest.mark.parametrize(
    "negated", ["It isn't a disaster.", "It isnt a disaster.", "Dont call it a disaster."]
)
def test_negation_without_apostrophe_lowers_intensity(negated: str) -> None:
    """ "isnt", as web text spells it, negates like "isn't"."""
    (plain,) = terms("It is a disaster.")
    (term,) = terms(negated)
    assert term.intensity == pytest.approx(plain.intensity / 2)


@given(st.one_of(any_text, loaded_text, negation_text))
def test_negation_search_agrees(text: str) -> None:
    """_negated finds a negation before each position exactly when _NEGATION.search does."""
    low = normalise(text)
    for start in range(len(low) + 1):
        window = max(0, start - _NEGATION_WINDOW)
        expected = _NEGATION.search(low, window, start) is not None
        assert expected == _negated("\n" + low, start)


@given(st.one_of(any_text, quoted_text), st.integers(0, 200), st.integers(0, 200))
def test_long_quote_pattern_counts_words(text: str, start: int, end: int) -> None:
    """_MORE_THAN_SCARE_WORDS matches exactly when findall finds more than _SCARE_WORDS words."""
    start, end = sorted((min(start, len(text)), min(end, len(text))))
    expected = len(_PIECE.findall(text, start, end)) > _SCARE_WORDS
    assert expected == (_MORE_THAN_SCARE_WORDS.match(text, start, end) is not None)


@given(st.one_of(any_text, loaded_text, english_text))
def test_word_before_in_reversed_text(text: str) -> None:
    """The reversed-text patterns read the word before a position as _word_before does."""
    low = normalise(text)
    backwards = low[::-1]
    for position in range(len(low) + 1):
        expected = _word_before(low, position)
        word = _REVERSED_WORD.match(backwards, len(low) - position)
        actual = None
        if word is not None:
            begin = len(low) - word.end(1)
            actual = (low[begin : len(low) - word.start(1)], begin)
        assert expected == actual
        intensifier = _REVERSED_INTENSIFIER.match(backwards, len(low) - position)
        assert (expected is not None and expected[0] in _INTENSIFIERS) == (intensifier is not None)
        if intensifier is not None:
            assert expected is not None
            assert expected[1] == len(low) - intensifier.end()


ENTRIES = builtin_lexicon().entries
WRITTEN = {entry.key for entry in ENTRIES}


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.entry)
def test_every_entry_and_form_matches_itself(entry: object) -> None:
    """Each built-in entry, and each form generated from it, is found in a plain sentence.

    A generated form that another entry spells out ("devastating") belongs to that entry.
    """
    forms = surface_forms(entry)  # type: ignore[arg-type]
    for form in [forms[0], *(f for f in forms[1:] if f not in WRITTEN)]:
        surface = " ".join(form)
        text = f"They said {surface} things."
        hits = [t for t in terms(text) if t.entry == entry.entry]  # type: ignore[attr-defined]
        assert hits, text
        assert surface in text[hits[0].start : hits[0].end].lower()


def test_builtin_lexicon_identity() -> None:
    """The shipped lexicon is loaded.v1, MIT, and every result carries its id."""
    lexicon = builtin_lexicon()
    assert "loaded.v1" == lexicon.id
    assert "MIT" == lexicon.header.license
    assert {"loaded.v1"} == {t.lexicon for t in terms("The regime's thugs.")}


# ---- golden cases ---------------------------------------------------------------


def _check(case: dict[str, object]) -> None:
    result = terms(str(case["text"]))
    pairs = [(t.text, t.category.value) for t in result]
    for text, category in case.get("found", []):  # type: ignore[attr-defined]
        assert (text, category) in pairs, pairs
    for word in case.get("not_found", []):  # type: ignore[attr-defined]
        assert not [t.text for t in result if word in t.text], pairs


def _known_failure(case: dict[str, Any]) -> list[pytest.MarkDecorator]:
    """A case with an ``xfail`` reason is a known failure: a strict xfail."""
    return [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []


def _golden(part: str) -> list[Any]:
    """The cases of one part of the golden file; a case with ``xfail`` is a strict xfail."""
    return [
        pytest.param(
            case,
            id=str(case["text"])[:40],
            marks=[pytest.mark.xfail(strict=True, reason=case["xfail"])]
            if "xfail" in case
            else [],
        )
        for case in GOLDEN[part]
    ]


@pytest.mark.parametrize("case", _golden("positives"))
def test_golden_positives(case: dict[str, object]) -> None:
    """Hand-written positives are found with the stated category (known failures still fail)."""
    _check(case)


@pytest.mark.parametrize("case", _golden("negatives"))
def test_golden_negatives(case: dict[str, object]) -> None:
    """Hand-written look-alikes are not reported (known failures still fail)."""
    _check(case)


def test_seed_article_targets() -> None:
    """The seed article's six target terms are found with the expected categories."""
    seed = (ROOT / "seeds" / "putin_imitates_peace_negotiations.txt").read_text(encoding="utf-8")
    categories = {t.entry: t.category for t in terms(seed)}
    assert LoadedCategory.PEJORATIVE == categories["regime"]
    assert LoadedCategory.CONTESTED == categories["unprovoked"]
    assert LoadedCategory.EMOTIVE == categories["onslaught"]
    assert LoadedCategory.PEJORATIVE == categories["propaganda"]
    assert LoadedCategory.CONTESTED == categories["aggression"]
    assert LoadedCategory.PEJORATIVE == categories["fake"]


# ---- context rules and intensity -----------------------------------------------------


def _intensity(text: str, entry: str) -> float:
    return next(t.intensity for t in terms(text) if t.entry == entry)


def test_negation_lowers_intensity() -> None:
    """A negation just before a term halves its intensity."""
    assert _intensity("It was not a disaster.", "disaster") == pytest.approx(
        _intensity("It was a disaster.", "disaster") / 2
    )


def test_intensifier_raises_intensity_and_joins_span() -> None:
    """An intensifier right before a term raises its intensity and joins its span."""
    plain = _intensity("It was an evil act.", "evil")
    (term,) = terms("It was a truly evil act.")
    assert "truly evil" == term.text
    assert plain < term.intensity <= 1.0


def test_quotation_lowers_intensity() -> None:
    """Inside quotation marks a term's intensity is lowered; quoted is left to quotations."""
    plain = _intensity("The regime will fall before the winter comes.", "regime")
    (direct,) = terms('He said: "The regime will fall before the winter comes."')
    (scare,) = terms('They called it a "regime" on Monday.')
    assert direct.intensity == pytest.approx(plain * 0.8)
    assert scare.intensity == pytest.approx(plain * 0.7)
    assert not direct.quoted
    assert not scare.quoted


def test_quoted_flag_comes_from_the_quotations_extractor() -> None:
    """With quotations run, a term in a direct quotation is quoted; one in scare quotes is not."""
    analyzer = rhetorika.Analyzer(extractors=["quotations", "loaded_terms"])
    text = (
        'The minister said: "The regime will fall before the winter comes." '
        'Its so-called "propaganda" unit closed on Monday.'
    )
    report = analyzer.analyze(text)
    assert report.loaded_terms is not None
    assert [("regime", True), ("so-called", False), ("propaganda", False)] == [
        (t.text, t.quoted) for t in report.loaded_terms
    ]


def test_reporting_verb_rule() -> None:
    """Framing verbs count as reporting verbs, not in passives or as nouns."""
    assert [("admitted", "framing_verb")] == found("He admitted the error.")
    assert [] == found("She was admitted to the programme.")
    assert [] == found("The reveal came late.")


def test_dehumanizing_needs_people() -> None:
    """Dehumanizing metaphors count only when people are named or pointed at nearby."""
    assert [] == found("Rats ran through the old barn.")
    assert [("rats", "dehumanizing")] == found("He said the protesters were rats.")


def test_pos_constraint_on_a_tagged_doc() -> None:
    """With POS tags, an entry whose first token has the wrong tag is not reported."""
    from spacy.tokens import Doc

    words = ["That", "was", "a", "fake", "."]
    as_noun = Doc(NLP.vocab, words=words, pos=["PRON", "AUX", "DET", "NOUN", "PUNCT"])
    as_adjective = Doc(NLP.vocab, words=words, pos=["PRON", "AUX", "DET", "ADJ", "PUNCT"])
    assert () == EXTRACTOR(as_noun)
    assert ["fake"] == [t.text for t in EXTRACTOR(as_adjective)]


def test_adjective_phrase() -> None:
    """A loaded adjective reports the noun phrase it colours as its phrase."""
    text = "They signed phony deals with the firm."
    (term,) = terms(text)
    assert "phony" == term.text
    assert term.phrase is not None
    assert "phony deals" == text[term.phrase[0] : term.phrase[1]]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("After the horrific shooting DO NOT match.", "horrific shooting"),
        ("They approved the disastrous plans anyway.", "disastrous plans"),
        ("It is even more disturbing given the facts.", None),
        ("The corrupt career politicians must go.", "corrupt career politicians"),
        ("Such corrupt officials have lied.", "corrupt officials"),
    ],
)
def test_adjective_phrase_stops_at_closed_class_words(text: str, phrase: str | None) -> None:
    """Auxiliaries, adverbs and prepositions end the noun phrase after a loaded adjective."""
    (term,) = terms(text)
    found = None if term.phrase is None else text[term.phrase[0] : term.phrase[1]]
    assert phrase == found


# ---- configuration -------------------------------------------------------------------


def test_registered_as_builtin() -> None:
    """loaded_terms is a built-in extractor filling Report.loaded_terms."""
    assert "loaded_terms" in rhetorika.available_extractors()
    report = rhetorika.analyze("The regime's thugs.")
    assert report.loaded_terms is not None
    assert ["regime", "thugs"] == [t.text for t in report.loaded_terms]


def test_categories_and_threshold_filter() -> None:
    """categories= and min_intensity= keep only the matching terms."""
    text = "The regime launched an unprovoked onslaught."
    only = LoadedTermExtractor(categories=["emotive"])
    strong = LoadedTermExtractor(min_intensity=0.65)
    assert ["onslaught"] == [t.text for t in terms(text, only)]
    assert ["onslaught"] == [t.text for t in terms(text, strong)]


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"mode": "merge"}, "valid: extend, override, replace"),
        ({"mode": "replace"}, "needs at least one lexicon"),
        ({"categories": ["rude"]}, "valid: pejorative"),
        ({"min_intensity": 2.0}, "min_intensity must be in [0, 1]"),
    ],
)
def test_bad_arguments_fail_early(kwargs: dict[str, object], fragment: str) -> None:
    """Bad options raise ConfigurationError at construction, listing the valid choices."""
    with pytest.raises(rhetorika.ConfigurationError) as info:
        LoadedTermExtractor(**kwargs)  # type: ignore[arg-type]
    assert fragment in str(info.value)


def test_pickles_without_the_matcher() -> None:
    """The extractor pickles its configuration, not its matcher, and works after loading."""
    text = "The regime's thugs."
    EXTRACTOR(make_doc(NLP, text))
    state = EXTRACTOR.__getstate__()
    assert state["_index"] is None
    clone = pickle.loads(pickle.dumps(EXTRACTOR))
    assert terms(text) == terms(text, clone)


# ---- features ------------------------------------------------------------------------


def test_features_counts_and_means() -> None:
    """to_features gives counts, densities and mean intensities; 0.0 when a category is empty."""
    report = rhetorika.Analyzer(extractors=["loaded_terms"]).analyze(
        "The regime sent thugs. It was carnage."
    )
    row = rhetorika.to_features(report)
    assert 3 == row["loaded_terms_count"]
    assert 2 == row["loaded_terms_pejorative_count"]
    assert 1 == row["loaded_terms_emotive_count"]
    assert 100 * 3 / 7 == pytest.approx(row["loaded_terms_per_100_words"])
    assert (0.6 + 0.8) / 2 == pytest.approx(row["loaded_terms_pejorative_mean_intensity"])
    assert (0, 0.0) == (
        row["loaded_terms_euphemism_count"],
        row["loaded_terms_euphemism_mean_intensity"],
    )
    assert 3 == row["loaded_terms_unquoted_count"]


def test_features_without_words() -> None:
    """With no words, densities are None and counts zero."""
    row = features((), words=0)
    assert 0 == row["loaded_terms_count"]
    assert row["loaded_terms_per_100_words"] is None


# ---- text path and Doc path ----------------------------------------------------------

_TEXT_ANALYZER = rhetorika.Analyzer(extractors=["readability", "loaded_terms"])
_DOC_ANALYZER = rhetorika.Analyzer(extractors=["readability", "loaded_terms"], nlp=default_nlp())


@given(st.one_of(any_text, english_text, loaded_text))
def test_from_text_equals_doc_path(text: str) -> None:
    """from_text on the text gives the same terms as the extractor on a blank-pipeline Doc."""
    doc = make_doc(NLP, text)
    assert EXTRACTOR(doc) == EXTRACTOR.from_text(doc.text, sentence_offsets(doc))


@given(st.one_of(any_text, loaded_text))
def test_analyzer_text_path_equals_doc_path(text: str) -> None:
    """An Analyzer that skips the tokenizer reports the same loaded terms as one that does not."""
    assert isinstance(EXTRACTOR, rhetorika.typing.TextExtractor)
    assert _DOC_ANALYZER.analyze(text) == _TEXT_ANALYZER.analyze(text)


@given(any_text)
def test_doc_text_is_doc_text(text: str) -> None:
    """pipeline.doc_text returns exactly Doc.text for a Doc from make_doc."""
    from rhetorika.pipeline import doc_text

    doc = make_doc(NLP, text)
    assert doc.text == doc_text(doc)
