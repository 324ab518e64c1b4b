"""Pickles of results are rebuilt by field name, or refused naming the fields (issue #20)."""

from __future__ import annotations

import pickle
from array import array
from typing import Any

import pytest

import rhetorika
from rhetorika import Readability, SerializationError

SEED = "It may rain. Experts say the plan is clearly a disaster. We will see."


class _Forged:
    """Pickles as the given reduce value: what another version's result would write."""

    def __init__(self, reduced: tuple[Any, ...]) -> None:
        self.reduced = reduced

    def __reduce__(self) -> tuple[Any, ...]:
        return self.reduced


def _hedge() -> Any:
    report = rhetorika.analyze(SEED, extractors=["hedges"])
    assert report.hedges
    return report.hedges[0]


def test_a_pickle_without_a_field_added_since_takes_its_default() -> None:
    """A Hedge pickled before ``quoted`` existed loads, with quoted=False."""
    hedge = _hedge()
    rebuild, (cls, values, names) = hedge.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
    assert "quoted" == names[-1]
    older = _Forged((rebuild, (cls, values[:-1], names[:-1])))
    assert hedge == pickle.loads(pickle.dumps(older))


def test_pickled_fields_are_matched_by_name() -> None:
    """Fields pickled in another order are put back in their places."""
    hedge = _hedge()
    rebuild, (cls, values, names) = hedge.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
    shuffled = _Forged((rebuild, (cls, values[::-1], names[::-1])))
    assert hedge == pickle.loads(pickle.dumps(shuffled))


def test_a_pickle_from_a_newer_version_names_the_unknown_field() -> None:
    """A field this version lacks is a SerializationError naming both field lists."""
    hedge = _hedge()
    rebuild, (cls, values, names) = hedge.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
    newer = _Forged((rebuild, (cls, (*values, "x"), (*names, "added_later"))))
    with pytest.raises(SerializationError, match="added_later") as info:
        pickle.loads(pickle.dumps(newer))
    assert f"this rhetorika {rhetorika.__version__}" in str(info.value)
    assert "to_json" in str(info.value)


def test_a_positional_pickle_of_the_wrong_length_is_a_serialization_error() -> None:
    """A pickle written without names (0.1.0 builds) and another length is refused clearly."""
    hedge = _hedge()
    rebuild, (cls, values, _) = hedge.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
    old = _Forged((rebuild, (cls, values[:-2])))
    with pytest.raises(SerializationError, match="pickled Hedge has 8 fields"):
        pickle.loads(pickle.dumps(old))


def _sentence_counts() -> tuple[Readability, Any]:
    """A fresh document readability and its per-sentence counts, not yet scored."""
    readability = rhetorika.analyze(SEED, extractors=["readability"]).readability
    assert readability is not None
    return readability, Readability.__dict__["sentences"].stored(readability)


def test_per_sentence_counts_pickled_without_a_column_take_zero() -> None:
    """Per-sentence counts pickled by a version without a column load, matched by name, with 0."""
    readability, counts = _sentence_counts()
    rebuild, (columns, rows) = counts.__reduce__()
    dropped = columns.index("characters")
    width = len(columns)
    older_rows = array("q", [value for at, value in enumerate(rows) if at % width != dropped])
    older_columns = columns[:dropped] + columns[dropped + 1 :]
    loaded = pickle.loads(pickle.dumps(_Forged((rebuild, (older_columns, older_rows)))))()
    assert len(readability.sentences) > 1
    assert [0] * len(readability.sentences) == [s.counts.characters for s in loaded]
    assert [s.counts.words for s in readability.sentences] == [s.counts.words for s in loaded]
    assert [s.start for s in readability.sentences] == [s.start for s in loaded]


def test_per_sentence_counts_from_a_newer_version_name_the_unknown_column() -> None:
    """A per-sentence column this version lacks is a SerializationError naming it."""
    _, counts = _sentence_counts()
    rebuild, (columns, rows) = counts.__reduce__()
    width = len(columns)
    newer_rows = array("q")
    for first in range(0, len(rows), width):
        newer_rows.extend([*rows[first : first + width], 7])
    newer = _Forged((rebuild, ((*columns, "added_later"), newer_rows)))
    with pytest.raises(SerializationError, match="added_later") as info:
        pickle.loads(pickle.dumps(newer))
    assert f"this rhetorika {rhetorika.__version__}" in str(info.value)


def test_names_cost_one_tuple_per_pickle() -> None:
    """A pickle of many hedges stores the field names once, not once per hedge."""
    hedges = [_hedge() for _ in range(50)]
    data = pickle.dumps(hedges)
    assert 1 == data.count(b"lexicon")
