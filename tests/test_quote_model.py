"""Tests for the learned quotation classifier: the opt-in, its data file, loader and training."""

from __future__ import annotations

import json
import math
import pickle
import re
from pathlib import Path
from types import ModuleType

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

import rhetorika
from rhetorika import Analyzer, ConfigurationError, LexiconFormatError, QuotationKind
from rhetorika.extractors import _quote_features, create_extractor
from rhetorika.extractors._quote_features import DESCRIPTIONS, RULE_CUES
from rhetorika.extractors._quote_model import MODEL_FILE, builtin_model, model_from_json
from rhetorika.extractors.quotes import QuotationExtractor, candidates
from rhetorika.pipeline import default_nlp, make_doc
from rhetorika.results import Quotation
from rhetorika.sentences import sentence_starts
from tests.scripts import load_script

from . import strategies

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "src" / "rhetorika" / "data" / MODEL_FILE
EVAL = ROOT.parent / "shared" / "eval"


MODEL = Analyzer(extractors=[QuotationExtractor(classifier="model")])
_MODEL_NLP = spacy.blank("en")
_MODEL_NLP.add_pipe("rhetorika/quotations", config={"options": {"classifier": "model"}})


def _model_quotations(text: str) -> tuple[Quotation, ...]:
    result = MODEL.analyze(text).quotations
    assert result is not None
    return result


def _check_offsets(text: str, found: tuple[Quotation, ...]) -> None:
    for q in found:
        assert 0 <= q.open_mark[0] < q.open_mark[1] == q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert isinstance(q.kind, QuotationKind)
        assert 0.0 <= q.confidence <= 1.0
    assert [(q.start, q.end) for q in found] == sorted((q.start, q.end) for q in found)


# The opt-in


def test_default_classifier_is_the_rules() -> None:
    """Without options the extractor classifies with the rules."""
    assert QuotationExtractor().classifier == "rules"
    assert repr(QuotationExtractor()) == "QuotationExtractor()"


@pytest.mark.parametrize("bad", ["Model", "learned", "", None, 1, ["model"]])
def test_bad_classifier_raises_configuration_error(bad: object) -> None:
    """An unknown classifier is a ConfigurationError that lists both choices."""
    with pytest.raises(ConfigurationError) as caught:
        QuotationExtractor(classifier=bad)  # type: ignore[arg-type]
    assert "valid: rules, model" in str(caught.value)


def test_bad_classifier_by_name_raises_configuration_error() -> None:
    """create_extractor passes the option through and the extractor rejects a bad value."""
    with pytest.raises(ConfigurationError, match="valid: rules, model"):
        create_extractor("quotations", classifier="forest")


def test_configured_extractor_pickles_as_configuration() -> None:
    """The model-configured extractor, and an Analyzer holding it, pickle with the setting."""
    extractor = pickle.loads(pickle.dumps(QuotationExtractor(classifier="model")))
    assert extractor.classifier == "model"
    assert repr(extractor) == "QuotationExtractor(classifier='model')"
    analyzer = pickle.loads(pickle.dumps(MODEL))
    assert analyzer.analyze(strategies.SEED) == MODEL.analyze(strategies.SEED)


def test_model_on_the_seed_gives_valid_quotations() -> None:
    """On the seed article the model finds the same ten quotations as the rules, offsets valid."""
    found = _model_quotations(strategies.SEED)
    _check_offsets(strategies.SEED, found)
    rules = rhetorika.analyze(strategies.SEED, extractors=["quotations"]).quotations
    assert rules is not None
    assert [(q.open_mark, q.close_mark) for q in found] == [
        (q.open_mark, q.close_mark) for q in rules
    ]
    assert len(found) == 10
    assert all(q.evidence for q in found)


def test_model_is_not_the_rules_on_the_seed() -> None:
    """The option changes the classification: confidences differ from the rules' on the seed."""
    rules = rhetorika.analyze(strategies.SEED, extractors=["quotations"]).quotations
    assert rules is not None
    found = _model_quotations(strategies.SEED)
    assert [q.confidence for q in found] != [q.confidence for q in rules]


@given(strategies.any_text)
def test_model_offsets_in_range_on_any_text(text: str) -> None:
    """With the model, offsets are in range, slice the text and come sorted, for any str."""
    _check_offsets(text, _model_quotations(text))


@given(strategies.quoted_text)
def test_model_is_deterministic_and_equals_the_spacy_paths(text: str) -> None:
    """With the model, two runs, the extractor on a Doc and the spaCy component agree."""
    expected = _model_quotations(text)
    _check_offsets(text, expected)
    assert _model_quotations(text) == expected
    assert QuotationExtractor(classifier="model")(make_doc(default_nlp(), text)) == expected
    assert _MODEL_NLP(text)._.rhetorika_quotations == expected


