"""Loaded terms: charged words and phrases, with category, intensity and alternatives.

Matching runs over the text, not token by token, so the extractor needs no
``Doc``
([`LoadedTermExtractor.from_text()`][rhetorika.extractors.loaded.LoadedTermExtractor.from_text])
and gives the same results with or without one: the text is lower-cased once (keeping its length,
so offsets stay offsets), one regular expression shaped as a trie of the entries' first words finds
the candidates at word boundaries, and only those are completed (multi-word entries) and checked
against their context. The cost grows with the number of matches, hardly with the size of the
lexicon.

Context rules, in order: ``veto_prev`` / ``veto_next`` words of the entry
("exercise regime"); the entry's rule (``human_target``, ``reporting``);
capitalised words inside a proper name ("Massive Attack") or inside a quoted
title ("the film "Reign of Terror""); the entry's POS tags when the pipeline
assigns them. Intensity starts from the entry and is raised by an
intensifier just before the term ("truly evil"), halved by a negation
("not a disaster"), and lowered inside quotation marks.

With the judge on (the default), words of the shipped affect table and
morphological labels ("far-left", "anti-X") are candidates too
([`_loaded_candidates`][rhetorika.extractors._loaded_candidates]), and the judge
([`_loaded_judge`][rhetorika.extractors._loaded_judge]) gives every term the probability that it is
loaded in its context: its ``confidence``. Candidates outside the lexicon are kept only at the
judge's threshold; lexicon matches stay unless their lexicon is named in ``overrule``.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Literal

import attrs

from rhetorika._contractions import NEGATED
from rhetorika._doc import doc_text, sentence_offsets
from rhetorika._text import trie_pattern
from rhetorika._warnings import annotated
from rhetorika._wordclasses import NEGATORS
from rhetorika.data._affect import affect_table
from rhetorika.data._model_file import logistic
from rhetorika.exceptions import ArgumentTypeError, ConfigurationError, LexiconFormatError
from rhetorika.extractors._loaded_candidates import (
    affect_entries,
    morphology_entries,
    morphology_matches,
    suffix_class,
    wing_forms,
)
from rhetorika.extractors._loaded_judge import (
    CONTEXT_FEATURES,
    POS_CLASSES,
    Judge,
    form_features,
    load_judge,
    pos_class,
)
from rhetorika.lexicons.loaded import (
    LoadedEntry,
    LoadedLexicon,
    builtin_lexicon,
    load_lexicon,
    normalise,
    surface_forms,
)
from rhetorika.results import LoadedCategory, LoadedTerm
from rhetorika.typing import FeatureColumn
from rhetorika.words import per_100_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from rhetorika.typing import Features

__all__ = ["JUDGE_MODES", "MODES", "LoadedTermExtractor", "features"]

MODES: tuple[str, ...] = ("extend", "override", "replace")
"""How user lexicons combine with the built-in one."""
JUDGE_MODES: tuple[str, ...] = ("on", "off")
"""Whether the judge proposes open-vocabulary candidates and scores every term."""

Mode = Literal["extend", "override", "replace"]
JudgeMode = Literal["on", "off"]

_PIECE = re.compile(r"[^\W_]+")
_GAP_CHARS = " \t\r\n\u00a0-'"
_GAP = re.compile(r"[ \t\r\n\u00a0\-']{1,3}")
_LATIN1_SPACES = bytes(byte if chr(byte).isalnum() else 0x20 for byte in range(256))
"""A translation table of Latin-1 bytes: letters and digits kept, every other byte a space."""
_NOT_LATIN1 = re.compile(r"[^\x00-\xff]")
_LATIN1_CASES = bytes(
    0x61 if chr(byte).islower() else 0x41 if chr(byte).isalnum() else 0x20 for byte in range(256)
)
"""A translation table of Latin-1 bytes: "a" for a lower-case letter, "A" for another letter
or digit, a space for the rest."""
_GAP_WORD = re.compile(r"[ \t\r\n\u00a0\-']{1,3}([^\W_]*)")
"""_GAP and the word after it: the only word a form's next word can equal (see _following)."""
_COMMON_WORDS = frozenset(
    """a an the of in on at to for by with from and or but so as is are was be it its that
    this not no nothing just let all one more most than up out off over into about few""".split()
)


def _by_position(item: tuple[int, int, Any]) -> tuple[int, int]:
    return (item[0], -item[1])


# Negation words, and negated auxiliaries as web text spells them without
# their apostrophe ("isnt", "dont"); "n't" itself is matched apart.
_NEGATION_WORDS = "|".join((*sorted(NEGATORS | {"without", "nothing"}), *NEGATED))
_NEGATION = re.compile(rf"(?<![^\W_])(?:{_NEGATION_WORDS})(?![^\W_])|n't(?![^\W_])")
_NEGATION_WINDOW = 24
_NEGATION_AFTER = re.compile(rf"[\W_](?:{_NEGATION_WORDS}|t(?<=n't))(?![^\W_])")
"""_NEGATION with the character before it: a search that starts with a character
class skips letters in C. The n't branch matches from its apostrophe."""
_HEDGE_WINDOW = 40
_HEDGE_WORDS = (
    "may|might|could|reportedly|allegedly|apparently|possibly|perhaps|"
    "seemingly|purportedly|supposedly|arguably"
)
_HEDGE_AFTER = re.compile(rf"[\W_](?:{_HEDGE_WORDS})(?![^\W_])")
"""A hedge word with the character before it, searched like _NEGATION_AFTER in the
_HEDGE_WINDOW characters before a candidate."""
_CUE_AFTER = re.compile(rf"[\W_](?:{_NEGATION_WORDS}|t(?<=n't)|{_HEDGE_WORDS})(?![^\W_])")
"""_NEGATION_AFTER and _HEDGE_AFTER in one. Where it finds nothing in the _HEDGE_WINDOW
characters before a candidate, neither of them can (the _NEGATION_WINDOW lies inside), so
most candidates need one search instead of two."""
_COMPOUND_PREFIXES = frozenset(["anti", "pro", "non", "counter"])
"""A hyphenated prefix that makes the word after it part of another word ("anti-fascist")."""
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
"""A year right before a term names an event ("the 2003 invasion of Iraq")."""
_ADJACENT_NEXT = re.compile(r"[ \t\-]{1,3}([^\W_]+)")
_NEXT_COMPOUND = re.compile(r"[ \t]{1,2}([^\W_]+(?:[-'][^\W_]+)*)")
_PHRASE_WORDS = 3
_QUOTES = re.compile(
    r"\"([^\"\n]{1,400})\"|\u201c([^\u201c\u201d\n]{1,400})\u201d"
    r"|\u00ab([^\u00ab\u00bb\n]{1,400})\u00bb|\u201e([^\u201c\u201d\u201e\n]{1,400})\u201c"
)
_WINDOW = 60
_REVERSED_WORD = re.compile(rf"[ \t\-]{{1,3}}([^\W_]{{1,{_WINDOW}}})")
"""In the reversed text: the gap and the word right before a position (see _word_before)."""
_SCARE_WORDS = 4
_MORE_THAN_SCARE_WORDS = re.compile(rf"[\W_]*+(?:[^\W_]++[\W_]*+){{{_SCARE_WORDS + 1}}}")
"""Matches where more than _SCARE_WORDS words follow, without reading the rest."""
_TITLE_WORDS = 10
_HUMAN_WINDOW = 6
_HUMAN_AFTER = 4
_CLAUSE_END = re.compile(r"[,.;:!?()\[\]\"\u201c\u201d\n]|\s-+\s|\u2014|\u2013")
"""Punctuation that ends the clause a dehumanizing metaphor and its target share."""

