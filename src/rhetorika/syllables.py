"""Syllable counts for English words, offline, fast and in little memory.

textstat asks NLTK to download the CMU Pronouncing Dictionary at run time and
then holds about 300 MB of it. rhetorika ships instead a small table of the
CMU words whose syllable count a spelling rule gets wrong; every other word,
in the dictionary or not, is counted by that rule. The table is rebuilt from
the dictionary's data by ``scripts/build_syllable_table.py``, which checks
that table plus rule reproduce the dictionary's count for every word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rhetorika.data import builtin_path, read_builtin
from rhetorika.exceptions import LexiconFormatError

__all__ = ["TABLE_RESOURCE", "count_syllables", "estimate_syllables", "rule_syllables"]

TABLE_RESOURCE = "syllables.v1.tsv"
_COLUMNS = ("word", "syllables")

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_NOT_LETTERS = re.compile(r"[^a-z']+")
# Endings that add a syllable the vowel-group count misses, or remove one it adds.
_EXTRA = re.compile(
    r"(?:[^aeiou]ia|[^aeiou]io(?!us)|eo|ua(?!n)|uo|[^gq]ue(?=[^aeiou]|$)|ism$|[^aeiouy]le$|[^aeiouy]les$)"
)
_SILENT_E = re.compile(r"(?:[^aeiouyl]e|[^aeiouy]es|[^aeiouydt]ed)$")
_CACHE_SIZE = 16384
_COMPOUND = re.compile(r"[-/\u2010\u2011\u2013]+")
_SIBILANT = ("s", "z", "x", "ce", "ge", "ch", "sh")
_MAX_KEY = 64  # longer than any word in the table: no need to look longer ones up


def rule_syllables(word: str) -> int:
    """Count the syllables of a lower-case word by spelling rules alone.

    At least 1 for any word with a letter; 0 for a word without one.

    Added in version 0.1.0.
    """
    letters = _NOT_LETTERS.sub("", word).replace("'", "")
    if not letters:
        return 0
    return _rule_count(letters)


def _rule_count(letters: str) -> int:
    """`rule_syllables` of a non-empty word of the letters a-z only."""
    count = len(_VOWEL_GROUPS.findall(letters))
    if len(letters) > 2 and _SILENT_E.search(letters) and count > 1:
        count -= 1
    count += len(_EXTRA.findall(letters))
    return max(count, 1)


@lru_cache(maxsize=1)
def _table() -> dict[str, int]:
    _, rows = read_builtin(TABLE_RESOURCE, required=_COLUMNS)
    table: dict[str, int] = {}
    for row in rows:
        count = row.fields["syllables"]
        if not count.isdigit():
            raise LexiconFormatError(
                f"expected a whole number of syllables, got {count!r}",
                path=builtin_path(TABLE_RESOURCE),
                line=row.line,
            )
        table[row.fields["word"]] = int(count)
    return table


def estimate_syllables(word: str, table: dict[str, int]) -> int:
    """Count the syllables of one word from ``table`` and the spelling rules.

    The table's counts win; a word it lacks is split at hyphens and slashes,
    stripped of punctuation and of a possessive ending, and looked up again
    before the rules count it.

    Added in version 0.1.0.
    """
    lowered = word.lower().replace("\u2019", "'")
    known = table.get(lowered)
    if known is not None:
        return known
    if lowered.isascii() and lowered.isalpha():
        # Most words: nothing to split, clean or strip, so straight to the
        # rules (a new worker process meets tens of thousands of these).
        return _rule_count(lowered)
    parts = [part for part in _COMPOUND.split(lowered) if part]
    if len(parts) > 1:
        return sum(estimate_syllables(part, table) for part in parts)
    cleaned = _NOT_LETTERS.sub("", lowered).strip("'")
    if not cleaned:
        return 1 if lowered.strip() else 0
    # Strip possessive endings one at a time ("boss's" -> "boss" + 1), looking
    # each stem up. With indices rather than slices, so that a 1 MB "'s's's..."
    # costs linear time and no recursion (it used to raise RecursionError).
    extra = 0
    end = len(cleaned)
    while True:
        if end <= _MAX_KEY:
            known = table.get(cleaned[:end])
            if known is not None:
                return extra + known
        if not (end > 2 and cleaned.endswith("'s", 0, end)):
            return extra + rule_syllables(cleaned[:end])
        end -= 2
        extra += 1 if cleaned.endswith(_SIBILANT, 0, end) else 0
        if end <= _MAX_KEY:
            known = table.get(cleaned[:end])
            if known is not None:
                return extra + known
        while end and cleaned[end - 1] == "'":
            end -= 1
        if not end:
            return extra + 1


@lru_cache(maxsize=_CACHE_SIZE)
def count_syllables(word: str) -> int:
    """Count the syllables of one word, any case, with the shipped table.

    Hyphenated and slashed compounds count as the sum of their parts; a word
    without letters (a number, a symbol) counts as one syllable, as textstat
    counts it, and an empty string as zero. The cache is bounded.

    Added in version 0.1.0.
    """
    return estimate_syllables(word, _table())
