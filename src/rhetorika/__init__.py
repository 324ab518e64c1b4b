"""rhetorika: find rhetoric in English text.

Hedges and boosters, scare quotes, loaded terms and readability, as typed,
frozen results with character offsets into the caller's text.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from rhetorika.exceptions import (
    ConfigurationError,
    DegradedPipelineWarning,
    InputError,
    LexiconFormatError,
    RhetorikaError,
    RhetorikaWarning,
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
    "Quotation",
    "QuotationKind",
    "Readability",
    "ReadabilityCounts",
    "Report",
    "RhetorikaError",
    "RhetorikaWarning",
    "Sentence",
    "SerializationError",
    "UnknownExtractorError",
    "WorkerError",
    "__version__",
    "analyze",
    "available_extractors",
    "from_json",
    "render",
    "to_features",
    "to_json",
]
