"""Tests for ``rhetorika features``: corpus files in, a CSV or Parquet table out."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rhetorika
from rhetorika.cli import _features as _cli_features
from rhetorika.cli import main

from .commandline import run_cli
from .failing import FailOn
from .strategies import SEED, SEED_PATH, english_text


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _expected(text: str) -> list[str]:
    """A feature row as the csv module writes it: None as an empty field."""
    row = rhetorika.to_features(rhetorika.analyze(text))
    return ["" if v is None else str(v) for v in row.values()]


def _read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as table:
        return list(csv.reader(table))


TEXTS = ["It may rain.", "", SEED[:700], "Clearly so.\nA second line."]


def test_jsonl_to_csv_one_row_per_record_in_order(tmp_path: Path) -> None:
    """Each JSONL record becomes one CSV row: source, line, id, then to_features."""
    corpus = _jsonl(tmp_path / "c.jsonl", [{"body": t, "id": i} for i, t in enumerate(TEXTS)])
    out = tmp_path / "t.csv"
    code, _, err = run(
        "features", str(corpus), "--text-field", "body", "--id-field", "id", "-o", str(out)
    )
    assert (0, "") == (code, err)
    rows = _read_csv(out)
    columns = list(rhetorika.to_features(rhetorika.analyze("")))
    assert ["source", "line", "id", *columns] == rows[0]
    expected = [[str(corpus), str(n + 1), str(n), *_expected(t)] for n, t in enumerate(TEXTS)]
    assert expected == rows[1:]


def test_csv_and_text_inputs(tmp_path: Path) -> None:
    """CSV rows (multi-line cells too) and whole text files are read as documents."""
    table = tmp_path / "c.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["text", "n"], [TEXTS[3], 1], [TEXTS[0], 2]])
    code, out, _ = run("features", str(table), str(SEED_PATH), "-o", "-")
    assert 0 == code
    rows = list(csv.reader(io.StringIO(out)))
    assert [str(table), "2", *_expected(TEXTS[3])] == rows[1]
    assert [str(table), "4", *_expected(TEXTS[0])] == rows[2]
    assert [str(SEED_PATH), "1", *_expected(SEED)] == rows[3]


def test_parquet_is_written_in_row_groups(tmp_path: Path) -> None:
    """Parquet output has typed columns, nulls for undefined, row groups of the asked size."""
    corpus = _jsonl(tmp_path / "c.jsonl", [{"text": t} for t in TEXTS * 5])
    out = tmp_path / "t.parquet"
    code, _, _ = run("features", str(corpus), "-o", str(out), "--row-group-size", "6")
    assert 0 == code
    parquet = pq.ParquetFile(out)
    assert 20 == parquet.metadata.num_rows
    assert 4 == parquet.num_row_groups
    table = parquet.read()
    assert "int64" == str(table.schema.field("text_words").type)
    assert [rhetorika.to_features(rhetorika.analyze(t)) for t in TEXTS * 5] == table.drop(
        ["source", "line"]
    ).to_pylist()


def test_jobs_two_gives_the_same_table(tmp_path: Path) -> None:
    """--jobs 2 writes exactly the table one process writes."""
    corpus = _jsonl(tmp_path / "c.jsonl", [{"text": SEED[: 53 * i]} for i in range(30)])
    one, two = tmp_path / "1.csv", tmp_path / "2.csv"
    assert 0 == run("features", str(corpus), "-o", str(one))[0]
    assert 0 == run("features", str(corpus), "-o", str(two), "--jobs", "2", "--batch-size", "4")[0]
    assert one.read_text() == two.read_text()


def test_bad_records_are_reported_and_skipped(tmp_path: Path) -> None:
    """Invalid JSON or a missing field names file and line, exits 1, keeps the other rows."""
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        '{"text": "Good one."}\nnot json\n{"body": "x"}\n{"text": 3}\n[1]\n\n{"text": "Last."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "t.csv"
    code, _, err = run("features", str(corpus), "-o", str(out))
    assert 1 == code
    assert f"{corpus}, line 2: invalid JSON" in err
    assert f"{corpus}, line 3: no text field 'text'" in err
    assert f"{corpus}, line 4: field 'text' is int, not text" in err
    assert f"{corpus}, line 5: expected a JSON object, got list" in err
    assert [["1"], ["7"]] == [row[1:2] for row in _read_csv(out)[1:]]


def test_missing_csv_column_lists_the_header(tmp_path: Path) -> None:
    """A CSV without the text column is reported once, with the columns it has."""
    table = tmp_path / "c.csv"
    table.write_text("body,id\nhello,1\n", encoding="utf-8")
    code, _, err = run("features", str(table), "-o", "-")
    assert 1 == code
    assert "no column 'text'; the header has ['body', 'id']" in err


def test_unreadable_input_exits_1_others_still_analysed(tmp_path: Path) -> None:
    """A non-UTF-8 file is reported; the other inputs still give rows."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9")
    code, out, err = run("features", str(bad), str(SEED_PATH), "-o", "-")
    assert 1 == code
    assert "bad.txt: not valid UTF-8" in err
    assert 2 == len(out.splitlines())


