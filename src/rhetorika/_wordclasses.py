"""Closed word classes that several extractors' context rules test.

A rule that asks "is the word before a determiner?" or "is there a negator
nearby?" should mean the same in every extractor, so the shared core of each
class lives here, once. An extractor that needs a wider class widens it where
it is defined (``NEGATORS | {"without"}``), so each difference is visible and
deliberate rather than a second list that drifted. Entries are in folded form
(lower case, "'" as the apostrophe; see `rhetorika._text.fold`), as context
words are compared.
"""

from __future__ import annotations

__all__ = [
    "BE",
    "DETERMINERS",
    "FINITE",
    "FIRST_PERSON",
    "NEGATORS",
    "PERSONAL_PRONOUNS",
    "POSSESSIVES",
    "SUBJECT_PRONOUNS",
]


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


NEGATORS = _words("not no never nor neither hardly")
"""Words that negate what follows them."""

DETERMINERS = _words("a an the this that these those some any every no another such")
"""Determiners that open a noun phrase (possessives are `POSSESSIVES`)."""

POSSESSIVES = _words("his her their its our your my whose")
"""Possessive determiners: someone's word, someone's claim."""

BE = _words("is are was were be been being am")
"""The forms of "be", uncontracted."""

FINITE = _words(
    "is are was were am has have had does do did will would can could should must shall "
    "won't don't doesn't didn't isn't aren't wasn't weren't can't"
)
"""Finite auxiliaries: a word that makes a clause of what follows."""

PERSONAL_PRONOUNS = _words("i we you he she they")
"""Personal pronouns that can be a speaker or a claimant."""

SUBJECT_PRONOUNS = PERSONAL_PRONOUNS | {"it"}
"""Pronouns that can be a clause's subject."""

FIRST_PERSON = _words("i we i'm i've i'd i'll we're we've we'll")
"""The writer or speaker as subject, with their contractions."""
