"""The registry of extractors: built-in ones and third-party plug-ins.

Built-in extractors fill the [`Report`][rhetorika.Report] attribute of their
name. Third-party extractors are found through the ``rhetorika.extractors``
entry-point group, whose entries name a factory that takes no arguments; set
the environment variable ``RHETORIKA_NO_PLUGINS=1`` to ignore them.
"""

from __future__ import annotations

import inspect
import os
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any

from rhetorika.exceptions import ConfigurationError, UnknownExtractorError
from rhetorika.extractors.boosters import BoosterExtractor
from rhetorika.extractors.hedges import HedgeExtractor
from rhetorika.extractors.loaded import LoadedTermExtractor
from rhetorika.extractors.quotes import QuotationExtractor
from rhetorika.extractors.readability import ReadabilityExtractor

if TYPE_CHECKING:
    from rhetorika.typing import Extractor

__all__ = [
    "BUILTIN_FIELDS",
    "available_extractors",
    "builtin_class",
    "builtin_module",
    "create_extractor",
]

ENTRY_POINT_GROUP = "rhetorika.extractors"

# Name -> class. Order is the order in which Analyzer runs them.
_BUILTIN: dict[str, type[Any]] = {
    "quotations": QuotationExtractor,
    "readability": ReadabilityExtractor,
    "hedges": HedgeExtractor,
    "boosters": BoosterExtractor,
    "loaded_terms": LoadedTermExtractor,
}

BUILTIN_FIELDS: tuple[str, ...] = tuple(_BUILTIN)
"""Names of the built-in extractors, which are also `Report` attributes."""


def builtin_class(name: str) -> type[Any]:
    """Return the class of the built-in extractor ``name``.

    Its static ``feature_columns()`` and ``features(result, *, words,
    sentences)`` are the extractor's part of the feature contract
    ([`FeatureExtractor`][rhetorika.typing.FeatureExtractor]), usable without building it.

    Added in version 0.1.0.
    """
    return _BUILTIN[name]


def builtin_module(name: str) -> str:
    """Return the module that implements the built-in extractor ``name``.

    Added in version 0.1.0.
    """
    return _BUILTIN[name].__module__


def _plugins() -> dict[str, object]:
    if os.environ.get("RHETORIKA_NO_PLUGINS"):
        return {}
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.name not in _BUILTIN}


def available_extractors() -> tuple[str, ...]:
    """Return the names of every extractor that can be run, built-in ones first.

    Added in version 0.1.0.
    """
    return BUILTIN_FIELDS + tuple(sorted(_plugins()))


def create_extractor(name: str, **options: Any) -> Extractor:
    """Build the extractor registered under ``name``.

    Args:
        name: A name from [`available_extractors()`][rhetorika.extractors.available_extractors].
        **options: Keyword arguments for the extractor's constructor, e.g.
            ``context_rules=False`` for ``"hedges"``.

    Raises:
        UnknownExtractorError: No extractor has that name; the message lists
            the available ones.
        ConfigurationError: An option the extractor does not take; the
            message lists the ones it does.

    Added in version 0.1.0.
    """
    factory: Any = _BUILTIN.get(name)
    if factory is None:
        plugin = _plugins().get(name)
        if plugin is None:
            raise UnknownExtractorError(
                f"unknown extractor {name!r}; available: {', '.join(available_extractors())}"
            )
        factory = plugin.load()  # type: ignore[attr-defined]
    if options:
        _check_options(name, factory, options)
    extractor: Extractor = factory(**options)
    return extractor


def _check_options(name: str, factory: Any, options: dict[str, Any]) -> None:
    try:
        parameters = inspect.signature(factory).parameters
    except (TypeError, ValueError):  # no signature to check against: let the call decide
        return
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
        return
    valid = [p.name for p in parameters.values() if p.kind is not inspect.Parameter.VAR_POSITIONAL]
    unknown = sorted(set(options) - set(valid))
    if unknown:
        raise ConfigurationError(
            f"extractor {name!r} takes no option {', '.join(map(repr, unknown))}; "
            f"valid options: {', '.join(valid) or '(none)'}"
        )
