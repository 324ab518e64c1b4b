"""Feature rows for many texts, with a column schema fixed before the first row.

The table adapters (pandas, pyarrow, scikit-learn, Dask, the ``features``
command) all need the same two things: the columns and their types before
any text is analysed (a Dask ``meta``, a Parquet schema, a CSV header), and
the rows, streamed in input order without holding the corpus in memory.
Both live here, free of any optional dependency.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, Any

import attrs

from rhetorika._checks import check_count, check_texts
from rhetorika._parallel import parallel_map
from rhetorika._progress import counted, total_of
from rhetorika.analyzer import Analyzer
from rhetorika.exceptions import ConfigurationError, SchemaError
from rhetorika.extractors import BUILTIN_FIELDS
from rhetorika.serialize import feature_columns, to_features

if TYPE_CHECKING:
    import numpy as np
    from spacy.language import Language

    from rhetorika.typing import Extractor, Features

__all__ = [
    "ON_MISSING",
    "FeatureSchema",
    "check_on_missing",
    "chunks",
    "columns_of",
    "feature_rows",
    "handle_missing",
    "make_analyzer",
    "numpy_columns",
    "schema_of",
]


@attrs.frozen(kw_only=True)
class FeatureSchema:
    """The columns of an Analyzer's feature rows, in order, and which hold integers.

    Both come from the extractors' declarations
    (`rhetorika.serialize.feature_columns()`): integer columns are counts;
    every other column is a float column that may be undefined (densities
    and scores: ``None`` in a row, NaN in a float array, null in Arrow).
    """

    columns: tuple[str, ...]
    integer_columns: frozenset[str]

    def is_integer(self, column: str) -> bool:
        """Whether ``column`` holds counts (never undefined)."""
        return column in self.integer_columns

    def check(self, row: Features, index: int) -> None:
        """Raise `SchemaError` if ``row`` has other columns or a non-int count.

        Built-in extractors keep their declarations (the tests check it); a
        third-party extractor whose ``features`` returns other columns than
        its ``feature_columns`` declares, or a non-int count, is caught here.
        """
        if tuple(row) != self.columns:
            raise SchemaError(
                f"text at index {index}: feature columns {list(row)} differ from "
                f"the expected {list(self.columns)}"
            )
        for column in self.integer_columns:
            value = row[column]
            if not isinstance(value, int) or isinstance(value, bool):
                raise SchemaError(
                    f"text at index {index}: column {column!r} should hold an int, got {value!r}"
                )


def schema_of(analyzer: Analyzer) -> FeatureSchema:
    """The columns ``analyzer``'s reports flatten into, from its extractors' declarations."""
    columns = feature_columns(analyzer.extractors)
    names = tuple(column.name for column in columns)
    if len(set(names)) != len(names):
        repeated = sorted({name for name in names if names.count(name) > 1})
        raise SchemaError(f"feature columns declared twice: {', '.join(repeated)}")
    integers = frozenset(column.name for column in columns if column.integer)
    return FeatureSchema(columns=names, integer_columns=integers)


def columns_of(analyzer: Analyzer) -> tuple[str, ...]:
    """The feature columns of ``analyzer``, in order."""
    return schema_of(analyzer).columns


def feature_rows(
    analyzer: Analyzer,
    texts: Iterable[str],
    *,
    schema: FeatureSchema,
    batch_size: int,
    n_process: int,
    progress: bool = False,
    total: int | None = None,
) -> Generator[Features, None, None]:
    """Yield one checked feature row per text, in input order, lazily.

    With ``n_process > 1`` the rows are computed in the workers, so only
    small dicts of numbers travel back, not whole reports. ``progress``
    shows a progress line on standard error, with ``total`` texts when known.
    """
    check_texts("texts", texts)
    check_count("batch_size", batch_size)
    check_count("n_process", n_process)
    rows = _rows(analyzer, texts, batch_size=batch_size, n_process=n_process)
    if progress:
        rows = counted(rows, total=total if total is not None else total_of(texts))
    return _checked(rows, schema)


def _rows(
    analyzer: Analyzer, texts: Iterable[str], *, batch_size: int, n_process: int
) -> Iterator[Features]:
    # The third-party extractors travel with the function that runs in the
    # workers; the built-in ones need not.
    plugins = tuple(e for e in analyzer.extractors if e.name not in BUILTIN_FIELDS)
    row_of = partial(to_features, extractors=plugins)
    if n_process == 1:
        for report in analyzer.pipe(texts, batch_size=batch_size):
            yield row_of(report)
        return
    yield from parallel_map(analyzer, texts, row_of, batch_size=batch_size, n_process=n_process)


def _checked(rows: Iterator[Features], schema: FeatureSchema) -> Generator[Features, None, None]:
    for index, row in enumerate(rows):
        schema.check(row, index)
        yield row


ON_MISSING = ("error", "empty", "skip")
"""Valid values of the table functions' ``on_missing``."""


def _is_missing(value: object) -> bool:
    """None, a float NaN (pandas' empty cell) or ``pandas.NA``."""
    if value is None or (isinstance(value, float) and value != value):
        return True
    return type(value).__name__ == "NAType"


def check_on_missing(on_missing: str) -> None:
    """Raise `ConfigurationError` listing the choices for a bad ``on_missing``."""
    if on_missing not in ON_MISSING:
        raise ConfigurationError(
            f"on_missing must be one of {', '.join(map(repr, ON_MISSING))}, got {on_missing!r}"
        )


def handle_missing(texts: Iterable[object], on_missing: str, kept: list[int]) -> Iterator[str]:
    """``texts`` with missing ones (None, NaN, ``pandas.NA``) handled, lazily.

    ``error`` stops with a ``TypeError`` naming the index and the options;
    ``empty`` analyses a missing text as ``""``; ``skip`` leaves it out.
    The position of every text that is kept is appended to ``kept``, so a
    caller can align rows with its input (a Series' index).

    Raises:
        ArgumentTypeError: at the call, ``texts`` is one ``str`` or not iterable.
    """
    check_texts("texts", texts)
    return _handled(texts, on_missing, kept)


def _handled(texts: Iterable[object], on_missing: str, kept: list[int]) -> Iterator[str]:
    for position, text in enumerate(texts):
        if _is_missing(text):
            if on_missing == "skip":
                continue
            if on_missing == "error":
                raise TypeError(
                    f"text at index {position} is missing ({text!r}); pass "
                    "on_missing='empty' to analyse it as an empty text, or "
                    "on_missing='skip' to leave its row out"
                )
            text = ""
        kept.append(position)
        yield text  # type: ignore[misc]


def make_analyzer(extractors: Iterable[str | Extractor] | None, nlp: Language | None) -> Analyzer:
    """The Analyzer behind a table function's ``extractors`` and ``nlp`` options."""
    return Analyzer(extractors=extractors, nlp=nlp)


def chunks(rows: Iterable[Features], size: int) -> Iterator[list[Features]]:
    """Group ``rows`` into lists of at most ``size``, lazily."""
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def numpy_columns(rows: list[Features], schema: FeatureSchema) -> dict[str, np.ndarray[Any, Any]]:
    """One numpy array per column: ``int64`` counts, ``float64`` with NaN for ``None``."""
    import numpy as np

    out: dict[str, np.ndarray[Any, Any]] = {}
    for column in schema.columns:
        values = [row[column] for row in rows]
        if schema.is_integer(column):
            out[column] = np.array(values, dtype=np.int64)
        else:
            out[column] = np.array(
                [np.nan if value is None else value for value in values], dtype=np.float64
            )
    return out
