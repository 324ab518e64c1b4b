"""A Report as text a person reads: summary, findings and, on a terminal, highlights.

Works for any set of extractors: span results are listed by their offsets,
category (or kind) and, where they have one, intensity.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from rhetorika.results import Readability, Report

__all__ = ["format_report"]

_SPAN_FIELDS = ("quotations", "hedges", "boosters", "loaded_terms")
_TITLES = {
    "quotations": "Quotations",
    "hedges": "Hedges",
    "boosters": "Boosters",
    "loaded_terms": "Loaded terms",
}
# ANSI colours per span field: quotations by kind, the others by field.
_COLOURS = {
    "scare": "\033[1;35m",
    "direct": "\033[36m",
    "title": "\033[34m",
    "mention": "\033[34m",
    "other": "\033[2m",
    "hedges": "\033[33m",
    "boosters": "\033[32m",
    "loaded_terms": "\033[1;31m",
}
_RESET = "\033[0m"
_SHOWN_SCORES = (
    ("flesch_reading_ease", "Flesch reading ease"),
    ("flesch_kincaid_grade", "Flesch-Kincaid grade"),
    ("gunning_fog", "Gunning fog"),
    ("smog_index", "SMOG"),
    ("coleman_liau_index", "Coleman-Liau"),
    ("automated_readability_index", "ARI"),
    ("dale_chall_readability_score", "Dale-Chall"),
    ("linsear_write_formula", "Linsear Write"),
    ("spache_readability", "Spache"),
    ("mcalpine_eflaw", "McAlpine EFLAW"),
    ("text_standard", "Consensus grade"),
    ("reading_time", "Reading time (s)"),
)


def _label(span: Any) -> str:
    kind = getattr(span, "kind", None) or getattr(span, "category", None)
    label = str(getattr(kind, "value", kind))
    subtype = getattr(span, "subtype", None)
    if subtype:
        label += f"/{subtype}"
    intensity = getattr(span, "intensity", None)
    if intensity is not None:
        label += f", intensity {intensity:.2f}"
    if getattr(span, "quoted", False):
        label += ", quoted"
    return label


def _readability_lines(readability: Readability) -> list[str]:
    counts = readability.counts
    lines = [
        "Readability",
        f"  {counts.sentences} sentences, {counts.words} words, {counts.syllables} syllables, "
        f"{counts.polysyllabic_words} of 3+ syllables, {counts.difficult_words} difficult",
    ]
    for name, title in _SHOWN_SCORES:
        value = getattr(readability, name)
        shown = "undefined" if value is None else f"{value:.1f}"
        lines.append(f"  {title:<22} {shown}")
    return lines


def _span_lines(title: str, spans: Sequence[Any]) -> list[str]:
    if not spans:
        return [f"{title}: none"]
    tally = Counter(_label(span).split("/")[0].split(",")[0] for span in spans)
    summary = ", ".join(f"{count} {name}" for name, count in sorted(tally.items()))
    lines = [f"{title}: {len(spans)} ({summary})"]
    for span in spans:
        lines.append(
            f"  s{span.sentence:<3} {span.start:>6}-{span.end:<6} {span.text!r}  [{_label(span)}]"
        )
    return lines


def _highlighted(report: Report) -> str:
    """The text with each span wrapped in its colour; inner spans win over outer ones."""
    marks: list[tuple[int, int, str]] = []
    for field in _SPAN_FIELDS:
        for span in getattr(report, field) or ():
            key = span.kind.value if field == "quotations" else field
            start, end = span.start, span.end
            if field == "quotations":
                start = span.open_mark[0]
                end = span.close_mark[1] if span.close_mark else span.end
            marks.append((start, end, _COLOURS[key]))
    if not marks:
        return report.text
    colour_at: list[str | None] = [None] * len(report.text)
    for start, end, span_colour in sorted(marks, key=lambda m: m[0] - m[1]):
        colour_at[start:end] = [span_colour] * (end - start)
    out: list[str] = []
    current: str | None = None
    for char, colour in zip(report.text, colour_at, strict=True):
        if colour != current:
            out.append(_RESET if colour is None else _RESET + colour)
            current = colour
        out.append(char)
    if current is not None:
        out.append(_RESET)
    return "".join(out)


def format_report(report: Report, *, source: str | None = None, color: bool = False) -> str:
    """Render ``report`` as a readable text report.

    Args:
        report: The report to show.
        source: Where the text came from, printed as a heading.
        color: Add ANSI colours and the highlighted text (for a terminal).

    Added in version 0.1.0.
    """
    lines: list[str] = []
    if source is not None:
        lines += [source, "=" * min(len(source), 78)]
    lines.append(f"{len(report.sentences)} sentences, {len(report.text)} characters")
    if report.readability is not None:
        lines += ["", *_readability_lines(report.readability)]
    for field in _SPAN_FIELDS:
        spans = getattr(report, field)
        if spans is not None:
            lines += ["", *_span_lines(_TITLES[field], spans)]
    for name, value in report.extensions.items():
        lines += ["", f"{name}: {value!r}"]
    if color:
        lines += ["", "Text", "", _highlighted(report)]
    return "\n".join(lines) + "\n"
