"""Boosters: language that asserts certainty, universality or emphasis.

The counterpart of hedges (Hyland 2005), found by the same candidate pass
over the same lexicon ([`rhetorika.extractors.hedges`][rhetorika.extractors.hedges]). A booster
under negation ("not necessarily", "not sure") is a hedge and is reported there, not here.

Two classifiers decide which lexicon matches are boosters: the hand-written
context rules (``classifier="rules"``) and a learned judge
(``classifier="model"``, `rhetorika.extractors._booster_judge`): a logistic
regression over the lexicon entry and the words around the match, trained
on the study half of a labelled booster set, whose probability becomes the
booster's ``confidence``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rhetorika._checks import check_bool
from rhetorika._doc import sentence_offsets
from rhetorika.exceptions import ConfigurationError
from rhetorika.extractors._booster_judge import BoosterJudge, builtin_judge
from rhetorika.extractors.hedges import (
    Cue,
    find_cues,
    find_cues_in_text,
    results_from_cues,
    span_columns,
    span_features,
)
from rhetorika.results import Booster, BoosterCategory
from rhetorika.typing import FeatureColumn

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from rhetorika.typing import Features

__all__ = [
    "CLASSIFIERS",
    "DEFAULT_CLASSIFIER",
    "BoosterExtractor",
    "boosters_from_cues",
    "features",
]

CLASSIFIERS: tuple[str, ...] = ("rules", "model")
"""The booster classifiers: the hand-written context rules and the learned judge."""
DEFAULT_CLASSIFIER = "rules"
"""The classifier ``BoosterExtractor()`` uses (see the hedges and boosters explanation page)."""


class BoosterExtractor:
    """Boosting cues: certainty, universal and emphatic.

    Args:
        context_rules: Apply the context rules (the default); ``False``
            reports every lexicon match, whatever the classifier.
        classifier: ``"rules"`` keeps what the context rules accept;
            ``"model"`` lets the learned booster judge decide each lexicon
            match from its entry and context, and reports its
            probability as ``confidence`` with its reasons as ``evidence``.
            A booster under negation is a hedge either way.

    Raises:
        ConfigurationError: ``context_rules`` is not a bool, or
            ``classifier`` is not one of `CLASSIFIERS`.

    Added in version 0.1.0.
    """

    name = "boosters"

    def __init__(
        self, *, context_rules: bool = True, classifier: str = DEFAULT_CLASSIFIER
    ) -> None:
        self.context_rules = check_bool("context_rules", context_rules)
        if not isinstance(classifier, str) or classifier not in CLASSIFIERS:
            raise ConfigurationError(
                f"unknown classifier {classifier!r}; valid: {', '.join(CLASSIFIERS)}"
            )
        self.classifier = classifier

    def _judge(self) -> BoosterJudge | None:
        return builtin_judge() if self.classifier == "model" and self.context_rules else None

    def __call__(self, doc: Doc) -> tuple[Booster, ...]:
        cues = find_cues(doc, context_rules=self.context_rules, judge=self._judge())
        return boosters_from_cues(cues, sentence_offsets(doc) if cues else [])

    def from_text(self, text: str, sentence_starts: list[int]) -> tuple[Booster, ...]:
        """The same boosters as ``self(doc)`` for a default-pipeline ``Doc`` of ``text``."""
        cues = find_cues_in_text(
            text, sentence_starts, context_rules=self.context_rules, judge=self._judge()
        )
        return boosters_from_cues(cues, sentence_starts)

    @staticmethod
    def feature_columns() -> tuple[FeatureColumn, ...]:
        """Its columns of the feature rows (see the module's ``feature_columns``)."""
        return feature_columns()

    @staticmethod
    def features(result: tuple[Booster, ...], *, words: int, sentences: int) -> Features:
        """Its columns for ``result`` (see the module's ``features``)."""
        return features(result, words=words, sentences=sentences)

    def __repr__(self) -> str:
        if self.classifier == DEFAULT_CLASSIFIER:
            return f"BoosterExtractor(context_rules={self.context_rules!r})"
        return (
            f"BoosterExtractor(context_rules={self.context_rules!r}, "
            f"classifier={self.classifier!r})"
        )


def boosters_from_cues(cues: Iterable[Cue], sentence_starts: list[int]) -> tuple[Booster, ...]:
    """Turn the booster cues of a candidate pass into results.

    Added in version 0.1.0.
    """
    return results_from_cues(
        cues, sentence_starts, kind="booster", result=Booster, category=BoosterCategory
    )


def feature_columns() -> tuple[FeatureColumn, ...]:
    """The columns `features()` returns, in order: declared, not learned from a text."""
    return span_columns("boosters", "boosters_sentence_share", [c.value for c in BoosterCategory])


def features(result: tuple[Booster, ...], *, words: int, sentences: int | None = None) -> Features:
    """This extractor's columns of `rhetorika.to_features()`.

    ``boosters_count``, ``boosters_per_100_words``, per category
    ``boosters_<category>_count`` and ``boosters_<category>_per_100_words``,
    ``boosters_unquoted_count`` and ``boosters_sentence_share``.

    Added in version 0.1.0.
    """
    return span_features(
        "boosters",
        "boosters_sentence_share",
        result,
        [c.value for c in BoosterCategory],
        words=words,
        sentences=sentences,
    )
