"""Accuracy of both quotation classifiers side by side, their speed, and a linear-time check.

The rules (the default) and the experimental learned model
(``QuotationExtractor(classifier="model")``) are measured in the same run on
the same data.

Usage::

    python benchmarks/eval_quotes.py --data ../shared/eval \
        [--corpus ../shared/bench/news_throughput.jsonl] [--errors] [--out FILE]

* ``quotes/scare_quotes_dev.jsonl`` and ``quotes/scare_quotes_train.jsonl``
  (2,213 hand-labelled quotations), split by document into the study half
  (the model was trained on it; the rules were tuned on part of
  scare_quotes_dev, which straddles both halves) and the check half (``sha1(doc_id)``
  0 mod 5; never studied): precision, recall and F1 of the scare class,
  five-kind accuracy and the confusion matrix for each half side by side
  (and scare F1 and accuracy per file and half: the rules were tuned on
  scare_quotes_dev, so scare_quotes_train's part is the fairer comparison); on
  the check half also the Brier score of ``confidence`` (squared error
  against "the kind is right") and a reliability table.
* ``quotes/polnear_train.jsonl``: the share of quotations inside annotated
  reported speech (``quote_in_attribution``) that are called scare quotes.
* The seed article: which of its ten scare quotes are found, and whether any
  other quotation is called scare.
* With ``--corpus``: each classifier's time (sentence starts computed
  beforehand) against spaCy's blank tokenizer on the same texts, same run.
* Time per mark of pairing and of the whole extractor on 1,000, 10,000 and
  100,000 marks of several shapes, for each classifier; flat from 10k to
  100k means linear time.

The data is read from ``--data`` and never copied into the repository.
``--errors`` prints every study-half record whose kind was wrong, with its
context and the annotator's reason; the check half's errors are never listed.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from scoring import in_check_half, score
from throughput import median_seconds  # same folder: the benchmarks share one timer

from rhetorika import Analyzer, QuotationKind
from rhetorika.extractors.quotes import (
    CLASSIFIERS,
    QuotationExtractor,
    model_quotations_of,
    quotations_of,
)
from rhetorika.quotemarks import pair_quotes
from rhetorika.sentences import sentence_starts

KINDS = [kind.value for kind in QuotationKind]
ROOT = Path(__file__).resolve().parent
LABELLED = ("quotes/scare_quotes_dev.jsonl", "quotes/scare_quotes_train.jsonl")
SEED = ROOT.parent / "seeds" / "putin_imitates_peace_negotiations.txt"
SEED_SCARE = tuple(
    json.loads((SEED.parent / "seed_scare_quotes.json").read_text(encoding="utf-8"))["scare"]
)
BINS = 10
CLASSIFY = {"rules": quotations_of, "model": model_quotations_of}


def _records(path: Path) -> list[dict]:  # type: ignore[type-arg]
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _find(quotations, start: int, end: int, open_start: int, close_end: int):  # type: ignore[no-untyped-def]
    """The predicted quotation for a gold one: same content, else same marks."""
    for q in quotations:
        if q.start == start and q.end == end:
            return q
    for q in quotations:
        if q.open_mark[0] == open_start and q.close_mark and q.close_mark[1] == close_end:
            return q
    return None


def _scores(confusion: Counter[tuple[str, str]], judged: list[tuple[float, bool]]) -> dict:  # type: ignore[type-arg]
    tp = confusion["scare", "scare"]
    fp = sum(v for (g, p), v in confusion.items() if p == "scare" and g != "scare")
    fn = sum(v for (g, p), v in confusion.items() if g == "scare" and p != "scare")
    columns = [*KINDS, "unpaired"]
    total = sum(confusion.values())
    correct = sum(confusion[k, k] for k in KINDS)
    table = []
    for b in range(BINS):
        low, high = b / BINS, (b + 1) / BINS
        inside = [(c, ok) for c, ok in judged if low <= c < high or (b == BINS - 1 and c == 1.0)]
        if inside:
            table.append(
                {
                    "bin": f"{low:.1f}-{high:.1f}",
                    "count": len(inside),
                    "mean_confidence": statistics.fmean(c for c, _ in inside),
                    "accuracy": statistics.fmean(ok for _, ok in inside),
                }
            )
    return {
        "quotations": total,
        "scare": score(tp, fp, fn),
        "accuracy_five_kinds": correct / total if total else None,
        "brier_confidence": statistics.fmean((c - ok) ** 2 for c, ok in judged)
        if judged
        else None,
        "reliability": table,
        "confusion": {g: {p: confusion[g, p] for p in columns} for g in KINDS},
    }


def evaluate_labelled(analyzer: Analyzer, data: Path, *, errors: bool) -> dict:  # type: ignore[type-arg]
    """Scores on the study half and the check half of the labelled quotations."""
    confusion = {"study": Counter(), "check": Counter()}  # type: ignore[var-annotated]
    by_file = {(h, n): Counter() for h in ("study", "check") for n in LABELLED}  # type: ignore[var-annotated]
    judged: dict[str, list[tuple[float, bool]]] = {"study": [], "check": []}
    seen: set[tuple[str, int, int]] = set()
    cache: dict[str, tuple] = {}  # type: ignore[type-arg]
    for name in LABELLED:
        for record in _records(data / name):
            span = record["spans"][0]
            text = record["text"]
            doc = record.get("doc_id") or record["id"]
            key = (doc, span["start"], span["end"])
            if key in seen:
                continue
            seen.add(key)
            half = "check" if in_check_half(doc) else "study"
            if text not in cache:
                cache[text] = analyzer.analyze(text).quotations or ()
            found = _find(
                cache[text],
                span["start"],
                span["end"],
                span.get("open_mark_start", span["start"] - 1),
                span.get("close_mark_end", span["end"] + 1),
            )
            gold = span["label"]
            predicted = found.kind.value if found else "unpaired"
            confusion[half][gold, predicted] += 1
            by_file[half, name][gold, predicted] += 1
            if found is not None:
                judged[half].append((found.confidence, predicted == gold))
            if errors and half == "study" and gold != predicted:
                left = max(0, span["start"] - 120)
                context = text[left : span["end"] + 80].replace("\n", " / ")
                print(
                    f"[{record['id']}] gold={gold} predicted={predicted} "
                    f"evidence={'; '.join(found.evidence) if found else ''}\n    {context}\n"
                    f"    reason: {record.get('reason', '')}\n"
                )
    return {
        "files": list(LABELLED),
        "study": _scores(confusion["study"], judged["study"]),
        "check": _scores(confusion["check"], judged["check"]),
        "by_file": {
            f"{half} {name}": _file_scores(counts) for (half, name), counts in by_file.items()
        },
    }


def _file_scores(confusion: Counter[tuple[str, str]]) -> dict:  # type: ignore[type-arg]
    """Scare P/R/F1 and five-kind accuracy of one file's part of one half (no list of errors)."""
    tp = confusion["scare", "scare"]
    fp = sum(v for (g, p), v in confusion.items() if p == "scare" and g != "scare")
    fn = sum(v for (g, p), v in confusion.items() if g == "scare" and p != "scare")
    total = sum(confusion.values())
    correct = sum(confusion[k, k] for k in KINDS)
    return {
        "quotations": total,
        "scare": score(tp, fp, fn),
        "accuracy_five_kinds": correct / total if total else None,
    }


