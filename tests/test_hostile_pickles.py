"""Pickles of results are rebuilt by field name, or refused naming the fields (issue #20)."""

from __future__ import annotations

import pickle
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


def test_readability_pickled_without_a_counts_field_takes_its_default() -> None:
    """The flat per-sentence readability pickle is matched by name too."""
    report = rhetorika.analyze(SEED, extractors=["readability"])
    readability = report.readability
    assert readability is not None
    assert len(readability.sentences) > 1
    rebuild, (cls, values, sentences, names, counts_names) = readability.__reduce_ex__(
        pickle.HIGHEST_PROTOCOL
    )
    assert cls is Readability
    at = names.index("counts")
    dropped = counts_names[-1]
    older_sentences = tuple((*flat[:at], flat[at][:-1], *flat[at + 1 :]) for flat in sentences)
    older = _Forged((rebuild, (cls, values, older_sentences, names, counts_names[:-1])))
    loaded = pickle.loads(pickle.dumps(older))
    assert [0] * len(sentences) == [getattr(s.counts, dropped) for s in loaded.sentences]
    assert readability.sentences[0].start == loaded.sentences[0].start
    assert readability.counts == loaded.counts


def test_names_cost_one_tuple_per_pickle() -> None:
    """A pickle of many hedges stores the field names once, not once per hedge."""
    hedges = [_hedge() for _ in range(50)]
    data = pickle.dumps(hedges)
    assert 1 == data.count(b"lexicon")
