"""Readability: the classic formulas, from counts taken once per sentence.

Every formula reads the same counts ([`ReadabilityCounts`][rhetorika.ReadabilityCounts])
taken from one segmentation: rhetorika's sentences and its word definition
([`rhetorika.words`][rhetorika.words]). The formulas are textstat's, so the numbers agree
with textstat wherever both see the same sentences and words; the
differences (sentence splitting, hyphenated compounds, numbers, stand-alone
punctuation) are listed on the explanation page.
"""

from __future__ import annotations

import math
import re
from array import array
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

import attrs

from rhetorika._deferred import Recipe
from rhetorika._doc import doc_text, sentence_offsets
from rhetorika._version import __version__
from rhetorika.data import read_builtin
from rhetorika.exceptions import SerializationError
from rhetorika.results import Readability, ReadabilityCounts
from rhetorika.sentences import sentence_spans
from rhetorika.syllables import count_syllables
from rhetorika.typing import FeatureColumn
from rhetorika.words import WORD

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from rhetorika.typing import Features

__all__ = [
    "SCORES",
    "ReadabilityExtractor",
    "features",
    "is_familiar",
    "readability_of",
    "scores",
]

SCORES: tuple[str, ...] = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
    "dale_chall_readability_score_v2",
    "linsear_write_formula",
    "spache_readability",
    "mcalpine_eflaw",
    "lix",
    "rix",
    "text_standard",
    "reading_time",
)
"""Score attribute names, in the order they are reported."""

EASY_WORDS = "dale_chall.v1.tsv"
"""The shipped Dale-Chall list of familiar words."""

MS_PER_CHARACTER = 14.69
"""Reading speed for ``reading_time``, textstat's default."""

