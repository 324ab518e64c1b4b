"""Typed, frozen results that every extractor returns.

Every span result carries ``start`` and ``end``, character offsets into the
string the caller passed (``original[start:end] == result.text``), and the
index of the sentence it lies in. Results are sorted by ``(start, end)`` so a
tuple of them is deterministic, hashable and comparable.

"Undefined" is ``None`` and the types say so: never ``0.0`` or ``nan``.
"""

from __future__ import annotations

import enum
import warnings
from collections.abc import Mapping
from typing import Any

import attrs

from rhetorika._checks import check_count
from rhetorika._deferred import deferred
from rhetorika._display import html_view
from rhetorika._pickling import pickled_as_values
from rhetorika.exceptions import ConfigurationError
from rhetorika.extra import require

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


def _end_not_before_start(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if value < instance.start:
        raise ValueError(f"end ({value}) must not be before start ({instance.start})")


def _probability_or_none(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    # one call instead of optional([ge, le]): every loaded term passes here
    if value is not None and not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must be None or in [0, 1], got {value!r}")


def _offset() -> Any:
    return attrs.field(validator=attrs.validators.ge(0))


def _end() -> Any:
    return attrs.field(validator=_end_not_before_start)


@pickled_as_values
@attrs.frozen(kw_only=True)
class Sentence:
    """A sentence of the analysed text, as the pipeline segmented it.

    Attributes:
        start: Offset of its first non-space character in the original text.
        end: Offset one past its last non-space character.
        index: Its position among the text's sentences, from 0.
        text: The sentence as written; ``original[start:end] == text``.

    Added in version 0.1.0.
    """

    start: int = _offset()
    end: int = _end()
    index: int = attrs.field(validator=attrs.validators.ge(0))
    text: str


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


@pickled_as_values
@attrs.frozen(kw_only=True)
class Hedge:
    """A hedging cue: tentative or distancing language.

    Attributes:
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


@pickled_as_values
@attrs.frozen(kw_only=True)
class Booster:
    """A boosting cue: language that asserts certainty or emphasis.

    Fields as in [`Hedge`][rhetorika.results.Hedge], and:

    Attributes:
        confidence: The booster judge's probability that the cue boosts in
            this context, in [0, 1]; ``None`` when the context rules decided
            (``BoosterExtractor(classifier="rules")``).
        evidence: The judge's strongest reasons for keeping it, in words
            (at most three); empty when the rules decided.

    With the judge, ``rule`` names the context rule only when that rule
    accepted the match too; the judge may keep a match its rule rejected.

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
    confidence: float | None = attrs.field(default=None, validator=_probability_or_none)
    evidence: tuple[str, ...] = ()


class QuotationKind(str, enum.Enum):
    """What a pair of quotation marks does for the writer.

    Added in version 0.1.0.
    """

    SCARE = "scare"
    DIRECT = "direct"
    TITLE = "title"
    MENTION = "mention"
    OTHER = "other"


@pickled_as_values
@attrs.frozen(kw_only=True)
class Quotation:
    """A quoted span.

    Attributes:
        start: Offset of the content's first character (marks excluded).
        end: Offset one past the content's last character.
        text: The content; ``original[start:end] == text``.
        open_mark: ``(start, end)`` of the opening mark.
        close_mark: ``(start, end)`` of the closing mark, or ``None`` when the
            quotation was never closed; its content then runs to the end of
            its paragraph (or of the text), trailing space excluded.
        kind: Scare quote, direct quotation, title, mention or other.
        confidence: How sure the classifier is of ``kind``, in [0, 1]: a
            rough score set by the deciding rule, or, with the opt-in
            learned model, its calibrated probability.
        evidence: Short names of the cues that decided ``kind``; with the
            learned model, in words, the features that most favoured it.
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


# Old member name -> new member name, per enum; an old value is its name lower-cased.
_RENAMED: dict[str, dict[str, str]] = {"LoadedCategory": {"MINIMISATION": "MINIMIZATION"}}


class _RenamedMembers(enum.EnumMeta):
    """An enum type that still answers its members' old names and values, with a warning.

    ``Enum.OLD``, ``Enum["OLD"]`` and ``Enum("old")`` give the renamed member
    and a ``DeprecationWarning``; the renames are listed in ``_RENAMED``.
    """

    def __getattr__(cls, name: str) -> Any:
        new = _RENAMED.get(cls.__name__, {}).get(name)
        if new is None:
            return super().__getattr__(name)  # type: ignore[misc]
        _warn_renamed(cls, name, new)
        return cls[new]

    def __getitem__(cls, name: str) -> Any:
        new = _RENAMED.get(cls.__name__, {}).get(name)
        if new is not None:
            _warn_renamed(cls, name, new)
            name = new
        return super().__getitem__(name)


def _warn_renamed(cls: type, old: str, new: str) -> None:
    warnings.warn(
        f"{cls.__name__}.{old} (value {old.lower()!r}) is deprecated; "
        f"use {cls.__name__}.{new} (value {new.lower()!r})",
        DeprecationWarning,
        stacklevel=3,
    )


class LoadedCategory(str, enum.Enum, metaclass=_RenamedMembers):
    """How a loaded term frames what it names.

    Public values are spelt the American way, as the API's names are
    (``analyze``, ``serialize``). ``MINIMISATION`` (value ``"minimisation"``)
    is a deprecated alias of `MINIMIZATION` and warns when used.

    Added in version 0.1.0.
    """

    PEJORATIVE = "pejorative"
    EMOTIVE = "emotive"
    INTENSIFIER = "intensifier"
    MINIMIZATION = "minimization"
    DEHUMANIZING = "dehumanizing"
    EUPHEMISM = "euphemism"
    FRAMING_VERB = "framing_verb"
    CONTESTED = "contested"
    EVALUATIVE = "evaluative"
    """A word outside the lexicon whose prior valence (the affect table) the
    judge found loaded in its context. Added in version 0.2.0."""

    @classmethod
    def _missing_(cls, value: object) -> LoadedCategory | None:
        for old, new in _RENAMED[cls.__name__].items():
            if value == old.lower():
                _warn_renamed(cls, old, new)
                member: LoadedCategory = cls[new]
                return member
        return None


@pickled_as_values
@attrs.frozen(kw_only=True)
class LoadedTerm:
    """An emotionally or ideologically charged word or phrase.

    Attributes:
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
        confidence: The judge's probability that the term is loaded in this
            context (calibrated on news annotated for loaded language), apart
            from ``intensity``, how strong the word's connotation is.
            ``None`` when the extractor ran without its judge.
        source: Where the candidate came from: ``"lexicon"`` (an entry of
            ``lexicon``), ``"affect"`` (a word of the shipped affect table,
            ``lexicon`` ``"affect.v1"``) or ``"morphology"`` (a productive
            pattern such as ``anti-X`` or ``far-right``, ``lexicon``
            ``"morphology.v1"``, ``entry`` the pattern's name).

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
    confidence: float | None = attrs.field(default=None, validator=_probability_or_none)
    source: str = "lexicon"


@pickled_as_values
@attrs.frozen(kw_only=True)
class ReadabilityCounts:
    """The counts every readability formula is computed from.

    Words are whitespace-delimited runs of tokens that contain a letter or a
    digit; punctuation-only runs are not words.

    Attributes:
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


@pickled_as_values
@deferred("sentences")
@attrs.frozen(kw_only=True)
class Readability:
    """Readability scores with the counts behind them, for a text or a sentence.

    Score attributes are named as textstat names its functions. A score that
    is undefined (no words, no sentences) is ``None``, and
    `why_undefined()` says why.

    Attributes:
        start: Offset of the measured stretch's first character.
        end: Offset one past its last character.
        sentence: Index of the sentence for a per-sentence result; ``None``
            for the whole text.
        counts: The counts the scores are computed from.
        sentences: Per-sentence results (empty on a per-sentence result).
            An analysis keeps each sentence's counts and scores the
            sentences on the first read of this attribute, so a report that
            is never asked for them costs (and pickles) only the counts.
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
        """Return why ``score`` is ``None``, or ``None`` when it is defined.

        Raises:
            ConfigurationError: ``score`` names no score (a typo would
                otherwise read as "defined"); the message lists the names.
        """
        if score not in _READABILITY_SCORES:
            raise ConfigurationError(
                f"unknown score {score!r}; valid: {', '.join(_READABILITY_SCORES)}"
            )
        return dict(self.undefined).get(score)


# Readability's attributes that are scores: every float field (not the offsets,
# counts and sub-results).
_READABILITY_SCORES = tuple(
    field.name
    for field in attrs.fields(Readability)
    if field.name not in {"start", "end", "sentence", "counts", "undefined", "sentences"}
)


# The span fields of a Report, in the order summaries and finding tables list them.
_FINDING_FIELDS = ("quotations", "hedges", "boosters", "loaded_terms")
_SHOWN_PER_FIELD = 3
_SHOWN_CHARS = 40
_RECORD_COLUMNS = (
    "extractor",
    "start",
    "end",
    "text",
    "sentence",
    "label",
    "subtype",
    "quoted",
    "intensity",
    "confidence",
)


def _shorten(text: str, width: int = _SHOWN_CHARS) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "\u2026"


def _label(finding: Any) -> str:
    """A finding's kind (quotations) or category (every other span result)."""
    label = getattr(finding, "kind", None) or finding.category
    return str(label.value)


@pickled_as_values
@deferred("sentences")
@attrs.frozen(kw_only=True, repr=False)
class Report:
    """Everything the extractors found in one text.

    One attribute per built-in extractor. An extractor that was not run
    leaves its attribute ``None``, never an empty tuple, which means "ran and
    found nothing".

    Attributes:
        text: The analysed text, exactly as passed.
        sentences: The sentences the pipeline found. An analysis keeps
            their start offsets and builds the results on the first read
            of this attribute.
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

    def __repr__(self) -> str:
        """Counts, not contents: a report of a long text stays one line."""
        parts = [f"{len(self.sentences)} sentences"]
        for field in _FINDING_FIELDS:
            found = getattr(self, field)
            if found is not None:
                parts.append(f"{field}={len(found)}")
        if self.extensions:
            parts.append(f"extensions={sorted(self.extensions)}")
        return f"<Report of {_shorten(self.text)!r}: {', '.join(parts)}>"

    def summary(self, *, per_extractor: int = _SHOWN_PER_FIELD) -> str:
        """A few lines to read in a REPL: counts per extractor and the first findings.

        Args:
            per_extractor: How many findings to show for each extractor (0
                shows the counts only).

        Raises:
            ConfigurationError: ``per_extractor`` is negative (an
                `ArgumentTypeError` if it is not a whole number).

        Added in version 0.1.0.
        """
        check_count("per_extractor", per_extractor, minimum=0)
        lines = [f"{len(self.sentences)} sentences, {len(self.text)} characters"]
        if self.readability is not None and self.readability.flesch_reading_ease is not None:
            lines.append(f"Flesch reading ease: {self.readability.flesch_reading_ease:.1f}")
        for field in _FINDING_FIELDS:
            found = getattr(self, field)
            if found is None:
                continue
            shown = ", ".join(
                f"{_shorten(f.text, 24)!r} ({_label(f)})" for f in found[:per_extractor]
            )
            more = f", ... {len(found) - per_extractor} more" if len(found) > per_extractor else ""
            lines.append(f"{field}: {len(found)}" + (f": {shown}{more}" if shown else ""))
        return "\n".join(lines)

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per finding, in text order: a table row each.

        Every row has the same keys: ``extractor`` (the Report field),
        ``start``, ``end``, ``text``, ``sentence``, ``label`` (a quotation's
        kind, any other finding's category), ``subtype``, ``quoted``,
        ``intensity`` and ``confidence``; a key that does not apply to a
        finding is ``None``.

        Added in version 0.1.0.
        """
        rows = []
        for field in _FINDING_FIELDS:
            for finding in getattr(self, field) or ():
                rows.append(
                    {
                        "extractor": field,
                        "start": finding.start,
                        "end": finding.end,
                        "text": finding.text,
                        "sentence": finding.sentence,
                        "label": _label(finding),
                        "subtype": getattr(finding, "subtype", None),
                        "quoted": getattr(finding, "quoted", None),
                        "intensity": getattr(finding, "intensity", None),
                        "confidence": getattr(finding, "confidence", None),
                    }
                )
        rows.sort(key=lambda row: (row["start"], row["end"], row["extractor"]))
        return rows

    def to_frame(self) -> Any:
        """`to_records()` as a pandas DataFrame, one row per finding.

        Raises:
            MissingExtraError: pandas is not installed.

        Added in version 0.1.0.
        """
        pandas: Any = require("pandas", extra="pandas")
        return pandas.DataFrame.from_records(self.to_records(), columns=list(_RECORD_COLUMNS))

    def _repr_html_(self) -> str | None:
        """Show the report as highlighted HTML in a notebook (see `rhetorika.render()`)."""
        view = html_view()
        return None if view is None else view(self)

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
