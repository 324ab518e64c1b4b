"""The hedge and booster lexicon and the one regular expression built from it.

Entries are read from ``hedges.v1.tsv`` (checked and cached on first use),
normalised with `normalize()`, the function matched text goes through
too, and compiled into a single trie-shaped regular expression that finds
every candidate cue in one scan of the folded text
(`rhetorika._text.fold()`): the expression only needs to match what the
fold leaves, and every match's `normalize()` is an entry's form.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TypeAlias

from rhetorika._text import fold, trie_pattern
from rhetorika.data import LexiconHeader, builtin_path, read_builtin
from rhetorika.exceptions import LexiconFormatError
from rhetorika.extractors._hedge_entry import LexiconEntry, normalize
from rhetorika.extractors._hedge_rules import RULES
from rhetorika.results import BoosterCategory, HedgeCategory

__all__ = ["LEXICON", "LexiconEntry", "lexicon_entries", "lexicon_id", "normalize"]

LEXICON = "hedges.v1.tsv"
"""The file name of the built-in hedge and booster lexicon."""

_COLUMNS = ("id", "pattern", "kind", "category", "subtype", "source")
_OPTIONAL = ("rule",)


def _expand(pattern: str) -> list[str]:
    forms = [""]
    for slot in pattern.split(" "):
        forms = [f"{prefix} {word}".strip() for prefix in forms for word in slot.split("|")]
    return [normalize(form) for form in forms]


@lru_cache(maxsize=1)
def _lexicon() -> tuple[LexiconHeader, tuple[LexiconEntry, ...]]:
    header, rows = read_builtin(LEXICON, required=_COLUMNS, optional=_OPTIONAL)
    path = builtin_path(LEXICON)
    entries = []
    seen: set[str] = set()
    for row in rows:
        fields = row.fields
        kind = fields["kind"]
        categories = HedgeCategory if kind == "hedge" else BoosterCategory
        if kind not in ("hedge", "booster"):
            raise LexiconFormatError(
                f"kind must be hedge or booster, got {kind!r}", path=path, line=row.line
            )
        if fields["category"] not in {c.value for c in categories}:
            valid = ", ".join(c.value for c in categories)
            raise LexiconFormatError(
                f"unknown {kind} category {fields['category']!r}; valid: {valid}",
                path=path,
                line=row.line,
            )
        rule = fields.get("rule") or None
        if rule is not None and rule not in RULES:
            raise LexiconFormatError(
                f"unknown rule {rule!r}; valid: {', '.join(sorted(RULES))}",
                path=path,
                line=row.line,
            )
        if fields["id"] in seen:
            raise LexiconFormatError(f"duplicate id {fields['id']!r}", path=path, line=row.line)
        seen.add(fields["id"])
        entries.append(
            LexiconEntry(
                id=fields["id"],
                forms=tuple(_expand(fields["pattern"])),
                kind=kind,
                category=fields["category"],
                subtype=fields["subtype"],
                rule=rule,
                source=fields["source"],
                line=row.line,
            )
        )
    return header, tuple(entries)


def lexicon_entries() -> tuple[LexiconEntry, ...]:
    """Return the entries of the built-in hedge and booster lexicon, in file order.

    Added in version 0.1.0.
    """
    return _lexicon()[1]


def lexicon_id() -> str:
    """Return the versioned id results carry in ``lexicon``, e.g. ``"hedges.v1"``."""
    return _lexicon()[0].id


# --- the matcher ----------------------------------------------------------------------


def _unit(char: str) -> str:
    # Folded text has one apostrophe, one hyphen and two spaces (" " and "\n").
    return r"\s+" if char == " " else re.escape(char)


Hit: TypeAlias = tuple[int, int, str]
"""One lexicon match: its start and end (the fold keeps offsets) and its folded text."""


@lru_cache(maxsize=1)
def matcher() -> tuple[re.Pattern[str], dict[str, tuple[LexiconEntry, ...]]]:
    """The one pattern of every lexicon form (whole words only), and the entries of each form."""
    by_form: dict[str, list[LexiconEntry]] = {}
    for entry in lexicon_entries():
        for form in entry.forms:
            by_form.setdefault(form, []).append(entry)
    body = trie_pattern(by_form, unit=_unit)
    pattern = re.compile(rf"(?<![\w'-])(?:{body})(?![\w'-])")
    return pattern, {form: tuple(entries) for form, entries in by_form.items()}


@lru_cache(maxsize=1)
def _scanners() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """`matcher()`'s pattern split in two that find the same matches faster.

    A pattern that opens with a lookbehind makes the regex engine try the
    whole trie at every character; one that opens with a character class
    ("a character that cannot precede a word") lets it skip to candidates
    in C. So the first pattern is tried at the start of the text only, and
    the second, which consumes the character before each match and
    captures the match, everywhere after. Its class leaves out the ASCII
    word characters, "'" and "-" only (a table look-up per character, where
    ``[^\\w'-]`` asks the Unicode database for each), so it lets every
    character beyond ASCII through; `scan()` drops the few matches after
    one that is a word character ("é", "²").
    """
    pattern, _ = matcher()
    body = pattern.pattern.removeprefix(r"(?<![\w'-])")
    return re.compile(body), re.compile(rf"[^a-zA-Z0-9_'\-]({body})")


_WORD_CHARACTER = re.compile(r"\w")


def scan(text: str) -> tuple[str, list[Hit]]:
    """The fold of ``text`` and the lexicon matches in it, whose offsets are ``text``'s."""
    at_start, after_start = _scanners()
    folded = fold(text)
    first = at_start.match(folded)
    hits: list[Hit] = [] if first is None else [(0, first.end(), first.group())]
    begin = 0 if first is None else first.end()
    if folded.isascii():  # every character the class lets through is a non-word character
        hits += [(m.start(1), m.end(), m.group(1)) for m in after_start.finditer(folded, begin)]
        return folded, hits
    while True:
        for match in after_start.finditer(folded, begin):
            start = match.start(1)
            before = folded[start - 1]
            if before > "\x7f" and _WORD_CHARACTER.match(before):
                # Inside a word: no match starts here, and the next may start
                # inside this one, so the search goes on from here.
                begin = start
                break
            hits.append((start, match.end(), match.group(1)))
        else:
            return folded, hits