def evaluate_seed(analyzer: Analyzer) -> dict:  # type: ignore[type-arg]
    """The seed article's ten scare quotes: found, missed, and other quotations called scare."""
    report = analyzer.analyze(SEED.read_text(encoding="utf-8"))
    called = [q.text for q in report.quotations or () if q.kind is QuotationKind.SCARE]
    return {
        "scare_quotes": len(SEED_SCARE),
        "found": sum(1 for q in SEED_SCARE if q in called),
        "missed": [q for q in SEED_SCARE if q not in called],
        "others_called_scare": [q for q in called if q not in SEED_SCARE],
    }


def speed(corpus: Path, repeat: int = 3) -> dict:  # type: ignore[type-arg]
    """Median seconds of spaCy's blank tokenizer and of each classifier on the same texts."""
    import spacy

    texts = [record["text"] for record in _records(corpus)]
    starts = [sentence_starts(text) for text in texts]
    blank = spacy.blank("en")

    def median(function: Callable[[], object]) -> float:
        return median_seconds(function, repeat)

    tokenizer = median(lambda: [blank(text) for text in texts])
    pairing = median(lambda: [pair_quotes(text) for text in texts])
    out = {
        "corpus": corpus.name,
        "texts": len(texts),
        "repeat": repeat,
        "blank_tokenizer_seconds": tokenizer,
        "pairing_seconds": pairing,
        "pairing_over_tokenizer": pairing / tokenizer,
    }
    for name, classify in CLASSIFY.items():
        seconds = median(lambda c=classify: [c(t, s) for t, s in zip(texts, starts, strict=True)])
        out[f"{name}_seconds"] = seconds
        out[f"{name}_over_tokenizer"] = seconds / tokenizer
    return out


