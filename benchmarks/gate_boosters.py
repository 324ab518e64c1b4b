"""Experiment: would a learned gate generalise better than the booster context rules?

Usage::

    python benchmarks/gate_boosters.py --data ../shared/eval

Every booster candidate of the lexicon (``context_rules=False``) in
``hedges/boosters_dev.jsonl`` becomes one example, labelled a booster when it
overlaps a gold cue of its category. The features are generic: the lexicon
entry and its category, and word classes of the two words on each side
(be, negator, determiner, pronoun, finite verb, modal, preposition, clause
break, number, time noun, -ed, -ing, plural, -ly, an evaluative word of the
affect table, a group noun), capitalisation, sentence start, a question, a
supposition and a negation in reach; never the rules' verdict, so the gate
learns from the labels alone. An L2-regularised logistic regression (Newton's
method, numpy; inputs sorted, no randomness) decides at probability 0.5.

Printed: cue- and sentence-level P/R/F1 on the **study half** with five folds
grouped by document (an honest held-aside figure for the gate), the context
rules on the same sentences (in-sample: they were written from those errors),
and, once, the gate trained on the whole study half and scored on the **check
half** beside the rules, in aggregate only (no check-half error is printed).
The gate is not shipped: this script records why (see ``benchmarks/README.md``).
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
from eval_boosters import FILE, Span, _matches
from scoring import half_of, score

from rhetorika.data._affect import affect_table
from rhetorika.extractors import _hedge_rules as rules
from rhetorika.extractors.hedges import Cue, find_cues_in_text, lexicon_entries
from rhetorika.sentences import sentence_of, sentence_starts

FOLDS = 5
L2 = 1.0
THRESHOLD = 0.5

Example = tuple[list[str], int, str, int, Cue]
"""Features, label, document id, record index, the candidate cue."""


def _word_classes(word: str, side: str) -> list[str]:
    """Generic classes of one context word (no word identities)."""
    affect = affect_table()
    tests = {
        "edge": not word,
        "be": word in rules._BE,
        "neg": word in rules._NEGATORS or word.endswith("n't"),
        "det": word in rules._DETERMINERS,
        "pron": word in rules._SUBJECT_PRONOUNS or word in rules._PERSONAL,
        "finite": word in rules._FINITE,
        "break": word in rules._CLAUSE_BREAK,
        "prep": word in rules._SCOPE_PREPOSITIONS or word in rules._NOT_BEFORE_SOURCE,
        "modal": word in rules._COUNTERFACTUAL_MODALS,
        "num": rules._is_number(word),
        "time": word in rules._TIME_NOUNS,
        "ed": word.endswith("ed"),
        "ing": word.endswith("ing"),
        "plural": word.endswith("s") and len(word) > 3,
        "ly": word.endswith("ly"),
        "eval": word in affect and abs(affect[word][0]) >= 1,
        "group": word in rules._GROUP_NOUNS,
    }
    return [f"{side}:{name}" for name, hit in tests.items() if hit]


def features(text: str, cue: Cue, starts: list[int]) -> list[str]:
    """The generic features of one candidate."""
    entry = next(e for e in lexicon_entries() if e.id == cue.entry)
    index = sentence_of(starts, cue.start)
    limits = (
        starts[index] if starts else 0,
        starts[index + 1] if index + 1 < len(starts) else len(text),
    )
    candidate = rules.Candidate(
        text=text, start=cue.start, end=cue.end, limits=limits, entry=entry
    )
    found = ["bias", f"entry:{entry.id}", f"category:{entry.category}"]
    for distance in (1, 2):
        found += [f"{name}{distance}" for name in _word_classes(candidate.l(distance), "L")]
        found += [f"{name}{distance}" for name in _word_classes(candidate.r(distance), "R")]
    if cue.text[:1].isupper():
        found.append("capitalised")
    if not candidate.left:
        found.append("initial")
    if "?" in text[limits[0] : limits[1]]:
        found.append("question")
    if rules._hypothetical(candidate):
        found.append("supposition")
    if rules._negated(candidate.left, reach=2):
        found.append("negated")
    return found


def examples(records: Sequence[dict[str, Any]]) -> list[Example]:
    """One example per booster candidate of the lexicon, in record order."""
    found: list[Example] = []
    for number, record in enumerate(records):
        text = record["text"]
        starts = sentence_starts(text)
        gold = [(s["start"], s["end"], s["label"]) for s in record["spans"]]
        for cue in find_cues_in_text(text, starts, context_rules=False):
            if cue.kind != "booster":
                continue
            label = any(
                cue.start < end and start < cue.end and category == cue.category
                for start, end, category in gold
            )
            doc = str(record.get("doc_id") or record["id"])
            found.append((features(text, cue, starts), int(label), doc, number, cue))
    return found


def fit(rows: Sequence[list[str]], labels: np.ndarray) -> dict[str, float]:
    """L2-regularised logistic regression by Newton's method: deterministic."""
    vocabulary = sorted({name for row in rows for name in row})
    column = {name: j for j, name in enumerate(vocabulary)}
    matrix = np.zeros((len(rows), len(vocabulary)))
    for i, row in enumerate(rows):
        matrix[i, [column[name] for name in row]] = 1.0
    weights = np.zeros(len(vocabulary))
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-matrix @ weights))
        gradient = matrix.T @ (p - labels) + L2 * weights
        hessian = (matrix * (p * (1 - p))[:, None]).T @ matrix + L2 * np.eye(len(vocabulary))
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if float(np.abs(step).max()) < 1e-10:
            break
    return dict(zip(vocabulary, weights.tolist(), strict=True))


