"""One entry of the hedge and booster lexicon, and the normalisation its forms go through.

Below both the lexicon (`_hedge_lexicon`, which checks each entry's
rule name against the rules) and the context rules (`_hedge_rules`,
which read the entry of a match), so neither imports the other's module.
"""

from __future__ import annotations

import attrs

from rhetorika._text import phrase_key

__all__ = ["LexiconEntry", "normalize"]


def normalize(text: str) -> str:
    """Normalise a lexicon entry or matched text for lookup.

    Lower case, apostrophes and hyphens straightened, runs of whitespace
    collapsed to one space: `rhetorika._text.phrase_key()`.

    Added in version 0.1.0.
    """
    return phrase_key(text)


@attrs.frozen(kw_only=True)
class LexiconEntry:
    """One row of the hedge and booster lexicon.

    Attributes:
        id: The entry id that results carry in ``entry``.
        forms: Every normalised surface form the pattern expands to.
        kind: ``"hedge"`` or ``"booster"``.
        category: The category of results from this entry.
        subtype: The finer kind within the category.
        rule: Name of the context rule that must accept a match, or ``None``.
        source: Keys of the literature the entry comes from (see NOTICE.md).
        line: The entry's line in the lexicon file.

    Added in version 0.1.0.
    """

    id: str
    forms: tuple[str, ...]
    kind: str
    category: str
    subtype: str
    rule: str | None
    source: str
    line: int