def test_a_missing_input_stops_before_any_output(tmp_path: Path) -> None:
    """A path that does not exist is reported and no output file is created."""
    out = tmp_path / "t.csv"
    code, _, err = run("features", str(tmp_path / "nope.txt"), str(SEED_PATH), "-o", str(out))
    assert 1 == code
    assert "nope.txt: no such file or folder" in err
    assert [] == [path.name for path in tmp_path.iterdir()]


def test_output_is_atomic_and_needs_force(tmp_path: Path) -> None:
    """An existing output is kept without --force, replaced with it; no temp file is left."""
    out = tmp_path / "t.csv"
    out.write_text("precious", encoding="utf-8")
    code, _, err = run("features", str(SEED_PATH), "-o", str(out))
    assert 1 == code
    assert "--force" in err
    assert "precious" == out.read_text(encoding="utf-8")
    assert 0 == run("features", str(SEED_PATH), "-o", str(out), "--force")[0]
    assert out.read_text(encoding="utf-8").startswith("source,line,")
    assert [out] == list(tmp_path.iterdir())


def _fail_on_boom(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the features command's Analyzer fail on any text holding BOOM."""
    real = _cli_features.Analyzer
    monkeypatch.setattr(
        _cli_features,
        "Analyzer",
        lambda extractors=None: real(extractors=["readability", FailOn()]),
    )


def test_failure_during_analysis_names_the_record_and_skips_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An extractor failing on one record names its line; the others' rows are written."""
    _fail_on_boom(monkeypatch)
    records = [{"text": "fine"}] * 2 + [{"text": "BOOM"}] + [{"text": "fine"}] * 2
    corpus = _jsonl(tmp_path / "c.jsonl", records)
    out = tmp_path / "t.csv"
    code, _, err = run("features", str(corpus), "-o", str(out))
    assert 1 == code
    assert f"{corpus}, line 3: analysis failed" in err
    assert "skipped" in err
    lines = [row["line"] for row in csv.DictReader(io.StringIO(out.read_text("utf-8")))]
    assert ["1", "2", "4", "5"] == lines


def test_strict_failure_during_analysis_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With --strict the failing record stops the run and no table appears."""
    _fail_on_boom(monkeypatch)
    corpus = _jsonl(tmp_path / "c.jsonl", [{"text": "fine"}] * 4 + [{"text": "BOOM"}])
    out = tmp_path / "t.csv"
    code, _, err = run("features", str(corpus), "-o", str(out), "--strict")
    assert 1 == code
    assert f"{corpus}, line 5: analysis failed" in err
    assert [] == list(tmp_path.glob("t.csv*")) + list(tmp_path.glob(".t.csv*"))


@pytest.mark.parametrize(
    "argv",
    [
        ["features", "x.txt", "-o", "t.xlsx"],
        ["features", "x.txt"],
        ["features", "x.txt", "-o", "t.csv", "--jobs", "0"],
        ["features", "x.txt", "-o", "t.csv", "--extractors", "nope"],
        ["features", "-", "-", "-o", "t.csv"],
    ],
    ids=["bad-suffix", "no-output", "zero-jobs", "unknown-extractor", "stdin-twice"],
)
def test_usage_errors_exit_2(argv: list[str], tmp_path: Path) -> None:
    """A bad output name, option or extractor exits 2 and writes nothing."""
    assert 2 == run(*argv)[0]
    assert not Path("t.csv").exists()


def test_progress_is_shown_on_a_terminal_only(tmp_path: Path) -> None:
    """--progress always draws counts with the total, clears the line and ends on a summary."""
    corpus = _jsonl(tmp_path / "c.jsonl", [{"text": "One two."}] * 3)
    code, _, err = run("features", str(corpus), "-o", "-", "--progress", "always")
    assert 0 == code
    drawn, summary = err.rsplit("\r\033[K", 1)
    assert "1/3 documents (33%)" in drawn
    assert summary.startswith("rhetorika: 3 documents, 6 words in ")
    assert summary.endswith("; 0 errors; table written to standard output\n")
    assert "" == run("features", str(corpus), "-o", "-", "--progress", "never")[2]


def test_extractors_option_limits_the_columns(tmp_path: Path) -> None:
    """--extractors readability gives the always-present and readability columns."""
    code, out, _ = run("features", str(SEED_PATH), "-o", "-", "--extractors", "readability")
    assert 0 == code
    header = out.splitlines()[0].split(",")
    assert [
        "source",
        "line",
        *rhetorika.features([], extractors=["readability"]).columns,
    ] == header


@given(st.lists(english_text, max_size=5))
@settings(max_examples=20, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_csv_round_trips_to_features(tmp_path: Path, texts: list[str]) -> None:
    """Read back, each CSV row equals to_features of its text (floats exactly, None as empty)."""
    corpus = _jsonl(tmp_path / "h.jsonl", [{"text": t} for t in texts])
    code, out, _ = run("features", str(corpus), "-o", "-")
    assert 0 == code
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(texts) == len(rows)
    for text, row in zip(texts, rows, strict=True):
        for name, value in rhetorika.to_features(rhetorika.analyze(text)).items():
            if value is None:
                assert "" == row[name]
            else:
                assert math.isclose(value, float(row[name]), rel_tol=0, abs_tol=0)


def test_failure_in_a_worker_names_the_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With --jobs 2 the failing record is found from WorkerError.index, not its message."""
    _fail_on_boom(monkeypatch)
    # The failing record is in the first batch, with later batches already in flight.
    records = [{"text": "fine"}, {"text": "BOOM"}] + [{"text": "fine"}] * 8
    corpus = _jsonl(tmp_path / "c.jsonl", records)
    out = tmp_path / "t.csv"
    code, _, err = run("features", str(corpus), "-o", str(out), "--jobs", "2", "--batch-size", "2")
    assert 1 == code
    assert f"{corpus}, line 2: analysis failed: WorkerError" in err
    lines = [row["line"] for row in csv.DictReader(io.StringIO(out.read_text("utf-8")))]
    assert ["1", *map(str, range(3, 11))] == lines


def test_a_folder_is_read_recursively_with_a_glob(tmp_path: Path) -> None:
    """A folder stands for its files, recursively and sorted; --glob picks; hidden ones are out."""
    corpus = tmp_path / "corpus"
    (corpus / "b").mkdir(parents=True)
    (corpus / ".cache").mkdir()
    (corpus / "a.txt").write_text("It may rain.", encoding="utf-8")
    (corpus / "b" / "c.txt").write_text("Clearly so.", encoding="utf-8")
    (corpus / "b" / "notes.md").write_text("Not this one.", encoding="utf-8")
    (corpus / ".cache" / "d.txt").write_text("Hidden.", encoding="utf-8")
    result = run_cli("features", "corpus", "--glob", "*.txt", "-o", "out.csv", cwd=tmp_path)
    assert 0 == result.returncode, result.stderr
    rows = _read_csv(tmp_path / "out.csv")
    assert [str(Path("corpus/a.txt")), str(Path("corpus/b/c.txt"))] == [r[0] for r in rows[1:]]


def test_a_folder_without_matching_files_leaves_nothing(tmp_path: Path) -> None:
    """A folder with no file matching --glob is an error, and no output file is created."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.md").write_text("Text.", encoding="utf-8")
    result = run_cli("features", "corpus", "--glob", "*.txt", "-o", "out.csv", cwd=tmp_path)
    assert 1 == result.returncode
    assert "corpus: no file in this folder matches '*.txt'" in result.stderr
    assert ["corpus"] == [path.name for path in tmp_path.iterdir()]


def test_a_wrong_text_field_fails_once_listing_the_keys(tmp_path: Path) -> None:
    """A --text-field the first record lacks is one error naming its keys; no output is made."""
    _jsonl(tmp_path / "c.jsonl", [{"body": "x", "id": n} for n in range(2000)])
    result = run_cli("features", "c.jsonl", "--text-field", "text", "-o", "out.csv", cwd=tmp_path)
    assert 1 == result.returncode
    assert 1 == len(result.stderr.splitlines())
    assert "no field 'text'; its keys are ['body', 'id']; name the right one" in result.stderr
    assert ["c.jsonl"] == [path.name for path in tmp_path.iterdir()]


def test_a_wrong_text_field_on_stdin_stops_at_the_first_record(tmp_path: Path) -> None:
    """On standard input, where nothing can be read ahead, the first record still stops it."""
    lines = "".join(json.dumps({"body": "x"}) + "\n" for _ in range(500))
    result = run_cli("features", "-", "--input-format", "jsonl", "-o", "-", stdin=lines)
    assert 1 == result.returncode
    assert 1 == len(result.stderr.splitlines())
    assert "<stdin>, line 1: the first record has no field 'text'" in result.stderr
