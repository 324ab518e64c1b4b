"""Tests for the learned booster judge: the opt-in, its data file, loader and training."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
import spacy
from hypothesis import given

import rhetorika
from rhetorika import ConfigurationError, LexiconFormatError
from rhetorika.extractors._booster_judge import JUDGE_FILE, builtin_judge, judge_from_json
from rhetorika.extractors._hedge_lexicon import matcher
from rhetorika.extractors.boosters import BoosterExtractor
from rhetorika.extractors.hedges import HedgeExtractor, find_cues_in_text
from rhetorika.pipeline import default_nlp, make_doc
from rhetorika.results import Booster
from rhetorika.sentences import sentence_starts
from tests.scripts import load_script

from . import strategies

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "src" / "rhetorika" / "data" / JUDGE_FILE
EVAL = ROOT.parent / "shared" / "eval"

JUDGED = BoosterExtractor(classifier="model")
_JUDGED_NLP = spacy.blank("en")
_JUDGED_NLP.add_pipe("rhetorika/boosters", config={"options": {"classifier": "model"}})


def _judged(text: str) -> tuple[Booster, ...]:
    return JUDGED.from_text(text, sentence_starts(text))


def _check(text: str, found: tuple[Booster, ...]) -> None:
    for booster in found:
        assert text[booster.start : booster.end] == booster.text
        assert booster.confidence is not None
        assert 0.0 <= booster.confidence <= 1.0
        assert all(isinstance(reason, str) and reason for reason in booster.evidence)
    assert [b.start for b in found] == sorted(b.start for b in found)


# The opt-in


def test_default_classifier_is_the_rules() -> None:
    """Without options the booster extractor decides by its context rules, with no confidence."""
    assert BoosterExtractor().classifier == "rules"
    assert repr(BoosterExtractor()) == "BoosterExtractor(context_rules=True)"
    found = rhetorika.analyze("Clearly, this is wrong.", extractors=["boosters"]).boosters
    assert found is not None
    assert [(b.text, b.confidence, b.evidence) for b in found] == [("Clearly", None, ())]


@pytest.mark.parametrize("bad", ["judge", "", 1, None])
def test_bad_classifier_raises_configuration_error(bad: object) -> None:
    """An unknown classifier is refused when the extractor is built."""
    with pytest.raises(ConfigurationError):
        BoosterExtractor(classifier=bad)  # type: ignore[arg-type]


def test_judge_reports_confidence_and_evidence_in_words() -> None:
    """A booster the judge keeps carries its probability and its reasons in words."""
    text = "Clearly, they always lie to everyone."
    found = _judged(text)
    _check(text, found)
    assert "Clearly" in [b.text for b in found]
    clearly = next(b for b in found if b.text == "Clearly")
    assert clearly.confidence is not None
    assert clearly.confidence >= builtin_judge().threshold
    assert clearly.evidence
    assert repr(JUDGED) == "BoosterExtractor(context_rules=True, classifier='model')"


def test_negation_still_turns_a_booster_into_a_hedge_with_the_judge() -> None:
    """ "not necessarily" is a hedge, not a booster, whichever classifier decides boosters."""
    text = "That is not necessarily true."
    assert [b.text for b in _judged(text)] == []
    hedges = HedgeExtractor().from_text(text, sentence_starts(text))
    assert [h.text for h in hedges] == ["necessarily"]


def test_without_context_rules_the_classifier_changes_nothing() -> None:
    """``context_rules=False`` reports every lexicon match, judged or not, with no confidence."""
    text = "Clearly, they always lie to everyone."
    every = BoosterExtractor(context_rules=False).from_text(text, sentence_starts(text))
    judged = BoosterExtractor(context_rules=False, classifier="model")
    assert judged.from_text(text, sentence_starts(text)) == every


@given(strategies.any_text)
def test_judge_confidence_in_range_on_any_text(text: str) -> None:
    """With the judge, every booster's confidence is in [0, 1] and offsets slice the text."""
    _check(text, _judged(text))


@given(strategies.hedge_text)
def test_judge_is_deterministic_and_equals_the_spacy_paths(text: str) -> None:
    """With the judge, two runs, the extractor on a Doc and the spaCy component agree."""
    expected = _judged(text)
    _check(text, expected)
    # find_cues_in_text keeps the last text's pass (keyed on the very str,
    # and text + "" is that str): another text first, so this run recomputes.
    _judged("Another text entirely.")
    assert _judged(text) == expected
    assert JUDGED(make_doc(default_nlp(), text)) == expected
    assert _JUDGED_NLP(text)._.rhetorika_boosters == expected


@given(strategies.hedge_text)
def test_hedges_are_the_same_whichever_classifier_decides_boosters(text: str) -> None:
    """The judge decides boosters only: the pass's hedges equal the rules' pass's hedges."""
    starts = sentence_starts(text)
    judged = find_cues_in_text(text, starts, judge=builtin_judge())
    ruled = find_cues_in_text(text, starts)
    assert [c for c in judged if c.kind == "hedge"] == [c for c in ruled if c.kind == "hedge"]


@given(strategies.hedge_text)
def test_judge_after_the_hedges_equals_the_judge_alone(text: str) -> None:
    """The judge's pass on top of the hedges' pass gives the boosters of the judge's pass alone."""
    starts = sentence_starts(text)
    alone = JUDGED(make_doc(default_nlp(), text))  # no rules' pass cached on this Doc
    doc = make_doc(default_nlp(), text)
    HedgeExtractor()(doc)
    assert JUDGED(doc) == alone
    fresh = (text + " ")[:-1]  # an equal str, another object: no pass remembered for it
    HedgeExtractor().from_text(fresh, starts)
    assert JUDGED.from_text(fresh, starts) == alone
    assert HedgeExtractor().from_text(fresh, starts) == HedgeExtractor()(doc)


