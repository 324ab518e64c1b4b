"""Time (and optionally memory) per input size for adversarial inputs.

Each case is run at a size n and at 10n; linear code takes about ten times
as long at 10n, quadratic code a hundred times. ``tests/test_bounds.py``
imports the cases from here and asserts the ratio at smaller sizes.

Usage::

    python benchmarks/bounds.py                 # the sizes named in issue 9
    python benchmarks/bounds.py --scale 0.1     # a tenth of them
    python benchmarks/bounds.py --memory        # also peak traced memory

"Through analyze" runs :func:`rhetorika.analyze` with every available
extractor (on the default pipeline, text-level extractors may skip spaCy);
"through a Doc" runs the same extractors on a ``Doc`` made by
:func:`rhetorika.pipeline.make_doc`, which is the path token-level
extractors and user pipelines take.
"""

from __future__ import annotations

import argparse
import gc
import platform
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import attrs

import rhetorika
from rhetorika.lexicons import read_rows
from rhetorika.pipeline import Analyzer, default_nlp


@attrs.frozen
class Case:
    """An adversarial input family: ``make(n)`` builds an input of size n."""

    name: str
    what: str
    make: Callable[[int], Any]
    size: int  # the 10n of issue 9; the benchmark also runs size // 10
    unit: str


def _quotes_run(n: int) -> str:
    return '"' * n


def _quotes_open(n: int) -> str:
    # Opening marks that never close, each in a clause, as in scraped forum text.
    return "He said \u201cno " * n


def _paragraph(n: int) -> str:
    words = ("the", "talks", "may", "perhaps", "continue", "regime", "so-called", "clearly")
    out = []
    size = 0
    i = 0
    while size < n:
        word = words[i % len(words)]
        out.append(word)
        size += len(word) + 1
        i += 1
    return " ".join(out)[:n]


_CUES = (
    "may",
    "allegedly",
    "so-called",
    "regime",
    "clearly",
    "thugs",
    "\u201cpeace\u201d",
    "perhaps",
    "utterly",
    "evil",
    "critics say",
    "about 40",
    "indeed",
)


def _cues(n: int) -> str:
    # One endless sentence packed with hedges, boosters, loaded terms and quotes.
    unit = " ".join(_CUES) + " "
    return (unit * (n // len(unit) + 1))[:n]


def _word(n: int) -> str:
    return ("abcdefghij" * (n // 10 + 1))[:n]


def _spaces_then_break(n: int) -> str:
    # Trailing spaces before a line break: the segmenter walks back over them.
    return "x" + " " * n + "\n" + "Next line."


def _brackets(n: int) -> str:
    return "(" * n + "x" + ")" * n


def _lexicon(n: int) -> list[str]:
    head = ["# rhetorika-lexicon: bounds  format=1  version=1  license=MIT", "term\tcategory"]
    return head + [f"term{i} word{i % 97}\tpejorative" for i in range(n)]


CASES: tuple[Case, ...] = (
    Case("quotes_run", "unbalanced quotation marks in one run", _quotes_run, 100_000, "marks"),
    Case("quotes_open", "unbalanced opening quotation marks", _quotes_open, 100_000, "marks"),
    Case("paragraph", "one paragraph with no sentence end", _paragraph, 5_000_000, "chars"),
    Case("cues", "one paragraph dense with cues (chars)", _cues, 1_000_000, "chars"),
    Case("word", "a single word", _word, 1_000_000, "chars"),
    Case("spaces", "spaces before one line break", _spaces_then_break, 1_000_000, "spaces"),
    Case("brackets", "nested brackets", _brackets, 50_000, "pairs"),
    Case("lexicon", "lexicon entries through read_rows", _lexicon, 100_000, "entries"),
)


def runners() -> dict[str, Callable[[Any], object]]:
    """The two ways text is analysed: through ``analyze``, and through a ``Doc``."""
    through_doc = Analyzer(nlp=default_nlp())
    return {"analyze": rhetorika.analyze, "doc": through_doc.analyze}


def run_lexicon(lines: list[str]) -> object:
    return read_rows(lines, path="<bounds>", required=("term", "category"))


def seconds(run: Callable[[Any], object], value: Any, *, repeat: int = 1) -> float:
    """Best wall time of ``repeat`` runs of ``run(value)``."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run(value)
        best = min(best, time.perf_counter() - start)
    return best


def peak_bytes(run: Callable[[Any], object], value: Any) -> int:
    """Peak memory traced by ``tracemalloc`` while running ``run(value)``."""
    gc.collect()
    tracemalloc.start()
    try:
        run(value)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size")
    parser.add_argument("--memory", action="store_true", help="also report peak memory")
    parser.add_argument("--repeat", type=int, default=1, help="best of this many runs")
    args = parser.parse_args()
    print(f"rhetorika {rhetorika.__version__}, Python {platform.python_version()}")
    print(f"extractors: {', '.join(rhetorika.available_extractors())}")
    paths = runners()
    header = f"{'case':<12} {'path':<8} {'n':>10} {'t(n) s':>8} {'t(10n) s':>9} {'ratio':>6}"
    if args.memory:
        header += f" {'MB(n)':>7} {'MB(10n)':>8}"
    print(header)
    for case in CASES:
        large = max(10, int(case.size * args.scale))
        small = large // 10
        inputs = (case.make(small), case.make(large))
        chosen = {"read_rows": run_lexicon} if case.name == "lexicon" else paths
        for path, run in chosen.items():
            run(case.make(10))  # warm up: build pipelines, load data
            times = [seconds(run, value, repeat=args.repeat) for value in inputs]
            line = (
                f"{case.name:<12} {path:<8} {small:>10} {times[0]:>8.3f} {times[1]:>9.3f} "
                f"{times[1] / times[0]:>6.1f}"
            )
            if args.memory:
                peaks = [peak_bytes(run, value) / 1e6 for value in inputs]
                line += f" {peaks[0]:>7.1f} {peaks[1]:>8.1f}"
            print(line, flush=True)


if __name__ == "__main__":
    main()
