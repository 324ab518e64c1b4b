"""How result classes pickle: as their field values, rebuilt without validation.

attrs pickles a slotted class as a dict of its fields and rebuilds it with a
setattr per field. For the tens of thousands of per-sentence results a corpus
holds, that made unpickling the bottleneck of ``Analyzer.pipe(n_process=N)``,
whose parent receives every report. So each result class pickles as a tuple
of its field values, in order, and is rebuilt by setting its slots directly
through their descriptors, without attrs' frozen ``__setattr__``. The values come
from a valid result, so validators are not run again (attrs' own
``__setstate__`` skips them too).
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any, SupportsIndex, TypeVar

import attrs

_R = TypeVar("_R")

_FIELD_VALUES: dict[type, Callable[[Any], tuple[Any, ...]]] = {}
_BUILDERS: dict[type, Callable[[tuple[Any, ...]], Any]] = {}
_SENTENCE_BUILDERS: dict[type, Callable[[tuple[Any, ...]], Any]] = {}


def _rebuild(cls: type[_R], values: tuple[Any, ...]) -> _R:
    """Unpickle a result of class ``cls`` from its field values."""
    return _BUILDERS[cls](values)  # type: ignore[no-any-return]


def _reduce_ex(self: Any, protocol: SupportsIndex) -> Any:
    cls = type(self)
    values = _FIELD_VALUES.get(cls)
    if values is None:  # a subclass, perhaps with more fields: attrs' own pickling
        return object.__reduce_ex__(self, protocol)
    return _rebuild, (cls, values(self))


def pickled_as_values(cls: type[_R]) -> type[_R]:
    """Make the attrs class ``cls`` pickle as its field values (a class decorator)."""
    names = [field.name for field in attrs.fields(cls)]  # type: ignore[arg-type]
    if len(names) < 2:  # attrgetter of one name returns the value, not a tuple
        raise TypeError(f"{cls.__name__} needs at least two fields to pickle as values")
    _FIELD_VALUES[cls] = operator.attrgetter(*names)
    setters = [cls.__dict__[name].__set__ for name in names]  # the slots' own descriptors
    new = object.__new__

    def build(values: tuple[Any, ...]) -> Any:
        result = new(cls)
        for set_slot, value in zip(setters, values, strict=True):
            set_slot(result, value)
        return result

    _BUILDERS[cls] = build
    cls.__reduce_ex__ = _reduce_ex  # type: ignore[method-assign]
    return cls


def flatten_sentences(readability: type[Any], counts: type[Any]) -> None:
    """Make a document's readability pickle its per-sentence results as flat tuples.

    Per-sentence readability results are most of a report's objects. They
    travel as flat tuples, their counts inline, inside the document result's
    pickle: a per-sentence result never holds sentences of its own, so only
    ``counts`` needs rebuilding on the way in. Anything else (a result with
    nested sentences, a subclass) takes the general path above.
    """
    names = [field.name for field in attrs.fields(readability)]
    assert names[-1] == "sentences"
    last, at_counts = len(names) - 1, names.index("counts")
    readability_values, counts_values = _FIELD_VALUES[readability], _FIELD_VALUES[counts]
    build_readability, build_counts = _BUILDERS[readability], _BUILDERS[counts]

    def sentence_values(result: Any) -> tuple[Any, ...]:
        values = readability_values(result)
        return (*values[:at_counts], counts_values(result.counts), *values[at_counts + 1 : last])

    def sentence_from_values(values: tuple[Any, ...]) -> Any:
        built = build_counts(values[at_counts])
        return build_readability((*values[:at_counts], built, *values[at_counts + 1 :], ()))

    def reduce(self: Any, protocol: SupportsIndex) -> Any:
        if type(self) is not readability or not all(
            type(part) is readability and type(part.counts) is counts and not part.sentences
            for part in self.sentences
        ):
            return _reduce_ex(self, protocol)
        values = readability_values(self)[:last]
        return _rebuild_flat, (readability, values, tuple(map(sentence_values, self.sentences)))

    _SENTENCE_BUILDERS[readability] = sentence_from_values
    readability.__reduce_ex__ = reduce  # type: ignore[assignment]


def _rebuild_flat(
    cls: type[_R], values: tuple[Any, ...], sentences: tuple[tuple[Any, ...], ...]
) -> _R:
    """Unpickle a document's readability from its values and its sentences' flat tuples."""
    return _BUILDERS[cls]((*values, tuple(map(_SENTENCE_BUILDERS[cls], sentences))))  # type: ignore[no-any-return]
