"""Feature tables on a Dask cluster: a ``dask.bag`` of texts or a text column.

Needs Dask (``pip install 'rhetorika[dask]'``), imported only when called.

Each partition is analysed by a function that looks its Analyzer up in a
small module-level cache keyed by the Analyzer's pickled configuration, so
a worker process builds one Analyzer per configuration and reuses it for
every partition it receives, instead of one per text or per task. The
result's ``meta`` (columns and dtypes) is computed up front from the
configuration alone, so nothing is analysed until ``compute()``.
"""

from __future__ import annotations

import pickle
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rhetorika._table import FeatureSchema, feature_rows, make_analyzer, schema_of
from rhetorika.exceptions import ConfigurationError
from rhetorika.extra import require
from rhetorika.pipeline import Analyzer

if TYPE_CHECKING:
    from spacy.language import Language

    from rhetorika.typing import Extractor

__all__ = ["analyzer_builds", "features_from_bag", "features_from_series", "meta_of"]

_CACHE_SIZE = 4
_analyzers: dict[bytes, tuple[Analyzer, FeatureSchema]] = {}
_lock = threading.Lock()
_builds = 0


def analyzer_builds() -> int:
    """How many Analyzers this process has built for Dask partitions (for tests).

    Added in version 0.1.0.
    """
    return _builds


def _cached(config: bytes) -> tuple[Analyzer, FeatureSchema]:
    """The Analyzer for a pickled configuration, built once per process."""
    global _builds
    with _lock:  # a worker may run several threads
        found = _analyzers.get(config)
        if found is None:
            analyzer: Analyzer = pickle.loads(config)
            found = (analyzer, schema_of(analyzer))
            if len(_analyzers) >= _CACHE_SIZE:
                _analyzers.pop(next(iter(_analyzers)))
            _analyzers[config] = found
            _builds += 1
        return found


def meta_of(
    *, extractors: Iterable[str | Extractor] | None = None, nlp: Language | None = None
) -> Any:
    """The empty pandas DataFrame with the columns and dtypes of the feature table.

    Added in version 0.1.0.
    """
    require("pandas", extra="dask")
    return _meta(schema_of(make_analyzer(extractors, nlp)))


def _meta(schema: FeatureSchema, index: Any = None) -> Any:
    import numpy as np
    import pandas as pd

    return pd.DataFrame(
        {
            column: np.empty(0, dtype=np.int64 if schema.is_integer(column) else np.float64)
            for column in schema.columns
        },
        index=index,
    )


def _frame(texts: Iterable[str], config: bytes, index: Any = None) -> Any:
    """Analyse one partition's texts into a pandas DataFrame (runs on a worker)."""
    import pandas as pd

    from rhetorika._table import numpy_columns

    analyzer, schema = _cached(config)
    rows = list(feature_rows(analyzer, texts, schema=schema, batch_size=64, n_process=1))
    if not rows:
        return _meta(schema, index)
    return pd.DataFrame(numpy_columns(rows, schema), columns=list(schema.columns), index=index)


def _partition_from_series(series: Any, config: bytes) -> Any:
    return _frame(series.tolist(), config, index=series.index)


def _partition_from_bag(texts: Iterable[str], config: bytes) -> Any:
    return _frame(list(texts), config)


def _config(extractors: Iterable[str | Extractor] | None, nlp: Language | None) -> bytes:
    if isinstance(extractors, str):
        raise ConfigurationError(
            f"extractors must be a list of names, not the string {extractors!r}; "
            f"did you mean [{extractors!r}]?"
        )
    return pickle.dumps(make_analyzer(extractors, nlp))


def features_from_series(
    texts: Any,
    *,
    extractors: Iterable[str | Extractor] | None = None,
    nlp: Language | None = None,
) -> Any:
    """Analyse a text column of a ``dask.dataframe`` into a Dask DataFrame of features.

    The result has the same partitions and index as ``texts``, so
    ``ddf.join(features_from_series(ddf["body"]))`` lines each row up with
    its features. Columns and dtypes are :func:`rhetorika.features`' (counts
    ``int64``, scores ``float64`` with NaN for undefined) and are known
    before computing.

    Args:
        texts: A ``dask.dataframe.Series`` of ``str``.
        extractors: Names from :func:`~rhetorika.available_extractors`;
            ``None`` runs every built-in extractor.
        nlp: A picklable spaCy ``Language`` to use instead of the default.

    Raises:
        MissingExtraError: Dask is not installed.

    Added in version 0.1.0.
    """
    require("dask.dataframe", extra="dask")
    config = _config(extractors, nlp)
    meta = _meta(schema_of(pickle.loads(config)))
    return texts.map_partitions(_partition_from_series, config, meta=meta)


def features_from_bag(
    texts: Any,
    *,
    extractors: Iterable[str | Extractor] | None = None,
    nlp: Language | None = None,
) -> Any:
    """Analyse a ``dask.bag`` of texts into a Dask DataFrame of features.

    One row per text, in the bag's order, one partition per bag partition;
    the index restarts at 0 in each partition, as ``Bag.to_dataframe``
    does. Columns and dtypes are :func:`rhetorika.features`'.

    Args:
        texts: A ``dask.bag.Bag`` of ``str``.
        extractors: Names from :func:`~rhetorika.available_extractors`;
            ``None`` runs every built-in extractor.
        nlp: A picklable spaCy ``Language`` to use instead of the default.

    Raises:
        MissingExtraError: Dask is not installed.

    Added in version 0.1.0.
    """
    dd: Any = require("dask.dataframe", extra="dask")
    delayed: Any = require("dask.delayed", extra="dask")
    config = _config(extractors, nlp)
    meta = _meta(schema_of(pickle.loads(config)))
    parts = [delayed.delayed(_partition_from_bag)(part, config) for part in texts.to_delayed()]
    return dd.from_delayed(parts, meta=meta, verify_meta=False)
