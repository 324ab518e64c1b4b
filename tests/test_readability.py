"""Tests for the readability extractor: formulas, counts, undefined scores."""

from __future__ import annotations

import string
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rhetorika
from rhetorika.extractors.readability import (
    _EDGE_PUNCT,
    _FIELD_BITS,
    _INFLECTIONS,
    _NOT_WORD_CHAR,
    _WORD_FIELDS,
    SCORES,
    _measure,
    easy_words,
    is_familiar,
)
from rhetorika.results import _READABILITY_SCORES
from rhetorika.syllables import _table, count_syllables, estimate_syllables, rule_syllables
from rhetorika.words import WORD

from .strategies import SEED, any_text, english_text

# Plain lower-case words, no digits, hyphens or apostrophes: the vocabulary on
# which rhetorika and textstat are meant to agree exactly.
PLAIN_WORDS = (
    "the cat sat on mat government children believe quickly extraordinary "
    "international policy water negotiation agreement and with people peace "
    "process military territory of a to in resilience beautiful house tree "
    "unfortunately communication ran window yesterday information"
).split()

plain_sentence = st.lists(st.sampled_from(PLAIN_WORDS), min_size=3, max_size=8).map(
    lambda words: " ".join(words).capitalize() + "."
)
plain_text = st.lists(plain_sentence, min_size=1, max_size=12).map(" ".join)


@pytest.fixture(scope="module")
def textstat_with_our_syllables() -> Iterator[object]:
    """textstat's formulas, fed rhetorika's syllable counts instead of a download.

    textstat's English syllable counter downloads the CMU dictionary through
    NLTK, which fails offline; swapping in our counts isolates the formulas.
    """
    from textstat.backend import metrics
    from textstat.backend.counts import _count_syllables

    class Pronunciations:
        def __getitem__(self, word: str) -> list[list[str]]:
            return [["AH0"] * count_syllables(word)]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_count_syllables, "get_cmudict", lambda lang: Pronunciations())
        yield metrics


def _textstat_scores(metrics: object, text: str) -> dict[str, float]:
    m = metrics
    lang = "en_US"
    return {
        "flesch_reading_ease": m.flesch_reading_ease(text, lang),  # type: ignore[attr-defined]
        "flesch_kincaid_grade": m.flesch_kincaid_grade(text, lang),  # type: ignore[attr-defined]
        "gunning_fog": m.gunning_fog(text, lang),  # type: ignore[attr-defined]
        "smog_index": m.smog_index(text, lang),  # type: ignore[attr-defined]
        "coleman_liau_index": m.coleman_liau_index(text),  # type: ignore[attr-defined]
        "automated_readability_index": m.automated_readability_index(text),  # type: ignore[attr-defined]
        "dale_chall_readability_score": m.dale_chall_readability_score(text, lang),  # type: ignore[attr-defined]
        "dale_chall_readability_score_v2": m.dale_chall_readability_score_v2(text, lang),  # type: ignore[attr-defined]
        "linsear_write_formula": m.linsear_write_formula(text, lang, False, True),  # type: ignore[attr-defined]
        "spache_readability": m.spache_readability(text, lang),  # type: ignore[attr-defined]
        "mcalpine_eflaw": m.mcalpine_eflaw(text),  # type: ignore[attr-defined]
        "lix": m.lix(text),  # type: ignore[attr-defined]
        "rix": m.rix(text),  # type: ignore[attr-defined]
        "text_standard": m.text_standard(text, lang),  # type: ignore[attr-defined]
        "reading_time": m.reading_time(text, 14.69),  # type: ignore[attr-defined]
    }


@given(text=plain_text)
def test_scores_equal_textstat_on_plain_text(
    textstat_with_our_syllables: object, text: str
) -> None:
    """Where both see the same sentences, words and syllables, every score equals textstat's."""
    ours = rhetorika.analyze(text, extractors=["readability"]).readability
    assert ours is not None
    theirs = _textstat_scores(textstat_with_our_syllables, text)
    assert set(SCORES) == set(theirs)
    for name in SCORES:
        assert theirs[name] == pytest.approx(getattr(ours, name), abs=1e-9), name


def test_seed_counts() -> None:
    """The seed article's counts, checked by hand on its first sentence."""
    report = rhetorika.analyze(SEED, extractors=["readability"])
    assert report.readability is not None
    first = report.readability.sentences[0]
    # "Putin Imitates Desire To Conduct Peace Negotiations With Ukraine At America's Initiative"
    assert 12 == first.counts.words
    assert 1 == first.counts.sentences
    # Put-in(2) Im-i-tates(3) De-sire(2) To(1) Con-duct(2) Peace(1) Ne-go-ti-a-tions(5)
    # With(1) U-kraine(2) At(1) A-mer-i-ca's(4) I-ni-ti-a-tive(5)
    assert 29 == first.counts.syllables
    assert 22 == report.readability.counts.sentences


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("the", 1),
        ("cat", 1),
        ("water", 2),
        ("beautiful", 3),
        ("negotiations", 5),
        ("Ukraine’s", 2),
        ("full-scale", 2),
        ("fastest-growing", 4),
        ("2022", 1),
        ("", 0),
    ],
)
def test_syllables_of_known_words(word: str, syllables: int) -> None:
    """Syllable counts of common words, compounds, possessives and numbers."""
    assert syllables == count_syllables(word)


def test_easy_words_come_from_textstat_without_importing_it() -> None:
    """The Dale-Chall list is textstat's, read as data."""
    words = easy_words()
    assert {"a", "able", "water"} <= words
    assert "negotiation" not in words


