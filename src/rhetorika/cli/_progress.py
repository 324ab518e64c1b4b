"""A one-line progress display on standard error, redrawn in place.

With a known total it counts inputs (``[3/10] path``) and redraws on every
step; without one it counts documents and their rate, redrawn at most five
times a second so that drawing never slows a large corpus down.
"""

from __future__ import annotations

import time
from typing import TextIO

__all__ = ["Progress"]

_REDRAW_SECONDS = 0.2


class Progress:
    """Counts inputs or documents on ``stream`` when ``enabled``; clear it with :meth:`close`."""

    def __init__(self, stream: TextIO, *, enabled: bool, total: int | None = None) -> None:
        self.stream = stream
        self.enabled = enabled
        self.total = total
        self.began = self.shown = time.monotonic()
        self.done = 0

    def step(self, source: str) -> None:
        """Count one more input or document, read from ``source``."""
        self.done += 1
        if not self.enabled:
            return
        if self.total is not None:
            line = f"[{self.done}/{self.total}] {source[-60:]}"
        else:
            now = time.monotonic()
            if now - self.shown < _REDRAW_SECONDS:
                return
            self.shown = now
            rate = self.done / max(now - self.began, 1e-9)
            line = f"{self.done:,} documents, {rate:,.0f}/s  {source[-50:]}"
        self.stream.write(f"\r\033[K{line}")
        self.stream.flush()

    def close(self) -> None:
        """Clear the line, so that what follows starts at its beginning."""
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()
