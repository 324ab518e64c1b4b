"""Tests for quotation pairing and classification (``rhetorika.extractors.quotes``)."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import attrs
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

import rhetorika
from rhetorika import Quotation, QuotationKind, Report, quotemarks
from rhetorika._text import by_first_letter
from rhetorika.extractors import quotes as quotes_module
from rhetorika.extractors.quotes import QuotationExtractor, features
from rhetorika.pipeline import default_nlp, make_doc
from rhetorika.quotemarks import MARKS, pair_marks, pair_quotes
from rhetorika.sentences import sentence_of, sentence_starts

from . import strategies

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = json.loads((ROOT / "seeds" / "quotes_golden.json").read_text(encoding="utf-8"))
MARK_STRINGS = {*MARKS, "''", "``"}


def quotations(text: str) -> tuple[Quotation, ...]:
    result = rhetorika.analyze(text, extractors=["quotations"]).quotations
    assert result is not None
    return result


def by_text(text: str) -> dict[str, Quotation]:
    return {q.text: q for q in quotations(text)}


# Properties


@given(strategies.any_text)
def test_offsets_point_at_content_and_marks(text: str) -> None:
    """Content offsets slice the content; mark offsets slice quotation marks, around it."""
    for q in quotations(text):
        assert text[q.start : q.end] == q.text
        assert text[q.open_mark[0] : q.open_mark[1]] in MARK_STRINGS
        assert q.open_mark[1] == q.start
        if q.close_mark is not None:
            assert text[q.close_mark[0] : q.close_mark[1]] in MARK_STRINGS
            assert q.close_mark[0] == q.end
        assert 0.0 <= q.confidence <= 1.0


@given(st.one_of(strategies.quote_runs, strategies.wild_text, strategies.quoted_text))
def test_total_over_runs_of_marks(text: str) -> None:
    """Any run of quotation marks and apostrophes is paired without error, offsets valid."""
    for q in quotations(text):
        assert text[q.start : q.end] == q.text


@given(strategies.quoted_text)
def test_deterministic_and_sorted(text: str) -> None:
    """The same text gives the same quotations, sorted by (start, end)."""
    first = quotations(text)
    assert first == quotations(text)
    assert list(first) == sorted(first, key=lambda q: (q.start, q.end))


@given(strategies.cue_free_paragraph, strategies.quoted_text)
def test_prefix_shifts_offsets(prefix: str, text: str) -> None:
    """A cue-free paragraph before the text shifts every offset by its length, kinds unchanged."""
    shift = len(prefix)
    plain = quotations(text)
    prefixed = quotations(prefix + text)
    assert len(prefixed) == len(plain)
    for before, after in zip(plain, prefixed, strict=True):
        assert after.start == before.start + shift
        assert after.end == before.end + shift
        assert after.open_mark == (before.open_mark[0] + shift, before.open_mark[1] + shift)
        if before.close_mark is not None:
            assert after.close_mark == (before.close_mark[0] + shift, before.close_mark[1] + shift)
        assert (after.kind, after.confidence, after.evidence) == (
            before.kind,
            before.confidence,
            before.evidence,
        )


@given(strategies.cue_free_paragraph, strategies.quoted_paragraph)
def test_prefix_paragraph_shifts_offsets(prefix: str, text: str) -> None:
    """A cue-free paragraph before a text shifts offsets only.

    A paragraph, not a sentence: whether a line reads as a headline is judged
    on the whole line, so a sentence joining a headline's line (the seed's
    title, which has no full stop) rightly changes the verdict.
    """
    shift = len(prefix)
    expected = [(q.start + shift, q.end + shift, q.kind, q.evidence) for q in quotations(text)]
    assert [(q.start, q.end, q.kind, q.evidence) for q in quotations(prefix + text)] == expected


@given(strategies.quoted_text)
def test_json_round_trip(text: str) -> None:
    """A report with quotations survives to_json / from_json unchanged."""
    report = rhetorika.analyze(text, extractors=["quotations"])
    assert rhetorika.from_json(rhetorika.to_json(report), Report) == report


_COMPONENT_NLP = spacy.blank("en")
_COMPONENT_NLP.add_pipe("rhetorika/quotations")


@given(strategies.quoted_text)
def test_text_api_equals_spacy_path(text: str) -> None:
    """analyze(), the extractor on a Doc and the spaCy component give the same quotations."""
    expected = quotations(text)
    assert QuotationExtractor()(make_doc(default_nlp(), text)) == expected
    assert _COMPONENT_NLP(text)._.rhetorika_quotations == expected


def test_extractor_is_picklable() -> None:
    """The extractor pickles, so worker processes can rebuild it."""
    extractor = pickle.loads(pickle.dumps(QuotationExtractor()))
    assert extractor.name == "quotations"


def test_quotations_run_first() -> None:
    """Quotations are a built-in extractor and run before the others."""
    assert rhetorika.available_extractors()[0] == "quotations"


# Pairing


def test_nested_single_inside_double() -> None:
    """A single-quoted quote inside a double-quoted one is its own quotation."""
    pairs = [
        (p.open_char, p.close_char)
        for p in pair_quotes("\u201cHe said \u2018no\u2019 twice.\u201d")
    ]
    assert pairs == [("\u201c", "\u201d"), ("\u2018", "\u2019")]


def test_running_quotation_over_paragraphs() -> None:
    """An opening mark repeated at a paragraph start continues the open quotation."""
    text = "\u201cOne.\n\n\u201cTwo.\n\n\u201cThree.\u201d Then silence."
    (pair,) = pair_quotes(text)
    assert text[pair.open_end : pair.close_start] == "One.\n\n\u201cTwo.\n\n\u201cThree."


def test_unclosed_quotation_ends_at_its_paragraph() -> None:
    """A double quotation never closed runs to the end of its paragraph, close_mark None."""
    text = "He wrote \u201cnever finished\n\nNext paragraph."
    (q,) = quotations(text)
    assert (q.text, q.close_mark) == ("never finished", None)


def test_blank_lines_between_marks_end_only_open_quotations() -> None:
    """A blank line ends the quotation open across it; other blank lines change nothing."""
    text = "\n\nA \u201cone\u201d.\n \t\nHe wrote \u201cnever\n\n\nB \u201ctwo\u201d.\n\n"
    expected = [("one", True), ("never", False), ("two", True)]
    assert expected == [(q.text, q.close_mark is not None) for q in quotations(text)]


def test_blank_line_after_the_last_mark_ends_its_quotation() -> None:
    """A quotation open at the last mark ends at a blank line after it, not at the text's end."""
    text = "He wrote \u201cnever finished\n  \nNext paragraph.\n\nAnd another."
    (pair,) = pair_quotes(text)
    assert "never finished" == text[pair.open_end : pair.close_start]


