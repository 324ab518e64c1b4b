"""The loaded-terms judge: a logistic regression deciding which candidates are loaded, in context.

Its features are generic, never the words themselves, so the shipped weights
cannot turn into a word list mined from the training corpora:

* where the candidate comes from (lexicon, affect table, morphology) and,
  for lexicon entries, their category and intensity;
* the word's prior valence and the raters' disagreement (affect table);
* a coarse part of speech: the entry's ``pos`` column, the tagger's tag when
  the pipeline assigns tags, else a guess from the word's ending;
* the context: capitalised mid-sentence, a negation or a hedge just before,
  inside a short (scare) or long quotation, on the headline line, after an
  intensifier, in a sentence with other candidates.

The probability ``1 / (1 + exp(-w . x))`` is the term's ``confidence``. The
weights are trained by ``scripts/train_loaded.py`` and shipped as
``rhetorika/data/loaded_judge.v1.json``, a JSON file whose header fields name
the format, the features, the training data and the held-aside figures.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import attrs

from rhetorika.data._model_file import (
    field_error,
    finite_number,
    model_version,
    parse_model_json,
    probability_threshold,
    read_builtin_model,
)
from rhetorika.results import LoadedCategory

__all__ = [
    "CONTEXT_FEATURES",
    "FEATURES",
    "JUDGE_RESOURCE",
    "POS_CLASSES",
    "SOURCES",
    "Judge",
    "form_features",
    "load_judge",
    "parse_judge",
]

JUDGE_RESOURCE = "loaded_judge.v1.json"
FORMAT = "rhetorika-judge"
SOURCES = ("lexicon", "affect", "morphology")
POS_CLASSES = ("adj", "adv", "verb", "noun")
MORPHOLOGY_KINDS = ("prefix", "wing", "gate", "love", "ism")
CONTEXT_FEATURES = (
    "capitalised",
    "negated",
    "hedged",
    "quoted_short",
    "quoted_long",
    "headline",
    "intensified",
    "dense",
)
"""Features of the candidate's context, each 0 or 1."""
FEATURES: tuple[str, ...] = (
    "bias",
    *(f"source={s}" for s in SOURCES),
    *(f"category={c.value}" for c in LoadedCategory),
    "intensity",
    "valence",
    "negative",
    "valence_sd",
    *(f"pos={p}" for p in POS_CLASSES),
    "multiword",
    *(f"morphology={k}" for k in MORPHOLOGY_KINDS),
    *CONTEXT_FEATURES,
)
"""Every feature's name, in the order of the weights file."""
_UPOS_CLASS = {"ADJ": "adj", "ADV": "adv", "VERB": "verb", "AUX": "verb", "NOUN": "noun"}


def pos_class(upos: str) -> str | None:
    """The coarse class of a Universal POS tag, ``None`` for the rest."""
    return _UPOS_CLASS.get(upos)


def form_features(
    *,
    source: str,
    category: LoadedCategory,
    intensity: float,
    affect: tuple[float, float] | None,
    pos: str | None,
    words: int,
    morphology: str | None,
) -> dict[str, float]:
    """The features of a candidate that do not depend on its context, non-zero ones only."""
    out: dict[str, float] = {"bias": 1.0, f"source={source}": 1.0}
    out[f"category={category.value}"] = 1.0
    if intensity:
        out["intensity"] = intensity
    if affect is not None:
        valence, sd = affect
        out["valence"] = min(abs(valence) / 4.0, 1.0)
        if valence < 0:
            out["negative"] = 1.0
        out["valence_sd"] = min(sd / 2.0, 1.0)
    if pos is not None:
        out[f"pos={pos}"] = 1.0
    if words > 1:
        out["multiword"] = 1.0
    if morphology is not None:
        out[f"morphology={morphology}"] = 1.0
    return out


@attrs.frozen
class Judge:
    """Weights of the judge and the choices that go with them.

    Attributes:
        weights: One weight per name of `FEATURES`.
        threshold: Candidates from the affect table and morphology are kept at
            or above this probability.
        lexicon_threshold: Matches of a lexicon the judge may overrule are
            kept at or above this probability.
        overrulable_categories: The categories the training data annotates,
            the only ones in which the judge may drop a lexicon match.
        min_valence: Affect-table words weaker than this are not proposed at all.
        version: The weights file's version.
    """

    weights: dict[str, float]
    threshold: float
    lexicon_threshold: float
    min_valence: float
    version: int
    overrulable_categories: frozenset[str] = frozenset()

    def score(self, active: dict[str, float]) -> float:
        """``w . x`` over the non-zero features ``active``."""
        weights = self.weights
        return sum(weights[name] * value for name, value in active.items())

    def context(self) -> tuple[float, ...]:
        """The weights of `CONTEXT_FEATURES`, in order."""
        return tuple(self.weights[name] for name in CONTEXT_FEATURES)


def parse_judge(data: Any, *, path: str) -> Judge:
    """Validate a weights file's content and build the judge.

    Raises:
        LexiconFormatError: A field is missing or wrong; the message names the field.
    """
    if not isinstance(data, dict):
        raise field_error("expected a JSON object", path=path, field="(top level)")
    version = model_version(data, path=path, file_format=FORMAT, name=None)
    if data.get("features") != list(FEATURES):
        raise field_error(
            "expected exactly the feature names of this rhetorika version",
            path=path,
            field="features",
        )
    weights = data.get("weights")
    if not isinstance(weights, dict) or set(weights) != set(FEATURES):
        raise field_error("expected one number per feature", path=path, field="weights")
    checked = {
        name: finite_number(weights[name], path=path, field=f"weights.{name}") for name in FEATURES
    }
    threshold = probability_threshold(data.get("threshold"), path=path, field="threshold")
    lexicon_threshold = probability_threshold(
        data.get("lexicon_threshold"), path=path, field="lexicon_threshold"
    )
    min_valence = finite_number(data.get("min_valence"), path=path, field="min_valence")
    if not 0.0 <= min_valence <= 4.0:
        raise field_error("expected a number in [0, 4]", path=path, field="min_valence")
    categories = data.get("overrulable_categories")
    valid = {c.value for c in LoadedCategory}
    if not isinstance(categories, list) or not set(categories) <= valid:
        raise field_error(
            f"expected a list of: {', '.join(sorted(valid))}",
            path=path,
            field="overrulable_categories",
        )
    return Judge(
        weights=checked,
        overrulable_categories=frozenset(categories),
        threshold=threshold,
        lexicon_threshold=lexicon_threshold,
        min_valence=min_valence,
        version=version,
    )


@lru_cache(maxsize=1)
def load_judge() -> Judge:
    """The shipped judge, read and validated once.

    Added in version 0.2.0.
    """
    text, path = read_builtin_model(JUDGE_RESOURCE)
    return parse_judge(parse_model_json(text, path=path), path=path)
