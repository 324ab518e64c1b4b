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
_NAMES: dict[type, tuple[str, ...]] = {}
# The last names tuple seen per class that matched this version's fields:
# every result of a class in one pickle shares one tuple, so an identity
# check answers for all but the first.
_MATCHED: dict[type, tuple[str, ...]] = {}


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
    descriptors = [cls.__dict__[name] for name in names]
    stored = [getattr(descriptor, "stored", None) for descriptor in descriptors]
    if any(stored):
        # A field kept compact until read (rhetorika._deferred) travels compact.
        pairs = zip(stored, descriptors, strict=True)
        getters = [get or descriptor.__get__ for get, descriptor in pairs]
        _FIELD_VALUES[cls] = lambda result: tuple(get(result) for get in getters)
    else:
        _FIELD_VALUES[cls] = operator.attrgetter(*names)
    _NAMES[cls] = tuple(names)
    setters = [descriptor.__set__ for descriptor in descriptors]  # the slots' own descriptors
    new = object.__new__

    def build(values: tuple[Any, ...]) -> Any:
        result = new(cls)
        for set_slot, value in zip(setters, values, strict=True):
            set_slot(result, value)
        return result

    _BUILDERS[cls] = build
    cls.__reduce_ex__ = _reduce_ex  # type: ignore[method-assign]
    return cls


def field_values(result: Any) -> tuple[Any, ...]:
    """The field values of a result of a class made by `pickled_as_values`, in order.

    A deferred field (``rhetorika._deferred``) gives its stored, compact form.
    """
    return _FIELD_VALUES[type(result)](result)


def rebuilt(cls: type[_R], values: tuple[Any, ...]) -> _R:
    """A result of ``cls`` (made by `pickled_as_values`) from its field values, not validated.

    For values taken from a valid result of this version, as `field_values` gives them.
    """
    return _BUILDERS[cls](values)  # type: ignore[no-any-return]
