"""Old home of the analyzer; its names now live in `rhetorika.analyzer`.

Kept so that ``from rhetorika.pipeline import ...`` goes on working.
"""

from __future__ import annotations

from rhetorika._doc import doc_text, sentence_offsets
from rhetorika.analyzer import (
    MAX_RUN,
    Analyzer,
    analyze,
    assemble_report,
    default_nlp,
    make_doc,
)

__all__ = [
    "MAX_RUN",
    "Analyzer",
    "analyze",
    "assemble_report",
    "default_nlp",
    "doc_text",
    "make_doc",
    "sentence_offsets",
]
