"""What extractors read from a ``Doc`` besides its tokens: its text and its sentences.

The analyzer (`rhetorika.analyzer.make_doc()`) stores the caller's text
and sets sentence starts on every ``Doc`` it makes; extractors, which sit
below the analyzer, read them back here. A ``Doc`` from any other pipeline
works too: its sentence starts are set with rhetorika's rules on first use.

spaCy and numpy are imported on first use, not with this module: an Analyzer
whose extractors need no tokens never loads them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rhetorika.sentences import sentence_starts

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "SENTENCES",
    "SENTENCE_STARTS_KEY",
    "cache_offsets_when_marked",
    "doc_text",
    "keep_text",
    "register_sentences",
    "sentence_offsets",
    "set_sentence_starts",
    "with_sentences",
]

SENTENCES = "rhetorika/sentences"
"""Name of the spaCy component that sets rhetorika's sentence starts."""

SENTENCE_STARTS_KEY = "rhetorika.sentence_starts"
"""``doc.user_data`` key of the cached `sentence_offsets()`."""

_TEXT_KEY = "rhetorika.text"
_LAST_KEY = "rhetorika.sentences.last"


def keep_text(doc: Doc, text: str) -> None:
    """Remember ``text`` on ``doc``, so `doc_text()` need not rebuild it."""
    doc.user_data[_TEXT_KEY] = text


def doc_text(doc: Doc) -> str:
    """Return ``doc.text``, without rebuilding it from the tokens when the analyzer made it.

    ``Doc.text`` joins every token's text on each access, which costs about a
    tenth of tokenizing; `rhetorika.analyzer.make_doc()` keeps the text
    it was given.

    Added in version 0.1.0.
    """
    cached = doc.user_data.get(_TEXT_KEY)
    if isinstance(cached, str):
        return cached
    text: str = doc.text
    return text


def set_sentence_starts(doc: Doc) -> Doc:
    """Mark sentence starts on ``doc`` with rhetorika's segmentation rules.

    Added in version 0.1.0.
    """
    last = doc.user_data.pop(_LAST_KEY, False)
    if len(doc) == 0:
        return doc
    import numpy
    from spacy.attrs import IDX, SENT_START

    token_starts = doc.to_array([IDX]).astype("int64")
    flags = numpy.full(len(doc), -1, dtype="int64")
    text = doc_text(doc)
    wanted = numpy.asarray(sentence_starts(text), dtype="int64")
    if len(wanted):
        positions = numpy.searchsorted(token_starts, wanted)
        positions = positions[positions < len(doc)]
        hits = positions[token_starts[positions] == wanted[: len(positions)]]
        flags[hits] = 1
    flags[0] = 1
    doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))  # type: ignore[arg-type]
    if last:  # no later component can move them: these are the Doc's sentences
        marked: list[int] = token_starts[flags == 1].tolist()
        doc.user_data[SENTENCE_STARTS_KEY] = _nonblank(marked, text)
    return doc


def cache_offsets_when_marked(doc: Doc) -> None:
    """Ask the `SENTENCES` component about to run on ``doc`` to cache `sentence_offsets()` too.

    For a caller that runs a pipeline whose last component is `SENTENCES`
    (`rhetorika.analyzer.make_doc()`): no component after it can move the
    starts it sets, so the component knows the ``Doc``'s sentences, which
    would otherwise be read back from the token array on first use.
    """
    doc.user_data[_LAST_KEY] = True


def register_sentences() -> None:
    """Register `set_sentence_starts()` as the spaCy component `SENTENCES`.

    Called by the default pipeline and by `rhetorika.spacy` on import;
    registering again is harmless.
    """
    from spacy.language import Language

    if not Language.has_factory(SENTENCES):
        Language.component(SENTENCES, func=set_sentence_starts)


def with_sentences(doc: Doc) -> Doc:
    """Return ``doc``, with rhetorika's sentence starts set if it had none."""
    if len(doc) and not doc.has_annotation("SENT_START"):
        set_sentence_starts(doc)
    return doc


def sentence_offsets(doc: Doc) -> list[int]:
    """Return the start offsets of ``doc``'s sentences, computed once per ``Doc``.

    Extractors use it with `rhetorika.sentences.sentence_of()` to give
    each result its sentence index.

    Added in version 0.1.0.
    """
    cached: list[int] | None = doc.user_data.get(SENTENCE_STARTS_KEY)
    if cached is None:
        cached = _nonblank_sentence_starts(with_sentences(doc))
        doc.user_data[SENTENCE_STARTS_KEY] = cached
    return cached


def _nonblank_sentence_starts(doc: Doc) -> list[int]:
    """``[s.start_char for s in doc.sents if s.text.strip()]``, from token arrays.

    Reading two attribute columns at once and testing each sentence's slice
    of the text is several times faster than building a ``Span`` and its text
    for every sentence (and twice as fast as a third, ``IS_SPACE``, column).
    """
    if not len(doc):
        return []
    from spacy.attrs import IDX, SENT_START

    table = doc.to_array([SENT_START, IDX])
    return _nonblank(table[table[:, 0] == 1, 1].tolist(), doc_text(doc))


def _nonblank(starts: list[int], text: str) -> list[int]:
    """The ``starts`` (of sentence-opening tokens) whose sentence holds more than whitespace.

    A sentence is blank only if its first character is a space, so the slice
    is tested only then.
    """
    if not starts or starts[0] != 0:
        starts.insert(0, 0)  # the first token always opens a sentence
    ends = [*starts[1:], len(text)]
    pairs = zip(starts, ends, strict=True)
    return [
        start
        for start, end in pairs
        if not (text[start : start + 1].isspace() and text[start:end].isspace())
    ]
