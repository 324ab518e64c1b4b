"""A third-party extractor, as a plug-in package would ship it (used by test_extractors)."""

from __future__ import annotations

from spacy.tokens import Doc

from rhetorika.typing import FeatureColumn, Features


class ExclamationCounter:
    """Counts exclamation marks: the smallest useful extractor, with one feature column."""

    name = "exclamations"

    def __call__(self, doc: Doc) -> int:
        return sum(1 for token in doc if token.text == "!")

    def feature_columns(self) -> tuple[FeatureColumn, ...]:
        """Declares its columns, so every feature table has them."""
        return (FeatureColumn("exclamations_count", integer=True),)

    def features(self, result: int, *, words: int, sentences: int) -> Features:
        """Its columns for ``result``."""
        return {"exclamations_count": result}


class TextExclamationCounter(ExclamationCounter):
    """The same count from the text alone, so an Analyzer may skip the tokenizer."""

    name = "text_exclamations"

    def from_text(self, text: str, sentence_starts: list[int]) -> int:
        """Counts ``!`` as the tokenizer splits it: every one is a token of its own."""
        return text.count("!")

    def feature_columns(self) -> tuple[FeatureColumn, ...]:
        """Declares its columns, so every feature table has them."""
        return (FeatureColumn("text_exclamations_count", integer=True),)

    def features(self, result: int, *, words: int, sentences: int) -> Features:
        """Its columns for ``result``."""
        return {"text_exclamations_count": result}


def make() -> ExclamationCounter:
    """The factory the entry point names."""
    return ExclamationCounter()
