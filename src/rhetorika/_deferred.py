"""Result fields kept in a compact form until first read.

A report's per-sentence readability results are most of its objects, yet
most callers never read them (feature rows, the scores of the whole text).
So the document's result may hold, in place of the tuple of results, a
compact recipe: a callable that builds the tuple. The first read of the
field calls it and keeps the tuple, so every later read, equality, hashing,
``repr``, ``attrs.evolve`` and JSON see the same public value as if it had
been built eagerly. Pickling (see `rhetorika._pickling`) ships the stored
form, so a worker process sends the recipe's few numbers, not the objects.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["DeferredField", "Recipe", "deferred"]

_C = TypeVar("_C", bound=type)


class Recipe:
    """A compact stand-in for a field's tuple: calling it builds the tuple."""

    __slots__ = ()

    def __call__(self) -> tuple[Any, ...]:
        raise NotImplementedError


class DeferredField:
    """The descriptor of a slotted attrs field whose stored value may be a recipe.

    A stored `Recipe` is called once, on the
    first read, and its result replaces it in the slot; any other value (the
    tuple itself, or whatever a caller passed) is returned as it is.
    """

    def __init__(self, slot: Any) -> None:
        self._get = slot.__get__
        self._set = slot.__set__

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = self._get(instance, owner)
        if type(value) is tuple or not isinstance(value, Recipe):
            return value
        built = value()
        self._set(instance, built)
        return built

    def __set__(self, instance: Any, value: Any) -> None:
        self._set(instance, value)

    def stored(self, instance: Any) -> Any:
        """The value as stored: the tuple, or the recipe not yet called."""
        return self._get(instance)


def deferred(*names: str) -> Callable[[_C], _C]:
    """Let the tuple fields ``names`` of a slotted attrs class hold a recipe (class decorator)."""

    def install(cls: _C) -> _C:
        for name in names:
            setattr(cls, name, DeferredField(cls.__dict__[name]))
        return cls

    return install
