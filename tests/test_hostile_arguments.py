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
