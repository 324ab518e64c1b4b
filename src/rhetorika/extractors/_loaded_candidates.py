"""Open-vocabulary candidates for loaded terms: the affect table and productive morphology.

The hand-written lexicon can only find what its authors listed. Two more
sources propose candidates, which the judge (:mod:`._loaded_judge`) then
accepts or rejects in context:

* the shipped affect table (VADER valences, :mod:`rhetorika.data.affect`):
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

from rhetorika.data.affect import AFFECT_RESOURCE, affect_table
from rhetorika.lexicons.loaded import LoadedEntry
from rhetorika.results import LoadedCategory

__all__ = [
    "AFFECT_ID",
    "MORPHOLOGY",
    "MORPHOLOGY_ID",
    "affect_entries",
    "morphology_entries",
    "suffix_class",
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

_LETTERS = r"[^\W\d_]"
MORPHOLOGY = re.compile(
    rf"(?<![^\W_])(?:"
    rf"(?P<prefix>(?i:anti|pro)-{_LETTERS}{{3,}}(?:-{_LETTERS}+)?s?)"
    rf"|(?P<wing>(?i:(?:far|hard|radical|ultra|extreme|alt)[- ](?:left|right)"
    rf"(?:[- ]wing(?:ers?)?|ists?|ers?)?|(?:left|right)-wing(?:ers?)?))"
    rf"|(?P<gate>[A-Z]{_LETTERS}{{2,}}gate)"
    rf"|(?P<love>{_LETTERS}{{3,}}-(?i:loving|hating|haters?|lovers?))"
    rf"|(?P<ism>[A-Z]{_LETTERS}{{2,}}?(?:ism|isms|ist|ists))"
    rf")(?![^\W_])"
)
"""The morphological patterns, one named group per kind, on the original text."""

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


def is_label(kind: str, word: str) -> bool:
    """Whether a morphology match is a label, not an established name ("Watergate")."""
    return word.lower() not in _NOT_LABELS


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
