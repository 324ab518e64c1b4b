"""A scikit-learn transformer from texts to rhetoric features: ``RhetoricFeatures``.

Needs scikit-learn (``pip install 'rhetorika[sklearn]'``). Importing this
module imports scikit-learn, because the class derives from its
``BaseEstimator``; ``rhetorika.RhetoricFeatures`` does so only on first use.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rhetorika._table import FeatureSchema, feature_rows, make_analyzer, schema_of
from rhetorika.exceptions import ConfigurationError
from rhetorika.extra import require

require("sklearn", extra="sklearn")

import numpy as np  # noqa: E402
from sklearn.base import BaseEstimator, TransformerMixin  # noqa: E402
from sklearn.utils.validation import check_is_fitted  # noqa: E402

__all__ = ["RhetoricFeatures"]


def _texts(X: Any) -> list[str]:
    """Accept a 1-D sequence of texts or a 2-D table with exactly one text column."""
    if hasattr(X, "iloc") and getattr(X, "ndim", 1) == 2:  # pandas DataFrame
        if X.shape[1] != 1:
            raise ValueError(
                f"expected one column of texts, got {X.shape[1]} columns; "
                "select the text column (in a ColumnTransformer, name one column)"
            )
        X = X.iloc[:, 0]
    elif isinstance(X, np.ndarray) and X.ndim == 2:
        if X.shape[1] != 1:
            raise ValueError(f"expected one column of texts, got an array of shape {X.shape}")
        X = X[:, 0]
    elif isinstance(X, str):
        raise ValueError("expected a sequence of texts, got a single str; wrap it in a list")
    elif isinstance(X, np.ndarray) and X.ndim != 1:
        raise ValueError(f"expected one column of texts, got an array of shape {X.shape}")
    return list(X)


class RhetoricFeatures(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Turn a column of texts into rhetorika's feature matrix.

    A stateless transformer: ``fit`` learns nothing from the data, it only
    fixes the output columns, which depend on the extractors alone. The
    matrix is ``float64`` and its columns are [`rhetorika.to_features()`][rhetorika.to_features]'
    columns in order (`get_feature_names_out()`). Values that
    ``to_features`` leaves undefined (``None``, e.g. a readability score of
    a text with no sentences) are NaN, so follow it with an imputer, or a
    model that accepts NaN, when texts can be empty.

    Input is a list or 1-D array of ``str``, a pandas ``Series``, or a 2-D
    array or DataFrame with exactly one column, which is what a
    ``ColumnTransformer`` passes. It clones, pickles (configuration only)
    and supports ``set_output(transform="pandas")``.

    scikit-learn's ``check_estimator`` feeds numeric matrices, which a text
    transformer cannot take, so its tags declare string input and the
    checks that do not depend on numeric data are run one by one in
    rhetorika's tests; the others (fit idempotence, order and subset
    invariance, pickling) are restated there on texts.

    Args:
        extractors: Names from [`available_extractors()`][rhetorika.available_extractors];
            ``None`` runs every built-in extractor.
        n_process: Worker processes for ``transform``.
        batch_size: Texts handed to the pipeline or a worker at once.

    Added in version 0.1.0.
    """

    def __init__(
        self,
        *,
        extractors: Sequence[str] | None = None,
        n_process: int = 1,
        batch_size: int = 64,
    ) -> None:
        # scikit-learn's contract: store parameters untouched, validate in fit.
        self.extractors = extractors
        self.n_process = n_process
        self.batch_size = batch_size

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.one_d_array = True
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.transformer_tags.preserves_dtype = []
        return tags

    def _schema(self) -> FeatureSchema:
        if isinstance(self.extractors, str):
            raise ConfigurationError(
                f"extractors must be a list of names, not the string {self.extractors!r}; "
                f"did you mean [{self.extractors!r}]?"
            )
        for name in ("n_process", "batch_size"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigurationError(f"{name} must be an int of at least 1, got {value!r}")
        return schema_of(make_analyzer(self.extractors, None))

    def fit(self, X: Any, y: Any = None) -> RhetoricFeatures:
        """Check the parameters and the input, and fix the output columns.

        Args:
            X: The texts (see the class description for accepted shapes).
            y: Ignored; accepted so the transformer fits in a ``Pipeline``.
        """
        _texts(X)
        self.feature_names_out_ = np.asarray(self._schema().columns, dtype=object)
        return self

    def transform(self, X: Any) -> np.ndarray[Any, Any]:
        """Analyse each text into one row of the ``float64`` feature matrix.

        Raises:
            NotFittedError: ``fit`` was not called.
            TypeError: An item is not a ``str`` (the message gives its index).
        """
        check_is_fitted(self, "feature_names_out_")
        texts = _texts(X)
        analyzer = make_analyzer(self.extractors, None)
        schema = schema_of(analyzer)
        out = np.empty((len(texts), len(schema.columns)), dtype=np.float64)
        rows = feature_rows(
            analyzer, texts, schema=schema, batch_size=self.batch_size, n_process=self.n_process
        )
        for index, row in enumerate(rows):
            out[index] = [np.nan if value is None else value for value in row.values()]
        return out

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray[Any, Any]:
        """The output column names: `rhetorika.to_features()`' keys, in order."""
        check_is_fitted(self, "feature_names_out_")
        names: np.ndarray[Any, Any] = self.feature_names_out_.copy()
        return names
