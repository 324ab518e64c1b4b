"""Feature tables as pyarrow Tables: ``rhetorika.features_table``.

For pipelines that want Arrow or Parquet without pandas. Needs pyarrow
(``pip install 'rhetorika[arrow]'``), imported only when called.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rhetorika._progress import total_of
from rhetorika._table import (
    FeatureSchema,
    check_on_missing,
    chunks,
    feature_rows,
    handle_missing,
    make_analyzer,
    schema_of,
)
from rhetorika.extra import require

if TYPE_CHECKING:
    from spacy.language import Language

    from rhetorika.typing import Extractor, Features

__all__ = ["arrow_schema", "features_table", "record_batch"]

CHUNK_ROWS = 10_000
"""Rows per record batch."""


def arrow_schema(schema: FeatureSchema, *, leading: Iterable[tuple[str, Any]] = ()) -> Any:
    """The pyarrow schema of a feature table: ``int64`` counts, nullable ``float64`` scores.

    ``leading`` adds (name, pyarrow type) columns before the features, such
    as a source or an id column.

    Added in version 0.1.0.
    """
    pa: Any = require("pyarrow", extra="arrow")
    fields = [pa.field(name, kind) for name, kind in leading]
    fields += [
        pa.field(column, pa.int64() if schema.is_integer(column) else pa.float64())
        for column in schema.columns
    ]
    return pa.schema(fields)


def record_batch(rows: list[Features], schema: FeatureSchema, arrow: Any) -> Any:
    """One pyarrow RecordBatch of ``rows`` with the ``arrow`` schema; ``None`` is null.

    Added in version 0.1.0.
    """
    pa: Any = require("pyarrow", extra="arrow")
    arrays = [
        pa.array([row[column] for row in rows], type=arrow.field(column).type)
        for column in schema.columns
    ]
    return pa.RecordBatch.from_arrays(arrays, schema=arrow)


def features_table(
    texts: Iterable[str],
    *,
    extractors: Iterable[str | Extractor] | None = None,
    n_process: int = 1,
    batch_size: int = 64,
    nlp: Language | None = None,
    on_missing: str = "error",
    progress: bool = False,
) -> Any:
    """Analyse ``texts`` into a ``pyarrow.Table`` with one row of features per text.

    The same columns, order and rows as [`rhetorika.features()`][rhetorika.features], for
    callers who want Arrow (or Parquet, Polars, DuckDB) without pandas.
    Counts are ``int64``; densities and scores are ``float64``, null where
    [`to_features()`][rhetorika.to_features] says ``None``: Arrow keeps "undefined"
    apart from NaN.

    Args:
        texts: The texts; any iterable, consumed lazily.
        extractors: Names from [`available_extractors()`][rhetorika.available_extractors] or
            extractor objects; ``None`` runs every built-in extractor.
        n_process: Worker processes (see [`rhetorika.Analyzer.pipe()`][rhetorika.Analyzer.pipe]).
        batch_size: Texts handed to the pipeline or a worker at once.
        nlp: A spaCy ``Language`` to use instead of the default pipeline.
        on_missing: What a missing text gets, as in [`rhetorika.features()`][rhetorika.features]
            (``"skip"`` leaves its row out).
        progress: Show a progress line on standard error (in a notebook too).

    Raises:
        MissingExtraError: pyarrow is not installed.
        ConfigurationError: ``on_missing`` is not one of the three choices.
        TypeError: An item is not a ``str`` (the message gives its index).

    Added in version 0.1.0.
    """
    pa: Any = require("pyarrow", extra="arrow")
    check_on_missing(on_missing)
    analyzer = make_analyzer(extractors, nlp)
    schema = schema_of(analyzer)
    arrow = arrow_schema(schema)
    rows = feature_rows(
        analyzer,
        handle_missing(texts, on_missing, []),
        schema=schema,
        batch_size=batch_size,
        n_process=n_process,
        progress=progress,
        total=total_of(texts),
    )
    batches = [record_batch(chunk, schema, arrow) for chunk in chunks(rows, CHUNK_ROWS)]
    return pa.Table.from_batches(batches, schema=arrow)
