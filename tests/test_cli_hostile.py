"""The command line against bad records, signals and odd output paths, run as a user would.

Each test starts ``python -m rhetorika.cli`` in a subprocess (issue #20).
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .commandline import run_cli

ROOT = Path(__file__).resolve().parent.parent
SEED = "It may rain. Experts say the plan is clearly a disaster."


def _lines_written(table: Path) -> list[str]:
    return [row["line"] for row in csv.DictReader(io.StringIO(table.read_text("utf-8")))]


def _hostile_corpus(folder: Path) -> Path:
    corpus = folder / "c.jsonl"
    lines = [
        json.dumps({"text": SEED}),
        '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}",  # RecursionError in json
        json.dumps({"text": SEED}),
        '{"text": "x", "n": ' + "1" * 5000 + "}",  # ValueError: too many digits
        json.dumps({"text": SEED}),
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return corpus


def test_unreadable_records_are_reported_and_skipped(tmp_path: Path) -> None:
    """A 100k-deep JSON line and a 5,000-digit number are reported; the good rows are written."""
    corpus = _hostile_corpus(tmp_path)
    done = run_cli("features", str(corpus), "-o", "t.csv", cwd=tmp_path)
    assert 1 == done.returncode, done.stderr
    assert f"{corpus}, line 2: unreadable JSON: nested too deeply; skipped" in done.stderr
    assert f"{corpus}, line 4: unreadable JSON" in done.stderr
    assert "Traceback" not in done.stderr
    assert ["1", "3", "5"] == _lines_written(tmp_path / "t.csv")


def test_strict_stops_at_the_first_bad_record(tmp_path: Path) -> None:
    """--strict stops at line 2 and leaves no table and no temporary file."""
    corpus = _hostile_corpus(tmp_path)
    done = run_cli("features", str(corpus), "-o", "t.csv", "--strict", cwd=tmp_path)
    assert 1 == done.returncode
    assert f"{corpus}, line 2: unreadable JSON: nested too deeply; stopped (--strict)" in (
        done.stderr
    )
    assert [corpus] == list(tmp_path.iterdir())


def test_an_unterminated_csv_quote_is_reported(tmp_path: Path) -> None:
    """A quote never closed is reported at its line instead of swallowing the rest."""
    corpus = tmp_path / "c.csv"
    corpus.write_text(f'text\n"{SEED}"\n"never closed\n{SEED}\n{SEED}\n', encoding="utf-8")
    done = run_cli("features", str(corpus), "-o", "-", cwd=tmp_path)
    assert 1 == done.returncode
    assert f"{corpus}, line 3: malformed CSV: a quoted field opened here is never closed" in (
        done.stderr
    )
    assert ["2"] == [row["line"] for row in csv.DictReader(io.StringIO(done.stdout))]


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_terminated_run_leaves_no_temporary_file(tmp_path: Path, name: str) -> None:
    """SIGTERM (or SIGHUP) mid-run removes the temporary output, as Ctrl-C does."""
    if not hasattr(signal, name):
        pytest.skip(f"no {name} here")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text((json.dumps({"text": SEED * 20}) + "\n") * 200_000, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "rhetorika.cli", "features", str(corpus), "-o", "t.csv"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(1200):  # wait for the temporary file: the run is under way
            if list(tmp_path.glob(".t.csv.*.tmp")) or process.poll() is not None:
                break
            time.sleep(0.1)
        assert list(tmp_path.glob(".t.csv.*.tmp")), "the run never started writing"
        process.send_signal(getattr(signal, name))
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert 128 + getattr(signal, name) == process.returncode, err
    assert f"stopped by {name}" in err
    assert [corpus] == list(tmp_path.iterdir())


def test_a_dangling_symlink_output_is_never_replaced(tmp_path: Path) -> None:
    """-o naming a symbolic link, dangling or not, is refused, with --force too."""
    (tmp_path / "in.txt").write_text(SEED, encoding="utf-8")
    link = tmp_path / "t.csv"
    link.symlink_to(tmp_path / "missing.csv")
    for force in ([], ["--force"]):
        done = run_cli("features", "in.txt", "-o", "t.csv", *force, cwd=tmp_path)
        assert 1 == done.returncode
        assert "is a symbolic link" in done.stderr
        assert link.is_symlink()
        assert not (tmp_path / "missing.csv").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("command", ["analyze", "highlight", "features"])
def test_a_non_regular_output_is_never_replaced(tmp_path: Path, command: str) -> None:
    """-o naming a FIFO (or a device) with --force is refused; the node stays."""
    (tmp_path / "in.txt").write_text(SEED, encoding="utf-8")
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    done = run_cli(command, "in.txt", "-o", "out.csv", "--force", cwd=tmp_path)
    assert 1 == done.returncode
    assert "is not a regular file" in done.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize("command", ["analyze", "highlight", "features"])
def test_dash_is_standard_output_everywhere(tmp_path: Path, command: str) -> None:
    """-o - writes to standard output for every subcommand and creates no file named -."""
    (tmp_path / "in.txt").write_text(SEED, encoding="utf-8")
    done = run_cli(command, "in.txt", "-o", "-", cwd=tmp_path)
    assert 0 == done.returncode, done.stderr
    assert done.stdout
    assert not (tmp_path / "-").exists()