_LINSEAR_WORDS = 100
_NOT_WORD_CHAR = re.compile(r"[^\w]|_")
_EDGE_PUNCT = (
    "\"'()[]{}<>,.;:!?\u201c\u201d\u2018\u2019\u00ab\u00bb\u2039\u203a\u201e*\u2026-\u2013\u2014/"
)


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The Dale-Chall list of familiar words, as textstat ships it (MIT).

    A copy ships in [`rhetorika.data`][rhetorika.data] (``dale_chall.v1.tsv``, provenance in
    ``NOTICE.md``), so readability needs neither textstat nor its install
    directory at run time.
    """
    _, rows = read_builtin(EASY_WORDS, required=("word",))
    return frozenset(row.fields["word"].lower() for row in rows)


# Regular inflections, as Dale and Chall's rules count them familiar: the
# ending to strip and what to put back ("cities" -> "city", "hoping" -> "hope").
_INFLECTIONS = (
    ("'s", ""),
    ("s'", "s"),
    ("ies", "y"),
    ("ied", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("ing", ""),
    ("ing", "e"),
    ("er", ""),
    ("er", "e"),
    ("est", ""),
    ("est", "e"),
    ("ier", "y"),
    ("iest", "y"),
)


@lru_cache(maxsize=1)
def _familiar_forms() -> frozenset[str]:
    """Every listed word and every regular inflection of one, built once.

    Built forwards from the list (each word with each ending of
    ``_INFLECTIONS`` put on), so that telling a word familiar is one set
    lookup: a worker process starts with empty caches and meets tens of
    thousands of distinct words, each of which used to try every ending.
    """
    easy = easy_words()
    forms = set(easy)
    for word in easy:
        for ending, restore in _INFLECTIONS:
            if word.endswith(restore):
                stem = word[: len(word) - len(restore)]
                if len(stem) > 1:  # one letter is no stem: "bed" is not "b" + -ed
                    forms.add(stem + ending)
                if restore == "" and len(word) > 1:
                    forms.add(word + word[-1] + ending)  # doubled consonant: "stop" -> "stopped"
    return frozenset(forms)


def is_familiar(word: str) -> bool:
    """Whether a lower-case word is on the Dale-Chall list or a regular inflection of one.

    textstat checks the list alone, so "cities" and "played" count as
    unfamiliar there; Dale and Chall count regular inflections of a familiar
    word as familiar, and so does rhetorika.

    Added in version 0.1.0.
    """
    return word.replace("\u2019", "'") in _familiar_forms()


@attrs.define
class _Tally:
    """Mutable counts while walking a stretch of text."""

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    polysyllabic: int = 0
    monosyllabic: int = 0
    long: int = 0
    mini: int = 0
    difficult: int = 0
    unfamiliar: int = 0
    complex: int = 0
    letters: int = 0
    characters: int = 0
    linsear_easy: int = 0
    linsear_hard: int = 0
    linsear_sentences: int = 0


# What one word adds to a tally, in this order; see _measure.
_WORD_FIELDS = (
    "syllables",
    "polysyllabic",
    "monosyllabic",
    "long",
    "mini",
    "unfamiliar",
    "difficult",
    "complex",
    "letters",
    "characters",
)
_WORD_CACHE_SIZE = 131072


# A word's measures are packed into one int, 48 bits a field, so that summing
# a sentence is one C-level sum(); no sentence comes near 2**48 syllables.
_FIELD_BITS = 48
_FIELD_MASK = (1 << _FIELD_BITS) - 1
(
    _SYLLABLES_SHIFT,
    _POLYSYLLABIC_SHIFT,
    _MONOSYLLABIC_SHIFT,
    _LONG_SHIFT,
    _MINI_SHIFT,
    _UNFAMILIAR_SHIFT,
    _DIFFICULT_SHIFT,
    _COMPLEX_SHIFT,
    _LETTERS_SHIFT,
    _CHARACTERS_SHIFT,
) = (_FIELD_BITS * index for index in range(len(_WORD_FIELDS)))


@lru_cache(maxsize=_WORD_CACHE_SIZE)
def _measure(word: str) -> int:
    """What ``word`` adds to each of ``_WORD_FIELDS``, packed; cached, since words recur."""
    if word.isalpha():
        bare = word
        letters = len(word)
    else:
        bare = word.strip(_EDGE_PUNCT) or word
        letters = len(_NOT_WORD_CHAR.sub("", word))
    syllables = count_syllables(bare)
    unfamiliar = _has_letter(bare) and not is_familiar(bare.lower())
    # One term per field of _WORD_FIELDS, in its order; a bool counts as 0 or 1.
    # Written out rather than summed over a generator: a cold cache (every
    # new worker process has one) calls this once per distinct word.
    return (
        (syllables << _SYLLABLES_SHIFT)
        + ((syllables >= 3) << _POLYSYLLABIC_SHIFT)
        + ((syllables == 1) << _MONOSYLLABIC_SHIFT)
        + ((letters > 6) << _LONG_SHIFT)
        + ((letters <= 3) << _MINI_SHIFT)
        + (unfamiliar << _UNFAMILIAR_SHIFT)
        + ((unfamiliar and syllables >= 2) << _DIFFICULT_SHIFT)
        + ((unfamiliar and syllables >= 3) << _COMPLEX_SHIFT)
        + (letters << _LETTERS_SHIFT)
        + (len(word) << _CHARACTERS_SHIFT)
    )


def _unpack(tally: _Tally, packed: int) -> None:
    """Set ``tally``'s word fields from the sum of its words' packed measures."""
    for index, name in enumerate(_WORD_FIELDS):
        setattr(tally, name, (packed >> (_FIELD_BITS * index)) & _FIELD_MASK)


def _hard_words(measures: list[int], count: int) -> int:
    """Polysyllabic words among the first ``count`` of ``measures`` (one C-level sum)."""
    return (sum(measures[:count]) >> _POLYSYLLABIC_SHIFT) & _FIELD_MASK


def _has_letter(word: str) -> bool:
    return word.isalpha() or any(char.isalpha() for char in word)


_VOTING_GRADES = (
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
    "linsear_write_formula",
    "gunning_fog",
)
_FLESCH_BANDS = (
    (90, (5,)),
    (80, (6,)),
    (70, (7,)),
    (60, (8, 9)),
    (50, (10,)),
    (40, (11,)),
    (30, (12,)),
)


def _consensus(out: dict[str, float | None]) -> float:
    """textstat's consensus grade: the commonest of the formulas' rounded grades.

    Each grade formula votes its floor, ceiling and rounding, the Flesch score
    votes its band; the first grade to reach the highest count wins, as
    ``Counter.most_common`` has it.
    """
    fkg = out["flesch_kincaid_grade"]
    fre = out["flesch_reading_ease"]
    assert fkg is not None
    assert fre is not None
    votes = [math.floor(fkg), math.ceil(fkg), round(fkg)]
    band: tuple[int, ...] = (13,)
    if fre < 100:
        for floor, grades in _FLESCH_BANDS:
            if fre >= floor:
                band = grades
                break
    votes.extend(band)
    for name in _VOTING_GRADES:
        grade = out[name]
        assert grade is not None
        votes += (math.floor(grade), math.ceil(grade), round(grade))
    tallies: dict[int, int] = {}
    for vote in votes:
        tallies[vote] = tallies.get(vote, 0) + 1
    return float(max(tallies, key=tallies.__getitem__))


def scores(tally: _Tally) -> dict[str, float | None]:
    """Compute every formula from the counts; all ``None`` without words.

    Operations keep textstat's order, so equal counts give bit-identical
    scores, and the consensus grade, which floors and ceils, agrees too.

    Added in version 0.1.0.
    """
    words, sentences = tally.words, tally.sentences
    if words == 0 or sentences == 0:
        return dict.fromkeys(SCORES)
    asl = words / sentences
    asw = tally.syllables / words
    out: dict[str, float | None] = {}
    out["flesch_reading_ease"] = 206.835 - 1.015 * asl - 84.6 * asw
    out["flesch_kincaid_grade"] = 0.39 * asl + 11.8 * asw - 15.59
    out["gunning_fog"] = 0.4 * (asl + 100 * tally.complex / words)
    out["smog_index"] = 1.043 * (30 * (tally.polysyllabic / sentences)) ** 0.5 + 3.1291
    out["coleman_liau_index"] = (
        0.058 * ((tally.letters / words) * 100) - 0.296 * ((sentences / words) * 100) - 15.8
    )
    out["automated_readability_index"] = 4.71 * (tally.characters / words) + 0.5 * asl - 21.43
    unfamiliar = 100 * tally.unfamiliar / words
    dale_chall = 0.1579 * unfamiliar + 0.0496 * asl
    out["dale_chall_readability_score"] = dale_chall + 3.6365 if unfamiliar > 5 else dale_chall
    difficult = 100 * tally.difficult / words
    raw_v2 = 0.1579 * difficult + 0.0496 * asl
    out["dale_chall_readability_score_v2"] = raw_v2 + 3.6365 if raw_v2 > 0.05 else raw_v2
    linsear = (tally.linsear_easy + 3 * tally.linsear_hard) / max(tally.linsear_sentences, 1)
    out["linsear_write_formula"] = (linsear - 2 if linsear <= 20 else linsear) / 2
    out["spache_readability"] = 0.141 * asl + 0.086 * difficult + 0.839
    out["mcalpine_eflaw"] = (words + tally.mini) / sentences
    out["lix"] = asl + 100 * tally.long / words
    out["rix"] = tally.long / sentences
    out["text_standard"] = _consensus(out)
    out["reading_time"] = MS_PER_CHARACTER * tally.characters / 1000
    return out


def _result(
    tally: _Tally,
    *,
    start: int,
    end: int,
    sentence: int | None,
    sentences: tuple[Readability, ...] = (),
) -> Readability:
    values = scores(tally)
    undefined: tuple[tuple[str, str], ...] = ()
    if tally.words == 0:
        reason = "the text has no words" if sentence is None else "the sentence has no words"
        undefined = tuple((name, reason) for name in SCORES)
    counts = ReadabilityCounts(
        sentences=tally.sentences,
        words=tally.words,
        syllables=tally.syllables,
        polysyllabic_words=tally.polysyllabic,
        monosyllabic_words=tally.monosyllabic,
        long_words=tally.long,
        mini_words=tally.mini,
        difficult_words=tally.difficult,
        unfamiliar_words=tally.unfamiliar,
        complex_words=tally.complex,
        letters=tally.letters,
        characters=tally.characters,
    )
    return Readability(
        start=start,
        end=end,
        sentence=sentence,
        counts=counts,
        undefined=undefined,
        sentences=sentences,
        **values,
    )


# What each sentence keeps until its scores are read: its offsets, its
# word count, what its words add to each of _WORD_FIELDS, and the polysyllabic
# words among its first 100 (Linsear Write).
_SENTENCE_COLUMNS = ("start", "end", "words", *_WORD_FIELDS, "linsear_hard")
_WIDTH = len(_SENTENCE_COLUMNS)
_SHIFTS = tuple(_FIELD_BITS * index for index in range(len(_WORD_FIELDS)))


class _SentenceCounts(Recipe):
    """A text's per-sentence counts, one row of ``_SENTENCE_COLUMNS`` each, in one array.

    Calling it scores every sentence: the tuple of per-sentence results that
    [`Readability.sentences`][rhetorika.Readability] gives on first read. It
    pickles as the array (a few bytes a sentence) with the column names, so a
    pickle from a version with other columns is read by name.
    """

    __slots__ = ("rows",)

    def __init__(self, rows: array[int]) -> None:
        self.rows = rows

    def __call__(self) -> tuple[Readability, ...]:
        rows = self.rows
        results = []
        for index in range(len(rows) // _WIDTH):
            start, end, words, *measures, hard = rows[index * _WIDTH : (index + 1) * _WIDTH]
            tally = _Tally()
            if words:
                tally = _Tally(
                    sentences=1,
                    words=words,
                    linsear_sentences=1,
                    linsear_hard=hard,
                    linsear_easy=min(words, _LINSEAR_WORDS) - hard,
                    **dict(zip(_WORD_FIELDS, measures, strict=True)),
                )
            results.append(_result(tally, start=start, end=end, sentence=index))
        return tuple(results)

    def __reduce__(self) -> tuple[Any, ...]:
        return _sentence_counts, (_SENTENCE_COLUMNS, self.rows)

    def __repr__(self) -> str:
        return f"<counts of {len(self.rows) // _WIDTH} sentences>"


def _sentence_counts(columns: tuple[str, ...], rows: array[int]) -> _SentenceCounts:
    """Unpickle per-sentence counts, matching another version's columns by name."""
    if columns == _SENTENCE_COLUMNS:
        return _SentenceCounts(rows)
    unknown = [name for name in columns if name not in _SENTENCE_COLUMNS]
    if unknown or len(rows) % max(len(columns), 1):
        raise SerializationError(
            f"pickled per-sentence readability counts have the columns {list(columns)}, "
            f"this rhetorika {__version__} has {list(_SENTENCE_COLUMNS)} (unknown {unknown}); "
            f"pickles travel between processes of one version: store results as JSON "
            f"(rhetorika.to_json)"
        )
    width = len(columns)
    at = {name: columns.index(name) for name in columns}
    matched = array("q")
    for first in range(0, len(rows), width):
        row = rows[first : first + width]
        # A column this version added since takes 0, as a count's default.
        matched.extend(row[at[name]] if name in at else 0 for name in _SENTENCE_COLUMNS)
    return _SentenceCounts(matched)


