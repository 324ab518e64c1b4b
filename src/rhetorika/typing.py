"""The extractor protocols, the feature-column declaration and type aliases.

An extractor is any callable with a ``name`` that takes a spaCy ``Doc`` and
returns its results. Third parties implement it without subclassing anything
and advertise a factory in the ``rhetorika.extractors`` entry-point group.
An extractor that also declares feature columns
([`FeatureExtractor`][rhetorika.typing.FeatureExtractor]) adds them to every feature row and table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, runtime_checkable

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "Extractor",
    "ExtractorFactory",
    "FeatureColumn",
    "FeatureExtractor",
    "FeatureValue",
    "Features",
    "TextExtractor",
]

FeatureValue = float | int | None
"""A value of a flat feature row: a count, a density, a score or undefined."""

Features = dict[str, FeatureValue]
"""A flat feature row, as `rhetorika.to_features()` returns it."""


@runtime_checkable
class Extractor(Protocol):
    """Finds one kind of rhetoric in a processed ``Doc``.

    ``name`` is the key of the results: a built-in name fills the
    [`Report`][rhetorika.Report] attribute of that name, any other name lands in
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

    When every extractor of an [`Analyzer`][rhetorika.Analyzer] on the default
    pipeline is one, the Analyzer skips spaCy's tokenizer altogether; the
    results are the same as through a ``Doc``, since the default pipeline's
    sentences come from the same rules.

    Added in version 0.1.0.
    """

    def from_text(self, text: str, sentence_starts: list[int]) -> Any:
        """Return the same results as ``self(doc)`` for a ``Doc`` of ``text``."""
        ...


class FeatureColumn(NamedTuple):
    """One declared column of a feature row.

    Attributes:
        name: The column name, unique across extractors (prefix it with the
            extractor's name).
        integer: ``True`` for a count, always an ``int``; ``False`` for a
            density or score, a ``float`` or ``None`` when undefined.

    Added in version 0.1.0.
    """

    name: str
    integer: bool = False


@runtime_checkable
class FeatureExtractor(Extractor, Protocol):
    """An extractor that contributes columns to `rhetorika.to_features()` and the tables.

    It declares its columns before anything is analysed, so tables know
    their schema up front, and computes them from its own result. A row
    whose columns differ from the declaration raises
    [`SchemaError`][rhetorika.SchemaError] in the tables.

    Added in version 0.1.0.
    """

    def feature_columns(self) -> tuple[FeatureColumn, ...]:
        """The columns `features()` returns, in order."""
        ...

    def features(self, result: Any, *, words: int, sentences: int) -> Features:
        """This extractor's columns for ``result``, in a text of ``words`` and ``sentences``."""
        ...


ExtractorFactory = Callable[[], Extractor]
"""What the ``rhetorika.extractors`` entry-point group advertises."""
