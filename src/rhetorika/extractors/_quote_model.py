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

import math
from collections.abc import Mapping, Sequence
from functools import cache

import attrs

from rhetorika.data._model_file import (
    described_weights,
    field_error,
    finite_number,
    model_version,
    parse_model_json,
    read_builtin_model,
)
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
    # For each (chosen kind, runner-up), the features that favour the chosen
    # one, with row[runner-up] - row[chosen] (negative): computed once, not
    # per quotation.
    _pulls: dict[tuple[int, int], dict[str, float]] = attrs.field(
        init=False, hash=False, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        kinds = range(len(self.classes))
        pulls = {
            (best, second): {
                name: row[second] - row[best]
                for name, row in self.weights.items()
                if name != "bias" and row[second] - row[best] < 0
            }
            for best in kinds
            for second in kinds
            if best != second
        }
        object.__setattr__(self, "_pulls", pulls)

    def predict(self, active: Sequence[str]) -> tuple[int, float, tuple[str, ...]]:
        """The kind's index, its calibrated probability, and the strongest evidence.

        Evidence names the active features that most favour the chosen kind
        over the runner-up, at most three.
        """
        weights = self.weights
        # sum() per kind over the rows in the features' order: the same sums
        # (to the last bit) as before this was made faster.
        rows = [weights[name] for name in active if name in weights]
        scores = [sum(column) for column in zip(*rows, strict=True)]
        top = max(scores)
        best = scores.index(top)
        exps = [math.exp((s - top) / self.temperature) for s in scores]
        probability = exps[best] / sum(exps)
        second = max((j for j in range(len(scores)) if j != best), key=scores.__getitem__)
        # Strongest push first: the pulls are the pushes negated (b - a is -(a - b) exactly).
        pull = self._pulls[best, second]
        pushes = sorted([(pull[name], name) for name in active if name in pull])
        evidence = tuple([self.descriptions[name] for _, name in pushes[:_EVIDENCE]])
        return best, probability, evidence


def model_from_json(text: str, *, path: str) -> QuoteModel:
    """Parse and check a quotation model file.

    Raises:
        LexiconFormatError: naming ``path`` and the line (bad JSON) or the
            field that is wrong.

    Added in version 0.1.0.
    """
    data = parse_model_json(text, path=path)
    version = model_version(data, path=path, file_format=FORMAT, name="quotations")
    if data.get("format_version") != 1:
        raise field_error(
            f"expected 1, got {data.get('format_version')!r}", path=path, field="format_version"
        )
    classes = data.get("classes")
    if not isinstance(classes, list) or tuple(classes) != _CLASSES:
        message = f"expected {list(_CLASSES)}, got {classes!r}"
        raise field_error(message, path=path, field="classes")
    temperature = finite_number(data.get("temperature"), path=path, field="temperature")
    if temperature <= 0:
        raise field_error(
            f"expected a positive number, got {temperature}", path=path, field="temperature"
        )

    def row(value: object, field: str) -> tuple[float, ...]:
        if not isinstance(value, list) or len(value) != len(_CLASSES):
            message = f"expected {len(_CLASSES)} numbers, one per class"
            raise field_error(message, path=path, field=field)
        return tuple(
            finite_number(number, path=path, field=f"{field}[{index}]")
            for index, number in enumerate(value)
        )

    weights, descriptions = described_weights(
        data, path=path, known=DESCRIPTIONS.__contains__, weight=row
    )
    return QuoteModel(
        id=f"quotations.v{version}",
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
    text, path = read_builtin_model(MODEL_FILE)
    return model_from_json(text, path=path)
