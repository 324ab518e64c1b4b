"""How a Report shows itself in a notebook, decided above it.

`Report` lives below the analyzer and the adapters, so it
cannot import `rhetorika.render()`; the renderer registers itself here
when imported (``import rhetorika`` imports it), and ``Report._repr_html_``
asks this module for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["html_view", "set_html_view"]

_views: list[Callable[[Any], str]] = []


def set_html_view(view: Callable[[Any], str]) -> None:
    """Make ``view`` the function that draws a report as an HTML fragment."""
    _views[:] = [view]


def html_view() -> Callable[[Any], str] | None:
    """The registered HTML view, or ``None`` before `rhetorika.render` is imported."""
    return _views[0] if _views else None
