"""Draw the docs' charts from the benchmark JSON files, as plain SVG.

Usage::

    python scripts/charts.py            # reads benchmarks/results/*.json, writes docs/images/*.svg

No plotting library is needed: the charts are horizontal bar charts written
as SVG text, so they can be refreshed anywhere the benchmarks run.
"""

from __future__ import annotations

import argparse
import json
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
IMAGES = ROOT / "docs" / "images"

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 300
BAR_WIDTH = 420
COLOURS = ("#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860")


def bar_chart(title: str, rows: list[tuple[str, float, str]], *, unit: str) -> str:
    """An SVG bar chart of ``(label, value, shown value)`` rows."""
    top = 40
    height = top + len(rows) * (BAR_HEIGHT + GAP) + 30
    width = LABEL_WIDTH + BAR_WIDTH + 120
    largest = max((abs(value) for _, value, _ in rows), default=1.0) or 1.0
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="13">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="10" y="24" font-size="15" font-weight="bold">{escape(title)}</text>',
    ]
    for index, (label, value, shown) in enumerate(rows):
        y = top + index * (BAR_HEIGHT + GAP)
        length = BAR_WIDTH * abs(value) / largest
        colour = COLOURS[index % len(COLOURS)]
        parts += [
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end">{escape(label)}</text>',
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT}" '
            f'fill="{colour}"/>',
            f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{y + 15}">{escape(shown)}</text>',
        ]
    parts.append(f'<text x="10" y="{height - 10}" fill="#555">{escape(unit)}</text></svg>')
    return "\n".join(parts) + "\n"


def _short(name: str) -> str:
    """A row name short enough for the chart's label column."""
    for long, short in (
        ("all_extractors", "all"),
        ("feature_rows", "rows"),
        ("n_process_2", "2 processes"),
        ("after_start_up", "(start-up left out)"),
        ("_stream", ", 4-pass stream"),
    ):
        name = name.replace(long, short)
    return name.replace("_", " ").replace(" ,", ",")


def throughput_chart(data: dict[str, object]) -> str:
    figures = data["figures"]
    assert isinstance(figures, dict)
    rows = [
        (_short(name), float(f["words_per_second"]), f"{f['words_per_second']:,.0f}")
        for name, f in figures.items()
        if name != "n_process_2_start_up"  # a time, not a speed
    ]
    return bar_chart(
        "Throughput, words per second (higher is faster)",
        rows,
        unit=f"{data['texts']} news articles, {data['words']:,} words, median of "
        f"{data['repeat']} runs, {data['date']}, rhetorika {data['rhetorika']}",
    )


def readability_chart(data: dict[str, object]) -> str:
    scores = data["scores"]
    assert isinstance(scores, list)
    rows = [(s["score"], abs(s["pearson"]), f"|r| = {abs(s['pearson']):.3f}") for s in scores]
    return bar_chart(
        "Readability: |Pearson r| with teachers' easiness ratings (CLEAR)",
        rows,
        unit=f"{data['excerpts']:,} excerpts, {data['date']}, rhetorika {data['rhetorika']}",
    )


PLOT = 360  # side of the reliability chart's square plot, in pixels
MARGIN = 60


