"""A pipeline missing what an extractor would like: results still come, one warning says so."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import rhetorika
from rhetorika import _warnings
from rhetorika._warnings import annotated, warn_once
from rhetorika.pipeline import Analyzer
from tests.invariants import check_report

TEXTS = ["It may rain today. Perhaps not.", "Officials \u201cwelcomed\u201d it.", ""]
PACKAGE = str(Path(rhetorika.__file__).resolve().parent)


@pytest.fixture(autouse=True)
def _fresh_registry() -> Iterator[None]:
    """Each test starts with no warning given yet."""
    _warnings._reset()
    yield
    _warnings._reset()


class WantsParse:
    """A third-party-style extractor that uses the parse when there is one."""

    name = "wants_parse"

    def __call__(self, doc: Doc) -> tuple[str, ...]:
        if annotated(doc, "DEP", extractor=self.name, fallback="word-window rules"):
            return ("parse",)
        return ("fallback",)


@Language.component("test_fake_parser")
def _fake_parser(doc: Doc) -> Doc:
    for token in doc:
        token.dep_ = "dep"
    return doc


@Language.component("test_fake_tagger")
def _fake_tagger(doc: Doc) -> Doc:
    for token in doc:
        token.tag_ = "NN"
    return doc


def _tagged_without_parser() -> Language:
    """A stand-in for a trained pipeline that has a tagger but no parser."""
    nlp = spacy.blank("en")
    nlp.add_pipe("test_fake_tagger")
    return nlp


def _record(run: object) -> list[warnings.WarningMessage]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for text in TEXTS:
            run(text)  # type: ignore[operator]
    return list(caught)


def test_pipeline_without_parser_warns_once_and_falls_back() -> None:
    """A tagged pipeline without a parser: one DegradedPipelineWarning, fallback results."""
    analyzer = Analyzer(extractors=[WantsParse()], nlp=_tagged_without_parser())
    caught = _record(analyzer.analyze)
    degraded = [w for w in caught if issubclass(w.category, rhetorika.DegradedPipelineWarning)]
    assert 1 == len(degraded)
    message = str(degraded[0].message)
    assert "wants_parse" in message
    assert "parser" in message
    assert "falls back to word-window rules" in message
    assert ("fallback",) == analyzer.analyze("One more.").extensions["wants_parse"]


def test_warning_points_at_the_callers_line() -> None:
    """The warning's location is this test file, not a module inside rhetorika or spaCy."""
    analyzer = Analyzer(extractors=[WantsParse()], nlp=_tagged_without_parser())
    with pytest.warns(rhetorika.DegradedPipelineWarning) as caught:
        analyzer.analyze("It may rain.")
    assert __file__ == caught[0].filename


def test_default_pipeline_does_not_warn() -> None:
    """rhetorika's own pipeline has no parser by design: no warning, same fallback."""
    analyzer = Analyzer(extractors=[WantsParse()])
    assert [] == _record(analyzer.analyze)
    assert ("fallback",) == analyzer.analyze("It may rain.").extensions["wants_parse"]


def test_blank_pipeline_passed_explicitly_does_not_warn() -> None:
    """spacy.blank("en") has no trained components by choice: the fallback, silently."""
    analyzer = Analyzer(extractors=[WantsParse()], nlp=spacy.blank("en"))
    assert [] == _record(analyzer.analyze)
    assert ("fallback",) == analyzer.analyze("It may rain.").extensions["wants_parse"]


def test_pipeline_with_the_annotation_uses_it_without_warning() -> None:
    """A pipeline that sets DEP gets the full rules and no warning."""
    nlp = spacy.blank("en")
    nlp.add_pipe("test_fake_parser")
    analyzer = Analyzer(extractors=[WantsParse()], nlp=nlp)
    assert [] == _record(analyzer.analyze)
    assert ("parse",) == analyzer.analyze("It may rain.").extensions["wants_parse"]


def test_warn_once_is_once_per_key() -> None:
    """The same key warns once; another key warns again."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert warn_once(("x", "DEP"), "first")
        assert not warn_once(("x", "DEP"), "again")
        assert warn_once(("y", "DEP"), "other")
    assert ["first", "other"] == [str(w.message) for w in caught]


def test_degraded_warning_is_a_user_warning() -> None:
    """Callers can filter it as a UserWarning or as any rhetorika warning."""
    assert issubclass(rhetorika.DegradedPipelineWarning, rhetorika.RhetorikaWarning)
    assert issubclass(rhetorika.RhetorikaWarning, UserWarning)


@pytest.mark.parametrize("name", rhetorika.available_extractors())
def test_each_extractor_works_without_a_parser_and_warns_at_most_once(name: str) -> None:
    """Every extractor is valid on a pipeline without a parser; each warning comes once."""
    analyzer = Analyzer(extractors=[name], nlp=_tagged_without_parser())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for text in TEXTS * 2:
            check_report(analyzer.analyze(text), text)
    messages = [str(w.message) for w in caught]
    assert len(set(messages)) == len(messages), messages
    assert [] == [w.filename for w in caught if w.filename.startswith(PACKAGE)]


@pytest.mark.parametrize(
    ("extractor", "text"),
    [("hedges", "It may rain."), ("loaded_terms", "The regime's thugs attacked the village.")],
)
def test_builtin_extractors_warn_alike_without_a_tagger(extractor: str, text: str) -> None:
    """Each built-in extractor that reads part of speech warns once on a parsed, untagged Doc."""
    nlp = spacy.blank("en")
    nlp.add_pipe("test_fake_parser")
    analyzer = Analyzer(extractors=[extractor], nlp=nlp)
    caught = _record(lambda _: analyzer.analyze(text))
    degraded = [
        str(w.message) for w in caught if issubclass(w.category, rhetorika.DegradedPipelineWarning)
    ]
    assert 1 == len(degraded)
    assert degraded[0].startswith(f"{extractor}: ")
    assert "tagger" in degraded[0]
