"""A reproducible random sample of booster decisions on unlabelled text, and its judged figures.

Usage (from ``benchmarks/``)::

    # draw: about N kept boosters and N candidates the rules rejected
    python sample_boosters.py draw --corpus ../../shared/bench/news_throughput.jsonl \\
        --seed 19 --per-side 150 --out /tmp/boosters-sample/sample.jsonl
    # score: the current code's decisions on the drawn sample, against judgements
    python sample_boosters.py score --corpus ../../shared/bench/news_throughput.jsonl \\
        --sample /tmp/boosters-sample/sample.jsonl --judged /tmp/boosters-sample/judged.tsv

A *candidate* is a lexicon match with a booster reading (what
``context_rules=False`` reports). The rules *keep* it when a booster is found
at its span, and *reject* it otherwise: dropped, or read as a hedge (a negated
booster). ``draw`` classifies every candidate of the corpus (``text`` of each
JSONL line, default pipeline), then draws ``--per-side`` of each side with
``random.Random(seed)``, and writes each drawn candidate with its sentence to
``--out``, which must lie outside the repository: the corpus never enters it.

``score`` reads a judgement per drawn candidate (a TSV of ``key``, and
``label``: a booster category by ``BOOSTERS.md``, or ``no``), re-decides each
candidate with the current code, and prints aggregate counts only: the
precision of kept boosters and the share of rejected candidates that are
boosters, by category and by rule, in the sample and weighted back to the
corpus (each side of the draw counts for its share of the corpus), plus the
candidates whose decision differs from the draw's.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rhetorika.extractors._hedge_lexicon import matcher, normalize, scan
from rhetorika.extractors.hedges import find_cues_in_text
from rhetorika.sentences import sentence_of, sentence_starts

REPOSITORY = Path(__file__).resolve().parent.parent
SIDES = ("kept", "rejected")


def _texts(corpus: Path) -> Iterator[tuple[str, str]]:
    with corpus.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if line.strip():
                record = json.loads(line)
                yield str(record.get("id", number)), record["text"]


def decisions(text: str) -> list[dict[str, Any]]:
    """Every booster candidate of ``text``: span, entry, rule and the rules' decision."""
    _, by_form = matcher()
    starts = sentence_starts(text)
    found = {(c.start, c.end): c for c in find_cues_in_text(text, starts)}
    _, matches = scan(text)
    rows = []
    for start, end, form in matches:
        entries = by_form.get(form) or by_form[normalize(form)]
        boosters = [e for e in entries if e.kind == "booster"]
        if not boosters:
            continue
        cue = found.get((start, end))
        kept = cue is not None and cue.kind == "booster"
        index = sentence_of(starts, start)
        limits = (starts[index], starts[index + 1] if index + 1 < len(starts) else len(text))
        rows.append(
            {
                "start": start,
                "end": end,
                "cue": text[start:end],
                "entry": boosters[0].id,
                "category": cue.category if kept and cue else boosters[0].category,
                "rule": (cue.rule if kept and cue else boosters[0].rule) or "(none)",
                "decision": "kept" if kept else ("hedge" if cue is not None else "dropped"),
                "sentence": text[limits[0] : limits[1]].strip(),
                "offset": start - limits[0],
            }
        )
    return rows


def _side(decision: str) -> str:
    return "kept" if decision == "kept" else "rejected"


def draw(args: argparse.Namespace) -> int:
    """Classify every candidate of the corpus and write the seeded sample."""
    if args.out.resolve().is_relative_to(REPOSITORY):
        print(f"{args.out}: the sample quotes the corpus; write it outside the repository")
        return 2
    pool: dict[str, list[dict[str, Any]]] = {side: [] for side in SIDES}
    for doc_id, text in _texts(args.corpus):
        for row in decisions(text):
            row["key"] = f"{doc_id}@{row['start']}-{row['end']}"
            pool[_side(row["decision"])].append(row)
    rng = random.Random(args.seed)
    with args.out.open("w", encoding="utf-8") as out:
        header = {"seed": args.seed, "corpus": args.corpus.name}
        header.update({f"{side}_in_corpus": len(pool[side]) for side in SIDES})
        out.write(json.dumps(header) + "\n")
        for side in SIDES:
            drawn = rng.sample(pool[side], min(args.per_side, len(pool[side])))
            for row in sorted(drawn, key=lambda r: r["key"]):
                row["side"] = side
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(", ".join(f"{side}: {len(pool[side])} in the corpus" for side in SIDES))
    drawn = ", ".join(f"{min(args.per_side, len(pool[side]))} {side}" for side in SIDES)
    print(f"drawn with seed {args.seed}: {drawn}, into {args.out}")
    return 0


