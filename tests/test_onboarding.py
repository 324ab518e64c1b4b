"""What a new user meets in the first hour: introspection, the example text, readable output."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rhetorika
from rhetorika import examples

from .commandline import run_cli
from .strategies import SEED, SEED_PATH, any_text, english_text

ROOT = Path(__file__).resolve().parent.parent

# Run in a fresh interpreter where the optional extras cannot be imported, as
# after a plain `pip install rhetorika`.
_NO_EXTRAS = (
    "import sys\n"
    "for name in ('sklearn', 'pandas', 'pyarrow', 'dask'):\n"
    "    sys.modules[name] = None\n"
)


def _fresh(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _NO_EXTRAS + code],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=300,
    )


def test_help_and_introspection_work_without_extras() -> None:
    """help(rhetorika), inspect.getmembers and tab completion work with no extra installed."""
    result = _fresh(
        "import inspect, pydoc, rlcompleter\n"
        "import rhetorika\n"
        "text = pydoc.plain(pydoc.render_doc(rhetorika))\n"
        "members = dict(inspect.getmembers(rhetorika))\n"
        "completer = rlcompleter.Completer({'rhetorika': rhetorika})\n"
        "print('features_table' in text, 'RhetoricFeatures' in members,"
        " completer.complete('rhetorika.RhetoricF', 0))\n"
    )
    assert "" == result.stderr
    assert "True True rhetorika.RhetoricFeatures(" == result.stdout.strip()


def test_using_a_missing_extra_still_names_the_install_line() -> None:
    """Without scikit-learn, RhetoricFeatures() raises MissingExtraError with the pip line."""
    result = _fresh(
        "import rhetorika\n"
        "try:\n"
        "    rhetorika.RhetoricFeatures()\n"
        "except rhetorika.MissingExtraError as error:\n"
        "    print(type(error).__name__, error)\n"
    )
    assert "" == result.stderr
    assert "pip install 'rhetorika[sklearn]'" in result.stdout
    assert result.stdout.startswith("MissingExtraError")


def test_namespace_shows_only_what_is_offered() -> None:
    """dir(rhetorika) lists the public names and dunders, not the imports behind them."""
    public = {name for name in dir(rhetorika) if not name.startswith("_")}
    assert set(rhetorika.__all__) - {"__version__"} | {"RhetoricFeatures"} == public
    for helper in ("Any", "TYPE_CHECKING", "annotations", "version", "importlib"):
        assert helper not in dir(rhetorika)


def test_the_seed_article_ships_with_the_package() -> None:
    """examples.load() gives the seed article from package data, identical to seeds/."""
    assert SEED_PATH.read_text(encoding="utf-8") == examples.load()
    assert examples.SEED_ARTICLE in examples.available()
    assert examples.load() == examples.load(examples.SEED_ARTICLE)


@pytest.mark.parametrize("name", ["nope", "", 3, None])
def test_an_unknown_example_lists_the_available_ones(name: object) -> None:
    """A wrong example name is a ConfigurationError that lists the valid names."""
    with pytest.raises(rhetorika.ConfigurationError, match=examples.SEED_ARTICLE):
        examples.load(name)  # type: ignore[arg-type]


def test_report_repr_is_one_short_line() -> None:
    """repr(report) of the whole seed article is one line of counts, not its contents."""
    report = rhetorika.analyze(SEED)
    shown = repr(report)
    assert "\n" not in shown
    assert len(shown) < 200
    assert f"quotations={len(report.quotations or ())}" in shown
    assert f"loaded_terms={len(report.loaded_terms or ())}" in shown


def test_repr_leaves_out_extractors_that_did_not_run() -> None:
    """An extractor that was not run is absent from the repr, one that found nothing shows 0."""
    report = rhetorika.analyze("Plain words here.", extractors=["hedges"])
    assert "hedges=0" in repr(report)
    assert "quotations" not in repr(report)


def test_summary_shows_counts_and_first_findings() -> None:
    """summary() has one line per extractor run, with its count and first findings."""
    report = rhetorika.analyze(SEED)
    lines = report.summary(per_extractor=1).splitlines()
    hedges = report.hedges or ()
    hedge_line = next(line for line in lines if line.startswith("hedges:"))
    assert hedge_line.startswith(f"hedges: {len(hedges)}: {hedges[0].text!r}")
    assert f"{len(hedges) - 1} more" in hedge_line
    assert 2 + 4 == len(lines)  # size, reading ease, four span extractors


def test_records_are_one_row_per_finding_in_text_order() -> None:
    """to_records() has a row for every span finding, the same keys each, sorted by offset."""
    report = rhetorika.analyze(SEED)
    records = report.to_records()
    expected = sum(
        len(getattr(report, field) or ())
        for field in ("quotations", "hedges", "boosters", "loaded_terms")
    )
    assert expected == len(records)
    assert 1 == len({tuple(row) for row in records})
    for row in records:
        assert SEED[row["start"] : row["end"]] == row["text"]
    assert sorted(records, key=lambda r: (r["start"], r["end"], r["extractor"])) == records
    scare = [r for r in records if r["extractor"] == "quotations" and r["label"] == "scare"]
    assert len(report.scare_quotes or ()) == len(scare)


def test_frame_matches_records() -> None:
    """to_frame() is to_records() as a DataFrame with the documented columns."""
    pytest.importorskip("pandas")
    report = rhetorika.analyze(SEED)
    frame = report.to_frame()
    assert list(report.to_records()[0]) == list(frame.columns)
    assert len(report.to_records()) == len(frame)


@given(st.one_of(english_text, any_text))
def test_sentence_text_is_its_slice(text: str) -> None:
    """Every Sentence carries its own text, equal to the slice its offsets name."""
    for sentence in rhetorika.analyze(text, extractors=["hedges"]).sentences:
        assert text[sentence.start : sentence.end] == sentence.text


def test_text_report_counts_scare_quotes_under_quotations() -> None:
    """The CLI report states the scare-quote count in the quotations heading, nowhere else."""
    result = run_cli("analyze", str(SEED_PATH))
    assert 0 == result.returncode, result.stderr
    assert "of which" not in result.stdout
    assert "Quotations: 10 (10 scare)" in result.stdout


def test_output_files_respect_the_umask(tmp_path: Path) -> None:
    """-o writes a new file with the umask's mode (0644 under 022), not 0600."""
    out = tmp_path / "seed.html"
    result = run_cli("highlight", str(SEED_PATH), "-o", str(out), umask=0o022)
    assert 0 == result.returncode, result.stderr
    assert 0o644 == stat.S_IMODE(out.stat().st_mode)


