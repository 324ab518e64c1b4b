"""Tests for the highlighted HTML view: escaping, legend, spans, overlaps, notebooks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rhetorika
from rhetorika import (
    Booster,
    BoosterCategory,
    ConfigurationError,
    Hedge,
    HedgeCategory,
    LoadedCategory,
    LoadedTerm,
    Quotation,
    QuotationKind,
    Report,
)

from .htmlparse import parse
from .strategies import SEED

ALLOWED_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "main",
    "div",
    "h1",
    "h2",
    "p",
    "ul",
    "li",
    "span",
    "mark",
    "table",
    "caption",
    "tr",
    "th",
    "td",
}

TEXT = (
    "Officials say the talks may resume. The regime clearly wants a \u201cpeace\u201d deal. "
    '"We will not be rushed," she said.'
)


def hedge(text: str, word: str, **kw: object) -> Hedge:
    start = text.index(word)
    fields: dict[str, object] = {
        "category": HedgeCategory.PLAUSIBILITY,
        "subtype": "epistemic_modal",
        "sentence": 0,
        "lexicon": "hedges.v1",
        "entry": word,
    }
    fields.update(kw)
    return Hedge(start=start, end=start + len(word), text=word, **fields)  # type: ignore[arg-type]


def loaded(text: str, word: str, *, intensity: float = 0.8, **kw: object) -> LoadedTerm:
    start = text.index(word)
    fields: dict[str, object] = {
        "category": LoadedCategory.PEJORATIVE,
        "alternatives": ("government",),
        "sentence": 1,
        "lexicon": "loaded.v1",
        "entry": word,
    }
    fields.update(kw)
    return LoadedTerm(
        start=start,
        end=start + len(word),
        text=word,
        intensity=intensity,
        **fields,  # type: ignore[arg-type]
    )


def quotation(text: str, content: str, kind: QuotationKind) -> Quotation:
    start = text.index(content)
    return Quotation(
        start=start,
        end=start + len(content),
        text=content,
        open_mark=(start - 1, start),
        close_mark=(start + len(content), start + len(content) + 1),
        kind=kind,
        confidence=0.75,
        evidence=("cue",),
        sentence=1,
    )


def full_report() -> Report:
    """A report with every kind of span, built by hand on TEXT."""
    base = rhetorika.analyze(TEXT)
    start = TEXT.index("clearly")
    return Report(
        text=TEXT,
        sentences=base.sentences,
        readability=base.readability,
        hedges=(
            hedge(TEXT, "may"),
            hedge(TEXT, "say", category=HedgeCategory.ATTRIBUTION, subtype="hearsay"),
        ),
        boosters=(
            Booster(
                start=start,
                end=start + 7,
                text="clearly",
                category=BoosterCategory.CERTAINTY,
                subtype="adverb",
                sentence=1,
                lexicon="hedges.v1",
                entry="clearly",
            ),
        ),
        quotations=(
            quotation(TEXT, "peace", QuotationKind.SCARE),
            quotation(TEXT, "We will not be rushed,", QuotationKind.DIRECT),
        ),
        loaded_terms=(loaded(TEXT, "regime"),),
    )


def classes_of(parsed_chars: list, start: int, end: int) -> list[frozenset[str]]:  # type: ignore[type-arg]
    return [c.classes for c in parsed_chars[start:end]]


def test_page_is_self_contained_and_keeps_the_text() -> None:
    """A page has only known tags, no script, no external reference, and the text intact."""
    page = rhetorika.render(full_report())
    parsed = parse(page)
    assert parsed.balanced
    assert TEXT == parsed.text
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS
    for _, attributes in parsed.tags:
        assert not [name for name in attributes if name.startswith("on")]
        assert not {"src", "href"} & set(attributes)
    assert "url(" not in page
    assert page.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '"onmouseover=alert(1) x="',
        "</style><script>alert(2)</script>",
        "&amp; &lt;b&gt; <b>bold</b> <!-- comment -->",
        "]]> <![CDATA[ x ]]> </div></main></body>",
    ],
)
def test_hostile_text_renders_as_text(hostile: str) -> None:
    """Markup in the text is escaped: it comes back as the same characters, never as tags."""
    text = f"He wrote {hostile} may be there. Then he left."
    report = rhetorika.analyze(text)
    report = Report(
        text=text,
        sentences=report.sentences,
        readability=report.readability,
        hedges=(hedge(text, "may"),),
    )
    page = rhetorika.render(report)
    parsed = parse(page)
    assert parsed.balanced
    assert text == parsed.text
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS
    assert 1 == page.count("</style>")
    assert "<script" not in page


def test_hostile_results_are_escaped_in_titles() -> None:
    """Alternatives and evidence with quotes and tags stay inside the title attribute."""
    nasty = '"><script>alert(1)</script><b title="'
    term = loaded(TEXT, "regime", alternatives=(nasty,))
    report = Report(text=TEXT, loaded_terms=(term,))
    parsed = parse(rhetorika.render(report))
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS
    at = TEXT.index("regime")
    assert any(nasty in title for title in parsed.chars[at].titles)


def test_every_span_is_highlighted_with_its_class_and_title() -> None:
    """Each result's characters carry its class, and its hover title names the category."""
    report = full_report()
    chars = parse(rhetorika.render(report)).chars
    expectations = [
        (report.hedges[0], "rk-hedge", "hedge \u00b7 plausibility (epistemic_modal)"),  # type: ignore[index]
        (report.hedges[1], "rk-hedge", "hedge \u00b7 attribution (hearsay)"),  # type: ignore[index]
        (report.boosters[0], "rk-booster", "booster \u00b7 certainty (adverb)"),  # type: ignore[index]
        (
            report.loaded_terms[0],  # type: ignore[index]
            "rk-loaded",
            "loaded term \u00b7 pejorative \u00b7 intensity 0.80 \u00b7 alternatives: government",
        ),
    ]
    for result, css, title in expectations:
        for char in chars[result.start : result.end]:
            assert css in char.classes
            assert title in char.titles[-1].split("\n")  # the hover title shown there
    scare, direct = report.quotations  # type: ignore[misc]
    for quote, css in ((scare, "rk-scare"), (direct, "rk-direct")):
        assert quote.close_mark is not None
        for char in chars[quote.open_mark[0] : quote.close_mark[1]]:
            assert css in char.classes
    assert "rk-direct" not in chars[scare.start].classes
    assert "rk-scare" not in chars[direct.start].classes