_INTENSIFIERS = frozenset(
    [
        "very",
        "extremely",
        "utterly",
        "truly",
        "so",
        "most",
        "absolutely",
        "totally",
        "really",
        "deeply",
        "incredibly",
        "completely",
        "downright",
        "outright",
        "thoroughly",
        "particularly",
        "especially",
        "complete",
        "total",
        "utter",
        "sheer",
        "pure",
    ]
)
_REVERSED_INTENSIFIER = re.compile(
    r"[ \t\-]{1,3}(?:" + "|".join(sorted(word[::-1] for word in _INTENSIFIERS)) + r")(?![^\W_])"
)
"""In the reversed text: an intensifier right before a position, as _word_before reads it."""
_FUNCTION_WORDS = frozenset(
    """a an the no not to of in on at for with and or but nor that this these those it is are
    was were be been he she they we you i his her their its our my your by as from than then
    so if when what who which there here all any some one more less most nothing everything
    anything something right well sure such about into over out up""".split()
)
# Closed-class words that end the noun phrase after a loaded adjective:
# auxiliaries, pronouns, adverbs, conjunctions and prepositions cannot be
# part of it ("the horrific shooting did not", "disastrous plans anyway").
_PHRASE_STOP = _FUNCTION_WORDS | frozenset(
    """do does did done doing has have had having will would can could should may might
    must shall don't doesn't didn't can't won't isn't aren't wasn't weren't hasn't haven't
    hadn't couldn't wouldn't shouldn't me him us them myself himself herself itself
    ourselves themselves yourself whose whom very too also just even only still yet ever
    never now again anyway however therefore thus instead perhaps maybe indeed almost
    already soon often always sometimes usually because while although though unless until
    since whether how why where whereas after before during under between against among
    amid through throughout without within across behind beyond near upon via per toward
    towards despite along around beside besides onto off down past like unlike both each
    every either neither many much few several given including regarding concerning""".split()
)
_PASSIVE = frozenset(
    ["was", "were", "is", "are", "be", "been", "being", "get", "got", "gets", "getting", "am"]
)
_NOUN_USE = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "our",
        "your",
        "my",
        "such",
        "any",
        "false",
        "new",
        "of",
    ]
)
_ADMISSION_PLACES = frozenset(
    [
        "hospital",
        "the",
        "a",
        "an",
        "university",
        "college",
        "school",
        "bar",
        "practice",
        "icu",
        "emergency",
        "membership",
        "nato",
        "eu",
        "union",
        "court",
    ]
)
_PEOPLE = frozenset(
    """people persons person men women man woman children kids migrants migrant immigrants
    immigrant refugees refugee asylum seekers protesters protestors demonstrators rioters
    foreigners aliens illegals muslims jews christians blacks whites gays liberals
    conservatives democrats republicans leftists rightists progressives socialists communists
    voters citizens supporters followers fans critics opponents politicians journalists
    reporters officials police cops soldiers troops fighters militants terrorists criminals
    gangs gang thugs invaders mob crowd crowds workers students he she they them
    these those who whom you we us him humans human population populations tribe tribes
    minorities minority natives settlers""".split()
)
_PEOPLE_SUFFIXES = ("ians", "ans", "ese", "ists", "ites", "is", "ers")
_SENTENCE_OPENERS = frozenset(".!?:;\"'([\u201c\u2018\u00ab\n")
_SCREENED_LATER = tuple(
    name for name in CONTEXT_FEATURES if name not in ("capitalised", "quoted_short", "quoted_long")
)
"""Context features a candidate the judge may drop is screened without: taken at their best."""
_SCREEN_MARGIN = 0.001
"""How far under its cutoff a candidate's best probability must be to be dropped unjudged,
so that a rounding difference between two sums of the same weights cannot decide."""
_TERM_FIELDS = (
    "start",
    "end",
    "text",
    "category",
    "intensity",
    "alternatives",
    "sentence",
    "lexicon",
    "entry",
    "quoted",
    "phrase",
    "confidence",
    "source",
)
"""The fields of `LoadedTerm` that `_new_term` sets, in order (a test checks them)."""


def _term_builder() -> Callable[..., LoadedTerm]:
    """Build a `LoadedTerm` by setting its slots, without attrs' ``__init__`` and validators.

    Every value the extractor passes is valid by construction (offsets from
    matches, intensity clamped to [0, 1], a probability), and the validated
    constructor takes 1.9 µs a term against 0.6 µs: a dense user lexicon
    makes about 50 terms an article. Tests check that both give equal terms.
    """
    slots = [LoadedTerm.__dict__[name].__set__ for name in _TERM_FIELDS]
    (s_start, s_end, s_text, s_category, s_intensity, s_alternatives, s_sentence) = slots[:7]
    (s_lexicon, s_entry, s_quoted, s_phrase, s_confidence, s_source) = slots[7:]
    new = object.__new__

    def build(
        start: int,
        end: int,
        text: str,
        category: LoadedCategory,
        intensity: float,
        alternatives: tuple[str, ...],
        sentence: int,
        lexicon: str,
        entry: str,
        phrase: tuple[int, int] | None,
        confidence: float | None,
        source: str,
    ) -> LoadedTerm:
        term: LoadedTerm = new(LoadedTerm)
        s_start(term, start)
        s_end(term, end)
        s_text(term, text)
        s_category(term, category)
        s_intensity(term, intensity)
        s_alternatives(term, alternatives)
        s_sentence(term, sentence)
        s_lexicon(term, lexicon)
        s_entry(term, entry)
        s_quoted(term, False)
        s_phrase(term, phrase)
        s_confidence(term, confidence)
        s_source(term, source)
        return term

    return build


_new_term = _term_builder()


