"""Tests for the hedge and booster extractors, their lexicon and their rules."""

from __future__ import annotations

import json
import pickle
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

import rhetorika
from rhetorika import (
    Analyzer,
    Booster,
    BoosterCategory,
    ConfigurationError,
    Hedge,
    HedgeCategory,
    Report,
    _warnings,
    from_json,
    to_features,
    to_json,
)
from rhetorika._text import fold
from rhetorika.extractors import _hedge_lexicon, available_extractors, create_extractor
from rhetorika.extractors.boosters import BoosterExtractor
from rhetorika.extractors.hedges import (
    RULES,
    Cue,
    HedgeExtractor,
    find_cues,
    lexicon_entries,
    normalize,
)
from rhetorika.pipeline import default_nlp, make_doc

from .strategies import SEED, any_text, cue_free_sentence, english_text, hedge_text

GOLDEN_PATH = Path(__file__).resolve().parent.parent / "seeds" / "hedges_golden.json"
GOLDEN: list[dict[str, Any]] = json.loads(GOLDEN_PATH.read_text(encoding="utf-8"))["cases"]
NAMES = ["hedges", "boosters"]
ANALYZER = Analyzer(extractors=NAMES)
NLP = default_nlp()
COMPONENTS = default_nlp()
COMPONENTS.add_pipe("rhetorika/hedges")
COMPONENTS.add_pipe("rhetorika/boosters")


def _cues(text: str) -> Report:
    return ANALYZER.analyze(text)


def _case_id(case: dict[str, Any]) -> str:
    return f"{case['rule']}:{case['expect']}:{case['text'][:40]}"


def _golden_params() -> list[Any]:
    params = []
    for case in GOLDEN:
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
        params.append(pytest.param(case, id=_case_id(case), marks=marks))
    return params


# --- golden cases ------------------------------------------------------------------------


@pytest.mark.parametrize("case", _golden_params())
def test_golden_case(case: dict[str, Any]) -> None:
    """Each hand-written golden case finds (or does not find) its cue as stated."""
    report = _cues(case["text"])
    assert report.hedges is not None
    assert report.boosters is not None
    hits_h = [h for h in report.hedges if normalize(h.text) == case["cue"]]
    hits_b = [b for b in report.boosters if normalize(b.text) == case["cue"]]
    if case["expect"] == "none":
        assert [] == hits_h + hits_b
        return
    hits: list[Hedge] | list[Booster] = hits_h if case["expect"] == "hedge" else hits_b
    assert hits, f"{case['cue']!r} not found as {case['expect']}"
    assert case["category"] == hits[0].category.value
    assert case["rule"] == hits[0].rule
    if "subtype" in case:
        assert case["subtype"] == hits[0].subtype


# Rules that never reject a match, only choose its reading: their golden cases
# must show every reading instead of a rejection.
READINGS_ONLY = {
    "booster_negation": ("hedge", "booster"),
    "likelihood": ("hedge",),
    "certainty_with": ("hedge", "booster"),
}


def test_every_rule_has_positive_and_negative_golden_cases() -> None:
    """Every context rule has golden cases it accepts and rejects (or all its readings)."""
    for name in RULES:
        cases = [c for c in GOLDEN if c["rule"] == name and "xfail" not in c]
        assert any(c["expect"] != "none" for c in cases), f"{name}: no positive case"
        if name in READINGS_ONLY:
            for reading in READINGS_ONLY[name]:
                assert any(c["expect"] == reading for c in cases), f"{name}: no {reading}"
        else:
            assert any(c["expect"] == "none" for c in cases), f"{name}: no negative case"


def test_every_rule_is_used_by_the_lexicon() -> None:
    """Every rule is named by a lexicon entry, and every entry's rule exists."""
    used = {entry.rule for entry in lexicon_entries() if entry.rule}
    assert set(RULES) == used


# --- the seed article ----------------------------------------------------------------------


