"""Timing shared by the extractor speed benchmarks (``speed_hedges.py``, ``speed_quotes.py``).

Each text is timed in parts in the same loop, ``make_doc`` and then each
group of extractors on its ``Doc``, in CPU seconds of this process
(``time.process_time``), so every part sees the same machine load and other
load on a shared machine counts as little as possible; each pass sums the
parts over all texts, and the figures are medians over the passes.
"""

from __future__ import annotations

import argparse
import datetime
import json
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rhetorika.pipeline import default_nlp, make_doc

OnDoc = Callable[[Any], object]


def cpu_seconds(run: Callable[[], object]) -> float:
    """CPU seconds of this process spent in ``run()``."""
    began = time.process_time()
    run()
    return time.process_time() - began


def split_medians(
    texts: list[str],
    groups: dict[str, Sequence[OnDoc]],
    *,
    repeat: int,
    text_paths: dict[str, Callable[[], object]] | None = None,
) -> dict[str, float]:
    """Median CPU seconds per pass of ``make_doc`` and of each group of extractors.

    ``groups`` maps a name to the extractors run one after the other on each
    text's ``Doc``; ``text_paths`` maps a name to a whole pass that needs no
    ``Doc``, timed once per pass after the split pass. One untimed pass
    warms caches and the allocator first. The result maps ``"make_doc"`` and
    every group and text-path name to its median seconds.
    """
    nlp = default_nlp()
    clock = time.process_time
    text_paths = text_paths or {}

    def split_pass() -> dict[str, float]:
        seconds = dict.fromkeys(["make_doc", *groups], 0.0)
        for text in texts:
            began = clock()
            doc = make_doc(nlp, text)
            seconds["make_doc"] += clock() - began
            for name, extractors in groups.items():
                began = clock()
                for extractor in extractors:
                    extractor(doc)
                seconds[name] += clock() - began
        return seconds

    split_pass()
    times: dict[str, list[float]] = {name: [] for name in ["make_doc", *groups, *text_paths]}
    for _ in range(repeat):
        for name, value in split_pass().items():
            times[name].append(value)
        for name, run in text_paths.items():
            times[name].append(cpu_seconds(run))
    return {name: statistics.median(values) for name, values in times.items()}


def arguments(description: str, argv: list[str] | None) -> argparse.Namespace:
    """The options every speed script takes: ``--corpus``, ``--repeat``, ``--limit``, ``--out``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="use the first N texts")
    parser.add_argument("--out", type=Path, default=None, help="write the figures as JSON")
    return parser.parse_args(argv)


def write_figures(result: dict[str, Any], script: str, args: argparse.Namespace) -> None:
    """Write ``result`` to ``args.out`` as JSON, with the command that made it, date and timer."""
    result["command"] = (
        f"python benchmarks/{script} --corpus ../shared/bench/news_throughput.jsonl "
        f"--repeat {args.repeat}"
    )
    result["date"] = datetime.date.today().isoformat()
    result["timer"] = "time.process_time (CPU seconds of this process)"
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
