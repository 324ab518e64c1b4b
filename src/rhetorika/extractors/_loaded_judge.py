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

import json
import math
from functools import lru_cache
from importlib.resources import files
from typing import Any

import attrs

from rhetorika.exceptions import LexiconFormatError
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


def probability(score: float) -> float:
    """The logistic function, safe for any score."""
    if score >= 0:
        return 1.0 / (1.0 + math.exp(-score))
    z = math.exp(score)
    return z / (1.0 + z)


def parse_judge(data: Any, *, path: str) -> Judge:
    """Validate a weights file's content and build the judge.

    Raises:
        LexiconFormatError: A field is missing or wrong; the message names the field.
    """

    def bad(field: str, message: str) -> LexiconFormatError:
        return LexiconFormatError(f"field {field!r}: {message}", path=path, line=1)

    if not isinstance(data, dict):
        raise bad("(top)", "expected a JSON object")
    if data.get("format") != FORMAT:
        raise bad("format", f"expected {FORMAT!r}")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise bad("version", "expected a positive integer")
    if data.get("features") != list(FEATURES):
        raise bad("features", "expected exactly the feature names of this rhetorika version")
    weights = data.get("weights")
    if not isinstance(weights, dict) or set(weights) != set(FEATURES):
        raise bad("weights", "expected one number per feature")
    for name, value in weights.items():
        if not isinstance(value, int | float) or not math.isfinite(value):
            raise bad("weights", f"{name!r} is not a finite number")
    threshold = data.get("threshold")
    if not isinstance(threshold, int | float) or not 0.0 < threshold < 1.0:
        raise bad("threshold", "expected a number in (0, 1)")
    lexicon_threshold = data.get("lexicon_threshold")
    if not isinstance(lexicon_threshold, int | float) or not 0.0 < lexicon_threshold < 1.0:
        raise bad("lexicon_threshold", "expected a number in (0, 1)")
    min_valence = data.get("min_valence")
    if not isinstance(min_valence, int | float) or not 0.0 <= min_valence <= 4.0:
        raise bad("min_valence", "expected a number in [0, 4]")
    categories = data.get("overrulable_categories")
    valid = {c.value for c in LoadedCategory}
    if not isinstance(categories, list) or not set(categories) <= valid:
        raise bad("overrulable_categories", f"expected a list of: {', '.join(sorted(valid))}")
    return Judge(
        weights={name: float(weights[name]) for name in FEATURES},
        overrulable_categories=frozenset(categories),
        threshold=float(threshold),
        lexicon_threshold=float(lexicon_threshold),
        min_valence=float(min_valence),
        version=version,
    )


@lru_cache(maxsize=1)
def load_judge() -> Judge:
    """The shipped judge, read and validated once.

    Added in version 0.2.0.
    """
    name = f"rhetorika/data/{JUDGE_RESOURCE}"
    raw = files("rhetorika.data").joinpath(JUDGE_RESOURCE).read_text(encoding="utf-8")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise LexiconFormatError(f"not JSON: {error.msg}", path=name, line=error.lineno) from None
    return parse_judge(data, path=name)