@attrs.frozen
class _Form:
    """One surface form of an entry, with what judging its matches needs worked out once.

    ``before`` and ``rest`` are the form's words before and after its anchor
    word. The flags let a match of an entry without context constraints
    skip the checks it does not need: ``intensifier`` when the form is a
    single intensifier word ("utterly"), ``constrained`` when the entry has
    veto words or a context rule, ``phrase_word`` the entry's last word when
    it is an adjective whose noun phrase may be reported. The entry's fields
    that every term copies are repeated here, one attribute away.
    """

    entry: LoadedEntry
    before: tuple[str, ...]
    rest: tuple[str, ...]
    intensifier: bool
    constrained: bool
    phrase_word: str | None
    category: LoadedCategory
    intensity: float
    pos: tuple[str, ...]
    alternatives: tuple[str, ...]
    lexicon: str
    name: str
    source: str = "lexicon"
    overrulable: bool = False
    cutoff: float = 0.0
    """The probability an overrulable form needs to be reported."""
    prior: float = 0.0
    """The judge's score from the features that do not depend on context."""
    pos_class: str | None = None
    features: dict[str, float] = attrs.field(factory=dict, eq=False)
    ceiling: float = 0.0
    """The highest score the form can reach where its quotation and capital are known."""
    tagged_ceiling: float = 0.0
    """``ceiling`` on a tagged ``Doc``, whose tag may change the part-of-speech weight."""

    @classmethod
    def of(
        cls,
        entry: LoadedEntry,
        form: tuple[str, ...],
        anchor: int,
        *,
        judge: Judge | None = None,
        source: str = "lexicon",
        overrulable: bool = False,
        cutoff: float = 0.0,
        morphology: str | None = None,
    ) -> _Form:
        assert entry.category is not None  # "off" entries were dropped when merging
        affect = affect_table()
        rated = [affect[word] for word in form if word in affect]
        pos = None
        if entry.pos:
            pos = next(filter(None, map(pos_class, entry.pos)), None)
        elif form:
            pos = suffix_class(form[-1])
            pos = None if pos == "other" else pos
        active = form_features(
            source=source,
            category=entry.category,
            intensity=entry.intensity,
            affect=max(rated, key=lambda pair: abs(pair[0])) if rated else None,
            pos=pos,
            words=len(form),
            morphology=morphology,
        )
        phrase_word = entry.key[-1] if "ADJ" in entry.pos else None
        if source == "affect" and pos == "adj":
            phrase_word = form[-1]
        prior = ceiling = tagged_ceiling = 0.0
        if judge is not None:
            prior = judge.score(active)
            weights = judge.weights
            ceiling = prior + sum(max(0.0, weights[name]) for name in _SCREENED_LATER)
            own = weights[f"pos={pos}"] if pos is not None else 0.0
            best_pos = max(0.0, *(weights[f"pos={name}"] for name in POS_CLASSES))
            tagged_ceiling = ceiling + best_pos - own
        return cls(
            entry=entry,
            before=form[:anchor],
            rest=form[anchor + 1 :],
            intensifier=len(form) == 1 and form[0] in _INTENSIFIERS,
            constrained=bool(entry.veto_prev or entry.veto_next or entry.rule),
            phrase_word=phrase_word,
            category=entry.category,
            intensity=entry.intensity,
            pos=entry.pos,
            alternatives=entry.alternatives,
            lexicon=entry.lexicon,
            name=entry.entry,
            source=source,
            overrulable=overrulable,
            cutoff=cutoff,
            prior=prior,
            pos_class=pos,
            features=active,
            ceiling=ceiling,
            tagged_ceiling=tagged_ceiling,
        )


@attrs.frozen
class _Index:
    """The compiled matcher: entries by their anchor word, longest forms first.

    A form's anchor is its first word that is not one of the commonest
    English words ("handful" in "a handful of"), so that "a", "the" and "of"
    do not become candidates hundreds of times a text. ``pattern`` finds
    every anchor at word boundaries in one pass: a regular expression built
    as a trie of the words (plain letters only, so matching is linear and
    cannot backtrack catastrophically); no Python loop runs over the text's
    words. It matches the character before the word too (group 1 is the
    word), and runs over the text behind a newline: starting with a
    character class, the search skips letters in C rather than trying a
    look-behind at each of them. ``single`` holds the anchors whose only
    form is the word itself, which need no completing; ``by_first`` every
    anchor's forms; ``following`` those of the anchors with forms that go on
    after them, by the word after the anchor (see `_following`).
    """

    first: frozenset[str]
    by_first: dict[str, tuple[_Form, ...]]
    single: dict[str, _Form]
    pattern: re.Pattern[str]
    following: dict[str, tuple[dict[str, tuple[_Form, ...]], tuple[_Form, ...]]] = attrs.field(
        factory=dict
    )
    spaced: re.Pattern[str] | None = None
    """``pattern`` for the text as `_spaced` writes it, where a space starts every word."""
    morphology: dict[str, _Form] = attrs.field(factory=dict)
    """The form of each morphological pattern kind; empty without the judge."""
    rounded: dict[float, float] = attrs.field(factory=dict)
    """Intensities rounded for results, by unrounded value: ``round`` is slow."""
    confidences: dict[float, float] = attrs.field(factory=dict)
    """Rounded probabilities by judge score: scores repeat, ``exp`` and ``round`` are slow."""


def _anchor(form: tuple[str, ...]) -> int:
    for position, word in enumerate(form):
        if word not in _COMMON_WORDS:
            return position
    return 0


def _build_index(
    entries: Iterable[LoadedEntry],
    *,
    judge: Judge | None = None,
    overrule: frozenset[str] = frozenset(),
    threshold: float = 0.5,
    lexicon_threshold: float = 0.5,
) -> _Index:
    """The matcher over ``entries`` and, with a ``judge``, its open-vocabulary candidates.

    Entries of the lexicons named in ``overrule`` may be dropped by the judge
    when their category is one its training data annotates;
    candidates from the affect table and from morphology always may; they
    need ``threshold``, overruled lexicon entries ``lexicon_threshold``. An
    affect-table word that could not reach ``threshold`` in any context is
    left out of the matcher: it would cost time and never be reported.
    """
    table: dict[str, list[_Form]] = {}
    seen: set[tuple[str, ...]] = set()
    chosen = list(entries)
    # An entry as written wins over a form generated from another entry
    # ("devastating" the adjective over the -ing form of "devastate").
    forms = [(entry.key, entry, "lexicon") for entry in chosen]
    forms += [(form, entry, "lexicon") for entry in chosen for form in surface_forms(entry)[1:]]
    if judge is not None:
        # affect-table words come last: any lexicon form of the same words wins
        taken = {form for form, _, _ in forms}
        affect = affect_entries(judge.min_valence, taken)
        forms += [(entry.key, entry, "affect") for entry in affect]
        wing = morphology_entries()["wing"]
        forms += [(form, wing, "morphology") for form in wing_forms()]
    for form, entry, source in forms:
        if not form or form in seen:
            continue
        seen.add(form)
        anchor = _anchor(form)
        option = _Form.of(
            entry,
            form,
            anchor,
            judge=judge,
            source=source,
            overrulable=source != "lexicon"
            or (
                entry.lexicon in overrule
                and judge is not None
                and entry.category is not None
                and entry.category.value in judge.overrulable_categories
            ),
            cutoff=threshold if source != "lexicon" else lexicon_threshold,
            morphology="wing" if source == "morphology" else None,
        )
        if source == "affect" and judge is not None and _hopeless(option, judge, threshold):
            continue
        table.setdefault(form[anchor], []).append(option)
    by_first = {
        word: tuple(sorted(options, key=lambda item: -len(item.before) - len(item.rest)))
        for word, options in table.items()
    }
    single = {
        word: options[0]
        for word, options in by_first.items()
        if len(options) == 1 and not options[0].before and not options[0].rest
    }
    trie = trie_pattern(by_first) or "(?!)"
    pattern = re.compile(r"[\W_](" + trie + r")(?![^\W_])")
    following = {
        word: _following(options)
        for word, options in by_first.items()
        if any(option.rest for option in options)
    }
    morphology = {}
    if judge is not None:
        for kind, entry in morphology_entries().items():
            morphology[kind] = _Form.of(
                entry,
                entry.key,
                0,
                judge=judge,
                source="morphology",
                overrulable=True,
                cutoff=threshold,
                morphology=kind,
            )
    return _Index(
        first=frozenset(by_first),
        by_first=by_first,
        single=single,
        pattern=pattern,
        spaced=re.compile(" (" + trie + r")(?![^\W_])"),
        following=following,
        morphology=morphology,
    )


