"""A report's sentences, kept as the text and its sentence starts until first read.

A report of a news article has some forty sentences, and most callers never
read them (feature rows, the findings, JSON of a whole corpus written by a
worker). So a report made by an analysis holds this recipe in place of the
tuple of `Sentence` results, and the first read of ``Report.sentences``
builds it (see `rhetorika._deferred`): a report from a worker process is
rebuilt around the caller's text without them.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

from rhetorika._deferred import Recipe
from rhetorika.results import Sentence
from rhetorika.sentences import sentence_spans

__all__ = ["SentenceStarts", "build_sentences"]


def build_sentences(text: str, starts: Sequence[int]) -> tuple[Sentence, ...]:
    """The `Sentence` results of ``text``, split at ``starts``, trimmed of surrounding space."""
    out = []
    for index, (start, end) in enumerate(sentence_spans(starts, len(text))):
        stripped = text[start:end].rstrip()
        begin = start + len(stripped) - len(stripped.lstrip())
        out.append(
            Sentence(start=begin, end=start + len(stripped), index=index, text=stripped.lstrip())
        )
    return tuple(out)


class SentenceStarts(Recipe):
    """A text and its sentences' start offsets: calling it builds ``Report.sentences``."""

    __slots__ = ("starts", "text")

    def __init__(self, text: str, starts: Sequence[int]) -> None:
        self.text = text
        self.starts = array("q", starts)

    def __call__(self) -> tuple[Sentence, ...]:
        return build_sentences(self.text, self.starts)

    def __reduce__(self) -> tuple[object, ...]:
        return SentenceStarts, (self.text, self.starts)

    def __repr__(self) -> str:
        return f"<starts of {len(self.starts)} sentences>"