def readability_of(text: str, starts: list[int]) -> Readability:
    """Measure ``text`` whose sentences start at ``starts``.

    The text's scores are computed now; each sentence's are computed from
    its counts when `Readability.sentences` is first read.

    Added in version 0.1.0.
    """
    rows = array("q")
    packed_total = words_total = sentences_total = 0
    # Linsear Write reads the first 100 words of the text (and of each sentence).
    linsear_seen = linsear_hard = linsear_sentences = 0
    zeros = (0,) * (_WIDTH - 2)
    for start, end in sentence_spans(starts, len(text)):
        segment = text[start:end]
        stripped_end = start + len(segment.rstrip())
        measures = list(map(_measure, WORD.findall(segment)))
        if not measures:
            rows.extend((start, stripped_end, *zeros))
            continue
        words = len(measures)
        packed = sum(measures)
        polysyllabic = (packed >> _POLYSYLLABIC_SHIFT) & _FIELD_MASK
        taken = min(words, _LINSEAR_WORDS)
        hard = polysyllabic if taken == words else _hard_words(measures, taken)
        rows.extend((start, stripped_end, words))
        rows.extend([(packed >> shift) & _FIELD_MASK for shift in _SHIFTS])
        rows.append(hard)
        packed_total += packed
        words_total += words
        sentences_total += 1
        if linsear_seen < _LINSEAR_WORDS:
            taken = min(words, _LINSEAR_WORDS - linsear_seen)
            linsear_hard += hard if taken == words else _hard_words(measures, taken)
            linsear_sentences += 1
            linsear_seen += taken
    total = _Tally(sentences=sentences_total, words=words_total)
    _unpack(total, packed_total)
    total.linsear_sentences = linsear_sentences
    total.linsear_hard = linsear_hard
    total.linsear_easy = linsear_seen - linsear_hard
    # The per-sentence results are kept as counts until read (rhetorika._deferred).
    sentences = cast("tuple[Readability, ...]", _SentenceCounts(rows))
    return _result(total, start=0, end=len(text), sentence=None, sentences=sentences)


