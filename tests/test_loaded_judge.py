"""Tests for the loaded-terms judge, the affect table and the open-vocabulary candidates."""

from __future__ import annotations

import itertools
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import rhetorika
from rhetorika import LoadedCategory, LoadedTerm
from rhetorika.data import parse_header
from rhetorika.data._affect import affect_table
from rhetorika.exceptions import ConfigurationError, LexiconFormatError
from rhetorika.extractors._loaded_judge import FEATURES, JUDGE_RESOURCE, load_judge, parse_judge
from rhetorika.extractors.loaded import LoadedTermExtractor
from rhetorika.pipeline import default_nlp, make_doc, sentence_offsets
from tests.scripts import load_script
from tests.strategies import any_text, open_vocabulary_text

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
NLP = default_nlp()
EXTRACTOR = LoadedTermExtractor()
EVERY_CANDIDATE = LoadedTermExtractor(threshold=0.0)
"""Keeps every candidate the rules let through, so the properties see them all."""


def _train_module() -> Any:
    return load_script("scripts/train_loaded.py")


def _shipped() -> dict[str, Any]:
    path = ROOT / "src" / "rhetorika" / "data" / JUDGE_RESOURCE
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


# ---- properties over the new candidates -------------------------------------------


@given(open_vocabulary_text)
def test_offsets_point_into_the_text(text: str) -> None:
    """Every candidate's offsets point at its text, its confidence is a probability."""
    for term in EVERY_CANDIDATE(make_doc(NLP, text)):
        assert text[term.start : term.end] == term.text
        assert term.confidence is not None
        assert 0.0 <= term.confidence <= 1.0
        assert term.source in ("lexicon", "affect", "morphology")


@given(any_text)
def test_total_on_any_string(text: str) -> None:
    """Any str is judged without an exception."""
    assert isinstance(EVERY_CANDIDATE(make_doc(NLP, text)), tuple)


@given(open_vocabulary_text)
def test_deterministic_and_sorted(text: str) -> None:
    """Two runs agree, and terms come sorted by offset without overlaps."""
    first = EVERY_CANDIDATE(make_doc(NLP, text))
    assert first == EVERY_CANDIDATE(make_doc(NLP, text))
    assert all(a.end <= b.start for a, b in itertools.pairwise(first))


@given(open_vocabulary_text)
def test_text_api_equals_doc_path(text: str) -> None:
    """from_text gives the same judged terms as the extractor on a blank-pipeline Doc."""
    doc = make_doc(NLP, text)
    for extractor in (EXTRACTOR, EVERY_CANDIDATE):
        assert extractor(doc) == extractor.from_text(doc.text, sentence_offsets(doc))


@given(open_vocabulary_text)
def test_judge_only_removes_candidates(text: str) -> None:
    """The default threshold keeps a subset of what threshold 0 keeps; lexicon terms all stay."""
    doc = make_doc(NLP, text)
    everything = EVERY_CANDIDATE(doc)
    kept = EXTRACTOR(doc)
    assert set(kept) <= set(everything) or all(t.source == "lexicon" for t in kept)
    lexicon = {(t.start, t.end) for t in LoadedTermExtractor(judge="off")(doc)}
    assert lexicon <= {(t.start, t.end) for t in kept} | {
        (t.start, t.end) for t in everything if t.source != "lexicon"
    }


# ---- candidates ----------------------------------------------------------------------


def test_morphology_candidates() -> None:
    """Productive labels are candidates from morphology; an established name is not."""
    text = "Hard-left activists and gun-loving voters recalled Russiagate, not Watergate."
    found = {(t.text, t.source, t.entry) for t in EVERY_CANDIDATE(make_doc(NLP, text))}
    expected = {
        ("Hard-left", "morphology", "far-left / far-right"),
        ("gun-loving", "morphology", "X-loving / X-hating"),
        ("Russiagate", "morphology", "X-gate"),
    }
    assert expected <= found
    assert not [item for item in found if item[0] == "Watergate"]


def test_affect_candidate_has_category_evaluative() -> None:
    """A word only the affect table knows is an evaluative candidate from affect.v1."""
    terms = EVERY_CANDIDATE(make_doc(NLP, "The fans adored the cheerful coach."))
    adored = [t for t in terms if t.text == "adored"]
    assert [("evaluative", "affect", "affect.v1")] == [
        (t.category.value, t.source, t.lexicon) for t in adored
    ]


