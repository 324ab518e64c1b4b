"""What counts as a word: one definition for every count rhetorika reports.

A word is a whitespace-delimited run of characters (so a run of spaCy tokens
with no space between them, like "don't" or "full-scale") that contains at
least one letter or digit. Punctuation-only runs ("--", "...") are not words.
"""

from __future__ import annotations

import re

__all__ = ["WORD", "count_words", "per_100_words"]

WORD = re.compile(r"(?<!\S)\S*?[^\W_]\S*")
"""Matches one word; ``WORD.finditer(text)`` walks a text's words in order."""


def count_words(text: str) -> int:
    """Return the number of words in ``text``.

    Added in version 0.1.0.
    """
    return sum(1 for _ in WORD.finditer(text))


def per_100_words(count: int, words: int) -> float | None:
    """Density of ``count`` per 100 words, ``None`` when there are no words.

    Added in version 0.1.0.
    """
    return None if words == 0 else 100.0 * count / words
