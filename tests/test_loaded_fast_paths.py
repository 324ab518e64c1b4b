"""The loaded-terms extractor's speed paths give what the plain ways of doing the same give."""

from __future__ import annotations

import tempfile
from pathlib import Path

import attrs
from hypothesis import given
from hypothesis import strategies as st

from rhetorika import LoadedCategory, LoadedTerm
from rhetorika.extractors.loaded import (
    _CUE_AFTER,
    _HEDGE_AFTER,
    _HEDGE_WINDOW,
    _NEGATION_WINDOW,
    _PIECE,
    _TERM_FIELDS,
    LoadedTermExtractor,
    _candidates,
    _Context,
    _morphology,
    _negated,
    _new_term,
    _title_case,
)
from rhetorika.lexicons.loaded import normalise
from rhetorika.pipeline import default_nlp, make_doc, sentence_offsets
from tests.strategies import any_text, loaded_text, open_vocabulary_text

NLP = default_nlp()


def _phrase_lexicon(folder: Path) -> Path:
    path = folder / "phrases.tsv"
    rows = [
        "good",
        "good deal",
        "good grief",
        "good old days",
        "bad faith",
        "bad",
        "a good deal of",
        "grief stricken",
        "deal breaker",
        "old guard",
    ]
    path.write_text(
        "# rhetorika-lexicon: phrases  format=1  version=1  license=MIT\nentry\tcategory\n"
        + "".join(f"{row}\temotive\n" for row in rows),
        encoding="utf-8",
    )
    return path


PHRASES = LoadedTermExtractor(lexicons=[_phrase_lexicon(Path(tempfile.mkdtemp()))])
phrase_text = st.lists(
    st.sampled_from(
        [
            *("good", "Good", "deal", "grief", "old", "days", "bad", "faith", "a", "of"),
            *("guard", "breaker", "stricken", "goods", "deals", "\u0130", "\u017f", "_"),
            *(" ", "  ", "   ", "    ", "-", "'", "\n", "\n\n", ", ", "\u00a0", "\t"),
        ]
    ),
    max_size=30,
).map("".join)
"""Words of phrases that share first words, joined by every kind of gap."""


@given(st.one_of(phrase_text, loaded_text, any_text))
def test_forms_by_next_word_complete_like_every_form(text: str) -> None:
    """Trying only the forms whose next word follows finds what trying every form finds."""
    low = normalise(text)
    for extractor in (PHRASES, LoadedTermExtractor()):
        index = extractor._matcher()
        assert index.following
        plain = attrs.evolve(index, following={})
        assert _candidates(plain, low, "\n" + low) == _candidates(index, low, "\n" + low)


latin1_text = st.lists(
    st.one_of(
        loaded_text,
        st.sampled_from(["\u00e9lite", "na\u00efve", "\u00b2", "\u00aa", "\u00bd", "\u00a0", "_"]),
        st.sampled_from(["\u201cevil\u201d", "\u2014", "\u0142evil", "evil\u0394", "\ud800", "?"]),
    ),
    max_size=12,
).map("".join)
"""Loaded words next to Latin-1 letters, digits and spaces, and to characters beyond Latin-1."""


@given(st.one_of(latin1_text, any_text, loaded_text))
def test_spaced_text_finds_what_the_text_finds(text: str) -> None:
    """Anchors found in the spaced copy of the text are those found in the text itself."""
    low = normalise(text)
    for extractor in (PHRASES, LoadedTermExtractor()):
        index = extractor._matcher()
        plain = attrs.evolve(index, spaced=None)
        assert _candidates(plain, low, "\n" + low) == _candidates(index, low, "\n" + low)


@given(
    st.one_of(latin1_text, any_text, loaded_text, st.text(alphabet="aA \u00e9\u00c9\u00aa1\u0142"))
)
def test_title_case_counts_like_the_words(line: str) -> None:
    """The byte count of capitalised words agrees with counting the words one by one."""
    words = _PIECE.findall(line)
    lower = sum(word[0].islower() for word in words)
    assert ((len(words) - lower) * 4 >= len(words) * 3) == _title_case(line)


cue_text = st.lists(
    st.sampled_from(
        [
            *("not", "no", "nothing", "never", "without", "n't", "don't", "isnt", "cannot"),
            *("may", "might", "reportedly", "mayor", "n", "'t", "'", "t", "_", "-"),
            *(" ", "  ", "\n", "evil", "good", "\u00f1ot", "\u017f"),
        ]
    ),
    max_size=30,
).map("".join)
"""Negations, hedges and look-alikes, run together or apart."""


@given(st.one_of(cue_text, any_text, loaded_text))
def test_no_cue_means_no_negation_and_no_hedge(text: str) -> None:
    """Where the combined search finds nothing, the negation and hedge searches find nothing."""
    assert _NEGATION_WINDOW <= _HEDGE_WINDOW
    shifted = "\n" + normalise(text)
    for start in range(len(shifted)):
        window = max(0, start - _HEDGE_WINDOW)
        if _CUE_AFTER.search(shifted, window, start + 1) is None:
            assert not _negated(shifted, start)
            assert _HEDGE_AFTER.search(shifted, window, start + 1) is None


JUDGED = [
    LoadedTermExtractor(),
    LoadedTermExtractor(threshold=0.05),
    LoadedTermExtractor(threshold=0.2, overrule=["loaded.v1"]),
    LoadedTermExtractor(overrule=["loaded.v1"]),
]


def _judged(extractor: LoadedTermExtractor, text: str, *, screen: bool) -> tuple[LoadedTerm, ...]:
    doc = make_doc(NLP, text)
    index = extractor._matcher()
    low = normalise(text)
    found = _candidates(index, low, "\n" + low)
    _morphology(index, text, low, found)
    return _Context(doc, text, low, sentence_offsets(doc)).judge(
        found,
        shifted="\n" + low,
        rounded={},
        categories=None,
        min_intensity=0.0,
        judge=extractor._judge,
        screen=screen,
    )


@given(st.one_of(open_vocabulary_text, loaded_text))
def test_screening_drops_only_what_the_judge_drops(text: str) -> None:
    """Dropping hopeless candidates before their context is read changes no result."""
    for extractor in JUDGED:
        assert _judged(extractor, text, screen=False) == _judged(extractor, text, screen=True)


def test_term_builder_sets_every_field() -> None:
    """The unvalidated builder knows every field of LoadedTerm, in order."""
    assert tuple(field.name for field in attrs.fields(LoadedTerm)) == _TERM_FIELDS


@given(
    st.integers(0, 10_000),
    st.integers(0, 50),
    st.sampled_from(list(LoadedCategory)),
    st.floats(0.0, 1.0),
    st.one_of(st.none(), st.floats(0.0, 1.0)),
    st.one_of(st.none(), st.tuples(st.integers(0, 100), st.integers(0, 100))),
)
def test_term_builder_equals_validated_term(
    start: int,
    length: int,
    category: LoadedCategory,
    intensity: float,
    confidence: float | None,
    phrase: tuple[int, int] | None,
) -> None:
    """A term built by setting its slots equals, hashes and prints as the validated one."""
    values = {
        "start": start,
        "end": start + length,
        "text": "x" * length,
        "category": category,
        "intensity": intensity,
        "alternatives": ("calm",),
        "sentence": 3,
        "lexicon": "loaded.v1",
        "entry": "evil",
        "phrase": phrase,
        "confidence": confidence,
        "source": "affect",
    }
    built = _new_term(*values.values())
    expected = LoadedTerm(**values)  # type: ignore[arg-type]
    assert expected == built
    assert hash(expected) == hash(built)
    assert repr(expected) == repr(built)