def _following(
    options: tuple[_Form, ...],
) -> tuple[dict[str, tuple[_Form, ...]], tuple[_Form, ...]]:
    """An anchor's forms by the word after it, in their order, and those that need no such word.

    A form that goes on after its anchor can match only where the word after
    the anchor (past a gap as _match_rest skips it) is its next word, so with
    thousands of phrases of one first word ("good ...") a match tries only
    the few that can complete. Each form a lookup returns is still completed
    by _match_rest; a next word that is not one run of letters and digits
    (never, for forms made by `pieces()`) keeps its form in every list.
    """
    keys = {
        option.rest[0] for option in options if option.rest and _PIECE.fullmatch(option.rest[0])
    }

    def kept(word: str | None) -> tuple[_Form, ...]:
        return tuple(
            option
            for option in options
            if not option.rest or option.rest[0] == word or option.rest[0] not in keys
        )

    return {word: kept(word) for word in sorted(keys)}, kept(None)


def _hopeless(form: _Form, judge: Judge, threshold: float) -> bool:
    """Even the most favourable context leaves ``form`` under ``threshold``."""
    weights = judge.weights
    best = form.prior + sum(max(0.0, weight) for weight in judge.context())
    pos = [weights[f"pos={name}"] for name in POS_CLASSES]
    own = weights[f"pos={form.pos_class}"] if form.pos_class is not None else 0.0
    best += max(0.0, *pos) - own
    return logistic(best) < threshold


def _morphology(index: _Index, text: str, low: str, found: list[tuple[int, int, _Form]]) -> None:
    """Add the matches of the morphological patterns to ``found``, keeping it sorted."""
    matches = morphology_matches(text, low)
    if matches:
        forms = index.morphology
        found.extend((start, end, forms[kind]) for start, end, kind in matches)
        found.sort(key=_by_position)


def _word_before(text: str, position: int) -> tuple[str, int] | None:
    """The word right before ``position`` (spaces or hyphens between), and its start."""
    gap = position
    while gap > 0 and position - gap < 3 and text[gap - 1] in " \t-":
        gap -= 1
    if gap == position:
        return None
    begin = gap
    while begin > 0 and gap - begin < _WINDOW and text[begin - 1].isalnum():
        begin -= 1
    return (text[begin:gap], begin) if begin < gap else None


def _match_before(low: str, position: int, before: tuple[str, ...]) -> int | None:
    """Where the words ``before`` start, right before ``position``; the mirror of _match_rest."""
    for piece in reversed(before):
        gap = position
        while gap > 0 and position - gap < 3 and low[gap - 1] in _GAP_CHARS:
            gap -= 1
        if gap == position or "\n\n" in low[gap:position]:
            return None
        begin = gap - len(piece)
        if begin < 0 or not low.startswith(piece, begin):
            return None
        if begin and low[begin - 1].isalnum():
            return None
        position = begin
    return position


def _match_rest(low: str, position: int, rest: tuple[str, ...]) -> int | None:
    for piece in rest:
        gap = _GAP.match(low, position)
        if gap is None or "\n\n" in gap.group():
            return None
        position = gap.end()
        if not low.startswith(piece, position):
            return None
        position += len(piece)
        if position < len(low) and low[position].isalnum():
            return None
    return position


def _candidates(index: _Index, low: str, shifted: str) -> list[tuple[int, int, _Form]]:
    """Every match of a form in ``low``, sorted by start, longer matches first.

    ``shifted`` is ``low`` behind a newline, so that every word, the first
    included, follows a character that is not a letter or digit. Where it
    can, the anchors are found in `_spaced` ``low`` instead, at the same offsets.
    """
    found: list[tuple[int, int, _Form]] = []
    add = found.append
    by_first = index.by_first
    single = index.single.get
    following = index.following.get
    next_word = _GAP_WORD.match
    spaced = index.spaced
    scanned = _spaced(low) if spaced is not None else None
    if spaced is not None and scanned is not None:
        matches = spaced.finditer(scanned)
    else:
        matches = index.pattern.finditer(shifted)
    # Candidates come in text order, a form's longer options first, unless
    # a form has words before its anchor: only then do they need sorting.
    ordered = True
    for match in matches:
        # The match starts at the character before the word, which is where
        # the word starts in ``low``, one character shorter than ``shifted``.
        start = match.start()
        word = match.group(1)
        after = start + len(word)
        form = single(word)
        if form is not None:
            add((start, after, form))
            continue
        options = by_first[word]
        branches = following(word)
        if branches is not None:
            gap = next_word(low, after)
            options = branches[1] if gap is None else branches[0].get(gap.group(1), branches[1])
        for form in options:
            before = form.before
            begin = _match_before(low, start, before) if before else start
            if begin is None:
                continue
            rest = form.rest
            end = _match_rest(low, after, rest) if rest else after
            if end is not None:
                add((begin, end, form))
                if before:
                    ordered = False
    if not ordered:
        found.sort(key=_by_position)
    return found


def _spaced(low: str) -> str | None:
    """``low`` behind a space, with every character that is not a letter or digit a space.

    Anchors are then found by a pattern that starts with a literal space,
    which ``re`` looks for much faster than for the class of every
    character that is not a letter or digit, and offsets stay those of
    ``shifted``. Built through Latin-1 bytes (a character beyond Latin-1
    becomes one "?", then a space), so it holds only for a text without a
    letter or digit beyond Latin-1: for such a text the result is ``None``.
    """
    if not low.isascii() and any(char.isalnum() for char in _NOT_LATIN1.findall(low)):
        return None
    return (" " + low).encode("latin-1", "replace").translate(_LATIN1_SPACES).decode("latin-1")