def test_seed_article_hedges() -> None:
    """The seed article's distancing cues, the accusation and the Kremlin's belief are found."""
    report = _cues(SEED)
    assert report.hedges is not None
    found = [(h.text, h.category) for h in report.hedges]
    assert [
        ("believes", HedgeCategory.ATTRIBUTION),
        ("so-called", HedgeCategory.ATTRIBUTION),
        ("accuse", HedgeCategory.ATTRIBUTION),
        ("allegedly", HedgeCategory.ATTRIBUTION),
        ("alleged", HedgeCategory.ATTRIBUTION),
        ("alleged", HedgeCategory.ATTRIBUTION),
    ] == found


def test_seed_article_boosters() -> None:
    """The seed article's boosters: "every territorial gain comes at", "Moscow never adhered"."""
    report = _cues(SEED)
    assert report.boosters is not None
    assert [("every", BoosterCategory.UNIVERSAL), ("never", BoosterCategory.UNIVERSAL)] == [
        (b.text, b.category) for b in report.boosters
    ]


def test_seed_article_military_potential_is_not_a_hedge() -> None:
    """ "the military potential" is a noun, not the hedging adjective."""
    report = _cues(SEED)
    assert report.hedges is not None
    assert "potential" not in [h.text for h in report.hedges]


# --- results ---------------------------------------------------------------------------------


def test_result_fields() -> None:
    """A hedge carries offsets, text, category, subtype, sentence, lexicon, entry and rule."""
    text = "Rain fell. The talks may fail."
    report = _cues(text)
    assert report.hedges is not None
    (hedge,) = report.hedges
    assert (
        Hedge(
            start=21,
            end=24,
            text="may",
            category=HedgeCategory.PLAUSIBILITY,
            subtype="epistemic_modal",
            sentence=1,
            lexicon="hedges.v1",
            entry="may",
            rule="may_modal",
            quoted=False,
        )
        == hedge
    )
    assert (False, True) == report.hedged_sentences


def test_hedged_sentences_is_none_when_hedges_not_run() -> None:
    """Report.hedged_sentences is None when the hedge extractor did not run."""
    assert None is Analyzer(extractors=["boosters"]).analyze("It may rain.").hedged_sentences


def test_negated_booster_is_a_hedge_not_a_booster() -> None:
    """ "not necessarily" yields one hedge and no booster."""
    report = _cues("That is not necessarily true.")
    assert ["necessarily"] == [h.text for h in report.hedges or ()]
    assert () == report.boosters


# Boosters whose negation the guideline reads as a hedge, each in a frame
# whose "{neg}" slot takes nothing, " not" or "n't".
NEGATABLE_BOOSTERS = [
    ("The answer is{neg} {cue} right.", "necessarily"),
    ("The answer is{neg} {cue} right.", "certainly"),
    ("The answer is{neg} {cue} right.", "definitely"),
    ("The answer is{neg} {cue} right.", "absolutely"),
    ("Prices do{neg} {cue} rise.", "always"),
    ("The plan was{neg} {cue} planned.", "clearly"),
    ("I do{neg} {cue} like the film.", "really"),
    ("It is{neg} {cue} that he lied.", "clear"),
    ("We are{neg} {cue} that he lied.", "sure"),
    ("This does{neg} {cue} that he lied.", "prove"),
    ("We can{neg} say with {cue} that he lied.", "certainty"),
    ("We are{neg} {cue} sure.", "100%"),
    ("It is{neg} {cue} country that can afford it.", "every"),
    ("They are{neg} {cue} Americans.", "all"),
    ("Money is{neg} {cue}.", "everything"),
]