def test_mismatched_closer_drops_inner_opener() -> None:
    """A closing mark closes its own family; a stray opener above it is dropped."""
    text = "\u201cA \u2018b c\u201d d."
    assert [(p.open_char, p.close_char) for p in pair_quotes(text)] == [("\u201c", "\u201d")]


def test_straight_and_curly_of_one_family_pair() -> None:
    """An opening curly mark may be closed by a straight one of the same family."""
    assert [q.text for q in quotations('It was \u201cover" then.')] == ["over"]


def test_many_stray_marks_stay_bounded() -> None:
    """100,000 stray marks in one paragraph give a handful of quotations, not thousands."""
    text = "\u201c\u2018" * 50_000
    assert len(pair_quotes(text)) < 10


# Golden cases

_GOLDEN = [
    pytest.param(
        case,
        id=case["id"],
        marks=[pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else [],
    )
    for case in GOLDEN["cases"]
]


@pytest.mark.parametrize("case", _GOLDEN)
def test_golden(case: dict[str, object]) -> None:
    """Each hand-written case gets its labelled kind, and apostrophes no quotation."""
    text = str(case["text"])
    found = quotations(text)
    if case.get("none"):
        assert found == ()
        return
    assert {q.text: q.kind.value for q in found}.get(str(case["quote"])) == case["kind"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('<post id="7" by="@x">hi</post>', "other"),  # name=" with no space: markup
        ('<p data-note="the best">', "other"),
        ('="alone" at the start', "mention"),  # no attribute name before "="
        ('Set x = "alone" first.', "mention"),  # a space after "=": not markup
    ],
)
def test_markup_attribute_value_needs_a_name_and_no_space(text: str, kind: str) -> None:
    """Only an opening mark right after ``name=`` is read as a markup attribute's value."""
    first = quotations(text)[0]
    assert (first.kind.value, "markup_attribute_value" in first.evidence) == (
        kind,
        kind == "other",
    )


