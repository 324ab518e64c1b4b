"""Train the quotation classifier and write ``src/rhetorika/data/quotations.v1.json``.

Usage::

    python scripts/train_quotes.py --data ../shared/eval [--out FILE] [--date YYYY-MM-DD]

Reads ``quotes/scare_quotes_dev.jsonl`` and ``quotes/scare_quotes_train.jsonl``
from ``--data`` (never copied into the repository), splits their documents
into the study half and the check half (``../shared/eval/README.md``: a
document is in the check half when the SHA-1 of its ``doc_id`` is 0 mod 5),
and on the study half only:

1. chooses the L2 penalty and an offset added to the scare score (the
   scare class is rare; the offset trades its precision for recall) by
   5-fold cross-validation with folds grouped by document (the same article
   appears in both files), repeated with three different assignments of
   documents to folds and pooled (with 141 scare quotes one split moves
   scare F1 by a few hundredths, more than most choices change it),
   maximising scare F1 plus five-kind accuracy;
2. fits a temperature on the pooled out-of-fold scores of the chosen
   penalty, so that the probabilities are calibrated;
3. fits the final multinomial logistic regression on the whole study half.

The check half is scored once, with the final model, and its figures (scare
precision, recall and F1, five-kind accuracy, Brier score, reliability
table) go into the file's header; nothing is chosen by them. Every step is
deterministic (sorted inputs, no random numbers, full-batch L-BFGS from one
start, weights rounded to four decimals), so the same data and date give
the same file byte for byte. Needs numpy and scipy (``pip install
'rhetorika[train]'``); rhetorika itself needs neither at run time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
from _training import in_check_half
from scipy.optimize import minimize

from rhetorika.extractors._quote_features import DESCRIPTIONS
from rhetorika.extractors._quote_model import FORMAT, MODEL_FILE
from rhetorika.extractors.quotes import candidates
from rhetorika.sentences import sentence_starts

CLASSES = ("scare", "direct", "title", "mention", "other")
FILES = ("quotes/scare_quotes_dev.jsonl", "quotes/scare_quotes_train.jsonl")
PENALTIES = (1.0, 3.0, 10.0, 30.0)
SCARE_OFFSETS = (0.0, 0.25, 0.5, 0.75, 1.0)
FOLDS = 5
REPEATS = 3  # assignments of documents to folds, pooled
BINS = 10
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "rhetorika" / "data" / MODEL_FILE
COMMAND = "python scripts/train_quotes.py --data ../shared/eval"


def fold_of(doc_id: str, repeat: int = 0) -> int:
    """A document's cross-validation fold in one repeat, from another part of a SHA-1.

    Repeat 0 uses the document's own hash (above the check-half digit);
    later repeats hash the document id prefixed with the repeat number.
    """
    if repeat == 0:
        return (int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) // 5) % FOLDS
    return (int(hashlib.sha1(f"{repeat}:{doc_id}".encode()).hexdigest(), 16) // 5) % FOLDS


def load(data: Path, files: Sequence[str]) -> tuple[list[dict[str, Any]], int]:
    """Gold quotations with their features, sorted by (doc, offset); and the count unpaired."""
    rows: dict[tuple[str, int, int], dict[str, Any]] = {}
    cache: dict[str, tuple[list[Any], list[list[str]]]] = {}
    unpaired = 0
    for name in files:
        with (data / name).open(encoding="utf-8") as handle:
            records = [json.loads(line) for line in handle if line.strip()]
        for record in records:
            text = record["text"]
            span = record["spans"][0]
            if text not in cache:
                cache[text] = candidates(text, sentence_starts(text))
            pairs, active = cache[text]
            index = match(pairs, span)
            if index is None:
                unpaired += 1
                continue
            doc = record.get("doc_id") or record["id"]
            key = (doc, pairs[index].open_start, pairs[index].close_start)
            rows[key] = {"doc": doc, "label": span["label"], "features": active[index]}
    return [rows[key] for key in sorted(rows)], unpaired


def match(pairs: Sequence[Any], span: dict[str, Any]) -> int | None:
    """The pair holding a gold span: same content, else same marks."""
    for index, pair in enumerate(pairs):
        if pair.open_end == span["start"] and pair.close_start == span["end"]:
            return index
    open_start = span.get("open_mark_start", span["start"] - 1)
    close_end = span.get("close_mark_end", span["end"] + 1)
    for index, pair in enumerate(pairs):
        if pair.open_start == open_start and pair.close_end == close_end:
            return index
    return None


def matrix(rows: Sequence[dict[str, Any]], names: Sequence[str]) -> np.ndarray:
    column = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, row in enumerate(rows):
        for name in row["features"]:
            if name in column:
                x[i, column[name]] = 1.0
    return x


def fit(x: np.ndarray, y: np.ndarray, penalty: float) -> np.ndarray:
    """Multinomial logistic regression, L2 on every weight but the bias (column 0)."""
    d = x.shape[1]
    k = len(CLASSES)
    onehot = np.eye(k)[y]
    mask = np.ones((d, k))
    mask[0] = 0.0

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        w = flat.reshape(d, k)
        scores = x @ w
        scores -= scores.max(axis=1, keepdims=True)
        log_p = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
        value = -(onehot * log_p).sum() + 0.5 * penalty * ((w * mask) ** 2).sum()
        grad = x.T @ (np.exp(log_p) - onehot) + penalty * w * mask
        return float(value), grad.ravel()

    result = minimize(
        loss,
        np.zeros(d * k),
        jac=True,
        method="L-BFGS-B",
        options={"maxiter": 20000, "maxfun": 40000, "gtol": 1e-10, "ftol": 0.0},
    )
    return np.round(result.x.reshape(d, k), 4)


def probabilities(x: np.ndarray, w: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    scores = (x @ w) / temperature
    scores -= scores.max(axis=1, keepdims=True)
    e = np.exp(scores)
    return e / e.sum(axis=1, keepdims=True)


def fit_temperature(scores: np.ndarray, y: np.ndarray) -> float:
    """The temperature that minimises the log loss of out-of-fold scores (grid, 0.01 steps)."""
    best, best_t = float("inf"), 1.0
    for t in np.arange(0.5, 3.001, 0.01):
        s = scores / t
        s = s - s.max(axis=1, keepdims=True)
        log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        value = -log_p[np.arange(len(y)), y].sum()
        if value < best - 1e-12:
            best, best_t = value, round(float(t), 2)
    return best_t


def figures(y: np.ndarray, p: np.ndarray) -> dict[str, Any]:
    """Scare P/R/F1, five-kind accuracy, Brier score (five kinds) and a reliability table."""
    predicted = p.argmax(axis=1)
    scare = 0
    tp = int(((predicted == scare) & (y == scare)).sum())
    fp = int(((predicted == scare) & (y != scare)).sum())
    fn = int(((predicted != scare) & (y == scare)).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    onehot = np.eye(len(CLASSES))[y]
    brier = float(((p - onehot) ** 2).sum(axis=1).mean())
    confidence = p.max(axis=1)
    correct = predicted == y
    table = []
    for b in range(BINS):
        low, high = b / BINS, (b + 1) / BINS
        inside = (confidence >= low) & ((confidence < high) if b < BINS - 1 else True)
        count = int(inside.sum())
        if count:
            table.append(
                {
                    "bin": f"{low:.1f}-{high:.1f}",
                    "count": count,
                    "mean_confidence": round(float(confidence[inside].mean()), 4),
                    "accuracy": round(float(correct[inside].mean()), 4),
                }
            )
    return {
        "quotations": len(y),
        "scare": {"tp": tp, "fp": fp, "fn": fn},
        "scare_precision": round(precision, 4),
        "scare_recall": round(recall, 4),
        "scare_f1": round(f1, 4),
        "accuracy_five_kinds": round(float(correct.mean()), 4),
        "brier_five_kinds": round(brier, 4),
        "reliability": table,
    }


def cross_validate(x: np.ndarray, y: np.ndarray, folds: np.ndarray, penalty: float) -> np.ndarray:
    """Out-of-fold scores (logits) of every study quotation."""
    scores = np.zeros((len(y), len(CLASSES)))
    for f in range(FOLDS):
        held = folds == f
        w = fit(x[~held], y[~held], penalty)
        scores[held] = x[held] @ w
    return scores


def train(data: Path, files: Sequence[str], date: str) -> str:
    """Train on the study half of ``files`` under ``data``; return the model file's text."""
    rows, unpaired = load(data, files)
    names = ["bias", *sorted(n for n in DESCRIPTIONS if n != "bias")]
    study = [r for r in rows if not in_check_half(r["doc"])]
    check = [r for r in rows if in_check_half(r["doc"])]
    x, y = matrix(study, names), np.array([CLASSES.index(r["label"]) for r in study])
    splits = [np.array([fold_of(r["doc"], repeat) for r in study]) for repeat in range(REPEATS)]
    pooled_y = np.concatenate([y] * REPEATS)
    chosen, offset, chosen_score, chosen_scores = PENALTIES[0], 0.0, -1.0, None
    by_penalty = {}
    for penalty in PENALTIES:
        scores = np.vstack([cross_validate(x, y, folds, penalty) for folds in splits])
        for shift in SCARE_OFFSETS:
            shifted = scores.copy()
            shifted[:, 0] += shift
            cv = figures(pooled_y, probabilities(shifted, np.eye(len(CLASSES))))
            by_penalty[f"{penalty} +{shift}"] = {
                "scare_f1": cv["scare_f1"],
                "accuracy_five_kinds": cv["accuracy_five_kinds"],
            }
            score = cv["scare_f1"] + cv["accuracy_five_kinds"]
            if score > chosen_score + 1e-9:
                chosen, offset, chosen_score, chosen_scores = penalty, shift, score, shifted
    assert chosen_scores is not None
    temperature = fit_temperature(chosen_scores, pooled_y)
    cv_figures: dict[str, Any] = {
        "quotations": len(y),
        "repeats_pooled": REPEATS,
        **figures(pooled_y, probabilities(chosen_scores, np.eye(len(CLASSES)), temperature)),
    }
    cv_figures["quotations"] = len(y)  # the counts below are pooled over the repeats
    w = fit(x, y, chosen)
    w[0, 0] = round(w[0, 0] + offset, 4)  # the scare offset joins the scare bias
    xc, yc = matrix(check, names), np.array([CLASSES.index(r["label"]) for r in check])
    check_figures = figures(yc, probabilities(xc, w, temperature)) if len(check) else {}
    header: dict[str, Any] = {
        "format": FORMAT,
        "format_version": 1,
        "name": "quotations",
        "version": 1,
        "license": "MIT",
        "about": (
            "Multinomial logistic regression over binary features of a quotation and its "
            "context (rhetorika.extractors._quote_features). A kind's score is the sum of the "
            "active features' weights in its column; confidence is the softmax of the scores "
            "divided by the temperature. Written by scripts/train_quotes.py; do not edit."
        ),
        "classes": list(CLASSES),
        "temperature": temperature,
        "training": {
            "command": COMMAND,
            "date": date,
            "data": list(files),
            "half": "study (documents whose sha1(doc_id) is not 0 mod 5)",
            "documents": len({r["doc"] for r in study}),
            "quotations": len(study),
            "by_kind": dict(sorted(Counter(r["label"] for r in study).items())),
            "gold_quotations_not_paired": unpaired,
            "penalty": chosen,
            "scare_offset": offset,
            "tried (penalty +scare offset): cross-validated figures": by_penalty,
            "folds": (
                f"{FOLDS}, grouped by document, {REPEATS} assignments of documents to folds; "
                "figures pooled over the repeats (each quotation counted once per repeat)"
            ),
            "calibration": "temperature scaling on the out-of-fold scores of the study half",
        },
        "study_half_cross_validated": cv_figures,
        "check_half": {
            "documents": len({r["doc"] for r in check}),
            "by_kind": dict(sorted(Counter(r["label"] for r in check).items())),
            **check_figures,
        },
        "features": {name: DESCRIPTIONS[name] for name in names},
    }
    body = json.dumps(header, indent=1, ensure_ascii=False)
    lines = [
        f"  {json.dumps(n)}: [{', '.join(_num(v) for v in w[i])}]" for i, n in enumerate(names)
    ]
    return body[:-2] + ',\n "weights": {\n' + ",\n".join(lines) + "\n }\n}\n"


def _num(value: float) -> str:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, type=Path, help="folder holding quotes/*.jsonl")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the model")
    parser.add_argument(
        "--date",
        default=datetime.now(timezone.utc).strftime("%Y-%m-%d"),
        help="the date written in the header (default: today, UTC)",
    )
    parser.add_argument(
        "--files", nargs="+", default=list(FILES), help="labelled files under --data"
    )
    args = parser.parse_args(argv)
    text = train(args.data, args.files, args.date)
    args.out.write_text(text, encoding="utf-8")
    header = json.loads(text)
    cv, check = header["study_half_cross_validated"], header["check_half"]
    print(f"wrote {args.out}; penalty {header['training']['penalty']}, T {header['temperature']}")
    for label, fig in (("study (cross-validated)", cv), ("check", check)):
        if "scare_f1" in fig:
            print(
                f"{label}: {fig['quotations']} quotations, scare P {fig['scare_precision']:.3f} "
                f"R {fig['scare_recall']:.3f} F1 {fig['scare_f1']:.3f}, accuracy "
                f"{fig['accuracy_five_kinds']:.3f}, Brier {fig['brier_five_kinds']:.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
