"""Time loading one user lexicon written as TSV and as JSON: the same entries.

Usage: ``python benchmarks/lexicon_load.py [--entries 160000] [--repeat 3]``

Prints the best wall time of ``read_user_file`` for each format at
``entries`` and a tenth of it, and the JSON/TSV ratio of the same run. JSON
entries carry their line numbers for errors; finding them once cost a scan
from the start of the file per entry (quadratic: 238 s at 160,000 entries).
"""

from __future__ import annotations

import argparse
import gc
import json
import tempfile
import time
from pathlib import Path

from rhetorika.lexicons.user import read_user_file

COLUMNS = ("entry", "category")


def write_files(folder: Path, entries: int) -> dict[str, Path]:
    """Write ``entries`` entries as ``lexicon.tsv`` and ``lexicon.json`` in ``folder``."""
    rows = [(f"term{i} word{i % 97}", "pejorative") for i in range(entries)]
    tsv = folder / f"lexicon{entries}.tsv"
    tsv.write_text(
        "# rhetorika-lexicon: bench  format=1  version=1  license=MIT\nentry\tcategory\n"
        + "".join(f"{entry}\t{category}\n" for entry, category in rows),
        encoding="utf-8",
    )
    data = {
        "rhetorika-lexicon": "bench",
        "format": 1,
        "version": 1,
        "license": "MIT",
        "entries": [{"entry": entry, "category": category} for entry, category in rows],
    }
    as_json = folder / f"lexicon{entries}.json"
    as_json.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return {"tsv": tsv, "json": as_json}


def seconds(path: Path, repeat: int) -> float:
    """Best wall time of ``repeat`` loads of ``path``."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        read_user_file(path, required=COLUMNS)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=160_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'entries':>8} {'MB json':>8} {'tsv s':>7} {'json s':>7} {'json/tsv':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for entries in (args.entries // 10, args.entries):
            paths = write_files(Path(folder), entries)
            times = {fmt: seconds(path, args.repeat) for fmt, path in paths.items()}
            size = paths["json"].stat().st_size / 1e6
            print(
                f"{entries:>8} {size:>8.1f} {times['tsv']:>7.3f} {times['json']:>7.3f} "
                f"{times['json'] / times['tsv']:>9.2f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
