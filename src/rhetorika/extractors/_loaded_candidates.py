"""Open-vocabulary candidates for loaded terms: the affect table and productive morphology.

The hand-written lexicon can only find what its authors listed. Two more
sources propose candidates, which the judge (`_loaded_judge`) then
accepts or rejects in context:

* the shipped affect table (VADER valences, `rhetorika.data._affect`):
  every word of it at least ``min_valence`` strong, outside the lexicon and
  not a closed-class word, becomes a candidate of category ``evaluative``;
* productive morphology, patterns that make new labels every season:
  ``anti-X`` / ``pro-X``, ``far-`` / ``hard-`` / ``radical-`` + ``left`` /
  ``right``, ``left-wing``, ``-gate`` scandal names, ``X-loving`` /
  ``X-hating``, and ``-ism`` / ``-ist`` labels built on a proper name
  ("Trumpism", "Marxist").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rhetorika.data._affect import AFFECT_RESOURCE, affect_table
from rhetorika.lexicons.loaded import LoadedEntry
from rhetorika.results import LoadedCategory

__all__ = [
    "AFFECT_ID",
    "MORPHOLOGY_ID",
    "affect_entries",
    "morphology_entries",
    "morphology_matches",
    "suffix_class",
    "wing_forms",
]

AFFECT_ID = AFFECT_RESOURCE.removesuffix(".tsv")
"""``lexicon`` of terms proposed by the affect table: ``"affect.v1"``."""
MORPHOLOGY_ID = "morphology.v1"
"""``lexicon`` of terms proposed by a morphological pattern."""

# Words the affect table rates that are closed-class or discourse words
# ("like", "yes", "please", "well"): as candidates they are noise.
_NOT_CANDIDATES = frozenset(
    """a an the no not yes yeah ok okay please like likes liked well so just pretty
    thanks thank welcome sure right true care cares free hope hopes help helps
    want wants wanted kind agree agreed agrees god lol haha ha hah""".split()
)

_GATE = re.compile(r"gate(?![^\W_])")
_ISM = re.compile(r"is[mt]s?(?![^\W_])")
"""The endings -gate and -ism / -ist: patterns that start with a literal are searched in C."""
_PREFIX_ENDS = ("anti", "pro")
_HEAD_STARTS = ("lov", "hat")
_LETTERS = re.compile(r"[^\W\d_]+")
_HYPHEN_PART = re.compile(r"-[^\W\d_]+")
_PREFIXES = frozenset(["anti", "pro"])
_COMPOUND_HEADS = frozenset(["loving", "hating", "hater", "haters", "lover", "lovers"])
_WING_MODIFIERS = ("far", "hard", "radical", "ultra", "extreme", "alt")
_WING_FORMS = ("", "wing", "winger", "wingers")

# Established names the patterns would take for labels.
_NOT_LABELS = frozenset(
    """watergate colgate tailgate highgate southgate aldgate newgate harrogate margate
    ramsgate westgate eastgate northgate billingsgate reigate stargate irongate
    baptist baptists methodist methodists buddhist buddhists buddhism judaism hinduism
    sikhism taoism catholicism protestantism anglicanism evangelist evangelists
    calvinist calvinists lutheranism shintoism jainism""".split()
)

_CATEGORY = {
    "prefix": LoadedCategory.CONTESTED,
    "wing": LoadedCategory.PEJORATIVE,
    "gate": LoadedCategory.PEJORATIVE,
    "love": LoadedCategory.PEJORATIVE,
    "ism": LoadedCategory.PEJORATIVE,
}
_PATTERN_NAMES = {
    "prefix": "anti-X / pro-X",
    "wing": "far-left / far-right",
    "gate": "X-gate",
    "love": "X-loving / X-hating",
    "ism": "Name-ism / Name-ist",
}


def wing_forms() -> list[tuple[str, ...]]:
    """The word sequences of ``far-``/``hard-``/... + ``left``/``right`` labels.

    They are matched by the lexicon's trie (a hyphen and a space alike), so
    they cost no extra pass over the text.
    """
    forms: list[tuple[str, ...]] = []
    for modifier in _WING_MODIFIERS:
        for side in ("left", "right"):
            for tail in _WING_FORMS:
                forms.append((modifier, side, tail) if tail else (modifier, side))
            forms += [(modifier, side + "ist"), (modifier, side + "ists")]
    return forms


def morphology_matches(text: str, low: str) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of every hyphenated or capitalised morphological label.

    ``low`` is the normalised text (same offsets). Hyphens, "gate" and "is"
    are found by literal search, in C; only their few hits are looked at
    in Python. The result is sorted by start.
    """
    out = []
    position = low.find("-")
    while position != -1:
        if low.endswith(_PREFIX_ENDS, 0, position):
            begin = position - (4 if low.endswith("anti", 0, position) else 3)
            after = _LETTERS.match(low, position + 1)
            if (
                after is not None
                and after.end() - position > 3
                and (begin == 0 or not low[begin - 1].isalnum())
            ):
                end = after.end()
                more = _HYPHEN_PART.match(low, end)
                if more is not None:
                    end = more.end()
                if end == len(low) or not low[end].isalnum():
                    out.append((begin, end, "prefix"))
        elif low.startswith(_HEAD_STARTS, position + 1):
            after = _LETTERS.match(low, position + 1)
            begin = _word_start(low, position)
            if (
                after is not None
                and after.group() in _COMPOUND_HEADS
                and position - begin >= 3
                and (after.end() == len(low) or not low[after.end()].isalnum())
            ):
                out.append((begin, after.end(), "love"))
        position = low.find("-", position + 1)
    for match in (*_GATE.finditer(low), *_ISM.finditer(low)):
        begin = _word_start(low, match.start())
        if begin == match.start() or not text[begin].isupper():
            continue
        if begin and (low[begin - 1].isalnum() or low[begin - 1] == "-"):
            continue
        word = low[begin : match.end()]
        if len(word) < 6 or word in _NOT_LABELS:
            continue
        out.append((begin, match.end(), "gate" if word.endswith("gate") else "ism"))
    out.sort()
    return out


