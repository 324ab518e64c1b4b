"""User lexicon files: the same tables as the built-in ones, as TSV, CSV or JSON.

A user lexicon is data only. It is parsed with `csv` or `json`,
never evaluated or unpickled, and nothing in it can make rhetorika open
another file. Every file names itself and its version, so every result
built from it carries an id such as ``"newsroom.v3"``.

TSV and CSV files start with the same header line as the built-in lexicons::

    # rhetorika-lexicon: newsroom  format=1  version=3  license=CC0-1.0

then a row of column names and one entry per row (``#`` lines are comments).
A JSON file is one object::

    {"rhetorika-lexicon": "newsroom", "format": 1, "version": 3,
     "license": "CC0-1.0", "entries": [{"entry": "...", ...}, ...]}

where a field may be a string, a number, or a list of strings (joined with
``;``). Every error is a [`LexiconFormatError`][rhetorika.LexiconFormatError] that names the
file, the line and what is wrong.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path

from rhetorika.data import LexiconHeader, Row, header_from_settings, read_rows, split_records
from rhetorika.exceptions import LexiconFormatError

__all__ = ["FORMATS", "MAX_FILE_BYTES", "read_user_file", "read_user_text"]

FORMATS: tuple[str, ...] = ("tsv", "csv", "json")
"""File formats a user lexicon may be written in, named by file extension."""

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Largest user lexicon file rhetorika will read."""

_MAX_FIELD = 1000
_ENTRIES_KEY = re.compile(r'"entries"\s*:\s*\[')


def read_user_file(
    path: str | os.PathLike[str],
    *,
    required: Sequence[str],
    optional: Sequence[str] = (),
    format: str | None = None,
) -> tuple[LexiconHeader, list[Row]]:
    """Read a user lexicon file's header and rows, checking the columns.

    Args:
        path: The file. Its extension (``.tsv``, ``.csv``, ``.json``) picks
            the format unless ``format`` is given.
        required: Columns every row must have, non-empty.
        optional: Further columns a row may have.
        format: ``"tsv"``, ``"csv"`` or ``"json"``, to override the extension.

    Raises:
        LexiconFormatError: The file cannot be read or is malformed; the
            message names the file and the line.

    Added in version 0.1.0.
    """
    name = os.fspath(path)
    chosen = format or Path(name).suffix.lower().lstrip(".")
    if chosen not in FORMATS:
        raise LexiconFormatError(
            f"cannot tell the format from the extension {Path(name).suffix!r}; "
            f"use one of {', '.join('.' + f for f in FORMATS)} or pass format=",
            path=name,
        )
    try:
        text = _read_bounded(name).decode("utf-8")
    except UnicodeDecodeError as error:
        raise LexiconFormatError(f"not UTF-8 text: {error}", path=name) from error
    except OSError as error:
        raise LexiconFormatError(f"cannot read the file: {error.strerror}", path=name) from error
    return read_user_text(text, path=name, format=chosen, required=required, optional=optional)


