"""A Report as a self-contained HTML page: the text with every finding highlighted.

The page needs nothing else: no external style sheet, font, image or script.
Each kind of finding has its own colour, explained in a legend; hovering a
highlight shows its category, intensity and evidence (a ``title`` attribute,
so no JavaScript is involved); a summary table gives the readability scores
and the counts. Everything taken from the text or the results is escaped.

Highlights may overlap (a hedge inside a quotation, a loaded term across a
sentence boundary). HTML elements must nest, so where two highlights cross,
the one that started later is closed and reopened around the boundary; the
text itself is never repeated or reordered.
"""

from __future__ import annotations

import heapq
import html
import re
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Any, Literal

import attrs

from rhetorika._checks import check_optional_str
from rhetorika._display import set_html_view
from rhetorika.analyzer import analyze
from rhetorika.exceptions import ArgumentTypeError, ConfigurationError
from rhetorika.results import (
    Booster,
    Hedge,
    LoadedTerm,
    Quotation,
    QuotationKind,
    Readability,
    Report,
)

__all__ = ["STYLES", "render"]

STYLES: tuple[str, ...] = ("page", "fragment")
"""Valid values of ``render(..., style=...)``."""

Style = Literal["page", "fragment"]

_DEPTH = 12  # highlights open at once; no analysis nests this deep

_CSS = """
.rhetorika { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f2937; background: #ffffff; line-height: 1.6; max-width: 54rem;
  margin: 0 auto; padding: 1.25rem 1.5rem; }
.rhetorika h1 { font-size: 1.4rem; margin: 0 0 0.75rem; }
.rhetorika h2 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
.rhetorika .rk-text { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1.05rem;
  border: 1px solid #e5e7eb; border-radius: 6px; padding: 1rem 1.25rem; }
.rhetorika mark { color: inherit; background: none; padding: 0 1px; border-radius: 3px; }
.rhetorika .rk-hedge { background: #fde68a; }
.rhetorika .rk-booster { background: #bbf7d0; }
.rhetorika .rk-loaded { background: rgba(248, 113, 113, calc(0.3 + 0.5 * var(--rk-i, 0.5))); }
.rhetorika .rk-quoted { font-style: italic; }
.rhetorika .rk-quote { border-bottom: 2px solid #6b7280; padding-bottom: 1px; }
.rhetorika .rk-scare { background: #f5d0fe; border-bottom: 2px dashed #a21caf; }
.rhetorika .rk-direct { background: #dbeafe; border-bottom: 2px solid #1d4ed8; }
.rhetorika .rk-title, .rhetorika .rk-mention, .rhetorika .rk-other {
  border-bottom: 2px dotted #6b7280; }
.rhetorika .rk-sentence:hover { outline: 1px dashed #9ca3af; }
.rhetorika .rk-legend { list-style: none; padding: 0; margin: 0; display: flex;
  flex-wrap: wrap; gap: 0.4rem 1.25rem; }
.rhetorika .rk-legend li { white-space: nowrap; }
.rhetorika .rk-legend .rk-count { color: #6b7280; }
.rhetorika .rk-note { color: #4b5563; font-size: 0.85rem; margin: 0.4rem 0 0; }
.rhetorika .rk-tables { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
.rhetorika table { border-collapse: collapse; font-size: 0.9rem; }
.rhetorika th, .rhetorika td { text-align: left; padding: 0.15rem 0.75rem 0.15rem 0;
  border-bottom: 1px solid #f3f4f6; }
.rhetorika td.rk-num { text-align: right; font-variant-numeric: tabular-nums; }
.rhetorika caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
"""

_PAGE_CSS = "body { margin: 0; background: #ffffff; }"