def evaluate_polnear(analyzer: Analyzer, path: Path) -> dict:  # type: ignore[type-arg]
    total = scare = unpaired = 0
    kinds: Counter[str] = Counter()
    for record in _records(path):
        spans = [s for s in record["spans"] if s["label"] == "quote_in_attribution"]
        if not spans:
            continue
        report = analyzer.analyze(record["text"])
        quotations = report.quotations or ()
        by_marks = {
            (q.open_mark[0], q.close_mark[1] if q.close_mark else None): q for q in quotations
        }
        for span in spans:
            total += 1
            found = by_marks.get((span["start"], span["end"]))
            if found is None:
                found = _find(quotations, span["start"] + 1, span["end"] - 1, -1, -1)
            if found is None:
                unpaired += 1
                continue
            kinds[found.kind.value] += 1
            scare += found.kind is QuotationKind.SCARE
    return {
        "file": "quotes/polnear_train.jsonl",
        "quote_in_attribution": total,
        "paired": total - unpaired,
        "called_scare": scare,
        "share_called_scare": scare / total if total else None,
        "kinds": dict(kinds),
    }


_SHAPES = {
    "stray curly openers": "\u201c",
    "straight double quotes": ' "a',
    "alternating families": "\u201c\u2018",
    "apostrophes and single quotes": " 'a' b's",
    "marks and blank lines": "\u201ca\n\n",
}


