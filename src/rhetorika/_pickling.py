"""How result classes pickle: as their field values, rebuilt without validation.

attrs pickles a slotted class as a dict of its fields and rebuilds it with a
setattr per field. For the tens of thousands of per-sentence results a corpus
holds, that made unpickling the bottleneck of ``Analyzer.pipe(n_process=N)``,
whose parent receives every report. So each result class pickles as a tuple
of its field values, in order, and is rebuilt by setting its slots directly
through their descriptors, without attrs' frozen ``__setattr__``. The values come
from a valid result, so validators are not run again (attrs' own
``__setstate__`` skips them too).

The field names travel too, once per class per pickle (pickle stores the
one names tuple a class shares once and refers back to it), so a pickle
from a version whose class had other fields is rebuilt by name: a field
added since takes its default, and a field this version lacks, or a
missing one without a default, is a `SerializationError`
naming both versions' fields. Pickles are a transport between processes
of one rhetorika; JSON (`rhetorika.to_json()`) is the storage format.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any, SupportsIndex, TypeVar

import attrs

from rhetorika._version import __version__
from rhetorika.exceptions import SerializationError

_R = TypeVar("_R")

_FIELD_VALUES: dict[type, Callable[[Any], tuple[Any, ...]]] = {}
_BUILDERS: dict[type, Callable[[tuple[Any, ...]], Any]] = {}
_SENTENCE_BUILDERS: dict[type, Callable[[tuple[Any, ...]], Any]] = {}
_NAMES: dict[type, tuple[str, ...]] = {}
# The last names tuple seen per class that matched this version's fields:
# every result of a class in one pickle shares one tuple, so an identity
# check answers for all but the first.
_MATCHED: dict[type, tuple[str, ...]] = {}
_COUNTS_OF: dict[type, type] = {}


def _same_fields(cls: type, names: tuple[str, ...] | None) -> bool:
    """Whether a pickle's ``names`` are this version's fields of ``cls``, in order."""
    if names is None or names is _MATCHED.get(cls):
        return True
    if names == _NAMES[cls]:
        _MATCHED[cls] = names
        return True
    return False


def _by_name(cls: type[_R], names: tuple[str, ...] | None, values: tuple[Any, ...]) -> _R:
    """Rebuild ``cls`` from a pickle written with other fields, matching them by name."""
    fields = attrs.fields(cls)  # type: ignore[arg-type]
    ours = tuple(field.name for field in fields)
    if names is None:  # written before pickles carried names: positional
        if len(values) != len(ours):
            raise SerializationError(
                f"a pickled {cls.__name__} has {len(values)} fields, this rhetorika "
                f"{__version__} has {len(ours)}; pickles travel between processes of one "
                f"version: store results as JSON (rhetorika.to_json)"
            )
        return _BUILDERS[cls](values)  # type: ignore[no-any-return]
    if len(names) != len(values):
        raise SerializationError(
            f"a pickled {cls.__name__} names {len(names)} fields for {len(values)} values; "
            f"the pickle is damaged"
        )
    given = dict(zip(names, values, strict=True))
    unknown = [name for name in names if name not in ours]
    missing = [f.name for f in fields if f.name not in given and f.default is attrs.NOTHING]
    if unknown or missing:
        raise SerializationError(
            f"a pickled {cls.__name__} has the fields {list(names)}, this rhetorika "
            f"{__version__} has {list(ours)} (unknown {unknown}, missing {missing}); "
            f"pickles travel between processes of one version: store results as JSON "
            f"(rhetorika.to_json)"
        )
    rebuilt = []
    for field in fields:
        if field.name in given:
            rebuilt.append(given[field.name])
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            rebuilt.append(field.default.factory())
        else:
            rebuilt.append(field.default)
    return _BUILDERS[cls](tuple(rebuilt))  # type: ignore[no-any-return]


def _rebuild(cls: type[_R], values: tuple[Any, ...], names: tuple[str, ...] | None = None) -> _R:
    """Unpickle a result of class ``cls`` from its field values (and their names)."""
    if names is not None and (names is _MATCHED.get(cls) or _same_fields(cls, names)):
        return _BUILDERS[cls](values)  # type: ignore[no-any-return]
    return _by_name(cls, names, values)


def _reduce_ex(self: Any, protocol: SupportsIndex) -> Any:
    cls = type(self)
    values = _FIELD_VALUES.get(cls)
    if values is None:  # a subclass, perhaps with more fields: attrs' own pickling
        return object.__reduce_ex__(self, protocol)
    return _rebuild, (cls, values(self), _NAMES[cls])


def pickled_as_values(cls: type[_R]) -> type[_R]:
    """Make the attrs class ``cls`` pickle as its field values (a class decorator)."""
    names = [field.name for field in attrs.fields(cls)]  # type: ignore[arg-type]
    if len(names) < 2:  # attrgetter of one name returns the value, not a tuple
        raise TypeError(f"{cls.__name__} needs at least two fields to pickle as values")
    _FIELD_VALUES[cls] = operator.attrgetter(*names)
    _NAMES[cls] = tuple(names)
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
        sentences = tuple(map(sentence_values, self.sentences))
        return _rebuild_flat, (readability, values, sentences, _NAMES[readability], _NAMES[counts])

    _SENTENCE_BUILDERS[readability] = sentence_from_values
    _COUNTS_OF[readability] = counts
    readability.__reduce_ex__ = reduce  # type: ignore[assignment]


def _rebuild_flat(
    cls: type[_R],
    values: tuple[Any, ...],
    sentences: tuple[tuple[Any, ...], ...],
    names: tuple[str, ...] | None = None,
    counts_names: tuple[str, ...] | None = None,
) -> _R:
    """Unpickle a document's readability from its values and its sentences' flat tuples."""
    counts = _COUNTS_OF[cls]
    if names is None or (_same_fields(cls, names) and _same_fields(counts, counts_names)):
        return _BUILDERS[cls]((*values, tuple(map(_SENTENCE_BUILDERS[cls], sentences))))  # type: ignore[no-any-return]
    # Written by a version with other fields: rebuild each sentence by name.
    at_counts = names.index("counts") if "counts" in names else -1
    rebuilt = []
    for flat in sentences:
        parts = list(flat)
        if at_counts >= 0:
            parts[at_counts] = _by_name(counts, counts_names, flat[at_counts])
        rebuilt.append(_by_name(cls, names, (*parts, ())))
    return _by_name(cls, names, (*values, tuple(rebuilt)))