def test_forced_output_keeps_the_replaced_files_mode(tmp_path: Path) -> None:
    """--force over an existing file keeps that file's permission bits."""
    out = tmp_path / "seed.html"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    result = run_cli("highlight", str(SEED_PATH), "-o", str(out), "--force", umask=0o077)
    assert 0 == result.returncode, result.stderr
    assert 0o640 == stat.S_IMODE(out.stat().st_mode)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_html_legend_explains_overlaps_and_tooltips_name_the_rule() -> None:
    """The page's legend says which colour shows where findings overlap; tooltips name the rule."""
    report = rhetorika.analyze(SEED)
    page = rhetorika.render(report)
    assert "innermost" in page.split('class="rk-legend"', 1)[1].split("</p>", 1)[0]
    ruled = next(h for h in report.hedges or () if h.rule)
    assert f"rule {ruled.rule}" in page


def _failing_python(argument: str, *, stdin: str | None = None) -> tuple[str, str]:
    """Run ``python argument``, which must fail: the last line of its stderr, and all of it."""
    result = subprocess.run(
        [sys.executable, argument],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert 0 != result.returncode
    return result.stderr.strip().splitlines()[-1], result.stderr


def test_a_script_without_main_guard_gets_a_one_line_hint(tmp_path: Path) -> None:
    """pipe(n_process=2) in an unguarded script ends with WorkerError naming the __main__ guard."""
    script = tmp_path / "unguarded.py"
    script.write_text(
        "import rhetorika\n"
        "texts = ['The plan may work.'] * 20\n"
        "analyzer = rhetorika.Analyzer(extractors=['readability'])\n"
        "print(len(list(analyzer.pipe(texts, n_process=2, batch_size=4))))\n",
        encoding="utf-8",
    )
    last, stderr = _failing_python(str(script))
    assert last.startswith("rhetorika.exceptions.WorkerError: a worker process ended abruptly")
    assert 'if __name__ == "__main__":' in last
    assert "bootstrapping phase" not in stderr


def test_a_script_piped_on_stdin_is_told_to_live_in_a_file() -> None:
    """pipe(n_process=2) in a script read from stdin fails up front: workers cannot import it."""
    script = (
        "import rhetorika\n"
        "if __name__ == '__main__':\n"
        "    analyzer = rhetorika.Analyzer(extractors=['readability'])\n"
        "    print(len(list(analyzer.pipe(['The plan may work.'] * 4, n_process=2))))\n"
    )
    last, stderr = _failing_python("-", stdin=script)
    assert last.startswith("rhetorika.exceptions.WorkerError: n_process > 1 starts workers")
    assert "read from '<stdin>', not from a file" in last
    assert "FileNotFoundError" not in stderr  # no worker started and died


def test_json_output_has_one_shape_through_the_real_command(tmp_path: Path) -> None:
    """`rhetorika analyze --format json` prints a list for one input as for two."""
    text = tmp_path / "a.txt"
    text.write_text("It may rain.", encoding="utf-8")
    one = run_cli("analyze", "--format", "json", str(text))
    two = run_cli("analyze", "--format", "json", str(text), str(text))
    assert (0, 0) == (one.returncode, two.returncode)
    assert [str(text)] == [item["source"] for item in json.loads(one.stdout)]
    assert 2 == len(json.loads(two.stdout))


def test_features_progress_shows_total_and_ends_on_a_summary(tmp_path: Path) -> None:
    """`rhetorika features --progress always` shows done/total and a closing summary line."""
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"text": "One two."}) + "\n" for _ in range(4)))
    result = run_cli("features", str(corpus), "-o", "-", "--progress", "always", cwd=tmp_path)
    assert 0 == result.returncode, result.stderr
    assert "/4 documents (" in result.stderr
    summary = result.stderr.splitlines()[-1]  # text mode reads the redraws' \r as line ends
    assert summary.startswith("\033[Krhetorika: 4 documents, 8 words in ")
