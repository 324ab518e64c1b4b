"""Reading the command line's inputs: whole text files and streamed corpus files.

Inputs must be UTF-8: a bad byte is reported with its file and position;
``-`` means standard input. A corpus may be far larger than memory, so its
records are read one at a time: a JSONL line, a CSV row, or a whole
plain-text file as one document. The format comes from the file name
(``.jsonl``/``.ndjson``, ``.csv``, anything else is text) unless the caller
names it. A bad record (invalid
JSON, a missing or non-text field) is reported with its file and line and
skipped; the rest of the file is still read.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import IO

import attrs

from rhetorika.exceptions import InputError

__all__ = [
    "FORMATS",
    "STDIN",
    "Record",
    "check_readable",
    "count_records",
    "display_name",
    "expand_paths",
    "format_of",
    "read_records",
    "read_text",
]

FORMATS = ("auto", "jsonl", "csv", "text")
STDIN = "-"
"""The path that means standard input."""


def display_name(path: str) -> str:
    """How reports and messages name ``path``: ``<stdin>`` for ``-``."""
    return "<stdin>" if path == STDIN else path


def _checked_file(path: str) -> Path:
    source = Path(path)
    if source.is_dir():
        raise InputError(f"{path}: is a directory; pass the files inside it")
    return source


def read_text(source: str) -> str:
    """Read ``source`` (a path, or ``-`` for standard input) as UTF-8 text.

    Raises:
        InputError: The file is missing, a directory, unreadable, or not UTF-8.
    """
    if source == STDIN:
        data = sys.stdin.buffer.read()
    else:
        try:
            data = _checked_file(source).read_bytes()
        except FileNotFoundError:
            raise InputError(f"{source}: no such file") from None
        except OSError as error:
            raise InputError(f"{source}: cannot read: {error.strerror or error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        name = "standard input" if source == STDIN else source
        raise InputError(
            f"{name}: not valid UTF-8 at byte offset {error.start} "
            f"(byte 0x{data[error.start]:02x}); convert the file to UTF-8"
        ) from None


@attrs.frozen(kw_only=True)
class Record:
    """One document of a corpus, or the error that replaced it.

    Args:
        source: The file it came from (``<stdin>`` for ``-``).
        line: 1-based line of a JSONL record, or of the start of a CSV row;
            1 for a plain-text file.
        id: The ``--id-field`` value as text, or ``None`` when not asked for.
        text: The document, or ``None`` when ``error`` says why it is missing.
        error: What was wrong with this record, naming file and line.
    """

    source: str
    line: int
    id: str | None = None
    text: str | None = None
    error: str | None = None


def format_of(path: str, requested: str = "auto") -> str:
    """The format of ``path``: ``requested`` unless ``auto``, else from its suffix."""
    if requested != "auto":
        return requested
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    return "text"


def _open(path: str) -> IO[str]:
    if path == STDIN:
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="strict", newline="")
    source = _checked_file(path)
    try:
        return source.open(encoding="utf-8", errors="strict", newline="")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None


def _field(value: object, name: str, where: str, *, kind: str) -> tuple[str | None, str | None]:
    """Return (text, error) for a record's field value."""
    if value is None:
        return None, f"{where}: no {kind} field {name!r}"
    if kind == "id":
        return str(value), None
    if not isinstance(value, str):
        return None, f"{where}: field {name!r} is {type(value).__name__}, not text"
    return value, None


def _jsonl(handle: IO[str], name: str, text_field: str, id_field: str | None) -> Iterator[Record]:
    first = True
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        where = f"{name}, line {number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            yield Record(source=name, line=number, error=f"{where}: invalid JSON: {error.msg}")
            continue
        except (RecursionError, ValueError) as error:  # nested too deep; a huge integer
            problem = "nested too deeply" if isinstance(error, RecursionError) else error
            yield Record(source=name, line=number, error=f"{where}: unreadable JSON: {problem}")
            continue
        if not isinstance(data, dict):
            yield Record(
                source=name,
                line=number,
                error=f"{where}: expected a JSON object, got {type(data).__name__}",
            )
            continue
        if first:
            _check_keys(where, data, text_field, id_field)
            first = False
        yield _record(name, number, where, data.get(text_field), text_field, data, id_field)


def _check_keys(
    where: str, data: dict[str, object], text_field: str, id_field: str | None
) -> None:
    """The first record decides: a field it lacks is a wrong option, not a bad record.

    Without this, a mistyped ``--text-field`` would report every record of
    the corpus as bad, one identical error per line.
    """
    for field, option in ((text_field, "--text-field"), (id_field, "--id-field")):
        if field is not None and field not in data:
            raise InputError(
                f"{where}: the first record has no field {field!r}; its keys are "
                f"{sorted(data)}; name the right one with {option}"
            )


def _record(
    name: str,
    number: int,
    where: str,
    value: object,
    text_field: str,
    data: dict[str, object],
    id_field: str | None,
) -> Record:
    text, error = _field(value, text_field, where, kind="text")
    ident = None
    if id_field is not None and error is None:
        ident, error = _field(data.get(id_field), id_field, where, kind="id")
    if error is not None:
        return Record(source=name, line=number, error=error)
    return Record(source=name, line=number, id=ident, text=text)


