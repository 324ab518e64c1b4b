"""A third-party extractor, as a plug-in package would ship it (used by test_extractors)."""

from __future__ import annotations

from spacy.tokens import Doc


class ExclamationCounter:
    """Counts exclamation marks: the smallest useful extractor."""

    name = "exclamations"

    def __call__(self, doc: Doc) -> int:
        return sum(1 for token in doc if token.text == "!")


def make() -> ExclamationCounter:
    """The factory the entry point names."""
    return ExclamationCounter()
