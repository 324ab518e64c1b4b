"""What moving reports between processes costs, against analysing them.

``Analyzer.pipe(n_process=N)`` analyses in workers and sends every report
back to the calling process, which unpickles it on one of the cores the
workers need. This script analyses the corpus in one process and then times,
in CPU seconds, pickling and unpickling its reports in batches of 32 (as
``pipe`` sends them, the garbage collector paused while unpickling as the
parent does) in three forms:

- ``shipped``: what a worker sends today: the report without its text,
  sentences as offsets, per-sentence readability as counts; unpickling
  includes rebuilding the report around the caller's text.
- ``report``: the whole report as it pickles on its own (text and
  sentences' texts included, per-sentence readability as counts).
- ``report, sentences read``: the same after ``readability.sentences`` was
  read, so each sentence's result travels as an object (what workers sent
  before per-sentence readability was kept as counts).

Usage::

    python benchmarks/transport.py --corpus ../shared/bench/news_throughput.jsonl
"""

from __future__ import annotations

import argparse
import gc
import json
import pickle
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from throughput import load_texts, median_seconds  # same folder: shared reader and timer

BATCH = 32


def cpu_seconds(run: Callable[[], object], repeat: int) -> float:
    """Median CPU time of ``repeat`` runs after one untimed run."""
    return median_seconds(run, repeat, clock=time.process_time)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="where to write the figures")
    args = parser.parse_args()

    import rhetorika
    from rhetorika._parallel import _received, _shipped

    texts = load_texts(args.corpus, None)
    analyzer = rhetorika.Analyzer()
    analyse = cpu_seconds(lambda: [analyzer.analyze(text) for text in texts], args.repeat)
    reports = [analyzer.analyze(text) for text in texts]
    read = [analyzer.analyze(text) for text in texts]
    for report in read:
        assert report.readability is not None
        report.readability.sentences  # noqa: B018  (builds the per-sentence results)
    batches = range(0, len(texts), BATCH)

    def dumps(items: list[Any]) -> list[bytes]:
        return [pickle.dumps(items[at : at + BATCH], pickle.HIGHEST_PROTOCOL) for at in batches]

    def loads(blobs: list[bytes], rebuild: bool) -> list[Any]:
        gc.disable()
        try:
            out = []
            for at, blob in zip(batches, blobs, strict=True):
                items = pickle.loads(blob)
                if rebuild:
                    items = [_received(texts[at + k], item) for k, item in enumerate(items)]
                out.extend(items)
            return out
        finally:
            gc.enable()

    forms: dict[str, tuple[Callable[[], list[Any]], bool]] = {
        "shipped": (lambda: [_shipped(report) for report in reports], True),
        "report": (lambda: reports, False),
        "report, sentences read": (lambda: read, False),
    }
    print(
        f"{len(texts)} texts; analysis {analyse:.2f} s CPU in one process "
        f"(median of {args.repeat}); batches of {BATCH}"
    )
    print(f"{'form':<24} {'bytes/report':>12} {'dumps s':>8} {'loads s':>8} {'share':>6}")
    figures: dict[str, Any] = {"texts": len(texts), "analysis_cpu_seconds": analyse}
    for name, (items, rebuild) in forms.items():
        blobs = dumps(items())
        assert loads(blobs, rebuild) == read  # (reading only the copies and `read`)
        size = sum(map(len, blobs)) / len(texts)
        dump = cpu_seconds(lambda items=items: dumps(items()), args.repeat)  # type: ignore[misc]
        load = cpu_seconds(lambda b=blobs, r=rebuild: loads(b, r), args.repeat)  # type: ignore[misc]
        share = (dump + load) / analyse
        print(f"{name:<24} {size:>12,.0f} {dump:>8.3f} {load:>8.3f} {share:>6.1%}")
        figures[name] = {"bytes_per_report": size, "dumps_cpu": dump, "loads_cpu": load}
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
