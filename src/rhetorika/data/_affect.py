"""The shipped affect table: prior valence of English words, from VADER.

``affect.v1.tsv`` is built by ``scripts/build_affect_table.py`` from the
VADER sentiment lexicon (Hutto & Gilbert 2014; MIT, see ``NOTICE.md``): each
word's mean valence from -4 to +4 and the raters' standard deviation. The
loaded-terms extractor uses it to propose words outside its own lexicon as
candidates, and its judge reads the valence as a feature. The file has the
one header of every data file and is read by `rhetorika.data.read_builtin()`.
"""

from __future__ import annotations

import math
from functools import lru_cache

from rhetorika.data import builtin_path, read_builtin
from rhetorika.exceptions import LexiconFormatError

__all__ = ["AFFECT_RESOURCE", "COLUMNS", "affect_table"]

AFFECT_RESOURCE = "affect.v1.tsv"
"""File name of the shipped affect table in ``rhetorika.data``."""
COLUMNS = ("word", "valence", "sd")
"""The table's columns."""


@lru_cache(maxsize=1)
def affect_table() -> dict[str, tuple[float, float]]:
    """Each word of the table mapped to (valence in [-4, 4], standard deviation), read once.

    Raises:
        LexiconFormatError: The file is malformed; the message names the line.
    """
    _, rows = read_builtin(AFFECT_RESOURCE, required=COLUMNS)
    table: dict[str, tuple[float, float]] = {}
    for row in rows:
        try:
            valence, sd = float(row.fields["valence"]), float(row.fields["sd"])
        except ValueError:
            valence = sd = math.nan
        if not (math.isfinite(valence) and math.isfinite(sd)) or abs(valence) > 4 or sd < 0:
            raise LexiconFormatError(
                "expected a valence in [-4, 4] and a standard deviation of 0 or more",
                path=builtin_path(AFFECT_RESOURCE),
                line=row.line,
            )
        table[row.fields["word"]] = (valence, sd)
    return table
