"""Feature tables as pandas DataFrames: ``rhetorika.features``.

Needs pandas (``pip install 'rhetorika[pandas]'``), imported only when called.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rhetorika._progress import total_of
from rhetorika._table import (
    check_on_missing,
    chunks,
    feature_rows,
    handle_missing,
    make_analyzer,
    numpy_columns,
    schema_of,
)
from rhetorika.extra import require

if TYPE_CHECKING:
    import pandas as pd
    from spacy.language import Language

    from rhetorika.typing import Extractor

__all__ = ["features"]

CHUNK_ROWS = 10_000
"""Rows turned into numpy arrays at a time, so no corpus-sized list of dicts is kept."""


def features(
    texts: Iterable[str],
    *,
    extractors: Iterable[str | Extractor] | None = None,
    n_process: int = 1,
    batch_size: int = 64,
    nlp: Language | None = None,
    on_missing: str = "error",
    progress: bool = False,
) -> pd.DataFrame:
    """Analyse ``texts`` into a DataFrame with one row of features per text.

    The columns are [`rhetorika.to_features()`][rhetorika.to_features]' columns, in the same
    order (see the feature reference), and they are the same for every
    text, so the frame has them even when ``texts`` is empty. Counts are
    ``int64``; densities and scores are ``float64``, with NaN where
    [`to_features()`][rhetorika.to_features] says ``None`` (undefined, e.g. a
    reading-ease score of a text without sentences).

    Rows come in input order. A pandas ``Series`` keeps its index, so the
    result joins back onto the frame the texts came from.

    Args:
        texts: The texts; any iterable, consumed lazily.
        extractors: Names from [`available_extractors()`][rhetorika.available_extractors] or
            extractor objects; ``None`` runs every built-in extractor.
        n_process: Worker processes (see [`rhetorika.Analyzer.pipe()`][rhetorika.Analyzer.pipe]).
        batch_size: Texts handed to the pipeline or a worker at once.
        nlp: A spaCy ``Language`` to use instead of the default pipeline.
        on_missing: What a missing text (``None``, NaN, ``pandas.NA``) gets:
            ``"error"`` stops with a ``TypeError`` naming its index;
            ``"empty"`` analyses it as ``""``; ``"skip"`` leaves its row
            out, and the rows of a Series keep their own index labels.
        progress: Show a progress line on standard error (in a notebook too).

    Raises:
        MissingExtraError: pandas is not installed.
        ConfigurationError: ``on_missing`` is not one of the three choices.
        TypeError: An item is not a ``str`` (the message gives its index).

    Added in version 0.1.0.
    """
    pandas: Any = require("pandas", extra="pandas")
    import numpy as np

    check_on_missing(on_missing)
    analyzer = make_analyzer(extractors, nlp)
    schema = schema_of(analyzer)
    kept: list[int] = []
    rows = feature_rows(
        analyzer,
        handle_missing(texts, on_missing, kept),
        schema=schema,
        batch_size=batch_size,
        n_process=n_process,
        progress=progress,
        total=total_of(texts),
    )
    parts = [numpy_columns(chunk, schema) for chunk in chunks(rows, CHUNK_ROWS)]
    data = {
        column: (
            np.concatenate([part[column] for part in parts])
            if parts
            else np.empty(0, dtype=np.int64 if schema.is_integer(column) else np.float64)
        )
        for column in schema.columns
    }
    index = texts.index[kept] if isinstance(texts, pandas.Series) else None
    frame: pd.DataFrame = pandas.DataFrame(data, columns=list(schema.columns), index=index)
    return frame
