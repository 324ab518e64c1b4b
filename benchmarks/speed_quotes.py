"""Cost of quotation extraction on top of tokenization and sentences.

Usage::

    python benchmarks/speed_quotes.py --corpus ../shared/bench/news_throughput.jsonl

Prints words per second for ``make_doc`` alone (spaCy's blank English
tokenizer plus rhetorika's sentence rules), for ``make_doc`` followed by the
quotation extractor (the rules, its default) and for ``make_doc`` followed
by every built-in extractor, in the same run, each text timed in parts in
CPU seconds and each figure the median of ``--repeat`` passes
(`speed_common.split_medians`, shared with ``speed_hedges.py``). Then the
overhead of quotations as a share of ``make_doc``'s time (issue 16's budget
is 10%), the ratio of ``make_doc`` + every extractor to ``make_doc`` alone
(issue 16: at least 0.5), and the text path, quotations on the raw text
with the sentence rules and no ``Doc``.
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

from rhetorika.extractors import available_extractors, create_extractor
from rhetorika.extractors.quotes import QuotationExtractor
from rhetorika.sentences import sentence_starts
from rhetorika.words import count_words

BUDGET = 0.10
"""Issue 16: quotations add at most this share of ``make_doc``'s time."""

FLOOR = 0.5
"""Issue 16: every extractor together keeps this share of ``make_doc``'s speed."""


def measure(texts: list[str], *, repeat: int = 3) -> dict[str, Any]:
    """Words per second of ``make_doc`` alone, with quotations, and with every extractor."""
    quotations = QuotationExtractor()
    everything = [create_extractor(name) for name in available_extractors()]
    words = sum(count_words(text) for text in texts)

    def text_path() -> None:
        for text in texts:
            quotations.from_text(text, sentence_starts(text))

    seconds = split_medians(
        texts,
        {"quotations": [quotations], "all": everything},
        repeat=repeat,
        text_paths={"text": text_path},
    )
    base = seconds["make_doc"]
    return {
        "texts": len(texts),
        "words": words,
        "repeat": repeat,
        "extractors": [extractor.name for extractor in everything],
        "make_doc_words_per_second": words / base,
        "make_doc_quotations_words_per_second": words / (base + seconds["quotations"]),
        "make_doc_all_words_per_second": words / (base + seconds["all"]),
        "overhead_share": seconds["quotations"] / base,
        "all_speed_ratio": base / (base + seconds["all"]),
        "text_path_words_per_second": words / seconds["text"],
    }


def main(argv: list[str] | None = None) -> int:
    """Measure and print; optionally write JSON."""
    args = arguments(__doc__.splitlines()[0], argv)
    result = measure(load_texts(args.corpus, args.limit), repeat=args.repeat)
    print(
        f"{result['texts']} texts, {result['words']} words, median of {result['repeat']}\n"
        f"make_doc                   {result['make_doc_words_per_second']:>10,.0f} words/s\n"
        f"make_doc + quotations      {result['make_doc_quotations_words_per_second']:>10,.0f}"
        " words/s\n"
        f"make_doc + all extractors  {result['make_doc_all_words_per_second']:>10,.0f} words/s"
        f" ({', '.join(result['extractors'])})\n"
        f"overhead of quotations     {100 * result['overhead_share']:.1f}%"
        f" (budget {100 * BUDGET:.0f}%)\n"
        f"all extractors / make_doc  {result['all_speed_ratio']:.2f} of its speed"
        f" (floor {FLOOR})\n"
        f"text path, no Doc (sentence rules + quotations) "
        f"{result['text_path_words_per_second']:>10,.0f} words/s"
    )
    if args.out:
        write_figures(result, "speed_quotes.py", args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
