"""The text toolkit: how rhetorika folds text for matching, keeping every offset.

Every lexicon matcher scans *folded* text and looks its matches up under
keys made by the *same* fold, so whatever a scanner can match, the lookup
can find ("so‐called" with U+2010, "Some\\rcritics", "İ NEVER" once raised
``KeyError`` because the scanner and the lookup disagreed).

`fold()` maps each code point to exactly one code point, so the folded
text is as long as the original and an offset into one is the same offset
into the other: a match at ``folded[start:end]`` is ``text[start:end]`` in
the caller's text. It

- lower-cases (``str.lower``), except that "İ" (U+0130, whose lower case is
  two code points, "i" and a combining dot) becomes "i";
- turns every hyphen (`HYPHENS`) into "-" and every apostrophe
  (`APOSTROPHES`) into "'";
- turns every whitespace character but "\\n" (`SPACES`) into " ",
  keeping line breaks, which some matchers must not cross twice ("\\n\\n").

Dashes that separate clauses ("—", "–") are not hyphens: they stay as they
are, so "said—perhaps" still has a word boundary before "perhaps".

`phrase_key()` is the lookup key of a lexicon entry or of a match: the
fold, with each run of whitespace collapsed to one space.

`trie_pattern()`, `by_first_letter()` and `led_by()` shape word-list patterns
so the regex engine rejects most positions in C: shared prefixes factored
out, alternatives grouped by first letter, a leading character class.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

__all__ = [
    "APOSTROPHES",
    "HYPHENS",
    "SPACES",
    "by_first_letter",
    "first_letters",
    "fold",
    "led_by",
    "phrase_key",
    "trie_pattern",
]

HYPHENS = (
    "\u00ad\u058a\u05be\u1400\u1806\u2010\u2011\u2e17\u2e1a\u2e40\u2e5d\u30a0"
    "\ufe63\uff0d\U00010ead"
)
"""Characters folded to "-": every dash punctuation (Pd) named a hyphen, the Hebrew
maqaf (a hyphen by use) and the soft hyphen."""

APOSTROPHES = "\u2019\u02bc\x92"
"""Characters folded to "'": the curly apostrophe, the modifier letter, cp1252's 0x92.

The opening single quote "\u2018" is a quotation mark, not an apostrophe: it stays.
"""

SPACES = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""Characters folded to " ": every whitespace character (``str.isspace``) but " " and "\\n"."""

_LONGER_LOWER = {"\u0130": "i"}
"""Characters whose lower case is longer than one code point, and their one-code-point fold."""

_FOLDS = (
    dict.fromkeys(HYPHENS, "-")
    | dict.fromkeys(APOSTROPHES, "'")
    | dict.fromkeys(SPACES, " ")
    | _LONGER_LOWER
)
"""Each character the fold replaces before lower-casing, and its replacement."""
_REPLACED = re.compile("[" + re.escape("".join(sorted(_FOLDS))) + "]")
_ASCII_FOLDS = {char: into for char, into in _FOLDS.items() if char.isascii()}
"""The ASCII characters the fold replaces (a few control characters), and their replacements."""


def fold(text: str) -> str:
    """Return ``text`` as matchers see it: same length, offsets unchanged.

    Lower case, hyphens as "-", apostrophes as "'", whitespace other than
    "\\n" as " " (see the module docs). ``fold(fold(text)) == fold(text)``.
    """
    # Printable ASCII holds nothing to replace (a cheap test for the short
    # strings context rules fold); other ASCII can hold only a few control
    # characters, each found with one fast substring test. Otherwise
    # str.replace per character present is ten times faster than str.translate
    # on non-ASCII text.
    if text.isascii():
        if not text.isprintable():
            for char, into in _ASCII_FOLDS.items():
                if char in text:
                    text = text.replace(char, into)
        return text.lower()
    if _REPLACED.search(text) is None:
        return text.lower()
    for char in set(_REPLACED.findall(text)):
        text = text.replace(char, _FOLDS[char])
    return text.lower()


def phrase_key(text: str) -> str:
    """Return the lookup key of a phrase: `fold()`, whitespace runs as one space, trimmed.

    Lexicon entries are stored under this key and matches are looked up
    under it, so a phrase a matcher finds in folded text always has a key.
    """
    folded = fold(text)
    if " " not in folded and "\n" not in folded:
        return folded
    return " ".join(folded.split())  # folded text has no whitespace but " " and "\n"


def trie_pattern(words: Iterable[str], *, unit: Callable[[str], str] = re.escape) -> str:
    """A regular expression matching exactly ``words``, their shared prefixes factored out.

    One alternation per trie node instead of one per word, so a lexicon of
    thousands of words is found in one scan. ``unit`` turns each character
    into its pattern (``re.escape`` by default; a matcher may widen " " to
    ``\\s+``). An empty ``words`` gives ``""``.
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [unit(char) + build(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return (body if len(branches) == 1 and len(body) == 1 else f"(?:{body})") + "?"
        return body

    return build(root)


def led_by(firsts: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile ``pattern`` led by the class ``[firsts]`` of the characters its matches begin with.

    A pattern that begins with a lookbehind or an alternation makes the
    regex engine try every position of the string in turn; with a leading
    class it skips to candidate characters in C (a third to a half of the
    time on the bench corpus). The matches are the same as long as every
    match of ``pattern`` begins with a character of ``firsts`` (under
    ``flags``); ``tests/test_quotes.py`` compares the quotation patterns with their plain forms.
    """
    return re.compile(f"(?=[{firsts}])" + pattern, flags)


def first_letters(alternatives: str) -> str:
    """The first characters of ``|``-separated alternatives that each begin with a letter."""
    return "".join(sorted({alternative[0] for alternative in alternatives.split("|")}))


def _top_level(alternatives: str) -> list[str]:
    """The alternatives of a ``|``-separated pattern, split only outside groups and classes."""
    parts, depth, begin, escaped, in_class = [], 0, 0, False, False
    for index, char in enumerate(alternatives):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(alternatives[begin:index])
            begin = index + 1
    parts.append(alternatives[begin:])
    return parts


def by_first_letter(alternatives: str) -> str:
    """``|``-separated alternatives regrouped by their first letter: ``s(?:ay|aid)|t(?:old)``.

    The regex engine tries the alternatives of a group one after the other;
    grouped, it tests the first letter once and then only the few of that
    letter (several times faster for a hundred verbs). Alternatives of
    different first letters never match at the same place, so the matches
    are the same. Each alternative must begin with a lower-case letter that
    no quantifier follows.
    """
    groups: dict[str, list[str]] = {}
    for alternative in _top_level(alternatives):
        first, rest = alternative[:1], alternative[1:]
        if not first.islower() or rest[:1] in ("?", "*", "+", "{"):
            raise ValueError(f"cannot group the alternative {alternative!r}")
        groups.setdefault(first, []).append(rest)
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())
