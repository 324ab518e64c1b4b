"""Warnings rhetorika gives once, pointing at the caller's line.

Extractors call `annotated()` before using an annotation a trained
pipeline may lack (a parse, POS tags, lemmas). On rhetorika's default
pipeline, or any blank one, which have none of them by design, it answers
``False`` quietly; on a trained pipeline that lacks the annotation, it warns
once per extractor and annotation, saying what the extractor falls back to::

    if annotated(doc, "DEP", extractor=self.name, fallback="word-window rules"):
        ...  # use the parse
    else:
        ...  # the fallback

The warning is a `DegradedPipelineWarning` whose location
is the first frame outside rhetorika, spaCy and thinc: the caller's
``analyze`` or ``nlp(text)`` line.
"""

from __future__ import annotations

import sys
import threading
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from rhetorika.exceptions import DegradedPipelineWarning, RhetorikaWarning

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["DEFAULT_PIPELINE_KEY", "annotated", "fall_back", "present", "warn_once"]

DEFAULT_PIPELINE_KEY = "rhetorika.default_pipeline"
"""``doc.user_data`` key set on Docs made by rhetorika's default pipeline."""

_ANNOTATED_KEY = "rhetorika.annotated"
_COMPONENTS = {
    "DEP": "a parser",
    "HEAD": "a parser",
    "TAG": "a tagger",
    "POS": "a tagger or morphologizer",
    "MORPH": "a morphologizer",
    "LEMMA": "a lemmatizer",
    "ENT_IOB": "an entity recognizer",
}
_TOKEN_FIELDS = {"DEP": "dep", "TAG": "tag", "POS": "pos", "LEMMA": "lemma", "ENT_IOB": "ent_iob"}
"""Annotations a ``Token`` holds as one integer field, zero when unset."""
_warned: set[tuple[str, ...]] = set()
_lock = threading.Lock()


def _package_dir(name: str) -> str | None:
    module = sys.modules.get(name)
    location = getattr(module, "__file__", None)
    return str(Path(location).resolve().parent) if location else None


def _internal_dirs() -> tuple[str, ...]:
    return tuple(d for d in map(_package_dir, ("rhetorika", "spacy", "thinc")) if d)


def _caller_stacklevel() -> int:
    """The ``stacklevel`` that makes a warning point at the first frame outside us."""
    internal = _internal_dirs()
    frame = sys._getframe(2)  # the caller of warn_once
    level = 2
    while frame is not None and str(Path(frame.f_code.co_filename).resolve()).startswith(internal):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return level


def warn_once(
    key: tuple[str, ...], message: str, category: type[Warning] = RhetorikaWarning
) -> bool:
    """Warn with ``message`` the first time ``key`` is seen in this process.

    Returns:
        Whether the warning was given now.
    """
    with _lock:
        if key in _warned:
            return False
        _warned.add(key)
    warnings.warn(message, category, stacklevel=_caller_stacklevel())
    return True


def present(doc: Doc, attribute: str) -> bool:
    """Whether ``doc`` carries ``attribute`` (``"DEP"``, ``"TAG"``, ``"POS"``, ...): the one check.

    A pipeline component annotates every token, so the first token tells
    (``Doc.has_annotation`` would walk the whole ``Doc``); attributes without a
    token field of their own ask spaCy. The answer is cached on the ``Doc``.
    """
    cache: dict[str, bool] = doc.user_data.setdefault(_ANNOTATED_KEY, {})
    found = cache.get(attribute)
    if found is None:
        field = _TOKEN_FIELDS.get(attribute)
        if not len(doc):
            found = False
        elif field is None:
            found = doc.has_annotation(attribute)
        else:
            found = bool(getattr(doc[0], field))
        cache[attribute] = found
    return found


def annotated(doc: Doc, attribute: str, *, extractor: str, fallback: str) -> bool:
    """`present()`, warning once when it is not (see the module docs).

    When ``doc`` lacks ``attribute`` and does not come from rhetorika's
    default pipeline or a blank one, warn once (per extractor and attribute)
    that ``extractor`` falls back to ``fallback``.
    """
    found = present(doc, attribute)
    if not found and len(doc):
        fall_back(doc, attribute, extractor=extractor, fallback=fallback)
    return found


def _trained(doc: Doc) -> bool:
    """Whether any trained component annotated ``doc``; a blank pipeline is a choice."""
    if not len(doc):
        return False
    first = doc[0]  # a component annotates every token, so the first one tells
    return bool(first.tag or first.pos or first.dep or first.lemma or first.ent_iob)


def fall_back(doc: Doc, attribute: str, *, extractor: str, fallback: str) -> None:
    """Say once that ``extractor`` works without ``attribute`` on ``doc``'s pipeline.

    For extractors that check annotations their own (cheaper) way. Silent on
    rhetorika's default pipeline and on any blank pipeline, which lack them
    by design: the warning is for a trained pipeline missing a component.
    """
    if doc.user_data.get(DEFAULT_PIPELINE_KEY) or not _trained(doc):
        return
    component = _COMPONENTS.get(attribute, f"a component that sets {attribute}")
    warn_once(
        (extractor, attribute),
        f"{extractor}: the spaCy pipeline lacks {component} ({attribute} is not set), "
        f"so it falls back to {fallback}; add {component} to the pipeline for the "
        "full rules (this warning is given once)",
        DegradedPipelineWarning,
    )


def _reset() -> None:
    """Forget which warnings were given (for tests)."""
    with _lock:
        _warned.clear()
