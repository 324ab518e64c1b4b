"""Train the booster judge and write ``src/rhetorika/data/boosters_judge.v1.json``.

Usage::

    python scripts/train_boosters.py --data ../shared/eval [--skip-check] [--out FILE]

Reads ``hedges/boosters_dev.jsonl`` under ``--data`` and trains on its
**study half** only (records whose ``sha1(doc_id)`` is not 0 mod 5). Every
booster candidate of the lexicon that the context rules do not turn into a
hedge (what ``BoosterExtractor(context_rules=False)`` would report, less the
negated ones) becomes one example with the features of
``rhetorika.extractors._booster_judge``. Its label: the candidate overlaps a
gold booster cue, whatever the gold cue's category. That is the cue
matching of ``benchmarks/eval_boosters.py``'s "all" rows (overlap, category
ignored), the rows the targets of issue 19 are set on; the category a kept
cue reports is still the lexicon's (or its rule's).

The model is an L2-regularised logistic regression fitted by Newton's method
(numpy, build time only): inputs sorted, no randomness, so the same data
gives the same file. The penalty and the decision threshold are chosen
together by cross-validation on the study half: five folds grouped by
document, three assignments of documents to folds, out-of-fold
probabilities pooled; the pair with the best mean of cue-level and
sentence-level F1 (scored as the eval script scores, every gold cue
counted) wins. The final model is fitted on the whole study half. At the
end, and only then, the script scores the shipped judge on the study half
(fitted) and on the check half, through the extractor itself, and records
those figures in the file; ``--skip-check`` leaves the check half unread
(for trying features: read the cross-validated figures only).

The context rules' verdicts are left out of the shipped judge's features.
The rules were written from this very study half's errors, so on it their
verdict is nearly always right (cue F1 0.934 against 0.759 on the check
half): a judge given them learns to copy them, and cross-validation on the
study half cannot see that it overfits (with them it scores exactly the
rules' 0.934). ``--stack-rules`` trains that stacked judge, for comparison.
Negation is still read by the rules: a negated booster is a hedge either way.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from _training import fit_logistic, in_check_half

from rhetorika.extractors._booster_judge import (
    FORMAT,
    JUDGE_FILE,
    BoosterJudge,
    describe,
)
from rhetorika.extractors.boosters import boosters_from_cues
from rhetorika.extractors.hedges import find_cues_in_text, judged_candidates
from rhetorika.sentences import sentence_starts

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "rhetorika" / "data" / JUDGE_FILE
FILE = "hedges/boosters_dev.jsonl"
COMMAND = "python scripts/train_boosters.py --data ../shared/eval"
FOLDS = 5
REPEATS = 3
PENALTIES = (0.3, 1.0, 3.0, 10.0)
THRESHOLDS = tuple(round(0.3 + 0.025 * i, 3) for i in range(21))
VERSION = 1

Span = tuple[int, int]


def fold_of(doc_id: str, repeat: int) -> int:
    """A document's cross-validation fold in one repeat (all its candidates in one fold)."""
    return int(hashlib.sha1(f"fold{repeat}:{doc_id}".encode()).hexdigest(), 16) % FOLDS


