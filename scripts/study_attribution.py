"""Would an attribution sub-model trained on PolNeAR help the quotation model? (issue 16)

Usage::

    python scripts/study_attribution.py --data ../shared/eval [--out FILE]

The quotation model's main confusions are scare against direct and mention
or title against direct: whether a quotation reports someone's words.
``quotes/polnear_train.jsonl`` marks thousands of quotations as inside
annotated reported speech (``quote_in_attribution``) or not
(``quote_not_attributed``). This script:

1. fits a binary logistic regression (the attribution sub-model) over the
   quotation model's own features (``candidates()``: no word identities) on
   the study half of ``polnear_train`` (the eval README's hash rule),
   leaving out every article whose text is a check-half document of the
   labelled quotation files; its penalty is chosen by grouped 5-fold log
   loss (an article annotated twice is one group);
2. adds its probability, in `EDGES` buckets, as binary features of the
   five-kind model, and cross-validates that model on the study half of the
   labelled files exactly as ``train_quotes.py`` does (three grouped fold
   assignments pooled, the same penalties and scare offsets, the same
   choice), refitting the sub-model in every fold without the articles of
   the held-out documents, beside the same run without the new features;
3. fits the candidate on the whole study half and scores it on the check
   half once (figures only, never errors), on the ``quote_in_attribution``
   quotations of PolNeAR (how many it calls scare) and on the seed article.

The adoption rule (docs/explanation/scare-quotes.md) was fixed before step
3 was first run. Only figures are printed and written, never corpus text.
Deterministic (sorted inputs, Newton and L-BFGS from zero). Needs numpy and
scipy (``pip install 'rhetorika[train]'``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import train_quotes as five
from _training import fit_logistic, in_check_half

from rhetorika.extractors.quotes import candidates
from rhetorika.sentences import sentence_starts

POLNEAR = "quotes/polnear_train.jsonl"
EDGES = (0.25, 0.5, 0.75, 0.9)
"""Bucket edges of the attribution probability, fixed before any run."""
BUCKETS = tuple(f"attributed_bucket_{k}" for k in range(len(EDGES) + 1))
PENALTIES = (1.0, 3.0, 10.0, 30.0)
ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "putin_imitates_peace_negotiations.txt"
SEED_SCARE = tuple(
    json.loads((SEED.parent / "seed_scare_quotes.json").read_text(encoding="utf-8"))["scare"]
)
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "quotes_attribution.json"
COMMAND = "python scripts/study_attribution.py --data ../shared/eval"


def bucket(probability: float) -> int:
    """The index of the `EDGES` bucket holding ``probability``."""
    for index, edge in enumerate(EDGES):
        if probability < edge:
            return index
    return len(EDGES)


def bucket_columns(probabilities: np.ndarray) -> np.ndarray:
    """One-hot columns of the buckets, one row per probability."""
    out = np.zeros((len(probabilities), len(BUCKETS)))
    for row, probability in enumerate(probabilities):
        out[row, bucket(float(probability))] = 1.0
    return out


def load_polnear(path: Path, left_out: set[str]) -> list[dict[str, Any]]:
    """Study-half PolNeAR quotations with their features and attribution label, sorted.

    An article is left out when its id is in the check half or its text is in ``left_out``.
    """
    rows = []
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    for record in sorted(records, key=lambda r: r["id"]):
        text = record["text"]
        if in_check_half(record["id"]) or text in left_out:
            continue
        pairs, active = candidates(text, sentence_starts(text))
        index = {(pair.open_start, pair.close_end): i for i, pair in enumerate(pairs)}
        for span in sorted(record["spans"], key=lambda s: (s["start"], s["end"])):
            if span["label"] not in ("quote_in_attribution", "quote_not_attributed"):
                continue
            found = index.get((span["start"], span["end"]))
            if found is not None:
                rows.append(
                    {
                        "group": record["id"].rsplit("/", 1)[0],  # the article, any annotator
                        "text": text,
                        "label": int(span["label"] == "quote_in_attribution"),
                        "features": active[found],
                    }
                )
    return rows


def _group_fold(group: str) -> int:
    return five.fold_of(group)


def _sigmoid(scores: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-scores))


def choose_penalty(x: np.ndarray, y: np.ndarray, groups: Sequence[str]) -> dict[str, Any]:
    """The sub-model's penalty with the lowest grouped 5-fold log loss, and each one's figures."""
    folds = np.array([_group_fold(g) for g in groups])
    tried = {}
    for penalty in PENALTIES:
        p = np.zeros(len(y))
        for f in range(five.FOLDS):
            held = folds == f
            if held.any() and (~held).any():
                p[held] = _sigmoid(x[held] @ fit_logistic(x[~held], y[~held], penalty))
        p = np.clip(p, 1e-12, 1 - 1e-12)
        log_loss = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
        tried[str(penalty)] = {"log_loss": round(log_loss, 4), "auc": round(auc(y, p), 4)}
    best = min(PENALTIES, key=lambda q: tried[str(q)]["log_loss"])
    return {"penalty": best, "tried": tried}


def auc(y: np.ndarray, p: np.ndarray) -> float:
    """The probability that a positive outranks a negative (ties count half)."""
    positives, negatives = p[y == 1], p[y == 0]
    if not len(positives) or not len(negatives):
        return float("nan")
    above = (positives[:, None] > negatives[None, :]).sum()
    ties = (positives[:, None] == negatives[None, :]).sum()
    return float((above + 0.5 * ties) / (len(positives) * len(negatives)))


def cross_validate(
    x: np.ndarray,
    y: np.ndarray,
    splits: Sequence[np.ndarray],
    extra: Callable[[np.ndarray], np.ndarray] | None,
) -> dict[str, Any]:
    """``train_quotes.py``'s choice of penalty and scare offset, with optional fold features.

    ``extra(held)`` gives the columns added to every row in the fold whose
    held-out rows are ``held`` (the sub-model refitted without them).
    """
    pooled_y = np.concatenate([y] * len(splits))
    tried: dict[str, dict[str, float]] = {}
    best: dict[str, Any] = {"score": -1.0}
    columns = {}
    for penalty in five.PENALTIES:
        blocks = []
        for repeat, folds in enumerate(splits):
            scores = np.zeros((len(y), len(five.CLASSES)))
            for f in range(five.FOLDS):
                held = folds == f
                if not held.any():
                    continue
                xx = x
                if extra is not None:
                    if (repeat, f) not in columns:
                        columns[repeat, f] = extra(held)
                    xx = np.hstack([x, columns[repeat, f]])
                scores[held] = xx[held] @ five.fit(xx[~held], y[~held], penalty)
            blocks.append(scores)
        pooled = np.vstack(blocks)
        for shift in five.SCARE_OFFSETS:
            shifted = pooled.copy()
            shifted[:, 0] += shift
            cv = five.figures(pooled_y, five.probabilities(shifted, np.eye(len(five.CLASSES))))
            tried[f"{penalty} +{shift}"] = {
                "scare_f1": cv["scare_f1"],
                "accuracy_five_kinds": cv["accuracy_five_kinds"],
            }
            score = cv["scare_f1"] + cv["accuracy_five_kinds"]
            if score > best["score"] + 1e-9:
                best = {"score": score, "penalty": penalty, "offset": shift, "scores": shifted}
    temperature = five.fit_temperature(best["scores"], pooled_y)
    cv = five.figures(pooled_y, five.probabilities(best["scores"], np.eye(5), temperature))
    del cv["reliability"]
    return {
        "penalty": best["penalty"],
        "scare_offset": best["offset"],
        "temperature": temperature,
        "pooled": cv,
        "tried (penalty +scare offset)": tried,
    }


def _kinds(x: np.ndarray, w: np.ndarray, empty: np.ndarray) -> np.ndarray:
    """Predicted kind indexes; empty marks are ``other`` as in the extractor."""
    kinds = (x @ w).argmax(axis=1)
    kinds[empty] = five.CLASSES.index("other")
    return kinds


def study(data: Path, files: Sequence[str] = five.FILES) -> dict[str, Any]:
    """Every figure of the study (module docstring); nothing chosen on the check half."""
    texts: dict[str, str] = {}
    for name in files:
        with (data / name).open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    texts[record.get("doc_id") or record["id"]] = record["text"]
    check_texts = {text for doc, text in texts.items() if in_check_half(doc)}
    polnear = load_polnear(data / POLNEAR, check_texts)
    rows, _ = five.load(data, files)
    names = ["bias", *sorted(n for n in five.DESCRIPTIONS if n != "bias")]
    xa = five.matrix(polnear, names)
    ya = np.array([r["label"] for r in polnear], dtype=float)
    sub = choose_penalty(xa, ya, [r["group"] for r in polnear])
    row_texts = np.array([r["text"] for r in polnear], dtype=object)

    def sub_model(left_out: set[str]) -> np.ndarray:
        keep = np.array([t not in left_out for t in row_texts], dtype=bool)
        return fit_logistic(xa[keep], ya[keep], sub["penalty"])

    study_rows = [r for r in rows if not in_check_half(r["doc"])]
    check_rows = [r for r in rows if in_check_half(r["doc"])]
    x, y = (
        five.matrix(study_rows, names),
        np.array([five.CLASSES.index(r["label"]) for r in study_rows]),
    )
    study_docs = np.array([r["doc"] for r in study_rows], dtype=object)
    splits = [
        np.array([five.fold_of(d, repeat) for d in study_docs]) for repeat in range(five.REPEATS)
    ]

    def fold_columns(held: np.ndarray) -> np.ndarray:
        left_out = {texts[d] for d in study_docs[held]}
        return bucket_columns(_sigmoid(x @ sub_model(left_out)))

    without = cross_validate(x, y, splits, None)
    with_sub = cross_validate(x, y, splits, fold_columns)
    gain_f1 = with_sub["pooled"]["scare_f1"] - without["pooled"]["scare_f1"]
    gain_acc = with_sub["pooled"]["accuracy_five_kinds"] - without["pooled"]["accuracy_five_kinds"]
    adopted = (gain_f1 >= 0.02 or gain_acc >= 0.01) and gain_f1 >= 0 and gain_acc >= 0

    # The candidate: the sub-model on every study article, the five-kind model on the study half.
    wa = sub_model(set())
    xs = np.hstack([x, bucket_columns(_sigmoid(x @ wa))])
    w = five.fit(xs, y, with_sub["penalty"])
    w[0, 0] += with_sub["scare_offset"]

    def features(active_rows: Sequence[Sequence[str]]) -> np.ndarray:
        base = five.matrix([{"features": a} for a in active_rows], names)
        return np.hstack([base, bucket_columns(_sigmoid(base @ wa))])

    xc = features([r["features"] for r in check_rows])
    yc = np.array([five.CLASSES.index(r["label"]) for r in check_rows])
    check = five.figures(yc, five.probabilities(xc, w, with_sub["temperature"])) if len(yc) else {}
    check.pop("reliability", None)
    return {
        "command": COMMAND,
        "adoption_rule": (
            "keep only if pooled cross-validated scare F1 rises by >= 0.02 or five-kind "
            "accuracy by >= 0.01, neither falling"
        ),
        "sub_model": {
            "training": (
                "polnear_train study half; articles of check-half labelled documents left out"
            ),
            "quotations": len(ya),
            "in_attribution": int(ya.sum()),
            "articles": len({r["group"] for r in polnear}),
            "buckets": list(EDGES),
            **sub,
        },
        "study_cross_validated_without": without["pooled"] | _choice(without),
        "study_cross_validated_with": with_sub["pooled"] | _choice(with_sub),
        "tried_with": with_sub["tried (penalty +scare offset)"],
        "gain_scare_f1": round(gain_f1, 4),
        "gain_accuracy": round(gain_acc, 4),
        "adopted": adopted,
        "candidate_check_half": check,
        "candidate_polnear": _polnear_scare(data / POLNEAR, features, w),
        "candidate_seed": _seed_scare(features, w),
    }


def _choice(result: dict[str, Any]) -> dict[str, Any]:
    return {k: result[k] for k in ("penalty", "scare_offset", "temperature")}


def _polnear_scare(
    path: Path, features: Callable[[Sequence[Sequence[str]]], np.ndarray], w: np.ndarray
) -> dict[str, Any]:
    """``quote_in_attribution`` quotations called scare, over all articles and the check half."""
    counts = {"all": [0, 0], "check_half": [0, 0]}  # [quotations, called scare]
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            spans = [s for s in record["spans"] if s["label"] == "quote_in_attribution"]
            if not spans:
                continue
            text = record["text"]
            pairs, active = candidates(text, sentence_starts(text))
            empty = np.array(["empty" in a for a in active], dtype=bool)
            kinds = _kinds(features(active), w, empty) if pairs else np.zeros(0, dtype=int)
            index = {(p.open_start, p.close_end): i for i, p in enumerate(pairs)}
            halves = ["all", "check_half"] if in_check_half(record["id"]) else ["all"]
            for span in spans:
                found = index.get((span["start"], span["end"]))
                scare = found is not None and int(kinds[found]) == 0
                for half in halves:
                    counts[half][0] += 1
                    counts[half][1] += scare
    return {
        half: {
            "quote_in_attribution": n,
            "called_scare": s,
            "share": round(s / n, 4) if n else None,
        }
        for half, (n, s) in counts.items()
    }


def _seed_scare(
    features: Callable[[Sequence[Sequence[str]]], np.ndarray], w: np.ndarray
) -> dict[str, int]:
    """The seed article's scare quotes the candidate finds, and other quotations it calls scare."""
    text = SEED.read_text(encoding="utf-8")
    pairs, active = candidates(text, sentence_starts(text))
    empty = np.array(["empty" in a for a in active], dtype=bool)
    kinds = _kinds(features(active), w, empty)
    called = [
        text[p.open_end : p.close_start] for p, k in zip(pairs, kinds, strict=True) if k == 0
    ]
    return {
        "scare_quotes": len(SEED_SCARE),
        "found": sum(1 for q in SEED_SCARE if q in called),
        "others_called_scare": sum(1 for q in called if q not in SEED_SCARE),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, type=Path, help="folder holding quotes/*.jsonl")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the figures")
    args = parser.parse_args(argv)
    result = study(args.data)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    for key in (
        "study_cross_validated_without",
        "study_cross_validated_with",
        "candidate_check_half",
    ):
        fig = result[key]
        print(
            f"{key}: scare P {fig['scare_precision']:.3f} R {fig['scare_recall']:.3f} "
            f"F1 {fig['scare_f1']:.3f}, accuracy {fig['accuracy_five_kinds']:.3f}"
        )
    print(
        f"gain: scare F1 {result['gain_scare_f1']:+.4f}, "
        f"accuracy {result['gain_accuracy']:+.4f}; adopted: {result['adopted']}"
    )
    print(f"sub-model: {json.dumps(result['sub_model'])}")
    print(
        f"polnear: {json.dumps(result['candidate_polnear'])}; "
        f"seed: {json.dumps(result['candidate_seed'])}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
