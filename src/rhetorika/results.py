"""Typed, frozen results that every extractor returns.

Every span result carries ``start`` and ``end``, character offsets into the
string the caller passed (``original[start:end] == result.text``), and the
index of the sentence it lies in. Results are sorted by ``(start, end)`` so a
tuple of them is deterministic, hashable and comparable.

"Undefined" is ``None`` and the types say so: never ``0.0`` or ``nan``.
"""

from __future__ import annotations

import enum
import operator
from collections.abc import Callable, Mapping
from typing import Any, SupportsIndex, TypeVar

import attrs

__all__ = [
    "Booster",
    "BoosterCategory",
    "Hedge",
    "HedgeCategory",
    "LoadedCategory",
    "LoadedTerm",
    "Quotation",
    "QuotationKind",
    "Readability",
    "ReadabilityCounts",
    "Report",
    "Sentence",
]


_R = TypeVar("_R")

# attrs pickles a slotted class as a dict of its fields and rebuilds it with a
# setattr per field. For the tens of thousands of per-sentence results a
# corpus holds, that made unpickling the bottleneck of
# ``Analyzer.pipe(n_process=N)``, whose parent receives every report. So each
# result class pickles as a tuple of its field values, in order, and is
# rebuilt by a generated function that sets its slots directly, as attrs
# generates ``__init__``. The values come from a valid result, so validators
# are not run again (attrs' own ``__setstate__`` skips them too).
_FIELD_VALUES: dict[type, Callable[[Any], tuple[Any, ...]]] = {}
_BUILDERS: dict[type, Callable[[tuple[Any, ...]], Any]] = {}


def _rebuild(cls: type[_R], values: tuple[Any, ...]) -> _R:
    """Unpickle a result of class ``cls`` from its field values."""
    return _BUILDERS[cls](values)  # type: ignore[no-any-return]


def _reduce_ex(self: Any, protocol: SupportsIndex) -> Any:
    cls = type(self)
    values = _FIELD_VALUES.get(cls)
    if values is None:  # a subclass, perhaps with more fields: attrs' own pickling
        return object.__reduce_ex__(self, protocol)
    return _rebuild, (cls, values(self))


def _pickled_as_values(cls: type[_R]) -> type[_R]:
    """Make the attrs class ``cls`` pickle as its field values; see above."""
    names = [field.name for field in attrs.fields(cls)]  # type: ignore[arg-type]
    if len(names) < 2:  # attrgetter of one name returns the value, not a tuple
        raise TypeError(f"{cls.__name__} needs at least two fields to pickle as values")
    _FIELD_VALUES[cls] = operator.attrgetter(*names)
    source = "\n    ".join(
        [
            "def build(values):",
            "result = new(cls)",
            f"{', '.join(f'v_{name}' for name in names)}, = values",
            *(f"set_{name}(result, v_{name})" for name in names),
            "return result",
        ]
    )
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    namespace.update((f"set_{name}", cls.__dict__[name].__set__) for name in names)
    exec(compile(source, f"<rhetorika pickling of {cls.__name__}>", "exec"), namespace)
    _BUILDERS[cls] = namespace["build"]
    cls.__reduce_ex__ = _reduce_ex  # type: ignore[method-assign]
    return cls


