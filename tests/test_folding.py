"""Matching and lookup agree: one fold (rhetorika._text) for scanners and lexicon keys.

Issue 14: the hedge scanner matched spellings the lexicon lookup could not
map back to an entry ("İ NEVER", "so‐called" with U+2010, "Some\\rcritics"),
and ``analyze`` raised ``KeyError``. These tests pin the fold's contract and
run every entry point over the characters that broke it.
"""

from __future__ import annotations

import io
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import rhetorika
import rhetorika._wordclasses
from rhetorika._text import APOSTROPHES, HYPHENS, SPACES, fold, phrase_key
from rhetorika.cli import main
from rhetorika.extractors.hedges import HedgeExtractor, lexicon_entries
from rhetorika.extractors.loaded import LoadedTermExtractor
from rhetorika.lexicons.loaded import builtin_lexicon, surface_forms
from rhetorika.pipeline import default_nlp
from tests.invariants import check_report, check_spans
from tests.strategies import (
    folding_text,
    length_changing_case_characters,
    separator_characters,
    unicode_dash_characters,
)

ISSUE_TEXTS = [
    "İ NEVER",
    "It is a so\u2010called reform.",
    "A self\u2011styled expert spoke.",
    "Some\rcritics say it failed.",
    "Some\vcritics say it failed.",
    "Some\fcritics say it failed.",
    "Some\x1ccritics say it failed.",
    "Some\x1fcritics say it failed.",
    "İstanbul. Perhaps it will rain.",
    "KAMALA HARRİS IS CLEARLY NOT A \u201cCOMMUNIST\u201d, CRITICS SAY",
]
SENTENCE = (
    "{c} Critics say the {c}regime{c} may have \u201cpeace\u201d in mind; "
    "it is a so-called{c} reform, {c}PERHAPS{c} an onslaught{c}. Clearly {c}NEVER."
)
SPACY_COMPONENTS = ["rhetorika/all", "rhetorika/hedges", "rhetorika/loaded_terms"]
CODE_POINTS = range(sys.maxunicode + 1)


def test_fold_keeps_one_code_point_for_each_code_point() -> None:
    """fold maps every code point to exactly one, so offsets into the fold are offsets."""
    text = "".join(chr(c) for c in CODE_POINTS if not 0xD800 <= c <= 0xDFFF)
    assert len(text) == len(fold(text))
    assert [c for c in text if len(fold(c)) != 1] == []


def test_fold_is_idempotent_and_leaves_no_variant() -> None:
    """Folded text folds to itself and holds none of the characters the fold replaces."""
    text = "".join(chr(c) for c in CODE_POINTS if not 0xD800 <= c <= 0xDFFF)
    folded = fold(text)
    assert folded == fold(folded)
    assert set() == set(folded) & set(HYPHENS + APOSTROPHES + SPACES)


def test_the_fold_tables_cover_unicode_as_documented() -> None:
    """SPACES: all whitespace but " " and "\\n"; HYPHENS: Pd named a hyphen, maqaf, soft hyphen."""
    chars = [chr(c) for c in CODE_POINTS]
    assert sorted(SPACES) == sorted(c for c in chars if c.isspace() and c not in " \n")
    named_hyphens = [
        c
        for c in chars
        if c != "-" and unicodedata.category(c) == "Pd" and "HYPHEN" in unicodedata.name(c)
    ]
    assert sorted(HYPHENS) == sorted([*named_hyphens, "\u00ad", "\u05be"])


def test_fold_examples() -> None:
    """Case, hyphens, apostrophes and spaces fold; clause dashes and line breaks stay."""
    assert "i never so-called don't a b\nc\u2014d" == fold(
        "\u0130 NEVER So\u2011called don\u2019t a\u00a0b\nc\u2014d"
    )
    assert "critics say" == phrase_key(" Critics\r\n\u2028 say\x1c")


@pytest.mark.parametrize("text", ISSUE_TEXTS)
def test_issue_texts_analyze_with_exact_offsets(text: str) -> None:
    """The texts of issue 14 analyse without KeyError, every span at its offsets."""
    check_report(rhetorika.analyze(text), text)


def test_issue_texts_find_their_cues() -> None:
    """A hyphen variant or a stray separator no longer hides the cue: it is found."""
    found = {text: [h.text for h in rhetorika.analyze(text).hedges] for text in ISSUE_TEXTS[1:4]}
    assert {
        "It is a so\u2010called reform.": ["so\u2010called"],
        "A self\u2011styled expert spoke.": ["self\u2011styled"],
        "Some\rcritics say it failed.": ["Some\rcritics"],
    } == found
    assert ["Perhaps"] == [
        h.text for h in rhetorika.analyze("İstanbul. Perhaps it will rain.").hedges
    ]