def _read_bounded(name: str) -> bytes:
    """Read at most `MAX_FILE_BYTES` of the regular file ``name``.

    A device (``/dev/zero``) or a FIFO has no size to check beforehand and
    may never end, or block forever: only regular files are read, opened
    without blocking, and the bytes actually read are counted.
    """
    if not stat.S_ISREG(os.stat(name).st_mode):
        raise LexiconFormatError("not a regular file (a device, FIFO or directory)", path=name)
    descriptor = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):  # replaced since the check
            raise LexiconFormatError("not a regular file (a device, FIFO or directory)", path=name)
        chunks, size = [], 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(descriptor, MAX_FILE_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > MAX_FILE_BYTES:
        raise LexiconFormatError(
            f"the file has more than the limit of {MAX_FILE_BYTES} bytes", path=name
        )
    return data


def read_user_text(
    text: str,
    *,
    path: str,
    format: str,
    required: Sequence[str],
    optional: Sequence[str] = (),
) -> tuple[LexiconHeader, list[Row]]:
    """Parse the contents of a user lexicon given as a string (see `read_user_file()`).

    Added in version 0.1.0.
    """
    text = text.removeprefix("\ufeff")
    if format == "tsv":
        return read_rows(split_records(text), path=path, required=required, optional=optional)
    if format == "csv":
        return _read_csv(text, path=path, required=required, optional=optional)
    if format == "json":
        return _read_json(text, path=path, required=required, optional=optional)
    raise LexiconFormatError(
        f"unknown format {format!r}; use one of {', '.join(FORMATS)}", path=path
    )


def _read_csv(
    text: str, *, path: str, required: Sequence[str], optional: Sequence[str]
) -> tuple[LexiconHeader, list[Row]]:
    """CSV rows become tab-separated lines at the same line numbers."""
    lines = split_records(text)
    if not lines:
        raise LexiconFormatError("the file is empty", path=path)
    out = [lines[0].strip().rstrip(",").strip('"')]
    reader = csv.reader(io.StringIO("\n".join(lines[1:])), strict=True)
    try:
        for record in reader:
            line = reader.line_num + 1
            if line != len(out) + 1:
                raise LexiconFormatError(
                    "a quoted field spans several lines", path=path, line=len(out) + 1
                )
            if any("\t" in field for field in record):
                raise LexiconFormatError("a field contains a tab character", path=path, line=line)
            comment = not record or record[0].lstrip().startswith("#")
            out.append("" if comment else "\t".join(record))
    except csv.Error as error:
        raise LexiconFormatError(
            f"malformed CSV: {error}", path=path, line=reader.line_num + 1
        ) from error
    return read_rows(out, path=path, required=required, optional=optional)


def _json_value(value: object, *, key: str, path: str, line: int) -> str:
    if isinstance(value, bool) or value is None:
        raise LexiconFormatError(
            f"field {key!r} must be a string, a number or a list of strings, got {value!r}",
            path=path,
            line=line,
        )
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return ";".join(item.strip() for item in value)
    raise LexiconFormatError(
        f"field {key!r} must be a string, a number or a list of strings", path=path, line=line
    )


def _header_value(value: object, *, key: str, path: str) -> str:
    """A header setting from JSON: a whole number or one word, never more settings."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**9:
        return str(value)
    if isinstance(value, str) and len(value.split()) == 1 and value.strip() == value:
        return value
    shown = repr(value[:60]) if isinstance(value, str) else type(value).__name__
    raise LexiconFormatError(
        f'"{key}" must be a whole number below 10**9 or one word, got {shown}', path=path, line=1
    )


def _entry_lines(text: str, count: int) -> list[int]:
    """Best-effort 1-based line of each object in the ``entries`` array."""
    found = _ENTRIES_KEY.search(text)
    lines = [1] * count
    if found is None:
        return lines
    decoder = json.JSONDecoder()
    index = found.end()
    # Count newlines only between one entry and the next: linear in the text.
    line, counted = 1 + text.count("\n", 0, index), index
    for position in range(count):
        while index < len(text) and text[index] in " \t\r\n,":
            index += 1
        line += text.count("\n", counted, index)
        counted = index
        lines[position] = line
        try:
            _, index = decoder.raw_decode(text, index)
        except json.JSONDecodeError:
            break
    return lines


def _read_json(
    text: str, *, path: str, required: Sequence[str], optional: Sequence[str]
) -> tuple[LexiconHeader, list[Row]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise LexiconFormatError(
            f"invalid JSON: {error.msg}", path=path, line=error.lineno
        ) from error
    except RecursionError:
        raise LexiconFormatError("invalid JSON: nested too deeply", path=path) from None
    except ValueError as error:  # e.g. an integer of more digits than int() takes
        raise LexiconFormatError(f"invalid JSON: {error}", path=path) from None
    if not isinstance(data, dict) or not isinstance(data.get("rhetorika-lexicon"), str):
        raise LexiconFormatError(
            'expected a JSON object with "rhetorika-lexicon": NAME, "format", "version", '
            '"license" and "entries"',
            path=path,
            line=1,
        )
    settings = {
        key: _header_value(data[key], key=key, path=path)
        for key in ("format", "version", "license")
        if key in data
    }
    header = header_from_settings(data["rhetorika-lexicon"], settings, path=path, line=1)
    entries = data.get("entries")
    if not isinstance(entries, list):
        raise LexiconFormatError('"entries" must be a list of objects', path=path, line=1)
    allowed = [*required, *optional]
    rows = []
    for line, item in zip(_entry_lines(text, len(entries)), entries, strict=True):
        if not isinstance(item, dict):
            raise LexiconFormatError("each entry must be a JSON object", path=path, line=line)
        unknown = [key for key in item if key not in allowed]
        if unknown:
            raise LexiconFormatError(
                f"unknown fields {unknown}; allowed: {', '.join(allowed)}", path=path, line=line
            )
        fields = dict.fromkeys(allowed, "")
        for key, value in item.items():
            fields[key] = _json_value(value, key=key, path=path, line=line)
            if len(fields[key]) > _MAX_FIELD:
                raise LexiconFormatError(
                    f"field {key!r} is longer than {_MAX_FIELD} characters", path=path, line=line
                )
        for key in required:
            if not fields[key]:
                raise LexiconFormatError(
                    f"field {key!r} is missing or empty", path=path, line=line
                )
        rows.append(Row(line=line, fields=fields))
    return header, rows