def _per_mark(function, text: str, marks: int, repeat: int) -> float:  # type: ignore[no-untyped-def]
    """Best time per mark in microseconds, with the garbage collector paused (as timeit)."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            began = time.perf_counter()
            function(text)
            best = min(best, time.perf_counter() - began)
    finally:
        gc.enable()
    return best / marks * 1e6


def _extractor(classify):  # type: ignore[no-untyped-def]
    def extract(text: str) -> object:
        return classify(text, sentence_starts(text))

    return extract


def bounds() -> dict:  # type: ignore[type-arg]
    """Time per mark at 1k, 10k and 100k marks; flat from 10k on means linear.

    The step from 1k to 10k is the text outgrowing the processor's fast caches
    (a few kilobytes against tens); a quadratic cost would instead grow ten
    times from 10k to 100k.
    """
    out = {}
    for name, unit in _SHAPES.items():
        per_unit = sum(unit.count(c) for c in "\u201c\u2018\"'")
        rows: dict[int, dict[str, float]] = {}
        for marks in _SIZES:
            text = unit * (marks // per_unit)
            rows[marks] = {"pairing_us_per_mark": _per_mark(pair_quotes, text, marks, 5)}
            for classifier, classify in CLASSIFY.items():
                rows[marks][f"{classifier}_us_per_mark"] = _per_mark(
                    _extractor(classify), text, marks, 5
                )
        out[name] = {f"{marks // 1000}k": row for marks, row in rows.items()}
        for classifier in CLASSIFY:
            key = f"{classifier}_us_per_mark"
            out[name][f"{classifier}_ratio_100k_to_1k"] = rows[100_000][key] / rows[1_000][key]
            out[name][f"{classifier}_ratio_100k_to_10k"] = rows[100_000][key] / rows[10_000][key]
    return out


_SIZES = (1_000, 10_000, 100_000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, type=Path, help="folder holding quotes/*.jsonl")
    parser.add_argument("--corpus", type=Path, help="news JSONL for the speed measurement")
    parser.add_argument("--errors", action="store_true", help="list every wrong study record")
    parser.add_argument(
        "--errors-of", choices=CLASSIFIERS, default="rules", help="whose errors --errors lists"
    )
    parser.add_argument("--no-bounds", action="store_true", help="skip the linear-time check")
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "quotes.json")
    args = parser.parse_args(argv)
    result: dict = {  # type: ignore[type-arg]
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
        "command": "python benchmarks/eval_quotes.py --data ../shared/eval "
        "--corpus ../shared/bench/news_throughput.jsonl",
        "classifiers": {},
    }
    for classifier in CLASSIFIERS:
        analyzer = Analyzer(extractors=[QuotationExtractor(classifier=classifier)])
        result["classifiers"][classifier] = {
            "labelled": evaluate_labelled(
                analyzer, args.data, errors=args.errors and classifier == args.errors_of
            ),
            "polnear": evaluate_polnear(analyzer, args.data / "quotes" / "polnear_train.jsonl"),
            "seed": evaluate_seed(analyzer),
        }
    if args.corpus is not None:
        result["speed"] = speed(args.corpus)
    if not args.no_bounds:
        result["bounds"] = bounds()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for classifier in CLASSIFIERS:
        _print_figures(classifier, result["classifiers"][classifier])
    if "speed" in result:
        sp = result["speed"]
        print(
            f"speed on {sp['corpus']} ({sp['texts']} texts, median of {sp['repeat']}): blank "
            f"tokenizer {sp['blank_tokenizer_seconds']:.2f} s; rules "
            f"{sp['rules_seconds']:.2f} s = {100 * sp['rules_over_tokenizer']:.1f}% of the "
            f"tokenizer; model {sp['model_seconds']:.2f} s = "
            f"{100 * sp['model_over_tokenizer']:.1f}% (pairing alone "
            f"{100 * sp['pairing_over_tokenizer']:.1f}%)"
        )
    for name, row in result.get("bounds", {}).items():
        for classifier in CLASSIFIERS:
            key = f"{classifier}_us_per_mark"
            print(
                f"bounds {name}, {classifier}: {row['1k'][key]:.2f} us/mark at 1k, "
                f"{row['10k'][key]:.2f} at 10k, {row['100k'][key]:.2f} at 100k "
                f"(100k/1k {row[f'{classifier}_ratio_100k_to_1k']:.2f}, "
                f"100k/10k {row[f'{classifier}_ratio_100k_to_10k']:.2f})"
            )
    return 0


def _print_figures(classifier: str, figures: dict) -> None:  # type: ignore[type-arg]
    """One classifier's accuracy figures, study and check halves side by side."""
    print(f"== {classifier} ==")
    columns = [*KINDS, "unpaired"]
    for half in ("study", "check"):
        fig = figures["labelled"][half]
        scare = fig["scare"]
        brier = fig["brier_confidence"]
        print(
            f"{half} half ({fig['quotations']} quotations): scare P {scare['precision']:.3f}  "
            f"R {scare['recall']:.3f}  F1 {scare['f1']:.3f}  (tp {scare['tp']}, fp {scare['fp']}, "
            f"fn {scare['fn']}); five-kind accuracy {fig['accuracy_five_kinds']:.3f}; "
            f"Brier of confidence {brier:.3f}"
        )
        print("  confusion (rows gold, columns predicted):")
        print("            " + "".join(f"{c:>9}" for c in columns))
        for gold in KINDS:
            print(f"  {gold:>9} " + "".join(f"{fig['confusion'][gold][c]:>9}" for c in columns))
    for part, fig in figures["labelled"]["by_file"].items():
        f1, accuracy = fig["scare"]["f1"], fig["accuracy_five_kinds"]
        print(
            f"  {part} ({fig['quotations']}): scare F1 "
            f"{'undefined' if f1 is None else f'{f1:.3f}'}, accuracy "
            f"{'undefined' if accuracy is None else f'{accuracy:.3f}'}"
        )
    print("check half reliability (confidence bin: count, mean confidence, accuracy):")
    for row in figures["labelled"]["check"]["reliability"]:
        print(
            f"  {row['bin']}: {row['count']:>4}  "
            f"{row['mean_confidence']:.3f}  {row['accuracy']:.3f}"
        )
    pol = figures["polnear"]
    print(
        f"polnear quote_in_attribution: {pol['called_scare']} of {pol['quote_in_attribution']} "
        f"called scare ({100 * pol['share_called_scare']:.2f}%), {pol['paired']} paired"
    )
    seed = figures["seed"]
    print(
        f"seed article: {seed['found']} of {seed['scare_quotes']} scare quotes found "
        f"(missed: {seed['missed']}); other quotations called scare: {seed['others_called_scare']}"
    )


if __name__ == "__main__":
    sys.exit(main())
