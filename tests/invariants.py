"""Properties every result must keep, checked generically over attrs results.

Used by the totality tests, the CI fuzz tests and ``benchmarks/fuzz.py``, so
an extractor merged later is checked without a line of new test code: any
attrs object with ``start`` and ``end`` is a span whose offsets must lie in
the text and whose ``text`` (when it has one) must be ``text[start:end]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

import rhetorika
from rhetorika.exceptions import RhetorikaError

T = TypeVar("T")

ALLOWED_ERRORS: tuple[type[BaseException], ...] = (RhetorikaError, TypeError)
"""What a public entry point may raise on bad input; anything else is a bug."""


def _is_pair(value: object) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(item, int) and not isinstance(item, bool) for item in value)
    )


def check_spans(value: Any, text: str, where: str = "report") -> int:
    """Check every span in ``value`` (recursively); return how many were checked."""
    checked = 0
    if attrs.has(type(value)):
        start, end = getattr(value, "start", None), getattr(value, "end", None)
        if isinstance(start, int) and isinstance(end, int):
            assert 0 <= start <= end <= len(text), f"{where}: [{start}, {end}) not in text"
            span_text = getattr(value, "text", None)
            if isinstance(span_text, str) and not isinstance(value, rhetorika.Report):
                assert text[start:end] == span_text, f"{where}: text[start:end] != .text"
            checked += 1
        for field in attrs.fields(type(value)):
            item = getattr(value, field.name)
            if field.name.endswith("_mark") and _is_pair(item):
                assert 0 <= item[0] <= item[1] <= len(text), f"{where}.{field.name}: {item}"
                checked += 1
            else:
                checked += check_spans(item, text, f"{where}.{field.name}")
    elif isinstance(value, tuple):
        spans = [item for item in value if hasattr(item, "start") and hasattr(item, "end")]
        keys = [(item.start, item.end) for item in spans]
        assert keys == sorted(keys), f"{where}: results not sorted by (start, end)"
        for index, item in enumerate(value):
            checked += check_spans(item, text, f"{where}[{index}]")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            checked += check_spans(item, text, f"{where}[{key!r}]")
    return checked


_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def json_round_trips(text: str) -> bool:
    """False for the one known exception: a lone high surrogate then a lone low one.

    JSON reads the two escapes ``\\ud800\\udc00`` as one character, so such
    a text comes back one character shorter (documented in ``from_json``).
    """
    return _SURROGATE_PAIR.search(text) is None


def check_report(report: rhetorika.Report, text: str) -> None:
    """A valid report: its text is the input, every span lies inside it, it serialises."""
    assert isinstance(report, rhetorika.Report)
    assert text == report.text
    check_spans(report, text)
    starts = [sentence.start for sentence in report.sentences]
    assert starts == sorted(starts)
    assert list(range(len(report.sentences))) == [s.index for s in report.sentences]
    encoded = rhetorika.to_json(report)
    encoded.encode("utf-8")  # always encodable, even with lone surrogates
    if not report.extensions and json_round_trips(text):
        assert report == rhetorika.from_json(encoded)
    row = rhetorika.to_features(report)
    assert all(v is None or isinstance(v, int | float) for v in row.values())


def total(call: Callable[[], T]) -> T | None:
    """Run ``call``; ``None`` when it raised an allowed error, else its value.

    Any other exception propagates, failing the test that called it.
    """
    try:
        return call()
    except ALLOWED_ERRORS as error:
        if not str(error):
            raise AssertionError(f"{type(error).__name__} without a message") from error
        return None
