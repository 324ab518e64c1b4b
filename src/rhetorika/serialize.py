"""One cattrs converter for every result: JSON, plain dicts and feature rows.

``to_json`` / ``from_json`` round-trip any result type. ``to_features`` flattens
a [`Report`][rhetorika.Report] into one row of numbers for a data frame; its
columns are the ones each extractor declares
([`feature_columns()`][rhetorika.serialize.feature_columns]), stable and documented in the feature
reference.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any, TypeVar, get_origin

import cattrs

from rhetorika.exceptions import ArgumentTypeError, SerializationError
from rhetorika.extractors import BUILTIN_FIELDS, builtin_class
from rhetorika.results import Report
from rhetorika.typing import Extractor, FeatureColumn, FeatureExtractor, Features
from rhetorika.words import count_words, per_100_words

__all__ = [
    "COMMITMENT_COLUMN",
    "MAX_NESTING",
    "REPORT_COLUMNS",
    "check_report",
    "commitment_index",
    "converter",
    "feature_columns",
    "from_dict",
    "from_json",
    "to_dict",
    "to_features",
    "to_json",
]

REPORT_COLUMNS: tuple[FeatureColumn, ...] = (
    FeatureColumn("text_characters", integer=True),
    FeatureColumn("text_sentences", integer=True),
    FeatureColumn("text_words", integer=True),
)
"""The columns every feature row starts with, whatever the extractors."""

COMMITMENT_COLUMN = FeatureColumn("commitment_index")
"""Boosters minus hedges per 100 words: after the booster columns when both extractors ran."""

T = TypeVar("T")

converter = cattrs.Converter()
"""The converter behind every (de)serialisation; extend it for your own types."""

_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_NESTING = 32
"""Deepest nesting of JSON objects and arrays ``from_json`` reads; a report needs 6."""


def to_dict(result: Any) -> Any:
    """Turn a result (or a tuple of them) into JSON-ready dicts and lists.

    Added in version 0.1.0.
    """
    return converter.unstructure(result)


def from_dict(data: Any, cls: type[T]) -> T:
    """Rebuild a result of type ``cls`` from `to_dict()` output.

    Raises:
        ArgumentTypeError: ``cls`` is not a rhetorika result class.
        SerializationError: ``data`` does not have the shape of a ``cls``.

    Added in version 0.1.0.
    """
    _check_result_class(cls)
    try:
        return converter.structure(data, cls)
    except (
        cattrs.BaseValidationError,
        cattrs.StructureHandlerNotFoundError,
        ValueError,
        TypeError,
        KeyError,
        AttributeError,
        RecursionError,
    ) as error:
        detail = (
            "; ".join(cattrs.transform_error(error))
            if isinstance(error, cattrs.BaseValidationError)
            else f"{type(error).__name__}: {error}"
        )
        raise SerializationError(
            f"the data is not a {cls.__name__} ({detail}); "
            f"pass what to_dict or to_json produced for one"
        ) from error


def _check_result_class(cls: object) -> None:
    """``cls`` must be a class or a type such as ``tuple[Hedge, ...]``, not a name or a result."""
    if not (isinstance(cls, type) or get_origin(cls) is not None):
        shown = repr(cls) if isinstance(cls, str) else type(cls).__name__
        raise ArgumentTypeError(
            f"cls must be a result class such as rhetorika.Report, got {shown}"
        )


def to_json(result: Any, *, indent: int | None = None) -> str:
    """Serialise a result to a JSON string; keys keep the attribute order.

    Text holding lone surrogates is written with ASCII escapes, so the output
    always encodes as UTF-8.

    Added in version 0.1.0.
    """
    data = to_dict(result)
    out = json.dumps(data, ensure_ascii=False, indent=indent)
    if _SURROGATE.search(out):
        out = json.dumps(data, ensure_ascii=True, indent=indent)
    return out


def from_json(text: str | bytes, cls: type[T] = Report) -> T:  # type: ignore[assignment]
    """Rebuild a result of type ``cls`` (a `Report` by default) from JSON.

    A text holding a lone high surrogate directly followed by a lone low one
    (possible in a Python ``str``, not in Unicode text) does not round-trip:
    JSON reads the two escapes as one character.

    Raises:
        ArgumentTypeError: ``text`` is neither ``str`` nor ``bytes``, or
            ``cls`` is not a result class.
        SerializationError: ``text`` is not JSON, or not JSON of a ``cls``.

    Added in version 0.1.0.
    """
    if not isinstance(text, str | bytes | bytearray):
        raise ArgumentTypeError(f"text must be JSON as str or bytes, got {type(text).__name__}")
    _check_result_class(cls)
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as error:
        raise SerializationError(f"not valid JSON ({error}); pass what to_json produced") from None
    except ValueError as error:  # e.g. an integer of more digits than int() takes
        raise SerializationError(f"not valid JSON ({error}); pass what to_json produced") from None
    _check_nesting(data)
    result = from_dict(data, cls)
    if isinstance(result, Report):
        check_report(result)
    return result


def _check_nesting(data: Any) -> None:
    """Refuse JSON nested deeper than `MAX_NESTING`, without recursing."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else value
        if isinstance(value, dict | list):
            if depth > MAX_NESTING:
                raise SerializationError(
                    f"the JSON nests deeper than {MAX_NESTING} levels; pass what to_json produced"
                )
            stack.extend((child, depth + 1) for child in children)


