"""rhetorika: find rhetoric in English text.

Hedges and boosters, scare quotes, loaded terms and readability, as typed,
frozen results with character offsets into the caller's text.
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _installed_version
from typing import TYPE_CHECKING, Any

from rhetorika import examples
from rhetorika.analyzer import Analyzer, analyze
from rhetorika.exceptions import (
    ArgumentTypeError,
    ConfigurationError,
    DegradedPipelineWarning,
    InputError,
    LexiconFormatError,
    MissingExtraError,
    OutputError,
    RhetorikaError,
    RhetorikaWarning,
    SchemaError,
    SerializationError,
    UnknownExtractorError,
    WorkerError,
)
from rhetorika.extra import missing_extra
from rhetorika.extractors import available_extractors
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
    try:
        value = getattr(importlib.import_module(module), name)
    except MissingExtraError as error:
        # help(), tab completion and inspect.getmembers() look up every name
        # in dir(); they must see something. Using it raises the clear error.
        return missing_extra(name, error)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """What we offer, and the module's own dunders: not our imports' helpers."""
    dunders = [name for name in globals() if name.startswith("__")]
    return sorted({*__all__, *_LAZY, *dunders})


try:
    __version__ = _installed_version("rhetorika")
except PackageNotFoundError:  # running from a source tree that was never installed
    from rhetorika._version import __version__

__all__ = [
    "Analyzer",
    "ArgumentTypeError",
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
    "OutputError",
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
    "examples",
    "features",
    "features_table",
    "from_json",
    "render",
    "to_features",
    "to_json",
]
