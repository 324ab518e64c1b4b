"""How much faster two processes make ``Analyzer.pipe``, and how much faster they could.

Each run is a fresh interpreter that feeds one ``pipe`` call the corpus
``--passes`` times over, with one process or with two, so the one-process
and the two-process runs both start with empty per-word caches, as a new job
does. Beside the time, the script prints the CPU time of the calling process
and of its workers, which shows where a second process's gain goes.

Two independent one-process jobs are also run side by side, to see whether
the two cores slow each other down (shared caches, memory bandwidth): if
they do not, all the extra CPU time of two workers is the cost of working
in two processes.

``--bound`` adds the same pair of runs with per-sentence readability taken
out: the document's result keeps no per-sentence counts, so nothing crosses
between processes for them. Since per-sentence results are kept as counts
and scored only when read, what is left to gain there is the counts'
transport alone. It is a what-if only: rhetorika always keeps them.

``--warm`` analyses the corpus once in the calling process before the clock
starts, as in ``throughput.py``, whose one-process rows run warm.
``--start-method`` is another what-if: rhetorika starts its workers from a
fork server with rhetorika preloaded (``spawn`` where there is none);
``fork`` workers would inherit the caller's built extractors and filled
caches.

Usage::

    python benchmarks/parallel_bound.py --corpus ../shared/bench/news_throughput.jsonl --bound
    python benchmarks/parallel_bound.py --corpus ... --bound --warm --start-method fork
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from multiprocessing import forkserver
from pathlib import Path
from typing import Any

_BOUND = "RHETORIKA_BENCH_NO_SENTENCE_READABILITY"
_START = "RHETORIKA_BENCH_START_METHOD"


def _without_sentence_readability() -> None:
    """Keep no per-sentence counts: every document's per-sentence results come back empty."""
    from array import array

    from rhetorika.extractors import readability

    class NoSentences(readability._SentenceCounts):
        __slots__ = ()

        def __init__(self, rows: Any) -> None:
            super().__init__(array("q"))

    readability._SentenceCounts = NoSentences  # type: ignore[misc]


# Workers start by importing this file again (spawn and the fork server
# both run the main module in each worker), so the environment variable
# reaches them too; forked workers inherit the patch.
if os.environ.get(_BOUND) == "1":
    _without_sentence_readability()
if os.environ.get(_START):
    import rhetorika._parallel

    rhetorika._parallel.START_METHODS = (os.environ[_START],)  # type: ignore[assignment]


def _children_cpu() -> float:
    """CPU seconds of this process's ended children, and of the fork server with its children.

    Workers started from a fork server are its children, not ours: their
    time is in the fork server's ``cutime`` and ``cstime`` (Linux ``/proc``),
    beside its own (importing rhetorika once).
    """
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = usage.ru_utime + usage.ru_stime
    server = getattr(forkserver._forkserver, "_forkserver_pid", None)
    stat = Path(f"/proc/{server}/stat")
    if server is not None and stat.exists():
        fields = stat.read_text().rsplit(")", 1)[1].split()
        own_and_children = sum(int(field) for field in fields[11:15])
        seconds += own_and_children / os.sysconf("SC_CLK_TCK")
    return seconds


def one_run(corpus: Path, passes: int, n_process: int, warm: bool) -> dict[str, float]:
    """Analyse the stream once in this interpreter and return its times."""
    from rhetorika import Analyzer

    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    stream = texts * passes
    analyzer = Analyzer()
    analyzer.analyze("Build the pipeline before the clock starts.")
    if warm:
        for _ in analyzer.pipe(texts):  # fill this process's per-word caches
            pass
    wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    reports = sum(1 for _ in analyzer.pipe(stream, n_process=n_process, batch_size=32))
    assert reports == len(stream)
    return {
        "seconds": time.perf_counter() - wall,
        "caller_cpu": time.process_time() - cpu,
        "workers_cpu": _children_cpu() - children,
    }


def fresh_runs(
    args: argparse.Namespace, n_process: int, bound: bool, *, at_once: int = 1
) -> list[dict[str, float]]:
    """Run ``at_once`` fresh interpreters side by side; their figures."""
    environment = dict(os.environ, **{_BOUND: "1" if bound else "0", _START: args.start_method})
    command = [sys.executable, __file__, "--corpus", str(args.corpus)]
    command += ["--passes", str(args.passes), "--one", str(n_process)]
    command += ["--warm"] if args.warm else []
    children = [
        subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, text=True)
        for _ in range(at_once)
    ]
    outputs = [child.communicate()[0] for child in children]
    if any(child.returncode for child in children):
        raise SystemExit(f"a benchmark run failed: {command}")
    return [json.loads(output) for output in outputs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--passes", type=int, default=4, help="times the corpus is streamed")
    parser.add_argument("--repeat", type=int, default=3, help="fresh runs per configuration")
    parser.add_argument("--bound", action="store_true", help="also run without sentence scores")
    parser.add_argument(
        "--warm", action="store_true", help="analyse the corpus once before the clock starts"
    )
    parser.add_argument(
        "--start-method",
        choices=["forkserver", "spawn", "fork"],
        default="",
        help="how workers start (default: rhetorika's choice, a fork server where there is "
        "one, else spawn; fork is a what-if)",
    )
    parser.add_argument("--out", type=Path, help="where to write the JSON figures")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a single run, in a child
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(one_run(args.corpus, args.passes, args.one, args.warm)))
        return

    configurations = [("sentence scores", False)]
    if args.bound:
        configurations.append(("no sentence scores", True))
    results: dict[str, Any] = {}
    print(
        f"{args.passes} passes over {args.corpus.name}, median of {args.repeat} fresh runs, "
        f"workers started by {args.start_method or 'the default method'}"
        + (", warmed up first" if args.warm else "")
    )
    print(f"{'configuration':<20} {'n':>2} {'seconds':>8} {'caller CPU':>11} {'workers CPU':>12}")
    for label, bound in configurations:
        medians = {}
        for n_process in (1, 2):
            runs = [fresh_runs(args, n_process, bound)[0] for _ in range(args.repeat)]
            median = sorted(runs, key=lambda run: run["seconds"])[len(runs) // 2]
            medians[n_process] = median
            print(
                f"{label:<20} {n_process:>2} {median['seconds']:>8.2f} "
                f"{median['caller_cpu']:>11.2f} {median['workers_cpu']:>12.2f}"
            )
        ratio = medians[1]["seconds"] / medians[2]["seconds"]
        print(f"{label:<20} two processes: {ratio:.2f}x one")
        results[label] = {"one_process": medians[1], "two_processes": medians[2], "ratio": ratio}
    # Do two cores slow each other down? Two independent one-process jobs at once.
    pairs = [fresh_runs(args, 1, False, at_once=2) for _ in range(args.repeat)]
    pair = sorted(pairs, key=lambda runs: max(run["seconds"] for run in runs))[len(pairs) // 2]
    alone = results["sentence scores"]["one_process"]["caller_cpu"]
    side_by_side = [run["caller_cpu"] for run in pair]
    print(
        f"two one-process jobs side by side: CPU {side_by_side[0]:.2f} s and "
        f"{side_by_side[1]:.2f} s each, against {alone:.2f} s alone"
    )
    results["two jobs side by side"] = pair
    if args.out:
        payload = {
            "date": time.strftime("%Y-%m-%d"),
            "start_method": args.start_method,
            "warm": args.warm,
            "passes": args.passes,
            "repeat": args.repeat,
            "cpus": os.cpu_count(),
            "results": results,
        }
        args.out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
