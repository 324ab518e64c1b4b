"""Sentence- and cue-level accuracy of the booster extractor on hand-labelled sentences.

Usage::

    python benchmarks/eval_boosters.py --data ../shared/eval [--errors] [--out FILE]
        [--pipeline en_core_web_sm]

Reads ``hedges/boosters_dev.jsonl`` under ``--data`` (480 sentences from the
Propaganda Techniques Corpus development articles, each booster cue labelled
``certainty``, ``universal`` or ``emphatic`` following ``hedges/BOOSTERS.md``)
and scores, on the study and the check half separately (a record is in the
check half when the SHA-1 of its ``doc_id`` is 0 modulo 5):

- sentence level: "the sentence holds a booster" (of any category, and of
  each category), precision, recall and F1;
- cue level: a predicted booster and a gold cue of the same category match
  when their character spans overlap (one to one); the "all" row ignores the
  category.

Four systems in one run: the booster extractor with its context rules, the
same extractor with its learned judge (``classifier="model"``; on the study
half both fitted and, as recorded by ``scripts/train_boosters.py`` in the
judge's file, cross-validated out of fold), the same lexicon with
``context_rules=False``, and a 22-word regular expression (the baseline of
issue 19). The corpus never enters the repository; only the
figures are written (``benchmarks/results/boosters.json`` by default).

``--pipeline en_core_web_sm`` analyses the sentences with that trained
pipeline (``benchmarks/requirements-trained.txt``) instead of the blank
default, so the rules read its tags and parse (figures written to
``results/boosters.en_core_web_sm.json``). The judge's out-of-fold row is
the one its file records, measured with the blank pipeline.

``--errors`` prints the study half's false and missed cues with their
sentences, for studying the rules. The check half's errors are never
printed: that half is for measuring only.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

from pipelines import BLANK, add_pipeline_option, load_pipeline
from scoring import half_of, score

from rhetorika.extractors._booster_judge import JUDGE_FILE, builtin_judge
from rhetorika.extractors.boosters import BoosterExtractor
from rhetorika.extractors.hedges import lexicon_id
from rhetorika.pipeline import make_doc

FILE = Path("hedges") / "boosters_dev.jsonl"
CATEGORIES = ("certainty", "universal", "emphatic")
HALVES = ("study", "check")
SYSTEMS = ("rules", "judge", "no_rules", "regex")
TARGETS = {"sentence_f1": 0.82, "cue_f1": 0.78, "cue_precision": 0.85}

# The baseline of issue 19: the 20 forms it lists ("evident(ly)" as one) and
# "everybody" and "literally", each with the category it would be labelled with.
BASELINE_WORDS = {
    "certainty": (
        "clearly",
        "obviously",
        "of course",
        "in fact",
        "certainly",
        "definitely",
        "undoubtedly",
        "no doubt",
        "surely",
        "evidently",
        "evident",
    ),
    "universal": ("always", "never", "everyone", "everybody", "nobody", "no one"),
    "emphatic": ("indeed", "really", "actually", "truly", "absolutely", "literally"),
}
BASELINE = re.compile(
    r"\b(?:"
    + "|".join(
        rf"(?P<{category}>"
        + "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in phrases)
        + ")"
        for category, phrases in BASELINE_WORDS.items()
    )
    + r")\b",
    re.IGNORECASE,
)


Span = tuple[int, int, str]


def baseline_spans(text: str) -> list[Span]:
    """The regular-expression baseline's cues."""
    return [
        (match.start(), match.end(), next(k for k, v in match.groupdict().items() if v))
        for match in BASELINE.finditer(text)
    ]


def _matches(gold: list[Span], found: list[Span], category: str | None) -> tuple[int, int, int]:
    """Cue-level true positives, false positives and misses: overlap, one to one."""
    gold = [g for g in gold if category is None or g[2] == category]
    found = [f for f in found if category is None or f[2] == category]
    used: set[int] = set()
    tp = 0
    for start, end, _ in found:
        for index, (g_start, g_end, _) in enumerate(gold):
            if index not in used and start < g_end and g_start < end:
                used.add(index)
                tp += 1
                break
    return tp, len(found) - tp, len(gold) - tp


def evaluate(path: Path, *, errors: bool, pipeline: str = BLANK) -> dict[str, Any]:
    """Score the four systems on both halves of the file, with ``pipeline``'s Docs."""
    nlp = load_pipeline(pipeline)
    extractors = {
        "rules": BoosterExtractor(classifier="rules"),
        "judge": BoosterExtractor(classifier="model"),
        "no_rules": BoosterExtractor(context_rules=False),
    }
    rows = ("all", *CATEGORIES)
    tallies = {
        (system, half, level, row): [0, 0, 0]
        for system in SYSTEMS
        for half in HALVES
        for level in ("sentence", "cue")
        for row in rows
    }
    sizes = {half: [0, 0] for half in HALVES}
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    for record in records:
        text = record["text"]
        half = half_of(record)
        gold: list[Span] = [(s["start"], s["end"], s["label"]) for s in record["spans"]]
        sizes[half][0] += 1
        sizes[half][1] += bool(gold)
        doc = make_doc(nlp, text)
        predictions = {
            name: [(b.start, b.end, b.category.value) for b in extractor(doc)]
            for name, extractor in extractors.items()
        }
        predictions["regex"] = baseline_spans(text)
        for system, found in predictions.items():
            for row in rows:
                category = None if row == "all" else row
                has_gold = any(category is None or g[2] == category for g in gold)
                has_found = any(category is None or f[2] == category for f in found)
                sentence = tallies[(system, half, "sentence", row)]
                sentence[0] += has_gold and has_found
                sentence[1] += has_found and not has_gold
                sentence[2] += has_gold and not has_found
                cue = tallies[(system, half, "cue", row)]
                for index, value in enumerate(_matches(gold, found, category)):
                    cue[index] += value
            if errors and system == "rules" and half == "study":
                _print_errors(text, gold, found)
    result: dict[str, Any] = {
        half: {"sentences": sizes[half][0], "with_boosters": sizes[half][1]} for half in HALVES
    }
    for (system, half, level, row), counts in tallies.items():
        result[half].setdefault(system, {}).setdefault(level, {})[row] = score(*counts)
    return result


