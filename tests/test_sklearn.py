"""Tests for the scikit-learn transformer RhetoricFeatures.

scikit-learn's ``check_estimator`` feeds numeric matrices, which a text
transformer cannot take; with our tags (string input, no 2-D numeric
arrays) it skips every check. So the checks that do not depend on numeric
input run here one by one, and the numeric ones are restated on texts:
fit returns self, fit is idempotent, transform does not change the
estimator, rows are invariant to sample order and subsets, pickling and
cloning keep the output, unfitted use raises NotFittedError.
"""

from __future__ import annotations

import math
import pickle
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.base import clone
from sklearn.compose import ColumnTransformer
from sklearn.exceptions import NotFittedError
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.utils import estimator_checks

import rhetorika
from rhetorika import MissingExtraError, RhetoricFeatures

from .strategies import SEED, english_text

EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples" / "hedged_vs_assertive.csv"
TEXTS = ["It may rain, perhaps.", "", "Clearly the sun is up.", SEED[:400]]

APPLICABLE_CHECKS = [
    "check_no_attributes_set_in_init",
    "check_parameters_default_constructible",
    "check_get_params_invariance",
    "check_set_params",
    "check_estimator_cloneable",
    "check_estimator_repr",
    "check_estimator_tags_renamed",
    "check_valid_tag_types",
    "check_mixin_order",
    "check_do_not_raise_errors_in_init_or_set_params",
    "check_transformers_unfitted",
    "check_get_feature_names_out_error",
]


@pytest.mark.parametrize("check", APPLICABLE_CHECKS)
def test_scikit_learn_checks_that_apply_to_text(check: str) -> None:
    """Each of scikit-learn's input-independent estimator checks passes."""
    getattr(estimator_checks, check)("RhetoricFeatures", RhetoricFeatures())


def test_matrix_equals_features_with_nan_for_undefined() -> None:
    """transform gives float64 rows equal to rhetorika.features, None as NaN."""
    matrix = RhetoricFeatures().fit_transform(TEXTS)
    frame = rhetorika.features(TEXTS)
    assert np.float64 == matrix.dtype
    np.testing.assert_array_equal(frame.to_numpy(dtype=np.float64), matrix)
    assert math.isnan(matrix[1, list(frame.columns).index("readability_flesch_reading_ease")])


def test_feature_names_are_the_to_features_columns() -> None:
    """get_feature_names_out lists the to_features columns in order."""
    names = RhetoricFeatures(extractors=["readability"]).fit(TEXTS).get_feature_names_out()
    report = rhetorika.analyze(SEED, extractors=["readability"])
    assert list(rhetorika.to_features(report)) == list(names)


def test_fit_returns_self_and_is_idempotent() -> None:
    """fit returns the estimator, and fitting twice changes nothing."""
    transformer = RhetoricFeatures()
    assert transformer is transformer.fit(TEXTS)
    first = transformer.transform(TEXTS)
    np.testing.assert_array_equal(first, transformer.fit(TEXTS[:1]).transform(TEXTS))


def test_transform_leaves_the_estimator_unchanged() -> None:
    """transform changes no attribute (scikit-learn's check_dict_unchanged, on text)."""
    transformer = RhetoricFeatures().fit(TEXTS)
    before = pickle.dumps(transformer.__dict__)
    transformer.transform(TEXTS)
    assert before == pickle.dumps(transformer.__dict__)


@given(st.lists(english_text, min_size=1, max_size=6), st.randoms())
@settings(max_examples=20)
def test_rows_do_not_depend_on_order_or_subset(texts: list[str], random: object) -> None:
    """A row depends on its text alone: shuffling or subsetting the input permutes rows."""
    transformer = RhetoricFeatures().fit(texts)
    full = transformer.transform(texts)
    order = list(range(len(texts)))
    random.shuffle(order)  # type: ignore[attr-defined]
    shuffled = transformer.transform([texts[i] for i in order])
    np.testing.assert_array_equal(full[order], shuffled)
    np.testing.assert_array_equal(full[1:], transformer.transform(texts[1:]))


def test_unfitted_transform_raises_not_fitted() -> None:
    """transform before fit raises NotFittedError."""
    with pytest.raises(NotFittedError):
        RhetoricFeatures().transform(TEXTS)