def test_judge_after_the_hedges_on_a_fixed_text() -> None:
    """Hedges first or boosters first, the judge keeps the same boosters of a fixed text."""
    text = (
        'Clearly, "they always lie." Perhaps it is never true, and of course it is totally fine?'
    )
    starts = sentence_starts(text)
    first = JUDGED.from_text(text, starts)
    HedgeExtractor().from_text("Another text entirely.", [0])
    HedgeExtractor().from_text(text, starts)
    assert [b.text for b in JUDGED.from_text(text, starts)] == [b.text for b in first]
    assert {"Clearly", "of course"} <= {b.text for b in first}  # not vacuous: it keeps some


def test_each_lexicon_form_names_its_entries_apart() -> None:
    """The entries of one lexicon form have distinct ids: the judge's pass finds verdicts by id."""
    _, by_form = matcher()
    assert [
        f for f, entries in by_form.items() if len({e.id for e in entries}) < len(entries)
    ] == []


# The data file and the training script


def _script() -> ModuleType:
    return load_script("scripts/train_boosters.py")


# Written for this test (not taken from any corpus); cues marked by hand.
_FIXTURE = [
    ("d01", "Clearly, the plan will fail.", ["Clearly"]),
    ("d01", "He spoke clearly to the crowd.", []),
    ("d02", "They always lie to us.", ["always"]),
    ("d02", "He never arrived at the meeting that day.", []),
    ("d03", "Everyone knows the truth.", ["Everyone"]),
    ("d03", "Freedom for everyone was the slogan.", []),
    ("d04", "It is absolutely false.", ["absolutely"]),
    ("d04", "The town was completely destroyed.", []),
    ("d05", "Of course they knew.", ["Of course"]),
    ("d05", "The fact that he left surprised nobody.", ["nobody"]),
    ("d06", "In fact, the vote was rigged.", ["In fact"]),
    ("d06", "Despite the fact that it rained, we went.", []),
    ("d07", "We know that this is a lie.", ["know that"]),
    ("d07", "They really did win.", ["really"]),
    ("d08", "All Americans deserve better.", ["All"]),
    ("d08", "All gun sales rose last year.", []),
]


def _write_fixture(folder: Path) -> None:
    lines = []
    for index, (doc, text, cues) in enumerate(_FIXTURE):
        spans = []
        for cue in cues:
            start = text.index(cue)
            spans.append({"start": start, "end": start + len(cue), "label": "certainty"})
        lines.append(
            json.dumps({"id": f"{doc}:{index}", "doc_id": doc, "text": text, "spans": spans})
        )
    (folder / "hedges").mkdir()
    (folder / "hedges" / "boosters_dev.jsonl").write_text(
        "\n".join(lines) + "\n", encoding="utf-8"
    )


def test_training_on_a_fixture_is_deterministic(tmp_path: Path) -> None:
    """The script trains on a small fixture, writes a loadable judge, the same text twice."""
    pytest.importorskip("numpy", reason="training needs numpy")
    script = _script()
    _write_fixture(tmp_path)
    first = script.render(script.train(tmp_path, date="2026-01-01"))
    second = script.render(script.train(tmp_path, date="2026-01-01"))
    assert first == second
    judge = judge_from_json(first, path="fixture judge")
    assert judge.id == "boosters_judge.v1"
    header = json.loads(first)
    study, check = header["training"]["sentences"], header["check_half"]["sentences"]
    assert (header["training"]["date"], study + check) == ("2026-01-01", len(_FIXTURE))


@pytest.mark.skipif(not EVAL.is_dir(), reason=f"the eval corpora are not at {EVAL}")
def test_shipped_judge_is_what_the_script_writes() -> None:
    """The shipped weights file equals the script's output on ../shared/eval, byte for byte."""
    pytest.importorskip("numpy", reason="training needs numpy")
    script = _script()
    shipped = SHIPPED.read_text(encoding="utf-8")
    date = json.loads(shipped)["training"]["date"]
    assert script.render(script.train(EVAL, date=date)) == shipped


def test_shipped_judge_loads_and_describes_every_feature() -> None:
    """The shipped judge loads, leaves out the rules' verdicts and describes each feature."""
    judge = builtin_judge()
    assert judge.id == "boosters_judge.v1"
    assert 0.0 < judge.threshold < 1.0
    assert set(judge.weights) == set(judge.descriptions)
    assert not [name for name in judge.weights if name.startswith(("rule:", "rejected_by="))]


def _shipped() -> dict[str, object]:
    data: dict[str, object] = json.loads(SHIPPED.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"format": "pickle"}, "'format'"),
        ({"version": "1"}, "'version'"),
        ({"name": "quotations"}, "'name'"),
        ({"threshold": 1.5}, "'threshold'"),
        ({"threshold": "high"}, "'threshold'"),
        ({"weights": {"bias": 0.0, "no_such_feature": 1.0}}, "'weights.no_such_feature'"),
        ({"weights": {"bias": "x"}}, "'weights.bias'"),
        ({"weights": {"negated": 1.0}}, "'weights'"),
        ({"features": {}}, "'features'"),
    ],
)
def test_bad_judge_file_names_the_field(change: dict[str, object], field: str) -> None:
    """A malformed judge file raises LexiconFormatError naming the file and the field."""
    data = {**_shipped(), **change}
    with pytest.raises(LexiconFormatError) as caught:
        judge_from_json(json.dumps(data), path="bad.json")
    assert str(caught.value).startswith(f"bad.json: field {field}")