def test_golden_covers_every_kind_and_style() -> None:
    """The golden file has a passing case of each kind and of each mark style."""
    cases = [c for c in GOLDEN["cases"] if "xfail" not in c]
    assert {c["kind"] for c in cases if "kind" in c} == {k.value for k in QuotationKind}
    styles = {c["style"] for c in cases}
    for style in ("curly double", "straight double", "curly single", "straight single"):
        assert style in styles
    assert {"guillemets", "single guillemets", "German low-high", "doubled apostrophes"} <= styles
    assert {"apostrophes", "curly apostrophes", "elisions", "primes"} <= styles


# The seed article

SEED_SCARE = json.loads((ROOT / "seeds" / "seed_scare_quotes.json").read_text(encoding="utf-8"))[
    "scare"
]


def test_seed_article_scare_quotes() -> None:
    """All ten scare quotes of the seed article are found as scare quotes, none as direct."""
    report = rhetorika.analyze(strategies.SEED, extractors=["quotations"])
    assert report.scare_quotes is not None
    assert [q.text for q in report.scare_quotes] == SEED_SCARE
    assert report.quotations is not None
    assert all(q.kind is not QuotationKind.DIRECT for q in report.quotations)


# Classification details


def test_so_called_is_evidence() -> None:
    """A scare quote after 'so-called' names the distancing word as evidence."""
    q = by_text('the so-called "process" went on')["process"]
    assert q.kind is QuotationKind.SCARE
    assert "distancing_word_before" in q.evidence


def test_short_fragment_after_called_is_direct() -> None:
    """A short fragment after 'called' is someone's words, even in a hostile frame."""
    assert by_text("The senator called the bill \u201ca disgrace\u201d on Monday.")[
        "a disgrace"
    ].kind is (QuotationKind.DIRECT)


def test_parse_attaches_quotation_to_reporting_verb() -> None:
    """With a dependency parse, a reporting verb governing the quotation makes it direct."""
    nlp = spacy.blank("en")
    words = ["They", "insisted", "it", "was", "\u201c", "fine", "\u201d", "."]
    spaces = [True, True, True, True, False, False, False, False]
    heads = [1, 1, 3, 1, 5, 3, 5, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "punct", "acomp", "punct", "punct"]
    lemmas = ["they", "insist", "it", "be", "\u201c", "fine", "\u201d", "."]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, lemmas=lemmas)
    (q,) = QuotationExtractor()(doc)
    assert q.kind is QuotationKind.DIRECT
    assert "governed_by_reporting_verb" in q.evidence


def test_features_count_each_kind() -> None:
    """features() gives the total, and a count and density for each kind."""
    text = "The \u201cexperts\u201d agree. \u201cWe will win,\u201d she said."
    report = rhetorika.analyze(text, extractors=["quotations"])
    assert report.quotations is not None
    row = features(report.quotations, words=8)
    assert row["quotations_count"] == 2
    assert row["quotations_scare_count"] == 1
    assert row["quotations_direct_count"] == 1
    assert row["quotations_title_count"] == 0
    assert row["quotations_scare_per_100_words"] == pytest.approx(12.5)
    assert features((), words=0)["quotations_scare_per_100_words"] is None


