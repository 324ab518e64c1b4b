"""Sentence-level accuracy of the hedge extractor on the development corpora.

Usage::

    python benchmarks/eval_hedges.py --data ../shared/eval [--errors 30] [--out FILE]
        [--pipeline en_core_web_sm]

For each ``hedges/*.jsonl`` file under ``--data``, every record's ``text`` is
analysed as its own text and the question "does the sentence hold a hedge?"
is scored with precision, recall and F1 (the CoNLL-2010 Task 1 measure),
once with context rules and once without, under the taxonomy-aligned
protocol of the corpora's README: a sentence whose only gold cues are out
of taxonomy (conditionals, alternatives, deontic and future modals, and
Szeged's condition and investigation types) is left out. The corpora never
enter the repository; only the figures are written (to
``benchmarks/results/hedges.json`` by default).

``--pipeline en_core_web_sm`` analyses the sentences with that trained
pipeline (``benchmarks/requirements-trained.txt``) instead of the blank
default (figures written to ``results/hedges.en_core_web_sm.json``).

``--errors N`` also prints, per file, the N most frequent false-positive cues
and missed gold cues, for studying the rules (not for copying vocabulary).
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from pipelines import BLANK, add_pipeline_option, load_pipeline
from scoring import score

from rhetorika.extractors.hedges import HedgeExtractor
from rhetorika.pipeline import make_doc
from rhetorika.results import HedgeCategory

FILES = {
    "szeged_wikiweasel": "szeged_wikiweasel.jsonl",
    "bioscope": "bioscope.jsonl",
    "sfu_review_speculation": "sfu_review_speculation.jsonl",
}
TARGETS = {"szeged_wikiweasel": 0.70, "bioscope": 0.85, "sfu_review_speculation": 0.78}
CUE_LABELS = frozenset(
    {
        "speculation_cue",
        "speculation_modal_probable",
        "speculation_hypo_doxastic",
        "speculation_hypo_condition",
        "speculation_hypo_investigation",
    }
)
OUT_OF_TAXONOMY_LABELS = frozenset(
    {"speculation_hypo_condition", "speculation_hypo_investigation"}
)
OUT_OF_TAXONOMY_CUES = frozenset(
    [
        "if",
        "or",
        "whether",
        "either",
        "unless",
        "until",
        "can",
        "cannot",
        "can't",
        "ca n't",
        "should",
        "must",
        "will",
        "would",
        "would n't",
        "wouldn't",
        "either or",
        "or not",
        "shall",
        "could n't",
        "couldn't",
        "should n't",
        "may not",
        "whether or not",
        "nor",
        "neither",
    ]
)


def gold(record: dict[str, Any]) -> tuple[bool | None, list[str]]:
    """The record's gold label (``None``: left out) and its in-taxonomy cue strings."""
    text = record["text"]
    cues = [span for span in record["spans"] if span["label"] in CUE_LABELS]
    kept = []
    for span in cues:
        # The protocol's list spells apostrophes straight; the corpora also use curly ones.
        cue = " ".join(text[span["start"] : span["end"]].lower().replace("\u2019", "'").split())
        if span["label"] in OUT_OF_TAXONOMY_LABELS or cue in OUT_OF_TAXONOMY_CUES:
            continue
        kept.append(cue)
    if kept:
        return True, kept
    if cues:
        return None, []
    return False, []


def evaluate_file(path: Path, *, errors: int, pipeline: str = BLANK) -> dict[str, Any]:
    """Score one corpus file with and without context rules, with ``pipeline``'s Docs."""
    nlp = load_pipeline(pipeline)
    with_rules = HedgeExtractor()
    without_rules = HedgeExtractor(context_rules=False)
    counts = {"rules": [0, 0, 0], "no_rules": [0, 0, 0], "epistemic": [0, 0, 0]}
    false_positive: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    sentences = left_out = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            label, cues = gold(record)
            if label is None:
                left_out += 1
                continue
            sentences += 1
            doc = make_doc(nlp, record["text"])
            runs = (("rules", with_rules), ("epistemic", with_rules), ("no_rules", without_rules))
            for name, extractor in runs:
                found = extractor(doc)
                if name == "epistemic":
                    found = tuple(h for h in found if h.category is not HedgeCategory.APPROXIMATOR)
                tally = counts[name]
                if found and label:
                    tally[0] += 1
                elif found:
                    tally[1] += 1
                elif label:
                    tally[2] += 1
                if name != "rules" or not errors:
                    continue
                if found and not label:
                    for hedge in found:
                        key = f"{hedge.text.lower()} [{hedge.rule or hedge.entry}]"
                        false_positive[key] += 1
                        examples.setdefault(key, []).append(record["text"])
                elif label and not found:
                    for cue in cues:
                        missed[cue] += 1
                        examples.setdefault(f"missed: {cue}", []).append(record["text"])
    result: dict[str, Any] = {
        "sentences_scored": sentences,
        "sentences_left_out": left_out,
        "with_context_rules": score(*counts["rules"]),
        "without_context_rules": score(*counts["no_rules"]),
        "epistemic_categories_only": score(*counts["epistemic"]),
    }
    if errors:
        result["_false_positives"] = false_positive.most_common(errors)
        result["_missed"] = missed.most_common(errors)
        result["_examples"] = examples
    return result


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and write the JSON results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared eval folder")
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="where to write the JSON figures (default results/hedges.json, or "
        "results/hedges.PIPELINE.json with a trained pipeline)",
    )
    add_pipeline_option(parser)
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="print the N commonest errors per file"
    )
    parser.add_argument("--only", choices=sorted(FILES), help="evaluate one file")
    parser.add_argument(
        "--examples", type=int, default=0, metavar="K", help="print K sentences per listed error"
    )
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    for name, file_name in FILES.items():
        if args.only and name != args.only:
            continue
        path = args.data / "hedges" / file_name
        if not path.exists():
            print(f"{path}: not found", file=sys.stderr)
            return 2
        result = evaluate_file(path, errors=args.errors, pipeline=args.pipeline)
        print(
            f"{name} (target F1 {TARGETS[name]:.2f}; {result['sentences_scored']} sentences, "
            f"{result['sentences_left_out']} left out)"
        )
        for label, key in (
            ("all categories, context rules", "with_context_rules"),
            ("all categories, no rules", "without_context_rules"),
            ("without approximators, rules", "epistemic_categories_only"),
        ):
            row = result[key]
            print(
                f"  {label:32} P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}"
            )
        if args.errors:
            examples = result.pop("_examples")
            for title, key in (("false positives", "_false_positives"), ("missed", "_missed")):
                print(f"  {title}:")
                for cue, count in result.pop(key):
                    print(f"    {count:5}  {cue}")
                    lookup = cue if key == "_false_positives" else f"missed: {cue}"
                    for sentence in examples.get(lookup, [])[: args.examples]:
                        print(f"           | {sentence[:160]}")
        result["target_f1"] = TARGETS[name]
        results[name] = result
    if not args.only:
        payload = {
            "command": "python benchmarks/eval_hedges.py --data ../shared/eval"
            + ("" if args.pipeline == BLANK else f" --pipeline {args.pipeline}"),
            "date": datetime.date.today().isoformat(),
            "lexicon": "hedges.v1",
            "protocol": "sentence-level P/R/F1 of 'has a hedge'; out-of-taxonomy cues left out",
            "files": results,
        }
        out = args.out or Path(__file__).resolve().parent / "results" / (
            "hedges.json" if args.pipeline == BLANK else f"hedges.{args.pipeline}.json"
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
