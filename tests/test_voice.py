"""Tests for voice: spans inside direct quotations are marked quoted (``rhetorika.voice``)."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rhetorika import (
    Hedge,
    HedgeCategory,
    LoadedCategory,
    LoadedTerm,
    Quotation,
    QuotationKind,
)
from rhetorika.voice import direct_spans, mark_quoted

TEXT = "Critics say it \u201cmay well collapse\u201d, but the \u201cregime\u201d may survive."


def quotation(start: int, end: int, kind: QuotationKind, text: str = TEXT) -> Quotation:
    return Quotation(
        start=start,
        end=end,
        text=text[start:end],
        open_mark=(start - 1, start),
        close_mark=(end, end + 1),
        kind=kind,
        confidence=0.9,
        sentence=0,
    )


def hedge(start: int, end: int, text: str = TEXT) -> Hedge:
    return Hedge(
        start=start,
        end=end,
        text=text[start:end],
        category=HedgeCategory.PLAUSIBILITY,
        subtype="epistemic_modal",
        sentence=0,
        lexicon="hedges.test",
        entry="may",
    )


def loaded(start: int, end: int, text: str = TEXT) -> LoadedTerm:
    return LoadedTerm(
        start=start,
        end=end,
        text=text[start:end],
        category=LoadedCategory.PEJORATIVE,
        intensity=0.7,
        sentence=0,
        lexicon="loaded.test",
        entry="regime",
    )


DIRECT = quotation(16, 33, QuotationKind.DIRECT)  # may well collapse
SCARE = quotation(45, 51, QuotationKind.SCARE)  # regime
MAY_INSIDE = hedge(16, 19)
MAY_OUTSIDE = hedge(53, 56)
REGIME = loaded(45, 51)


def test_fixture_offsets() -> None:
    """The hand-built spans point at the words they name."""
    assert (DIRECT.text, SCARE.text, MAY_INSIDE.text, MAY_OUTSIDE.text) == (
        "may well collapse",
        "regime",
        "may",
        "may",
    )


def test_hedge_inside_direct_quotation_is_quoted() -> None:
    """A hedge inside a direct quotation is the speaker's: quoted=True; outside stays False."""
    fields = mark_quoted({"quotations": (DIRECT, SCARE), "hedges": (MAY_INSIDE, MAY_OUTSIDE)})
    assert [h.quoted for h in fields["hedges"]] == [True, False]


def test_term_in_scare_quotes_stays_the_writers() -> None:
    """A loaded term in scare quotes is the writer's rhetorical act, not quoted speech."""
    fields = mark_quoted({"quotations": (DIRECT, SCARE), "loaded_terms": (REGIME,)})
    assert fields["loaded_terms"][0].quoted is False


def test_span_crossing_the_closing_mark_is_not_quoted() -> None:
    """Only spans wholly inside the quotation's content are quoted."""
    crossing = hedge(30, 38)
    fields = mark_quoted({"quotations": (DIRECT,), "hedges": (crossing,)})
    assert fields["hedges"][0].quoted is False


def test_stale_quoted_flag_is_cleared() -> None:
    """A span marked quoted that is not inside a direct quotation is set back to False."""
    stale = attrs.evolve(MAY_OUTSIDE, quoted=True)
    fields = mark_quoted({"quotations": (DIRECT,), "hedges": (stale,)})
    assert fields["hedges"][0].quoted is False


@pytest.mark.parametrize(
    "fields",
    [
        {"hedges": (MAY_INSIDE,)},
        {"quotations": None, "hedges": (MAY_INSIDE,)},
        {"quotations": (DIRECT,), "hedges": None, "loaded_terms": None},
        {},
    ],
)
def test_missing_fields_change_nothing(fields: dict[str, Any]) -> None:
    """Without quotations, or without the other extractors' results, fields pass through."""
    assert mark_quoted(fields) == fields


def test_nested_direct_quotations_merge() -> None:
    """Overlapping direct quotations merge into one span, so inner spans count once."""
    outer = quotation(1, 20, QuotationKind.DIRECT, "x" * 30)
    inner = quotation(5, 10, QuotationKind.DIRECT, "x" * 30)
    later = quotation(22, 25, QuotationKind.DIRECT, "x" * 30)
    assert direct_spans([later, inner, outer]) == [(1, 20), (22, 25)]


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 10)), max_size=8))
def test_quoted_iff_inside_some_direct_quotation(spans: list[tuple[int, int]]) -> None:
    """quoted is True exactly when a span lies inside one direct quotation's content."""
    text = "y" * 80
    hedges = tuple(hedge(start, start + length, text) for start, length in spans)
    quotes = (
        quotation(10, 30, QuotationKind.DIRECT, text),
        quotation(40, 50, QuotationKind.SCARE, text),
    )
    marked = mark_quoted({"quotations": quotes, "hedges": hedges})["hedges"]
    for result in marked:
        assert result.quoted == (10 <= result.start and result.end <= 30)


def test_analyzer_report_marks_quoted(monkeypatch: pytest.MonkeyPatch) -> None:
    """Analyzer.report applies voice to results of the other extractors."""
    import rhetorika.analyzer

    class FakeHedges:
        """Stands in for the hedges extractor, which lives on another branch."""

        name = "hedges"

        def __call__(self, doc: Any) -> tuple[Hedge, ...]:
            return (hedge(16, 19, doc.text), hedge(53, 56, doc.text))

    monkeypatch.setattr(rhetorika.analyzer, "BUILTIN_FIELDS", ("quotations", "hedges"))
    analyzer = rhetorika.Analyzer(extractors=["quotations", FakeHedges()])
    report = analyzer.analyze(TEXT)
    assert report.quotations is not None
    assert report.quotations[0].kind is QuotationKind.DIRECT
    assert report.hedges is not None
    assert [h.quoted for h in report.hedges] == [True, False]


def test_real_hedges_inside_direct_speech_are_quoted() -> None:
    """End to end: a hedge in a minister's quoted words is quoted, the writer's own is not."""
    import rhetorika

    text = "\u201cThe economy may well collapse,\u201d the minister said, but it may also recover."
    report = rhetorika.analyze(text, extractors=["quotations", "hedges"])
    assert report.hedges is not None
    inside, outside = text.index("may"), text.index("may", text.index("said"))
    assert [(h.start, h.quoted) for h in report.hedges] == [(inside, True), (outside, False)]
    assert rhetorika.to_features(report)["hedges_unquoted_count"] == 1
