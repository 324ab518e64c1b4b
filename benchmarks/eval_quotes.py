"""Accuracy of the quotations extractor, and a linear-time check of mark pairing.

Usage::

    python benchmarks/eval_quotes.py --data ../shared/eval [--errors] [--out FILE]

* ``quotes/scare_quotes_dev.jsonl``: precision, recall and F1 of the scare
  class, and the confusion matrix over the five kinds (plus ``unpaired`` when
  the gold quotation was not found as a pair).
* ``quotes/polnear_train.jsonl``: the share of quotations inside annotated
  reported speech (``quote_in_attribution``) that are called scare quotes.
* Time per mark of pairing and of the whole extractor on 1,000, 10,000 and
  100,000 marks of several shapes; flat from 10k to 100k means linear time.

The data is read from ``--data`` and never copied into the repository.
``--errors`` prints every development record whose kind was wrong, with its
context and the annotator's reason, for study.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from rhetorika import Analyzer, QuotationKind
from rhetorika.extractors.quotes import quotations_of
from rhetorika.quotemarks import pair_quotes
from rhetorika.sentences import sentence_starts

KINDS = [kind.value for kind in QuotationKind]
ROOT = Path(__file__).resolve().parent


def _records(path: Path) -> list[dict]:  # type: ignore[type-arg]
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _find(quotations, start: int, end: int, open_start: int, close_end: int):  # type: ignore[no-untyped-def]
    """The predicted quotation for a gold one: same content, else same marks, else overlap."""
    for q in quotations:
        if q.start == start and q.end == end:
            return q
    for q in quotations:
        if q.open_mark[0] == open_start and q.close_mark and q.close_mark[1] == close_end:
            return q
    return None


def evaluate_dev(analyzer: Analyzer, path: Path, *, errors: bool) -> dict:  # type: ignore[type-arg]
    confusion: Counter[tuple[str, str]] = Counter()
    listing = []
    for record in _records(path):
        span = record["spans"][0]
        text = record["text"]
        report = analyzer.analyze(text)
        found = _find(
            report.quotations or (),
            span["start"],
            span["end"],
            span.get("open_mark_start", span["start"] - 1),
            span.get("close_mark_end", span["end"] + 1),
        )
        gold = span["label"]
        predicted = found.kind.value if found else "unpaired"
        confusion[gold, predicted] += 1
        if gold != predicted:
            left = max(0, span["start"] - 120)
            listing.append(
                {
                    "id": record["id"],
                    "gold": gold,
                    "predicted": predicted,
                    "evidence": list(found.evidence) if found else [],
                    "context": text[left : span["end"] + 80].replace("\n", " / "),
                    "reason": record.get("reason", ""),
                }
            )
    tp = confusion["scare", "scare"]
    fp = sum(v for (g, p), v in confusion.items() if p == "scare" and g != "scare")
    fn = sum(v for (g, p), v in confusion.items() if g == "scare" and p != "scare")
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = (
        2 * precision * recall / (precision + recall)
        if precision is not None and recall is not None and precision + recall
        else None
    )
    columns = [*KINDS, "unpaired"]
    matrix = {g: {p: confusion[g, p] for p in columns} for g in KINDS}
    total = sum(confusion.values())
    correct = sum(confusion[k, k] for k in KINDS)
    if errors:
        for item in listing:
            print(
                f"[{item['id']}] gold={item['gold']} predicted={item['predicted']} "
                f"evidence={','.join(item['evidence'])}\n    {item['context']}\n"
                f"    reason: {item['reason']}\n"
            )
    return {
        "file": "quotes/scare_quotes_dev.jsonl",
        "records": total,
        "scare": {
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "precision": precision,
            "recall": recall,
            "f1": f1,
        },
        "accuracy_five_kinds": correct / total if total else None,
        "confusion": matrix,
        "errors": len(listing),
    }


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


def _extract(text: str) -> object:
    return quotations_of(text, sentence_starts(text))


def bounds() -> dict:  # type: ignore[type-arg]
    """Time per mark at 1k, 10k and 100k marks; flat from 10k on means linear.

    The step from 1k to 10k is the text outgrowing the processor's fast caches
    (a few kilobytes against tens); a quadratic cost would instead grow ten
    times from 10k to 100k.
    """
    out = {}
    for name, unit in _SHAPES.items():
        per_unit = sum(unit.count(c) for c in "\u201c\u2018\"'")
        rows = {}
        for marks in _SIZES:
            text = unit * (marks // per_unit)
            rows[marks] = {
                "pairing_us_per_mark": _per_mark(pair_quotes, text, marks, 5),
                "extractor_us_per_mark": _per_mark(_extract, text, marks, 5),
            }
        key = "extractor_us_per_mark"
        out[name] = {
            **{f"{marks // 1000}k": row for marks, row in rows.items()},
            "extractor_ratio_100k_to_1k": rows[100_000][key] / rows[1_000][key],
            "extractor_ratio_100k_to_10k": rows[100_000][key] / rows[10_000][key],
        }
    return out


_SIZES = (1_000, 10_000, 100_000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, type=Path, help="folder holding quotes/*.jsonl")
    parser.add_argument("--errors", action="store_true", help="list every wrong dev record")
    parser.add_argument("--no-bounds", action="store_true", help="skip the linear-time check")
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "quotes.json")
    args = parser.parse_args(argv)
    analyzer = Analyzer(extractors=["quotations"])
    result: dict = {  # type: ignore[type-arg]
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
        "command": "python benchmarks/eval_quotes.py --data ../shared/eval",
        "dev": evaluate_dev(
            analyzer, args.data / "quotes" / "scare_quotes_dev.jsonl", errors=args.errors
        ),
        "polnear": evaluate_polnear(analyzer, args.data / "quotes" / "polnear_train.jsonl"),
    }
    if not args.no_bounds:
        result["bounds"] = bounds()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    dev = result["dev"]
    scare = dev["scare"]
    print(
        f"scare_quotes_dev: P {scare['precision']:.3f}  R {scare['recall']:.3f}  "
        f"F1 {scare['f1']:.3f}  (tp {scare['tp']}, fp {scare['fp']}, fn {scare['fn']}); "
        f"five-kind accuracy {dev['accuracy_five_kinds']:.3f}"
    )
    print("confusion (rows gold, columns predicted):")
    columns = [*KINDS, "unpaired"]
    print("          " + "".join(f"{c:>9}" for c in columns))
    for gold in KINDS:
        print(f"{gold:>9} " + "".join(f"{dev['confusion'][gold][c]:>9}" for c in columns))
    pol = result["polnear"]
    print(
        f"polnear quote_in_attribution: {pol['called_scare']} of {pol['quote_in_attribution']} "
        f"called scare ({100 * pol['share_called_scare']:.2f}%), {pol['paired']} paired"
    )
    for name, row in result.get("bounds", {}).items():
        print(
            f"bounds {name}: {row['1k']['extractor_us_per_mark']:.2f} us/mark at 1k, "
            f"{row['10k']['extractor_us_per_mark']:.2f} at 10k, "
            f"{row['100k']['extractor_us_per_mark']:.2f} at 100k "
            f"(100k/1k {row['extractor_ratio_100k_to_1k']:.2f}, "
            f"100k/10k {row['extractor_ratio_100k_to_10k']:.2f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
