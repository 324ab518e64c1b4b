"""Every data file rhetorika ships, and the one reader of them and of user lexicons.

Every file is a UTF-8 tab-separated table whose first line names it::

    # rhetorika-lexicon: hedges  format=1  version=1  license=MIT

then optional ``#`` comment lines (provenance), a row of column names, and
one entry per row. The shipped files (the hedge and loaded-term lexicons,
the syllable exceptions, the Dale-Chall list of familiar words, the affect
table) live in this package and are read with ``importlib.resources``; their
provenance is in ``NOTICE.md``. Three files are not tables: the learned
models' weights (``quotations.v1.json``, ``boosters_judge.v1.json``,
``loaded_judge.v1.json``), JSON read and checked by
``rhetorika.data._model_file`` for the extractors that use them. A malformed file raises
[`LexiconFormatError`][rhetorika.LexiconFormatError] naming the file and the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from importlib.resources import files

import attrs

from rhetorika.exceptions import ConfigurationError, LexiconFormatError

__all__ = [
    "HEADER_PREFIX",
    "LexiconHeader",
    "Row",
    "available_lexicons",
    "builtin_path",
    "header_from_settings",
    "parse_header",
    "read_builtin",
    "read_rows",
    "split_records",
]

HEADER_PREFIX = "# rhetorika-lexicon:"
SUPPORTED_FORMAT = 1
_MAX_FIELD = 1000
# A format or version is a short run of ASCII digits: not "²" (a digit to
# str.isdigit, not to int) and not 5,000 digits (beyond int's default limit).
_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")


@attrs.frozen(kw_only=True)
class LexiconHeader:
    """What a lexicon file's first line says about it.

    Args:
        name: The lexicon's name, e.g. ``"hedges"``.
        version: Its version; results carry ``f"{name}.v{version}"``.
        format: The file format version.
        license: The licence of the data.
        extra: Any further ``key=value`` pairs, in file order.

    Added in version 0.1.0.
    """

    name: str
    version: int
    format: int
    license: str
    extra: tuple[tuple[str, str], ...] = ()

    @property
    def id(self) -> str:
        """``name.vVERSION``, the id every result of this lexicon carries."""
        return f"{self.name}.v{self.version}"


@attrs.frozen(kw_only=True)
class Row:
    """One entry row: its 1-based line number and its fields by column name.

    Added in version 0.1.0.
    """

    line: int
    fields: dict[str, str] = attrs.field(hash=False)


def parse_header(line: str, *, path: str) -> LexiconHeader:
    """Parse a lexicon's first line.

    Raises:
        LexiconFormatError: The line is not a rhetorika lexicon header, or
            names an unsupported format.

    Added in version 0.1.0.
    """
    if not line.startswith(HEADER_PREFIX):
        raise LexiconFormatError(
            f"expected the header {HEADER_PREFIX!r} NAME format=1 version=N license=..., "
            f"got {line[:60]!r}",
            path=path,
            line=1,
        )
    words = line[len(HEADER_PREFIX) :].split()
    if not words or "=" in words[0]:
        raise LexiconFormatError("the header must name the lexicon", path=path, line=1)
    settings: dict[str, str] = {}
    for word in words[1:]:
        key, equals, value = word.partition("=")
        if not equals or not key:
            raise LexiconFormatError(
                f"expected key=value in the header, got {word!r}", path=path, line=1
            )
        settings[key] = value
    return header_from_settings(words[0], settings, path=path, line=1)


def header_from_settings(
    name: str, settings: dict[str, str], *, path: str, line: int
) -> LexiconHeader:
    """Check a lexicon's name and ``key=value`` settings and build its header.

    The one check behind every header, a TSV line's or a JSON object's: a
    name is one word without ``=``, and format and version are whole numbers.

    Raises:
        LexiconFormatError: A bad name, format or version, naming ``path`` and ``line``.

    Added in version 0.1.0.
    """
    if not name or "=" in name or len(name.split()) != 1:
        raise LexiconFormatError(
            f"the lexicon name must be one word without '=', got {name[:60]!r}",
            path=path,
            line=line,
        )
    for key in ("format", "version"):
        if key not in settings:
            raise LexiconFormatError(
                f"the header has no {key}; give it as {key}="
                f"{SUPPORTED_FORMAT if key == 'format' else '<whole number>, e.g. version=1'}",
                path=path,
                line=line,
            )
        if not _WHOLE_NUMBER.fullmatch(settings[key]):
            raise LexiconFormatError(
                f"the header needs {key}=<whole number> (at most 9 digits), "
                f"got {settings[key][:20]!r}",
                path=path,
                line=line,
            )
    if int(settings["format"]) != SUPPORTED_FORMAT:
        raise LexiconFormatError(
            f"format={settings['format']} is not supported; this rhetorika reads "
            f"format={SUPPORTED_FORMAT}",
            path=path,
            line=line,
        )
    known = {"format", "version", "license"}
    return LexiconHeader(
        name=name,
        version=int(settings["version"]),
        format=int(settings["format"]),
        license=settings.get("license", "unknown"),
        extra=tuple((k, v) for k, v in settings.items() if k not in known),
    )


def split_records(text: str) -> list[str]:
    """Split a file's text into lines at ``\\n`` (and ``\\r\\n``) only.

    ``str.splitlines`` also splits at U+2028, U+0085, ``\\v``, ``\\f`` and
    more, which may sit inside a note: errors would then name the wrong line.

    Added in version 0.1.0.
    """
    lines = text.split("\n")
    if lines[-1] == "":  # a final newline ends the last line; it starts none
        lines.pop()
    return [line.removesuffix("\r") for line in lines]


def read_rows(
    lines: Iterable[str],
    *,
    path: str,
    required: Sequence[str],
    optional: Sequence[str] = (),
) -> tuple[LexiconHeader, list[Row]]:
    """Read a lexicon's header and rows, checking the columns.

    Args:
        lines: The file's lines, header first.
        path: How to name the file in errors.
        required: Columns that must exist and be non-empty in every row.
        optional: Further columns that may exist; any other column is an error.

    Raises:
        LexiconFormatError: Bad header, unknown or missing column, wrong
            number of fields, an empty required field or an overlong field.

    Added in version 0.1.0.
    """
    numbered = enumerate(lines, start=1)
    first = next(numbered, None)
    if first is None:
        raise LexiconFormatError("the file is empty", path=path)
    header = parse_header(first[1].rstrip("\r\n"), path=path)
    columns: list[str] | None = None
    rows: list[Row] = []
    for number, raw in numbered:
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if columns is None:
            columns = _check_columns(fields, required, optional, path=path, line=number)
            continue
        if len(fields) != len(columns):
            raise LexiconFormatError(
                f"expected {len(columns)} tab-separated fields ({', '.join(columns)}), "
                f"got {len(fields)}",
                path=path,
                line=number,
            )
        row = dict(zip(columns, map(str.strip, fields), strict=True))
        for name in required:
            if not row[name]:
                raise LexiconFormatError(f"column {name!r} is empty", path=path, line=number)
        if len(line) > _MAX_FIELD:  # only then can a field be too long
            for name, value in row.items():
                if len(value) > _MAX_FIELD:
                    raise LexiconFormatError(
                        f"column {name!r} is longer than {_MAX_FIELD} characters",
                        path=path,
                        line=number,
                    )
        rows.append(Row(line=number, fields=row))
    if columns is None:
        raise LexiconFormatError("no column names after the header", path=path)
    return header, rows


def _check_columns(
    fields: list[str],
    required: Sequence[str],
    optional: Sequence[str],
    *,
    path: str,
    line: int,
) -> list[str]:
    columns = [field.strip() for field in fields]
    unknown = [c for c in columns if c not in required and c not in optional]
    missing = [c for c in required if c not in columns]
    if unknown or missing or len(set(columns)) != len(columns):
        allowed = ", ".join([*required, *optional])
        raise LexiconFormatError(
            f"bad column names {columns}: missing {missing}, unknown {unknown}; "
            f"allowed: {allowed}",
            path=path,
            line=line,
        )
    return columns


def read_builtin(
    resource: str, *, required: Sequence[str], optional: Sequence[str] = ()
) -> tuple[LexiconHeader, list[Row]]:
    """Read a data file shipped in this package, e.g. ``"hedges.v1.tsv"``.

    Raises:
        ConfigurationError: ``resource`` is not a plain file name (it holds a
            path separator or starts with a dot), so it cannot reach outside
            the package.

    Added in version 0.1.0.
    """
    if not resource or "/" in resource or "\\" in resource or resource.startswith("."):
        raise ConfigurationError(
            f"{resource!r} is not the file name of a built-in lexicon; "
            f"available: {', '.join(available_lexicons()) or '(none)'}"
        )
    text = files(__name__).joinpath(resource).read_text(encoding="utf-8")
    return read_rows(
        split_records(text),
        path=builtin_path(resource),
        required=required,
        optional=optional,
    )


def builtin_path(resource: str) -> str:
    """How errors name the shipped file ``resource``: ``rhetorika/data/<resource>``.

    Added in version 0.1.0.
    """
    return f"rhetorika/data/{resource}"


def available_lexicons() -> tuple[str, ...]:
    """Return the file names of the data files shipped with rhetorika.

    Added in version 0.1.0.
    """
    return tuple(
        sorted(
            entry.name
            for entry in files(__name__).iterdir()
            if entry.name.endswith(".tsv") and not entry.name.startswith("_")
        )
    )