@given(any_text)
def test_undefined_exactly_without_words(text: str) -> None:
    """Every score is None, with a reason, exactly when the text has no words."""
    readability = rhetorika.analyze(text, extractors=["readability"]).readability
    assert readability is not None
    values = [getattr(readability, name) for name in SCORES]
    if readability.counts.words == 0:
        assert all(value is None for value in values)
        assert all(readability.why_undefined(name) for name in SCORES)
    else:
        assert all(value is not None for value in values)
        assert readability.undefined == ()


@given(english_text)
def test_sentence_counts_add_up(text: str) -> None:
    """Per-sentence counts sum to the document's counts and lie inside the text."""
    readability = rhetorika.analyze(text, extractors=["readability"]).readability
    assert readability is not None
    parts = readability.sentences
    assert readability.counts.words == sum(p.counts.words for p in parts)
    assert readability.counts.syllables == sum(p.counts.syllables for p in parts)
    assert readability.counts.sentences == sum(p.counts.sentences for p in parts)
    for index, part in enumerate(parts):
        assert index == part.sentence
        assert 0 <= part.start <= part.end <= len(text)


@pytest.mark.parametrize("text", ["", " ", "\n\n\t", "...", "— !"])
def test_no_words_gives_none(text: str) -> None:
    """Empty, blank or punctuation-only text has no scores, and says why."""
    readability = rhetorika.analyze(text, extractors=["readability"]).readability
    assert readability is not None
    assert readability.flesch_reading_ease is None
    assert "the text has no words" == readability.why_undefined("flesch_reading_ease")


@pytest.mark.parametrize(
    ("word", "familiar"),
    [
        ("water", True),
        ("cities", True),  # city + -ies
        ("played", True),  # play + -ed
        ("hoping", True),  # hope + -ing, e restored
        ("stopped", True),  # stop + doubled consonant
        ("children's", True),
        ("negotiation", False),
        ("negotiations", False),
        ("ss", False),
        ("bed", True),  # on the list itself, not "b" + -ed
    ],
)
def test_familiar_words_include_regular_inflections(word: str, familiar: bool) -> None:
    """Dale-Chall familiarity accepts regular inflections of listed words, nothing else."""
    assert familiar == is_familiar(word)


# Dale and Chall's rule read backwards, one ending of the module's table at a
# time, as a reader applies it to a word; rhetorika builds the familiar forms
# forwards instead.


def _familiar_by_stripping(word: str) -> bool:
    word = word.replace("\u2019", "'")
    easy = easy_words()
    if word in easy:
        return True
    for ending, restore in _INFLECTIONS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: -len(ending)]
            if stem + restore in easy:
                return True
            if restore == "" and len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in easy:
                return True
    return False


_listed = st.sampled_from(sorted(easy_words()))
_ending = st.sampled_from(sorted({ending for ending, _ in _INFLECTIONS} | {"", "\u2019s", "x"}))
_inflected = st.builds(
    lambda word, cut, double, ending: word[: len(word) - cut] + word[-1:] * double + ending,
    _listed,
    st.integers(0, 2),
    st.booleans(),
    _ending,
)


@given(_inflected | any_text.map(str.lower))
def test_familiar_forms_agree_with_stripping_each_ending(word: str) -> None:
    """The forms built from the list are exactly the words the ending-by-ending rule accepts."""
    assert _familiar_by_stripping(word) == is_familiar(word)


_plain_word = st.text(alphabet=string.ascii_letters, min_size=1, max_size=24)


_listed_plain = sorted(word for word in _table() if word.isascii() and word.isalpha())


@given(_plain_word | st.sampled_from(_listed_plain[::50]).map(str.title), st.booleans())
def test_a_plain_word_counts_as_its_table_entry_or_by_the_rules(word: str, empty: bool) -> None:
    """A word of the letters a-z counts as the table says or, missing there, as the rules count."""
    table = {} if empty else _table()
    expected = table.get(word.lower(), rule_syllables(word.lower()))
    assert expected == estimate_syllables(word, table)


@given(any_text | english_text.map(WORD.findall).filter(bool).flatmap(st.sampled_from))
def test_word_measures_pack_every_field(word: str) -> None:
    """A word's packed measures unpack to each field of _WORD_FIELDS, in order."""
    if word.isalpha():
        bare, letters = word, len(word)
    else:
        bare = word.strip(_EDGE_PUNCT) or word
        letters = len(_NOT_WORD_CHAR.sub("", word))
    syllables = count_syllables(bare)
    unfamiliar = any(char.isalpha() for char in bare) and not is_familiar(bare.lower())
    expected = {
        "syllables": syllables,
        "polysyllabic": syllables >= 3,
        "monosyllabic": syllables == 1,
        "long": letters > 6,
        "mini": letters <= 3,
        "unfamiliar": unfamiliar,
        "difficult": unfamiliar and syllables >= 2,
        "complex": unfamiliar and syllables >= 3,
        "letters": letters,
        "characters": len(word),
    }
    packed = _measure(word)
    mask = (1 << _FIELD_BITS) - 1
    assert expected == {
        name: (packed >> (_FIELD_BITS * index)) & mask for index, name in enumerate(_WORD_FIELDS)
    }


def test_why_undefined_knows_exactly_the_scores_the_extractor_computes() -> None:
    """Every computed score is a name why_undefined() accepts, and nothing else is."""
    assert SCORES == _READABILITY_SCORES