# The data file and the training script


def _script() -> ModuleType:
    return load_script("scripts/train_quotes.py")


# Hand-written labelled quotations, one per document, in the eval record format.
_FIXTURE = [
    ("scare", "The regime held {q}elections{c} with one candidate."),
    ("scare", "Their {q}experts{c} got it wrong again."),
    ("scare", "The so-called {q}reform{c} cut every benefit."),
    ("scare", "What they sold as {q}help{c} was a loan at twenty per cent."),
    ("scare", "The {q}humanitarian{c} convoy carried shells."),
    ("scare", "So much for the {q}ceasefire{c} then."),
    ("direct", "{q}We will not back down,{c} she said."),
    ("direct", "He added: {q}This is only the beginning.{c}"),
    ("direct", "{q}I did the right thing,{c} Clinton told reporters."),
    ("direct", "The mayor said the bridge would {q}open in May{c} this year."),
    ("direct", "{q}Nobody saw it coming,{c} a spokesman said on Monday."),
    ("direct", "Smith told the court: {q}I am innocent.{c}"),
    ("title", "She reviewed the film {q}The Long Goodbye{c} for the paper."),
    ("title", "He appeared on {q}State of the Union{c} on Sunday."),
    ("title", "Fans wore {q}Make America Great Again{c} hats."),
    ("title", "The book {q}War and Peace{c} is long."),
    ("mention", "The word {q}literally{c} is overused."),
    ("mention", "The term {q}collusion{c} has no legal meaning."),
    ("mention", "Henry M. {q}Scoop{c} Jackson served in the Senate."),
    ("mention", "A method known as {q}double counting{c} was used."),
    ("other", "<blockquote author={q}@someone{c} lang={q}en{c}>"),
    ("other", "<a title={q}@other{c} href={q}x{c}>"),
]


def _write_fixture(folder: Path) -> list[str]:
    lines = []
    for number, (label, template) in enumerate(_FIXTURE):
        text = template.format(q='"', c='"')
        start = text.index('"') + 1
        end = text.index('"', start)
        record = {
            "id": f"fixture:{number}",
            "doc_id": f"fixture/doc-{number}",
            "text": text,
            "spans": [{"start": start, "end": end, "label": label, "string": text[start:end]}],
        }
        lines.append(json.dumps(record))
    (folder / "quotes").mkdir()
    half = len(lines) // 2
    (folder / "quotes" / "a.jsonl").write_text("\n".join(lines[:half]) + "\n", encoding="utf-8")
    (folder / "quotes" / "b.jsonl").write_text("\n".join(lines[half:]) + "\n", encoding="utf-8")
    return ["quotes/a.jsonl", "quotes/b.jsonl"]


def test_training_on_a_fixture_is_deterministic(tmp_path: Path) -> None:
    """The script trains on a small fixture, writes a loadable model, the same text twice."""
    pytest.importorskip("scipy", reason="training needs the 'train' extra (scipy)")
    script = _script()
    files = _write_fixture(tmp_path)
    first = script.train(tmp_path, files, "2026-01-01")
    second = script.train(tmp_path, files, "2026-01-01")
    assert first == second
    model = model_from_json(first, path="fixture model")
    assert model.classes == ("scare", "direct", "title", "mention", "other")
    header = json.loads(first)
    assert header["training"]["date"] == "2026-01-01"
    assert header["training"]["quotations"] + sum(header["check_half"]["by_kind"].values()) == len(
        _FIXTURE
    )


@pytest.mark.skipif(not EVAL.is_dir(), reason=f"the eval corpora are not at {EVAL}")
def test_shipped_model_is_what_the_script_writes() -> None:
    """The shipped weights file equals the script's output on ../shared/eval, byte for byte."""
    pytest.importorskip("scipy", reason="training needs the 'train' extra (scipy)")
    script = _script()
    shipped = SHIPPED.read_text(encoding="utf-8")
    date = json.loads(shipped)["training"]["date"]
    assert script.train(EVAL, script.FILES, date) == shipped


def test_shipped_model_loads_and_names_every_feature() -> None:
    """The shipped model loads, and each of its features has a description in words."""
    model = builtin_model()
    assert model.id == "quotations.v1"
    assert set(model.weights) == set(DESCRIPTIONS)
    assert model.temperature > 0


