"""The one reader of the learned models' weight files: every malformed file fails alike."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rhetorika.data._model_file import (
    described_weights,
    finite_number,
    logistic,
    model_version,
    parse_model_json,
    probability_threshold,
    read_builtin_model,
)
from rhetorika.exceptions import LexiconFormatError
from rhetorika.extractors._booster_judge import JUDGE_FILE, judge_from_json
from rhetorika.extractors._quote_model import MODEL_FILE, model_from_json

HEADER = {"format": "rhetorika-test", "name": "test", "version": 2}


def test_bad_json_names_the_file_and_line() -> None:
    """A weights file that is not JSON names its path and the line of the fault."""
    with pytest.raises(LexiconFormatError) as caught:
        parse_model_json('{\n "format": \n}', path="broken.json")
    assert ("broken.json", 3) == (caught.value.path, caught.value.line)


@pytest.mark.parametrize("text", ["[]", "1", '"text"', "null"])
def test_top_level_must_be_an_object(text: str) -> None:
    """JSON that is not an object is refused, naming the top level."""
    with pytest.raises(LexiconFormatError, match=r"^m\.json: field '\(top level\)'"):
        parse_model_json(text, path="m.json")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"format": "rhetorika-other"}, "format"),
        ({"name": "other"}, "name"),
        ({"version": 0}, "version"),
        ({"version": True}, "version"),
        ({"version": "2"}, "version"),
        ({"version": None}, "version"),
    ],
)
def test_header_faults_name_their_field(change: dict[str, object], field: str) -> None:
    """A wrong format, name or version is refused, naming that field."""
    with pytest.raises(LexiconFormatError, match=rf"^m\.json: field '{field}'"):
        model_version(
            {**HEADER, **change}, path="m.json", file_format="rhetorika-test", name="test"
        )


def test_a_good_header_gives_its_version() -> None:
    """The version of a well-formed header is returned; no name check when none is asked."""
    assert 2 == model_version(HEADER, path="m.json", file_format="rhetorika-test", name="test")
    assert 2 == model_version(
        {**HEADER, "name": "x"}, path="m.json", file_format="rhetorika-test", name=None
    )


@pytest.mark.parametrize("value", [True, None, "1", math.nan, math.inf, -math.inf, [1.0]])
def test_only_finite_numbers_are_numbers(value: object) -> None:
    """Bools, strings, NaN and infinities are not weights."""
    with pytest.raises(LexiconFormatError, match=r"field 'w'"):
        finite_number(value, path="m.json", field="w")


@pytest.mark.parametrize("value", [0, 1, 0.0, 1.0, -0.5, 2])
def test_thresholds_lie_strictly_between_0_and_1(value: float) -> None:
    """A threshold of 0, 1 or outside is refused."""
    with pytest.raises(LexiconFormatError, match=r"field 'threshold'"):
        probability_threshold(value, path="m.json", field="threshold")


def _weights(data: dict[str, object]) -> tuple[dict[str, float], dict[str, str]]:
    return described_weights(
        data,
        path="m.json",
        known={"bias", "a"}.__contains__,
        weight=lambda value, field: finite_number(value, path="m.json", field=field),
    )


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"weights": {"bias": 0.0}}, "features"),
        ({"features": {}, "weights": {"bias": 0.0}}, "features"),
        ({"features": {"bias": "always"}}, "weights"),
        ({"features": {"a": "a"}, "weights": {"a": 1.0}}, "weights"),
        ({"features": {"bias": "always"}, "weights": {"bias": 0.0, "b": 1.0}}, "weights.b"),
        ({"features": {"bias": "always"}, "weights": {"bias": 0.0, "a": 1.0}}, "features.a"),
        ({"features": {"bias": ""}, "weights": {"bias": 0.0}}, "features.bias"),
        ({"features": {"bias": "always"}, "weights": {"bias": "x"}}, "weights.bias"),
    ],
)
def test_weight_faults_name_their_field(data: dict[str, object], field: str) -> None:
    """Missing features or bias, an unknown or undescribed feature: each names its field."""
    with pytest.raises(LexiconFormatError, match=rf"^m\.json: field '{field}'"):
        _weights(data)


def test_described_weights_pairs_each_weight_with_its_words() -> None:
    """A good file gives each feature's weight and its description."""
    data = {"features": {"bias": "always", "a": "the letter a"}, "weights": {"bias": -1, "a": 2}}
    assert ({"bias": -1.0, "a": 2.0}, {"bias": "always", "a": "the letter a"}) == _weights(data)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_logistic_is_a_probability_for_any_score(score: float) -> None:
    """The logistic function never overflows and stays in [0, 1], symmetric about 0."""
    p = logistic(score)
    assert 0.0 <= p <= 1.0
    assert math.isclose(p + logistic(-score), 1.0, abs_tol=1e-12)


@pytest.mark.parametrize(
    ("filename", "reader"), [(JUDGE_FILE, judge_from_json), (MODEL_FILE, model_from_json)]
)
def test_shipped_files_name_their_package_path(filename: str, reader: object) -> None:
    """A shipped weights file is read from the package and errors name rhetorika/data/."""
    text, path = read_builtin_model(filename)
    assert f"rhetorika/data/{filename}" == path
    assert json.loads(text)["version"] >= 1
    broken = text.replace('"weights"', '"weight"', 1)
    with pytest.raises(LexiconFormatError, match=rf"^rhetorika/data/{filename}: field 'weights'"):
        reader(broken, path=path)  # type: ignore[operator]
