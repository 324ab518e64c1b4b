"""Rebuild ``src/rhetorika/data/affect.v1.tsv`` from the VADER sentiment lexicon.

Usage::

    pip install vaderSentiment    # build time only; MIT, (c) 2016 C.J. Hutto
    python scripts/build_affect_table.py [--lexicon PATH/TO/vader_lexicon.txt]

VADER (Hutto & Gilbert 2014) rates about 7,500 English words, emoticons and
slang from -4 (most negative) to +4 (most positive), the mean of ten raters.
The table keeps the entries that are words (letters, with inner hyphens or
apostrophes), with their mean valence and the raters' standard deviation;
emoticons and the raw ratings are left out. Rows are sorted by word, so the
file is the same on every run. rhetorika never imports ``vaderSentiment``.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from rhetorika.data._affect import AFFECT_RESOURCE, COLUMNS

_WORD = re.compile(r"^[a-z]+(?:['-][a-z]+)*$")
OUT = Path(__file__).resolve().parent.parent / "src" / "rhetorika" / "data" / AFFECT_RESOURCE
SOURCE = "vaderSentiment-3.3.2"


def _default_lexicon() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("vaderSentiment")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("vaderSentiment is not installed: pip install vaderSentiment, or pass --lexicon")
    return Path(next(iter(spec.submodule_search_locations))) / "vader_lexicon.txt"


def read_vader(path: Path) -> dict[str, tuple[float, float]]:
    """Map each word entry of the VADER lexicon to (mean valence, standard deviation)."""
    table: dict[str, tuple[float, float]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 3 or not _WORD.match(fields[0]):
            continue
        table[fields[0]] = (float(fields[1]), float(fields[2]))
    return table


def render(table: dict[str, tuple[float, float]]) -> str:
    """The data file: a header naming format, version, source and licence, then sorted rows."""
    lines = [
        "# rhetorika-lexicon: affect  format=1  version=1  license=MIT"
        f"  source={SOURCE}  words={len(table)}",
        "# The word entries of the VADER sentiment lexicon (Hutto & Gilbert 2014), (c) 2016",
        "# C.J. Hutto, MIT: mean valence of ten raters from -4 to +4, and their standard",
        "# deviation; built by scripts/build_affect_table.py, see NOTICE.md.",
        "\t".join(COLUMNS),
    ]
    lines += [f"{word}\t{valence:g}\t{sd:g}" for word, (valence, sd) in sorted(table.items())]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lexicon", type=Path, default=None, help="vader_lexicon.txt")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    table = read_vader(args.lexicon or _default_lexicon())
    args.out.write_text(render(table), encoding="utf-8")
    print(f"{len(table)} words written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
