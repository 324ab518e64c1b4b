"""Adversarial inputs take about linear time: the ratio of times for n and 10n.

Linear code takes about 10 times as long at 10n and quadratic code about 100
times; the tests allow up to ``MAX_RATIO`` to absorb noise and cache effects
(a text that fits the CPU cache is scanned faster per character than one
that does not). No absolute time is asserted. The cases and sizes come from
``benchmarks/bounds.py``, at sizes that keep this module under ~30 s.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import rhetorika
from rhetorika.pipeline import MAX_RUN, Analyzer, default_nlp, make_doc

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bounds", ROOT / "benchmarks" / "bounds.py")
assert _spec is not None
assert _spec.loader is not None
bounds = importlib.util.module_from_spec(_spec)
sys.modules["bounds"] = bounds
_spec.loader.exec_module(bounds)

MAX_RATIO = 40.0
# Sizes n for the test (the benchmark runs ten times larger); each stays under
# spaCy's max_length at 10n, so the ratio does not straddle the chunked path.
TEST_SIZES = {
    "quotes_run": 2_000,
    "quotes_open": 2_000,
    "paragraph": 50_000,
    "cues": 10_000,
    "word": 50_000,
    "brackets": 2_000,
    "lexicon": 5_000,
}
CASES = {case.name: case for case in bounds.CASES}


@pytest.fixture(scope="module")
def paths() -> dict[str, Callable[[Any], object]]:
    """The analyze path and the Doc path, warmed up once."""
    chosen: dict[str, Callable[[Any], object]] = bounds.runners()
    for run in chosen.values():
        run("Warm up. The pipeline loads its data now.")
    return chosen


def _ratio(run: Callable[[Any], object], make: Callable[[int], Any], n: int) -> float:
    small, large = make(n), make(10 * n)
    return float(bounds.seconds(run, large, repeat=2) / bounds.seconds(run, small, repeat=3))


def test_every_benchmark_case_has_a_test_size() -> None:
    """A case added to benchmarks/bounds.py is also tested here."""
    assert set(CASES) == set(TEST_SIZES)


@pytest.mark.parametrize("path", ["analyze", "doc"])
@pytest.mark.parametrize("name", sorted(set(TEST_SIZES) - {"lexicon"}))
def test_time_grows_about_linearly(
    paths: dict[str, Callable[[Any], object]], path: str, name: str
) -> None:
    """Ten times the input takes well under a hundred times as long."""
    ratio = _ratio(paths[path], CASES[name].make, TEST_SIZES[name])
    assert ratio < MAX_RATIO, f"{name} through {path}: t(10n)/t(n) = {ratio:.1f}"


@pytest.mark.parametrize("name", rhetorika.available_extractors())
def test_each_extractor_grows_about_linearly_on_dense_cues(name: str) -> None:
    """Each extractor alone, on one paragraph full of cues, is about linear.

    At 100,000 and 1,000,000 characters: loaded terms once sliced the rest of
    its candidate list for each candidate (ratio 90 here; 11 since).
    """
    analyzer = Analyzer(extractors=[name])
    analyzer.analyze("Warm up: it may be so-called peace.")
    ratio = _ratio(analyzer.analyze, CASES["cues"].make, 100_000)
    assert ratio < MAX_RATIO, f"{name}: t(10n)/t(n) = {ratio:.1f}"


def test_lexicon_reading_grows_about_linearly() -> None:
    """Reading ten times as many lexicon entries takes well under a hundred times as long."""
    ratio = _ratio(bounds.run_lexicon, CASES["lexicon"].make, TEST_SIZES["lexicon"])
    assert ratio < MAX_RATIO, f"read_rows: t(10n)/t(n) = {ratio:.1f}"


def test_texts_longer_than_max_length_grow_about_linearly() -> None:
    """The chunked path (text longer than nlp.max_length) is linear too."""
    nlp = default_nlp()
    nlp.max_length = 5_000
    analyzer = Analyzer(nlp=nlp)
    ratio = _ratio(analyzer.analyze, CASES["quotes_open"].make, 2_000)
    assert ratio < MAX_RATIO, f"chunked path: t(10n)/t(n) = {ratio:.1f}"


def test_a_long_run_of_quotation_marks_is_tokenized_quickly() -> None:
    """20,000 quotation marks in a row give 20,000 tokens (spaCy alone takes minutes)."""
    text = '"' * 20_000
    doc = make_doc(default_nlp(), text)
    assert text == doc.text
    assert len(text) == len(doc)
    assert {'"'} == {token.text for token in doc}


def test_long_runs_are_cut_between_words_where_possible() -> None:
    """A long run of words joined by slashes is cut at a slash, keeping each word whole."""
    words = [f"word{i:03d}" for i in range(60)]
    text = "/".join(words)
    assert len(text) > MAX_RUN
    doc = make_doc(default_nlp(), text)
    assert text == doc.text
    tokens = {token.text.strip("/") for token in doc}
    assert set(words) <= {piece for token in tokens for piece in token.split("/")}
    assert all(len(token) <= MAX_RUN for token in doc)


def test_text_without_long_runs_is_tokenized_as_spacy_does() -> None:
    """The guard changes nothing for ordinary prose: same tokens and norms as spaCy's."""
    nlp = default_nlp()
    text = "I don't think it's \u201cpeace\u201d, said Dr. Smith (allegedly)."
    ours = make_doc(nlp, text)
    theirs = nlp.make_doc(text)
    assert [(t.text, t.whitespace_, t.norm_) for t in theirs] == [
        (t.text, t.whitespace_, t.norm_) for t in ours
    ]


def test_norms_survive_around_a_long_run() -> None:
    """Tokens next to a cut long run keep the tokenizer's norms ("n't" -> "not")."""
    text = "x" * (3 * MAX_RUN) + " I don't know " + '"' * (3 * MAX_RUN)
    doc = make_doc(default_nlp(), text)
    assert text == doc.text
    assert "not" in [token.norm_ for token in doc]


def test_analyze_of_long_runs_keeps_offsets() -> None:
    """A text with long runs analyses to a report whose sentences lie inside the text."""
    text = "Fine. " + "\u201c" * 5_000 + " Then what? " + "(" * 3_000 + ")" * 3_000
    report = rhetorika.analyze(text)
    assert text == report.text
    assert all(0 <= s.start <= s.end <= len(text) for s in report.sentences)


def test_user_lexicon_loading_grows_about_linearly(tmp_path: Path) -> None:
    """Loading a user lexicon of ten times as many entries takes well under 100 times as long."""
    try:
        loaded = importlib.import_module("rhetorika.lexicons.loaded")
    except ImportError:
        pytest.skip("rhetorika.lexicons.loaded (user lexicons) does not exist in this tree yet")

    def write(n: int) -> Path:
        path = tmp_path / f"big{n}.tsv"
        rows = "".join(f"w{i} x{i % 97}\tpejorative\n" for i in range(n))
        head = "# rhetorika-lexicon: big  format=1  version=1  license=MIT\nentry\tcategory\n"
        path.write_text(head + rows, encoding="utf-8")
        return path

    ratio = _ratio(loaded.load_lexicon, write, 2_000)
    assert ratio < MAX_RATIO, f"load_lexicon: t(10n)/t(n) = {ratio:.1f}"