# Span kinds: CSS class, legend label, and the order they nest in (outer first).
_QUOTE_CLASSES = {
    QuotationKind.SCARE: ("rk-quote rk-scare", "scare quote"),
    QuotationKind.DIRECT: ("rk-quote rk-direct", "direct quotation"),
    QuotationKind.TITLE: ("rk-quote rk-title", "title"),
    QuotationKind.MENTION: ("rk-quote rk-mention", "mention"),
    QuotationKind.OTHER: ("rk-quote rk-other", "other quotation"),
}
_CUE_CLASSES = {
    "hedges": ("rk-hedge", "hedge"),
    "boosters": ("rk-booster", "booster"),
    "loaded_terms": ("rk-loaded", "loaded term"),
}
_SENTENCE, _QUOTE, _CUE = 0, 1, 2
_OVERLAP_NOTE = (
    '<p class="rk-note">Where findings overlap, the innermost one\'s colour shows'
    ' (a <mark class="rk-hedge">hedge</mark> inside a'
    ' <span class="rk-quote rk-scare">scare quote</span> keeps both marks);'
    " hovering names every finding under the pointer, innermost first."
    ' <mark class="rk-hedge rk-quoted">Italics</mark> mark a finding inside a direct'
    " quotation: someone else's words.</p>"
)

_SCORES = (
    ("flesch_reading_ease", "Flesch reading ease"),
    ("flesch_kincaid_grade", "Flesch-Kincaid grade"),
    ("gunning_fog", "Gunning fog"),
    ("smog_index", "SMOG"),
    ("coleman_liau_index", "Coleman-Liau"),
    ("automated_readability_index", "ARI"),
    ("dale_chall_readability_score", "Dale-Chall"),
    ("text_standard", "Consensus grade"),
    ("reading_time", "Reading time (s)"),
)

# Characters HTML cannot carry as they are: a carriage return would be
# normalised away by the parser, NUL and lone surrogates cannot be encoded.
_AWKWARD = re.compile("[\r\x00\ud800-\udfff]")


def _escape(text: str) -> str:
    """Escape ``text`` for element content or a quoted attribute value."""
    escaped = html.escape(text, quote=True)
    if _AWKWARD.search(escaped):
        escaped = _AWKWARD.sub(lambda m: "&#13;" if m.group() == "\r" else "&#xFFFD;", escaped)
    return escaped


@attrs.frozen
class _Mark:
    """One highlight: an element wrapped around ``text[start:end]``."""

    start: int
    end: int
    layer: int
    tag: str
    classes: str
    title: str
    style: str | None = None


def _cue_title(kind: str, cue: Hedge | Booster | LoadedTerm) -> str:
    parts = [kind, cue.category.value]
    subtype = getattr(cue, "subtype", None)
    if subtype:
        parts[-1] += f" ({subtype})"
    if isinstance(cue, LoadedTerm):
        parts.append(f"intensity {cue.intensity:.2f}")
        if cue.source != "lexicon":
            parts.append(f"from {cue.source} ({cue.entry})")
        if cue.alternatives:
            parts.append("alternatives: " + ", ".join(cue.alternatives))
    confidence = getattr(cue, "confidence", None)
    if confidence is not None:
        parts.append(f"confidence {confidence:.2f}")
    rule = getattr(cue, "rule", None)
    if rule:
        parts.append(f"rule {rule}")
    if cue.quoted:
        parts.append("inside a direct quotation")
    return " \u00b7 ".join(parts)


def _quote_title(label: str, quote: Quotation) -> str:
    parts = [label, f"confidence {quote.confidence:.2f}"]
    if quote.evidence:
        parts.append("evidence: " + "; ".join(quote.evidence))
    if quote.close_mark is None:
        parts.append("unclosed")
    return " \u00b7 ".join(parts)


def _sentence_title(index: int, result: Readability | None) -> str:
    title = f"sentence {index}"
    if result is not None and result.flesch_kincaid_grade is not None:
        title += f" \u00b7 Flesch-Kincaid grade {result.flesch_kincaid_grade:.1f}"
    return title