@given(
    st.sampled_from(NEGATABLE_BOOSTERS),
    st.sampled_from([" not", "n't"]),
    st.sampled_from(["", "The talks went on for hours. "]),
)
def test_negation_turns_a_booster_into_a_hedge(
    frame: tuple[str, str], negator: str, prefix: str
) -> None:
    """A booster found in a frame becomes a hedge (negated_booster) once negated."""
    template, cue = frame
    plain = _cues(prefix + template.format(neg="", cue=cue))
    negated = _cues(prefix + template.format(neg=negator, cue=cue))
    assert [True] == [cue in b.text.split() for b in plain.boosters or ()]
    assert [] == [b.text for b in negated.boosters or ()]
    assert [(True, "negated_booster")] == [
        (cue in h.text.split(), h.subtype) for h in negated.hedges or ()
    ]


@pytest.mark.filterwarnings("ignore::rhetorika.DegradedPipelineWarning")
def test_parse_decides_everyone_as_subject_or_object() -> None:
    """With a dependency parse, "everyone" as nsubj boosts and as dobj does not."""
    from spacy.tokens import Doc

    words = ["Everyone", "knows", "it", ".", "They", "thanked", "everyone", "."]
    heads = [1, 1, 1, 1, 5, 5, 5, 5]
    deps = ["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "dobj", "punct"]
    sent_starts = [True, False, False, False, True, False, False, False]
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps, sent_starts=sent_starts)
    assert [("Everyone", 0)] == [(b.text, b.start) for b in BoosterExtractor()(doc)]


@pytest.mark.filterwarnings("ignore::rhetorika.DegradedPipelineWarning")
def test_parse_dates_a_single_never_event() -> None:
    """With entities and a parse, "never" before a DATE in its verb's phrase is one event."""
    from spacy.tokens import Doc

    words = ["He", "never", "replied", "last", "week", ".", "He", "never", "replies", "."]
    heads = [2, 2, 2, 4, 2, 2, 8, 8, 8, 8]
    deps = ["nsubj", "neg", "ROOT", "amod", "npadvmod", "punct", "nsubj", "neg", "ROOT", "punct"]
    ents = ["O", "O", "O", "B-DATE", "I-DATE", "O", "O", "O", "O", "O"]
    sent_starts = [True] + [False] * 5 + [True] + [False] * 3
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps, ents=ents, sent_starts=sent_starts)
    assert [32] == [b.start for b in BoosterExtractor()(doc)]


def test_context_rules_off_reports_every_lexicon_match() -> None:
    """With context_rules=False, "about the war" is reported; with rules it is not."""
    doc = make_doc(NLP, "They talked about the war in May.")
    assert [] == [h.text for h in HedgeExtractor()(doc)]
    assert ["about", "May"] == [h.text for h in HedgeExtractor(context_rules=False)(doc)]
    assert all(h.rule is None for h in HedgeExtractor(context_rules=False)(doc))


def test_bad_option_is_rejected_at_construction() -> None:
    """A non-bool context_rules raises ConfigurationError naming the option."""
    with pytest.raises(ConfigurationError, match="context_rules"):
        HedgeExtractor(context_rules="yes")  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match="context_rules"):
        BoosterExtractor(context_rules=1)  # type: ignore[arg-type]


def test_registered_as_builtin_extractors() -> None:
    """ "hedges" and "boosters" are built-in extractors that fill Report attributes."""
    assert {"hedges", "boosters"} <= set(available_extractors())
    assert "hedges" == create_extractor("hedges").name
    assert "boosters" == create_extractor("boosters").name
    report = rhetorika.analyze("Perhaps it will rain.")
    assert ["Perhaps"] == [h.text for h in report.hedges or ()]


def test_extractors_pickle_their_configuration_only() -> None:
    """Extractors pickle small (no compiled matcher) and work after unpickling."""
    extractor = HedgeExtractor(context_rules=False)
    data = pickle.dumps(extractor)
    assert len(data) < 300
    clone = pickle.loads(data)
    assert clone.context_rules is False
    assert ["may"] == [h.text for h in clone(make_doc(NLP, "It may rain."))]