def test_to_features_has_quotation_columns() -> None:
    """rhetorika.to_features includes the quotation columns when quotations ran."""
    row = rhetorika.to_features(
        rhetorika.analyze("A \u201cpeace\u201d plan.", extractors=["quotations"])
    )
    assert row["quotations_scare_count"] == 1


def test_quotation_is_frozen() -> None:
    """Quotation results are immutable."""
    (q,) = quotations("The \u201cexperts\u201d agree.")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        q.kind = QuotationKind.DIRECT  # type: ignore[misc]


# The leading classes of the rules' patterns (speed) change no match.

_LED = {
    name: pattern
    for name, pattern in vars(quotes_module).items()
    if isinstance(pattern, re.Pattern) and pattern.pattern.startswith("(?=[")
}
_LEAD = re.compile(r"\(\?=\[[^\]]*\]\)")


# The straightforward forms of the patterns whose word lists are also regrouped.
_STRAIGHT = {
    "_CORE": rf"(?<![\w-])(?:{quotes_module._CORE_REPORTING})(?![\w-])",
    "_REPORT": rf"(?<![\w-])(?:{quotes_module._REPORTING})(?![\w-])",
    "_CORE_LOWER": rf"(?<![\w-])(?:{quotes_module._CORE_REPORTING})(?![\w-])",
    "_REPORT_LOWER": rf"(?<![\w-])(?:{quotes_module._REPORTING})(?![\w-])",
    "_NEGATION_NEAR": rf"(?<![\w-])(?:{quotes_module._NEGATION_WORDS})(?![\w-])",
    "_AUXILIARY": rf"(?<![\w-])(?:{quotes_module._AUXILIARY_WORDS})\s*$",
    # As written before the word lists were regrouped.
    "_DISTANCING": (
        r"(?:so[- ]called|self[- ]styled|self[- ]proclaimed|alleged(?:ly)?|supposed(?:ly)?|"
        r"purported(?:ly)?|would-be|ostensible|ostensibly|pseudo|quote[- ]unquote|"
        r"under the guise of|in the name of|guise of|pretext of|some\s+sort\s+of|"
        r"some\s+kind\s+of|(?:allegedly|supposedly|purportedly|ostensibly)(?:\s+[\w-]+){0,5})\s*$"
    ),
    "_METALINGUISTIC_BEFORE": (
        r"(?<![\w-])(?:the\s+(?:very\s+)?|a\s+|this\s+|that\s+|his\s+|her\s+|their\s+)?"
        r"(?:word|words|term|terms|phrase|phrases|expression|expressions|name|names|label|"
        r"slogan|hashtag|acronym|the\s+letters?|motto|catchphrase|buzzword|code\s+words?|"
        r"nickname|alias|handle|moniker|option|category|heading|spelled|spelt|pronounced|"
        r"translates\s+(?:as|to)|"
        r"(?:better\s+|also\s+|now\s+|widely\s+)?known\s+as|(?:is|are|was|were|be|been)\s+called|"
        r"(?:is|are|was|were)\s+(?:dubbed|termed|named|nicknamed)|also\s+called|"
        r"self-described|sometimes\s+called|often\s+called|"
        r"[A-Z][a-z]+(?:ian|ish|ese|ic|ch|in|ek|ew|di|si)\s+for|said\s+the\s+word)"
        r"(?:\s+like|\s+such\s+as)?\s*[,:]?\s*$"
    ),
}


