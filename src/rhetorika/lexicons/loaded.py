"""The loaded-terms lexicon: entries, their validation, normalisation and inflection.

A loaded-terms lexicon is a table with these columns (only ``entry`` and
``category`` are required):

``entry``
    The word or phrase, written plainly: letters and digits separated by
    spaces, hyphens or apostrophes; no patterns. Matching ignores case, treats
    a hyphen and a space alike ("record-breaking" matches "record breaking")
    and accepts curly apostrophes and Unicode hyphens.
``category``
    One of [`LoadedCategory`][rhetorika.LoadedCategory]'s values, or ``off`` to switch
    off a built-in entry of the same name (with ``mode="override"``).
``intensity``
    Strength in [0, 1]; default 0.5.
``inflect``
    Which regular forms to generate: ``n`` (noun plural: thug, thugs),
    ``v`` (verb: admit, admits, admitted, admitting), ``a`` (adjective plus
    its ``-ly`` adverb: brutal, brutally), or ``-`` (only the entry itself).
``alternatives``
    Neutral wordings, separated by ``;``.
``veto_prev`` / ``veto_next``
    Words, separated by ``;``, that cancel a match when they come right
    before / right after it ("exercise" before "regime").
``rule``
    A context rule: ``human_target`` (only when people are nearby: "a horde
    of migrants", not "a horde of locusts") or ``reporting`` (a reporting
    verb: "he admitted", not "was admitted to hospital").
``pos``
    Universal POS tags, separated by spaces or ``;``, the term's first token
    must carry when the pipeline assigns tags; ignored on the blank pipeline.
``note``
    Provenance: where the entry comes from.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Literal

import attrs

from rhetorika._text import fold
from rhetorika.data import LexiconHeader, Row, builtin_path, read_builtin
from rhetorika.exceptions import ArgumentTypeError, LexiconFormatError
from rhetorika.lexicons.user import read_user_file
from rhetorika.results import LoadedCategory

__all__ = [
    "BUILTIN",
    "COLUMNS",
    "RULES",
    "LoadedEntry",
    "LoadedLexicon",
    "builtin_lexicon",
    "lexicon_from_rows",
    "load_lexicon",
    "normalise",
    "pieces",
    "surface_forms",
]

BUILTIN = "loaded.v1.tsv"
"""File name of the shipped lexicon."""

REQUIRED = ("entry", "category")
OPTIONAL = (
    "intensity",
    "inflect",
    "alternatives",
    "veto_prev",
    "veto_next",
    "rule",
    "pos",
    "note",
)
COLUMNS: tuple[str, ...] = REQUIRED + OPTIONAL
"""Every column a loaded-terms lexicon may have, required ones first."""

RULES: tuple[str, ...] = ("human_target", "reporting")
"""Names of the context rules an entry may ask for."""

OFF = "off"
DEFAULT_INTENSITY = 0.5
MAX_PIECES = 8
_INFLECTIONS = ("n", "v", "a", "-")
_UPOS = frozenset(
    "ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split()
)
_ENTRY_CHARS = re.compile(r"[^\W_]+(?:[ \-']+[^\W_]+)*")
_PIECE = re.compile(r"[^\W_]+")
_SPLIT = re.compile(r"[;\s]+")
_VOWELS = frozenset("aeiou")

Inflect = Literal["n", "v", "a", "-"]


def normalise(text: str) -> str:
    """Fold ``text`` for matching, keeping its length: `rhetorika._text.fold()`.

    Lower case, apostrophe and hyphen variants straightened, whitespace other
    than line breaks as spaces; offsets into the result are offsets into ``text``.

    Added in version 0.1.0.
    """
    return fold(text)


def pieces(text: str) -> tuple[str, ...]:
    """The words of ``text`` as the matcher compares them: normalised, no punctuation.

    Added in version 0.1.0.
    """
    return tuple(_PIECE.findall(normalise(text)))


@attrs.frozen(kw_only=True)
class LoadedEntry:
    """One entry of a loaded-terms lexicon.

    Attributes:
        entry: The entry as written in the file; also its id in results.
        category: How the term frames.
        intensity: Strength in [0, 1] before context adjustments.
        inflect: Which regular forms are generated (see the module docs).
        alternatives: Neutral wordings.
        veto_prev: Words that cancel a match right before it.
        veto_next: Words that cancel a match right after it.
        rule: Context rule name, or ``None``.
        pos: Universal POS tags the first token must carry on a tagged ``Doc``.
        note: Provenance.
        lexicon: Id of the lexicon the entry comes from, e.g. ``"loaded.v1"``.
        line: Line of the entry in its file.

    Added in version 0.1.0.
    """

    entry: str
    category: LoadedCategory | None
    intensity: float = DEFAULT_INTENSITY
    inflect: Inflect = "-"
    alternatives: tuple[str, ...] = ()
    veto_prev: tuple[str, ...] = ()
    veto_next: tuple[str, ...] = ()
    rule: str | None = None
    pos: tuple[str, ...] = ()
    note: str = ""
    lexicon: str
    line: int = 0

    @property
    def key(self) -> tuple[str, ...]:
        """The normalised words that identify the entry across lexicons."""
        return pieces(self.entry)


@attrs.frozen(kw_only=True)
class LoadedLexicon:
    """A parsed loaded-terms lexicon.

    Attributes:
        header: What the file's first line says (name, version, licence).
        path: Where it was read from, as named in errors.
        entries: Its entries in file order; category ``None`` means ``off``.

    Added in version 0.1.0.
    """

    header: LexiconHeader
    path: str
    entries: tuple[LoadedEntry, ...]

    @property
    def id(self) -> str:
        """``name.vVERSION``, carried by every result from this lexicon."""
        return self.header.id


def _words(value: str) -> tuple[str, ...]:
    return tuple(normalise(word) for word in _SPLIT.split(value) if word)


def _entry_from_row(row: Row, *, lexicon: str, path: str) -> LoadedEntry:
    fields = row.fields
    line = row.line

    def bad(message: str) -> LexiconFormatError:
        return LexiconFormatError(message, path=path, line=line)

    text = " ".join(fields["entry"].split())
    if not _ENTRY_CHARS.fullmatch(normalise(text)):
        raise bad(
            f"entry {text!r} must be plain words (letters and digits separated by spaces, "
            "hyphens or apostrophes), not a pattern"
        )
    if len(pieces(text)) > MAX_PIECES:
        raise bad(f"entry {text!r} has more than {MAX_PIECES} words")
    raw_category = fields["category"].strip().lower()
    valid = [c.value for c in LoadedCategory]
    if raw_category != OFF and raw_category not in valid:
        raise bad(f"unknown category {raw_category!r}; valid: {', '.join([*valid, OFF])}")
    category = None if raw_category == OFF else LoadedCategory(raw_category)
    raw_intensity = fields.get("intensity", "") or str(DEFAULT_INTENSITY)
    try:
        intensity = float(raw_intensity)
    except ValueError:
        raise bad(f"intensity {raw_intensity!r} is not a number") from None
    if not 0.0 <= intensity <= 1.0:
        raise bad(f"intensity {raw_intensity} is outside [0, 1]")
    inflect = fields.get("inflect", "") or "-"
    if inflect not in _INFLECTIONS:
        raise bad(f"unknown inflect {inflect!r}; valid: {', '.join(_INFLECTIONS)}")
    rule = fields.get("rule", "") or None
    if rule is not None and rule not in RULES:
        raise bad(f"unknown rule {rule!r}; valid: {', '.join(RULES)}")
    pos = tuple(tag.upper() for tag in _SPLIT.split(fields.get("pos", "")) if tag)
    wrong = [tag for tag in pos if tag not in _UPOS]
    if wrong:
        raise bad(f"unknown POS tags {wrong}; valid: {', '.join(sorted(_UPOS))}")
    alternatives = tuple(
        " ".join(a.split()) for a in fields.get("alternatives", "").split(";") if a.strip()
    )
    return LoadedEntry(
        entry=text,
        category=category,
        intensity=intensity,
        inflect=inflect,  # type: ignore[arg-type]
        alternatives=alternatives,
        veto_prev=_words(fields.get("veto_prev", "")),
        veto_next=_words(fields.get("veto_next", "")),
        rule=rule,
        pos=pos,
        note=fields.get("note", ""),
        lexicon=lexicon,
        line=line,
    )


def lexicon_from_rows(header: LexiconHeader, rows: list[Row], *, path: str) -> LoadedLexicon:
    """Validate rows read from a lexicon file and build the lexicon.

    Raises:
        LexiconFormatError: A row is invalid or repeats an earlier entry; the
            message names the file and the line.

    Added in version 0.1.0.
    """
    seen: dict[tuple[str, ...], int] = {}
    entries = []
    for row in rows:
        entry = _entry_from_row(row, lexicon=header.id, path=path)
        earlier = seen.get(entry.key)
        if earlier is not None:
            raise LexiconFormatError(
                f"entry {entry.entry!r} repeats the entry on line {earlier}",
                path=path,
                line=row.line,
            )
        seen[entry.key] = row.line
        entries.append(entry)
    return LoadedLexicon(header=header, path=path, entries=tuple(entries))


@lru_cache(maxsize=1)
def builtin_lexicon() -> LoadedLexicon:
    """The lexicon shipped with rhetorika (``loaded.v1``), parsed once.

    Added in version 0.1.0.
    """
    header, rows = read_builtin(BUILTIN, required=REQUIRED, optional=OPTIONAL)
    return lexicon_from_rows(header, rows, path=builtin_path(BUILTIN))


def load_lexicon(path: str | os.PathLike[str], *, format: str | None = None) -> LoadedLexicon:
    """Read a user's loaded-terms lexicon from a TSV, CSV or JSON file.

    Args:
        path: The file; its extension picks the format.
        format: ``"tsv"``, ``"csv"`` or ``"json"``, to override the extension.

    Raises:
        ArgumentTypeError: ``path`` is not a path (a ``str`` or ``os.PathLike``).
        LexiconFormatError: The file is malformed; the message names the file,
            the line and what is wrong.

    Added in version 0.1.0.
    """
    if not isinstance(path, str | os.PathLike):
        raise ArgumentTypeError(
            f"a lexicon must be a file path (str or os.PathLike) or a LoadedLexicon "
            f"from load_lexicon(), got {type(path).__name__}"
        )
    name = os.fspath(path)
    header, rows = read_user_file(name, required=REQUIRED, optional=OPTIONAL, format=format)
    return lexicon_from_rows(header, rows, path=name)


# ---- inflection -------------------------------------------------------------


def _plural(word: str) -> set[str]:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return {word + "es"}
    if len(word) > 2 and word.endswith("y") and word[-2] not in _VOWELS:
        return {word[:-1] + "ies"}
    return {word + "s"}


def _verb(word: str) -> set[str]:
    forms = _plural(word)
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    elif len(word) > 2 and word.endswith("y") and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ied", word + "ing"}
    else:
        forms |= {word + "ed", word + "ing"}
        if (
            len(word) > 2
            and word[-1] not in _VOWELS | {"w", "x", "y"}
            and word[-2] in _VOWELS
            and word[-3] not in _VOWELS
        ):
            # admit -> admitted; also visit -> visitted, harmless as it never occurs
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def _adverb(word: str) -> set[str]:
    if word.endswith("ic"):
        return {word + "ally"}
    if word.endswith("le") and len(word) > 3:
        return {word[:-1] + "y"}
    if word.endswith("y") and len(word) > 2:
        return {word[:-1] + "ily"}
    if word.endswith("ll"):
        return {word + "y"}
    return {word + "ly"}


def surface_forms(entry: LoadedEntry) -> tuple[tuple[str, ...], ...]:
    """Every word sequence the entry matches: itself plus its generated forms.

    Nouns inflect their last word ("witch hunts"), verbs their first ("lashed
    out"), adjectives their last ("brutally"). The entry itself comes first.

    Added in version 0.1.0.
    """
    words = entry.key
    if not words or entry.inflect == "-":
        return (words,)
    if entry.inflect == "v":
        head, index = words[0], 0
        forms = _verb(head)
    else:
        head, index = words[-1], len(words) - 1
        forms = _plural(head) if entry.inflect == "n" else _adverb(head)
    out = [words]
    for form in sorted(forms):
        variant = (*words[:index], form, *words[index + 1 :])
        if variant not in out:
            out.append(variant)
    return tuple(out)