def _shipped() -> dict[str, object]:
    data: dict[str, object] = json.loads(SHIPPED.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"format": "pickle"}, "'format'"),
        ({"name": "boosters_judge"}, "'name'"),
        ({"version": 0}, "'version'"),
        ({"format_version": 2}, "'format_version'"),
        ({"classes": ["scare", "direct"]}, "'classes'"),
        ({"temperature": 0}, "'temperature'"),
        (
            {"weights": {"bias": [0, 0, 0, 0, 0], "no_such_feature": [0, 0, 0, 0, 0]}},
            "'weights.no_such_feature'",
        ),
        ({"weights": {"bias": [0, 0, 0, 0]}}, "'weights.bias'"),
        ({"weights": {"bias": [0, 0, "x", 0, 0]}}, "'weights.bias[2]'"),
    ],
)
def test_bad_model_file_names_the_field(change: dict[str, object], field: str) -> None:
    """A malformed model file raises LexiconFormatError naming the file and the field."""
    data = {**_shipped(), **change}
    with pytest.raises(LexiconFormatError) as caught:
        model_from_json(json.dumps(data), path="bad.json")
    assert str(caught.value).startswith(f"bad.json: field {field}")


# Stacking: the rules' decision and cues are features of the model


def test_candidates_carry_the_rules_decision_and_cues() -> None:
    """Each candidate names the hand rules' kind and cues as rule_ and rule_cue_ features."""
    text = 'Officials praised the so-called "experts" for their work.'
    pairs, active = candidates(text, sentence_starts(text))
    assert len(pairs) == 1
    assert "rule_scare" in active[0]
    assert "rule_cue_distancing_word_before" in active[0]
    assert [n for n in active[0] if n.startswith("rule_") and not n.startswith("rule_cue_")] == [
        "rule_scare"
    ]


def test_contested_word_inside_is_a_feature() -> None:
    """A short quotation holding a word writers often scare-quote has contested_inside."""
    text = 'They call it "peace" now. He wrote "the long view" then.'
    _, active = candidates(text, sentence_starts(text))
    assert ["contested_inside" in names for names in active] == [True, False]


def _features(text: str) -> list[list[str]]:
    return candidates(text, sentence_starts(text))[1]


def test_writer_first_person_outside_quotations_marks_every_quotation() -> None:
    """Three first-person words of the writer's own mark every quotation with the voice."""
    text = 'I think we should worry. My view: the "reform" is a "plan" nobody wanted.'
    assert [("writer_first_person" in names) for names in _features(text)] == [True, True]


def test_first_person_inside_quotations_or_us_the_country_is_not_the_writer() -> None:
    """First person inside the marks, or "US" in capitals, is not the writer's own voice."""
    text = '"I think we should go, my friends," she said. The US "plan" and US "aid".'
    assert [("writer_first_person" in names) for names in _features(text)] == [False] * 3


def test_writer_second_person_and_exclamations() -> None:
    """Two "you"s and three "!" or "?" outside quotations are the writer's voice."""
    text = 'You know it! Your "experts" lied! Why? Ask "them" why you pay.'
    for names in _features(text):
        assert "writer_second_person" in names
        assert "writer_exclaims" in names
    quiet = 'The "experts" met. "Why?" she asked. You "saw" it.'
    for names in _features(quiet):
        assert "writer_second_person" not in names
        assert "writer_exclaims" not in names


def test_mostly_unattributed_counts_the_texts_quotations() -> None:
    """Three quotations without a speech cue are mostly unattributed; with tags they are not."""
    plain = 'The "reform" was a "plan" for "peace" at last.'
    assert all("mostly_unattributed" in names for names in _features(plain))
    told = '"We won," she said. "It is over," he said. The "plan" failed.'
    assert not any("mostly_unattributed" in names for names in _features(told))


def test_alleged_before_a_quotation_is_not_a_speech_verb() -> None:
    """'an alleged "peace" plan' has no speech verb before; 'they said "peace"' has one."""
    alleged, said = _features('Moscow offered an alleged "peace" plan. They said "peace" now.')
    assert "prev_speech_verb" not in alleged
    assert "prev_speech_verb" in said


_EVIDENCE_LITERAL = re.compile(r"(?:evidence|signals)\.append\(([^)]*)\)")


def test_every_cue_the_rules_give_is_a_described_model_feature() -> None:
    """The rules' evidence names (text path) are exactly the stacking cues the model describes."""
    source = (ROOT / "src" / "rhetorika" / "extractors" / "quotes.py").read_text(encoding="utf-8")
    named = set()
    for call in _EVIDENCE_LITERAL.findall(source):
        named.update(re.findall(r'"(\w+)"', call))
    named.add("writer_uses_scare_quotes")  # added to a tuple, not appended
    parse_only = {"governed_by_reporting_verb"}  # the model reads the text only
    assert named - parse_only == set(RULE_CUES)
    assert all("rule_cue_" + cue in DESCRIPTIONS for cue in RULE_CUES)


