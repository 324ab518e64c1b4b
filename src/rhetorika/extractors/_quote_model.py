"""The learned quotation classifier: its weights file, read and checked once.

The model is a multinomial logistic regression over the binary features of
`rhetorika.extractors._quote_features`, trained by
``scripts/train_quotes.py`` and shipped as ``data/quotations.v1.json``: plain
JSON (data never executes), whose header names the format, version,
features, classes, training data, date and the held-aside figures.
Inference is a sum of the active features' weights per kind and a softmax
divided by the calibration temperature: no training library at run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from typing import Any

import attrs

from rhetorika.exceptions import LexiconFormatError
from rhetorika.extractors._quote_features import DESCRIPTIONS

__all__ = ["FORMAT", "MODEL_FILE", "QuoteModel", "builtin_model", "model_from_json"]

FORMAT = "rhetorika-model"
MODEL_FILE = "quotations.v1.json"
_CLASSES = ("scare", "direct", "title", "mention", "other")
_EVIDENCE = 3  # features named as evidence, at most


@attrs.frozen(kw_only=True)
class QuoteModel:
    """A checked quotation model: weights per feature and kind, and a temperature.

    Args:
        id: ``name.vVERSION``, e.g. ``"quotations.v1"``.
        classes: The kinds, in the order of every weight row.
        weights: Feature name to one weight per kind.
        temperature: Logits are divided by it before the softmax (calibration).
        descriptions: Feature name to its meaning in words, for evidence.

    Added in version 0.1.0.
    """

    id: str
    classes: tuple[str, ...]
    weights: Mapping[str, tuple[float, ...]] = attrs.field(hash=False)
    temperature: float
    descriptions: Mapping[str, str] = attrs.field(hash=False)

    def predict(self, active: Sequence[str]) -> tuple[int, float, tuple[str, ...]]:
        """The kind's index, its calibrated probability, and the strongest evidence.

        Evidence names the active features that most favour the chosen kind
        over the runner-up, at most three.
        """
        weights = self.weights
        rows = [weights[name] for name in active if name in weights]
        scores = [sum(column) for column in zip(*rows, strict=True)]
        top = max(scores)
        best = scores.index(top)
        exps = [math.exp((s - top) / self.temperature) for s in scores]
        probability = exps[best] / sum(exps)
        second = max((j for j in range(len(scores)) if j != best), key=scores.__getitem__)
        pushes = []
        for name in active:
            row = weights.get(name)
            if row is not None and name != "bias":
                push = row[best] - row[second]
                if push > 0:
                    pushes.append((-push, name))
        pushes.sort()
        evidence = tuple(self.descriptions[name] for _, name in pushes[:_EVIDENCE])
        return best, probability, evidence


def _fail(message: str, path: str, field: str) -> LexiconFormatError:
    return LexiconFormatError(f"field {field!r}: {message}", path=path)


def _number(value: object, path: str, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _fail(f"expected a finite number, got {value!r}", path, field)
    return float(value)


def model_from_json(text: str, *, path: str) -> QuoteModel:
    """Parse and check a quotation model file.

    Raises:
        LexiconFormatError: naming ``path`` and the line (bad JSON) or the
            field that is wrong.

    Added in version 0.1.0.
    """
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise LexiconFormatError(
            f"not valid JSON ({error.msg}, column {error.colno})", path=path, line=error.lineno
        ) from None
    if not isinstance(data, dict):
        raise _fail("expected a JSON object", path, "(top level)")
    if data.get("format") != FORMAT:
        raise _fail(f"expected {FORMAT!r}, got {data.get('format')!r}", path, "format")
    if data.get("format_version") != 1:
        raise _fail(f"expected 1, got {data.get('format_version')!r}", path, "format_version")
    name, version = data.get("name"), data.get("version")
    if name != "quotations" or isinstance(version, bool) or not isinstance(version, int):
        raise _fail("expected name 'quotations' and an integer version", path, "name/version")
    classes = data.get("classes")
    if not isinstance(classes, list) or tuple(classes) != _CLASSES:
        raise _fail(f"expected {list(_CLASSES)}, got {classes!r}", path, "classes")
    temperature = _number(data.get("temperature"), path, "temperature")
    if temperature <= 0:
        raise _fail(f"expected a positive number, got {temperature}", path, "temperature")
    features = data.get("features")
    if not isinstance(features, dict) or not features:
        raise _fail("expected an object of feature name to description", path, "features")
    weights_in = data.get("weights")
    if not isinstance(weights_in, dict) or "bias" not in weights_in:
        raise _fail("expected an object of feature name to weights, with 'bias'", path, "weights")
    weights: dict[str, tuple[float, ...]] = {}
    descriptions: dict[str, str] = {}
    for feature, row in weights_in.items():
        field = f"weights.{feature}"
        if feature not in DESCRIPTIONS:
            known = ", ".join(sorted(DESCRIPTIONS))
            raise _fail(f"unknown feature; known features: {known}", path, field)
        if not isinstance(row, list) or len(row) != len(_CLASSES):
            raise _fail(f"expected {len(_CLASSES)} numbers, one per class", path, field)
        weights[feature] = tuple(_number(v, path, f"{field}[{i}]") for i, v in enumerate(row))
        description = features.get(feature)
        if not isinstance(description, str) or not description:
            raise _fail("expected a description in words", path, f"features.{feature}")
        descriptions[feature] = description
    return QuoteModel(
        id=f"{name}.v{version}",
        classes=tuple(classes),
        weights=weights,
        temperature=temperature,
        descriptions=descriptions,
    )


@cache
def builtin_model() -> QuoteModel:
    """The model shipped with rhetorika, parsed and checked once.

    Added in version 0.1.0.
    """
    resource = files("rhetorika.data").joinpath(MODEL_FILE)
    return model_from_json(
        resource.read_text(encoding="utf-8"), path=f"rhetorika/data/{MODEL_FILE}"
    )
