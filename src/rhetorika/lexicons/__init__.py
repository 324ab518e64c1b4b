"""Lexicons: the loaded-terms lexicon and user lexicon files.

The reader of every data file, shipped or the user's, lives in
[`rhetorika.data`][rhetorika.data]; its names are re-exported here, where they were first
published.
"""

from __future__ import annotations

from rhetorika.data import (
    HEADER_PREFIX,
    LexiconHeader,
    Row,
    available_lexicons,
    parse_header,
    read_builtin,
    read_rows,
)

__all__ = [
    "HEADER_PREFIX",
    "LexiconHeader",
    "Row",
    "available_lexicons",
    "parse_header",
    "read_builtin",
    "read_rows",
]
