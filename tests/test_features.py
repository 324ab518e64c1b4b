"""Tests for feature tables: rhetorika.features, features_table and the parallel path."""

from __future__ import annotations

import math
import pickle
import signal
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rhetorika
from rhetorika import Analyzer, ConfigurationError, MissingExtraError
from rhetorika.exceptions import WorkerError
from rhetorika.extractors import create_extractor

from .failing import DieOn, FailOn
from .strategies import SEED, any_text, english_text


@pytest.fixture
def deadline() -> Iterator[None]:
    """Fail the test instead of hanging if a pool never returns."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError("the process pool hung")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(120)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _rows(frame: pd.DataFrame) -> list[dict[str, object]]:
    """Rows as dicts, NaN read back as None (the to_features convention)."""
    return [
        {k: None if isinstance(v, float) and math.isnan(v) else v for k, v in row.items()}
        for row in frame.to_dict(orient="records")
    ]


@given(st.lists(st.one_of(english_text, any_text), max_size=6))
@settings(max_examples=30)
def test_features_rows_equal_to_features_in_order(texts: list[str]) -> None:
    """features(texts) has one row per text, in order, equal to to_features(analyze(t))."""
    expected = [rhetorika.to_features(rhetorika.analyze(t)) for t in texts]
    assert expected == _rows(rhetorika.features(texts, batch_size=2))


@given(st.lists(english_text, max_size=6))
@settings(max_examples=30)
def test_features_table_equals_features(texts: list[str]) -> None:
    """The pyarrow table holds the same values, None as null rather than NaN."""
    expected = [rhetorika.to_features(rhetorika.analyze(t)) for t in texts]
    assert expected == rhetorika.features_table(texts).to_pylist()


def test_columns_are_the_to_features_columns_even_without_texts() -> None:
    """An empty input still gives every column, in to_features order, with fixed dtypes."""
    columns = list(rhetorika.to_features(rhetorika.analyze(SEED)))
    frame = rhetorika.features([])
    assert columns == list(frame.columns)
    assert (0, len(columns)) == frame.shape
    assert "int64" == str(frame["text_words"].dtype)
    assert "float64" == str(frame["readability_flesch_reading_ease"].dtype)
    assert columns == rhetorika.features_table(iter([])).column_names


def test_undefined_values_are_nan_in_pandas_and_null_in_arrow() -> None:
    """A text without sentences has NaN scores in the frame and nulls in the table."""
    frame = rhetorika.features(["", SEED])
    assert math.isnan(frame["readability_flesch_reading_ease"][0])
    assert not math.isnan(frame["readability_flesch_reading_ease"][1])
    table = rhetorika.features_table(["", SEED])
    assert [None] == table.column("readability_flesch_reading_ease").to_pylist()[:1]
    assert pa.int64() == table.schema.field("text_words").type


def test_series_index_is_kept() -> None:
    """A pandas Series keeps its index, so features join back onto their frame."""
    texts = pd.Series(["It may rain.", "", "Clearly."], index=["a", "b", "c"])
    frame = rhetorika.features(texts)
    assert ["a", "b", "c"] == list(frame.index)
    assert [12, 0, 8] == list(frame["text_characters"])


def test_extractors_option_limits_the_columns() -> None:
    """With no extractors only the always-present columns remain."""
    assert ["text_characters", "text_sentences", "text_words"] == list(
        rhetorika.features(["x"], extractors=[]).columns
    )


def test_features_accepts_a_generator_lazily() -> None:
    """Any iterable works, including a generator that can be consumed only once."""
    frame = rhetorika.features(text for text in ["One.", "Two. Three."])
    assert [1, 2] == list(frame["text_sentences"])


@pytest.mark.parametrize("n_process", [1, 2])
def test_non_str_item_names_its_index(n_process: int) -> None:
    """A non-str item raises TypeError giving its index, in one process or several."""
    with pytest.raises(TypeError, match="index 2"):
        rhetorika.features(["a", "b", None, "d"], n_process=n_process, batch_size=1)  # type: ignore[list-item]


@pytest.mark.parametrize(("option", "value"), [("batch_size", 0), ("n_process", 0)])
def test_bad_options_are_refused(option: str, value: int) -> None:
    """batch_size and n_process below 1 are refused before any work."""
    with pytest.raises(ConfigurationError, match=option):
        rhetorika.features(["x"], **{option: value})


def test_two_processes_give_the_same_rows_in_order(deadline: None) -> None:
    """features(n_process=2) equals one process, row for row, over many small batches."""
    texts = [SEED[: 37 * i] for i in range(40)]
    pd.testing.assert_frame_equal(
        rhetorika.features(texts), rhetorika.features(texts, n_process=2, batch_size=3)
    )


def test_pipe_in_two_processes_preserves_order(deadline: None) -> None:
    """Analyzer.pipe(n_process=2) yields reports in input order, each for its own text."""
    texts = [f"Sentence number {i}. " * (i % 7) for i in range(50)]
    reports = list(Analyzer().pipe(texts, n_process=2, batch_size=4))
    assert texts == [report.text for report in reports]


def test_worker_error_reports_the_index_and_does_not_hang(deadline: None) -> None:
    """An extractor failing in a worker raises WorkerError naming the text's index."""
    analyzer = Analyzer(extractors=["readability", FailOn()])
    texts = ["fine."] * 9 + ["BOOM goes here."] + ["fine."] * 30
    with pytest.raises(WorkerError, match=r"text at index 9 failed: ValueError: found BOOM"):
        list(analyzer.pipe(texts, n_process=2, batch_size=4))


