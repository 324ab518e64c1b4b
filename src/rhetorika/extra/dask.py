"""Feature tables on a Dask cluster: a ``dask.bag`` of texts or a text column.

Needs Dask (``pip install 'rhetorika[dask]'``), imported only when called.

Each partition is analysed by a function that looks its Analyzer up in a
small module-level cache keyed by a token drawn once per call, so a worker
process builds the Analyzer from its configuration on its first partition
and reuses it for every later one, instead of one per text or per task. The
result's ``meta`` (columns and dtypes) is computed up front from the
configuration alone, so nothing is analysed until ``compute()``.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from rhetorika._table import FeatureSchema, feature_rows, make_analyzer, numpy_columns, schema_of
from rhetorika.analyzer import Analyzer
from rhetorika.exceptions import ArgumentTypeError, ConfigurationError
from rhetorika.extra import require

if TYPE_CHECKING:
    from spacy.language import Language

    from rhetorika.typing import Extractor

__all__ = ["analyzer_builds", "features_from_bag", "features_from_series", "meta_of"]

_CACHE_SIZE = 4
_analyzers: dict[str, tuple[Analyzer, FeatureSchema]] = {}
_lock = threading.Lock()
_builds = 0


def analyzer_builds() -> int:
    """How many Analyzers this process has built for Dask partitions (for tests).

    Added in version 0.1.0.
    """
    return _builds


@attrs.frozen
class _Job:
    """What every partition task receives: the Analyzer's configuration and a token.

    The configuration (extractor names and settings) is what Dask ships with
    each task; a worker builds the Analyzer from it only on its first task.
    """

    token: str
    state: dict[str, Any] = attrs.field(eq=False)

    def build(self) -> Analyzer:
        analyzer = Analyzer.__new__(Analyzer)
        analyzer.__setstate__(self.state)
        return analyzer


def _cached(job: _Job) -> tuple[Analyzer, FeatureSchema]:
    """The Analyzer of a job, kept once per process under the job's token."""
    global _builds
    with _lock:  # a worker may run several threads
        found = _analyzers.get(job.token)
        if found is None:
            analyzer = job.build()
            found = (analyzer, schema_of(analyzer))
            if len(_analyzers) >= _CACHE_SIZE:
                _analyzers.pop(next(iter(_analyzers)))
            _analyzers[job.token] = found
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


def _frame(texts: Iterable[str], job: _Job, index: Any = None) -> Any:
    """Analyse one partition's texts into a pandas DataFrame (runs on a worker)."""
    import pandas as pd

    analyzer, schema = _cached(job)
    rows = list(feature_rows(analyzer, texts, schema=schema, batch_size=64, n_process=1))
    if not rows:
        return _meta(schema, index)
    return pd.DataFrame(numpy_columns(rows, schema), columns=list(schema.columns), index=index)


def _partition_from_series(series: Any, job: _Job) -> Any:
    return _frame(series.tolist(), job, index=series.index)


def _partition_from_bag(texts: Iterable[str], job: _Job) -> Any:
    return _frame(list(texts), job)


def _job(extractors: Iterable[str | Extractor] | None, nlp: Language | None) -> _Job:
    if isinstance(extractors, str):
        raise ConfigurationError(
            f"extractors must be a list of names, not the string {extractors!r}; "
            f"did you mean [{extractors!r}]?"
        )
    return _Job(token=uuid.uuid4().hex, state=make_analyzer(extractors, nlp).__getstate__())


def features_from_series(
    texts: Any,
    *,
    extractors: Iterable[str | Extractor] | None = None,
    nlp: Language | None = None,
) -> Any:
    """Analyse a text column of a ``dask.dataframe`` into a Dask DataFrame of features.

    The result has the same partitions and index as ``texts``, so
    ``ddf.join(features_from_series(ddf["body"]))`` lines each row up with
    its features. Columns and dtypes are [`rhetorika.features()`][rhetorika.features]' (counts
    ``int64``, scores ``float64`` with NaN for undefined) and are known
    before computing.

    Args:
        texts: A ``dask.dataframe.Series`` of ``str``.
        extractors: Names from [`available_extractors()`][rhetorika.available_extractors];
            ``None`` runs every built-in extractor.
        nlp: A picklable spaCy ``Language`` to use instead of the default.

    Raises:
        MissingExtraError: Dask is not installed.
        ArgumentTypeError: ``texts`` is not a ``dask.dataframe.Series``
            (for a pandas Series, use [`rhetorika.features()`][rhetorika.features]).

    Added in version 0.1.0.
    """
    dd: Any = require("dask.dataframe", extra="dask")
    if not isinstance(texts, dd.Series):
        raise ArgumentTypeError(
            f"texts must be a dask.dataframe.Series, got {type(texts).__name__}; "
            f"for a pandas Series use rhetorika.features(texts)"
        )
    job = _job(extractors, nlp)
    meta = _meta(schema_of(job.build()))
    return texts.map_partitions(_partition_from_series, job, meta=meta)


def features_from_bag(
    texts: Any,
    *,
    extractors: Iterable[str | Extractor] | None = None,
    nlp: Language | None = None,
) -> Any:
    """Analyse a ``dask.bag`` of texts into a Dask DataFrame of features.

    One row per text, in the bag's order, one partition per bag partition;
    the index restarts at 0 in each partition, as ``Bag.to_dataframe``
    does. Columns and dtypes are [`rhetorika.features()`][rhetorika.features]'.

    Args:
        texts: A ``dask.bag.Bag`` of ``str``.
        extractors: Names from [`available_extractors()`][rhetorika.available_extractors];
            ``None`` runs every built-in extractor.
        nlp: A picklable spaCy ``Language`` to use instead of the default.

    Raises:
        MissingExtraError: Dask is not installed.
        ArgumentTypeError: ``texts`` is not a ``dask.bag.Bag``.

    Added in version 0.1.0.
    """
    dd: Any = require("dask.dataframe", extra="dask")
    delayed: Any = require("dask.delayed", extra="dask")
    bag: Any = require("dask.bag", extra="dask")
    if not isinstance(texts, bag.Bag):
        raise ArgumentTypeError(f"texts must be a dask.bag.Bag, got {type(texts).__name__}")
    job = _job(extractors, nlp)
    meta = _meta(schema_of(job.build()))
    parts = [delayed.delayed(_partition_from_bag)(part, job) for part in texts.to_delayed()]
    return dd.from_delayed(parts, meta=meta, verify_meta=False)