def test_judge_off_is_the_lexicon_alone() -> None:
    """judge='off' reports no open-vocabulary term and no confidence."""
    terms = LoadedTermExtractor(judge="off")(
        make_doc(NLP, "Far-right thugs adored the cheerful coach.")
    )
    assert [("thugs", None, "lexicon")] == [(t.text, t.confidence, t.source) for t in terms]


def test_hedge_word_is_also_a_framing_verb() -> None:
    """'claimed' is a framing verb here and an attribution hedge in the hedge extractor."""
    from rhetorika import analyze

    report = analyze("The minister claimed that the talks had failed.")
    assert report.loaded_terms is not None
    assert report.hedges is not None
    assert [("claimed", LoadedCategory.FRAMING_VERB)] == [
        (t.text, t.category) for t in report.loaded_terms
    ]
    assert ["claimed"] == [h.text for h in report.hedges]


# ---- user lexicons and overruling ------------------------------------------------------


def _user_lexicon(tmp_path: Path) -> Path:
    path = tmp_path / "newsroom.tsv"
    path.write_text(
        "# rhetorika-lexicon: newsroom  format=1  version=3  license=MIT\n"
        "entry\tcategory\tintensity\nzebra crossing\temotive\t0.1\n",
        encoding="utf-8",
    )
    return path


def test_user_entries_are_kept_unless_overruled(tmp_path: Path) -> None:
    """User entries stay whatever the judge says, unless their lexicon is named in overrule."""
    path = _user_lexicon(tmp_path)
    text = "They painted a zebra crossing."
    kept = LoadedTermExtractor(lexicons=[path], threshold=1.0)(make_doc(NLP, text))
    assert ["zebra crossing"] == [t.text for t in kept]
    overruled = LoadedTermExtractor(lexicons=[path], overrule=["newsroom.v3"], threshold=1.0)
    assert () == overruled(make_doc(NLP, text))


def test_overrule_names_a_lexicon_in_use(tmp_path: Path) -> None:
    """overrule must name lexicons in use; the message lists them."""
    with pytest.raises(ConfigurationError, match=r"in use: loaded\.v1"):
        LoadedTermExtractor(overrule=["newsroom.v3"])


@pytest.mark.parametrize("kwargs", [{"judge": "maybe"}, {"threshold": 1.5}])
def test_bad_judge_arguments(kwargs: dict[str, Any]) -> None:
    """A bad judge mode or threshold is a ConfigurationError."""
    with pytest.raises(ConfigurationError):
        LoadedTermExtractor(**kwargs)


# ---- the shipped data files ---------------------------------------------------------------


def test_affect_table_is_the_vader_word_list() -> None:
    """The affect table holds as many words as its header says, valences within [-4, 4]."""
    path = ROOT / "src" / "rhetorika" / "data" / "affect.v1.tsv"
    header = parse_header(path.read_text(encoding="utf-8").splitlines()[0], path=str(path))
    words = int(dict(header.extra)["words"])
    table = affect_table()
    assert words == len(table)
    assert all(-4.0 <= valence <= 4.0 for valence, _ in table.values())


def test_shipped_judge_loads() -> None:
    """The shipped weights file validates and names every feature."""
    judge = load_judge()
    assert set(FEATURES) == set(judge.weights)
    assert 0.0 < judge.threshold < 1.0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"format": "pickle"}, "format"),
        ({"version": 0}, "version"),
        ({"features": ["bias"]}, "features"),
        ({"weights": {"bias": 1.0}}, "weights"),
        ({"threshold": 1.0}, "threshold"),
        ({"min_valence": -1}, "min_valence"),
    ],
)
def test_bad_weights_file_names_the_field(change: dict[str, Any], field: str) -> None:
    """A malformed weights file is a LexiconFormatError naming the file and the field."""
    data = {**_shipped(), **change}
    with pytest.raises(LexiconFormatError, match=f"judge.json.*field '{field}'"):
        parse_judge(data, path="judge.json")


# ---- training -------------------------------------------------------------------------------


def test_training_on_a_fixture_is_deterministic() -> None:
    """Training twice on the fixture corpora writes the same file, in the shipped format."""
    train = _train_module()
    studied = train.read_study(ROOT / "tests" / "fixtures" / "loaded_train")
    first = train.render(train.train(studied, date="2000-01-01"))
    second = train.render(train.train(studied, date="2000-01-01"))
    assert first == second
    judge = parse_judge(json.loads(first), path="fixture")
    assert judge.weights["source=lexicon"] != 0.0