def _marks(report: Report) -> list[_Mark]:
    readability = report.readability
    per_sentence = {r.sentence: r for r in readability.sentences} if readability else {}
    marks = [
        _Mark(
            s.start,
            s.end,
            _SENTENCE,
            "span",
            "rk-sentence",
            _sentence_title(s.index, per_sentence.get(s.index)),
        )
        for s in report.sentences
    ]
    for quote in report.quotations or ():
        classes, label = _QUOTE_CLASSES[quote.kind]
        end = quote.close_mark[1] if quote.close_mark is not None else quote.end
        marks.append(
            _Mark(quote.open_mark[0], end, _QUOTE, "span", classes, _quote_title(label, quote))
        )
    for field, (classes, label) in _CUE_CLASSES.items():
        for cue in getattr(report, field) or ():
            style = None
            extra = " rk-quoted" if cue.quoted else ""
            if isinstance(cue, LoadedTerm):
                style = f"--rk-i:{cue.intensity:.2f}"
            title = _cue_title(label, cue)
            marks.append(_Mark(cue.start, cue.end, _CUE, "mark", classes + extra, title, style))
    return [mark for mark in marks if mark.start < mark.end]


def _open(mark: _Mark, enclosing: Sequence[_Mark]) -> str:
    """The start tag of ``mark``; its title also lists the highlights it sits in.

    A browser shows only the innermost element's title, so that one names
    everything that applies to the characters under the pointer, innermost
    first; [`_shallow()`][rhetorika.render._shallow] keeps that to a few titles, however a forged
    report nests its spans.
    """
    style = f' style="{mark.style}"' if mark.style else ""
    title = "\n".join(m.title for m in reversed([*enclosing, mark]))
    return f'<{mark.tag} class="{mark.classes}" title="{_escape(title)}"{style}>'


def _shallow(marks: Sequence[_Mark]) -> list[_Mark]:
    """``marks`` without those that would sit more than `_DEPTH` highlights deep.

    An analysis nests a handful (sentence, quotation, cues of three kinds);
    a forged report may nest thousands, each closed and reopened at every
    boundary inside it. Dropping the excess keeps the page linear.
    """
    kept: list[_Mark] = []
    ends: list[int] = []  # a heap of the ends of the kept marks still open
    for mark in sorted(marks, key=lambda m: (m.start, -m.end, m.layer)):
        while ends and ends[0] <= mark.start:
            heapq.heappop(ends)
        if len(ends) < _DEPTH:
            kept.append(mark)
            heapq.heappush(ends, mark.end)
    return kept


def _nest_key(mark: _Mark) -> tuple[int, int, int]:
    return (mark.layer, mark.start, -mark.end)


def _highlighted(text: str, marks: Sequence[_Mark]) -> str:
    """``text`` escaped, with ``marks`` as properly nested elements."""
    marks = _shallow(marks)
    boundaries = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starting: dict[int, list[_Mark]] = {}
    for mark in marks:
        starting.setdefault(mark.start, []).append(mark)
    active: list[_Mark] = []
    stack: list[_Mark] = []
    out: list[str] = []
    for start, end in pairwise(boundaries):
        active = [m for m in active if m.end > start] + starting.get(start, [])
        wanted = sorted(active, key=_nest_key)
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] is wanted[keep]:
            keep += 1
        while len(stack) > keep:
            out.append(f"</{stack.pop().tag}>")
        for mark in wanted[keep:]:
            out.append(_open(mark, stack))
            stack.append(mark)
        out.append(_escape(text[start:end]))
    while stack:
        out.append(f"</{stack.pop().tag}>")
    return "".join(out)


def _legend(report: Report) -> str:
    items: list[tuple[str, str, int]] = []
    if report.quotations is not None:
        for kind, (classes, label) in _QUOTE_CLASSES.items():
            count = sum(1 for q in report.quotations if q.kind is kind)
            if count or kind in (QuotationKind.SCARE, QuotationKind.DIRECT):
                items.append((classes, label, count))
    for field, (classes, label) in _CUE_CLASSES.items():
        found = getattr(report, field)
        if found is not None:
            items.append((classes, label, len(found)))
    if not items:
        return "<p>No span extractor was run: only readability is shown.</p>"
    entries = "".join(
        f'<li><{"mark" if "quote" not in c else "span"} class="{c}">{_escape(label)}'
        f'</{"mark" if "quote" not in c else "span"}> <span class="rk-count">{n}</span></li>'
        for c, label, n in items
    )
    return f'<ul class="rk-legend">{entries}</ul>{_OVERLAP_NOTE}'


