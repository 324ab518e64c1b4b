"""rhetorika: find rhetoric in English text.

Hedges and boosters, scare quotes, loaded terms and readability, as typed,
frozen results with character offsets into the caller's text.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from rhetorika.exceptions import (
    ConfigurationError,
    DegradedPipelineWarning,
    InputError,
    LexiconFormatError,
    MissingExtraError,
    RhetorikaError,
    RhetorikaWarning,
    SchemaError,
    SerializationError,
    UnknownExtractorError,
    WorkerError,
)
from rhetorika.extractors import available_extractors
from rhetorika.pipeline import Analyzer, analyze
from rhetorika.render import render
from rhetorika.results import (
    Booster,
    BoosterCategory,
    Hedge,
    HedgeCategory,
    LoadedCategory,
    LoadedTerm,
    Quotation,
    QuotationKind,
    Readability,
    ReadabilityCounts,
    Report,
    Sentence,
)
from rhetorika.serialize import from_json, to_features, to_json

if TYPE_CHECKING:
    from rhetorika.extra.arrow import features_table
    from rhetorika.extra.pandas import features
    from rhetorika.extra.sklearn import RhetoricFeatures as RhetoricFeatures

# Optional integrations load on first use, so `import rhetorika` needs neither
# pandas nor scikit-learn and stays fast. RhetoricFeatures is left out of
# __all__: defining it needs scikit-learn, and `import *` must work without.
_LAZY = {
    "features": "rhetorika.extra.pandas",
    "features_table": "rhetorika.extra.arrow",
    "RhetoricFeatures": "rhetorika.extra.sklearn",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'rhetorika' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


try:
    __version__ = version("rhetorika")
except PackageNotFoundError:  # running from a source tree that was never installed
    from rhetorika._version import __version__

__all__ = [
    "Analyzer",
    "Booster",
    "BoosterCategory",
    "ConfigurationError",
    "DegradedPipelineWarning",
    "Hedge",
    "HedgeCategory",
    "InputError",
    "LexiconFormatError",
    "LoadedCategory",
    "LoadedTerm",
    "MissingExtraError",
    "Quotation",
    "QuotationKind",
    "Readability",
    "ReadabilityCounts",
    "Report",
    "RhetorikaError",
    "RhetorikaWarning",
    "SchemaError",
    "Sentence",
    "SerializationError",
    "UnknownExtractorError",
    "WorkerError",
    "__version__",
    "analyze",
    "available_extractors",
    "features",
    "features_table",
    "from_json",
    "render",
    "to_features",
    "to_json",
]
