"""Every public entry point is total: a valid result or a documented error.

"Documented error" means a :class:`~rhetorika.RhetorikaError` subclass or
``TypeError``, with a message. The tests are parametrised over
``rhetorika.available_extractors()`` and look public names up at run time,
so extractors and entry points merged later are covered without new tests.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rhetorika
from rhetorika.cli import main
from rhetorika.extractors import create_extractor
from rhetorika.pipeline import default_nlp, make_doc
from tests.invariants import check_report, check_spans, total
from tests.strategies import hostile_text

EXTRACTORS = rhetorika.available_extractors()
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_NLP = default_nlp()


@SLOW
@given(hostile_text)
def test_analyze_returns_a_valid_report(text: str) -> None:
    """analyze never raises on a str: offsets in range, text[start:end] == span.text."""
    check_report(rhetorika.analyze(text), text)


@pytest.mark.parametrize("name", EXTRACTORS)
@SLOW
@given(text=hostile_text)
def test_each_extractor_alone_is_total(name: str, text: str) -> None:
    """Each available extractor, run alone, gives a valid report on any text."""
    report = rhetorika.Analyzer(extractors=[name]).analyze(text)
    check_report(report, text)
    assert name in report.extensions or getattr(report, name, None) is not None


@pytest.mark.parametrize("name", EXTRACTORS)
@SLOW
@given(text=hostile_text)
def test_each_extractor_on_a_doc_is_total(name: str, text: str) -> None:
    """Each extractor called on a Doc returns spans inside the Doc's text."""
    doc = make_doc(_NLP, text)
    result = create_extractor(name)(doc)
    check_spans(result, doc.text, name)


@SLOW
@given(st.lists(hostile_text, max_size=5))
def test_pipe_is_total(texts: list[str]) -> None:
    """Analyzer.pipe yields one valid report per text, in order."""
    reports = list(rhetorika.Analyzer().pipe(texts, batch_size=2))
    assert len(texts) == len(reports)
    for text, report in zip(texts, reports, strict=True):
        check_report(report, text)


NOT_TEXT: list[Any] = [None, 1, 2.5, b"bytes", bytearray(b"x"), ["a list"], {"a": 1}, object()]


def _text_entry_points() -> Iterator[tuple[str, Callable[[Any], object]]]:
    yield "analyze", rhetorika.analyze
    yield "Analyzer.analyze", rhetorika.Analyzer().analyze
    yield "Analyzer.pipe", lambda value: list(rhetorika.Analyzer().pipe([value]))
    yield "to_features", rhetorika.to_features
    yield "to_json", rhetorika.to_json
    yield "from_json", rhetorika.from_json
    for name in ("render", "features"):
        function = getattr(rhetorika, name, None)
        if function is not None:
            yield name, function


@pytest.mark.parametrize(("name", "function"), list(_text_entry_points()))
@pytest.mark.parametrize("value", NOT_TEXT, ids=lambda v: type(v).__name__)
def test_wrong_types_raise_documented_errors(
    name: str, function: Callable[[Any], object], value: object
) -> None:
    """A non-text argument raises TypeError or a RhetorikaError, never anything else."""
    try:
        total(lambda: function(value))
    except Exception as error:  # anything else is the failure this test exists for
        pytest.fail(f"{name}({value!r}) raised {type(error).__name__}: {error}")


@SLOW
@given(hostile_text)
def test_render_is_total(text: str) -> None:
    """render gives a str of HTML for any text and for its report."""
    assert isinstance(rhetorika.render(text), str)
    assert isinstance(rhetorika.render(rhetorika.analyze(text), style="fragment"), str)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(hostile_text, min_size=1, max_size=3))
def test_features_is_total(texts: list[str]) -> None:
    """rhetorika.features gives one row per text, or a documented error (missing extra)."""
    table = total(lambda: rhetorika.features(texts))
    if table is not None:
        assert len(texts) == len(table)


@contextlib.contextmanager
def _in_temporary_directory() -> Iterator[Path]:
    previous = Path.cwd()
    with tempfile.TemporaryDirectory() as directory:
        os.chdir(directory)
        try:
            yield Path(directory)
        finally:
            os.chdir(previous)


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "csv"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    content=st.one_of(hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary())
)
def test_cli_is_total_on_any_file(fmt: str, content: bytes) -> None:
    """The CLI exits 0 or 1 (unreadable input) on any file content, never a traceback."""
    with _in_temporary_directory() as directory:
        path = directory / "input.txt"
        path.write_bytes(content)
        out, err = io.StringIO(), io.StringIO()
        code = main(["analyze", str(path), "--format", fmt], stdout=out, stderr=err)
    assert code in (0, 1)
    assert (code == 1) == ("rhetorika: error:" in err.getvalue())


_ARGUMENTS = st.one_of(
    st.sampled_from(
        [
            "analyze",
            "highlight",
            "--format",
            "json",
            "csv",
            "--extractors",
            "--force",
            "--color",
            "always",
            "-o",
            "out.json",
            "input.txt",
            "--version",
            "-h",
            "--",
        ]
    ),
    st.text(max_size=20).filter(lambda a: a != "-"),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ARGUMENTS, max_size=6))
def test_cli_is_total_on_any_arguments(argv: list[str]) -> None:
    """Any command line gives an exit code (0, 1 or 2), never a traceback."""
    with _in_temporary_directory() as directory:
        (directory / "input.txt").write_text("It may rain. Perhaps.", encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv, stdout=out, stderr=err)
    assert code in (0, 1, 2)