def test_doc_with_cached_cues_still_serialises() -> None:
    """The per-Doc cue cache holds plain values, so Doc.to_bytes still works."""
    doc = make_doc(NLP, "It may rain, clearly.")
    HedgeExtractor()(doc)
    restored = Doc(NLP.vocab).from_bytes(doc.to_bytes())
    assert doc.text == restored.text


def test_a_restored_doc_reads_its_cached_cues_back() -> None:
    """Cues cached on a Doc come back as the same Cue tuples after Doc.to_bytes / from_bytes."""
    doc = make_doc(NLP, "It may rain, clearly. Nobody knows.")
    cues = find_cues(doc)
    restored = Doc(NLP.vocab).from_bytes(doc.to_bytes())
    assert cues == find_cues(restored)
    assert {Cue} == {type(cue) for cue in find_cues(restored)}


def test_scan_skips_a_form_inside_a_word_and_finds_one_inside_that_form() -> None:
    """After a letter beyond ASCII no cue starts; the search goes on inside the rejected one."""
    _, hits = _hedge_lexicon.scan("Caf\u00e9widely thought so; \u00e9all agree.")
    assert [(11, 18, "thought")] == hits  # not "widely thought" nor "all": each follows "é"


# --- features --------------------------------------------------------------------------------


def test_features_columns() -> None:
    """to_features gives counts, densities per category and the hedged-sentence share."""
    report = rhetorika.analyze(
        "It may rain. Critics say the plan is clearly flawed. Trains ran.",
        extractors=["readability", "hedges", "boosters"],
    )
    row = to_features(report)
    assert 2 == row["hedges_count"]
    assert 1 == row["hedges_plausibility_count"]
    assert 1 == row["hedges_weasel_count"]
    assert 0 == row["hedges_approximator_count"]
    assert 2 == row["hedges_unquoted_count"]
    assert pytest.approx(100 * 2 / 12) == row["hedges_per_100_words"]
    assert pytest.approx(2 / 3) == row["hedges_sentence_share"]
    assert 1 == row["boosters_certainty_count"]
    assert pytest.approx(1 / 3) == row["boosters_sentence_share"]


def test_features_undefined_without_words() -> None:
    """Densities and shares are None for an empty text."""
    row = to_features(rhetorika.analyze("", extractors=["hedges", "boosters"]))
    assert 0 == row["hedges_count"]
    assert None is row["hedges_per_100_words"]
    assert None is row["hedges_sentence_share"]
    assert None is row["boosters_sentence_share"]
    assert None is row["commitment_index"]


def test_commitment_index_is_boosters_minus_hedges_per_100_words() -> None:
    """Three boosters and one hedge in 10 words give a commitment index of +20."""
    text = "Clearly everyone knows. It may rain. That is absolutely false."
    row = to_features(rhetorika.analyze(text, extractors=["hedges", "boosters"]))
    assert (1, 3, 10) == (row["hedges_count"], row["boosters_count"], 10)
    assert pytest.approx(100 * (3 - 1) / 10) == row["commitment_index"]
    assert list(row).index("commitment_index") == list(row).index("boosters_sentence_share") + 1


def test_commitment_index_needs_both_extractors() -> None:
    """Without the hedge extractor there is no commitment_index column."""
    row = to_features(rhetorika.analyze("Clearly.", extractors=["boosters"]))
    assert "commitment_index" not in row


# --- trained-pipeline annotations, built by hand -----------------------------------------------


def _doc(words: list[str], tags: list[str], deps: list[str] | None, heads: list[int]) -> Doc:
    spaces = [True] * (len(words) - 2) + [False, False]
    if deps is None:
        return Doc(
            NLP.vocab,
            words=words,
            spaces=spaces,
            tags=tags,
            sent_starts=[True] + [False] * (len(words) - 1),
        )
    return Doc(NLP.vocab, words=words, spaces=spaces, tags=tags, deps=deps, heads=heads)