def _ratio(part: float, whole: float) -> str:
    return f"{part / whole:.3f}" if whole else "  -  "


def score(args: argparse.Namespace) -> int:
    """Re-decide the drawn candidates with the current code and print the judged figures."""
    with args.sample.open(encoding="utf-8") as lines:
        header = json.loads(next(lines))
        drawn = [json.loads(line) for line in lines if line.strip()]
    with args.judged.open(encoding="utf-8") as handle:
        labels = {row["key"]: row["label"] for row in csv.DictReader(handle, delimiter="\t")}
    missing = [row["key"] for row in drawn if row["key"] not in labels]
    if missing:
        print(f"{len(missing)} drawn candidates have no judgement, e.g. {missing[0]}")
        return 2
    wanted = {row["key"].rsplit("@", 1)[0] for row in drawn}
    now: dict[str, dict[str, Any]] = {}
    for doc_id, text in _texts(args.corpus):
        if doc_id in wanted:
            for row in decisions(text):
                now[f"{doc_id}@{row['start']}-{row['end']}"] = row
    weight = {
        side: header[f"{side}_in_corpus"] / sum(r["side"] == side for r in drawn) for side in SIDES
    }
    tallies: dict[tuple[str, str, str], Counter[str]] = {}
    changed = Counter()
    weighted = Counter()
    for row in drawn:
        current = now[row["key"]]
        side = _side(current["decision"])
        label = labels[row["key"]]
        true = label != "no"
        if side != row["side"]:
            changed[f"{row['side']}->{side} {'booster' if true else 'not'}"] += 1
        weighted[f"{side} {true}"] += weight[row["side"]]
        for group, value in (
            ("all", "all"),
            ("category", current["category"]),
            ("rule", current["rule"]),
        ):
            tallies.setdefault((side, group, value), Counter())[str(true)] += 1
    print(f"sample: {len(drawn)} candidates (seed {header['seed']}, {header['corpus']})")
    for side in SIDES:
        title = "precision" if side == "kept" else "share that are boosters"
        print(f"{side}: {title} (boosters by the guideline / candidates)")
        for (s, group, value), counts in sorted(tallies.items()):
            if s == side:
                n = counts["True"] + counts["False"]
                print(
                    f"  {group:8} {value:30} {counts['True']:4}/{n:<4} {_ratio(counts['True'], n)}"
                )
    kept_true, kept_all = weighted["kept True"], weighted["kept True"] + weighted["kept False"]
    missed = weighted["rejected True"]
    print(
        f"weighted to the corpus: kept precision {_ratio(kept_true, kept_all)}, "
        f"recall among candidates {_ratio(kept_true, kept_true + missed)}"
    )
    print(
        "changed since the draw: "
        + (", ".join(f"{k} {v}" for k, v in sorted(changed.items())) or "none")
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Draw a sample or score a judged one."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    drawing = commands.add_parser("draw", help="draw the sample")
    drawing.add_argument("--corpus", type=Path, required=True, help="JSONL with a text field")
    drawing.add_argument("--seed", type=int, required=True)
    drawing.add_argument("--per-side", type=int, default=150)
    drawing.add_argument("--out", type=Path, required=True, help="outside the repository")
    scoring = commands.add_parser("score", help="score the judged sample")
    scoring.add_argument("--corpus", type=Path, required=True)
    scoring.add_argument("--sample", type=Path, required=True)
    scoring.add_argument("--judged", type=Path, required=True, help="TSV: key, label")
    args = parser.parse_args(argv)
    return draw(args) if args.command == "draw" else score(args)


if __name__ == "__main__":
    sys.exit(main())