def _print_errors(text: str, gold: list[Span], found: list[Span]) -> None:
    """Print one study-half sentence's false and missed cues (same-category overlap)."""
    false = [f for f in found if not any(f[0] < g[1] and g[0] < f[1] for g in gold)]
    missed = [g for g in gold if not any(f[0] < g[1] and g[0] < f[1] for f in found)]
    for start, end, category in false:
        print(f"FALSE  {category:9} {text[start:end]!r:20} | {text}")
    for start, end, category in missed:
        print(f"MISSED {category:9} {text[start:end]!r:20} | {text}")


def _fmt(row: dict[str, Any]) -> str:
    def number(value: float | None) -> str:
        return "  -  " if value is None else f"{value:.3f}"

    return (
        f"P {number(row['precision'])}  R {number(row['recall'])}  F1 {number(row['f1'])}"
        f"  ({row['tp']}/{row['fp']}/{row['fn']})"
    )


def _judge_cross_validated() -> dict[str, Any]:
    """The judge's out-of-fold study-half figures, as its training script recorded them."""
    resource = files("rhetorika.data").joinpath(JUDGE_FILE)
    header = json.loads(resource.read_text(encoding="utf-8"))
    builtin_judge()  # the file is valid
    figures: dict[str, Any] = header["study_half_cross_validated"]
    return figures


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation, print the tables and write the JSON figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared eval folder")
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="where to write the JSON figures (default results/boosters.json, or "
        "results/boosters.PIPELINE.json with a trained pipeline)",
    )
    add_pipeline_option(parser)
    parser.add_argument(
        "--errors", action="store_true", help="print the study half's errors (never the check's)"
    )
    args = parser.parse_args(argv)
    path = args.data / FILE
    if not path.exists():
        print(f"{path}: not found", file=sys.stderr)
        return 2
    result = evaluate(path, errors=args.errors, pipeline=args.pipeline)
    print(f"pipeline: {args.pipeline}")
    labels = {
        "rules": "context rules",
        "judge": "booster judge",
        "no_rules": "no rules",
        "regex": "22-word regex",
    }
    cross_validated = _judge_cross_validated()
    for half in HALVES:
        part = result[half]
        print(
            f"{half} half: {part['sentences']} sentences, {part['with_boosters']} with boosters "
            "(P R F1, then tp/fp/fn)"
        )
        for system in SYSTEMS:
            print(
                f"  {labels[system]}"
                + (" (fitted on this half)" if half == "study" and system == "judge" else "")
            )
            for level in ("sentence", "cue"):
                for row in ("all", *CATEGORIES):
                    print(f"    {level:8} {row:9} {_fmt(part[system][level][row])}")
        if half == "study":
            print(f"  booster judge, out of fold ({cross_validated['note']}; from {JUDGE_FILE})")
            for level in ("sentence", "cue"):
                print(f"    {level:8} {'all':9} {_fmt(cross_validated[level])}")
    for system in ("rules", "judge"):
        check = result["check"][system]
        print(
            f"targets on the check half, {labels[system]}: sentence F1 "
            f"{check['sentence']['all']['f1']:.3f} (>= {TARGETS['sentence_f1']}), cue F1 "
            f"{check['cue']['all']['f1']:.3f} (>= {TARGETS['cue_f1']}), cue P "
            f"{check['cue']['all']['precision']:.3f} (>= {TARGETS['cue_precision']})"
        )
    result["study"]["judge_cross_validated"] = cross_validated
    payload = {
        "command": "python benchmarks/eval_boosters.py --data ../shared/eval"
        + ("" if args.pipeline == BLANK else f" --pipeline {args.pipeline}"),
        "pipeline": args.pipeline,
        "date": datetime.date.today().isoformat(),
        "lexicon": lexicon_id(),
        "protocol": (
            "sentence level: has a booster (of the category); cue level: predicted and gold "
            "spans of the same category overlap, one to one ('all' ignores the category); "
            "study/check halves by sha1(doc_id) % 5"
        ),
        "targets": TARGETS,
        "results": result,
    }
    out = args.out or Path(__file__).resolve().parent / "results" / (
        "boosters.json" if args.pipeline == BLANK else f"boosters.{args.pipeline}.json"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
