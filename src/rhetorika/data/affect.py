"""The shipped affect table: prior valence of English words, from VADER.

``affect.v1.tsv`` is built by ``scripts/build_affect_table.py`` from the
VADER sentiment lexicon (Hutto & Gilbert 2014; MIT, see ``NOTICE.md``): each
word's mean valence from -4 to +4 and the raters' standard deviation. The
loaded-terms extractor uses it to propose words outside its own lexicon as
candidates, and its judge reads the valence as a feature.
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib.resources import files

from rhetorika.exceptions import LexiconFormatError

__all__ = ["AFFECT_RESOURCE", "HEADER", "affect_table"]

AFFECT_RESOURCE = "affect.v1.tsv"
"""File name of the shipped affect table in ``rhetorika.data``."""
HEADER = "# rhetorika-data: affect format=1"
"""How the table's first line starts."""
_COLUMNS = "word\tvalence\tsd"


@lru_cache(maxsize=1)
def affect_table() -> dict[str, tuple[float, float]]:
    """Each word of the table mapped to (valence in [-4, 4], standard deviation), read once.

    Raises:
        LexiconFormatError: The file is malformed; the message names the line.

    Added in version 0.2.0.
    """
    name = f"rhetorika/data/{AFFECT_RESOURCE}"
    table: dict[str, tuple[float, float]] = {}
    with files("rhetorika.data").joinpath(AFFECT_RESOURCE).open(encoding="utf-8") as lines:
        if not lines.readline().startswith(HEADER):
            raise LexiconFormatError(f"expected a header starting {HEADER!r}", path=name, line=1)
        if lines.readline().rstrip("\n") != _COLUMNS:
            raise LexiconFormatError(f"expected the columns {_COLUMNS!r}", path=name, line=2)
        for number, line in enumerate(lines, start=3):
            word, valence, sd = [*line.rstrip("\n").split("\t"), "", ""][:3]
            try:
                pair = (float(valence), float(sd))
            except ValueError:
                pair = (math.nan, math.nan)
            if not word or not all(math.isfinite(v) for v in pair) or abs(pair[0]) > 4:
                raise LexiconFormatError(
                    "expected 'word<TAB>valence in [-4, 4]<TAB>standard deviation'",
                    path=name,
                    line=number,
                )
            table[word] = pair
    return table
