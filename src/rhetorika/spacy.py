"""spaCy components: ``nlp.add_pipe("rhetorika/hedges")`` and friends.

Importing this module registers the factories; the ``spacy_factories`` entry
point makes spaCy import it on demand, so users need no import of their own.

Each component runs one built-in extractor (``rhetorika/all`` runs several)
through the same registry and the same code as [`rhetorika.analyze()`][rhetorika.analyze],
and stores on the ``Doc``:

* ``doc.spans["rhetorika_<name>"]``: a span per result, labelled with its
  category (the kind for quotations; ``"sentence"`` for the per-sentence
  readability results), and in the group's ``attrs`` the results as plain
  JSON-ready data, which ``Doc.to_bytes``, ``DocBin`` and ``Doc.to_disk``
  keep;
* nothing in ``doc._``: the extension attributes are *getters* that rebuild
  the typed results from that data on each access. ``doc._.rhetorika`` is
  the whole [`Report`][rhetorika.Report], ``doc._.rhetorika_<name>`` one of its
  fields, and ``span._.rhetorika_<name>`` the results inside a span (for
  readability, the result of the sentence the span is).

Added in version 0.1.0.
"""

# No ``from __future__ import annotations`` here: spaCy reads the factories'
# annotations at run time to validate their configuration.

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs
import numpy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from rhetorika._doc import (
    SENTENCES,
    doc_text,
    register_sentences,
    sentence_offsets,
    set_sentence_starts,
)
from rhetorika.analyzer import assemble_report
from rhetorika.exceptions import ConfigurationError, RhetorikaError
from rhetorika.extractors import BUILTIN_FIELDS, create_extractor
from rhetorika.results import Readability, Report
from rhetorika.serialize import from_dict, to_dict

__all__ = [
    "ALL",
    "COMPONENT_FIELDS",
    "FACTORIES",
    "SENTENCES",
    "RhetorikaComponent",
    "make_all_component",
    "report_of",
    "set_sentence_starts",
    "span_key",
    "store",
]

ALL = "rhetorika/all"

_NOT_RESULTS = ("text", "sentences", "extensions")
COMPONENT_FIELDS: tuple[str, ...] = tuple(
    field.name for field in attrs.fields(Report) if field.name not in _NOT_RESULTS
)
"""Report fields that have a component ``rhetorika/<field>``, in Report order."""

_ATTRS_KEY = "rhetorika"
_FORMAT = 1


def span_key(name: str) -> str:
    """The ``doc.spans`` key (and extension name) of extractor ``name``.

    Added in version 0.1.0.
    """
    return f"rhetorika_{name}"


register_sentences()


# -- storing results on the Doc ------------------------------------------------


def _label(result: Any) -> str:
    kind = getattr(result, "kind", None) or getattr(result, "category", None)
    if kind is None:
        return "sentence"
    return str(getattr(kind, "value", kind))


def _span_results(result: Any) -> tuple[Any, ...]:
    """The results that become spans: the tuple itself, or readability's sentences."""
    if isinstance(result, tuple):
        return result
    if isinstance(result, Readability):
        return result.sentences
    return ()


def _char_span(doc: Doc, start: int, end: int, label: str) -> Span:
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None:  # offsets in trailing whitespace: an empty span at the next token
        token = int(numpy.searchsorted(doc.to_array([IDX]).astype("int64"), start, side="left"))
        span = Span(doc, token, token, label=label)
    return span


def store(doc: Doc, name: str, result: Any) -> None:
    """Put ``result`` of extractor ``name`` on ``doc`` as a span group.

    Spans are widened to whole tokens; the exact character offsets stay in
    the typed results.

    Added in version 0.1.0.
    """
    spans = [_char_span(doc, item.start, item.end, _label(item)) for item in _span_results(result)]
    data = {"format": _FORMAT, "extractor": name, "results": to_dict(result)}
    doc.spans[span_key(name)] = SpanGroup(
        doc, name=span_key(name), attrs={_ATTRS_KEY: data}, spans=spans
    )


_FIELD_TYPES: dict[str, Any] = {}


def _field_type(name: str) -> Any:
    if not _FIELD_TYPES:
        resolved = attrs.resolve_types(Report)
        _FIELD_TYPES.update({field.name: field.type for field in attrs.fields(resolved)})
    return _FIELD_TYPES[name]


def _stored(doc: Doc, name: str) -> Any:
    """The typed result of ``name`` stored on ``doc``, or ``None`` when it was not run."""
    group = doc.spans.get(span_key(name))
    if group is None or _ATTRS_KEY not in group.attrs:
        return None
    data = group.attrs[_ATTRS_KEY]
    if data.get("format") != _FORMAT:
        raise RhetorikaError(
            f"doc.spans[{span_key(name)!r}] holds rhetorika results in format "
            f"{data.get('format')!r}; this version reads format {_FORMAT}: "
            "process the text again with this version's components"
        )
    return from_dict(data["results"], _field_type(name))


