"""Public entry points check their arguments up front and name the bad one (issue #20)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import rhetorika
from rhetorika import Analyzer, ArgumentTypeError, ConfigurationError, RhetorikaError

SEED = "It may rain. Experts say the plan is clearly a disaster."


@pytest.mark.parametrize("item", [None, 42, b"hedges", ["hedges"], object()])
def test_analyzer_refuses_extractors_that_are_neither_names_nor_extractors(item: object) -> None:
    """Analyzer(extractors=[item]) is an ArgumentTypeError naming extractors[0]."""
    with pytest.raises(ArgumentTypeError, match=r"extractors\[0\]"):
        Analyzer(extractors=[item])  # type: ignore[list-item]


@pytest.mark.parametrize("extractors", [42, b"hedges"])
def test_analyzer_refuses_extractors_that_are_not_a_list(extractors: object) -> None:
    """A non-iterable (or bytes) extractors argument is an ArgumentTypeError naming it."""
    with pytest.raises(ArgumentTypeError, match="extractors must be"):
        Analyzer(extractors=extractors)  # type: ignore[arg-type]


def test_analyze_refuses_a_bad_extractor_item() -> None:
    """rhetorika.analyze(extractors=[None]) is checked like the Analyzer's argument."""
    with pytest.raises(ArgumentTypeError, match=r"extractors\[0\]"):
        rhetorika.analyze(SEED, extractors=[None])  # type: ignore[list-item]


@pytest.mark.parametrize("nlp", ["en_core_web_sm", 42, object()])
def test_analyzer_refuses_an_nlp_that_is_not_a_pipeline(nlp: object) -> None:
    """Analyzer(nlp="en_core_web_sm") fails at construction, naming nlp."""
    with pytest.raises(ArgumentTypeError, match="nlp must be a spaCy Language"):
        Analyzer(nlp=nlp)  # type: ignore[arg-type]


def test_render_refuses_a_title_that_is_not_a_str() -> None:
    """render(report, title=42) is an ArgumentTypeError naming title."""
    report = rhetorika.analyze(SEED)
    with pytest.raises(ArgumentTypeError, match="title must be"):
        rhetorika.render(report, title=42)  # type: ignore[arg-type]


@pytest.mark.parametrize("cls", ["Report", rhetorika.analyze(SEED), 42, None])
def test_from_json_refuses_a_cls_that_is_not_a_result_class(cls: object) -> None:
    """from_json(s, cls="Report") is an ArgumentTypeError naming cls, not a cattrs error."""
    data = rhetorika.to_json(rhetorika.analyze(SEED))
    with pytest.raises(ArgumentTypeError, match="cls must be a result class"):
        rhetorika.from_json(data, cls=cls)  # type: ignore[arg-type]


def _pipe(texts: Any, **kwargs: Any) -> object:
    return Analyzer(extractors=["hedges"]).pipe(texts, **kwargs)


def _features(texts: Any, **kwargs: Any) -> object:
    pytest.importorskip("pandas")
    return rhetorika.features(texts, extractors=["hedges"], **kwargs)


@pytest.mark.parametrize("call", [_pipe, _features], ids=["pipe", "features"])
@pytest.mark.parametrize("texts", ["abc", b"abc", 42])
def test_one_text_where_many_are_expected_is_a_type_error(
    call: Callable[..., object], texts: object
) -> None:
    """pipe("abc") and features("abc") raise at the call instead of analysing characters."""
    with pytest.raises(ArgumentTypeError, match="texts must be an iterable of texts"):
        call(texts)


@pytest.mark.parametrize("call", [_pipe, _features], ids=["pipe", "features"])
@pytest.mark.parametrize(
    ("name", "value", "error"),
    [
        ("batch_size", 1.5, ArgumentTypeError),
        ("batch_size", "2", ArgumentTypeError),
        ("n_process", 2.0, ArgumentTypeError),
        ("n_process", True, ArgumentTypeError),
        ("batch_size", 0, ConfigurationError),
    ],
)
def test_counts_are_checked_at_the_call(
    call: Callable[..., object], name: str, value: object, error: type[RhetorikaError]
) -> None:
    """pipe(..., n_process=2, batch_size=1.5) fails at the call, naming the argument."""
    kwargs = {"n_process": 2, "batch_size": 4, name: value}
    with pytest.raises(error, match=name):
        call(["a text"], **kwargs)


