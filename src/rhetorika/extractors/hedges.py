"""Hedges: tentative and distancing language, found in context.

One compiled regular expression built from the lexicon (``hedges.v1.tsv``)
finds candidate cues in ``doc.text``; a context rule named by the lexicon
entry then accepts or rejects each candidate by looking at a few words on
either side within its sentence (capitalisation, numbers, negation, the
subject of a verb, what follows it). When the ``Doc`` carries POS tags or a
dependency parse from a trained pipeline, the rules that can use them do;
nothing requires them.

The same candidate pass yields boosters (see
[`rhetorika.extractors.boosters`][rhetorika.extractors.boosters]): a booster under negation ("not
sure", "not necessarily") is reported as a hedge. Both extractors share the
pass through a per-``Doc`` cache, so running both costs one scan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from rhetorika._checks import check_bool
from rhetorika._doc import doc_text, sentence_offsets
from rhetorika._warnings import annotated, fall_back, present
from rhetorika.extractors._booster_judge import BoosterJudge, booster_features
from rhetorika.extractors._hedge_lexicon import (
    LEXICON,
    Hit,
    LexiconEntry,
    lexicon_entries,
    lexicon_id,
    matcher,
    normalize,
    scan,
)
from rhetorika.extractors._hedge_rules import RULES, Candidate, Verdict
from rhetorika.results import Booster, Hedge, HedgeCategory
from rhetorika.sentences import sentence_of
from rhetorika.typing import FeatureColumn
from rhetorika.words import per_100_words

SpanCue = TypeVar("SpanCue", Hedge, Booster)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from rhetorika.typing import Features

__all__ = [
    "LEXICON",
    "RULES",
    "Cue",
    "HedgeExtractor",
    "LexiconEntry",
    "features",
    "find_cues",
    "find_cues_in_text",
    "hedged_sentences",
    "hedges_from_cues",
    "judged_candidates",
    "lexicon_entries",
    "lexicon_id",
    "normalize",
    "results_from_cues",
]

_CACHE_KEY = "rhetorika.hedges.cues"


class Cue(NamedTuple):
    """A cue accepted by the candidate pass, before it becomes a result.

    Plain values only, so a list of them can sit in ``doc.user_data``.

    Added in version 0.1.0.
    """

    start: int
    end: int
    text: str
    kind: str
    category: str
    subtype: str
    entry: str
    rule: str | None
    confidence: float | None = None
    evidence: tuple[str, ...] = ()


# --- the candidate pass ----------------------------------------------------------------------


def _annotations(doc: Doc) -> tuple[bool, bool]:
    """Whether ``doc`` has POS tags, and whether it has a parse; say once what is missing."""
    tagged = present(doc, "TAG") or present(doc, "POS")
    fallback = "word-context rules for the cues that would use it"
    if not tagged and len(doc):
        fall_back(doc, "TAG", extractor="hedges", fallback=fallback)
    parsed = annotated(doc, "DEP", extractor="hedges", fallback=fallback)
    return tagged, parsed


def find_cues(
    doc: Doc, *, context_rules: bool = True, judge: BoosterJudge | None = None
) -> tuple[Cue, ...]:
    """Find every hedge and booster cue in ``doc``, sorted by offset.

    The result is cached in ``doc.user_data``, so the hedge and booster
    extractors share one pass.

    Args:
        doc: A processed ``Doc``.
        context_rules: Apply the context rules; ``False`` accepts every
            lexicon match (for measuring what the rules are worth).
        judge: Decide booster candidates with this learned judge (see
            `rhetorika.extractors._booster_judge`); ``None``: by the rules.
            Hedges are the same either way.

    Added in version 0.1.0.
    """
    if judge is not None and not context_rules:
        judge = None  # every lexicon match: nothing left to judge
    key = f"{_CACHE_KEY}.{int(context_rules)}" if judge is None else f"{_CACHE_KEY}.{judge.id}"
    cached = doc.user_data.get(key)
    if cached is not None:
        if type(cached) is tuple and (not cached or type(cached[0]) is Cue):
            return cached  # as this pass left it, not read back by Doc.from_bytes
        return tuple(_cue_from_values(item) for item in cached)
    text = doc_text(doc)
    folded, matches = _scan_once(text)
    cues: tuple[Cue, ...] = ()
    if matches:
        tagged, parsed = _annotations(doc) if context_rules else (False, False)
        starts = sentence_offsets(doc) if context_rules else []
        token_doc = doc if tagged or parsed else None
        rules = None if judge is None else doc.user_data.get(f"{_CACHE_KEY}.1")
        if rules is not None and judge is not None:  # the hedges' pass has run: judge on top
            rules_cues = tuple(_cue_from_values(item) for item in rules)
            cues = _judged_pass(
                text, folded, matches, starts, rules_cues, judge, doc=token_doc, tagged=tagged
            )
        else:
            cues = tuple(
                _accept(
                    text,
                    folded,
                    matches,
                    starts,
                    context_rules=context_rules,
                    doc=token_doc,
                    tagged=tagged,
                    judge=judge,
                )
            )
    doc.user_data[key] = cues  # plain tuples: Doc.to_bytes can still write them
    return cues


_last_scan: tuple[str, str, list[Hit]] | None = None


def _scan_once(text: str) -> tuple[str, list[Hit]]:
    """`scan()` of ``text``, remembered for the last text: every pass over it reads one scan."""
    global _last_scan
    last = _last_scan
    if last is not None and last[0] is text:
        return last[1], last[2]
    folded, matches = scan(text)
    _last_scan = (text, folded, matches)
    return folded, matches


def _cue_from_values(item: Any) -> Cue:
    """A cue read back by ``Doc.from_bytes`` (a list of plain values) as a `Cue`."""
    if isinstance(item, Cue):
        return item
    cue = Cue(*item)
    return cue if type(cue.evidence) is tuple else cue._replace(evidence=tuple(cue.evidence))


_TextPass = tuple[str, list[int], dict[object, tuple[Cue, ...]], dict[int, Candidate]]
_last_text_pass: _TextPass | None = None
"""The last text and sentence starts; its cues by mode (rules, no rules, a judge's id) and
the candidates the rules read, by start (its scan is `_scan_once`'s)."""


def find_cues_in_text(
    text: str,
    sentence_starts: list[int],
    *,
    context_rules: bool = True,
    judge: BoosterJudge | None = None,
) -> tuple[Cue, ...]:
    """Find every cue in ``text`` without a ``Doc``: the default pipeline's results.

    ``sentence_starts`` are those of
    [`rhetorika.sentences.sentence_starts()`][rhetorika.sentences.sentence_starts]. The last text
    is remembered, with its scan and the cues of each way it was read, so hedges and
    boosters share one pass, and the judge's pass is the rules' pass with only the booster
    candidates judged.

    Added in version 0.1.0.
    """
    global _last_text_pass
    if judge is not None and not context_rules:
        judge = None  # every lexicon match: nothing left to judge
    mode: object = context_rules if judge is None else judge.id
    last = _last_text_pass
    if last is not None and last[0] is text and last[1] == sentence_starts:
        _, _, passes, candidates = last
        found = passes.get(mode)
        if found is not None:
            return found
    else:
        passes, candidates = {}, {}
        _last_text_pass = (text, list(sentence_starts), passes, candidates)
    folded, matches = _scan_once(text)
    cues: tuple[Cue, ...] = ()
    if matches and judge is None:
        cues = tuple(
            _accept(
                text,
                folded,
                matches,
                sentence_starts,
                context_rules=context_rules,
                candidates=candidates if context_rules else None,
            )
        )
    elif matches and judge is not None:
        rules = passes.get(True)
        if rules is None:  # the hedges come from the rules' pass
            rules = passes[True] = tuple(
                _accept(
                    text,
                    folded,
                    matches,
                    sentence_starts,
                    context_rules=True,
                    candidates=candidates,
                )
            )
        cues = _judged_pass(
            text, folded, matches, sentence_starts, rules, judge, candidates=candidates
        )
    passes[mode] = cues
    return cues


@cache
def _booster_forms() -> frozenset[str]:
    """The lexicon keys with a booster among their entries: the matches a judge decides."""
    _, by_form = matcher()
    return frozenset(
        form
        for form, entries in by_form.items()
        if any(entry.kind == "booster" for entry in entries)
    )


def _cue_start(cue: Cue) -> int:
    return cue.start


def _judged_pass(
    text: str,
    folded: str,
    matches: list[Hit],
    starts: list[int],
    rules: tuple[Cue, ...],
    judge: BoosterJudge,
    *,
    doc: Doc | None = None,
    tagged: bool = False,
    candidates: dict[int, Candidate] | None = None,
) -> tuple[Cue, ...]:
    """The cues of ``judge``'s pass, given ``rules``, the rules' pass over the same matches.

    Each match is read on its own, and one whose entries hold no booster is
    read alike by the rules and the judge, so its cue (or none) is taken from
    ``rules``; only the matches with a booster entry go through `_accept()`
    again, with the judge (reusing ``candidates``, those the rules' pass read).
    Matches start at distinct offsets, in order, and give at most one cue
    each, so the cues merge by their start.
    """
    _, by_form = matcher()
    boosting = _booster_forms()
    judged = [
        hit
        for hit in matches
        if hit[2] in boosting or (hit[2] not in by_form and normalize(hit[2]) in boosting)
    ]
    if not judged:
        return rules
    taken = {hit[0] for hit in judged}
    cues = [cue for cue in rules if cue.start not in taken]
    ruled = {cue.start: cue for cue in rules if cue.start in taken}
    cues += _accept(
        text,
        folded,
        judged,
        starts,
        context_rules=True,
        doc=doc,
        tagged=tagged,
        judge=judge,
        candidates=candidates,
        ruled=ruled,
    )
    cues.sort(key=_cue_start)
    return tuple(cues)


def _accept(
    text: str,
    folded: str,
    matches: list[Hit],
    starts: list[int],
    *,
    context_rules: bool,
    doc: Doc | None = None,
    tagged: bool = False,
    judge: BoosterJudge | None = None,
    judged: list[tuple[int, int, list[str]]] | None = None,
    candidates: dict[int, Candidate] | None = None,
    ruled: dict[int, Cue] | None = None,
) -> list[Cue]:
    """Run each match through its entries' context rules; keep the first accepted reading.

    ``folded`` is the fold of ``text`` that ``matches`` were found in. With
    a ``judge``, a booster reading the rules did not turn into a hedge is
    kept when the judge's probability reaches its threshold; ``judged``,
    when given, receives every such candidate's span and features (for
    training the judge). ``candidates``, when given, holds the candidates
    (and the context windows they have read) by start, so a second pass over
    the same text and sentences (the judge's after the rules') reads each
    window once: a rule only reads a candidate, and ``entry`` is set before
    each reading. ``ruled``, when given, holds the rules' pass's cues of
    these matches by start: the rules' verdicts on each match's entries up to
    the one that gave its cue (every earlier one rejected it; with no cue,
    every entry did), so they are not read again. The pass stopped at that
    entry, so the entries after it are read here.
    """
    _, by_form = matcher()
    cues: list[Cue] = []
    for start, end, form in matches:
        raw = text[start:end]
        # The match is folded text, so its key (normalize) is a form by construction;
        # most matches hold no whitespace run and are their own key.
        entries = by_form.get(form)
        if entries is None:
            form = normalize(form)
            entries = by_form[form]
        first = entries[0]
        if not context_rules or (
            first.rule is None and (judge is None or first.kind != "booster")
        ):
            cues.append(
                Cue(start, end, raw, first.kind, first.category, first.subtype, first.id, None)
            )
            continue
        candidate = None
        settled = ruled is not None
        known = None if ruled is None else ruled.get(start)
        for entry in entries:
            judging = judge is not None and entry.kind == "booster"
            if entry.rule is None and not judging:
                verdict: Verdict | None = _keep_entry(entry)
            else:
                if candidate is None and candidates is not None:
                    candidate = candidates.get(start)
                if candidate is None:
                    index = sentence_of(starts, start)
                    limits = (
                        starts[index] if starts else 0,
                        starts[index + 1] if index + 1 < len(starts) else len(text),
                    )
                    token = None
                    if doc is not None:
                        span = doc.char_span(start, end, alignment_mode="expand")
                        token = span[0] if span is not None and len(span) else None
                    candidate = Candidate(
                        text=text,
                        start=start,
                        end=end,
                        limits=limits,
                        entry=entry,
                        token=token,
                        tagged=tagged,
                        folded=folded,
                        form=form,
                    )
                    if candidates is not None:
                        candidates[start] = candidate
                candidate.entry = entry
                if entry.rule is None:
                    verdict = _keep_entry(entry)
                elif settled:  # what the rules' pass decided, not read again
                    verdict = None
                    if known is not None and known.entry == entry.id:
                        verdict = Verdict(
                            known.kind, known.category, known.subtype, known.rule or ""
                        )
                else:
                    verdict = RULES[entry.rule](candidate)
            if settled and known is not None and known.entry == entry.id:
                settled = False  # the rules' pass read no entry after this one
            if judge is not None and judging and (verdict is None or verdict.kind == "booster"):
                names = booster_features(candidate, entry, verdict)  # type: ignore[arg-type]
                if judged is not None:
                    judged.append((start, end, names))
                probability = judge.probability(names)
                if probability < judge.threshold:
                    continue
                reading = verdict or _keep_entry(entry)
                cues.append(
                    Cue(
                        start,
                        end,
                        raw,
                        reading.kind,
                        reading.category,
                        reading.subtype,
                        entry.id,
                        None if entry.rule is None or verdict is None else verdict.rule,
                        probability,
                        judge.evidence(names, kept=True),
                    )
                )
                break
            if verdict is not None:
                rule_name = None if entry.rule is None else verdict.rule
                cues.append(
                    Cue(
                        start,
                        end,
                        raw,
                        verdict.kind,
                        verdict.category,
                        verdict.subtype,
                        entry.id,
                        rule_name,
                    )
                )
                break
    return cues


def judged_candidates(
    text: str, sentence_starts: list[int], judge: BoosterJudge
) -> list[tuple[int, int, list[str]]]:
    """Every booster candidate the judge decides in ``text``: its span and active features.

    What ``scripts/train_boosters.py`` trains on: the default pipeline's
    candidates, read as `find_cues_in_text()` reads them with ``judge``.

    Added in version 0.2.0.
    """
    folded, matches = scan(text)
    judged: list[tuple[int, int, list[str]]] = []
    if matches:
        _accept(
            text, folded, matches, sentence_starts, context_rules=True, judge=judge, judged=judged
        )
    return judged


def _keep_entry(entry: LexiconEntry) -> Verdict:
    return Verdict(entry.kind, entry.category, entry.subtype, "")


class HedgeExtractor:
    """Hedging cues: approximators, plausibility shields, attribution and weasels.

    Args:
        context_rules: Apply the context rules (the default). ``False``
            reports every lexicon match, which is how the rules' worth is
            measured in ``benchmarks/eval_hedges.py``.

    Raises:
        ConfigurationError: ``context_rules`` is not a bool.

    Added in version 0.1.0.
    """

    name = "hedges"

    def __init__(self, *, context_rules: bool = True) -> None:
        self.context_rules = check_bool("context_rules", context_rules)

    def __call__(self, doc: Doc) -> tuple[Hedge, ...]:
        cues = find_cues(doc, context_rules=self.context_rules)
        return hedges_from_cues(cues, sentence_offsets(doc) if cues else [])

    def from_text(self, text: str, sentence_starts: list[int]) -> tuple[Hedge, ...]:
        """The same hedges as ``self(doc)`` for a default-pipeline ``Doc`` of ``text``."""
        cues = find_cues_in_text(text, sentence_starts, context_rules=self.context_rules)
        return hedges_from_cues(cues, sentence_starts)

    @staticmethod
    def feature_columns() -> tuple[FeatureColumn, ...]:
        """Its columns of the feature rows (see the module's ``feature_columns``)."""
        return feature_columns()

    @staticmethod
    def features(result: tuple[Hedge, ...], *, words: int, sentences: int) -> Features:
        """Its columns for ``result`` (see the module's ``features``)."""
        return features(result, words=words, sentences=sentences)

    def __repr__(self) -> str:
        return f"HedgeExtractor(context_rules={self.context_rules!r})"


def results_from_cues(
    cues: Iterable[Cue],
    sentence_starts: list[int],
    *,
    kind: str,
    result: type[SpanCue],
    category: Callable[[str], Any],
) -> tuple[SpanCue, ...]:
    """Turn the cues of one kind ("hedge" or "booster") from a candidate pass into results.

    Added in version 0.1.0.
    """
    lexicon = lexicon_id()
    categories: dict[str, Any] = {}  # a dict look-up is several times faster than an Enum call
    results = []
    for cue in cues:
        if cue.kind != kind:
            continue
        member = categories.get(cue.category)
        if member is None:
            member = categories[cue.category] = category(cue.category)
        # A booster the judge kept is built with its confidence and evidence at once.
        judged: dict[str, Any] = (
            {}
            if cue.confidence is None
            else {"confidence": cue.confidence, "evidence": cue.evidence}
        )
        results.append(
            result(
                start=cue.start,
                end=cue.end,
                text=cue.text,
                category=member,
                subtype=cue.subtype,
                sentence=sentence_of(sentence_starts, cue.start),
                lexicon=lexicon,
                entry=cue.entry,
                rule=cue.rule,
                **judged,
            )
        )
    return tuple(results)


def hedges_from_cues(cues: Iterable[Cue], sentence_starts: list[int]) -> tuple[Hedge, ...]:
    """Turn the hedge cues of a candidate pass into results.

    Added in version 0.1.0.
    """
    return results_from_cues(
        cues, sentence_starts, kind="hedge", result=Hedge, category=HedgeCategory
    )


def hedged_sentences(hedges: Iterable[Hedge | Booster]) -> frozenset[int]:
    """Return the indices of the sentences that hold at least one of ``hedges``.

    Added in version 0.1.0.
    """
    return frozenset(cue.sentence for cue in hedges)


def span_features(
    prefix: str,
    share_name: str,
    spans: tuple[Hedge, ...] | tuple[Booster, ...],
    categories: Iterable[str],
    *,
    words: int,
    sentences: int | None,
) -> Features:
    """Counts and densities of hedge-like spans, shared by hedges and boosters."""
    row: Features = {
        f"{prefix}_count": len(spans),
        f"{prefix}_per_100_words": per_100_words(len(spans), words),
    }
    for category in categories:
        count = sum(1 for span in spans if span.category.value == category)
        row[f"{prefix}_{category}_count"] = count
        row[f"{prefix}_{category}_per_100_words"] = per_100_words(count, words)
    row[f"{prefix}_unquoted_count"] = sum(1 for span in spans if not span.quoted)
    flagged = len(hedged_sentences(spans))
    row[share_name] = None if not sentences else flagged / sentences
    return row


def span_columns(
    prefix: str, share_name: str, categories: Iterable[str]
) -> tuple[FeatureColumn, ...]:
    """The columns `span_features()` returns, in order."""
    columns = [
        FeatureColumn(f"{prefix}_count", integer=True),
        FeatureColumn(f"{prefix}_per_100_words"),
    ]
    for category in categories:
        columns.append(FeatureColumn(f"{prefix}_{category}_count", integer=True))
        columns.append(FeatureColumn(f"{prefix}_{category}_per_100_words"))
    columns.append(FeatureColumn(f"{prefix}_unquoted_count", integer=True))
    columns.append(FeatureColumn(share_name))
    return tuple(columns)


def feature_columns() -> tuple[FeatureColumn, ...]:
    """The columns `features()` returns, in order: declared, not learned from a text."""
    return span_columns("hedges", "hedges_sentence_share", [c.value for c in HedgeCategory])


def features(result: tuple[Hedge, ...], *, words: int, sentences: int | None = None) -> Features:
    """This extractor's columns of `rhetorika.to_features()`.

    ``hedges_count``, ``hedges_per_100_words``, per category
    ``hedges_<category>_count`` and ``hedges_<category>_per_100_words``,
    ``hedges_unquoted_count`` (cues in the author's own voice) and
    ``hedges_sentence_share`` (``None`` without sentences).

    Added in version 0.1.0.
    """
    return span_features(
        "hedges",
        "hedges_sentence_share",
        result,
        [c.value for c in HedgeCategory],
        words=words,
        sentences=sentences,
    )
