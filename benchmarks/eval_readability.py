"""Correlation of rhetorika's readability scores with teachers' ratings (CLEAR corpus).

Usage::

    python benchmarks/eval_readability.py --data ../shared/eval

For each formula, Pearson and Spearman r between rhetorika's score and the
corpus's ``BT_easiness`` (higher is easier), beside the r of the corpus's own
score column for the same formula where it ships one. Grade-level formulas
correlate negatively with easiness, so the comparison is on |r|. The corpus is
read from the path given; nothing of it is copied into the project.
"""

from __future__ import annotations

import argparse
import json
import math
import time
from pathlib import Path

CORPUS_COLUMNS = {
    "flesch_reading_ease": "Flesch-Reading-Ease",
    "flesch_kincaid_grade": "Flesch-Kincaid-Grade-Level",
    "automated_readability_index": "Automated Readability Index",
    "smog_index": "SMOG Readability",
    "dale_chall_readability_score": "New Dale-Chall Readability Formula",
}


def pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy)


def ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return result


def spearman(xs: list[float], ys: list[float]) -> float:
    return pearson(ranks(xs), ranks(ys))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the eval folder")
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/readability.json"))
    args = parser.parse_args()

    import rhetorika
    from rhetorika.extractors.readability import SCORES

    path = args.data / "readability" / "clear_readability.jsonl"
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    analyzer = rhetorika.Analyzer(extractors=["readability"])
    labels = [float(r["label"]) for r in records]
    ours: dict[str, list[float]] = {name: [] for name in SCORES}
    for record in records:
        result = analyzer.analyze(record["text"]).readability
        assert result is not None
        for name in SCORES:
            value = getattr(result, name)
            ours[name].append(math.nan if value is None else value)

    rows = []
    print(f"{len(records)} excerpts of {path}")
    print(f"{'formula':<34} {'pearson':>8} {'spearman':>9} {'corpus col':>11}  |r| >= corpus")
    for name in SCORES:
        pairs = [(x, y) for x, y in zip(ours[name], labels, strict=True) if not math.isnan(x)]
        xs, ys = [p[0] for p in pairs], [p[1] for p in pairs]
        r, rho = pearson(xs, ys), spearman(xs, ys)
        column = CORPUS_COLUMNS.get(name)
        theirs = None
        if column is not None:
            values = [
                (float(rec["meta"][column]), y)
                for rec, y in zip(records, labels, strict=True)
                if rec["meta"].get(column) is not None
            ]
            theirs = pearson([v[0] for v in values], [v[1] for v in values])
        verdict = "" if theirs is None else ("yes" if abs(r) >= abs(theirs) else "NO")
        shown = "" if theirs is None else f"{theirs:+.3f}"
        print(f"{name:<34} {r:>+8.3f} {rho:>+9.3f} {shown:>11}  {verdict}")
        rows.append(
            {"score": name, "pearson": r, "spearman": rho, "corpus_pearson": theirs, "n": len(xs)}
        )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(
            {
                "date": time.strftime("%Y-%m-%d"),
                "rhetorika": rhetorika.__version__,
                "corpus": "CLEAR",
                "excerpts": len(records),
                "scores": rows,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