def _end_not_before_start(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if value < instance.start:
        raise ValueError(f"end ({value}) must not be before start ({instance.start})")


def _offset() -> Any:
    return attrs.field(validator=attrs.validators.ge(0))


def _end() -> Any:
    return attrs.field(validator=_end_not_before_start)


@_pickled_as_values
@attrs.frozen(kw_only=True)
class Sentence:
    """A sentence of the analysed text, as the pipeline segmented it.

    Args:
        start: Offset of its first non-space character in the original text.
        end: Offset one past its last non-space character.
        index: Its position among the text's sentences, from 0.

    Added in version 0.1.0.
    """

    start: int = _offset()
    end: int = _end()
    index: int = attrs.field(validator=attrs.validators.ge(0))


class HedgeCategory(str, enum.Enum):
    """What kind of tentativeness a hedge expresses.

    Added in version 0.1.0.
    """

    APPROXIMATOR = "approximator"
    PLAUSIBILITY = "plausibility"
    ATTRIBUTION = "attribution"
    WEASEL = "weasel"


class BoosterCategory(str, enum.Enum):
    """What kind of certainty a booster expresses.

    Added in version 0.1.0.
    """

    CERTAINTY = "certainty"
    UNIVERSAL = "universal"
    EMPHATIC = "emphatic"


@_pickled_as_values
@attrs.frozen(kw_only=True)
class Hedge:
    """A hedging cue: tentative or distancing language.

    Args:
        start: Offset of the cue's first character in the original text.
        end: Offset one past its last character.
        text: The cue as written; ``original[start:end] == text``.
        category: Kind of hedge.
        subtype: Finer kind within the category (e.g. ``"epistemic_modal"``).
        sentence: Index of the sentence the cue starts in.
        lexicon: Versioned id of the lexicon, e.g. ``"hedges.v1"``.
        entry: Id of the lexicon entry that matched.
        rule: Name of the context rule that accepted the match, if any.
        quoted: True when the cue lies inside a direct quotation (someone
            else's words), as found by the quotations extractor.

    Added in version 0.1.0.
    """

    start: int = _offset()
    end: int = _end()
    text: str
    category: HedgeCategory
    subtype: str
    sentence: int
    lexicon: str
    entry: str
    rule: str | None = None
    quoted: bool = False


@_pickled_as_values
@attrs.frozen(kw_only=True)
class Booster:
    """A boosting cue: language that asserts certainty or emphasis.

    Fields as in :class:`Hedge`.

    Added in version 0.1.0.
    """

    start: int = _offset()
    end: int = _end()
    text: str
    category: BoosterCategory
    subtype: str
    sentence: int
    lexicon: str
    entry: str
    rule: str | None = None
    quoted: bool = False


class QuotationKind(str, enum.Enum):
    """What a pair of quotation marks does for the writer.

    Added in version 0.1.0.
    """

    SCARE = "scare"
    DIRECT = "direct"
    TITLE = "title"
    MENTION = "mention"
    OTHER = "other"


@_pickled_as_values
@attrs.frozen(kw_only=True)
class Quotation:
    """A quoted span.

    Args:
        start: Offset of the content's first character (marks excluded).
        end: Offset one past the content's last character.
        text: The content; ``original[start:end] == text``.
        open_mark: ``(start, end)`` of the opening mark.
        close_mark: ``(start, end)`` of the closing mark, or ``None`` when the
            quotation was never closed; its content then runs to the end of
            its paragraph (or of the text), trailing space excluded.
        kind: Scare quote, direct quotation, title, mention or other.
        confidence: How sure the classifier is of ``kind``, in [0, 1].
        evidence: Short names of the cues that decided ``kind``.
        sentence: Index of the sentence the content starts in.

    Added in version 0.1.0.
    """

    start: int = _offset()
    end: int = _end()
    text: str
    open_mark: tuple[int, int]
    close_mark: tuple[int, int] | None
    kind: QuotationKind
    confidence: float
    evidence: tuple[str, ...] = ()
    sentence: int


class LoadedCategory(str, enum.Enum):
    """How a loaded term frames what it names.

    Added in version 0.1.0.
    """

    PEJORATIVE = "pejorative"
    EMOTIVE = "emotive"
    INTENSIFIER = "intensifier"
    MINIMISATION = "minimisation"
    DEHUMANIZING = "dehumanizing"
    EUPHEMISM = "euphemism"
    FRAMING_VERB = "framing_verb"
    CONTESTED = "contested"


@_pickled_as_values
@attrs.frozen(kw_only=True)
class LoadedTerm:
    """An emotionally or ideologically charged word or phrase.

    Args:
        start: Offset of the term's first character.
        end: Offset one past its last character.
        text: The term as written.
        category: How it frames.
        intensity: Strength in [0, 1], from the entry adjusted by context.
        alternatives: Neutral wordings a careful editor might use.
        sentence: Index of the sentence the term starts in.
        lexicon: Name and version of the lexicon, e.g. ``"loaded.v1"``.
        entry: Id of the lexicon entry that matched (the entry as written in
            its lexicon, e.g. ``"regime"`` for "regimes").
        quoted: True when the term lies inside a direct quotation.
        phrase: ``(start, end)`` of the phrase the term colours, when it is
            longer than the term: a loaded adjective's noun phrase ("phony
            deals"). ``None`` when the phrase is the term itself.

    A term's span includes an intensifier right before it ("truly evil")
    or, for an intensifier adverb, the word it intensifies ("utterly
    unacceptable").

    Added in version 0.1.0.
    """

    start: int = _offset()
    end: int = _end()
    text: str
    category: LoadedCategory
    intensity: float = attrs.field(validator=[attrs.validators.ge(0.0), attrs.validators.le(1.0)])
    alternatives: tuple[str, ...] = ()
    sentence: int
    lexicon: str
    entry: str
    quoted: bool = False
    phrase: tuple[int, int] | None = None


@_pickled_as_values
@attrs.frozen(kw_only=True)
class ReadabilityCounts:
    """The counts every readability formula is computed from.

    Words are whitespace-delimited runs of tokens that contain a letter or a
    digit; punctuation-only runs are not words.

    Args:
        sentences: Sentences that contain at least one word.
        words: Words.
        syllables: Syllables over all words.
        polysyllabic_words: Words of three or more syllables.
        monosyllabic_words: Words of one syllable.
        long_words: Words of more than six letters.
        mini_words: Words of at most three letters (McAlpine EFLAW).
        difficult_words: Words of two or more syllables not on the Dale-Chall
            list of familiar words (Spache, Dale-Chall v2).
        unfamiliar_words: Words with a letter not on that list (Dale-Chall).
        complex_words: Words of three or more syllables not on that list
            (Gunning fog, as textstat counts it).
        letters: Letters and digits in words (apostrophes and hyphens excluded).
        characters: Non-space characters in words, punctuation included.

    Added in version 0.1.0.
    """

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    polysyllabic_words: int = 0
    monosyllabic_words: int = 0
    long_words: int = 0
    mini_words: int = 0
    difficult_words: int = 0
    unfamiliar_words: int = 0
    complex_words: int = 0
    letters: int = 0
    characters: int = 0


@_pickled_as_values
@attrs.frozen(kw_only=True)
class Readability:
    """Readability scores with the counts behind them, for a text or a sentence.

    Score attributes are named as textstat names its functions. A score that
    is undefined (no words, no sentences) is ``None``, and
    :meth:`why_undefined` says why.

    Args:
        start: Offset of the measured stretch's first character.
        end: Offset one past its last character.
        sentence: Index of the sentence for a per-sentence result; ``None``
            for the whole text.
        counts: The counts the scores are computed from.
        sentences: Per-sentence results (empty on a per-sentence result).
        undefined: ``(score name, reason)`` for every score that is ``None``.

    Added in version 0.1.0.
    """

    start: int = _offset()
    end: int = _end()
    sentence: int | None = None
    counts: ReadabilityCounts
    flesch_reading_ease: float | None = None
    flesch_kincaid_grade: float | None = None
    gunning_fog: float | None = None
    smog_index: float | None = None
    coleman_liau_index: float | None = None
    automated_readability_index: float | None = None
    dale_chall_readability_score: float | None = None
    dale_chall_readability_score_v2: float | None = None
    linsear_write_formula: float | None = None
    spache_readability: float | None = None
    mcalpine_eflaw: float | None = None
    lix: float | None = None
    rix: float | None = None
    text_standard: float | None = None
    reading_time: float | None = None
    undefined: tuple[tuple[str, str], ...] = ()
    sentences: tuple[Readability, ...] = ()

    def why_undefined(self, score: str) -> str | None:
        """Return why ``score`` is ``None``, or ``None`` when it is defined."""
        return dict(self.undefined).get(score)


# A text's per-sentence readability results are most of a report's objects.
# They travel as flat tuples, their counts inline, inside the document
# result's pickle: a per-sentence result never holds sentences of its own,
# so only ``counts`` needs rebuilding on the way in. Anything else (a result
# with nested sentences, a subclass) takes the general path above.
_SENTENCES = len(attrs.fields(Readability)) - 1
_COUNTS = [field.name for field in attrs.fields(Readability)].index("counts")
assert attrs.fields(Readability)[_SENTENCES].name == "sentences"
_readability_values = _FIELD_VALUES[Readability]
_counts_values = _FIELD_VALUES[ReadabilityCounts]
_build_readability = _BUILDERS[Readability]
_build_counts = _BUILDERS[ReadabilityCounts]


def _sentence_values(result: Readability) -> tuple[Any, ...]:
    values = _readability_values(result)
    return (*values[:_COUNTS], _counts_values(result.counts), *values[_COUNTS + 1 : _SENTENCES])


def _sentence_from_values(values: tuple[Any, ...]) -> Readability:
    counts = _build_counts(values[_COUNTS])
    return _build_readability((*values[:_COUNTS], counts, *values[_COUNTS + 1 :], ()))  # type: ignore[no-any-return]


def _rebuild_readability(values: tuple[Any, ...], sentences: tuple[tuple[Any, ...], ...]) -> Any:
    """Unpickle a document's readability from its values and its sentences' flat tuples."""
    return _build_readability((*values, tuple(map(_sentence_from_values, sentences))))


def _reduce_readability(self: Readability, protocol: SupportsIndex) -> Any:
    if type(self) is not Readability or not all(
        type(part) is Readability and type(part.counts) is ReadabilityCounts and not part.sentences
        for part in self.sentences
    ):
        return _reduce_ex(self, protocol)
    values = _readability_values(self)[:_SENTENCES]
    return _rebuild_readability, (values, tuple(map(_sentence_values, self.sentences)))


Readability.__reduce_ex__ = _reduce_readability  # type: ignore[method-assign,assignment]


@_pickled_as_values
@attrs.frozen(kw_only=True)
class Report:
    """Everything the extractors found in one text.

    One attribute per built-in extractor. An extractor that was not run
    leaves its attribute ``None``, never an empty tuple, which means "ran and
    found nothing".

    Args:
        text: The analysed text, exactly as passed.
        sentences: The sentences the pipeline found.
        readability: Readability of the text and of each sentence.
        hedges: Hedging cues.
        boosters: Boosting cues.
        quotations: Every quoted span.
        loaded_terms: Charged words and phrases.
        extensions: Results of third-party extractors, by extractor name.

    Added in version 0.1.0.
    """

    text: str
    sentences: tuple[Sentence, ...] = ()
    readability: Readability | None = None
    hedges: tuple[Hedge, ...] | None = None
    boosters: tuple[Booster, ...] | None = None
    quotations: tuple[Quotation, ...] | None = None
    loaded_terms: tuple[LoadedTerm, ...] | None = None
    extensions: Mapping[str, Any] = attrs.field(factory=dict, hash=False)

    def _repr_html_(self) -> str:
        """Show the report as highlighted HTML in a notebook (see :func:`rhetorika.render`)."""
        from rhetorika.render import render

        return render(self, style="fragment")

    @property
    def hedged_sentences(self) -> tuple[bool, ...] | None:
        """One flag per sentence: does it hold a hedge? ``None`` when hedges were not run.

        Added in version 0.1.0.
        """
        if self.hedges is None:
            return None
        hedged = {hedge.sentence for hedge in self.hedges}
        return tuple(sentence.index in hedged for sentence in self.sentences)

    @property
    def scare_quotes(self) -> tuple[Quotation, ...] | None:
        """The quotations of kind scare, or ``None`` when quotations were not run."""
        if self.quotations is None:
            return None
        return tuple(q for q in self.quotations if q.kind is QuotationKind.SCARE)
