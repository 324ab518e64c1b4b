"""Adversarial inputs take about linear work: the ratio of work for n and 10n.

Work is counted, not timed: every Python function call and every call of a C
function from Python (a regex search, a ``str`` method, a spaCy tokenizer
call) while the code runs, through ``sys.setprofile``. The count is the same
on an idle and on a loaded machine, so the bound can be tight: linear code
does about 10 times the work at 10n and quadratic code about 100 times;
``MAX_RATIO`` allows for per-call overheads. What the count cannot see is
work inside one C call (a regular expression that backtracks within one
search, a slice): the timing figures for that stay in ``benchmarks/bounds.py``
(reported in benchmarks/README.md, not asserted here).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import rhetorika
from rhetorika.lexicons.loaded import load_lexicon
from rhetorika.pipeline import MAX_RUN, Analyzer, default_nlp, make_doc
from tests.scripts import load_script

bounds = load_script("benchmarks/bounds.py")

MAX_RATIO = 12.0
# Sizes n for the test (the benchmark runs ten times larger); each stays under
# spaCy's max_length at 10n, so the ratio does not straddle the chunked path.
TEST_SIZES = {
    "quotes_run": 2_000,
    "quotes_open": 2_000,
    "paragraph": 20_000,
    "cues": 5_000,
    "word": 20_000,
    "brackets": 2_000,
    "spaces": 20_000,
    "lexicon": 2_000,
}
CASES = {case.name: case for case in bounds.CASES}


@pytest.fixture(scope="module")
def paths() -> dict[str, Callable[[Any], object]]:
    """The analyze path and the Doc path, warmed up once."""
    chosen: dict[str, Callable[[Any], object]] = bounds.runners()
    for run in chosen.values():
        run("Warm up. The pipeline loads its data now.")
    return chosen


def work(run: Callable[[Any], object], value: Any) -> int:
    """The number of function calls (Python and C) made while ``run(value)`` runs."""
    count = 0

    def profile(frame: FrameType, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        run(value)
    finally:
        sys.setprofile(None)
    return count - 1  # the call of sys.setprofile that stops the count


def _ratio(run: Callable[[Any], object], make: Callable[[int], Any], n: int) -> float:
    """work(10n) / work(n), after a first run of each size loads what is loaded once.

    Each counted run follows a run of the other text, so a cache of the last
    text (the hedge pass keeps one) never spares a counted run its work.
    """
    small, large = make(n), make(10 * n)
    run(small)
    run(large)
    small_work = work(run, small)
    return work(run, large) / small_work


def test_work_counts_calls_and_sees_quadratic_code() -> None:
    """The counter is exact and tells a quadratic loop from a linear one."""

    def linear(n: int) -> None:
        for _ in range(n):
            abs(1)

    def quadratic(n: int) -> None:
        for i in range(n):
            for _ in range(i):
                abs(1)

    assert 1 + 100 == work(linear, 100)  # the call of linear, then 100 calls of abs
    assert 9.0 < _ratio(linear, lambda n: n, 100) < 10.0
    assert _ratio(quadratic, lambda n: n, 100) > 8 * MAX_RATIO


def test_every_benchmark_case_has_a_test_size() -> None:
    """A case added to benchmarks/bounds.py is also tested here."""
    assert set(CASES) == set(TEST_SIZES)


@pytest.mark.parametrize("path", ["analyze", "doc"])
@pytest.mark.parametrize("name", sorted(set(TEST_SIZES) - {"lexicon"}))
def test_time_grows_about_linearly(
    paths: dict[str, Callable[[Any], object]], path: str, name: str
) -> None:
    """Ten times the input takes about ten times the work, not a hundred times."""
    ratio = _ratio(paths[path], CASES[name].make, TEST_SIZES[name])
    assert ratio < MAX_RATIO, f"{name} through {path}: work(10n)/work(n) = {ratio:.1f}"


@pytest.mark.parametrize("name", rhetorika.available_extractors())
def test_each_extractor_grows_about_linearly_on_dense_cues(name: str) -> None:
    """Each extractor alone, on one paragraph full of cues, does about linear work."""
    analyzer = Analyzer(extractors=[name])
    ratio = _ratio(analyzer.analyze, CASES["cues"].make, 10_000)
    assert ratio < MAX_RATIO, f"{name}: work(10n)/work(n) = {ratio:.1f}"


def test_lexicon_reading_grows_about_linearly() -> None:
    """Reading ten times as many lexicon entries takes about ten times the work."""
    ratio = _ratio(bounds.run_lexicon, CASES["lexicon"].make, TEST_SIZES["lexicon"])
    assert ratio < MAX_RATIO, f"read_rows: work(10n)/work(n) = {ratio:.1f}"


def test_texts_longer_than_max_length_grow_about_linearly() -> None:
    """The chunked path (text longer than nlp.max_length) is linear too."""
    nlp = default_nlp()
    nlp.max_length = 5_000
    analyzer = Analyzer(nlp=nlp)
    ratio = _ratio(analyzer.analyze, CASES["quotes_open"].make, 2_000)
    assert ratio < MAX_RATIO, f"chunked path: work(10n)/work(n) = {ratio:.1f}"


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
    """A user lexicon of ten times as many entries takes about ten times the work to load."""

    def write(n: int) -> Path:
        path = tmp_path / f"big{n}.tsv"
        rows = "".join(f"w{i} x{i % 97}\tpejorative\n" for i in range(n))
        head = "# rhetorika-lexicon: big  format=1  version=1  license=MIT\nentry\tcategory\n"
        path.write_text(head + rows, encoding="utf-8")
        return path

    ratio = _ratio(load_lexicon, write, 2_000)
    assert ratio < MAX_RATIO, f"load_lexicon: work(10n)/work(n) = {ratio:.1f}"
