"""Hostile lexicon files: devices, FIFOs, odd line breaks, forged headers (issue #20)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rhetorika import LexiconFormatError
from rhetorika.lexicons.user import _entry_lines, read_user_file, read_user_text

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = ("entry", "category")
HEADER = "# rhetorika-lexicon: mine  format=1  version=1  license=MIT"

# Reads ``sys.argv[1]`` as a user lexicon with at most 512 MiB of address
# space; prints the error's class and message, or "read".
_READ_UNDER_LIMITS = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (512 * 2**20, 512 * 2**20))
from rhetorika.lexicons.user import read_user_file
try:
    read_user_file(sys.argv[1], required=("entry", "category"), optional=("note",))
except Exception as error:
    print(type(error).__name__, error)
else:
    print("read")
"""


def _read_in_subprocess(path: Path, *, timeout: float = 60) -> str:
    """Read ``path`` in a fresh interpreter under a memory limit; return what it printed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", _READ_UNDER_LIMITS, str(path)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )
    return done.stdout.strip()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_symlink_to_dev_zero_is_refused(tmp_path: Path) -> None:
    """A lexicon path linking to /dev/zero is refused, not read until memory runs out."""
    link = tmp_path / "zero.tsv"
    link.symlink_to("/dev/zero")
    out = _read_in_subprocess(link)
    assert out.startswith("LexiconFormatError"), out
    assert "not a regular file" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    """A FIFO as a lexicon is refused at once; nothing waits for a writer."""
    fifo = tmp_path / "pipe.tsv"
    os.mkfifo(fifo)
    out = _read_in_subprocess(fifo, timeout=30)
    assert out.startswith("LexiconFormatError"), out
    assert "not a regular file" in out


def test_a_file_over_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The size limit counts the bytes actually read."""
    monkeypatch.setattr("rhetorika.lexicons.user.MAX_FILE_BYTES", 100)
    path = tmp_path / "big.tsv"
    path.write_text(HEADER + "\nentry\tcategory\n" + "word\tpejorative\n" * 10, encoding="utf-8")
    with pytest.raises(LexiconFormatError, match="more than the limit of 100 bytes"):
        read_user_file(path, required=COLUMNS)


class _CountingText(str):
    """A str that adds up how many characters its ``count`` calls scan."""

    scanned = 0

    def count(self, sub: str, start: int | None = 0, end: int | None = None) -> int:  # type: ignore[override]
        begin = start or 0
        stop = len(self) if end is None else end
        _CountingText.scanned += max(stop - begin, 0)
        return str.count(self, sub, begin, stop)


@pytest.mark.parametrize("entries", [1_000, 10_000])
def test_json_line_numbers_scan_the_text_once(entries: int) -> None:
    """Finding each JSON entry's line scans the text about once, not once per entry.

    The line numbers were found by counting newlines from the start of the
    file for each entry: quadratic work inside single C calls (40,000
    entries took 15 s). The work is counted as the characters ``str.count``
    scans, so no clock is read.
    """
    data = {
        "rhetorika-lexicon": "big",
        "format": 1,
        "version": 1,
        "entries": [{"entry": f"term{i} word", "category": "pejorative"} for i in range(entries)],
    }
    text = _CountingText(json.dumps(data, indent=1))
    _CountingText.scanned = 0
    lines = _entry_lines(text, entries)
    lines_per_entry = 4  # json.dumps(indent=1) writes "{", two fields and "}" per entry
    assert [6 + lines_per_entry * i for i in range(entries)] == lines  # the first is on line 6
    assert _CountingText.scanned <= len(text)


@pytest.mark.parametrize("version", ["\u00b2", "1" * 5000, "\u0661", "-1", "1.0"])
def test_bad_versions_are_format_errors_with_a_line(version: str) -> None:
    """A version that is not a few ASCII digits is a LexiconFormatError on line 1."""
    text = f"# rhetorika-lexicon: mine  format=1  version={version}\nentry\tcategory\n"
    with pytest.raises(LexiconFormatError) as info:
        read_user_text(text, path="mine.tsv", format="tsv", required=COLUMNS)
    assert 1 == info.value.line


@pytest.mark.parametrize("fmt", ["tsv", "csv"])
@pytest.mark.parametrize("breaker", ["\u2028", "\u0085", "\v", "\f", "\x1c", "\r"])
def test_only_newlines_end_a_record(fmt: str, breaker: str) -> None:
    """A note holding U+2028, U+0085, \\v, \\f or a lone \\r stays on its line."""
    if fmt == "csv" and breaker == "\r":
        pytest.skip("the csv module refuses a bare \\r in an unquoted field")
    sep = "\t" if fmt == "tsv" else ","
    text = (
        f"{HEADER}\nentry{sep}category{sep}note\n"
        f"good{sep}pejorative{sep}one{breaker}two\n"
        f"bad{sep}pejorative{sep}\n"
    )
    _, rows = read_user_text(
        text, path=f"mine.{fmt}", format=fmt, required=COLUMNS, optional=["note"]
    )
    assert [(3, f"one{breaker}two"), (4, "")] == [(row.line, row.fields["note"]) for row in rows]


def test_crlf_files_read_like_lf_files() -> None:
    """\\r\\n line ends give the same rows as \\n."""
    lf = f"{HEADER}\nentry\tcategory\ngood\tpejorative\nbad\tpejorative\n"
    crlf = lf.replace("\n", "\r\n")
    read = [
        read_user_text(text, path="x.tsv", format="tsv", required=COLUMNS)[1]
        for text in (lf, crlf)
    ]
    assert read[0] == read[1]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("rhetorika-lexicon", "t format=1 version=7"),
        ("rhetorika-lexicon", "t\tversion=7"),
        ("rhetorika-lexicon", ""),
        ("license", "MIT version=7"),
        ("version", "7 format=2"),
        ("version", 10**30),
        ("version", True),
    ],
)
def test_json_header_fields_cannot_inject_settings(field: str, value: object) -> None:
    """A JSON lexicon's name or settings cannot smuggle in other header settings."""
    data: dict[str, object] = {"rhetorika-lexicon": "t", "format": 1, "version": 1, "entries": []}
    data[field] = value
    with pytest.raises(LexiconFormatError) as info:
        read_user_text(json.dumps(data), path="t.json", format="json", required=COLUMNS)
    assert 1 == info.value.line


def test_json_with_a_huge_integer_is_a_format_error() -> None:
    """An integer of 5,000 digits in a JSON lexicon is a LexiconFormatError, not ValueError."""
    text = '{"rhetorika-lexicon": "t", "format": 1, "version": ' + "1" * 5000 + ', "entries": []}'
    with pytest.raises(LexiconFormatError):
        read_user_text(text, path="t.json", format="json", required=COLUMNS)
