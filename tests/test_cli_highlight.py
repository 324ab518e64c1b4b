"""Tests for ``rhetorika highlight``: the HTML page on the command line."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

import rhetorika
from rhetorika.cli import main

from .htmlparse import parse
from .strategies import SEED, SEED_PATH


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_writes_the_page(tmp_path: Path) -> None:
    """highlight PATH -o page.html writes render()'s page for that file, titled with its name."""
    target = tmp_path / "page.html"
    code, out, err = run("highlight", str(SEED_PATH), "-o", str(target))
    assert (0, "", "") == (code, out, err)
    page = target.read_text(encoding="utf-8")
    assert rhetorika.render(SEED, title=str(SEED_PATH)) == page
    assert SEED == parse(page).text


def test_prints_the_page_without_output() -> None:
    """Without -o the page goes to standard output."""
    code, out, _ = run("highlight", "--extractors", "readability", str(SEED_PATH))
    assert 0 == code
    assert out.startswith("<!DOCTYPE html>")
    assert SEED == parse(out).text


def test_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    """'-' reads the text from standard input and titles the page <stdin>."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Some text. More text.")))
    code, out, _ = run("highlight", "-")
    assert 0 == code
    assert "<title>&lt;stdin&gt;</title>" in out
    assert "Some text. More text." == parse(out).text


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    """An existing output file is kept (exit 1) unless --force; no temporary file is left."""
    target = tmp_path / "page.html"
    target.write_text("keep me", encoding="utf-8")
    code, _, err = run("highlight", str(SEED_PATH), "-o", str(target))
    assert 1 == code
    assert "already exists" in err
    assert "keep me" == target.read_text(encoding="utf-8")
    code, _, _ = run("highlight", str(SEED_PATH), "-o", str(target), "--force")
    assert 0 == code
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [target] == list(tmp_path.iterdir())


def test_unreadable_input_exits_1(tmp_path: Path) -> None:
    """A missing input is reported by name with exit code 1, and nothing is written."""
    target = tmp_path / "page.html"
    code, _, err = run("highlight", str(tmp_path / "missing.txt"), "-o", str(target))
    assert 1 == code
    assert "missing.txt: no such file" in err
    assert not target.exists()


def test_usage_errors_exit_2() -> None:
    """A missing PATH or an unknown extractor is a usage error, exit code 2."""
    assert 2 == run("highlight")[0]
    assert 2 == run("highlight", "--extractors", "nope", str(SEED_PATH))[0]
