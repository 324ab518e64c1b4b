"""How the learned models' weight files are read and checked: one reader for all three.

The quotation model, the booster judge and the loaded-terms judge ship their
weights as JSON files in this package, each with a header naming its format,
model and version, and written by a training script in ``scripts/``. Their
fields differ; what they share is here: parsing the JSON, checking the header,
and reading numbers, so that every malformed file fails the same way, with a
[`LexiconFormatError`][rhetorika.LexiconFormatError] naming the file and the
line (bad JSON) or the field that is wrong. Also the logistic function both
judges score with.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from importlib.resources import files
from typing import Any, TypeVar

from rhetorika.exceptions import LexiconFormatError

__all__ = [
    "described_weights",
    "field_error",
    "finite_number",
    "logistic",
    "model_version",
    "parse_model_json",
    "probability_threshold",
    "read_builtin_model",
]


def field_error(message: str, *, path: str, field: str) -> LexiconFormatError:
    """The error for a wrong ``field`` of the weights file at ``path``."""
    return LexiconFormatError(f"field {field!r}: {message}", path=path)


def parse_model_json(text: str, *, path: str) -> dict[str, Any]:
    """The JSON object in ``text``; bad JSON names its line, anything but an object fails."""
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise LexiconFormatError(
            f"not valid JSON ({error.msg}, column {error.colno})", path=path, line=error.lineno
        ) from None
    if not isinstance(data, dict):
        raise field_error("expected a JSON object", path=path, field="(top level)")
    return data


def model_version(data: dict[str, Any], *, path: str, file_format: str, name: str | None) -> int:
    """Check the header's ``format`` (and ``name``, when given); return its positive version."""
    if data.get("format") != file_format:
        raise field_error(
            f"expected {file_format!r}, got {data.get('format')!r}", path=path, field="format"
        )
    if name is not None and data.get("name") != name:
        raise field_error(f"expected {name!r}, got {data.get('name')!r}", path=path, field="name")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise field_error(
            f"expected a positive integer, got {version!r}", path=path, field="version"
        )
    return version


def finite_number(value: object, *, path: str, field: str) -> float:
    """``value`` as a float, if it is a finite int or float (a bool is not a number here)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise field_error(f"expected a finite number, got {value!r}", path=path, field=field)
    return float(value)


def probability_threshold(value: object, *, path: str, field: str) -> float:
    """``value`` as a float strictly between 0 and 1."""
    number = finite_number(value, path=path, field=field)
    if not 0.0 < number < 1.0:
        raise field_error(f"expected a number in (0, 1), got {number}", path=path, field=field)
    return number


_W = TypeVar("_W")


def described_weights(
    data: dict[str, Any],
    *,
    path: str,
    known: Callable[[str], bool],
    weight: Callable[[object, str], _W],
) -> tuple[dict[str, _W], dict[str, str]]:
    """The ``weights`` (feature to ``weight(value, field)``) and each one's words in ``features``.

    Every weighted feature must be ``known`` to this rhetorika version and
    described in words (the evidence a result gives); ``bias`` must be there.
    """
    features = data.get("features")
    if not isinstance(features, dict) or not features:
        raise field_error(
            "expected an object of feature name to description", path=path, field="features"
        )
    weights_in = data.get("weights")
    if not isinstance(weights_in, dict) or "bias" not in weights_in:
        message = "expected an object of feature name to weights, with 'bias'"
        raise field_error(message, path=path, field="weights")
    weights: dict[str, _W] = {}
    descriptions: dict[str, str] = {}
    for feature, value in weights_in.items():
        field = f"weights.{feature}"
        if not known(feature):
            raise field_error("unknown feature for this rhetorika version", path=path, field=field)
        weights[feature] = weight(value, field)
        description = features.get(feature)
        if not isinstance(description, str) or not description:
            raise field_error(
                "expected a description in words", path=path, field=f"features.{feature}"
            )
        descriptions[feature] = description
    return weights, descriptions


def read_builtin_model(filename: str) -> tuple[str, str]:
    """The text of a weights file shipped in ``rhetorika/data/``, and the path errors name."""
    text = files("rhetorika.data").joinpath(filename).read_text(encoding="utf-8")
    return text, f"rhetorika/data/{filename}"


def logistic(score: float) -> float:
    """``1 / (1 + exp(-score))``, without overflow for any finite score."""
    if score >= 0:
        return 1.0 / (1.0 + math.exp(-score))
    z = math.exp(score)
    return z / (1.0 + z)
