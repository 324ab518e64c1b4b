"""Check that two versions of rhetorika find exactly the same loaded terms.

Usage (from ``benchmarks/``)::

    PYTHONPATH=../old-checkout/src python same_loaded.py dump old.pickle \\
        --corpus ../../shared/bench/news_throughput.jsonl --eval ../../shared/eval/loaded
    PYTHONPATH=../src python same_loaded.py dump new.pickle --corpus ... --eval ...
    python same_loaded.py compare old.pickle new.pickle

``dump`` runs the installed (or ``PYTHONPATH``) rhetorika on every bench
text, every distinct text of the loaded-terms eval files and a fixed set of
generated texts (lexicon and affect-table words, negations, hedges,
intensifiers, quotation marks, capitals, years, hyphenated prefixes, blank
lines and characters that case folding treats specially). Each text is run
through several extractors: the shipped one, the judge off, lexicon matches
the judge may overrule, low thresholds (so that affect-table and morphology
candidates are reported too), a category filter with a minimum intensity,
and the two 10,000-entry user lexicons of ``speed_loaded.py`` (dense and
rare phrases). For each it records every field of every term on the ``Doc``
path and on the text path, on a ``Doc`` with part-of-speech tags (a fixed
tag per word, so the tagged rules run without a model), and the judge's
features of every candidate (``candidates_with_features``). ``compare``
prints how many records differ and the first differences. A speed change to
the extractor must leave every record equal.
"""

from __future__ import annotations

import random
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Any

import attrs
from same_output import dump_or_compare  # same folder
from speed_loaded import user_lexicon  # same folder: the same 10k lexicons the speed runs use

from rhetorika.data._affect import affect_table
from rhetorika.extractors.loaded import LoadedTermExtractor
from rhetorika.lexicons.loaded import builtin_lexicon
from rhetorika.pipeline import default_nlp, make_doc
from rhetorika.sentences import sentence_starts

_TAGS = ("ADJ", "ADV", "VERB", "AUX", "NOUN", "PROPN", "DET", "PUNCT", "ADP")
_CONTEXT = (
    "not|n't|isnt|never|no|without|may|might|reportedly|allegedly|very|truly|utterly|so|most|"
    "absolutely|the|a|of|in|was|were|been|is|said|to|into|hospital|people|migrants|they|"
    "Smith|Obama|The|New|Party|anti-|pro-|far-|hard-|-gate|-wing|Trump|Marx|ism|ist|"
    "1999|2003|2020|-loving|-hating|gun|left|right|\u017f|\u212a|\u0130|\u00e9lite|na\u00efve"
).split("|")
_MARKS = [*"\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e-", *["\n", "\n\n", " ", " ", " ", " "]]
_PUNCT = [", ", ". ", ": ", "; ", "? ", " - ", " \u2014 ", "(", ") "]


def generated_texts(count: int, *, seed: int = 17) -> list[str]:
    """Texts made of random pieces: loaded and affect words in every kind of context."""
    rng = random.Random(seed)
    lexicon = sorted({entry.entry for entry in builtin_lexicon().entries})
    affect = sorted(word for word, (valence, _) in affect_table().items() if abs(valence) >= 1.5)
    texts = []
    for _ in range(count):
        pieces = []
        for _ in range(rng.randint(1, 120)):
            kind = rng.random()
            if kind < 0.2:
                word = rng.choice(lexicon)
            elif kind < 0.35:
                word = rng.choice(affect)
            elif kind < 0.65:
                word = rng.choice(_CONTEXT)
            elif kind < 0.85:
                word = rng.choice(_MARKS)
            else:
                word = rng.choice(_PUNCT)
            if rng.random() < 0.15:
                word = word.capitalize() if rng.random() < 0.7 else word.upper()
            pieces.append(word)
            if rng.random() < 0.6:
                pieces.append(" ")
        texts.append("".join(pieces))
    return texts


def extractors(folder: Path) -> dict[str, LoadedTermExtractor]:
    """The configurations every text is run through, by name."""
    return {
        "shipped": LoadedTermExtractor(),
        "judge_off": LoadedTermExtractor(judge="off"),
        "overrule": LoadedTermExtractor(overrule=["loaded.v1"]),
        "threshold_0.05": LoadedTermExtractor(threshold=0.05),
        "threshold_0.2": LoadedTermExtractor(threshold=0.2, overrule=["loaded.v1"]),
        "threshold_0": LoadedTermExtractor(threshold=0.0),
        "categories": LoadedTermExtractor(
            categories=["emotive", "pejorative", "evaluative"], min_intensity=0.3
        ),
        "dense_10k": LoadedTermExtractor(lexicons=[user_lexicon(folder)], mode="override"),
        "rare_10k": LoadedTermExtractor(
            lexicons=[user_lexicon(folder, phrases_only=True)], mode="override"
        ),
    }


_TAGGED = ("shipped", "overrule", "threshold_0.05", "judge_off")
_FEATURES = ("shipped", "dense_10k")


def tagged(doc: Any) -> Any:
    """``doc`` with a fixed part-of-speech tag on every token, chosen from its lower case."""
    for token in doc:
        token.pos_ = _TAGS[zlib.crc32(token.lower_.encode("utf-8")) % len(_TAGS)]
    return doc


def _plain(terms: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    return [tuple(getattr(v, "value", v) for v in attrs.astuple(t, recurse=False)) for t in terms]


def record(text: str, nlp: Any, chosen: dict[str, LoadedTermExtractor]) -> dict[str, Any]:
    """Everything the extractors say about ``text``, as plain values."""
    starts = sentence_starts(text)
    doc = make_doc(nlp, text)
    tagged_doc = tagged(make_doc(nlp, text))
    out: dict[str, Any] = {}
    for name, extractor in chosen.items():
        out[f"{name}.doc"] = _plain(extractor(doc))
        out[f"{name}.text"] = _plain(extractor.from_text(text, starts))
        if name in _TAGGED:
            out[f"{name}.tagged"] = _plain(extractor(tagged_doc))
        if name in _FEATURES:
            out[f"{name}.features"] = extractor.candidates_with_features(doc)
            out[f"{name}.tagged_features"] = extractor.candidates_with_features(tagged_doc)
    return out


def main(argv: list[str] | None = None) -> int:
    """Dump the records of this rhetorika, or compare two dumps."""

    def dump(texts: list[str]) -> tuple[list[Any], str]:
        nlp = default_nlp()
        with tempfile.TemporaryDirectory() as folder:
            chosen = extractors(Path(folder))
        records = [record(text, nlp, chosen) for text in texts]
        terms = sum(len(r["shipped.doc"]) for r in records)
        dense = sum(len(r["dense_10k.doc"]) for r in records)
        return records, f"{terms} terms (shipped), {dense} (dense 10k) on the Doc path"

    return dump_or_compare(
        argv,
        description=__doc__.splitlines()[0],
        eval_help="the loaded-terms eval folder",
        dump=dump,
        generated=generated_texts,
    )


if __name__ == "__main__":
    sys.exit(main())