def test_issue_texts_through_pipe_render_and_cli(tmp_path: Path) -> None:
    """pipe, render and the CLI handle the issue's texts too (they raised KeyError)."""
    reports = list(rhetorika.Analyzer().pipe(ISSUE_TEXTS, batch_size=3))
    for text, report in zip(ISSUE_TEXTS, reports, strict=True):
        check_report(report, text)
        assert isinstance(rhetorika.render(report), str)
    paths = []
    for index, text in enumerate(ISSUE_TEXTS):
        path = tmp_path / f"t{index}.txt"
        path.write_text(text, encoding="utf-8", newline="")
        paths.append(str(path))
    out, err = io.StringIO(), io.StringIO()
    assert 0 == main(["analyze", *paths, "--format", "jsonl"], stdout=out, stderr=err)
    assert len(ISSUE_TEXTS) == len(out.getvalue().splitlines())


@pytest.mark.parametrize("component", SPACY_COMPONENTS)
def test_issue_texts_through_spacy_components(component: str) -> None:
    """The spaCy components give spans at the texts' own offsets."""
    nlp = default_nlp()
    nlp.add_pipe(component)
    for text in ISSUE_TEXTS:
        doc = nlp(text)
        for spans in doc.spans.values():
            for span in spans:
                assert text[span.start_char : span.end_char] == span.text
    assert rhetorika.analyze(ISSUE_TEXTS[0]) == _all_pipeline()(ISSUE_TEXTS[0])._.rhetorika


def _all_pipeline() -> object:
    nlp = default_nlp()
    nlp.add_pipe("rhetorika/all")
    return nlp


def test_every_length_changing_case_mapping_keeps_offsets() -> None:
    """Each code point whose lower() or upper() changes length, in a sentence full of cues."""
    chars = length_changing_case_characters()
    assert "\u0130" in chars
    assert "\u00df" in chars
    for char in chars:
        for text in (SENTENCE.format(c=char), SENTENCE.format(c=char).upper()):
            report = rhetorika.analyze(text)
            check_report(report, text)
            assert report.hedges, f"U+{ord(char):04X}: no hedge found in {text!r}"


def _hedge_cues() -> list[str]:
    return sorted({form for entry in lexicon_entries() for form in entry.forms})


def _loaded_cues() -> list[str]:
    forms = {form for entry in builtin_lexicon().entries for form in surface_forms(entry)}
    return sorted(" ".join(form) for form in forms)


def _written_with(cues: list[str], old: str, new: str) -> str:
    return "".join(f"Here: {cue.replace(old, new)}.\n" for cue in cues if old in cue)


@pytest.mark.parametrize("dash", unicode_dash_characters(), ids=lambda c: f"U+{ord(c):04X}")
def test_every_cue_written_with_every_dash(dash: str) -> None:
    """Every lexicon cue with a hyphen, written with each Unicode dash: exact offsets;
    with a hyphen the fold knows, the same cues are found as with "-"."""
    for cues, extractor in ((_hedge_cues(), "hedges"), (_loaded_cues(), "loaded_terms")):
        text = _written_with(cues, "-", dash)
        check_report(rhetorika.analyze(text), text)
        if dash in HYPHENS:
            plain = _written_with(cues, "-", "-")
            assert _found(extractor, plain) == [
                t.replace(dash, "-") for t in _found(extractor, text)
            ]


@pytest.mark.parametrize("space", separator_characters(), ids=lambda c: f"U+{ord(c):04X}")
def test_every_cue_written_with_every_separator(space: str) -> None:
    """Every multi-word lexicon cue, its spaces written as each whitespace or separator:
    exact offsets, and (but across a line break, which ends a loaded term) the same cues."""
    for cues, extractor in ((_hedge_cues(), "hedges"), (_loaded_cues(), "loaded_terms")):
        text = _written_with(cues, " ", space)
        check_report(rhetorika.analyze(text), text)
        if space.isspace() and (extractor == "hedges" or space != "\n"):
            plain = _written_with(cues, " ", " ")
            assert _found(extractor, plain) == [
                t.replace(space, " ") for t in _found(extractor, text)
            ]


def _found(extractor: str, text: str) -> list[str]:
    """The matched cues: every lexicon match for hedges (context rules off), loaded terms."""
    starts = rhetorika.sentences.sentence_starts(text)
    if extractor == "hedges":
        spans = HedgeExtractor(context_rules=False).from_text(text, starts)
    else:
        spans = LoadedTermExtractor().from_text(text, starts)
    return [span.text for span in spans]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(folding_text())
def test_every_extractor_keeps_offsets_on_folding_text(text: str) -> None:
    """analyze, each extractor on a Doc, and render: total and exact on folding text."""
    check_report(rhetorika.analyze(text), text)
    doc = default_nlp()(text)
    for name in rhetorika.available_extractors():
        check_spans(rhetorika.extractors.create_extractor(name)(doc), text, name)
    assert isinstance(rhetorika.render(text), str)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(folding_text())
def test_spacy_component_equals_analyze_on_folding_text(text: str) -> None:
    """The rhetorika/all component and analyze agree on folding text."""
    assert rhetorika.analyze(text) == _ALL(text)._.rhetorika  # type: ignore[operator]


_ALL = _all_pipeline()


@pytest.mark.parametrize("name", rhetorika._wordclasses.__all__)
def test_shared_word_classes_are_folded_single_words(name: str) -> None:
    """Context words are compared folded: a class entry that fold() changes could never match."""
    words = getattr(rhetorika._wordclasses, name)
    assert sorted(words) == sorted(fold(word) for word in words if word.split() == [word])