def _title_case(line: str) -> bool:
    """At least three words in four of ``line`` start with a capital or a digit.

    The words are runs of letters and digits. Counted as the starts of runs
    of "a" and "A" in the line's bytes translated by _LATIN1_CASES, in C,
    unless a letter or digit beyond Latin-1 would become "?": then one by one.
    """
    raw = line.encode("latin-1", "replace")
    if raw.count(b"?") != line.count("?") and any(
        char.isalnum() for char in _NOT_LATIN1.findall(line)
    ):
        words = _PIECE.findall(line)
        lower = sum(map(str.islower, map(itemgetter(0), words)))
        return (len(words) - lower) * 4 >= len(words) * 3
    marked = b" " + raw.translate(_LATIN1_CASES)
    lower = marked.count(b" a")
    count = lower + marked.count(b" A")
    return (count - lower) * 4 >= count * 3


def _negated(shifted: str, start: int) -> bool:
    """A negation ("not", "n't", "isnt") in the _NEGATION_WINDOW characters before ``start``.

    The same as ``_NEGATION.search(low, max(0, start - _NEGATION_WINDOW), start)``
    (a test checks it), searched in ``shifted``, the lower-cased text behind a
    newline, where offsets are one higher.
    """
    window = start - _NEGATION_WINDOW if start > _NEGATION_WINDOW else 0
    found = _NEGATION_AFTER.search(shifted, window, start + 1)
    if found is not None and found.start() < window + 2 and found.group() == "'t":
        # the n of this n't lies before the window
        found = _NEGATION_AFTER.search(shifted, window + 2, start + 1)
    return found is not None


def _merge(
    builtin: LoadedLexicon | None, users: list[LoadedLexicon], mode: str
) -> tuple[LoadedEntry, ...]:
    table: dict[tuple[str, ...], LoadedEntry] = {}
    if builtin is not None:
        table.update((entry.key, entry) for entry in builtin.entries)
    for lexicon in users:
        for entry in lexicon.entries:
            if mode == "extend":
                if entry.category is None:
                    raise LexiconFormatError(
                        "category 'off' switches off an entry and needs mode='override'",
                        path=lexicon.path,
                        line=entry.line,
                    )
                if entry.key in table:
                    clash = table[entry.key]
                    raise LexiconFormatError(
                        f"entry {entry.entry!r} is already in {clash.lexicon} (line "
                        f"{clash.line}); use mode='override' to replace it",
                        path=lexicon.path,
                        line=entry.line,
                    )
            table[entry.key] = entry
    return tuple(entry for entry in table.values() if entry.category is not None)


class LoadedTermExtractor:
    """Finds loaded terms: pejorative labels, emotive words, euphemisms and more.

    Args:
        lexicons: User lexicons: paths to TSV, CSV or JSON files, or
            [`LoadedLexicon`][rhetorika.lexicons.loaded.LoadedLexicon] objects from
            [`load_lexicon()`][rhetorika.lexicons.loaded.load_lexicon].
        mode: ``"extend"`` adds the user entries to the built-in lexicon (an
            entry already there is an error), ``"override"`` lets user
            entries replace built-in ones of the same words (and category
            ``off`` removes one), ``"replace"`` uses only the user lexicons.
        categories: Report only these categories (names or
            [`LoadedCategory`][rhetorika.LoadedCategory] members); ``None`` reports all.
        min_intensity: Drop terms whose adjusted intensity is below this.
        judge: ``"on"`` (default): besides the lexicon, words of the shipped
            affect table and productive morphology ("anti-vaxxers",
            "far-left") are candidates, which the judge keeps when its
            probability reaches ``threshold``; every term gets a
            ``confidence``. ``"off"``: the lexicon alone, as in version
            0.1, ``confidence`` ``None``.
        overrule: Ids of lexicons in use (e.g. ``"loaded.v1"``,
            ``"newsroom.v3"``) whose entries the judge may drop too, in the
            categories its training data annotates (pejorative, emotive,
            intensifier, dehumanizing); entries of other categories, and of
            lexicons not named, are always reported. By default none: the
            lexicon's matches all stay, with their confidence.
        threshold: The probability a judged term needs (a candidate, or a
            match of a lexicon in ``overrule``); ``None`` takes the shipped
            judge's own two thresholds, chosen when it was trained.

    Raises:
        ConfigurationError: A bad mode, category or threshold; the message
            lists the valid choices.
        LexiconFormatError: A user lexicon is malformed, or clashes with the
            built-in one in ``"extend"`` mode; the message names file and line.

    Added in version 0.1.0.
    """

    name = "loaded_terms"

    def __init__(
        self,
        *,
        lexicons: Iterable[str | os.PathLike[str] | LoadedLexicon] = (),
        mode: Mode = "extend",
        categories: Iterable[str | LoadedCategory] | None = None,
        min_intensity: float = 0.0,
        judge: JudgeMode = "on",
        overrule: Iterable[str] = (),
        threshold: float | None = None,
    ) -> None:
        if mode not in MODES:
            raise ConfigurationError(f"unknown mode {mode!r}; valid: {', '.join(MODES)}")
        if judge not in JUDGE_MODES:
            raise ConfigurationError(f"unknown judge {judge!r}; valid: {', '.join(JUDGE_MODES)}")
        if threshold is not None and not 0.0 <= threshold <= 1.0:
            raise ConfigurationError(f"threshold must be in [0, 1], got {threshold!r}")
        if isinstance(overrule, str):
            overrule = [overrule]
        if isinstance(lexicons, str | os.PathLike | LoadedLexicon):
            lexicons = [lexicons]
        if not isinstance(lexicons, Iterable):
            raise ArgumentTypeError(
                "lexicons must be a file path, a LoadedLexicon or an iterable of them, "
                f"got {type(lexicons).__name__}"
            )
        users = [
            item if isinstance(item, LoadedLexicon) else load_lexicon(item) for item in lexicons
        ]
        if mode == "replace" and not users:
            raise ConfigurationError("mode='replace' needs at least one lexicon in lexicons=")
        if not 0.0 <= min_intensity <= 1.0:
            raise ConfigurationError(f"min_intensity must be in [0, 1], got {min_intensity!r}")
        chosen: frozenset[LoadedCategory] | None = None
        if categories is not None:
            valid = [c.value for c in LoadedCategory]
            picked = []
            for category in [categories] if isinstance(categories, str) else categories:
                value = category.value if isinstance(category, LoadedCategory) else category
                if value not in valid:
                    raise ConfigurationError(
                        f"unknown category {category!r}; valid: {', '.join(valid)}"
                    )
                picked.append(LoadedCategory(value))
            chosen = frozenset(picked)
        builtin = None if mode == "replace" else builtin_lexicon()
        self._lexicon_ids = tuple(
            dict.fromkeys([*([builtin.id] if builtin else []), *(lex.id for lex in users)])
        )
        self._mode = mode
        self._categories = chosen
        self._min_intensity = min_intensity
        self._entries = _merge(builtin, users, mode)
        self._overrule = frozenset(overrule)
        unknown = sorted(self._overrule - set(self._lexicon_ids))
        if unknown:
            raise ConfigurationError(
                f"overrule names lexicons not in use: {unknown}; in use: "
                f"{', '.join(self._lexicon_ids)}"
            )
        self._judge = load_judge() if judge == "on" else None
        self._threshold = self._lexicon_threshold = 0.0
        if threshold is not None:
            self._threshold = self._lexicon_threshold = threshold
        elif self._judge is not None:
            self._threshold = self._judge.threshold
            self._lexicon_threshold = self._judge.lexicon_threshold
        self._index: _Index | None = None

    @property
    def lexicon_id(self) -> str:
        """Ids of the lexicons in use, joined with ``+``, e.g. ``"loaded.v1+newsroom.v3"``."""
        return "+".join(self._lexicon_ids)

    @property
    def entries(self) -> tuple[LoadedEntry, ...]:
        """The entries in use, after merging the lexicons."""
        return self._entries

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_index"] = None  # rebuilt lazily in the worker
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    @staticmethod
    def feature_columns() -> tuple[FeatureColumn, ...]:
        """Its columns of the feature rows (see the module's ``feature_columns``)."""
        return feature_columns()

    @staticmethod
    def features(result: tuple[LoadedTerm, ...], *, words: int, sentences: int) -> Features:
        """Its columns for ``result`` (see the module's ``features``)."""
        return features(result, words=words)

    def __repr__(self) -> str:
        return f"LoadedTermExtractor(lexicons={self.lexicon_id!r}, mode={self._mode!r})"

    def _matcher(self) -> _Index:
        if self._index is None:
            self._index = _build_index(
                self._entries,
                judge=self._judge,
                overrule=self._overrule,
                threshold=self._threshold,
                lexicon_threshold=self._lexicon_threshold,
            )
        return self._index

    def __call__(self, doc: Doc) -> tuple[LoadedTerm, ...]:
        """Return the loaded terms of ``doc``, sorted by offsets.

        On a ``Doc`` with POS tags, entries' ``pos`` constraints apply;
        otherwise the result equals `from_text()` on the same text.
        """
        text = doc_text(doc)
        return self._extract(text, lambda: sentence_offsets(doc), doc)

    def from_text(self, text: str, sentence_starts: list[int]) -> tuple[LoadedTerm, ...]:
        """Return the loaded terms of ``text`` without a ``Doc``.

        The same results as calling the extractor on a ``Doc`` of ``text``
        from the default blank pipeline, whose sentences start at
        ``sentence_starts``. This lets an [`Analyzer`][rhetorika.Analyzer] skip
        spaCy's tokenizer (see [`rhetorika.typing.TextExtractor`][rhetorika.typing.TextExtractor]).
        """
        return self._extract(text, lambda: sentence_starts, None)

    def _extract(
        self,
        text: str,
        starts: Callable[[], list[int]],
        doc: Doc | None,
        record: list[tuple[int, int, tuple[int, int], dict[str, float]]] | None = None,
    ) -> tuple[LoadedTerm, ...]:
        index = self._matcher()
        low = normalise(text)
        shifted = "\n" + low
        found = _candidates(index, low, shifted)
        if index.morphology:
            _morphology(index, text, low, found)
        if not found:
            return ()
        return _Context(doc, text, low, starts()).judge(
            found,
            shifted=shifted,
            rounded=index.rounded,
            categories=self._categories,
            min_intensity=self._min_intensity,
            rounded_confidence=index.confidences,
            judge=self._judge,
            record=record,
        )

    def candidates_with_features(
        self, doc: Doc
    ) -> list[tuple[int, int, tuple[int, int], dict[str, float]]]:
        """Every candidate of ``doc`` that passes the rules, with its judge features.

        For training the judge (``scripts/train_loaded.py``); none is dropped
        for its probability. Each item is the term's ``start`` and ``end``,
        the span it predicts (its phrase, or itself) and its non-zero features.
        """
        record: list[tuple[int, int, tuple[int, int], dict[str, float]]] = []
        text = doc_text(doc)
        self._extract(text, lambda: sentence_offsets(doc), doc, record)
        return record

    def with_judge(self, judge: Judge) -> LoadedTermExtractor:
        """A copy of this extractor that uses ``judge`` (for training and tests)."""
        copy = object.__new__(LoadedTermExtractor)
        copy.__dict__.update(self.__dict__)
        copy._judge = judge
        copy._threshold = judge.threshold
        copy._lexicon_threshold = judge.lexicon_threshold
        copy._index = None
        return copy