def test_features_from_series_refuses_a_pandas_series() -> None:
    """The Dask adapter given a pandas Series says to use rhetorika.features instead."""
    pandas = pytest.importorskip("pandas")
    pytest.importorskip("dask.dataframe")
    from rhetorika.extra.dask import features_from_series

    with pytest.raises(ArgumentTypeError, match=r"rhetorika\.features"):
        features_from_series(pandas.Series([SEED]))


def test_argument_type_error_is_a_type_error() -> None:
    """Callers catching TypeError, or RhetorikaError, both catch ArgumentTypeError."""
    assert issubclass(ArgumentTypeError, TypeError)
    assert issubclass(ArgumentTypeError, RhetorikaError)


@pytest.mark.parametrize("data", [b"It may rain.", bytearray(b"It may rain.")])
def test_analyzing_bytes_says_to_decode_them(data: bytes) -> None:
    """analyze(b"...") names the type and says to decode the bytes first."""
    expected = (
        f"text must be a str, got {type(data).__name__}; "
        "decode it first, e.g. data.decode('utf-8')"
    )
    with pytest.raises(ArgumentTypeError) as info:
        rhetorika.analyze(data)  # type: ignore[arg-type]
    assert expected == str(info.value)


def test_bytes_inside_many_texts_say_to_decode_them() -> None:
    """pipe() over a list holding bytes names the index and says to decode them first."""
    expected = (
        "text at index 1: expected str, got bytes; decode it first, e.g. data.decode('utf-8')"
    )
    with pytest.raises(TypeError) as info:
        list(Analyzer(extractors=["hedges"]).pipe(["It may rain.", b"It may rain."]))  # type: ignore[list-item]
    assert expected == str(info.value)


def test_texts_that_are_not_str_are_argument_type_errors_in_many_texts() -> None:
    """pipe() over a list holding a number raises ArgumentTypeError, a RhetorikaError."""
    with pytest.raises(ArgumentTypeError, match="text at index 0: expected str, got int"):
        list(Analyzer(extractors=["hedges"]).pipe([42]))  # type: ignore[list-item]


def test_to_features_refuses_what_is_not_a_report() -> None:
    """to_features(42) is an ArgumentTypeError saying a Report is expected."""
    with pytest.raises(ArgumentTypeError, match="expected a Report"):
        rhetorika.to_features(42)  # type: ignore[arg-type]


def test_loaded_terms_refuse_lexicons_that_are_neither_paths_nor_lexicons() -> None:
    """LoadedTermExtractor(lexicons=42) says what lexicons takes, not "'int' is not iterable"."""
    from rhetorika.extractors.loaded import LoadedTermExtractor

    with pytest.raises(ArgumentTypeError, match="lexicons must be a file path"):
        LoadedTermExtractor(lexicons=42)  # type: ignore[arg-type]


def test_why_undefined_refuses_a_name_that_is_no_score() -> None:
    """A misspelt score name raises and lists the names, instead of reading as "defined"."""
    readability = rhetorika.analyze(SEED, extractors=["readability"]).readability
    assert readability is not None
    with pytest.raises(ConfigurationError, match="unknown score 'flesch'; valid: flesch_reading"):
        readability.why_undefined("flesch")
    assert readability.why_undefined("flesch_reading_ease") is None  # defined here


def test_why_undefined_gives_the_reason_for_an_undefined_score() -> None:
    """On a text without words, a real score name gets its reason (a str)."""
    readability = rhetorika.analyze("...", extractors=["readability"]).readability
    assert readability is not None
    assert readability.flesch_reading_ease is None
    assert isinstance(readability.why_undefined("flesch_reading_ease"), str)


@pytest.mark.parametrize(
    ("value", "error"),
    [(-1, ConfigurationError), ("3", ArgumentTypeError), (1.5, ArgumentTypeError)],
)
def test_summary_refuses_a_count_that_is_not_a_whole_number_from_zero(
    value: object, error: type[Exception]
) -> None:
    """Report.summary(per_extractor=-1) raises naming per_extractor instead of slicing oddly."""
    report = rhetorika.analyze(SEED)
    with pytest.raises(error, match="per_extractor"):
        report.summary(per_extractor=value)  # type: ignore[arg-type]


def test_summary_with_zero_findings_shown_gives_the_counts_only() -> None:
    """per_extractor=0 prints each extractor's count with no list after it."""
    report = rhetorika.analyze(SEED)
    lines = report.summary(per_extractor=0).splitlines()
    assert [line for line in lines if line.startswith("hedges")] == [
        f"hedges: {len(report.hedges or ())}"
    ]
