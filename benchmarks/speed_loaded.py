"""Throughput of the loaded-terms extractor against tokenisation alone.

Three configurations, timed in the same run on the same texts (median CPU
time of ``--repeat`` interleaved rounds after a warm-up), in words per
second, words counted with rhetorika's definition:

* ``make_doc``: tokenisation plus sentence segmentation (the floor);
* ``make_doc + loaded``: the same plus the extractor with the shipped lexicon;
* ``make_doc + loaded +10k``: the same with a 10,000-entry user lexicon added
  (``mode="override"``): VADER's word list (MIT, a benchmark-only dependency)
  as single-word entries, padded with two-word phrases of its words. Many of
  them are common words ("good", "like"), so it is a heavy lexicon, not a
  tame one: about 50 terms per 750-word article instead of 4;
* ``make_doc + loaded +10k phrases``: 10,000 two-word user phrases of those
  words, which rarely occur: the cost of lexicon size alone.

Usage::

    python benchmarks/speed_loaded.py --corpus ../shared/bench/news_throughput.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from throughput import load_texts  # same folder: the benchmarks share one reader

USER_ENTRIES = 10_000
_PLAIN = re.compile(r"[a-z]+(?:[-'][a-z]+)*")


def median_seconds(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Median CPU time of each run over ``repeat`` rounds, after one untimed warm-up.

    The runs are interleaved round by round, and CPU time of this process is
    measured rather than wall time, so other load on a shared machine bends
    every configuration alike instead of whichever ran during a busy spell.
    """
    times: dict[str, list[float]] = {name: [] for name in runs}
    for run in runs.values():
        run()
    for _ in range(repeat):
        for name, run in runs.items():
            began = time.process_time()
            run()
            times[name].append(time.process_time() - began)
    return {name: statistics.median(values) for name, values in times.items()}


def user_lexicon(folder: Path, *, phrases_only: bool = False) -> Path:
    """Write a 10,000-entry user lexicon described in the module docstring."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    words = sorted(w for w in SentimentIntensityAnalyzer().lexicon if _PLAIN.fullmatch(w))
    entries = [] if phrases_only else list(dict.fromkeys(words))
    rng = random.Random(0)
    seen = set(entries)
    while len(entries) < USER_ENTRIES:
        phrase = f"{rng.choice(words)} {rng.choice(words)}"
        if phrase not in seen:
            seen.add(phrase)
            entries.append(phrase)
    path = folder / ("speed_phrases.v1.tsv" if phrases_only else "speed_user.v1.tsv")
    rows = ["# rhetorika-lexicon: speed_user  format=1  version=1  license=MIT", "entry\tcategory"]
    rows += [f"{entry}\temotive" for entry in entries[:USER_ENTRIES]]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True, type=Path)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N texts")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent / "results" / "speed_loaded.json",
    )
    args = parser.parse_args(argv)

    from rhetorika.extractors.loaded import LoadedTermExtractor
    from rhetorika.pipeline import default_nlp, make_doc
    from rhetorika.words import count_words

    texts = load_texts(args.corpus, args.limit)
    words = sum(count_words(text) for text in texts)
    nlp = default_nlp()
    shipped = LoadedTermExtractor()
    with tempfile.TemporaryDirectory() as folder:
        heavy = LoadedTermExtractor(lexicons=[user_lexicon(Path(folder))], mode="override")
        rare = LoadedTermExtractor(
            lexicons=[user_lexicon(Path(folder), phrases_only=True)], mode="override"
        )

    def docs_only() -> None:
        for text in texts:
            make_doc(nlp, text)

    def with_extractor(extractor: LoadedTermExtractor) -> Callable[[], None]:
        def run() -> None:
            for text in texts:
                extractor(make_doc(nlp, text))

        return run

    timed = median_seconds(
        {
            "make_doc": docs_only,
            "make_doc + loaded": with_extractor(shipped),
            "make_doc + loaded +10k": with_extractor(heavy),
            "make_doc + loaded +10k phrases": with_extractor(rare),
        },
        args.repeat,
    )
    base = timed["make_doc"]
    result: dict[str, object] = {
        "texts": len(texts),
        "words": words,
        "repeat": args.repeat,
        "clock": "process CPU time, interleaved rounds, median",
        "entries": {"shipped": len(shipped.entries), "with_user": len(heavy.entries)},
        "configurations": {},
    }
    for name, seconds in timed.items():
        overhead = 100 * (seconds - base) / base
        result["configurations"][name] = {  # type: ignore[index]
            "seconds": round(seconds, 3),
            "words_per_second": round(words / seconds),
            "overhead_percent": round(overhead, 1),
        }
        print(f"{name:<32} {words / seconds:>10,.0f} words/s  {overhead:+6.1f}%")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
