"""The Analyzer: makes the ``Doc``, runs the extractors, assembles the Report.

The engine under [`rhetorika.analyze()`][rhetorika.analyze],
[`rhetorika.Analyzer`][rhetorika.Analyzer] and the spaCy components: it sits above every extractor
and below every adapter.

The default pipeline is ``spacy.blank("en")`` plus rhetorika's sentence
rules: nothing is downloaded, ever. A caller may pass any ``Language`` (a
trained pipeline they installed); rules that can use its tags and parse do.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import TYPE_CHECKING, Any, cast

import attrs

from rhetorika._checks import check_count, check_texts, not_a_str
from rhetorika._doc import (
    SENTENCES,
    cache_offsets_when_marked,
    doc_text,
    keep_text,
    register_sentences,
    sentence_offsets,
    with_sentences,
)
from rhetorika._parallel import checked_text, parallel_reports
from rhetorika._progress import counted, total_of
from rhetorika._report_sentences import SentenceStarts
from rhetorika._warnings import DEFAULT_PIPELINE_KEY
from rhetorika.exceptions import ArgumentTypeError, ConfigurationError
from rhetorika.extractors import BUILTIN_FIELDS, create_extractor
from rhetorika.results import Report, Sentence
from rhetorika.sentences import sentence_starts
from rhetorika.typing import Extractor, TextExtractor
from rhetorika.voice import mark_quoted

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

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

_SURROGATE = re.compile("[\ud800-\udfff]")
_CHUNK_BREAKS = ("\n\n", "\n", ". ", " ")
# spaCy's tokenizer strips prefixes and suffixes one at a time, rescanning the
# rest of a whitespace-free run each time: quadratic in the run's length
# (10,000 quotation marks in a row take 18 s, 20,000 take 90 s). Runs longer
# than this are tokenized in pieces of at most this many characters.
MAX_RUN = 100
"""Whitespace-free runs longer than this are tokenized in pieces (see `make_doc()`)."""
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN + 1},}}")


# Pipelines made by default_nlp: their Docs are marked, so extractors do not
# warn that a parser is missing where none is expected.
_DEFAULT_PIPELINES: weakref.WeakSet[Language] = weakref.WeakSet()


def default_nlp() -> Language:
    """Build the default pipeline: ``spacy.blank("en")`` plus sentence rules.

    Added in version 0.1.0.
    """
    import spacy  # spaCy loads on first use: text-only analyzers never need it

    register_sentences()
    nlp = spacy.blank("en")
    nlp.add_pipe(SENTENCES)
    _DEFAULT_PIPELINES.add(nlp)
    return nlp


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise ArgumentTypeError(f"text must be a str, got {not_a_str(text)}")
    return text


def _check_extractors(extractors: object) -> tuple[Any, ...]:
    """The extractors argument as a tuple of names and Extractor objects, checked."""
    if extractors is None:
        return tuple(BUILTIN_FIELDS)
    if isinstance(extractors, str):
        raise ConfigurationError(
            f"extractors must be a list of names, not the string {extractors!r}; "
            f"did you mean [{extractors!r}]?"
        )
    if not isinstance(extractors, Iterable) or isinstance(extractors, bytes | bytearray):
        raise ArgumentTypeError(
            f"extractors must be a list of names or Extractor objects, "
            f"got {type(extractors).__name__}"
        )
    chosen = tuple(extractors)
    for index, item in enumerate(chosen):
        if not isinstance(item, str) and not (
            isinstance(item, Extractor) and isinstance(getattr(item, "name", None), str)
        ):
            raise ArgumentTypeError(
                f"extractors[{index}] must be an extractor name (see available_extractors()) "
                f"or an Extractor object with a name and __call__(doc), "
                f"got {type(item).__name__}"
            )
    return chosen


def _check_nlp(nlp: object) -> None:
    """``nlp`` must be ``None`` or a spaCy ``Language`` (checked without importing spaCy)."""
    if nlp is not None and not all(
        hasattr(nlp, attribute) for attribute in ("make_doc", "pipe", "vocab", "max_length")
    ):
        hint = f"; load it with spacy.load({nlp!r})" if isinstance(nlp, str) else ""
        raise ArgumentTypeError(
            f"nlp must be a spaCy Language or None, got {type(nlp).__name__}{hint}"
        )


def _tokenizable(text: str) -> str:
    """Replace lone surrogates, which spaCy cannot encode, keeping every offset."""
    if text.isascii() or not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub("\ufffd", text)


def _chunks(text: str, limit: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters at natural breaks."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        cut = -1
        for mark in _CHUNK_BREAKS:
            found = text.rfind(mark, start + limit // 2, start + limit)
            if found != -1:
                cut = found + len(mark)
                break
        if cut == -1:
            cut = start + limit
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _run_cuts(text: str) -> list[int]:
    """Offsets at which to cut whitespace-free runs longer than ``MAX_RUN``.

    A cut goes between two characters that are not both letters or digits
    when one is near, so words in a long run of punctuation stay whole.
    """
    cuts = []
    for match in _LONG_RUN.finditer(text):
        position, end = match.start(), match.end()
        while end - position > MAX_RUN:
            cut = position + MAX_RUN
            for candidate in range(cut, position + MAX_RUN // 2, -1):
                if not (text[candidate - 1].isalnum() and text[candidate].isalnum()):
                    cut = candidate
                    break
            cuts.append(cut)
            position = cut
    return cuts


def _tokenize(nlp: Language, text: str) -> Doc:
    """Tokenize ``text`` in time linear in its length, whatever its runs.

    Text without long whitespace-free runs goes to ``nlp.make_doc`` as is.
    Otherwise a space is put at each cut, the result is tokenized once, and
    the ``Doc`` is rebuilt over the original text without those spaces,
    keeping the tokenizer's norms ("n't" -> "not").
    """
    import numpy
    from spacy.attrs import NORM
    from spacy.tokens import Doc

    cuts = _run_cuts(text)
    if not cuts:
        return nlp.make_doc(text)
    bounds = [0, *cuts, len(text)]
    spaced = " ".join(text[a:b] for a, b in pairwise(bounds))
    tokens = nlp.tokenizer(spaced)
    # Inserted space k sits at cuts[k] + k in ``spaced``.
    inserted = {cut + k for k, cut in enumerate(cuts)}
    words = [token.text for token in tokens]
    spaces = [
        bool(token.whitespace_) and token.idx + len(token) not in inserted for token in tokens
    ]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    if doc.text != text:  # a custom tokenizer that does not keep the text
        return nlp.make_doc(text)
    norms = tokens.to_array([NORM]).astype(numpy.uint64).reshape(-1, 1)
    doc.from_array([NORM], norms)  # type: ignore[arg-type]
    return doc


def make_doc(nlp: Language, text: str) -> Doc:
    """Run ``nlp`` over ``text``, however long, with sentence boundaries set.

    A text longer than ``nlp.max_length`` is processed in pieces cut at
    paragraph or sentence breaks and joined back into one ``Doc``, so offsets
    stay offsets into ``text``. Whitespace-free runs longer than
    [`MAX_RUN`][rhetorika.analyzer.MAX_RUN] characters are tokenized in pieces, so the time is
    linear in the length of the text whatever it holds.

    Added in version 0.1.0.
    """
    from spacy.tokens import Doc

    text = _tokenizable(_check_text(text))
    if len(text) <= nlp.max_length:
        doc = _tokenize(nlp, text)
        # Kept before the components run, so the sentence rules read it
        # instead of rebuilding Doc.text from the tokens.
        keep_text(doc, text)
        if nlp.pipe_names[-1:] == [SENTENCES]:
            cache_offsets_when_marked(doc)
        doc = nlp(doc)
    else:
        chunks = (_tokenize(nlp, chunk) for chunk in _chunks(text, nlp.max_length))
        pieces = [with_sentences(piece) for piece in nlp.pipe(chunks)]
        doc = Doc.from_docs(pieces, ensure_whitespace=False)
    if nlp in _DEFAULT_PIPELINES:
        doc.user_data[DEFAULT_PIPELINE_KEY] = True
    keep_text(doc, text)  # spaCy keeps the text exactly; doc.text rebuilds it
    return with_sentences(doc)


def assemble_report(
    text: str,
    sentence_starts: list[int],
    fields: dict[str, Any],
    extensions: dict[str, Any] | None = None,
) -> Report:
    """Build a `Report` from extractor results: the one place they meet.

    [`Analyzer`][rhetorika.analyzer.Analyzer] and the spaCy components (``doc._.rhetorika``) both
    assemble their reports here, so rules that combine the results of
    several extractors apply to both alike.

    Args:
        text: The analysed text.
        sentence_starts: Offsets of its non-blank sentences, as
            [`sentence_offsets()`][rhetorika.analyzer.sentence_offsets] gives them.
        fields: Results by built-in extractor name; a missing name was not run.
        extensions: Results of third-party extractors, by name.

    Added in version 0.1.0.
    """
    # Voice: spans of other extractors inside a direct quotation are the
    # quoted speaker's words, not the writer's; mark them quoted=True.
    fields = mark_quoted(fields)
    return Report(
        text=text,
        sentences=cast("tuple[Sentence, ...]", SentenceStarts(text, sentence_starts)),
        extensions={} if extensions is None else extensions,
        **fields,
    )


def _restore_text(result: Any, original: str) -> Any:
    """Give span results the caller's characters where spaCy saw replacements."""
    if isinstance(result, tuple):
        return tuple(
            attrs.evolve(span, text=original[span.start : span.end])
            if attrs.has(type(span)) and hasattr(span, "text")
            else span
            for span in result
        )
    return result


