"""The booster judge: a logistic regression deciding each booster candidate in context.

The lexicon finds nearly every booster (recall 0.97 on the study half, 0.91 on
the check half) but half of its matches are not boosters; the hand-written
context rules, fitted to the errors of the sentences they were written from,
threw true cues away on text nobody had read. The judge weighs the lexicon
entry and a few generic readings of the context by labelled data instead.

Its features are binary and readable (`describe()` says each in words):

* the candidate's lexicon entry, subtype and category;
* its context rule's verdict: accepted, rejected (and by which rule), no rule.
  These are computed, but the shipped weights leave them out
  (``rule_verdicts_as_features: false`` in the file): trained on the half
  the rules were written from, a judge given them only copies the rules
  (``scripts/train_boosters.py --stack-rules``);
* the words around it, by closed class: a determiner, possessive, number,
  preposition or "be" before; a determiner, preposition, "of", "that", a
  time word, a number, an adverb in -ly, a content word or punctuation after;
* the clause: a negation before, a past-tense verb or a bounded time after
  ("never arrived", "during the hearing"), a hypothetical ("if"), the first
  person, a question, an exclamation, inside quotation marks, the first word
  of the sentence, a capitalised word mid-sentence.

The probability ``1 / (1 + exp(-w . x))`` is the booster's ``confidence``; a
candidate is kept at or above the file's threshold. The weights are trained
by ``scripts/train_boosters.py`` on the study half of the booster dev set and
shipped as ``rhetorika/data/boosters_judge.v1.json`` (format, version,
features, training data, date, cross-validated and check-half figures).
Inference is a sum of the active features' weights: no training library.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from itertools import repeat

import attrs

from rhetorika._wordclasses import BE, DETERMINERS, FIRST_PERSON, NEGATORS, POSSESSIVES
from rhetorika.data._model_file import (
    described_weights,
    finite_number,
    logistic,
    model_version,
    parse_model_json,
    probability_threshold,
    read_builtin_model,
)
from rhetorika.extractors._hedge_entry import LexiconEntry
from rhetorika.extractors._hedge_rules import (
    RULES,
    Candidate,
    Verdict,
    bounded_time,
    hypothetical,
    is_number,
    negated,
    past_form,
)

__all__ = [
    "FORMAT",
    "JUDGE_FILE",
    "BoosterJudge",
    "booster_features",
    "builtin_judge",
    "describe",
    "judge_from_json",
]

FORMAT = "rhetorika-booster-judge"
JUDGE_FILE = "boosters_judge.v1.json"
_EVIDENCE = 3  # features named as evidence, at most

_PREPOSITIONS = frozenset(
    "of in on at for to with from by about into over under after before during since until "
    "against among between through without within across toward towards upon".split()
)
_TIME_WORDS = frozenset(
    "day days night nights morning week weeks weekend month months year years decade decades "
    "century time times hour hours moment season ago now today yesterday tomorrow tonight "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_FUNCTION_WORDS = (
    DETERMINERS
    | POSSESSIVES
    | BE
    | NEGATORS
    | _PREPOSITIONS
    | frozenset(
        "and or but if so as than then that which who whom what when where why how it he she "
        "they we i you me him her them us this these those there here not to do does did have "
        "has had will would can could should may might must".split()
    )
)
_QUOTES = re.compile('["\u201c\u201d]')

CONTEXT: dict[str, str] = {
    "bias": "every candidate",
    "rule:none": "its entry has no context rule",
    "rule:accepted": "its context rule accepts it",
    "rule:rejected": "its context rule rejects it",
    "before:determiner": "a determiner before it",
    "before:possessive": "a possessive before it",
    "before:number": "a number before it",
    "before:preposition": "a preposition before it",
    "before:be": 'a form of "be" before it',
    "before:comma": "a comma before it",
    "sentence_start": "it opens the sentence",
    "after:determiner": "a determiner after it",
    "after:preposition": "a preposition after it",
    "after:of": '"of" after it',
    "after:that": '"that" after it',
    "after:time_word": "a time word after it",
    "after:number": "a number after it",
    "after:ly_adverb": "an adverb in -ly after it",
    "after:content_word": "a content word after it",
    "after:punctuation": "punctuation or the sentence end after it",
    "negated": "a negation just before it",
    "past_after": "a past-tense verb right after it",
    "bounded_time": "a bounded time in its clause",
    "hypothetical": "in an if- or whether-clause",
    "first_person": "the first person before it",
    "question": "the sentence is a question",
    "exclamation": "the sentence is an exclamation",
    "quoted": "inside quotation marks",
    "capitalised": "capitalised mid-sentence",
    "multiword": "a phrase of several words",
}
"""The fixed features and their meaning in words."""


def describe(name: str) -> str | None:
    """A feature's meaning in words, ``None`` for a name this version does not know."""
    fixed = CONTEXT.get(name)
    if fixed is not None:
        return fixed
    kind, _, value = name.partition("=")
    if not value:
        return None
    if kind == "category" and value in ("certainty", "universal", "emphatic"):
        return f"a {value} booster"
    if kind == "subtype" and re.fullmatch(r"[a-z_]+", value):
        return f"a {value.replace('_', ' ')}"
    if kind == "entry" and re.fullmatch(r"[a-z0-9_]+", value):
        return f'the lexicon entry "{value}"'
    if kind == "rejected_by" and value in RULES:
        return f"rejected by the rule {value}"
    return None


