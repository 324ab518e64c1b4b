"""Contractions as web text types them, without the apostrophe ("dont", "Im").

Hedge rules read such a word as the contraction it stands for, and the
loaded-terms negation window counts the negated ones as negations. Only
spellings that are rarely words in their own right are listed: "cant" and
"wont" are; "ill", "were", "id", "its" and "hell" are left alone.
"""

from __future__ import annotations

NEGATED = (
    "dont",
    "doesnt",
    "didnt",
    "cant",
    "couldnt",
    "wont",
    "wouldnt",
    "isnt",
    "arent",
    "wasnt",
    "werent",
    "shouldnt",
    "havent",
    "hasnt",
    "hadnt",
    "aint",
    "mustnt",
    "neednt",
)
"""Negated auxiliaries without their apostrophe, each ending in "nt"."""

WITHOUT_APOSTROPHE: dict[str, str] = {bare: bare[:-2] + "n't" for bare in NEGATED} | {
    "im": "i'm",
    "ive": "i've",
    "youre": "you're",
    "youve": "you've",
    "theyre": "they're",
    "theyve": "they've",
    "weve": "we've",
    "thats": "that's",
    "theres": "there's",
}
"""Each spelling without the apostrophe, lower case, and the contraction it stands for."""
