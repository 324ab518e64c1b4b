"""Forged reports: from_json checks spans, bounds nesting, and pages stay linear (issue #20)."""

from __future__ import annotations

import json

import pytest

import rhetorika
from rhetorika import Hedge, HedgeCategory, Report, SerializationError

SEED = "It may rain. Experts say the plan is clearly a disaster."


def _hedge(text: str, start: int, end: int) -> Hedge:
    return Hedge(
        start=start,
        end=end,
        text=text[start:end],
        category=next(iter(HedgeCategory)),
        subtype="forged",
        sentence=0,
        lexicon="forged.v1",
        entry="forged",
    )


def _report_data() -> dict[str, object]:
    data: dict[str, object] = json.loads(rhetorika.to_json(rhetorika.analyze(SEED)))
    assert data["hedges"], "the seed must have a hedge to forge"
    return data


@pytest.mark.parametrize(
    ("start", "end"), [(-1, 3), (0, len(SEED) + 1), (len(SEED) + 5, len(SEED) + 9)]
)
def test_from_json_refuses_spans_outside_the_text(start: int, end: int) -> None:
    """A span whose offsets leave the text is a SerializationError naming the field."""
    data = _report_data()
    hedge = data["hedges"][0]  # type: ignore[index]
    hedge.update(start=start, end=end)
    with pytest.raises(SerializationError, match="hedges"):
        rhetorika.from_json(json.dumps(data))


def test_from_json_refuses_span_text_that_is_not_the_slice() -> None:
    """A span whose text differs from text[start:end] is a SerializationError."""
    data = _report_data()
    data["hedges"][0]["text"] = "<script>"  # type: ignore[index]
    with pytest.raises(SerializationError, match="not the text there"):
        rhetorika.from_json(json.dumps(data))


def test_from_json_refuses_quotation_marks_outside_the_text() -> None:
    """A quotation's open mark beyond the text is refused too."""
    text = 'She called it "fine" again.'
    data = json.loads(rhetorika.to_json(rhetorika.analyze(text)))
    data["quotations"][0]["open_mark"] = [len(text) + 10, len(text) + 11]
    with pytest.raises(SerializationError, match="quotations"):
        rhetorika.from_json(json.dumps(data))


def test_from_json_refuses_nested_sentence_readability() -> None:
    """Readability sentences nested inside sentences, however deep, are refused."""
    data = _report_data()
    readability = data["readability"]
    inner = dict(readability["sentences"][0])  # type: ignore[index]
    for _ in range(5):
        inner = {**inner, "sentences": [inner]}
    readability["sentences"] = [inner]  # type: ignore[index]
    with pytest.raises(SerializationError, match="readability"):
        rhetorika.from_json(json.dumps(data))


def test_from_json_refuses_deep_json_before_building_anything() -> None:
    """JSON nested deeper than MAX_NESTING is refused, however it nests."""
    deep = "[" * 500 + "]" * 500
    with pytest.raises(SerializationError, match="nests deeper"):
        rhetorika.from_json('{"text": "a", "extensions": {"x": ' + deep + "}}")


def test_every_analysis_passes_the_checks() -> None:
    """What to_json writes for an analysis reads back unchanged."""
    for text in (SEED, 'He said "no" and "maybe". It is "fine".', ""):
        report = rhetorika.analyze(text)
        assert report == rhetorika.from_json(rhetorika.to_json(report))


def _nested_page(n: int) -> int:
    """The size of the page of a forged report of ``n`` spans nested inside each other."""
    text = "a" * (2 * n)
    hedges = tuple(_hedge(text, i, 2 * n - i) for i in range(n))
    forged = rhetorika.to_json(Report(text=text, hedges=hedges))
    return len(rhetorika.render(rhetorika.from_json(forged)))


def test_page_of_nested_spans_grows_linearly() -> None:
    """Ten times as many nested spans make a page at most twelve times as large.

    Each element's hover title repeated every enclosing title: 300 nested
    spans made a page a hundred times as large as 30 did.
    """
    small, large = _nested_page(30), _nested_page(300)
    assert large / small < 12, (small, large)