class _Context:
    """Context rules for the candidates of one text; built only when there are some.

    What every candidate needs (the word before it, the quotation around it)
    is looked up with one C-level call each; text-wide tables (quotations,
    title-case lines, word counts) are built once, on first need.
    """

    def __init__(self, doc: Doc | None, text: str, low: str, starts: list[int]) -> None:
        self.doc = doc
        self.text = text
        self.low = low
        self.starts = starts
        self._tagged: bool | None = None if doc is not None else False
        self._long_quotes: dict[int, bool] = {}
        self._title_quotes: dict[int, bool] = {}
        self._title_lines: dict[int, bool] = {}

    def judge(
        self,
        found: list[tuple[int, int, _Form]],
        *,
        shifted: str,
        rounded: dict[float, float],
        categories: frozenset[LoadedCategory] | None,
        min_intensity: float,
        rounded_confidence: dict[float, float] | None = None,
        judge: Judge | None = None,
        record: list[tuple[int, int, tuple[int, int], dict[str, float]]] | None = None,
        screen: bool = True,
    ) -> tuple[LoadedTerm, ...]:
        """The terms among the candidates ``found``, in order and without overlaps.

        ``shifted`` is the lower-cased text behind a newline, ``rounded`` a
        cache of rounded intensities. With a ``judge``, every term gets its
        probability as ``confidence``, and a candidate it may overrule is
        kept only at its form's ``cutoff`` or above. ``record``, when given,
        collects every candidate that passes the rules with its features,
        and nothing is dropped for its probability. ``screen`` drops a
        candidate the judge may overrule as soon as its best case is known to
        fall short (tests turn it off to check it changes nothing).
        """
        out = []
        weights = judge.context() if judge is not None else ()
        (
            w_capitalised,
            w_negated,
            w_hedged,
            w_quoted_short,
            w_quoted_long,
            w_headline,
            w_intensified,
            w_dense,
        ) = weights or (0.0,) * len(CONTEXT_FEATURES)
        first_line = self.text.find("\n") if judge is not None else -1
        confidences = rounded_confidence if rounded_confidence is not None else {}
        crowded: set[int] = set()
        tagged = False
        check_hedges = record is not None or bool(w_hedged)
        search_hedge = _HEDGE_AFTER.search
        search_cue = _CUE_AFTER.search
        # the sentence of each candidate, counted from 1 (0: before the first start)
        numbers = [bisect_right(self.starts, begin) for begin, _, _ in found]
        if judge is not None and len(found) >= 3:
            # sentences with three or more candidates
            crowded = {number for number, count in Counter(numbers).items() if count >= 3}
        if judge is not None:
            tagged = self.tagged
        screen = screen and judge is not None and record is None
        best_capital = max(0.0, w_capitalised)
        new_term = _new_term
        last_end = -1
        low = self.low
        text = self.text
        starts = self.starts
        length = len(low)
        # The word before a position is the word after it in the reversed
        # text: one regular-expression match instead of a loop over characters.
        backwards = low[::-1]
        word_before = _REVERSED_WORD.match
        intensifier_before = _REVERSED_INTENSIFIER.match
        quotes = [m.span(m.lastindex or 0) for m in _QUOTES.finditer(text)]
        quote_starts = [q_start for q_start, _ in quotes]
        for position, (start, end, form) in enumerate(found):
            if start < last_end:
                continue
            if form.intensifier and self._modifies_next(end, found, position):
                continue  # the next term takes this intensifier into its span
            if start > 3 and low[start - 1] == "-" and self._after_prefix(start):
                continue  # part of a hyphenated word: "anti-fascist"
            if (
                start > 4
                and low[start - 1] == " "
                and low[start - 2].isdigit()
                and _YEAR.fullmatch(low, start - 5, start - 1)
                and (start == 5 or not low[start - 6].isalnum())
            ):
                continue  # a year before it names an event: "the 2003 invasion of Iraq"
            if form.constrained:
                before = word_before(backwards, length - start)
                if before is None:
                    prev = None
                else:
                    prev = low[length - before.end(1) : length - before.start(1)]
                if not self._context_ok(start, end, form.entry, prev):
                    continue
            capitalised = text[start].isupper()
            quote = None
            if quote_starts:
                inside = bisect_right(quote_starts, start) - 1
                if inside >= 0 and end <= quotes[inside][1]:
                    quote = quotes[inside]
            if screen and form.overrulable:
                # Drop a candidate that even its most favourable context
                # could not lift to its cutoff before the costlier checks.
                best = form.tagged_ceiling if tagged else form.ceiling
                if capitalised:
                    best += best_capital
                if quote is not None:
                    best += w_quoted_long if self._long_quote(*quote) else w_quoted_short
                if logistic(best) < form.cutoff - _SCREEN_MARGIN:
                    continue
            if capitalised and (
                self._in_proper_name(start, end)
                or (quote is not None and self._title_like(*quote))
            ):
                continue
            if form.pos and self.tagged and not self._pos_ok(start, end, form.pos):
                continue
            intensity = form.intensity
            number = numbers[position]
            intensified = intensifier_before(backwards, length - start)
            if intensified is not None:
                # "truly evil": the intensifier joins the term's span and raises it
                intensity += (1.0 - intensity) * 0.3
                if length - intensified.end() >= last_end:
                    start = length - intensified.end()
                    number = bisect_right(starts, start)
            elif form.intensifier:
                # "utterly unacceptable": an intensifier adverb spans the word it
                # intensifies; with no such word ("absolutely no motive") it is not loaded
                compound = _NEXT_COMPOUND.match(low, end)
                if compound is None or compound.group(1) in _FUNCTION_WORDS:
                    continue
                end = compound.end(1)
            window = start - _HEDGE_WINDOW if start > _HEDGE_WINDOW else 0
            cues = search_cue(shifted, window, start + 1) is not None
            negated = cues and _negated(shifted, start)
            if negated:
                intensity *= 0.5
            long_quote = False
            if quote is not None:
                # Someone else's words (a longer quotation) or words held at a
                # distance (scare quotes, a mention). Whether the term is
                # ``quoted`` is the quotations extractor's call (rhetorika.voice).
                long_quote = self._long_quote(*quote)
                intensity *= 0.8 if long_quote else 0.7
            confidence = None
            if judge is not None:
                score = form.prior
                capitalised_mid = capitalised and not self._sentence_start(start)
                hedged = (
                    cues and check_hedges and search_hedge(shifted, window, start + 1) is not None
                )
                headline = 0 < first_line and start < first_line
                dense = number in crowded
                if capitalised_mid:
                    score += w_capitalised
                if negated:
                    score += w_negated
                if hedged:
                    score += w_hedged
                if quote is not None:
                    score += w_quoted_long if long_quote else w_quoted_short
                if headline:
                    score += w_headline
                if intensified is not None:
                    score += w_intensified
                if dense:
                    score += w_dense
                tagged_pos = None
                if tagged:
                    tagged_pos = self._pos_class(start, end)
                    if tagged_pos != form.pos_class:
                        weights_all = judge.weights
                        if form.pos_class is not None:
                            score -= weights_all[f"pos={form.pos_class}"]
                        if tagged_pos is not None:
                            score += weights_all[f"pos={tagged_pos}"]
                confidence = confidences.get(score)
                if confidence is None:
                    confidence = confidences[score] = round(logistic(score), 3)
                if record is not None:
                    active = dict(form.features)
                    if tagged and tagged_pos != form.pos_class:
                        active.pop(f"pos={form.pos_class}", None)
                        if tagged_pos is not None:
                            active[f"pos={tagged_pos}"] = 1.0
                    flags = (
                        capitalised_mid,
                        negated,
                        hedged,
                        quote is not None and not long_quote,
                        long_quote,
                        headline,
                        intensified is not None,
                        dense,
                    )
                    active.update(
                        (name, 1.0) for name, on in zip(CONTEXT_FEATURES, flags, strict=True) if on
                    )
                elif form.overrulable and confidence < form.cutoff:
                    continue
            phrase = None
            if form.phrase_word is not None and low.endswith(form.phrase_word, 0, end):
                phrase = self._phrase(start, end)
            if record is not None:
                record.append((start, end, phrase or (start, end), active))
            last_end = end
            if categories is not None and form.category not in categories:
                continue
            exact = rounded.get(intensity)
            if exact is None:
                exact = round(min(max(intensity, 0.0), 1.0), 3)
                if intensity:  # 0.0 and -0.0 are equal keys but print differently
                    rounded[intensity] = exact
            if exact < min_intensity:
                continue
            sentence = number - 1
            out.append(
                new_term(
                    start,
                    end,
                    text[start:end],
                    form.category,
                    exact,
                    form.alternatives,
                    sentence if sentence > 0 else 0,
                    form.lexicon,
                    form.name,
                    phrase,
                    confidence,
                    form.source,
                )
            )
        return tuple(out)

    def _after_prefix(self, start: int) -> bool:
        """The word before the hyphen at ``start - 1`` is a prefix such as "anti"."""
        low = self.low
        begin = start - 1
        while begin > 0 and low[begin - 1].isalpha() and start - begin < 10:
            begin -= 1
        return low[begin : start - 1] in _COMPOUND_PREFIXES and (
            begin == 0 or not low[begin - 1].isalnum()
        )

    def _pos_class(self, start: int, end: int) -> str | None:
        """The coarse class of the tagger's tag on the term's first token."""
        assert self.doc is not None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return pos_class(span[0].pos_) if span is not None and len(span) else None

    def _modifies_next(self, end: int, found: list[tuple[int, int, _Form]], position: int) -> bool:
        """An intensifier adverb right before another candidate ("utterly evil").

        Only the next three candidates matter, and only those the judge
        cannot drop: the intensifier must not vanish with a rejected one.
        """
        following = _ADJACENT_NEXT.match(self.low, end)
        if following is None:
            return False
        target = following.start(1)
        return any(
            start == target and not form.overrulable
            for start, _, form in found[position + 1 : position + 4]
        )

    def _context_ok(self, start: int, end: int, entry: LoadedEntry, prev: str | None) -> bool:
        """The entry's veto words and context rule let the match at ``start:end`` stand."""
        following = _ADJACENT_NEXT.match(self.low, end)
        nxt = following.group(1) if following else None
        if prev in entry.veto_prev or nxt in entry.veto_next:
            return False
        if entry.rule == "reporting" and not self._reporting(prev, nxt, following):
            return False
        return not (entry.rule == "human_target" and not self._human_target(start, end))

    def _phrase(self, start: int, end: int) -> tuple[int, int] | None:
        """An attributive adjective colours the noun phrase after it ("phony deals")."""
        stop = end
        for _ in range(_PHRASE_WORDS):
            word = _NEXT_COMPOUND.match(self.low, stop)
            if word is None or word.group(1) in _PHRASE_STOP:
                break
            stop = word.end(1)
        return (start, stop) if stop > end else None

    def _reporting(self, prev: str | None, nxt: str | None, following: Any) -> bool:
        """A framing verb used as a reporting verb, not a passive or a noun."""
        if prev in _PASSIVE or prev in _NOUN_USE:
            return False
        if nxt == "into":
            return False
        if nxt == "to":
            after = _ADJACENT_NEXT.match(self.low, following.end())
            return after is None or after.group(1) not in _ADMISSION_PLACES
        return True

    def _human_target(self, start: int, end: int) -> bool:
        """People are named or pointed at in the term's own clause, a few words away.

        The words after the term up to the first punctuation ("a horde of
        angry migrants") and before it back to the last ("they are vermin")
        count; a person word across a comma ("the invasion of Ukraine,
        officials said") does not.
        """
        after = _CLAUSE_END.split(self.text[end : end + 8 * _HUMAN_WINDOW], maxsplit=1)[0]
        before = _CLAUSE_END.split(self.text[max(0, start - 8 * _HUMAN_WINDOW) : start])[-1]
        near = _PIECE.findall(before)[-_HUMAN_AFTER:] + _PIECE.findall(after)[:_HUMAN_AFTER]
        return any(
            word.lower() in _PEOPLE or (word[:1].isupper() and word.endswith(_PEOPLE_SUFFIXES))
            for word in near
        )

    def _sentence_start(self, position: int) -> bool:
        text = self.text
        while position > 0 and text[position - 1].isspace():
            position -= 1
        return position == 0 or text[position - 1] in _SENTENCE_OPENERS

    def _in_proper_name(self, start: int, end: int) -> bool:
        """A capitalised term next to other capitalised words, outside a title-case line."""
        text = self.text
        adjacent = _word_before(text, start)
        if adjacent and adjacent[0][:1].isupper() and not self._sentence_start(adjacent[1]):
            named = True
        else:
            following = _ADJACENT_NEXT.match(text, end)
            named = bool(following and following.group(1)[:1].isupper()) and (
                not self._sentence_start(start) or bool(adjacent)
            )
        return named and not self._title_case_line(start)

    def _title_case_line(self, position: int) -> bool:
        """The line around ``position`` is a headline in title case: capitals say nothing."""
        line_start = self.text.rfind("\n", 0, position) + 1
        known = self._title_lines.get(line_start)
        if known is None:
            line_end = self.text.find("\n", position)
            stop = line_end if line_end != -1 else len(self.text)
            known = self._title_lines[line_start] = _title_case(self.text[line_start:stop])
        return known

    def _long_quote(self, start: int, end: int) -> bool:
        """The quotation ``start:end`` has more than _SCARE_WORDS words."""
        known = self._long_quotes.get(start)
        if known is None:
            match = _MORE_THAN_SCARE_WORDS.match(self.text, start, end)
            known = self._long_quotes[start] = match is not None
        return known

    def _title_like(self, start: int, end: int) -> bool:
        """The quotation ``start:end`` reads like a title: a few words, most capitalised."""
        known = self._title_quotes.get(start)
        if known is None:
            words = _PIECE.findall(self.text, start, end)
            if not words or len(words) > _TITLE_WORDS:
                known = False
            else:
                capitals = [w for w in words if w[:1].isupper()]
                known = words[0][:1].isupper() and len(capitals) * 3 >= len(words) * 2
            self._title_quotes[start] = known
        return known

    @property
    def tagged(self) -> bool:
        """Whether the pipeline assigned POS tags (checked once, only when needed)."""
        if self._tagged is None:
            doc = self.doc
            self._tagged = doc is not None and annotated(
                doc, "POS", extractor="loaded_terms", fallback="suffix classes for part of speech"
            )
        return self._tagged

    def _pos_ok(self, start: int, end: int, allowed: tuple[str, ...]) -> bool:
        assert self.doc is not None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is None or not len(span) or span[0].pos_ in allowed


