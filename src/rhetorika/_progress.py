"""A one-line progress display on standard error, redrawn in place.

Used by the command line and by ``progress=True`` in `Analyzer.pipe()`
and the feature-table functions, so notebooks get the same line with no
extra dependency. With a known total it shows the share done and an
estimated time left; without one, the count and the rate. It redraws at
most five times a second, so drawing never slows a large corpus down.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

__all__ = ["Progress", "counted", "total_of"]

T = TypeVar("T")

_REDRAW_SECONDS = 0.2


def _duration(seconds: float) -> str:
    """``seconds`` as ``42s``, ``3:07`` or ``1:02:03``."""
    whole = int(seconds + 0.5)
    if whole < 60:
        return f"{whole}s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes}:{secs:02d}"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


class Progress:
    """Counts items on ``stream`` when ``enabled``; clear the line with `close()`.

    ``clock`` is injectable so that tests can drive it without reading the time.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        enabled: bool,
        total: int | None = None,
        unit: str = "documents",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.enabled = enabled
        self.total = total
        self.unit = unit
        self.clock = clock
        self.began = clock()
        self.shown: float | None = None
        self.done = 0
        self.words = 0  # for a caller's closing summary; the display does not show it

    def line(self, source: str = "") -> str:
        """What the display shows now."""
        elapsed = max(self.clock() - self.began, 1e-9)
        rate = self.done / elapsed
        if self.total:
            share = min(self.done / self.total, 1.0)
            left = (self.total - self.done) / rate if rate and self.done < self.total else 0.0
            text = (
                f"{self.done:,}/{self.total:,} {self.unit} ({share:.0%}), "
                f"{rate:,.0f}/s, ETA {_duration(left)}"
            )
        else:
            text = f"{self.done:,} {self.unit}, {rate:,.0f}/s"
        return f"{text}  {source[-50:]}" if source else text

    def step(self, source: str = "") -> None:
        """Count one more item, read from ``source``."""
        self.done += 1
        if not self.enabled:
            return
        now = self.clock()
        if self.shown is not None and now - self.shown < _REDRAW_SECONDS:
            return
        self.shown = now
        self.stream.write(f"\r\033[K{self.line(source)}")
        self.stream.flush()

    def close(self) -> None:
        """Clear the line, so that what follows starts at its beginning."""
        if self.enabled and self.shown is not None:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def elapsed(self) -> float:
        """Seconds since the display was created."""
        return self.clock() - self.began


def total_of(items: object) -> int | None:
    """``len(items)`` when it has one (a list, a Series), else ``None`` (a generator)."""
    try:
        return len(items)  # type: ignore[arg-type]
    except TypeError:
        return None


def counted(items: Iterable[T], *, total: int | None, unit: str = "documents") -> Iterator[T]:
    """Yield ``items`` unchanged while a progress line on standard error counts them."""
    progress = Progress(sys.stderr, enabled=True, total=total, unit=unit)
    try:
        for item in items:
            yield item
            progress.step()
    finally:
        progress.close()