def test_worker_error_in_features_names_the_index(deadline: None) -> None:
    """features(n_process=2) reports the failing text's index too."""
    with pytest.raises(WorkerError, match="index 5"):
        rhetorika.features(["ok"] * 5 + ["BOOM"], extractors=[FailOn()], n_process=2, batch_size=2)


def test_dead_worker_breaks_the_pool_without_hanging(deadline: None) -> None:
    """A worker that dies outright ends pipe with a one-line WorkerError, not a hang."""
    analyzer = Analyzer(extractors=[DieOn()])
    with pytest.raises(WorkerError, match="ended abruptly") as caught:
        list(analyzer.pipe(["a", "b", "DIE", "c"] * 5, n_process=2, batch_size=1))
    assert isinstance(caught.value.__cause__, BrokenProcessPool)
    assert "\n" not in str(caught.value)


def test_stopping_early_shuts_the_pool_down(deadline: None) -> None:
    """Closing the generator after a few reports returns promptly, pending work cancelled."""
    reports = Analyzer().pipe(iter([SEED] * 10_000), n_process=2, batch_size=8)
    assert SEED == next(reports).text
    reports.close()


def test_analyzer_pickles_names_not_compiled_extractors() -> None:
    """The default Analyzer pickles as its extractor names: small, no spaCy state."""
    data = pickle.dumps(Analyzer())
    assert len(data) < 2_000
    assert b"spacy" not in data


@pytest.mark.parametrize("name", rhetorika.available_extractors())
def test_each_extractor_pickles_as_configuration(name: str) -> None:
    """Each extractor pickles small (no compiled matcher or vocab) and works after."""
    extractor = create_extractor(name)
    data = pickle.dumps(extractor)
    assert len(data) < 256_000
    restored = pickle.loads(data)
    assert Analyzer(extractors=[extractor]).analyze(SEED) == Analyzer(
        extractors=[restored]
    ).analyze(SEED)


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, features raises MissingExtraError naming the pandas extra."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'rhetorika\[pandas\]'"):
        rhetorika.features(["x"])


def test_missing_pyarrow_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pyarrow, features_table raises an ImportError naming the arrow extra."""
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"rhetorika\[arrow\]"):
        rhetorika.features_table(["x"])


def test_import_loads_no_optional_library_and_builds_no_pipeline() -> None:
    """import rhetorika imports neither pandas, pyarrow, sklearn nor dask, nor builds nlp."""
    code = (
        "import sys, rhetorika, rhetorika.analyzer as p\n"
        "heavy = [m for m in ('pandas', 'pyarrow', 'sklearn', 'dask') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
        "assert not p._DEFAULT_ANALYZERS\n"
        "assert 'features' in dir(rhetorika)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_unknown_attribute_is_an_attribute_error() -> None:
    """The lazy module __getattr__ still raises AttributeError for unknown names."""
    with pytest.raises(AttributeError, match="no_such_thing"):
        rhetorika.no_such_thing  # type: ignore[attr-defined]  # noqa: B018


def test_missing_texts_stop_by_default_naming_the_options() -> None:
    """A None or NaN text stops features() with a TypeError naming its index and on_missing."""
    pd = pytest.importorskip("pandas")
    texts = pd.Series(["It may rain.", None, "Clearly so."], dtype=object)
    with pytest.raises(TypeError, match=r"text at index 1 is missing .*on_missing='skip'"):
        rhetorika.features(texts, extractors=["hedges"])


def test_missing_texts_can_be_empty_or_skipped_keeping_the_index() -> None:
    """on_missing='empty' analyses "" in place; 'skip' drops the row and keeps the other labels."""
    pd = pytest.importorskip("pandas")
    np = pytest.importorskip("numpy")
    texts = pd.Series(["It may rain.", None, "Clearly so.", np.nan], index=list("abcd"))
    empty = rhetorika.features(texts, extractors=["hedges"], on_missing="empty")
    skipped = rhetorika.features(texts, extractors=["hedges"], on_missing="skip")
    assert list("abcd") == list(empty.index)
    assert list("ac") == list(skipped.index)
    assert 0 == empty.loc["b", "hedges_count"]
    assert empty.loc[["a", "c"]].equals(skipped)
    table = rhetorika.features_table(
        [None, "It may rain."], extractors=["hedges"], on_missing="skip"
    )
    assert 1 == table.num_rows


def test_on_missing_must_be_one_of_three() -> None:
    """A wrong on_missing is a ConfigurationError listing the choices, before any work."""
    with pytest.raises(rhetorika.ConfigurationError, match="'error', 'empty', 'skip'"):
        rhetorika.features(["x"], on_missing="drop")


def test_dropna_keeps_every_text_with_words() -> None:
    """Only an empty text's undefined scores are missing: dropna() keeps every other row."""
    pytest.importorskip("pandas")
    texts = ["The regime lied. It may rain.", "Prices rose by four percent.", ""]
    table = rhetorika.features(texts)
    assert [0, 1] == list(table.dropna().index)


def test_columns_follow_the_naming_scheme() -> None:
    """Every column is <source>_<measure>[_<unit>] with a known source (commitment_index aside)."""
    sources = ("text_", "quotations_", "readability_", "hedges_", "boosters_", "loaded_terms_")
    columns = list(rhetorika.to_features(rhetorika.analyze("It may rain.")))
    assert [] == [c for c in columns if not c.startswith(sources) and c != "commitment_index"]
