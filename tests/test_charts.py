"""The docs' charts: drawn right, and the committed ones match the committed results."""

from __future__ import annotations

import json
import re

import pytest

from .scripts import ROOT, load_script

charts = load_script("scripts/charts.py")


def _quotes(bins: list[tuple[float, float, int]]) -> dict[str, object]:
    """A results/quotes.json shape with one classifier and the given reliability bins."""
    reliability = [
        {"bin": "", "count": count, "mean_confidence": mean, "accuracy": share}
        for mean, share, count in bins
    ]
    check = {"reliability": reliability, "brier_confidence": 0.125}
    return {"date": "2026-12-06", "classifiers": {"rules": {"labelled": {"check": check}}}}


def test_reliability_chart_places_each_bin_by_confidence_and_share_right() -> None:
    """A bin at confidence 0.5 and share right 0.5 sits mid-plot; one at (1, 1) top right."""
    svg = charts.reliability_chart(_quotes([(0.5, 0.5, 4), (1.0, 1.0, 16)]))
    centres = re.findall(
        r'<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)" fill="[^"]+" fill-opacity', svg
    )
    middle = (charts.MARGIN + charts.PLOT / 2, 40 + charts.PLOT / 2)
    top_right = (charts.MARGIN + charts.PLOT, 40)
    assert [(float(x), float(y)) for x, y, _ in centres] == [middle, top_right]
    assert [float(r) for _, _, r in centres] == [3.0, 4.0]  # 2 + sqrt(count) / 2
    assert "Brier 0.125" in svg


@pytest.mark.parametrize(
    ("source", "image"),
    [(source, image) for source, (image, _) in charts.CHARTS.items()],
)
def test_committed_chart_is_what_the_script_draws_from_the_committed_results(
    source: str, image: str
) -> None:
    """Each committed chart is redrawn from its committed benchmark results, byte for byte."""
    draw = charts.CHARTS[source][1]
    data = json.loads((ROOT / "benchmarks" / "results" / source).read_text(encoding="utf-8"))
    committed = (ROOT / "docs" / "images" / image).read_text(encoding="utf-8")
    assert draw(data) == committed


def test_committed_accuracy_chart_is_what_the_script_draws() -> None:
    """The accuracy chart, drawn from several results files, matches the committed one."""
    committed = (ROOT / "docs" / "images" / "accuracy.svg").read_text(encoding="utf-8")
    assert charts.accuracy_chart(ROOT / "benchmarks" / "results") == committed