def _csv(handle: IO[str], name: str, text_field: str, id_field: str | None) -> Iterator[Record]:
    csv.field_size_limit(2**31 - 1)  # news articles exceed the 128 KiB default
    reader = csv.DictReader(handle, strict=True)
    header = reader.fieldnames or []
    for field, option in ((text_field, "--text-field"), (id_field, "--id-field")):
        if field is not None and field not in header:
            raise InputError(
                f"{name}, line 1: no column {field!r}; the header has {list(header)}; "
                f"name the right one with {option}"
            )
    line = reader.line_num + 1
    while True:
        where = f"{name}, line {line}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:  # strict: a record the csv module would guess at
            yield Record(source=name, line=line, error=f"{where}: {_csv_problem(error)}")
            line = reader.line_num + 1
            continue
        data: dict[str, object] = dict(row)
        yield _record(name, line, where, row.get(text_field), text_field, data, id_field)
        line = reader.line_num + 1


def expand_paths(paths: list[str], pattern: str = "*") -> list[str]:
    """``paths`` with each folder replaced by its files, found recursively.

    A folder's files are those whose name matches ``pattern`` (a glob such
    as ``*.txt``), sorted, leaving out hidden files and folders (a name
    starting with ``.``). ``-`` (standard input) is kept as it is.

    Raises:
        InputError: A path does not exist, or a folder has no matching file.
    """
    out: list[str] = []
    for path in paths:
        if path == STDIN:
            out.append(path)
            continue
        source = Path(path)
        if not source.exists():
            raise InputError(f"{path}: no such file or folder")
        if not source.is_dir():
            out.append(path)
            continue
        found = sorted(
            str(file)
            for file in source.rglob(pattern)
            if file.is_file()
            and not any(part.startswith(".") for part in file.relative_to(source).parts)
        )
        if not found:
            raise InputError(f"{path}: no file in this folder matches {pattern!r}")
        out.extend(found)
    return out


def check_readable(path: str, *, fmt: str, text_field: str, id_field: str | None) -> None:
    """Read ``path``'s first record, so a wrong option fails before any output is made.

    Raises:
        InputError: The file cannot be opened, or its first record lacks the
            text or id field (the message lists the keys it has).
    """
    if path == STDIN:
        return  # reading it would consume it; its first record is checked as it streams
    kind = format_of(path, fmt)
    with _open(path) as handle:
        if kind == "jsonl":
            # Only the keys matter here: a bad byte or bad JSON is the
            # record's own fault, reported when the corpus is read.
            for number, line in enumerate(_peek_lines(handle), start=1):
                if line.strip():
                    try:
                        data = json.loads(line)
                    except (json.JSONDecodeError, RecursionError, ValueError):
                        return
                    if isinstance(data, dict):
                        _check_keys(f"{path}, line {number}", data, text_field, id_field)
                    return
        elif kind == "csv":
            header = next(csv.reader(_peek_lines(handle)), [])
            for field, option in ((text_field, "--text-field"), (id_field, "--id-field")):
                if field is not None and field not in header:
                    raise InputError(
                        f"{path}, line 1: no column {field!r}; the header has {header}; "
                        f"name the right one with {option}"
                    )


def _peek_lines(handle: IO[str]) -> Iterator[str]:
    """Lines of ``handle`` until the first one that is not UTF-8."""
    try:
        yield from handle
    except UnicodeDecodeError:
        return


def count_records(path: str, *, fmt: str) -> int | None:
    """How many records ``path`` holds, for a progress total, or ``None`` if unknown.

    Plain text is one record and a JSONL file one per non-blank line; a CSV
    file (whose rows may span lines) and standard input are not counted.
    """
    if path == STDIN:
        return None
    kind = format_of(path, fmt)
    if kind == "text":
        return 1
    if kind != "jsonl":
        return None
    try:
        with open(path, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return None


def _csv_problem(error: csv.Error) -> str:
    if "unexpected end of data" in str(error):
        return (
            "malformed CSV: a quoted field opened here is never closed, so it would "
            "swallow the rest of the file; close the quote or double the quote inside it"
        )
    return f"malformed CSV: {error}"


def read_records(
    path: str,
    *,
    fmt: str = "auto",
    text_field: str = "text",
    id_field: str | None = None,
) -> Generator[Record, None, None]:
    """Yield the records of one corpus file, lazily, in file order.

    Raises:
        InputError: The file cannot be opened, or is not UTF-8 (naming the
            line reached), after yielding the records before the bad byte.
    """
    name = display_name(path)
    kind = format_of(path, fmt)
    handle = _open(path)
    readers: dict[str, Callable[[IO[str], str, str, str | None], Iterator[Record]]] = {
        "jsonl": _jsonl,
        "csv": _csv,
    }
    try:
        with handle:
            if kind == "text":
                ident = name if id_field else None
                yield Record(source=name, line=1, id=ident, text=handle.read())
                return
            yield from readers[kind](handle, name, text_field, id_field)
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{error.object[error.start]:02x}); "
            "convert the file to UTF-8"
        ) from None
    except csv.Error as error:
        raise InputError(f"{name}: malformed CSV: {error}") from None