def test_pos_tags_override_word_rules_for_may(monkeypatch: pytest.MonkeyPatch) -> None:
    """With tags, "may" tagged NN is no hedge; tagged MD it is."""
    monkeypatch.setattr(_warnings, "_warned", {("hedges", "TAG"), ("hedges", "DEP")})
    noun = _doc(["The", "may", "blossomed", "."], ["DT", "NN", "VBD", "."], None, [])
    modal = _doc(["Rain", "may", "come", "."], ["NN", "MD", "VB", "."], None, [])
    assert [] == [h.text for h in HedgeExtractor()(noun)]
    assert ["may"] == [h.text for h in HedgeExtractor()(modal)]


def test_parse_decides_appear() -> None:
    """With a parse, "appeared suddenly" (no complement) is no hedge; "appeared calm" is."""
    adverb = _doc(
        ["She", "appeared", "suddenly", "."],
        ["PRP", "VBD", "RB", "."],
        ["nsubj", "ROOT", "advmod", "punct"],
        [1, 1, 1, 1],
    )
    complement = _doc(
        ["She", "appeared", "calm", "."],
        ["PRP", "VBD", "JJ", "."],
        ["nsubj", "ROOT", "acomp", "punct"],
        [1, 1, 1, 1],
    )
    assert [] == [h.text for h in HedgeExtractor()(adverb)]
    assert ["appeared"] == [h.text for h in HedgeExtractor()(complement)]


def test_parse_gives_the_subject_of_think() -> None:
    """With a parse, the nsubj child decides first person: "I ... think" hedges."""
    doc = _doc(
        ["I", "really", "think", "so", "."],
        ["PRP", "RB", "VBP", "RB", "."],
        ["nsubj", "advmod", "ROOT", "advmod", "punct"],
        [2, 2, 2, 2, 2],
    )
    assert [("think", HedgeCategory.PLAUSIBILITY)] == [
        (h.text, h.category) for h in HedgeExtractor()(doc)
    ]


def test_tagger_without_parser_warns_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Doc with tags but no parse warns once, pointing at the caller's line."""
    monkeypatch.setattr(_warnings, "_warned", set())
    doc = _doc(["Rain", "may", "come", "."], ["NN", "MD", "VB", "."], None, [])
    with pytest.warns(UserWarning, match="lacks a parser") as record:
        HedgeExtractor()(doc)
    assert __file__ == record[0].filename
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        HedgeExtractor()(_doc(["It", "may", "rain", "."], ["PRP", "MD", "VB", "."], None, []))


def test_blank_pipeline_does_not_warn() -> None:
    """The default blank pipeline is the documented mode and never warns."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        HedgeExtractor()(make_doc(NLP, "It may rain."))


# --- the lexicon -----------------------------------------------------------------------------


def test_lexicon_entries_match_themselves() -> None:
    """Every form of every entry, alone, matches as one cue of that entry's forms."""
    for entry in lexicon_entries():
        for form in entry.forms:
            for variant in {form, form.upper(), form.capitalize(), form.replace("'", "\u2019")}:
                cues = find_cues(make_doc(NLP, variant), context_rules=False)
                assert [(0, len(variant))] == [(c.start, c.end) for c in cues], variant
                assert normalize(variant) == form


def test_lexicon_entries_are_normalised_and_sourced() -> None:
    """Entry forms are already normalised, ids unique, and every entry names a source."""
    entries = lexicon_entries()
    assert len({e.id for e in entries}) == len(entries)
    for entry in entries:
        assert entry.source
        assert all(normalize(form) == form for form in entry.forms)


