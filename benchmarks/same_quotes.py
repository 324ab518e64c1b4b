"""Check that two versions of rhetorika find exactly the same quotations.

Usage::

    PYTHONPATH=../old-checkout/src python benchmarks/same_quotes.py dump old.pickle \\
        --corpus ../shared/bench/news_throughput.jsonl --eval ../shared/eval/quotes
    PYTHONPATH=src python benchmarks/same_quotes.py dump new.pickle --corpus ... --eval ...
    python benchmarks/same_quotes.py compare old.pickle new.pickle

``dump`` runs the installed (or ``PYTHONPATH``) rhetorika on every bench
text, every distinct text of the quotation eval files and a fixed set of
generated texts full of quotation marks, blank lines, cue words and
characters that case-insensitive matching treats specially ("ſ", "K", "İ");
for each it records the paired marks, the quotations of the ``Doc`` path
and of the text path (span, marks, kind, confidence, evidence, sentence),
the learned model's active features and its quotations. ``compare`` prints
how many texts differ and the first differences. A speed change to the
quotation extractor must leave every record equal.
"""

from __future__ import annotations

import random
import sys
from typing import Any

from same_output import dump_or_compare  # same folder

from rhetorika.extractors.quotes import (
    QuotationExtractor,
    candidates,
    model_quotations_of,
    quotations_of,
)
from rhetorika.pipeline import default_nlp, make_doc
from rhetorika.quotemarks import pair_quotes
from rhetorika.sentences import sentence_starts

_PIECES = [
    *"\"'\u201c\u201d\u2018\u2019\u00ab\u00bb",
    *["``", "''", "\n", "\n\n", "\n \n", " ", " ", " ", ", ", ". ", ": ", "x" * 45, "word " * 30],
    *(
        "-|(|)|=|so-called|alleged|allegedly|said|says|told|called|the word|known as|the film|"
        "would|has|he|she|they|their|Iran's|no|not|far from|peace|experts|hats|means|the|a|"
        "Smith|Obama|I|we|The|Show|New|Deal|\u017fo-called|\u212aNOWN AS|\u0130T|sa\u0131d|"
        "wORD|\u00e9lite|na\u00efve|according to|added|wrote|under the guise of|term:|such as|"
        "Russian for|is called|would have|, would|the film,|MAGA|hat|\u017fHALL"
    ).split("|"),
]


def generated_texts(count: int, *, seed: int = 16) -> list[str]:
    """Texts made of random pieces: marks, blank lines, cue words, odd characters."""
    rng = random.Random(seed)
    return ["".join(rng.choices(_PIECES, k=rng.randint(1, 120))) for _ in range(count)]


def record(text: str, nlp: Any, extractor: QuotationExtractor) -> tuple[Any, ...]:
    """Everything the quotation extractor says about ``text``, as plain values."""
    starts = sentence_starts(text)
    pairs = pair_quotes(text)
    on_doc = extractor(make_doc(nlp, text))
    on_text = quotations_of(text, starts)
    _, active = candidates(text, starts)
    model = model_quotations_of(text, starts)
    return (
        [(p.open_start, p.open_end, p.close_start, p.close_end) for p in pairs],
        [_plain(q) for q in on_doc],
        [_plain(q) for q in on_text],
        active,
        [_plain(q) for q in model],
    )


def _plain(q: Any) -> tuple[Any, ...]:
    return (
        q.start, q.end, q.text, q.open_mark, q.close_mark, q.kind.value,
        q.confidence, q.evidence, q.sentence,
    )  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Dump the records of this rhetorika, or compare two dumps."""

    def dump(texts: list[str]) -> tuple[list[Any], str]:
        nlp = default_nlp()
        extractor = QuotationExtractor()
        records = [record(text, nlp, extractor) for text in texts]
        return records, f"{sum(len(r[1]) for r in records)} quotations on the Doc path"

    return dump_or_compare(
        argv,
        description=__doc__.splitlines()[0],
        eval_help="the quotes eval folder",
        dump=dump,
        generated=generated_texts,
    )


if __name__ == "__main__":
    sys.exit(main())