def test_shipped_weights_are_what_the_script_writes() -> None:
    """The shipped weights file equals what scripts/train_loaded.py writes from ../shared/eval."""
    if not (EVAL / "loaded" / "ptc_train_dev.jsonl").exists():
        pytest.skip(f"the development corpora are not at {EVAL} (they are never in the repo)")
    train = _train_module()
    shipped = _shipped()
    written = train.render(train.train(train.read_study(EVAL), date=shipped["date"]))
    assert train.render(shipped) == written


def test_confidence_outside_zero_one_is_rejected() -> None:
    """A LoadedTerm's confidence must be None or a probability."""
    with pytest.raises(ValueError, match="confidence must be None or in"):
        LoadedTerm(
            start=0,
            end=4,
            text="vile",
            category=LoadedCategory.EMOTIVE,
            intensity=0.9,
            sentence=0,
            lexicon="loaded.v1",
            entry="vile",
            confidence=1.5,
        )


def test_json_and_html_carry_confidence_and_source() -> None:
    """The JSON form and the HTML title carry a judged term's confidence and source."""
    report = rhetorika.analyze("Hard-left activists called the plan vile.")
    assert report.loaded_terms is not None
    vile = next(t for t in report.loaded_terms if t.text == "vile")
    assert vile.confidence is not None
    data = json.loads(rhetorika.to_json(report))
    stored = next(t for t in data["loaded_terms"] if t["text"] == "vile")
    assert (vile.confidence, "lexicon") == (stored["confidence"], stored["source"])
    assert f"confidence {vile.confidence:.2f}" in rhetorika.render(report)


def _adoring_lexicon(folder: Path) -> Path:
    path = folder / "fans.tsv"
    path.write_text(
        "# rhetorika-lexicon: fans  format=1  version=1  license=MIT\n"
        "entry\tcategory\tintensity\nadored\temotive\t0.4\ngun-loving\tpejorative\t0.6\n",
        encoding="utf-8",
    )
    return path


USER_LEXICON = _adoring_lexicon(Path(tempfile.mkdtemp()))
WITH_USER = LoadedTermExtractor(lexicons=[USER_LEXICON])
WITH_USER_STRICT = LoadedTermExtractor(lexicons=[USER_LEXICON], threshold=1.0)
WITH_USER_OFF = LoadedTermExtractor(lexicons=[USER_LEXICON], judge="off")


def _positions(terms: tuple[LoadedTerm, ...]) -> list[tuple[int, int, str, str]]:
    return [(t.start, t.end, t.category.value, t.lexicon) for t in terms]


@given(open_vocabulary_text)
def test_user_lexicon_merges_with_the_candidates(text: str) -> None:
    """A user entry wins over affect and morphology; at threshold 1 only lexicon terms remain."""
    doc = make_doc(NLP, text)
    merged = WITH_USER(doc)
    assert all(t.source == "lexicon" for t in merged if t.text.lower() in ("adored", "gun-loving"))
    assert _positions(WITH_USER_OFF(doc)) == _positions(WITH_USER_STRICT(doc))
    assert WITH_USER(doc) == WITH_USER.from_text(doc.text, sentence_offsets(doc))


def test_tagger_part_of_speech_replaces_the_suffix_guess() -> None:
    """On a tagged Doc the tagger's class, not the word's ending, feeds the judge."""
    from spacy.tokens import Doc

    words = ["Fans", "adored", "the", "coach", "."]
    spaces = [True, True, True, False, False]

    def confidence(pos: list[str]) -> float | None:
        doc = Doc(NLP.vocab, words=words, spaces=spaces, pos=pos)
        return next(t.confidence for t in EVERY_CANDIDATE(doc) if t.text == "adored")

    as_verb = confidence(["NOUN", "VERB", "DET", "NOUN", "PUNCT"])
    as_adjective = confidence(["NOUN", "ADJ", "DET", "NOUN", "PUNCT"])
    untagged = EVERY_CANDIDATE.from_text("Fans adored the coach.", [0])
    assert [as_verb] == [t.confidence for t in untagged if t.text == "adored"]
    assert as_adjective != as_verb