@pytest.mark.parametrize(
    ("row", "fragment"),
    [
        (
            "x\tmaybe\thedge\tplausibility\tadverb\tno_such_rule\tH05",
            "unknown rule 'no_such_rule'",
        ),
        ("x\tmaybe\tbooster\tplausibility\tadverb\t\tH05", "unknown booster category"),
        ("x\tmaybe\thint\tplausibility\tadverb\t\tH05", "kind must be hedge or booster"),
    ],
)
def test_bad_lexicon_rows_name_file_and_line(
    monkeypatch: pytest.MonkeyPatch, row: str, fragment: str
) -> None:
    """A bad entry in the hedge lexicon raises LexiconFormatError naming file and line."""
    from rhetorika.extractors import _hedge_lexicon
    from rhetorika.lexicons import read_rows

    lines = [
        "# rhetorika-lexicon: hedges  format=1  version=1  license=MIT",
        "id\tpattern\tkind\tcategory\tsubtype\trule\tsource",
        row,
    ]

    def fake_read(resource: str, *, required: Any, optional: Any) -> Any:
        return read_rows(lines, path="hedges.v1.tsv", required=required, optional=optional)

    monkeypatch.setattr(_hedge_lexicon, "read_builtin", fake_read)
    _hedge_lexicon._lexicon.cache_clear()
    try:
        with pytest.raises(rhetorika.LexiconFormatError, match=fragment) as info:
            _hedge_lexicon._lexicon()
        assert "rhetorika/data/hedges.v1.tsv, line 3:" in str(info.value)
    finally:
        monkeypatch.undo()
        _hedge_lexicon._lexicon.cache_clear()


def test_normalize() -> None:
    """normalize lower-cases, straightens apostrophes and collapses whitespace."""
    assert "i don't know" == normalize("I  don\u2019t\nKnow")


# --- properties ------------------------------------------------------------------------------


_NEGATED_AUXILIARIES = (
    "don't doesn't didn't can't couldn't won't wouldn't isn't wasn't aren't weren't "
    "shouldn't haven't hasn't hadn't"
).split()


@given(
    st.sampled_from(["I", "i", "We", "They", "It", "She", "You"]),
    st.sampled_from(_NEGATED_AUXILIARIES),
    st.sampled_from(
        [
            "think so",
            "think it failed",
            "really care",
            "necessarily mean that",
            "doubt it",
            "believe them",
            "seem to care",
            "always agree",
            "know if it works",
            "feel sure about it",
            "be certain",
            "say for sure",
        ]
    ),
)
def test_contractions_without_apostrophes_read_like_contractions(
    subject: str, auxiliary: str, rest: str
) -> None:
    """ "i dont think" gives what "i don't think" gives: web text often drops the apostrophe."""
    text = f"{subject} {auxiliary} {rest}."
    assert _cues_without_apostrophes(text) == _cues_without_apostrophes(text.replace("'", ""))


@given(
    st.sampled_from(
        ["I'm", "i'm", "I've", "You're", "You've", "They're", "They've", "We've", "That's"]
    ),
    st.sampled_from(
        [
            "sure it works",
            "not sure it works",
            "always thought so",
            "probably right",
            "clearly wrong",
            "been told it may fail",
            "thought about it",
            "certain of it",
        ]
    ),
)
def test_subject_contractions_without_apostrophes_read_like_contractions(
    contraction: str, rest: str
) -> None:
    """ "Im sure" gives what "I'm sure" gives."""
    text = f"{contraction} {rest}."
    assert _cues_without_apostrophes(text) == _cues_without_apostrophes(text.replace("'", ""))


def _cues_without_apostrophes(text: str) -> list[tuple[str, str | None, str]]:
    """The hedges and boosters of ``text``: cue text without apostrophes, rule, category."""
    report = rhetorika.analyze(text)
    assert report.hedges is not None
    assert report.boosters is not None
    cues = [*report.hedges, *report.boosters]
    return [(cue.text.lower().replace("'", ""), cue.rule, cue.category.value) for cue in cues]