def reliability_chart(data: dict[str, object]) -> str:
    """Confidence against the share right, per confidence bin, on the quotations' check half.

    A calibrated classifier's points lie on the diagonal; a point's area
    grows with the quotations in its bin.
    """
    classifiers = data["classifiers"]
    assert isinstance(classifiers, dict)
    width = MARGIN + PLOT + 200
    height = 40 + PLOT + MARGIN

    def x(value: float) -> float:
        return MARGIN + PLOT * value

    def y(value: float) -> float:
        return 40 + PLOT * (1 - value)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="13">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        '<text x="10" y="24" font-size="15" font-weight="bold">'
        "Quotations: is the confidence right? (check half)</text>",
        f'<rect x="{x(0)}" y="{y(1)}" width="{PLOT}" height="{PLOT}" fill="none" stroke="#999"/>',
        f'<line x1="{x(0)}" y1="{y(0)}" x2="{x(1)}" y2="{y(1)}" stroke="#999" '
        'stroke-dasharray="4 4"/>',
    ]
    for tick in (0.0, 0.5, 1.0):
        parts += [
            f'<text x="{x(tick):.1f}" y="{y(0) + 18:.1f}" text-anchor="middle">{tick:.1f}</text>',
            f'<text x="{x(0) - 6:.1f}" y="{y(tick) + 4:.1f}" text-anchor="end">{tick:.1f}</text>',
        ]
    parts += [
        f'<text x="{x(0.5):.1f}" y="{y(0) + 40:.1f}" text-anchor="middle">mean confidence</text>',
        f'<text x="16" y="{y(0.5):.1f}" text-anchor="middle" '
        f'transform="rotate(-90 16 {y(0.5):.1f})">share right</text>',
    ]
    for index, (name, figures) in enumerate(sorted(classifiers.items())):
        check = figures["labelled"]["check"]
        colour = COLOURS[index % len(COLOURS)]
        points = [
            (x(b["mean_confidence"]), y(b["accuracy"]), b["count"]) for b in check["reliability"]
        ]
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py, _ in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}"/>')
        parts += [
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="{2 + count**0.5 / 2:.1f}" '
            f'fill="{colour}" fill-opacity="0.6"/>'
            for px, py, count in points
        ]
        legend_y = 60 + index * 40
        parts += [
            f'<circle cx="{x(1) + 24:.1f}" cy="{legend_y - 4}" r="6" fill="{colour}"/>',
            f'<text x="{x(1) + 36:.1f}" y="{legend_y}">{escape(name)}</text>',
            f'<text x="{x(1) + 36:.1f}" y="{legend_y + 16}" fill="#555">'
            f"Brier {check['brier_confidence']:.3f}</text>",
        ]
    parts.append(
        f'<text x="10" y="{height - 8}" fill="#555">{escape(str(data["date"]))}: '
        "bins of 0.1, dot area by quotations in the bin</text></svg>"
    )
    return "\n".join(parts) + "\n"


def accuracy_chart(results: Path) -> str | None:
    """F1 of each extractor against its development corpus, beside its baseline."""
    rows: list[tuple[str, float, str]] = []
    hedges = results / "hedges.json"
    if hedges.exists():
        data = json.loads(hedges.read_text())
        for corpus, figures in data["files"].items():
            for variant, label in (
                ("with_context_rules", "rules on"),
                ("without_context_rules", "rules off"),
            ):
                f1 = figures[variant]["f1"]
                rows.append((f"hedges, {corpus}, {label}", f1, f"F1 {f1:.3f}"))
    quotes = results / "quotes.json"
    if quotes.exists():
        rules = json.loads(quotes.read_text())["classifiers"]["rules"]
        scare = rules["labelled"]["check"]["scare"]
        rows.append(("scare quotes (rules), check half", scare["f1"], f"F1 {scare['f1']:.3f}"))
    loaded = results / "loaded.json"
    if loaded.exists():
        corpora = json.loads(loaded.read_text())["corpora"]
        headline = "rhetorika (phrases, every category)"
        for corpus, name in (("ptc", "PTC"), ("basil", "BASIL lex")):
            f1 = corpora[corpus]["check"][headline]["all"]["f1"]
            rows.append((f"loaded terms, {name}, check half", f1, f"F1 {f1:.3f}"))
        honest = results / "loaded_without_third_batch.json"
        if honest.exists():
            check = json.loads(honest.read_text())["corpora"]["ptc"]["check"]
            f1 = check[headline]["all"]["f1"]
            rows.append(("loaded terms, PTC check, no third batch", f1, f"F1 {f1:.3f}"))
        vader = corpora["ptc"]["check"]["baseline VADER"]["all"]["f1"]
        rows.append(("VADER baseline, PTC check half", vader, f"F1 {vader:.3f}"))
    if not rows:
        return None
    return bar_chart(
        "Accuracy on the development corpora (F1, higher is better)",
        rows,
        unit="development numbers: see benchmarks/README.md for commands and dates",
    )


CHARTS = {
    "throughput.json": ("throughput.svg", throughput_chart),
    "readability.json": ("readability-accuracy.svg", readability_chart),
    "quotes.json": ("quotes-reliability.svg", reliability_chart),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--out", type=Path, default=IMAGES)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    accuracy = accuracy_chart(args.results)
    if accuracy is not None:
        (args.out / "accuracy.svg").write_text(accuracy, encoding="utf-8")
        print(f"wrote {args.out / 'accuracy.svg'}")
    for source, (target, draw) in CHARTS.items():
        path = args.results / source
        if not path.exists():
            print(f"{path}: missing, chart skipped")
            continue
        (args.out / target).write_text(draw(json.loads(path.read_text())), encoding="utf-8")
        print(f"wrote {args.out / target}")


if __name__ == "__main__":
    main()
