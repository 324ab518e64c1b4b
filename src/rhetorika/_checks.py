"""Checks of constructor arguments, shared by the extractors: fail early, say what is valid."""

from __future__ import annotations

from rhetorika.exceptions import ConfigurationError

__all__ = ["check_bool"]


def check_bool(name: str, value: object) -> bool:
    """Return ``value`` if it is ``True`` or ``False``; else raise ``ConfigurationError``."""
    if not isinstance(value, bool):
        raise ConfigurationError(f"{name} must be True or False, got {value!r}")
    return value
