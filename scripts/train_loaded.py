"""Train the loaded-terms judge and write ``src/rhetorika/data/loaded_judge.v1.json``.

Usage::

    python scripts/train_loaded.py --data ../shared/eval

Reads the **study halves** only (``../shared/eval/README.md``) of
``loaded/ptc_train_dev.jsonl`` (spans ``Loaded_Language`` and
``Name_Calling,Labeling``) and ``loaded/basil.jsonl`` (spans ``lex``). Every
candidate the extractor proposes there and its rules let through (lexicon
entries, affect-table words, morphology) becomes one example, labelled
loaded when the term overlaps a gold span. The features are the generic ones
of ``rhetorika.extractors._loaded_judge`` (never the word itself), so the
weights cannot turn into a word list mined from the corpora.

The model is an L2-regularised logistic regression fitted by Newton's method
(numpy, build time only): inputs sorted, no randomness, so the same data
gives the same file. Five folds grouped by document give the held-aside
figures and choose the thresholds: ``threshold``, the one that maximises the
mean, over the two corpora, of the span-level partial-credit F1 of the
predictions it keeps (lexicon entries all kept), then ``lexicon_threshold``,
the same for the matches of a lexicon the judge may overrule, in the
categories both corpora's labels cover (``ANNOTATED``). The file records the
features, the data, the date and those figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
from _training import fit_logistic, in_check_half

from rhetorika.extractors._loaded_judge import FEATURES, FORMAT, JUDGE_RESOURCE, Judge
from rhetorika.extractors.loaded import LoadedTermExtractor
from rhetorika.pipeline import default_nlp, make_doc

OUT = Path(__file__).resolve().parent.parent / "src" / "rhetorika" / "data" / JUDGE_RESOURCE
CORPORA: dict[str, tuple[str, tuple[str, ...]]] = {
    "ptc": ("loaded/ptc_train_dev.jsonl", ("Loaded_Language", "Name_Calling,Labeling")),
    "basil": ("loaded/basil.jsonl", ("lex",)),
}
MIN_VALENCE = 1.5
"""Affect-table words weaker than this are not proposed (speed; weaker ones are rarely loaded)."""
L2 = 1.0
FOLDS = 5
THRESHOLDS = [round(0.2 + 0.025 * i, 3) for i in range(25)]
ANNOTATED = ("pejorative", "emotive", "intensifier", "dehumanizing")
"""Lexicon categories the corpora's labels cover (PTC's Loaded_Language and
Name_Calling,Labeling; BASIL's lexical bias): only there may the judge drop a
lexicon match. Framing verbs, contested terms, euphemisms and minimisers are
framing these labels do not annotate, so the judge has not learned them."""
LEXICON_THRESHOLDS = [round(0.05 + 0.025 * i, 3) for i in range(15)]
VERSION = 1

Span = tuple[int, int]
Example = tuple[str, str, Span, Span, dict[str, float], bool]
"""(corpus, document id, term span, predicted span, features, overrulable)."""


def is_check(record: dict[str, object]) -> bool:
    """The check half of ``../shared/eval/README.md``: never read for training."""
    return in_check_half(str(record.get("doc_id") or record["id"]))


def fold_of(doc_id: str) -> int:
    """The cross-validation fold of a document (all its candidates in one fold)."""
    return int(hashlib.sha1(f"fold:{doc_id}".encode()).hexdigest(), 16) % FOLDS


def read_study(data: Path) -> dict[str, list[dict[str, object]]]:
    """The study half of each corpus, sorted by document id."""
    out = {}
    for corpus, (path, _) in CORPORA.items():
        lines = (data / path).read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines if line.strip()]
        out[corpus] = sorted((r for r in records if not is_check(r)), key=lambda r: str(r["id"]))
    return out


def gold_of(corpus: str, record: dict[str, object]) -> list[Span]:
    """The spans of ``record`` whose label counts as a loaded term in ``corpus``."""
    labels = CORPORA[corpus][1]
    spans = record["spans"]
    assert isinstance(spans, list)
    return [(s["start"], s["end"]) for s in spans if s["label"] in labels]


def _overlaps(span: Span, gold: Sequence[Span]) -> bool:
    return any(min(span[1], b) > max(span[0], a) for a, b in gold)


def examples(
    studied: dict[str, list[dict[str, object]]],
) -> tuple[list[Example], dict[tuple[str, str], list[Span]]]:
    """Every candidate in the study halves with its features, and the gold spans by document."""
    probe = Judge(
        weights=dict.fromkeys(FEATURES, 0.0),
        overrulable_categories=frozenset(ANNOTATED),
        threshold=0.5,
        lexicon_threshold=0.5,
        min_valence=MIN_VALENCE,
        version=0,
    )
    extractor = LoadedTermExtractor(judge="off").with_judge(probe)  # never reads the shipped file
    nlp = default_nlp()
    rows: list[Example] = []
    gold: dict[tuple[str, str], list[Span]] = {}
    for corpus, records in studied.items():
        for record in records:
            doc_id = str(record["id"])
            spans = gold_of(corpus, record)
            gold[(corpus, doc_id)] = spans
            doc = make_doc(nlp, str(record["text"]))
            for start, end, predicted, active in extractor.candidates_with_features(doc):
                overrulable = "source=lexicon" not in active
                rows.append((corpus, doc_id, (start, end), predicted, active, overrulable))
    return rows, gold


def matrix(rows: Iterable[Example]) -> np.ndarray:
    """One row of feature values per example, columns in the order of FEATURES."""
    index = {name: i for i, name in enumerate(FEATURES)}
    table = []
    for row in rows:
        vector = [0.0] * len(FEATURES)
        for name, value in row[4].items():
            vector[index[name]] = value
        table.append(vector)
    return np.array(table, dtype=np.float64).reshape(-1, len(FEATURES))


def _annotated(active: dict[str, float]) -> bool:
    return any(active.get(f"category={category}") for category in ANNOTATED)


def _merge(spans: Iterable[Span]) -> list[Span]:
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]


def span_f1(
    rows: Sequence[Example],
    probabilities: Sequence[float],
    gold: dict[tuple[str, str], list[Span]],
    corpus: str,
    threshold: float,
) -> dict[str, float]:
    """Partial-credit precision, recall and F1 of the kept predictions of one corpus."""
    predicted: dict[str, list[Span]] = {}
    for row, p in zip(rows, probabilities, strict=True):
        if row[0] == corpus and (not row[5] or p >= threshold):
            predicted.setdefault(row[1], []).append(row[3])
    p_sum = r_sum = 0.0
    n_pred = n_gold = 0
    for (name, doc_id), spans in gold.items():
        if name != corpus:
            continue
        theirs = _merge(spans)
        mine = _merge(predicted.get(doc_id, []))
        for s in mine:
            p_sum += sum(max(0, min(s[1], t[1]) - max(s[0], t[0])) for t in theirs) / (s[1] - s[0])
        for t in theirs:
            r_sum += sum(max(0, min(s[1], t[1]) - max(s[0], t[0])) for s in mine) / (t[1] - t[0])
        n_pred += len(mine)
        n_gold += len(theirs)
    precision = p_sum / n_pred if n_pred else 0.0
    recall = r_sum / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def train(studied: dict[str, list[dict[str, object]]], *, date: str) -> dict[str, object]:
    """The weights file's content, trained on ``studied`` (the study halves)."""
    rows, gold = examples(studied)
    x = matrix(rows)
    y = np.array([1.0 if _overlaps(row[2], gold[(row[0], row[1])]) else 0.0 for row in rows])
    folds = np.array([fold_of(row[1]) for row in rows])
    held = np.zeros(len(rows))
    for fold in range(FOLDS):
        inside = folds != fold
        if inside.any() and (~inside).any():
            held[~inside] = 1.0 / (
                1.0 + np.exp(-(x[~inside] @ fit_logistic(x[inside], y[inside], L2)))
            )
    held_list = [float(p) for p in held]
    corpora = sorted({row[0] for row in rows})

    def mean_f1(threshold: float) -> float:
        return sum(span_f1(rows, held_list, gold, c, threshold)["f1"] for c in corpora) / max(
            len(corpora), 1
        )

    threshold = max(THRESHOLDS, key=lambda t: (round(mean_f1(t), 6), -t))
    # With a lexicon in ``overrule``, its matches need their own threshold:
    # chosen the same way, every candidate overrulable, the first threshold kept.
    lexicon_rows = [(*row[:5], row[5] or _annotated(row[4])) for row in rows]

    def mean_f1_overruled(cutoff: float) -> float:
        kept = [
            p if not row[5] or p >= threshold else 0.0
            for row, p in zip(rows, held_list, strict=True)
        ]
        return sum(span_f1(lexicon_rows, kept, gold, c, cutoff)["f1"] for c in corpora) / max(
            len(corpora), 1
        )

    lexicon_threshold = max(LEXICON_THRESHOLDS, key=lambda t: (round(mean_f1_overruled(t), 6), -t))
    weights = fit_logistic(x, y, L2)
    eps = 1e-12
    log_loss = -float(np.mean(y * np.log(held + eps) + (1 - y) * np.log(1 - held + eps)))
    return {
        "format": FORMAT,
        "version": VERSION,
        "name": "loaded_judge",
        "model": "logistic regression, L2, Newton's method",
        "classes": ["not loaded", "loaded"],
        "features": list(FEATURES),
        "weights": {name: round(float(w), 6) for name, w in zip(FEATURES, weights, strict=True)},
        "threshold": threshold,
        "lexicon_threshold": lexicon_threshold,
        "overrulable_categories": list(ANNOTATED),
        "min_valence": MIN_VALENCE,
        "l2": L2,
        "date": date,
        "training_data": {
            corpus: {
                "file": CORPORA[corpus][0],
                "labels": list(CORPORA[corpus][1]),
                "half": "study",
                "documents": len(studied[corpus]),
                "candidates": sum(1 for row in rows if row[0] == corpus),
                "loaded": int(sum(y[i] for i, row in enumerate(rows) if row[0] == corpus)),
            }
            for corpus in corpora
        },
        "held_aside": {
            "method": f"{FOLDS} folds grouped by document, study halves",
            "log_loss": round(log_loss, 4),
            "span_scores_at_threshold": {
                corpus: span_f1(rows, held_list, gold, corpus, threshold) for corpus in corpora
            },
            "span_scores_lexicon_overruled": {
                corpus: span_f1(
                    lexicon_rows,
                    [
                        p if not r[5] or p >= threshold else 0.0
                        for r, p in zip(rows, held_list, strict=True)
                    ],
                    gold,
                    corpus,
                    lexicon_threshold,
                )
                for corpus in corpora
            },
        },
    }


def render(content: dict[str, object]) -> str:
    """The file as written: indented JSON, keys in the order above."""
    return json.dumps(content, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, type=Path, help="folder of the eval corpora")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--date", default="2026-12-06", help="date recorded in the file")
    args = parser.parse_args(argv)
    content = train(read_study(args.data), date=args.date)
    args.out.write_text(render(content), encoding="utf-8")
    print(json.dumps({k: content[k] for k in ("threshold", "held_aside", "training_data")}))
    print(json.dumps(content["weights"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
