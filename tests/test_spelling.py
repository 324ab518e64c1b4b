"""Public enum values have one spelling; the old MINIMISATION still works, with a warning."""

from __future__ import annotations

import warnings

import pytest

import rhetorika
from rhetorika.lexicons.loaded import builtin_lexicon
from rhetorika.results import LoadedCategory, LoadedTerm


def test_values_are_spelt_the_american_way() -> None:
    """No public enum value uses the British -is- spelling of an -ize word."""
    enums = [
        rhetorika.HedgeCategory,
        rhetorika.BoosterCategory,
        rhetorika.QuotationKind,
        rhetorika.LoadedCategory,
    ]
    british = [m.value for e in enums for m in e if "isation" in m.value or "ising" in m.value]
    assert [] == british


@pytest.mark.parametrize(
    "old",
    [
        lambda: LoadedCategory.MINIMISATION,
        lambda: LoadedCategory["MINIMISATION"],
        lambda: LoadedCategory("minimisation"),
    ],
    ids=["attribute", "name", "value"],
)
def test_old_spelling_is_a_deprecated_alias(old: object) -> None:
    """The old name and value give MINIMIZATION and a DeprecationWarning naming the new one."""
    with pytest.warns(DeprecationWarning, match=r"use LoadedCategory\.MINIMIZATION"):
        member = old()  # type: ignore[operator]
    assert LoadedCategory.MINIMIZATION is member


def test_old_value_in_json_still_reads() -> None:
    """A result saved with the old value reads back as MINIMIZATION, with a warning."""
    term = LoadedTerm(
        start=0,
        end=4,
        text="mere",
        category=LoadedCategory.MINIMIZATION,
        intensity=0.5,
        entry="mere",
        lexicon="loaded.v1",
        sentence=0,
    )
    saved = rhetorika.to_json(term).replace('"minimization"', '"minimisation"')
    with pytest.warns(DeprecationWarning, match="MINIMISATION"):
        assert term == rhetorika.from_json(saved, LoadedTerm)


def test_unknown_names_still_fail() -> None:
    """Names and values that were never members raise as before."""
    with pytest.raises(AttributeError):
        LoadedCategory.NOT_A_CATEGORY  # noqa: B018
    with pytest.raises(ValueError, match="not a valid LoadedCategory"):
        LoadedCategory("nope")


def test_the_shipped_lexicon_uses_the_new_spelling() -> None:
    """Loading the built-in loaded-terms lexicon gives no deprecation warning."""
    builtin_lexicon.cache_clear()
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        lexicon = builtin_lexicon()
    assert lexicon is not None
