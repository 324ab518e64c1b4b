"""Checks of constructor arguments, shared by the extractors: fail early, say what is valid."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rhetorika.exceptions import ArgumentTypeError, ConfigurationError

__all__ = ["check_bool", "check_count", "check_optional_str", "check_texts", "not_a_str"]


def check_bool(name: str, value: object) -> bool:
    """Return ``value`` if it is ``True`` or ``False``; else raise ``ConfigurationError``."""
    if not isinstance(value, bool):
        raise ConfigurationError(f"{name} must be True or False, got {value!r}")
    return value


def check_count(name: str, value: object, *, minimum: int = 1) -> int:
    """Return ``value`` if it is an ``int`` of at least ``minimum``; else raise naming ``name``."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise ArgumentTypeError(f"{name} must be a whole number, got {type(value).__name__}")
    if value < minimum:
        raise ConfigurationError(f"{name} must be at least {minimum}, got {value}")
    return value


def check_optional_str(name: str, value: object) -> str | None:
    """Return ``value`` if it is a ``str`` or ``None``; else raise naming ``name``."""
    if value is not None and not isinstance(value, str):
        raise ArgumentTypeError(f"{name} must be a str or None, got {type(value).__name__}")
    return value


def check_texts(name: str, value: object) -> Iterable[Any]:
    """Return ``value`` if it is an iterable of texts, not one text; else raise naming ``name``.

    A ``str`` is iterable, but as characters: ``pipe("abc")`` would analyse
    three one-character texts.
    """
    if isinstance(value, str | bytes | bytearray):
        raise ArgumentTypeError(
            f"{name} must be an iterable of texts, got a single {type(value).__name__}; "
            f"pass [text] for one text"
        )
    if not isinstance(value, Iterable):
        raise ArgumentTypeError(f"{name} must be an iterable of texts, got {type(value).__name__}")
    return value


def not_a_str(value: object) -> str:
    """What a text that is not a ``str`` is, for an error message: bytes are told to decode."""
    if isinstance(value, bytes | bytearray):
        return f"{type(value).__name__}; decode it first, e.g. data.decode('utf-8')"
    return type(value).__name__