def test_scare_and_direct_quotations_look_different() -> None:
    """Scare quotes and direct quotations have distinct classes and distinct CSS rules."""
    page = rhetorika.render(full_report())
    scare_rule = page.split(".rhetorika .rk-scare {", 1)[1].split("}", 1)[0]
    direct_rule = page.split(".rhetorika .rk-direct {", 1)[1].split("}", 1)[0]
    assert scare_rule != direct_rule


def test_legend_lists_each_kind_with_its_count() -> None:
    """The legend names every span kind that was run, with how many were found."""
    page = rhetorika.render(full_report())
    legend = page.split('<ul class="rk-legend">', 1)[1].split("</ul>", 1)[0]
    for label, count in [
        ("scare quote", 1),
        ("direct quotation", 1),
        ("hedge", 2),
        ("booster", 1),
        ("loaded term", 1),
    ]:
        assert f">{label}</" in legend
        assert f'{label}</mark> <span class="rk-count">{count}</span>' in legend or (
            f'{label}</span> <span class="rk-count">{count}</span>' in legend
        )


def test_summary_shows_readability_and_counts() -> None:
    """The summary table shows the scores and counts, and "not run" for missing extractors."""
    report = rhetorika.analyze(SEED, extractors=["readability"])
    page = rhetorika.render(report)
    assert report.readability is not None
    ease = f"{report.readability.flesch_reading_ease:.1f}"
    assert f'Flesch reading ease</th><td class="rk-num">{ease}</td>' in page
    assert f'Words</th><td class="rk-num">{report.readability.counts.words}</td>' in page
    assert 'Hedges</th><td class="rk-num">not run</td>' in page


