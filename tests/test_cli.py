"""Tests for the rhetorika command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from rhetorika.cli import main

from .strategies import SEED_PATH


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_text_report_of_the_seed() -> None:
    """The default text report names the file and shows readability."""
    code, out, err = run("analyze", str(SEED_PATH))
    assert 0 == code
    assert "" == err
    assert out.startswith(str(SEED_PATH))
    assert "22 sentences" in out
    assert "Flesch reading ease" in out
    assert "\033[" not in out  # not a terminal: no colours


def test_color_always_highlights() -> None:
    """--color always adds ANSI colours and the text itself."""
    code, out, _ = run("analyze", "--color", "always", str(SEED_PATH))
    assert 0 == code
    assert "Putin Imitates Desire" in out.split("Text", 1)[1]


def test_json_round_trips(tmp_path: Path) -> None:
    """--format json prints a list of {source, report}, even for one input; reports round-trip."""
    import rhetorika

    code, out, _ = run("analyze", "--format", "json", str(SEED_PATH))
    assert 0 == code
    data = json.loads(out)
    assert [str(SEED_PATH)] == [item["source"] for item in data]
    report = rhetorika.from_json(json.dumps(data[0]["report"]))
    assert SEED_PATH.read_text(encoding="utf-8") == report.text


def test_json_has_one_shape_for_one_or_many_inputs(tmp_path: Path) -> None:
    """--format json is a list of the jsonl objects, whatever the number of inputs."""
    other = tmp_path / "other.txt"
    other.write_text("A second text.", encoding="utf-8")
    _, one, _ = run("analyze", "--format", "json", str(other))
    _, two, _ = run("analyze", "--format", "json", str(other), str(other))
    _, lines, _ = run("analyze", "--format", "jsonl", str(other), str(other))
    assert json.loads(one) * 2 == json.loads(two)
    assert [json.loads(line) for line in lines.splitlines()] == json.loads(two)


def test_jsonl_and_csv_have_one_record_per_input(tmp_path: Path) -> None:
    """jsonl gives a line per input, csv a header and a row per input."""
    other = tmp_path / "other.txt"
    other.write_text("A second text. It is short.", encoding="utf-8")
    code, out, _ = run("analyze", "--format", "jsonl", str(SEED_PATH), str(other))
    assert 0 == code
    sources = [json.loads(line)["source"] for line in out.splitlines()]
    assert [str(SEED_PATH), str(other)] == sources
    code, out, _ = run("analyze", "--format", "csv", str(SEED_PATH), str(other))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert 2 == len(rows)
    assert "2" == rows[1]["text_sentences"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
    ],
)
def test_unreadable_inputs_exit_1(tmp_path: Path, make: object, message: str) -> None:
    """A missing file or a directory is reported by name, exit code 1."""
    path = make(tmp_path)  # type: ignore[operator]
    code, _, err = run("analyze", str(path))
    assert 1 == code
    assert f"{path}: {message}" in err


def test_non_utf8_names_file_and_byte_offset(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 are reported with the file and the byte offset."""
    path = tmp_path / "latin1.txt"
    path.write_bytes("caf\u00e9 au lait".encode("latin-1"))
    code, _, err = run("analyze", str(path))
    assert 1 == code
    assert f"{path}: not valid UTF-8 at byte offset 3" in err


def test_other_inputs_still_analysed_after_an_error(tmp_path: Path) -> None:
    """One bad input does not stop the others; the exit code still says 1."""
    code, out, _ = run("analyze", "--format", "jsonl", str(tmp_path / "nope"), str(SEED_PATH))
    assert 1 == code
    assert 1 == len(out.splitlines())


def test_usage_errors_exit_2() -> None:
    """An unknown extractor or format is a usage error, exit code 2."""
    assert 2 == run("analyze", "--extractors", "nope", str(SEED_PATH))[0]
    assert 2 == run("analyze", "--format", "xml", str(SEED_PATH))[0]
    assert 2 == run()[0]


def test_output_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    """-o refuses an existing file unless --force, and leaves no temporary file."""
    target = tmp_path / "report.json"
    target.write_text("keep me", encoding="utf-8")
    code, _, err = run("analyze", "--format", "json", "-o", str(target), str(SEED_PATH))
    assert 1 == code
    assert "already exists" in err
    assert "keep me" == target.read_text(encoding="utf-8")
    code, _, _ = run("analyze", "--format", "json", "-o", str(target), "--force", str(SEED_PATH))
    assert 0 == code
    assert target.read_text(encoding="utf-8").startswith("[")
    assert [target] == list(tmp_path.iterdir())


def test_extractors_option_limits_the_report() -> None:
    """--extractors readability runs only readability."""
    code, out, _ = run(
        "analyze", "--format", "json", "--extractors", "readability", str(SEED_PATH)
    )
    assert 0 == code
    data = json.loads(out)[0]["report"]
    assert data["readability"] is not None
    assert data["hedges"] is None