def _plain(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern without its leading class, its word list as written."""
    name = next(name for name, led in _LED.items() if led is pattern)
    if name in _STRAIGHT:
        return re.compile(_STRAIGHT[name], pattern.flags)
    lead = _LEAD.match(pattern.pattern)
    assert lead is not None
    return re.compile(pattern.pattern[lead.end() :], pattern.flags)


_OTHER_PIECES = [" ", "  ", "-", "'", "\u2019", ",", ":", "\n", "x", "\u017f", "\u212a", "I"]


def _pieces(pattern: re.Pattern[str]) -> st.SearchStrategy[str]:
    """Words of the pattern itself (in three cases), separators and any short text."""
    words = sorted(set(re.findall(r"[A-Za-z][a-z-]*", _plain(pattern).pattern)))
    return st.one_of(
        st.sampled_from(words),
        st.sampled_from(words).map(str.upper),
        st.sampled_from(words).map(str.title),
        st.sampled_from(_OTHER_PIECES),
        st.text(max_size=3),
    )


# Tails ending in the rules' own words, in three cases, after other pieces.
_TAIL_PIECES = [*_OTHER_PIECES, "(", "\u2014", "2019", "ly", "un", "self-", "edly", "\u0131"]


def _tails(pattern: re.Pattern[str]) -> st.SearchStrategy[str]:
    pieces = st.one_of(_pieces(pattern), st.sampled_from(_TAIL_PIECES))
    return st.lists(pieces, max_size=8).map("".join).map(lambda tail: tail.rstrip()[-40:])


def _frame_gate(tail: str, word: str) -> bool:
    return quotes_module._could_end(word, quotes_module._METALINGUISTIC_LAST)


def _auxiliary_gate(tail: str, word: str) -> bool:
    return quotes_module._could_end_folded(word, quotes_module._AUXILIARY_LAST)


_GATES = {
    "_METALINGUISTIC_BEFORE": _frame_gate,
    "_AUXILIARY": _auxiliary_gate,
    "_DISTANCING": quotes_module._may_distance,
}


@pytest.mark.parametrize("name", sorted(_GATES))
@settings(max_examples=500)
@given(data=st.data())
def test_tail_gates_never_hide_a_match(name: str, data: st.DataObject) -> None:
    """A tail the rules do not search (its last word ends no match) has no match."""
    pattern = _LED[name]
    tail = data.draw(_tails(pattern))
    searched = bool(tail) and _GATES[name](tail, quotes_module._last_letters(tail))
    assert searched or pattern.search(tail) is None


@pytest.mark.parametrize("name", sorted(_GATES))
def test_tail_gates_search_every_phrase_of_their_words(name: str) -> None:
    """Every tail of one or two of a pattern's words (two cases) that it matches is searched."""
    pattern = _LED[name]
    words = {*re.findall(r"[A-Za-z][a-z-]*", _plain(pattern).pattern), "Russian", "x"}
    vocabulary = sorted(words | {word.title() for word in words})
    tails = vocabulary + [f"{first} {second}" for first in vocabulary for second in vocabulary]
    hidden = [
        tail
        for tail in tails
        if pattern.search(tail) and not _GATES[name](tail, quotes_module._last_letters(tail))
    ]
    assert [] == hidden


@pytest.mark.parametrize(
    ("tail", "searched"),
    [("the term", True), ("the terms,", True), ("he said:", False), ("", False), ("(", True)],
)
def test_frame_gate_searches_only_tails_that_may_match(tail: str, searched: bool) -> None:
    """The frame search is skipped for a tail ending in another word of letters, and only then."""
    word = quotes_module._last_letters(tail)
    actual = bool(tail) and quotes_module._could_end(word, quotes_module._METALINGUISTIC_LAST)
    assert searched == actual


def test_led_patterns_are_found() -> None:
    """The rules lead their slowest patterns with a class, so the comparison below is not empty."""
    assert {"_CORE", "_REPORT", "_DISTANCING", "_AUXILIARY"} <= set(_LED)


@pytest.mark.parametrize("name", sorted(_LED))
@settings(max_examples=300)
@given(data=st.data())
def test_led_pattern_matches_as_plain(name: str, data: st.DataObject) -> None:
    """A pattern led by a class (and regrouped) finds what its straightforward form finds."""
    led, plain = _LED[name], _plain(_LED[name])
    text = "".join(data.draw(st.lists(_pieces(led), max_size=8)))
    expected = [m.span() for m in plain.finditer(text)]
    assert expected == [m.span() for m in led.finditer(text)]
    expected_match = plain.match(text)
    actual_match = led.match(text)
    assert (expected_match and expected_match.span()) == (actual_match and actual_match.span())


@pytest.mark.parametrize(
    "alternatives", ["s?aid|told", "(?:said)|told", "Said|told", "|told", "s(?:a|b)|(?:t)"]
)
def test_by_first_letter_refuses_what_it_cannot_regroup(alternatives: str) -> None:
    """Regrouping refuses an alternative whose first letter is optional, grouped or missing."""
    with pytest.raises(ValueError, match="cannot group"):
        by_first_letter(alternatives)


def test_by_first_letter_groups_in_order() -> None:
    """Alternatives keep their order within their first letter's group."""
    expected = "s(?:aid|ays(?:\\s+[a|b]|x))|t(?:old)"
    assert expected == by_first_letter(r"said|told|says(?:\s+[a|b]|x)")


_WORDY = st.lists(
    st.one_of(
        st.sampled_from(["word", "A.B.", "x-", "--", "U.S", "’s", "&", "é", "_", "1/2"]),
        st.text(alphabet=" .-'\u2019&/_\nab", max_size=4),
    ),
    max_size=150,
).map("".join)


@given(_WORDY)
def test_first_words_agree_with_all_words(content: str) -> None:
    """The words read of a long quotation are its first words, or all when it has few."""
    expected = quotes_module._WORD.findall(content)
    actual = quotes_module._first_words(content)
    enough = quotes_module._ENOUGH_WORDS
    if len(expected) < enough:
        assert expected == actual
    else:
        assert expected[: enough - 1] == actual[: enough - 1]
        assert len(actual) >= enough


def _all_words(content: str) -> list[str]:
    return quotes_module._WORD.findall(content)


@given(
    st.one_of(strategies.quoted_paragraph, _WORDY.map(lambda words: f'He said "{words}" then.'))
)
def test_classify_reads_as_many_words_as_it_needs(text: str) -> None:
    """Reading only a long quotation's first words classifies as reading all of them."""
    starts = sentence_starts(text)
    expected = []
    original = quotes_module._first_words
    quotes_module._first_words = _all_words
    try:
        expected = [quotes_module.classify(text, pair, starts) for pair in pair_quotes(text)]
    finally:
        quotes_module._first_words = original
    assert expected == [quotes_module.classify(text, pair, starts) for pair in pair_quotes(text)]


# The pairing reads each mark's neighbours in its regular expression (speed).

_MARK_AS_WRITTEN = re.compile(
    r"''|``|[\"\u201c\u201d\u00ab\u00bb\u2039\u203a\u201e\u201a]"
    r"|(?<![^\W_])['\u2018\u2019]|['\u2018\u2019](?![^\W_])"
)
_NEIGHBOURS = st.lists(
    st.one_of(
        st.sampled_from(sorted(MARK_STRINGS)),
        st.sampled_from([" ", "\n", "\u00a0", "\u2028", "\x1c", "a", "Z", "7", "_", "\u00e9"]),
        st.sampled_from(sorted(quotemarks._BEFORE_OPEN | quotemarks._AFTER_CLOSE)),
        st.characters(),
    ),
    max_size=12,
).map("".join)


def _context_as_written(text: str, start: int, end: int) -> str:
    """What the neighbours of the mark at ``text[start:end]`` let it do, read in Python."""
    prev = text[start - 1] if start else ""
    nxt = text[end] if end < len(text) else ""
    can_open = (
        bool(nxt)
        and not nxt.isspace()
        and (not prev or prev.isspace() or prev in quotemarks._BEFORE_OPEN)
    )
    can_close = (
        bool(prev)
        and not prev.isspace()
        and (not nxt or nxt.isspace() or nxt in quotemarks._AFTER_CLOSE)
    )
    if can_open and can_close:
        return "both"
    if can_open:
        return "opens"
    return "closes" if can_close else "neither"


@settings(max_examples=1000)
@given(_NEIGHBOURS)
def test_marks_and_their_context_as_written(text: str) -> None:
    """The pairing's expression finds the marks of the plain pattern and names their context."""
    expected = [
        (m.span(), _context_as_written(text, *m.span())) for m in _MARK_AS_WRITTEN.finditer(text)
    ]
    actual = [(m.span(), m.lastgroup) for m in quotemarks._MARK_IN_CONTEXT.finditer(text)]
    assert expected == actual


@given(st.one_of(strategies.quote_runs, strategies.quoted_text, _NEIGHBOURS))
def test_pair_quotes_gives_the_tuples_of_pair_marks(text: str) -> None:
    """``pair_quotes`` and ``pair_marks`` find the same pairs, the tuples in field order."""
    expected = [attrs.astuple(pair) for pair in pair_quotes(text)]
    assert expected == pair_marks(text)


_NEXT_MARK_AS_WRITTEN = re.compile("[\"\u201c\u2018\u00ab\u2039\u201e]|''|(?<!\\w)'")


@settings(max_examples=500)
@given(
    st.lists(
        st.sampled_from([*"\"'\u201c\u2018\u00ab\u2039\u201e\u201d ", "''", "a", "_", "1", "."]),
        max_size=10,
    ).map("".join)
)
def test_next_mark_finds_what_its_plain_form_finds(text: str) -> None:
    """The next-mark pattern, led by the marks' class, finds what its plain form finds."""
    expected = [m.span() for m in _NEXT_MARK_AS_WRITTEN.finditer(text)]
    assert expected == [m.span() for m in quotes_module._NEXT_MARK.finditer(text)]


@given(
    text=strategies.quoted_text,
    kind=st.sampled_from(QuotationKind),
    confidence=st.floats(min_value=0.0, max_value=1.0),
    evidence=st.lists(st.sampled_from(["clause", "long", "short"]), max_size=3).map(tuple),
)
def test_quotation_built_by_its_slots_equals_the_constructed(
    text: str, kind: QuotationKind, confidence: float, evidence: tuple[str, ...]
) -> None:
    """A quotation the rules build by its slots equals (and hashes as) one built by attrs."""
    starts = sentence_starts(text)
    for open_start, open_end, close_start, close_end, _, _ in pair_marks(text):
        expected = Quotation(
            start=open_end,
            end=close_start,
            text=text[open_end:close_start],
            open_mark=(open_start, open_end),
            close_mark=None if close_end is None else (close_start, close_end),
            kind=kind,
            confidence=confidence,
            evidence=evidence,
            sentence=sentence_of(starts, open_end),
        )
        mark = (open_start, open_end, close_start, close_end, "", None)
        actual = quotes_module._quotation(text, mark, starts, kind, confidence, evidence)
        assert (expected, hash(expected), repr(expected)) == (actual, hash(actual), repr(actual))


@pytest.mark.parametrize(
    ("name", "lowered"), [("_CORE", "_CORE_LOWER"), ("_REPORT", "_REPORT_LOWER")]
)
@settings(max_examples=500)
@given(data=st.data())
def test_lowered_pattern_finds_on_lower_case_ascii_what_its_pattern_finds(
    name: str, lowered: str, data: st.DataObject
) -> None:
    """On ASCII text, the case-sensitive form on the lower-cased text finds the same span."""
    pattern = _LED[name]
    text = "".join(data.draw(st.lists(_pieces(pattern), max_size=8)))
    text = text.encode("ascii", "replace").decode("ascii")
    expected = pattern.search(text)
    actual = _LED[lowered].search(text.lower())
    assert (expected and expected.span()) == (actual and actual.span())