def _word_start(low: str, position: int) -> int:
    begin = position
    while begin > 0 and low[begin - 1].isalpha() and position - begin < 40:
        begin -= 1
    return begin


def morphology_entries() -> dict[str, LoadedEntry]:
    """One entry per morphological pattern kind, as results name them."""
    return {
        kind: LoadedEntry(
            entry=_PATTERN_NAMES[kind],
            category=_CATEGORY[kind],
            intensity=0.5,
            lexicon=MORPHOLOGY_ID,
            note="productive morphology",
        )
        for kind in _CATEGORY
    }


def affect_entries(min_valence: float, taken: Iterable[tuple[str, ...]]) -> list[LoadedEntry]:
    """Candidates from the affect table: words at least ``min_valence`` strong.

    Words already ``taken`` by the lexicon, and closed-class words, are left
    out. Intensity is the valence's strength on [0, 1].
    """
    known = {key[0] for key in taken if len(key) == 1}
    out = []
    for word, (valence, _) in sorted(affect_table().items()):
        if abs(valence) < min_valence or word in known or word in _NOT_CANDIDATES:
            continue
        if "-" in word or "'" in word:
            continue
        out.append(
            LoadedEntry(
                entry=word,
                category=LoadedCategory.EVALUATIVE,
                intensity=round(min(abs(valence) / 4.0, 1.0), 3),
                lexicon=AFFECT_ID,
                note="affect table (VADER)",
            )
        )
    return out


_ADJ = ("ous", "ful", "ive", "able", "ible", "ic", "ical", "less", "ish", "ent", "ant", "ary")
_NOUN = ("tion", "sion", "ment", "ness", "ity", "ism", "ist", "ists", "ance", "ence", "ship")


def suffix_class(word: str) -> str:
    """A coarse part of speech guessed from the ending: ``adj``, ``adv``, ``verb``, ``noun``."""
    if word.endswith("ly"):
        return "adv"
    if word.endswith(("ed", "ing", "ize", "ise", "ify")):
        return "verb"
    if word.endswith(_ADJ):
        return "adj"
    if word.endswith(_NOUN):
        return "noun"
    return "other"