def read(data: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The study and the check half, each sorted by record id."""
    with (data / FILE).open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    records.sort(key=lambda r: str(r["id"]))
    study = [r for r in records if not in_check_half(str(r.get("doc_id") or r["id"]))]
    check = [r for r in records if in_check_half(str(r.get("doc_id") or r["id"]))]
    return study, check


_PROBE = BoosterJudge(
    id="boosters_judge.probe", weights={"bias": 0.0}, threshold=0.5, descriptions={"bias": "-"}
)
"""Keeps every candidate (0.5 at threshold 0.5): training never reads the shipped file."""


def _rule_feature(name: str) -> bool:
    """Whether ``name`` is a context rule's verdict (``rule:*``, ``rejected_by=*``)."""
    return name.startswith(("rule:", "rejected_by="))


def examples(
    records: Sequence[dict[str, Any]], *, stack_rules: bool = False
) -> list[tuple[int, Span, list[str], bool]]:
    """(record index, candidate span, active features, label) of every candidate.

    Without ``stack_rules`` the rules' verdicts are left out of the features.
    """
    rows = []
    for index, record in enumerate(records):
        text = record["text"]
        gold = [(s["start"], s["end"]) for s in record["spans"]]
        for start, end, names in judged_candidates(text, sentence_starts(text), _PROBE):
            if not stack_rules:
                names = [name for name in names if not _rule_feature(name)]
            label = any(start < g_end and g_start < end for g_start, g_end in gold)
            rows.append((index, (start, end), names, label))
    return rows


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def figures(records: Sequence[dict[str, Any]], kept: Sequence[list[Span]]) -> dict[str, Any]:
    """Sentence- and cue-level P/R/F1 of the kept spans per record, as eval_boosters scores "all".

    Cue level: a kept span and a gold cue match when they overlap, one to
    one, whatever the categories.
    """
    sentence = [0, 0, 0]
    cue = [0, 0, 0]
    for record, found in zip(records, kept, strict=True):
        gold = [(s["start"], s["end"]) for s in record["spans"]]
        sentence[0] += bool(gold) and bool(found)
        sentence[1] += bool(found) and not gold
        sentence[2] += bool(gold) and not found
        used: set[int] = set()
        for start, end in found:
            for index, (g_start, g_end) in enumerate(gold):
                if index not in used and start < g_end and g_start < end:
                    used.add(index)
                    break
        cue[0] += len(used)
        cue[1] += len(found) - len(used)
        cue[2] += len(gold) - len(used)
    return {"sentence": _prf(*sentence), "cue": _prf(*cue)}


def _objective(result: dict[str, Any]) -> float:
    return round((result["sentence"]["f1"] + result["cue"]["f1"]) / 2, 6)


def _kept_spans(
    records: Sequence[dict[str, Any]],
    rows: Sequence[tuple[int, Span, list[str], bool]],
    probabilities: Sequence[float],
    threshold: float,
) -> list[list[Span]]:
    kept: list[list[Span]] = [[] for _ in records]
    for (index, span, _, _), p in zip(rows, probabilities, strict=True):
        if p >= threshold:
            kept[index].append(span)
    return kept


def judged_figures(records: Sequence[dict[str, Any]], judge: BoosterJudge) -> dict[str, Any]:
    """The figures of the extractor itself with ``judge`` (what eval_boosters measures)."""
    kept = []
    for record in records:
        text = record["text"]
        starts = sentence_starts(text)
        cues = find_cues_in_text(text, starts, judge=judge)
        kept.append([(b.start, b.end) for b in boosters_from_cues(cues, starts)])
    return figures(records, kept)


def train(
    data: Path, *, date: str, score_check: bool = True, stack_rules: bool = False
) -> dict[str, Any]:
    """The weights file's content, trained on the study half under ``data``."""
    study, check = read(data)
    rows = examples(study, stack_rules=stack_rules)
    names = ["bias", *sorted({n for row in rows for n in row[2]} - {"bias"})]
    column = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, row in enumerate(rows):
        for name in row[2]:
            x[i, column[name]] = 1.0
    y = np.array([1.0 if row[3] else 0.0 for row in rows])
    doc_ids = [str(study[row[0]].get("doc_id") or study[row[0]]["id"]) for row in rows]
    splits = [np.array([fold_of(d, repeat) for d in doc_ids]) for repeat in range(REPEATS)]
    tried: dict[str, dict[str, float]] = {}
    best: tuple[float, float, float] | None = None
    best_held: list[np.ndarray] = []
    for penalty in PENALTIES:
        held_by_repeat = []
        for folds in splits:
            held = np.zeros(len(rows))
            for fold in range(FOLDS):
                inside = folds != fold
                held[~inside] = 1.0 / (
                    1.0 + np.exp(-(x[~inside] @ fit_logistic(x[inside], y[inside], penalty)))
                )
            held_by_repeat.append(held)
        for threshold in THRESHOLDS:
            results = [
                figures(study, _kept_spans(study, rows, list(held), threshold))
                for held in held_by_repeat
            ]
            score = sum(_objective(r) for r in results) / REPEATS
            tried[f"{penalty} {threshold}"] = {"mean_f1": round(score, 4)}
            if best is None or score > best[0] + 1e-9:
                best, best_held = (score, penalty, threshold), held_by_repeat
    assert best is not None
    _, penalty, threshold = best
    pooled = [
        figures(study, _kept_spans(study, rows, list(held), threshold)) for held in best_held
    ]
    cv = {
        level: _prf(*(sum(r[level][k] for r in pooled) for k in ("tp", "fp", "fn")))
        for level in ("sentence", "cue")
    }
    weights = fit_logistic(x, y, penalty)
    rounded = {name: round(float(w), 4) + 0.0 for name, w in zip(names, weights, strict=True)}
    descriptions = {name: describe(name) or name for name in names}
    judge = BoosterJudge(
        id=f"boosters_judge.v{VERSION}",
        weights=rounded,
        threshold=threshold,
        descriptions=descriptions,
    )
    return {
        "format": FORMAT,
        "name": "boosters_judge",
        "version": VERSION,
        "license": "MIT",
        "about": (
            "Binary logistic regression deciding whether a booster candidate of the hedge "
            "lexicon is a booster in its context (rhetorika.extractors._booster_judge). Score: "
            "the sum of the active features' weights; confidence: 1 / (1 + exp(-score)); kept "
            "at or above the threshold. Written by scripts/train_boosters.py; do not edit."
        ),
        "classes": ["not a booster", "booster"],
        "threshold": threshold,
        "training": {
            "command": COMMAND,
            "date": date,
            "data": FILE,
            "half": "study (documents whose sha1(doc_id) is not 0 mod 5)",
            "documents": len({str(r.get("doc_id") or r["id"]) for r in study}),
            "sentences": len(study),
            "gold_cues": sum(len(r["spans"]) for r in study),
            "candidates": len(rows),
            "candidates_overlapping_a_gold_cue": int(y.sum()),
            "label": "the candidate overlaps a gold booster cue of any category",
            "rule_verdicts_as_features": stack_rules,
            "model": "logistic regression, L2 on every weight but the bias, Newton's method",
            "penalty": penalty,
            "folds": (
                f"{FOLDS}, grouped by document, {REPEATS} assignments of documents to folds; "
                "penalty and threshold maximise the mean of cue and sentence F1 out of fold, "
                "averaged over the assignments"
            ),
            "tried (penalty threshold): mean F1 out of fold": tried,
        },
        "study_half_cross_validated": {
            "note": f"out-of-fold, counts pooled over {REPEATS} assignments",
            **cv,
        },
        "study_half_fitted": judged_figures(study, judge),
        "check_half": (
            {"sentences": len(check), **judged_figures(check, judge)}
            if score_check
            else {"sentences": len(check), "note": "not scored (--skip-check)"}
        ),
        "features": {name: descriptions[name] for name in names},
        "weights": rounded,
    }


def render(content: dict[str, Any]) -> str:
    """The file as written: indented JSON, keys in the order above."""
    return json.dumps(content, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, type=Path, help="the shared eval folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the judge")
    parser.add_argument("--date", default="2026-12-06", help="the date written in the file")
    parser.add_argument(
        "--skip-check", action="store_true", help="do not score the check half (feature trials)"
    )
    parser.add_argument(
        "--stack-rules",
        action="store_true",
        help="add the context rules' verdicts to the features (see the module docstring)",
    )
    args = parser.parse_args(argv)
    content = train(
        args.data, date=args.date, score_check=not args.skip_check, stack_rules=args.stack_rules
    )
    args.out.write_text(render(content), encoding="utf-8")
    training = content["training"]
    print(
        f"wrote {args.out}: {training['candidates']} candidates "
        f"({training['candidates_overlapping_a_gold_cue']} boosters), "
        f"penalty {training['penalty']}, threshold {content['threshold']}"
    )
    for label, key in (
        ("study, cross-validated", "study_half_cross_validated"),
        ("study, fitted", "study_half_fitted"),
        ("check", "check_half"),
    ):
        part = content[key]
        if "cue" not in part:
            print(f"{label}: {part['note']}")
            continue
        print(
            f"{label}: sentence P {part['sentence']['precision']:.3f} R "
            f"{part['sentence']['recall']:.3f} F1 {part['sentence']['f1']:.3f}; cue P "
            f"{part['cue']['precision']:.3f} R {part['cue']['recall']:.3f} F1 "
            f"{part['cue']['f1']:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