def test_hedge_inside_a_direct_quotation_nests() -> None:
    """A hedge inside a quotation keeps both highlights: the hedge nests in the quote."""
    text = 'She said: "It may rain today." Then she left.'
    base = rhetorika.analyze(text)
    report = Report(
        text=text,
        sentences=base.sentences,
        hedges=(hedge(text, "may", quoted=True),),
        quotations=(quotation(text, "It may rain today.", QuotationKind.DIRECT),),
    )
    parsed = parse(rhetorika.render(report))
    assert parsed.balanced
    assert text == parsed.text
    at = text.index("may")
    assert {"rk-direct", "rk-hedge", "rk-quoted"} <= parsed.chars[at].classes
    assert "rk-hedge" not in parsed.chars[at - 1].classes
    hover = parsed.chars[at].titles[-1].split("\n")
    assert hover[0].startswith("hedge")
    assert hover[1].startswith("direct quotation")
    assert hover[2].startswith("sentence 0")


def test_crossing_spans_are_split_not_lost() -> None:
    """Two spans that cross are both highlighted over exactly their characters."""
    text = "a very bad regime indeed"
    first = hedge(text, "very bad")
    second = loaded(text, "bad regime", sentence=0)
    report = Report(text=text, hedges=(first,), loaded_terms=(second,))
    parsed = parse(rhetorika.render(report))
    assert parsed.balanced
    assert text == parsed.text
    for index, char in enumerate(parsed.chars):
        assert ("rk-hedge" in char.classes) == (first.start <= index < first.end)
        assert ("rk-loaded" in char.classes) == (second.start <= index < second.end)


text_without_surrogates = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=80
)


@st.composite
def text_with_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(text_without_surrogates.filter(bool))
    pairs = draw(
        st.lists(
            st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(sorted), max_size=6
        )
    )
    return text, [(a, b) for a, b in pairs if a < b]


@given(text_with_spans())
def test_any_spans_over_any_text_render_exactly(case: tuple[str, list[tuple[int, int]]]) -> None:
    """For any text and any spans, the page keeps the text and highlights exactly each span."""
    text, spans = case
    terms = tuple(
        LoadedTerm(
            start=a,
            end=b,
            text=text[a:b],
            category=LoadedCategory.EMOTIVE,
            intensity=0.5,
            sentence=0,
            lexicon="test.v1",
            entry=str(index),
        )
        for index, (a, b) in enumerate(spans)
    )
    report = Report(text=text, loaded_terms=terms)
    parsed = parse(rhetorika.render(report))
    assert parsed.balanced
    assert text == parsed.text
    for index, char in enumerate(parsed.chars):
        inside = [t for t in terms if t.start <= index < t.end]
        assert bool(inside) == ("rk-loaded" in char.classes)
        innermost = char.titles[-1].split("\n") if char.titles else []
        assert len(inside) == sum(line.startswith("loaded term") for line in innermost)


def test_characters_html_cannot_hold_are_replaced_visibly() -> None:
    """NUL and lone surrogates show as U+FFFD; a carriage return survives as a character."""
    text = "a\x00b\ud800c\r\nd"
    parsed = parse(rhetorika.render(Report(text=text)))
    assert "a\ufffdb\ufffdc\r\nd" == parsed.text
    rhetorika.render(Report(text=text)).encode("utf-8")  # no lone surrogate left


def test_repr_html_is_the_fragment() -> None:
    """Report._repr_html_ gives the embeddable fragment, for notebooks."""
    report = full_report()
    fragment = report._repr_html_()
    assert rhetorika.render(report, style="fragment") == fragment
    assert fragment.startswith('<div class="rhetorika"><style>')
    assert "<html" not in fragment
    parsed = parse(fragment)
    assert parsed.balanced
    assert TEXT == parsed.text


def test_text_is_analysed_first() -> None:
    """render(text) is render(analyze(text))."""
    assert rhetorika.render(rhetorika.analyze(SEED)) == rhetorika.render(SEED)


def test_title_is_escaped_and_shown() -> None:
    """A custom title appears escaped in the heading and the document title."""
    page = rhetorika.render(Report(text="x"), title="<b>Mine</b>")
    assert "<title>&lt;b&gt;Mine&lt;/b&gt;</title>" in page
    assert "<h1>&lt;b&gt;Mine&lt;/b&gt;</h1>" in page


def test_unknown_style_lists_the_valid_ones() -> None:
    """A bad style fails with the valid choices; a bad input type with a TypeError."""
    with pytest.raises(ConfigurationError, match="page, fragment"):
        rhetorika.render(Report(text="x"), style="poster")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="bytes"):
        rhetorika.render(b"text")  # type: ignore[arg-type]
