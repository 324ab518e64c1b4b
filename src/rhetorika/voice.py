"""Voice: whose words a span is, the writer's or someone they quote.

A hedge, booster or loaded term found inside a *direct* quotation belongs to
the quoted speaker, not to the writer. [`mark_quoted()`][rhetorika.voice.mark_quoted] sets
``quoted=True`` on such spans, so a data scientist can count the writer's own rhetoric apart from
the rhetoric the writer reports. Scare quotes, titles and mentions do not make their words someone
else's speech in this sense: a loaded term in scare quotes is the writer's rhetorical act, so it
stays unquoted.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from rhetorika.results import Quotation, QuotationKind

__all__ = ["QUOTED_FIELDS", "direct_spans", "mark_quoted"]

QUOTED_FIELDS: tuple[str, ...] = ("hedges", "boosters", "loaded_terms")
"""Report fields whose results carry a ``quoted`` flag."""


def direct_spans(quotations: Sequence[Quotation]) -> list[tuple[int, int]]:
    """Content spans of the direct quotations, merged where they overlap, by start.

    Added in version 0.1.0.
    """
    spans = sorted((q.start, q.end) for q in quotations if q.kind is QuotationKind.DIRECT)
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _inside(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    index = bisect_right(starts, start) - 1
    return index >= 0 and end <= spans[index][1]


def _marked(
    results: tuple[Any, ...], spans: list[tuple[int, int]], starts: list[int]
) -> tuple[Any, ...]:
    out = []
    for result in results:
        quoted = _inside(spans, starts, result.start, result.end)
        out.append(result if quoted == result.quoted else attrs.evolve(result, quoted=quoted))
    return tuple(out)


def mark_quoted(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Return ``fields`` with ``quoted`` set on spans inside direct quotations.

    ``fields`` maps [`Report`][rhetorika.Report] attribute names to results, as
    [`Analyzer.report()`][rhetorika.Analyzer.report] assembles them. ``quotations`` and any of
    ``hedges``, ``boosters`` and ``loaded_terms`` may be missing or ``None``;
    then nothing changes. A span is quoted when it lies wholly inside the
    content of a direct quotation; every other span gets ``quoted=False``.

    Added in version 0.1.0.
    """
    out = dict(fields)
    quotations = fields.get("quotations")
    if quotations is None:
        return out
    spans = direct_spans(quotations)
    starts = [start for start, _ in spans]
    for name in QUOTED_FIELDS:
        results = fields.get(name)
        if results is not None:
            out[name] = _marked(tuple(results), spans, starts)
    return out