def probability(weights: dict[str, float], row: list[str]) -> float:
    """The gate's probability that a candidate is a booster: a dot product."""
    return float(1.0 / (1.0 + np.exp(-sum(weights.get(name, 0.0) for name in row))))


def tally(records: Sequence[dict[str, Any]], kept: dict[int, list[Span]]) -> dict[str, Any]:
    """Cue- and sentence-level scores of the kept cues, as eval_boosters counts them."""
    cue, sentence = [0, 0, 0], [0, 0, 0]
    for number, record in enumerate(records):
        gold: list[Span] = [(s["start"], s["end"], s["label"]) for s in record["spans"]]
        found = kept.get(number, [])
        for index, value in enumerate(_matches(gold, found, None)):
            cue[index] += value
        sentence[0] += bool(gold) and bool(found)
        sentence[1] += bool(found) and not gold
        sentence[2] += bool(gold) and not found
    return {"cue": score(*cue), "sentence": score(*sentence)}


def _fold(doc: str) -> int:
    return int(hashlib.sha1(f"fold:{doc}".encode()).hexdigest(), 16) % FOLDS


def run(path: Path) -> dict[str, Any]:
    """Grouped cross-validation on the study half; the rules beside it; the check half once."""
    with path.open(encoding="utf-8") as lines:
        records = sorted(
            (json.loads(line) for line in lines if line.strip()), key=lambda r: r["id"]
        )
    halves = {half: [r for r in records if half_of(r) == half] for half in ("study", "check")}
    result: dict[str, Any] = {}
    study = examples(halves["study"])
    labels = np.array([label for _, label, _, _, _ in study], dtype=float)
    kept: dict[int, list[Span]] = {}
    for fold in range(FOLDS):
        train = [i for i, example in enumerate(study) if _fold(example[2]) != fold]
        weights = fit([study[i][0] for i in train], labels[train])
        for row, _, doc, number, cue in study:
            if _fold(doc) == fold and probability(weights, row) >= THRESHOLD:
                kept.setdefault(number, []).append((cue.start, cue.end, cue.category))
    result["study_gate_grouped_cv"] = tally(halves["study"], kept)
    weights = fit([row for row, _, _, _, _ in study], labels)
    check = examples(halves["check"])
    kept = {}
    for row, _, _, number, cue in check:
        if probability(weights, row) >= THRESHOLD:
            kept.setdefault(number, []).append((cue.start, cue.end, cue.category))
    result["check_gate_trained_on_study"] = tally(halves["check"], kept)
    for half, part in halves.items():
        by_rules: dict[int, list[Span]] = {}
        for number, record in enumerate(part):
            text = record["text"]
            cues = find_cues_in_text(text, sentence_starts(text))
            by_rules[number] = [(c.start, c.end, c.category) for c in cues if c.kind == "booster"]
        result[f"{half}_rules"] = tally(part, by_rules)
    result["features"] = len(weights)
    result["examples"] = {"study": len(study), "check": len(check)}
    return result


def main(argv: list[str] | None = None) -> int:
    """Run the experiment and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared eval folder")
    args = parser.parse_args(argv)
    path = args.data / FILE
    if not path.exists():
        print(f"{path}: not found", file=sys.stderr)
        return 2
    result = run(path)
    print(f"candidates: {result['examples']}, gate features: {result['features']}")
    for name in (
        "study_gate_grouped_cv",
        "study_rules",
        "check_gate_trained_on_study",
        "check_rules",
    ):
        for level in ("sentence", "cue"):
            row = result[name][level]
            print(
                f"{name:30} {level:8} P {row['precision']:.3f} R {row['recall']:.3f} "
                f"F1 {row['f1']:.3f} ({row['tp']}/{row['fp']}/{row['fn']})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
