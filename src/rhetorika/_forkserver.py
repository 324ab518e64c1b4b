"""What the fork server that starts ``pipe(n_process=N)``'s workers loads first.

Not imported by rhetorika itself: `rhetorika._parallel` names this module in
the fork server's preload list. Importing it analyses the shipped seed
article once with the default extractors, which loads every shipped table
(lexicons, the syllable and familiar-word tables, the loaded-terms judge)
and compiles the extractors' patterns into module-level caches. Each worker
is forked from the server with all of that in place, instead of loading it
again: about a quarter of a second of CPU per worker, per ``pipe`` call.
"""

from __future__ import annotations

from contextlib import suppress

from rhetorika.analyzer import Analyzer
from rhetorika.examples import SEED_ARTICLE, load

__all__: list[str] = []

# The fork server must start whatever happens here: a failure would recur
# in the worker, which reports it with the index of the text it analysed.
with suppress(Exception):
    Analyzer().analyze(load(SEED_ARTICLE))