class ReadabilityExtractor:
    """Readability of the text and of each of its sentences.

    Added in version 0.1.0.
    """

    name = "readability"

    def __call__(self, doc: Doc) -> Readability:
        return readability_of(doc_text(doc), sentence_offsets(doc))

    def from_text(self, text: str, sentence_starts: list[int]) -> Readability:
        return readability_of(text, sentence_starts)

    @staticmethod
    def feature_columns() -> tuple[FeatureColumn, ...]:
        """Its columns of the feature rows (see the module's ``feature_columns``)."""
        return feature_columns()

    @staticmethod
    def features(result: Readability, *, words: int, sentences: int) -> Features:
        """Its columns for ``result`` (see the module's ``features``)."""
        return features(result, words=words)

    def __repr__(self) -> str:
        return "ReadabilityExtractor()"


_COUNT_COLUMNS = (
    "syllables",
    "polysyllabic_words",
    "monosyllabic_words",
    "long_words",
    "difficult_words",
    "letters",
)
_PREFIX = "readability_"
# A column name says its unit where the score has one.
_UNITS = {"reading_time": "seconds"}


def _score_column(name: str) -> str:
    """The feature column of the score attribute ``name``: ``readability_<name>[_<unit>]``."""
    unit = _UNITS.get(name)
    return f"{_PREFIX}{name}" + (f"_{unit}" if unit else "")


def feature_columns() -> tuple[FeatureColumn, ...]:
    """The columns `features()` returns, in order: declared, not learned from a text."""
    counts = tuple(FeatureColumn(_PREFIX + name, integer=True) for name in _COUNT_COLUMNS)
    return counts + tuple(FeatureColumn(_score_column(name)) for name in SCORES)


def features(result: Readability, *, words: int) -> Features:
    """This extractor's columns of `rhetorika.to_features()`.

    Added in version 0.1.0.
    """
    counts = result.counts
    row: Features = {_PREFIX + name: getattr(counts, name) for name in _COUNT_COLUMNS}
    for name in SCORES:
        row[_score_column(name)] = getattr(result, name)
    return row