def report_of(doc: Doc) -> Report | None:
    """Rebuild the `Report` of ``doc`` from its rhetorika spans.

    Fields whose component did not run are ``None``; ``None`` overall when
    no rhetorika component ran. This is the getter behind ``doc._.rhetorika``.

    Added in version 0.1.0.
    """
    fields = {name: _stored(doc, name) for name in COMPONENT_FIELDS}
    fields = {name: value for name, value in fields.items() if value is not None}
    if not fields:
        return None
    return assemble_report(doc_text(doc), sentence_offsets(doc), fields)


def _doc_getter(name: str) -> Callable[[Doc], Any]:
    def get(doc: Doc) -> Any:
        report = report_of(doc)
        return None if report is None else getattr(report, name)

    return get


def _span_getter(name: str) -> Callable[[Span], Any]:
    def get(span: Span) -> Any:
        result = _doc_getter(name)(span.doc)
        if result is None:
            return None
        if isinstance(result, Readability):
            text = span.doc.text
            for sentence in result.sentences:
                if sentence.start == span.start_char and span.end_char >= sentence.end:
                    return sentence if not text[sentence.end : span.end_char].strip() else None
            return None
        return tuple(r for r in result if span.start_char <= r.start and r.end <= span.end_char)

    return get


def _set_extensions() -> None:
    if not Doc.has_extension("rhetorika"):
        Doc.set_extension("rhetorika", getter=report_of)
    for name in COMPONENT_FIELDS:
        if not Doc.has_extension(span_key(name)):
            Doc.set_extension(span_key(name), getter=_doc_getter(name))
        if not Span.has_extension(span_key(name)):
            Span.set_extension(span_key(name), getter=_span_getter(name))


_set_extensions()


# -- components and factories ---------------------------------------------------


class RhetorikaComponent:
    """A pipeline component that runs rhetorika extractors and stores their results.

    Built by the ``rhetorika/<name>`` factories; its configuration is the
    extractor names and their options, all plain values, so ``nlp.to_disk``
    and ``spacy.load`` rebuild it from ``config.cfg``.

    Args:
        names: Built-in extractor names, run in this order.
        options: Constructor options per extractor name.

    Raises:
        UnknownExtractorError: A name is not registered.
        ConfigurationError: An option an extractor does not take, or a name
            that is not a [`Report`][rhetorika.Report] field.

    Added in version 0.1.0.
    """

    def __init__(
        self, names: Iterable[str], options: Mapping[str, Mapping[str, Any]] | None = None
    ) -> None:
        self.names = tuple(names)
        self.options = {name: dict(value) for name, value in (options or {}).items()}
        for name in self.names:
            if name not in COMPONENT_FIELDS:
                raise ConfigurationError(
                    f"rhetorika components run built-in extractors; {name!r} is not one: "
                    f"valid: {', '.join(COMPONENT_FIELDS)}"
                )
        stray = sorted(set(self.options) - set(self.names))
        if stray:
            raise ConfigurationError(
                f"options given for extractors that are not run: {', '.join(stray)}; "
                f"running: {', '.join(self.names)}"
            )
        self.extractors = tuple(
            create_extractor(name, **self.options.get(name, {})) for name in self.names
        )

    def __call__(self, doc: Doc) -> Doc:
        for extractor in self.extractors:
            store(doc, extractor.name, extractor(doc))
        return doc

    def __repr__(self) -> str:
        return f"RhetorikaComponent(names={list(self.names)!r})"


def _assigns(names: Iterable[str]) -> list[str]:
    out = ["doc.spans", "doc._.rhetorika"]
    for name in names:
        out += [f"doc._.{span_key(name)}", f"span._.{span_key(name)}"]
    return out


def _single_factory(field: str) -> Callable[..., RhetorikaComponent]:
    def make(nlp: Language, name: str, options: dict[str, Any]) -> RhetorikaComponent:
        return RhetorikaComponent((field,), {field: options} if options else None)

    make.__name__ = make.__qualname__ = f"make_{field}_component"
    make.__doc__ = f"Build the ``rhetorika/{field}`` component."
    Language.factory(
        f"rhetorika/{field}",
        assigns=_assigns([field]),
        default_config={"options": {}},
        func=make,
    )
    return make


def make_all_component(
    nlp: Language,
    name: str,
    extractors: list[str] | None,
    options: dict[str, dict[str, Any]],
) -> RhetorikaComponent:
    """Build the ``rhetorika/all`` component: several extractors in one.

    Args:
        nlp: The pipeline (unused).
        name: The component's name in the pipeline (unused).
        extractors: Built-in extractor names; ``None`` runs every built-in one.
        options: Constructor options per extractor name.

    Added in version 0.1.0.
    """
    return RhetorikaComponent(BUILTIN_FIELDS if extractors is None else extractors, options)


Language.factory(
    ALL,
    assigns=_assigns(COMPONENT_FIELDS),
    default_config={"extractors": None, "options": {}},
    func=make_all_component,
)

FACTORIES: dict[str, Callable[..., Any]] = {
    **{f"rhetorika/{field}": _single_factory(field) for field in COMPONENT_FIELDS},
    ALL: make_all_component,
}
"""Every rhetorika factory by name; the ``spacy_factories`` entry points load this."""
