"""One feature contract: extractors declare their columns, and every table reads them."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given

import rhetorika
from rhetorika import extractors
from rhetorika._table import schema_of
from rhetorika.analyzer import Analyzer
from rhetorika.cli import main
from rhetorika.exceptions import SchemaError
from rhetorika.serialize import REPORT_COLUMNS, feature_columns, to_features
from rhetorika.typing import FeatureColumn, FeatureExtractor, Features

from .plugin_example import ExclamationCounter, TextExclamationCounter
from .strategies import english_text
from .test_extractors import PLUGIN

TEXT = "Stop! This may be a so-called “test”, clearly. Now!"


@pytest.mark.parametrize("name", extractors.BUILTIN_FIELDS)
def test_builtin_extractors_are_feature_extractors(name: str) -> None:
    """Every built-in extractor declares its columns through the one protocol."""
    assert isinstance(extractors.create_extractor(name), FeatureExtractor)


@given(english_text)
def test_rows_have_exactly_the_declared_columns(text: str) -> None:
    """A row's columns and their int-ness are the declared ones, for any text."""
    declared = feature_columns(extractors.BUILTIN_FIELDS)
    row = to_features(rhetorika.analyze(text))
    assert [column.name for column in declared] == list(row)
    for column in declared:
        value = row[column.name]
        if column.integer:
            assert isinstance(value, int), column
            assert not isinstance(value, bool), column
        else:
            assert value is None or isinstance(value, float), column


def test_declared_columns_follow_registration_order() -> None:
    """The report's columns come first, then built-ins in registry order, whatever is asked."""
    chosen = feature_columns(["loaded_terms", "quotations"])
    quotes = extractors.builtin_class("quotations").feature_columns()
    loaded = extractors.builtin_class("loaded_terms").feature_columns()
    assert REPORT_COLUMNS + quotes + loaded == chosen


def test_plugin_columns_in_to_features() -> None:
    """to_features adds a plug-in's declared columns when given the plug-in."""
    counter = ExclamationCounter()
    report = Analyzer(extractors=["readability", counter]).analyze(TEXT)
    row = to_features(report, extractors=[counter])
    assert 2 == row["exclamations_count"]
    assert "exclamations_count" not in to_features(report)


def test_plugin_columns_in_the_schema() -> None:
    """The schema holds the plug-in's column, an integer one, with no text analysed."""
    schema = schema_of(Analyzer(extractors=["quotations", ExclamationCounter()]))
    assert "exclamations_count" == schema.columns[-1]
    assert schema.is_integer("exclamations_count")


def test_plugin_columns_in_features() -> None:
    """rhetorika.features (pandas) has the plug-in's column."""
    frame = rhetorika.features([TEXT, "Calm."], extractors=["readability", ExclamationCounter()])
    assert [2, 0] == frame["exclamations_count"].tolist()


def test_plugin_columns_in_features_table() -> None:
    """rhetorika.features_table (pyarrow) has the plug-in's column."""
    table = rhetorika.features_table([TEXT], extractors=[ExclamationCounter()])
    assert [2] == table.column("exclamations_count").to_pylist()


def test_plugin_columns_in_rhetoric_features() -> None:
    """RhetoricFeatures (scikit-learn) names and fills the plug-in's column."""
    model = rhetorika.RhetoricFeatures(extractors=["quotations", ExclamationCounter()])
    matrix = model.fit_transform([TEXT])
    names = list(model.get_feature_names_out())
    assert 2 == matrix[0][names.index("exclamations_count")]


def test_plugin_columns_in_two_processes() -> None:
    """Rows computed in worker processes carry the plug-in's column too."""
    frame = rhetorika.features(
        [TEXT, "Calm.", "Wow!"] * 2, extractors=[ExclamationCounter()], n_process=2, batch_size=2
    )
    assert [2, 0, 1] * 2 == frame["exclamations_count"].tolist()


def test_plugin_columns_in_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """rhetorika features --extractors with a plug-in writes its column."""
    monkeypatch.delenv("RHETORIKA_NO_PLUGINS", raising=False)
    monkeypatch.setattr(extractors, "entry_points", lambda group: [PLUGIN])
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    out = io.StringIO()
    code = main(
        ["features", str(corpus), "-o", "-", "--extractors", "quotations,exclamations"],
        stdout=out,
        stderr=io.StringIO(),
    )
    assert 0 == code
    header, row = out.getvalue().splitlines()
    assert "exclamations_count" == header.split(",")[-1]
    assert "2" == row.split(",")[-1]


class _Liar(ExclamationCounter):
    """Declares one column and returns another."""

    def features(self, result: int, *, words: int, sentences: int) -> Features:
        return {"shouts": result}


def test_a_row_that_breaks_its_declaration_is_a_schema_error() -> None:
    """A plug-in whose row differs from its declared columns raises SchemaError."""
    with pytest.raises(SchemaError, match="differ from the expected"):
        rhetorika.features([TEXT], extractors=[_Liar()])


class _Twin(ExclamationCounter):
    """Declares a column another extractor already declares."""

    name = "twin"

    def feature_columns(self) -> tuple[FeatureColumn, ...]:
        return (FeatureColumn("quotations_count", integer=True),)


def test_a_column_declared_twice_is_a_schema_error() -> None:
    """Two extractors declaring one column name raise SchemaError before any text."""
    with pytest.raises(SchemaError, match="declared twice: quotations_count"):
        schema_of(Analyzer(extractors=["quotations", _Twin()]))


def test_any_text_extractor_skips_the_tokenizer() -> None:
    """A third-party TextExtractor gets the tokenizer-free path, with the same results."""
    fast = Analyzer(extractors=["readability", TextExclamationCounter()])
    assert fast._text_only
    report = fast.analyze(TEXT)
    slow = Analyzer(extractors=["readability", TextExclamationCounter()], nlp=fast.nlp)
    assert not slow._text_only
    assert slow.analyze(TEXT) == report
    assert {"text_exclamations": 2} == dict(report.extensions)
