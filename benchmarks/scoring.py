"""What the accuracy scripts share: the study/check split and precision, recall and F1.

The split is the rule of ``../shared/eval/README.md``: a document is in the
check half when the SHA-1 of its id is 0 modulo 5. Imported by the
``eval_*.py`` scripts, which run from this folder.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping


def in_check_half(doc_id: str) -> bool:
    """Whether the document ``doc_id`` is in the check half (never studied)."""
    return int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 5 == 0


def half_of(record: Mapping[str, object]) -> str:
    """``"check"`` or ``"study"`` for a record, by its ``doc_id``, else its ``id``."""
    return "check" if in_check_half(str(record.get("doc_id") or record["id"])) else "study"


def score(tp: int, fp: int, fn: int) -> dict[str, float | int | None]:
    """Precision, recall and F1 (``None`` when undefined) with the counts."""
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = (
        2 * precision * recall / (precision + recall)
        if precision is not None and recall is not None and precision + recall
        else None
    )
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}