@given(st.one_of(any_text, english_text, hedge_text))
def test_offsets_point_into_the_original(text: str) -> None:
    """Every hedge and booster satisfies original[start:end] == text, sorted by offset."""
    report = _cues(text)
    for spans in (report.hedges or (), report.boosters or ()):
        for span in spans:
            assert span.text == text[span.start : span.end]
            assert 0 <= span.start < span.end <= len(text)
            assert 0 <= span.sentence < max(len(report.sentences), 1)
        assert sorted(spans, key=lambda s: (s.start, s.end)) == list(spans)


@given(any_text)
def test_total_over_any_string(text: str) -> None:
    """Any str, surrogates and control characters included, gives tuples, never an error."""
    report = _cues(text)
    assert isinstance(report.hedges, tuple)
    assert isinstance(report.boosters, tuple)


@given(st.one_of(english_text, hedge_text))
def test_deterministic(text: str) -> None:
    """The same text gives the same results, from a fresh Doc or a fresh Analyzer."""
    assert _cues(text) == Analyzer(extractors=NAMES).analyze(text)


@given(cue_free_sentence, st.one_of(english_text, hedge_text))
def test_prefix_shifts_offsets(prefix: str, text: str) -> None:
    """A cue-free sentence and a blank line before a text shift every offset by their length."""
    prefix = prefix.strip() + "\n\n"
    plain, shifted = _cues(text), _cues(prefix + text)
    for before, after in ((plain.hedges, shifted.hedges), (plain.boosters, shifted.boosters)):
        assert before is not None
        assert after is not None
        assert [
            (s.start + len(prefix), s.end + len(prefix), s.category, s.rule) for s in before
        ] == [(s.start, s.end, s.category, s.rule) for s in after]


@given(st.one_of(english_text, hedge_text))
def test_text_api_equals_doc_path(text: str) -> None:
    """analyze(text) equals the extractors run on a Doc from the default spaCy pipeline."""
    report = _cues(text)
    doc = NLP(text) if text.strip() else make_doc(NLP, text)
    assert report.hedges == HedgeExtractor()(doc)
    assert report.boosters == BoosterExtractor()(doc)


@given(st.one_of(english_text, hedge_text))
def test_json_round_trip(text: str) -> None:
    """A report with hedges and boosters survives to_json/from_json unchanged."""
    report = _cues(text)
    assert report == from_json(to_json(report))


@given(st.one_of(any_text, english_text))
def test_sentence_offsets_agree_with_spacy_sents(text: str) -> None:
    """sentence_offsets (from token arrays) equals the non-blank starts of doc.sents."""
    from rhetorika.pipeline import sentence_offsets

    doc = make_doc(NLP, text)
    expected = [s.start_char for s in doc.sents if s.text.strip()] if len(doc) else []
    assert expected == sentence_offsets(doc)


@given(st.one_of(english_text, hedge_text))
def test_spacy_components_equal_text_api(text: str) -> None:
    """nlp.add_pipe("rhetorika/hedges") and "rhetorika/boosters" give analyze's results."""
    doc = COMPONENTS(text)
    report = _cues(text)
    assert report.hedges == doc._.rhetorika_hedges
    assert report.boosters == doc._.rhetorika_boosters


@given(
    st.one_of(
        any_text,
        english_text,
        hedge_text,
        st.lists(
            st.sampled_from(
                ["no one", "no", "x", "-", "'", " ", "\n", "100%", "all", "\u00e9", "\u00b2", "_"]
            )
        ).map("".join),
    )
)
def test_scan_finds_what_the_single_pattern_finds(text: str) -> None:
    """The two-part scan (text start, then after a non-word character) equals the old one.

    "é" and "²" are word characters beyond ASCII, which the scan's class lets through.
    """
    pattern, _ = _hedge_lexicon.matcher()
    folded = fold(text)
    expected = [(m.start(), m.end(), m.group()) for m in pattern.finditer(folded)]
    found, hits = _hedge_lexicon.scan(text)
    assert (folded, expected) == (found, [tuple(hit) for hit in hits])
