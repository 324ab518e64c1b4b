"""Tests for the lexicon file reader shared by every lexicon."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rhetorika import LexiconFormatError
from rhetorika.lexicons import parse_header, read_rows

HEADER = "# rhetorika-lexicon: demo  format=1  version=3  license=MIT"


def test_reads_rows_with_line_numbers() -> None:
    """Rows keep their 1-based line numbers; comments and blank lines are skipped."""
    lines = [HEADER, "# a comment", "entry\tcategory", "", "may\tplausibility"]
    header, rows = read_rows(lines, path="demo.tsv", required=["entry", "category"])
    assert header.id == "demo.v3"
    assert header.license == "MIT"
    assert [(5, {"entry": "may", "category": "plausibility"})] == [
        (row.line, row.fields) for row in rows
    ]


@pytest.mark.parametrize(
    ("lines", "line", "fragment"),
    [
        (["entry\tcategory"], 1, "expected the header"),
        ([HEADER.replace("format=1", "format=2")], 1, "not supported"),
        ([HEADER.replace("version=3", "version=x")], 1, "version=<whole number>"),
        ([HEADER, "entry\tcolour"], 2, "unknown ['colour']"),
        ([HEADER, "entry\tcategory", "may"], 3, "expected 2 tab-separated fields"),
        ([HEADER, "entry\tcategory", "may\t"], 3, "'category' is empty"),
    ],
)
def test_malformed_files_name_file_and_line(lines: list[str], line: int, fragment: str) -> None:
    """Each kind of malformation raises LexiconFormatError naming file and line."""
    with pytest.raises(LexiconFormatError) as info:
        read_rows(lines, path="bad.tsv", required=["entry", "category"])
    assert info.value.path == "bad.tsv"
    assert info.value.line == line
    assert f"bad.tsv, line {line}:" in str(info.value)
    assert fragment in str(info.value)


def test_empty_file_is_rejected() -> None:
    """An empty file is an error that names the file."""
    with pytest.raises(LexiconFormatError, match=r"empty\.tsv: the file is empty"):
        read_rows([], path="empty.tsv", required=["entry"])


def test_errors_are_value_errors() -> None:
    """LexiconFormatError is also a ValueError, for callers who catch builtins."""
    with pytest.raises(ValueError, match="expected the header"):
        parse_header("nonsense", path="x.tsv")


@given(st.lists(st.text(), max_size=8))
def test_reader_is_total(lines: list[str]) -> None:
    """Any list of lines either parses or raises LexiconFormatError, nothing else."""
    with contextlib.suppress(LexiconFormatError):
        read_rows(lines, path="fuzz.tsv", required=["entry"], optional=["category"])