def check_report(report: Report) -> None:
    """Check that a report's spans are spans of its text, as an analysis makes them.

    Every result's ``start``/``end`` (and a quotation's marks) lie inside
    ``report.text``, every ``text`` equals its slice, sentences do not nest
    (a per-sentence readability holds no sentences), and no highlight
    layer nests deeper than any analysis gives.

    Raises:
        SerializationError: The report could not have come from an analysis.

    Added in version 0.1.0.
    """
    text = report.text
    results: list[tuple[str, Any]] = [("sentences", s) for s in report.sentences]
    for name in BUILTIN_FIELDS:
        found = getattr(report, name)
        if name == "readability" and found is not None:
            results.append((name, found))
            for sentence in found.sentences:
                if sentence.sentences:
                    raise SerializationError(
                        "readability.sentences: a sentence's readability holds sentences; "
                        "pass what to_json produced"
                    )
                results.append((f"{name}.sentences", sentence))
        elif found is not None:
            results.extend((name, item) for item in found)
    for name, result in results:
        spans = [(result.start, result.end)]
        for mark in ("open_mark", "close_mark", "phrase"):
            value = getattr(result, mark, None)
            if value is not None:
                spans.append(tuple(value))
        for start, end in spans:
            if not 0 <= start <= end <= len(text):
                raise SerializationError(
                    f"{name}: the span ({start}, {end}) is outside the text of "
                    f"{len(text)} characters; pass what to_json produced"
                )
        shown = getattr(result, "text", None)
        if isinstance(shown, str) and shown != text[result.start : result.end]:
            raise SerializationError(
                f"{name}: the span ({result.start}, {result.end}) says {shown[:40]!r}, "
                f"which is not the text there; pass what to_json produced"
            )


def _plugins(extractors: Iterable[str | Extractor]) -> list[FeatureExtractor]:
    """The third-party extractors among ``extractors`` that declare feature columns."""
    return [
        extractor
        for extractor in extractors
        if not isinstance(extractor, str)
        and extractor.name not in BUILTIN_FIELDS
        and isinstance(extractor, FeatureExtractor)
    ]


def feature_columns(extractors: Iterable[str | Extractor]) -> tuple[FeatureColumn, ...]:
    """The columns of `to_features()` for reports of ``extractors``, in order.

    [`REPORT_COLUMNS`][rhetorika.serialize.REPORT_COLUMNS], then each built-in extractor's declared
    columns in registration order (with
    [`COMMITMENT_COLUMN`][rhetorika.serialize.COMMITMENT_COLUMN] after the booster columns when
    hedges and boosters both run), then those of each third-party
    [`FeatureExtractor`][rhetorika.typing.FeatureExtractor] in the order given. Nothing is analysed
    to learn them.

    Args:
        extractors: Extractor names or objects, as an Analyzer takes them.

    Added in version 0.1.0.
    """
    chosen = list(extractors)
    names = {item if isinstance(item, str) else item.name for item in chosen}
    columns = list(REPORT_COLUMNS)
    for name in BUILTIN_FIELDS:
        if name in names:
            columns += builtin_class(name).feature_columns()
            if name == "boosters" and "hedges" in names:
                columns.append(COMMITMENT_COLUMN)
    for extractor in _plugins(chosen):
        columns += extractor.feature_columns()
    return tuple(columns)


def commitment_index(report: Report, *, words: int) -> float | None:
    """Boosters minus hedges per 100 words: the writer's net commitment (Hyland 2005).

    Positive when the text asserts more than it hedges, negative when it
    hedges more; ``None`` when there are no words. A column of
    [`to_features()`][rhetorika.serialize.to_features] when both the hedge and booster extractors
    ran.

    Added in version 0.1.0.
    """
    hedges = len(report.hedges or ())
    boosters = len(report.boosters or ())
    return per_100_words(boosters - hedges, words)


def to_features(report: Report, *, extractors: Iterable[Extractor] = ()) -> Features:
    """Flatten ``report`` into one row: counts, densities per 100 words, scores.

    Columns come in a stable order: ``text_characters``, ``text_sentences``,
    ``text_words``, then each built-in extractor's columns in the order the
    extractors are registered (``commitment_index`` after the booster
    columns when hedges and boosters both ran), then the columns of the
    third-party extractors given. Extractors that were not run contribute
    no columns; undefined values are ``None``.

    Args:
        report: A report from [`rhetorika.analyze()`][rhetorika.analyze] or an Analyzer.
        extractors: Third-party extractors whose results are in
            ``report.extensions`` and which declare feature columns
            ([`FeatureExtractor`][rhetorika.typing.FeatureExtractor]); others are ignored.

    Raises:
        TypeError: ``report`` is not a [`Report`][rhetorika.Report].

    Added in version 0.1.0.
    """
    if not isinstance(report, Report):
        raise ArgumentTypeError(
            f"expected a Report (from rhetorika.analyze), got {type(report).__name__}"
        )
    words = report.readability.counts.words if report.readability else count_words(report.text)
    sentences = len(report.sentences)
    row: Features = {
        "text_characters": len(report.text),
        "text_sentences": sentences,
        "text_words": words,
    }
    for name in BUILTIN_FIELDS:
        result = getattr(report, name)
        if result is not None:
            row.update(builtin_class(name).features(result, words=words, sentences=sentences))
            if name == "boosters" and report.hedges is not None:
                row[COMMITMENT_COLUMN.name] = commitment_index(report, words=words)
    for extractor in _plugins(extractors):
        if extractor.name in report.extensions:
            result = report.extensions[extractor.name]
            row.update(extractor.features(result, words=words, sentences=sentences))
    return row