def _number(value: float | None) -> str:
    return "undefined" if value is None else f"{value:.1f}"


def _rows(pairs: Iterable[tuple[str, str]]) -> str:
    return "".join(
        f'<tr><th scope="row">{_escape(name)}</th><td class="rk-num">{_escape(value)}</td></tr>'
        for name, value in pairs
    )


def _summary(report: Report) -> str:
    counts: list[tuple[str, str]] = [
        ("Characters", str(len(report.text))),
        ("Sentences", str(len(report.sentences))),
    ]
    readability = report.readability
    if readability is not None:
        counts += [
            ("Words", str(readability.counts.words)),
            ("Syllables", str(readability.counts.syllables)),
        ]
    for field, label in (
        ("hedges", "Hedges"),
        ("boosters", "Boosters"),
        ("quotations", "Quotations"),
        ("loaded_terms", "Loaded terms"),
    ):
        found: tuple[Any, ...] | None = getattr(report, field)
        counts.append((label, "not run" if found is None else str(len(found))))
        if field == "quotations" and found is not None:
            scare = sum(1 for q in found if q.kind is QuotationKind.SCARE)
            counts.append(("of which scare quotes", str(scare)))
    tables = [f"<table><caption>Counts</caption>{_rows(counts)}</table>"]
    if readability is not None:
        scores = [(label, _number(getattr(readability, name))) for name, label in _SCORES]
        tables.append(f"<table><caption>Readability</caption>{_rows(scores)}</table>")
    else:
        tables.append("<p>Readability was not run.</p>")
    return f'<div class="rk-tables">{"".join(tables)}</div>'


def _body(report: Report, title: str) -> str:
    return (
        f"<h1>{_escape(title)}</h1>"
        f"<h2>Legend</h2>{_legend(report)}"
        f"<h2>Summary</h2>{_summary(report)}"
        f'<h2>Text</h2><div class="rk-text">'
        f"{_highlighted(report.text, _marks(report))}</div>"
    )


def render(
    report_or_text: Report | str, *, style: Style = "page", title: str | None = None
) -> str:
    """Render a report (or a text, analysed with every extractor) as HTML.

    Args:
        report_or_text: A [`Report`][rhetorika.Report], or a string to analyse
            with [`rhetorika.analyze()`][rhetorika.analyze] first.
        style: ``"page"`` for a complete HTML document to save as a file;
            ``"fragment"`` for a ``<div>`` carrying its own scoped style
            sheet, to embed in another page or a notebook.
        title: The heading (and, for a page, the document title); defaults
            to "rhetorika report".

    Returns:
        Self-contained HTML: no external assets, no JavaScript.

    Raises:
        ArgumentTypeError: ``report_or_text`` is neither a Report nor a
            str, or ``title`` is neither a str nor None.
        ConfigurationError: ``style`` is not one of [`STYLES`][rhetorika.render.STYLES].

    Added in version 0.1.0.
    """
    check_optional_str("title", title)
    if style not in STYLES:
        raise ConfigurationError(f"unknown style {style!r}; valid: {', '.join(STYLES)}")
    if isinstance(report_or_text, str):
        report = analyze(report_or_text)
    elif isinstance(report_or_text, Report):
        report = report_or_text
    else:
        raise ArgumentTypeError(
            f"report_or_text must be a Report or a str, got {type(report_or_text).__name__}"
        )
    heading = "rhetorika report" if title is None else title
    body = _body(report, heading)
    if style == "fragment":
        return f'<div class="rhetorika"><style>{_CSS}</style>{body}</div>'
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="rhetorika">\n<title>{_escape(heading)}</title>\n'
        f"<style>{_PAGE_CSS}{_CSS}</style>\n</head>\n<body>\n"
        f'<main class="rhetorika">{body}</main>\n</body>\n</html>\n'
    )


def _fragment(report: Report) -> str:
    return render(report, style="fragment")


set_html_view(_fragment)