# The fast forms of the features and the scoring, against plain references


# The writer's-voice pattern as first written (a leading lookahead, each word
# spelt out): the shipped one must find the same matches of the same kinds.
_PLAIN_VOICE = re.compile(
    r"(?=[IWwMmOouYy!?])(?:(?<![\w'\u2019-])(?:"
    r"(?P<first>I|I'm|I\u2019m|I've|I\u2019ve|[Ww]e|[Mm]y|[Oo]ur|us|[Mm]e)(?![\w'\u2019-])"
    r"|(?P<second>[Yy]ou|[Yy]our|[Yy]ou're|[Yy]ou\u2019re)(?![\w'\u2019-]))"
    r"|(?P<mark>[!?]))"
)
_VOICE_PIECES = st.lists(
    st.sampled_from(
        [*"IWwMmOouYy!?'\u2019- x_\u00e99e", "I'm", "I\u2019ve", "you're", "our", "us", "We"]
    ),
    max_size=14,
).map("".join)


@given(_VOICE_PIECES, st.integers(0, 20), st.integers(0, 20))
def test_voice_pattern_finds_what_the_plain_pattern_finds(text: str, low: int, high: int) -> None:
    """The voice scan finds the plain pattern's matches, kinds and spans, in any stretch."""
    start, end = sorted((min(low, len(text)), min(high, len(text))))

    def found(pattern: re.Pattern[str]) -> list[tuple[tuple[int, int], str]]:
        matches = pattern.finditer(text, start, end)
        return [(match.span(), match.lastgroup or "mark") for match in matches]

    assert found(_quote_features._VOICE) == found(_PLAIN_VOICE)


def _plain_speaker(words: list[str], lowered: list[str], first_index: int) -> bool:
    for index, (word, low) in enumerate(zip(words, lowered, strict=True)):
        if low in _quote_features._SPEAKER_PRONOUNS or low in _quote_features._ROLE_NOUNS:
            return True
        if index + first_index > 0 and word[0].isupper() and low not in _quote_features._SPEECH:
            return True
    return False


@given(
    st.lists(st.sampled_from(["Smith", "said", "Said", "the", "he", "He", "aide", "9", "É"])),
    st.integers(-2, 2),
)
def test_speaker_test_equals_the_plain_loop(words: list[str], first_index: int) -> None:
    """The speaker test says what the plain word-by-word loop says, wherever the words start."""
    lowered = _quote_features._lowered(words)
    assert lowered == [word.lower() for word in words]
    expected = _plain_speaker(words, lowered, first_index)
    assert expected == _quote_features._speaker(words, lowered, first_index)


def _plain_predict(active: list[str]) -> tuple[int, float, tuple[str, ...]]:
    model = builtin_model()
    rows = [model.weights[name] for name in active if name in model.weights]
    scores = [sum(column) for column in zip(*rows, strict=True)]
    top = max(scores)
    best = scores.index(top)
    exps = [math.exp((s - top) / model.temperature) for s in scores]
    second = max((j for j in range(len(scores)) if j != best), key=scores.__getitem__)
    pushes = []
    for name in active:
        row = model.weights.get(name)
        if row is not None and name != "bias":
            push = row[best] - row[second]
            if push > 0:
                pushes.append((-push, name))
    pushes.sort()
    return best, exps[best] / sum(exps), tuple(model.descriptions[n] for _, n in pushes[:3])


@given(st.lists(st.sampled_from(sorted(DESCRIPTIONS)), unique=True))
def test_model_scores_like_the_plain_sums(names: list[str]) -> None:
    """Kind, confidence (to the last bit) and evidence equal the plain per-feature computation."""
    active = ["bias", *names]
    assert _plain_predict(active) == builtin_model().predict(active)


_TAIL_PIECES = st.lists(
    st.sampled_from(
        ["so", "much", "for", "far", "from", "anything", "but", "cry", "rather", "than",
         "instead", "of", "not", "a", "an", "the", "really", "QUITE", "qu\u0131te", "Not",
         " ", "  ", "\n", "\u2003", "-", ",", "x", "F"]
    ),
    max_size=10,
).map(lambda pieces: "".join(pieces).rstrip())  # fmt: skip


@given(_TAIL_PIECES)
def test_contradiction_gate_never_skips_a_match(tail: str) -> None:
    """The cheap last-word test lets through every tail the contradiction pattern matches."""
    if _quote_features._CONTRADICTION.search(tail):
        assert _quote_features._may_contradict(tail)