def feature_columns() -> tuple[FeatureColumn, ...]:
    """The columns `features()` returns, in order: declared, not learned from a text."""
    columns = [
        FeatureColumn("loaded_terms_count", integer=True),
        FeatureColumn("loaded_terms_per_100_words"),
    ]
    for category in LoadedCategory:
        prefix = f"loaded_terms_{category.value}"
        columns.append(FeatureColumn(f"{prefix}_count", integer=True))
        columns.append(FeatureColumn(f"{prefix}_per_100_words"))
        columns.append(FeatureColumn(f"{prefix}_mean_intensity"))
    columns.append(FeatureColumn("loaded_terms_unquoted_count", integer=True))
    return tuple(columns)


def features(result: tuple[LoadedTerm, ...], *, words: int) -> Features:
    """This extractor's columns of `rhetorika.to_features()`.

    ``loaded_terms_count`` and ``..._per_100_words`` over every term, then
    for each category ``loaded_terms_<category>_count``,
    ``..._per_100_words`` and ``..._mean_intensity`` (``0.0`` when the
    category has no term; its count says so), and ``loaded_terms_unquoted_count``, the terms
    not inside a direct quotation (all of them unless the quotations
    extractor ran and marked some ``quoted``).

    Added in version 0.1.0.
    """
    row: Features = {
        "loaded_terms_count": len(result),
        "loaded_terms_per_100_words": per_100_words(len(result), words),
    }
    for category in LoadedCategory:
        chosen = [term.intensity for term in result if term.category is category]
        prefix = f"loaded_terms_{category.value}"
        row[f"{prefix}_count"] = len(chosen)
        row[f"{prefix}_per_100_words"] = per_100_words(len(chosen), words)
        # 0.0, not None, for no term: a mean over nothing is no undefined score,
        # and None would make every table row hold a NaN (the count tells them apart).
        row[f"{prefix}_mean_intensity"] = sum(chosen) / len(chosen) if chosen else 0.0
    row["loaded_terms_unquoted_count"] = sum(1 for term in result if not term.quoted)
    return row