def booster_features(c: Candidate, entry: LexiconEntry, verdict: Verdict | None) -> list[str]:
    """The active features of booster candidate ``c`` read as ``entry``, given its rule's verdict.

    ``verdict`` is what ``entry.rule`` decided (``None``: rejected); an entry
    without a rule is passed its own reading.
    """
    by_verdict = _entry_names(entry)
    names = list(by_verdict[0 if entry.rule is None else 1 if verdict is None else 2])
    left = c.left
    before = left[-1] if left else ""
    if not left:
        names.append("sentence_start")
    elif before in DETERMINERS:
        names.append("before:determiner")
    elif before in POSSESSIVES:
        names.append("before:possessive")
    elif is_number(before):
        names.append("before:number")
    elif before in _PREPOSITIONS:
        names.append("before:preposition")
    elif before in BE or before in ("'s", "'re", "'m"):
        names.append("before:be")
    elif before == ",":
        names.append("before:comma")
    right = c.right
    after = right[0] if right else ""
    if not after or not after[:1].isalnum():
        names.append("after:punctuation")
    elif after == "of":
        names.append("after:of")
    elif after == "that":
        names.append("after:that")
    elif after in DETERMINERS or after in POSSESSIVES:
        names.append("after:determiner")
    elif after in _PREPOSITIONS:
        names.append("after:preposition")
    elif after in _TIME_WORDS:
        names.append("after:time_word")
    elif is_number(after):
        names.append("after:number")
    elif after.endswith("ly") and len(after) > 4:
        names.append("after:ly_adverb")
    elif after not in _FUNCTION_WORDS:
        names.append("after:content_word")
    if negated(left):
        names.append("negated")
    if after and past_form(after):
        names.append("past_after")
    if bounded_time(right):
        names.append("bounded_time")
    if hypothetical(c):
        names.append("hypothetical")
    if not FIRST_PERSON.isdisjoint(left):
        names.append("first_person")
    sentence_end = _last_visible(c.text, c.limits[0], c.limits[1])
    if sentence_end == "?":
        names.append("question")
    elif sentence_end == "!":
        names.append("exclamation")
    if len(_QUOTES.findall(c.text, c.limits[0], c.start)) % 2:
        names.append("quoted")
    if left and c.raw[:1].isupper():
        names.append("capitalised")
    if " " in c.form:
        names.append("multiword")
    return names


_ENTRY_NAMES: dict[int, tuple[LexiconEntry, tuple[tuple[str, ...], ...]]] = {}


def _entry_names(entry: LexiconEntry) -> tuple[tuple[str, ...], ...]:
    """The features ``entry`` gives every candidate: with no rule, its rule rejecting, accepting.

    Built once per entry (the lexicon's entries live as long as the
    process), not once per candidate; the entry is kept with its names, so
    its ``id()`` is not reused by another.
    """
    cached = _ENTRY_NAMES.get(id(entry))
    if cached is not None and cached[0] is entry:
        return cached[1]
    own = ("bias", f"category={entry.category}", f"subtype={entry.subtype}", f"entry={entry.id}")
    names = (
        (*own, "rule:none"),
        (*own, "rule:rejected", f"rejected_by={entry.rule}"),
        (*own, "rule:accepted"),
    )
    _ENTRY_NAMES[id(entry)] = (entry, names)
    return names


def _last_visible(text: str, begin: int, end: int) -> str:
    """``text[begin:end].rstrip()[-1:]`` without copying the sentence."""
    while end > begin and text[end - 1].isspace():
        end -= 1
    return text[end - 1] if end > begin else ""


@attrs.frozen(kw_only=True)
class BoosterJudge:
    """Checked weights of the booster judge.

    Args:
        id: ``name.vVERSION``, e.g. ``"boosters_judge.v1"``.
        weights: Feature name to weight; a feature absent from it weighs 0.
        threshold: Candidates are kept at or above this probability.
        descriptions: Feature name to its meaning in words, for evidence.

    Added in version 0.2.0.
    """

    id: str
    weights: Mapping[str, float] = attrs.field(hash=False)
    threshold: float
    descriptions: Mapping[str, str] = attrs.field(hash=False)

    def probability(self, active: Iterable[str]) -> float:
        """``1 / (1 + exp(-w . x))`` over the active features."""
        return logistic(sum(map(self.weights.get, active, repeat(0.0))))

    def evidence(self, active: Sequence[str], *, kept: bool) -> tuple[str, ...]:
        """In words, the (at most three) active features that pushed hardest to the decision."""
        sign = 1.0 if kept else -1.0
        pushes = sorted(
            (-sign * self.weights[name], name)
            for name in active
            if name != "bias" and sign * self.weights.get(name, 0.0) > 0
        )
        return tuple(self.descriptions[name] for _, name in pushes[:_EVIDENCE])


def judge_from_json(text: str, *, path: str) -> BoosterJudge:
    """Parse and check a booster judge file.

    Raises:
        LexiconFormatError: naming ``path`` and the line (bad JSON) or the
            field that is wrong.

    Added in version 0.2.0.
    """
    data = parse_model_json(text, path=path)
    version = model_version(data, path=path, file_format=FORMAT, name="boosters_judge")
    threshold = probability_threshold(data.get("threshold"), path=path, field="threshold")
    weights, descriptions = described_weights(
        data,
        path=path,
        known=lambda feature: describe(feature) is not None,
        weight=lambda value, field: finite_number(value, path=path, field=field),
    )
    return BoosterJudge(
        id=f"boosters_judge.v{version}",
        weights=weights,
        threshold=threshold,
        descriptions=descriptions,
    )


@cache
def builtin_judge() -> BoosterJudge:
    """The judge shipped with rhetorika, parsed and checked once.

    Added in version 0.2.0.
    """
    text, path = read_builtin_model(JUDGE_FILE)
    return judge_from_json(text, path=path)