def test_clone_and_pickle_keep_parameters_and_output() -> None:
    """A clone has the same parameters; a pickled fitted one gives the same matrix."""
    transformer = RhetoricFeatures(extractors=["readability"], batch_size=3)
    assert transformer.get_params() == clone(transformer).get_params()
    fitted = transformer.fit(TEXTS)
    restored = pickle.loads(pickle.dumps(fitted))
    np.testing.assert_array_equal(fitted.transform(TEXTS), restored.transform(TEXTS))


@pytest.mark.parametrize(
    "X",
    [
        np.array(TEXTS, dtype=object),
        pd.Series(TEXTS),
        np.array(TEXTS, dtype=object).reshape(-1, 1),
        pd.DataFrame({"text": TEXTS}),
    ],
    ids=["1d-array", "series", "2d-one-column", "frame-one-column"],
)
def test_accepts_one_column_of_texts_in_any_shape(X: object) -> None:
    """1-D arrays, Series and one-column 2-D inputs all give the list's matrix."""
    expected = RhetoricFeatures().fit_transform(TEXTS)
    np.testing.assert_array_equal(expected, RhetoricFeatures().fit_transform(X))


@pytest.mark.parametrize(
    "X",
    [pd.DataFrame({"a": ["x"], "b": ["y"]}), np.array([["x", "y"]], dtype=object), "one text"],
    ids=["two-columns", "2d-two-columns", "bare-str"],
)
def test_refuses_more_than_one_column_or_a_bare_string(X: object) -> None:
    """Two columns or a single str are refused with a message saying what to pass."""
    with pytest.raises(ValueError, match=r"column|list"):
        RhetoricFeatures().fit(X)


@pytest.mark.parametrize("params", [{"n_process": 0}, {"batch_size": "8"}, {"extractors": "x"}])
def test_bad_parameters_fail_at_fit(params: dict[str, object]) -> None:
    """Invalid parameters are accepted by __init__ (sklearn's contract) and refused by fit."""
    with pytest.raises(ValueError, match="must be"):
        RhetoricFeatures(**params).fit(TEXTS)  # type: ignore[arg-type]


def test_pipeline_fits_and_beats_the_majority_class() -> None:
    """In a Pipeline with an imputer and a classifier, it fits the tutorial's sentences."""
    data = pd.read_csv(EXAMPLES)
    model = make_pipeline(
        RhetoricFeatures(),
        SimpleImputer(keep_empty_features=True),
        LogisticRegression(max_iter=2000),
    )
    model.fit(data["text"], data["label"])
    assert {"hedged", "assertive"} >= set(model.predict(data["text"]))
    assert model.score(data["text"], data["label"]) > 0.5


def test_column_transformer_with_a_text_column() -> None:
    """In a ColumnTransformer, one named text column becomes prefixed feature columns."""
    frame = pd.DataFrame({"body": TEXTS, "year": [2020, 2021, 2022, 2023]})
    columns = ColumnTransformer(
        [("rhetoric", RhetoricFeatures(extractors=["readability"]), "body")],
        remainder="passthrough",
    )
    out = columns.fit_transform(frame)
    names = list(columns.get_feature_names_out())
    assert "rhetoric__text_words" == names[2]
    assert "remainder__year" == names[-1]
    assert (len(TEXTS), len(names)) == out.shape


def test_set_output_pandas_keeps_index_and_names() -> None:
    """set_output(transform="pandas") gives a DataFrame with the feature names and index."""
    texts = pd.Series(TEXTS, index=[10, 11, 12, 13])
    out = RhetoricFeatures().set_output(transform="pandas").fit_transform(texts)
    assert [10, 11, 12, 13] == list(out.index)
    assert "text_characters" == out.columns[0]


def test_two_processes_give_the_same_matrix() -> None:
    """n_process=2 gives the same matrix as one process."""
    texts = [SEED[: 50 * i] for i in range(20)]
    np.testing.assert_array_equal(
        RhetoricFeatures().fit_transform(texts),
        RhetoricFeatures(n_process=2, batch_size=3).fit_transform(texts),
    )


def test_missing_scikit_learn_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without scikit-learn, using rhetorika.RhetoricFeatures raises naming the sklearn extra."""
    monkeypatch.setitem(sys.modules, "sklearn", None)
    monkeypatch.delitem(sys.modules, "rhetorika.extra.sklearn")
    monkeypatch.delitem(vars(rhetorika), "RhetoricFeatures", raising=False)
    with pytest.raises(MissingExtraError, match=r"pip install 'rhetorika\[sklearn\]'"):
        rhetorika.RhetoricFeatures()  # the name resolves to a stand-in (#15); using it raises
