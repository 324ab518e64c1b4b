"""Reading rhetorika's HTML back with the standard library, for the render tests.

:func:`parse` walks a page with :class:`html.parser.HTMLParser` and returns
every start tag with its attributes, whether the tags nest properly, and the
characters of the highlighted text (the ``rk-text`` element), each with the
classes and titles of the elements around it.
"""

from __future__ import annotations

from html.parser import HTMLParser

import attrs

VOID = frozenset({"meta", "br", "hr", "img", "link", "input"})


@attrs.define
class Char:
    """One character of the highlighted text and the elements enclosing it."""

    char: str
    classes: frozenset[str]
    titles: tuple[str, ...]


@attrs.define
class Parsed:
    tags: list[tuple[str, dict[str, str | None]]] = attrs.Factory(list)
    balanced: bool = True
    chars: list[Char] = attrs.Factory(list)

    @property
    def text(self) -> str:
        """The visible characters of the highlighted text, in order."""
        return "".join(c.char for c in self.chars)


class _Walker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.result = Parsed()
        self.stack: list[tuple[str, dict[str, str | None]]] = []

    def _in_text(self) -> bool:
        return any("rk-text" in (a.get("class") or "").split() for _, a in self.stack)

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs_)
        self.result.tags.append((tag, attributes))
        if tag not in VOID:
            self.stack.append((tag, attributes))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            self.result.balanced = False
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self._in_text():
            return
        inner = self.stack[
            next(i for i, (_, a) in enumerate(self.stack) if "rk-text" in (a.get("class") or ""))
            + 1 :
        ]
        classes = frozenset(c for _, a in inner for c in (a.get("class") or "").split())
        titles = tuple(a["title"] or "" for _, a in inner if "title" in a)
        self.result.chars.extend(Char(char, classes, titles) for char in data)


def parse(page: str) -> Parsed:
    """Parse ``page``; ``balanced`` is False if any end tag does not match."""
    walker = _Walker()
    walker.feed(page)
    walker.close()
    if walker.stack:
        walker.result.balanced = False
    return walker.result
