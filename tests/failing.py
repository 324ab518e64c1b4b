"""Extractors that fail on purpose, importable by worker processes."""

from __future__ import annotations

import os

from spacy.tokens import Doc


class FailOn:
    """Raises ValueError on any text containing ``marker``."""

    name = "fail_on"

    def __init__(self, marker: str = "BOOM") -> None:
        self.marker = marker

    def __call__(self, doc: Doc) -> int:
        if self.marker in doc.text:
            raise ValueError(f"found {self.marker}")
        return 0


class DieOn:
    """Kills its whole process on any text containing ``marker``."""

    name = "die_on"

    def __init__(self, marker: str = "DIE") -> None:
        self.marker = marker

    def __call__(self, doc: Doc) -> int:
        if self.marker in doc.text:
            os._exit(3)
        return 0
