"""Write every hedge and booster found in a set of texts, to compare two versions of the code.

Usage (from ``benchmarks/``, once per source tree, then ``cmp`` the files)::

    PYTHONPATH=../src python dump_cues.py --out after.jsonl \\
        ../../shared/bench/news_throughput.jsonl ../../shared/eval/hedges/*.jsonl

For each text of each JSONL file (its ``text`` field) one line holds every
field of every hedge and booster, found four ways: on the ``Doc`` of
``make_doc`` and on the raw text (the text path ``Analyzer`` takes), each
with the context rules and without them; then the boosters of the opt-in
judge (``classifier="model"``) on both paths, once after the rules' hedges
(the order ``Analyzer`` runs them in) and once first, on a fresh ``Doc`` and
a fresh copy of the text. A change to how the cues are found that must not
change what is found leaves the file byte for byte the same.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import attrs

from rhetorika.extractors.boosters import BoosterExtractor
from rhetorika.extractors.hedges import HedgeExtractor
from rhetorika.pipeline import default_nlp, make_doc
from rhetorika.sentences import sentence_starts


def _rows(results: tuple[Any, ...]) -> list[dict[str, Any]]:
    return [
        {name: getattr(value, "value", value) for name, value in attrs.asdict(r).items()}
        for r in results
    ]


def cues_of(text: str, nlp: Any) -> dict[str, list[dict[str, Any]]]:
    """Every hedge and booster of ``text``, by path (``doc``/``text``) and classifier."""
    found: dict[str, list[dict[str, Any]]] = {}
    for rules in (True, False):
        extractors = (HedgeExtractor(context_rules=rules), BoosterExtractor(context_rules=rules))
        doc = make_doc(nlp, text)
        starts = sentence_starts(text)
        for extractor in extractors:
            suffix = f"{extractor.name}.{'rules' if rules else 'no_rules'}"
            found[f"doc.{suffix}"] = _rows(extractor(doc))
            found[f"text.{suffix}"] = _rows(extractor.from_text(text, starts))
        if rules:
            judge = BoosterExtractor(classifier="model")
            found["doc.boosters.model"] = _rows(judge(doc))
            found["text.boosters.model"] = _rows(judge.from_text(text, starts))
    fresh = (text + " ")[:-1]  # an equal string, another object: no pass to share
    doc = make_doc(nlp, fresh)
    found["doc.boosters.model_first"] = _rows(BoosterExtractor(classifier="model")(doc))
    found["doc.hedges.rules_after_model"] = _rows(HedgeExtractor()(doc))
    judged = BoosterExtractor(classifier="model").from_text(fresh, starts)
    found["text.boosters.model_first"] = _rows(judged)
    found["text.hedges.rules_after_model"] = _rows(HedgeExtractor().from_text(fresh, starts))
    return found


def main(argv: list[str] | None = None) -> int:
    """Dump the cues of every text of every file; print how many were written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", type=Path, nargs="+", help="JSONL files with a text field")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    nlp = default_nlp()
    texts = cues = 0
    with args.out.open("w", encoding="utf-8") as out:
        for path in args.files:
            with path.open(encoding="utf-8") as lines:
                for number, line in enumerate(lines, 1):
                    found = cues_of(json.loads(line)["text"], nlp)
                    out.write(json.dumps([path.name, number, found], sort_keys=True) + "\n")
                    texts += 1
                    cues += sum(len(rows) for rows in found.values())
    print(f"{texts} texts, {cues} cues (all ways) written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
