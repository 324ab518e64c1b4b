"""Cost of hedge and booster extraction on top of tokenization and sentences.

Usage::

    python benchmarks/speed_hedges.py --corpus ../shared/bench/news_throughput.jsonl

Prints words per second for ``make_doc`` alone (spaCy's blank English
tokenizer plus rhetorika's sentence rules) and for ``make_doc`` followed by
the hedge and booster extractors, in the same run, each the median of
``--repeat`` passes over the same texts, each text timed in two parts
(``make_doc``, then the extractors) in CPU seconds of this process
(``time.process_time``, so other load on a shared machine counts as little as
possible), and the overhead of the extractors
as a share of ``make_doc``'s time (the budget is 25%); then the text path
that ``Analyzer`` takes when every extractor can work without a ``Doc``
(sentence rules, hedges and boosters on the raw text), and that text path
again with the opt-in booster judge (``BoosterExtractor(classifier="model")``)
deciding the boosters, with the same-run ratio of the two. :func:`measure`
can be called from ``benchmarks/throughput.py``.
"""

from __future__ import annotations

import sys
from typing import Any

from speed_common import (  # same folder: the speed benchmarks share timing
    arguments,
    split_medians,
    write_figures,
)
from throughput import load_texts  # same folder: the benchmarks share one reader

from rhetorika.extractors.boosters import BoosterExtractor
from rhetorika.extractors.hedges import HedgeExtractor
from rhetorika.sentences import sentence_starts
from rhetorika.words import count_words


def measure(texts: list[str], *, repeat: int = 3) -> dict[str, Any]:
    """Words per second of ``make_doc`` alone and with hedges and boosters.

    Each text is timed in two parts in the same loop, ``make_doc`` and then
    the two extractors on its ``Doc``, so both parts see the same machine
    load; each pass sums the parts over all texts, and the figures are the
    medians over ``repeat`` passes (`speed_common.split_medians`).
    """
    hedges, boosters = HedgeExtractor(), BoosterExtractor()
    judged = BoosterExtractor(classifier="model")
    words = sum(count_words(text) for text in texts)

    def text_path() -> None:
        for text in texts:
            starts = sentence_starts(text)
            hedges.from_text(text, starts)
            boosters.from_text(text, starts)

    def judged_text_path() -> None:
        for text in texts:
            starts = sentence_starts(text)
            hedges.from_text(text, starts)
            judged.from_text(text, starts)

    seconds = split_medians(
        texts,
        {"cues": [hedges, boosters]},
        repeat=repeat,
        text_paths={"text": text_path, "text_judge": judged_text_path},
    )
    base, cues = seconds["make_doc"], seconds["cues"]
    return {
        "texts": len(texts),
        "words": words,
        "repeat": repeat,
        "make_doc_words_per_second": words / base,
        "make_doc_hedges_boosters_words_per_second": words / (base + cues),
        "overhead_share": cues / base,
        "text_path_words_per_second": words / seconds["text"],
        "text_path_seconds": seconds["text"],
        "text_path_judge_words_per_second": words / seconds["text_judge"],
        "text_path_judge_seconds": seconds["text_judge"],
        "judge_ratio": seconds["text_judge"] / seconds["text"],
    }


def main(argv: list[str] | None = None) -> int:
    """Measure and print; optionally write JSON."""
    args = arguments(__doc__.splitlines()[0], argv)
    result = measure(load_texts(args.corpus, args.limit), repeat=args.repeat)
    print(
        f"{result['texts']} texts, {result['words']} words, median of {result['repeat']}\n"
        f"make_doc                      {result['make_doc_words_per_second']:>10,.0f} words/s\n"
        f"make_doc + hedges + boosters  "
        f"{result['make_doc_hedges_boosters_words_per_second']:>10,.0f} words/s\n"
        f"overhead of hedges + boosters {100 * result['overhead_share']:.1f}% (budget 25%)\n"
        f"text path, no Doc (sentence rules + hedges + boosters) "
        f"{result['text_path_words_per_second']:>10,.0f} words/s "
        f"({result['text_path_seconds']:.3f} s)\n"
        f"text path, booster judge opted in (classifier='model') "
        f"{result['text_path_judge_words_per_second']:>10,.0f} words/s "
        f"({result['text_path_judge_seconds']:.3f} s, "
        f"{result['judge_ratio']:.2f}x the rules' text path)"
    )
    if args.out:
        write_figures(result, "speed_hedges.py", args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
