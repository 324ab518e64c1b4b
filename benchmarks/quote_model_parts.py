"""Where the learned quotation model's time goes, each part timed alone.

Usage::

    python benchmarks/quote_model_parts.py --corpus ../shared/bench/news_throughput.jsonl

Sentence starts, pairs and list runs are computed beforehand; each part
then runs over every text of the corpus, in CPU seconds of this process,
best of ``--repeat`` passes (warm caches, so a little less than inside
``model_quotations_of``, where the parts evict each other's code and data).
The parts: the rules' decisions (which the model reads as features), the
model's own features (the writer's voice among them, also timed apart),
scoring, and the whole model path against the rules' path. Run it with
``PYTHONPATH`` pointing at another checkout to compare two versions.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rhetorika.extractors import _quote_features, quotes
from rhetorika.extractors._quote_model import builtin_model
from rhetorika.quotemarks import MarkPair
from rhetorika.sentences import sentence_starts


def best_seconds(run: Callable[[], object], repeat: int) -> float:
    """Least CPU time of ``repeat`` runs after one untimed warm-up run."""
    run()
    best = float("inf")
    for _ in range(repeat):
        began = time.process_time()
        run()
        best = min(best, time.process_time() - began)
    return best


def main(argv: list[str] | None = None) -> int:
    """Print each part's time over the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="a JSON-lines file of texts")
    parser.add_argument("--repeat", type=int, default=5, help="passes per part (best is kept)")
    args = parser.parse_args(argv)
    with args.corpus.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines if line.strip()]
    starts = [sentence_starts(text) for text in texts]
    marks = [quotes.pair_marks(text) for text in texts]
    listed = [quotes._listed(text, pairs) for text, pairs in zip(texts, marks, strict=True)]
    # The features read pair_marks() tuples since the model path was made
    # faster; before, MarkPair objects.
    source = Path(_quote_features.__file__).read_text(encoding="utf-8")
    tuples = "pairs: list[MarkTuple]" in source
    pairs = marks if tuples else [[MarkPair.from_tuple(m) for m in ms] for ms in marks]
    rows = list(zip(texts, pairs, starts, listed, strict=True))
    model = builtin_model()
    active = [quotes.candidates(text, s)[1] for text, s in zip(texts, starts, strict=True)]
    scored = [names for names_of_text in active for names in names_of_text if "empty" not in names]

    def decisions() -> object:
        return [
            [quotes._decide(t, m, s, i in li, False) for i, m in enumerate(p)]
            for t, p, s, li in zip(texts, marks, starts, listed, strict=True)
        ]

    parts: dict[str, Callable[[], object]] = {
        "rules' decisions": decisions,
        "model features": lambda: [_quote_features.quotation_features(*row) for row in rows],
        "  of which the writer's voice": lambda: [
            _quote_features._writer_voice(text, p) for text, p, _, _ in rows if p
        ],
        "scoring": lambda: [model.predict(names) for names in scored],
        "model path": lambda: [
            quotes.model_quotations_of(t, s) for t, s in zip(texts, starts, strict=True)
        ],
        "rules path": lambda: [
            quotes.quotations_of(t, s) for t, s in zip(texts, starts, strict=True)
        ],
    }
    print(f"{len(texts)} texts, {len(scored)} quotations scored; best of {args.repeat}, CPU s")
    for name, run in parts.items():
        print(f"{name:32s} {best_seconds(run, args.repeat):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