@attrs.define(kw_only=True)
class _Config:
    """What an Analyzer is made of: picklable, so worker processes can rebuild it."""

    extractors: tuple[Any, ...]
    nlp: Any


class Analyzer:
    """Runs a set of extractors over texts and assembles `Report` objects.

    Build one and reuse it: building loads lexicons and the pipeline once.

    Args:
        extractors: Names from [`available_extractors()`][rhetorika.available_extractors] or
            [`Extractor`][rhetorika.typing.Extractor] objects; ``None`` runs every
            built-in extractor.
        nlp: A spaCy ``Language`` to use instead of the default blank pipeline.

    Raises:
        UnknownExtractorError: A name is not registered; the message lists
            the available ones.

    Added in version 0.1.0.
    """

    def __init__(
        self,
        *,
        extractors: Iterable[str | Extractor] | None = None,
        nlp: Language | None = None,
    ) -> None:
        chosen = _check_extractors(extractors)
        _check_nlp(nlp)
        self._config = _Config(extractors=chosen, nlp=nlp)
        self._extractors = tuple(
            create_extractor(item) if isinstance(item, str) else item for item in chosen
        )
        names = [extractor.name for extractor in self._extractors]
        if len(set(names)) != len(names):
            raise ConfigurationError(f"each extractor may be given once, got {names}")
        self._nlp = nlp
        # On the default pipeline, extractors that need no tokens skip spaCy:
        # built-in or third-party, any TextExtractor.
        self._text_only = nlp is None and all(
            isinstance(extractor, TextExtractor) for extractor in self._extractors
        )

    @property
    def extractors(self) -> tuple[Extractor, ...]:
        """The extractors this Analyzer runs, in order.

        Added in version 0.1.0.
        """
        return self._extractors

    @property
    def extractor_names(self) -> tuple[str, ...]:
        """Names of the extractors this Analyzer runs, in order."""
        return tuple(extractor.name for extractor in self._extractors)

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, built on first use."""
        if self._nlp is None:
            self._nlp = default_nlp()
        return self._nlp

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self._config}

    def __setstate__(self, state: dict[str, Any]) -> None:
        config: _Config = state["config"]
        self.__init__(extractors=config.extractors, nlp=config.nlp)  # type: ignore[misc]

    def __repr__(self) -> str:
        return f"Analyzer(extractors={list(self.extractor_names)!r})"

    def analyze(self, text: str) -> Report:
        """Analyse one text.

        Raises:
            ArgumentTypeError: ``text`` is not a ``str`` (a ``TypeError``).
        """
        if self._text_only:
            return self._report_from_text(_check_text(text))
        return self.report(make_doc(self.nlp, text), text)

    def _report_from_text(self, text: str) -> Report:
        """Run text-level extractors without tokenizing: same sentences, same results."""
        starts = sentence_starts(_tokenizable(text))
        fields: dict[str, Any] = {}
        extensions: dict[str, Any] = {}
        for extractor in self._extractors:
            result = extractor.from_text(text, starts)  # type: ignore[union-attr]
            if extractor.name in BUILTIN_FIELDS:
                fields[extractor.name] = result
            else:
                extensions[extractor.name] = result
        return assemble_report(text, starts, fields, extensions)

    def report(self, doc: Doc, text: str | None = None) -> Report:
        """Run the extractors over an already processed ``doc``.

        Args:
            doc: A ``Doc`` from `nlp` or any pipeline.
            text: The caller's original string, when it differs from
                ``doc.text`` only by characters spaCy could not take.
        """
        spacy_text = doc_text(doc)
        original = spacy_text if text is None else text
        fields: dict[str, Any] = {}
        extensions: dict[str, Any] = {}
        for extractor in self._extractors:
            result = extractor(doc)
            if extractor.name in BUILTIN_FIELDS:
                if original != spacy_text:
                    result = _restore_text(result, original)
                fields[extractor.name] = result
            else:
                extensions[extractor.name] = result
        return assemble_report(original, sentence_offsets(doc), fields, extensions)

    def pipe(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = 64,
        n_process: int = 1,
        progress: bool = False,
    ) -> Iterator[Report]:
        """Analyse many texts, yielding reports in input order.

        Args:
            texts: The texts; any iterable, consumed lazily.
            batch_size: Texts handed to the pipeline (or a worker) at once.
            n_process: Worker processes; 1 runs in this process.
            progress: Show a progress line on standard error (in a notebook
                too): the count and rate, and with a sized ``texts`` (a list,
                a Series) the share done and the time left.

        Raises:
            ArgumentTypeError: ``texts`` is a single ``str`` or not iterable,
                or ``batch_size`` or ``n_process`` is not an ``int``; raised
                at the call, before any text is analysed.
            ConfigurationError: ``batch_size`` or ``n_process`` is below 1.
            TypeError: An item is not a ``str`` (the message gives its index).
        """
        check_texts("texts", texts)
        check_count("batch_size", batch_size)
        check_count("n_process", n_process)
        reports = self._pipe(texts, batch_size=batch_size, n_process=n_process)
        if progress:
            reports = counted(reports, total=total_of(texts))
        return reports

    def _pipe(self, texts: Iterable[str], *, batch_size: int, n_process: int) -> Iterator[Report]:
        if n_process == 1:
            for index, text in enumerate(texts):
                yield self.analyze(checked_text(index, text))
            return
        yield from parallel_reports(self, texts, batch_size=batch_size, n_process=n_process)


_DEFAULT_ANALYZERS: dict[tuple[str, ...] | None, Analyzer] = {}
_MAX_CACHED_ANALYZERS = 8
# Threads calling analyze() with different extractor lists share this cache;
# without the lock, two evicting the same entry at once raised KeyError.
_CACHE_LOCK = threading.Lock()


def analyze(text: str, *, extractors: Iterable[str] | None = None) -> Report:
    """Analyse ``text`` with the default pipeline and the named extractors.

    Args:
        text: Any string; empty or whitespace-only text gives an empty report.
        extractors: Names from [`available_extractors()`][rhetorika.available_extractors]; ``None``
            runs all.

    Raises:
        ArgumentTypeError: ``text`` is not a ``str`` (a ``TypeError``).
        UnknownExtractorError: A name is not registered; the message lists
            the available ones.

    Added in version 0.1.0.
    """
    _check_text(text)
    key = None if extractors is None else _check_extractors(extractors)
    with _CACHE_LOCK:
        analyzer = _DEFAULT_ANALYZERS.get(key)
        if analyzer is None:
            analyzer = Analyzer(extractors=key)
            if len(_DEFAULT_ANALYZERS) >= _MAX_CACHED_ANALYZERS:
                _DEFAULT_ANALYZERS.pop(next(iter(_DEFAULT_ANALYZERS)))
            _DEFAULT_ANALYZERS[key] = analyzer
    return analyzer.analyze(text)
