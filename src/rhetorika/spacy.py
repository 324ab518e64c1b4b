"""spaCy components: ``nlp.add_pipe("rhetorika/...")``.

Importing this module registers the factories; the ``spacy_factories`` entry
point makes spaCy import it on demand, so users need no import of their own.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from rhetorika.sentences import sentence_starts

__all__ = ["SENTENCES", "set_sentence_starts"]

SENTENCES = "rhetorika/sentences"


def set_sentence_starts(doc: Doc) -> Doc:
    """Mark sentence starts on ``doc`` with rhetorika's segmentation rules."""
    if len(doc) == 0:
        return doc
    token_starts = doc.to_array([IDX]).astype("int64")
    flags = numpy.full(len(doc), -1, dtype="int64")
    wanted = numpy.asarray(sentence_starts(doc.text), dtype="int64")
    if len(wanted):
        positions = numpy.searchsorted(token_starts, wanted)
        positions = positions[positions < len(doc)]
        hits = positions[token_starts[positions] == wanted[: len(positions)]]
        flags[hits] = 1
    flags[0] = 1
    doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))  # type: ignore[arg-type]
    return doc


Language.component(SENTENCES, func=set_sentence_starts)
