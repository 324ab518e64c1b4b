"""Memory stays flat: stream many documents and compare RSS early and late.

Documents are drawn again and again, in order, from the bench corpus, so a
run of 200,000 documents passes each text about 185 times: any cache keyed
on whole texts, or any list kept in the Analyzer, would grow with the
stream. Resident memory (``VmRSS``) is read after the first checkpoint
(10,000 documents by default) and at the end; the difference is the figure
that matters, and it must stay under 50 MB.

Three paths are measured, each in its own fresh process so one cannot warm
the other (they run side by side, so their documents/s are not throughput
figures): ``pipe`` consumes ``Analyzer.pipe`` reports and drops them;
``rows`` consumes the feature rows that ``rhetorika.features``, the
scikit-learn transformer and ``rhetorika features`` all stream (the table
``features()`` returns is the output itself, so it naturally grows by its
own size, about 8 bytes a cell; the command line writes rows out instead);
``doc`` is ``pipe`` forced through a spaCy ``Doc`` (an explicit ``nlp``),
the path every token-level extractor takes, where spaCy's vocabulary
(``nlp.vocab.strings``) grows with each new word form it sees.

Usage::

    python benchmarks/memory.py --corpus ../shared/bench/news_throughput.jsonl
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from itertools import cycle, islice
from pathlib import Path

LIMIT_MB = 50.0


def rss_mb() -> float:
    """Current resident set size of this process, from /proc (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def stream(corpus: Path, documents: int) -> Iterator[str]:
    with corpus.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines]
    return islice(cycle(texts), documents)


def measure(path: str, corpus: Path, documents: int, checkpoint: int) -> dict[str, float]:
    """Run one path in this process and return its RSS figures in MB."""
    import rhetorika
    from rhetorika._table import feature_rows, schema_of
    from rhetorika.pipeline import default_nlp

    analyzer = rhetorika.Analyzer(nlp=default_nlp() if path == "doc" else None)
    texts = stream(corpus, documents)
    if path in ("pipe", "doc"):
        results: Iterator[object] = analyzer.pipe(texts, batch_size=64)
    else:
        schema = schema_of(analyzer)
        results = feature_rows(analyzer, texts, schema=schema, batch_size=64, n_process=1)
    began = time.perf_counter()
    at_checkpoint = None
    done = 0
    for _ in results:
        done += 1
        if done == checkpoint:
            at_checkpoint = rss_mb()
            print(f"  {path}: {done:>7,} documents, RSS {at_checkpoint:.1f} MB", flush=True)
    at_end = rss_mb()
    print(f"  {path}: {done:>7,} documents, RSS {at_end:.1f} MB", flush=True)
    assert at_checkpoint is not None, "fewer documents than the checkpoint"
    return {
        "documents": done,
        "checkpoint": checkpoint,
        "rss_at_checkpoint_mb": at_checkpoint,
        "rss_at_end_mb": at_end,
        "growth_mb": at_end - at_checkpoint,
        "peak_rss_mb": peak_mb(),
        "seconds": time.perf_counter() - began,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="JSONL with a 'text' field")
    parser.add_argument("--documents", type=int, default=200_000)
    parser.add_argument("--checkpoint", type=int, default=10_000)
    parser.add_argument("--paths", default="pipe,rows,doc", help="of: pipe, rows, doc")
    parser.add_argument(
        "--json",
        type=Path,
        default=Path("benchmarks/results/memory.json"),
        help="where to write the figures",
    )
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        figures = measure(args.child, args.corpus, args.documents, args.checkpoint)
        print(json.dumps(figures))
        return 0

    import rhetorika

    print(
        f"{args.documents:,} documents from {args.corpus}, RSS after {args.checkpoint:,} "
        f"and at the end; extractors: {', '.join(rhetorika.available_extractors())}",
        flush=True,
    )
    report: dict[str, object] = {
        "date": time.strftime("%Y-%m-%d"),
        "rhetorika": rhetorika.__version__,
        "extractors": list(rhetorika.available_extractors()),
        "limit_mb": LIMIT_MB,
    }
    ok = True
    paths = args.paths.split(",")
    children = {
        path: subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--corpus",
                str(args.corpus),
                "--documents",
                str(args.documents),
                "--checkpoint",
                str(args.checkpoint),
                "--child",
                path,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in paths
    }
    for path, child in children.items():
        stdout, stderr = child.communicate()
        if child.returncode:
            sys.stderr.write(stderr)
            return child.returncode
        *progress, last = stdout.strip().splitlines()
        print("\n".join(progress), flush=True)
        figures = json.loads(last)
        report[path] = figures
        verdict = "ok" if figures["growth_mb"] < LIMIT_MB else "TOO MUCH"
        ok = ok and figures["growth_mb"] < LIMIT_MB
        print(
            f"{path:<5} growth {figures['growth_mb']:+.1f} MB ({verdict}), peak "
            f"{figures['peak_rss_mb']:.0f} MB, {figures['documents'] / figures['seconds']:,.0f} "
            "documents/s",
            flush=True,
        )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
