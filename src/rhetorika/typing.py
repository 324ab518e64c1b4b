"""The extractor protocol and type aliases.

An extractor is any callable with a ``name`` that takes a spaCy ``Doc`` and
returns its results. Third parties implement it without subclassing anything
and advertise a factory in the ``rhetorika.extractors`` entry-point group.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Extractor", "ExtractorFactory", "FeatureValue", "Features", "TextExtractor"]

FeatureValue = float | int | None
"""A value of a flat feature row: a count, a density, a score or undefined."""

Features = dict[str, FeatureValue]
"""A flat feature row, as :func:`rhetorika.to_features` returns it."""


@runtime_checkable
class Extractor(Protocol):
    """Finds one kind of rhetoric in a processed ``Doc``.

    ``name`` is the key of the results: a built-in name fills the
    :class:`~rhetorika.Report` attribute of that name, any other name lands in
    ``Report.extensions``. Calling it must not modify the ``Doc``'s text or
    tokens, and the same ``Doc`` must give the same results every time.

    Added in version 0.1.0.
    """

    name: str

    def __call__(self, doc: Doc) -> Any:
        """Return this extractor's results for ``doc``."""
        ...


@runtime_checkable
class TextExtractor(Extractor, Protocol):
    """An extractor that needs only the text and its sentence starts, no tokens.

    When every extractor of an :class:`~rhetorika.Analyzer` on the default
    pipeline is one, the Analyzer skips spaCy's tokenizer altogether; the
    results are the same as through a ``Doc``, since the default pipeline's
    sentences come from the same rules.

    Added in version 0.1.0.
    """

    def from_text(self, text: str, sentence_starts: list[int]) -> Any:
        """Return the same results as ``self(doc)`` for a ``Doc`` of ``text``."""
        ...


ExtractorFactory = Callable[[], Extractor]
"""What the ``rhetorika.extractors`` entry-point group advertises."""
