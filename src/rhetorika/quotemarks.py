"""Pairing of quotation marks: which marks open and close which quotation.

One left-to-right scan over the quotation marks of a text (every other
character is skipped by the regular expression), with a stack of open
quotations; blank lines are looked for only between marks while a quotation
is open. Each mark is judged by its neighbours:

* A mark *can open* when it follows the start of the text, a space, an
  opening bracket or dash, or another opening mark, and a non-space follows.
  It *can close* when a non-space precedes it and the end of the text, a
  space or punctuation follows.
* ``'``, ``‘`` and ``’`` between two letters or digits are apostrophes
  ("don't", "Ukraine’s"), as are elisions ("'90s", "rock 'n' roll", "'em")
  and a closing-looking mark with no single quotation open ("boys' school").
* A closing mark closes the innermost open quotation of its family (double:
  ``" “ ” „ `` ''``; single: ``' ‘ ’ ‚``; ``« »``; ``‹ ›``); openers above it
  on the stack were never closed and are dropped. Curly and straight marks of
  one family may pair ("“word\\"").
* An opening mark at the start of a line while a quotation of its family is
  open continues that quotation (the convention for quotations that run over
  several paragraphs); any other quotation still open at a blank line ends
  there unclosed (only the outermost is reported). Unclosed single-quote
  openers are dropped: they are far more often apostrophes than quotations.
* The stack holds at most eight openers, so nested contents stay linear in
  total length.

Every mark is pushed and popped at most once, so pairing is linear in the
length of the text however the marks are placed, and it never raises.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["MARKS", "MarkPair", "pair_quotes"]

MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u2039\u203a\u201e\u201a"
"""Every single-character quotation mark the pairing knows.

Two-character marks are known too: two apostrophes (``''``) and two backticks.
"""

# A mark. An apostrophe between two letters or digits ("don't", "Ukraine’s")
# is skipped by the expression itself, so the Python loop only sees marks
# that may quote. The leading lookahead lets the regex engine skip every
# other character with a fast set test (ten times faster on news).
_MARK = re.compile(
    r"(?=[\"'`\u201c\u201d\u2018\u2019\u00ab\u00bb\u2039\u203a\u201e\u201a])"
    r"(?:''|``|[\"\u201c\u201d\u00ab\u00bb\u2039\u203a\u201e\u201a]"
    r"|(?<![^\W_])['\u2018\u2019]|['\u2018\u2019](?![^\W_]))"
)
# A blank line: from the first to the last line break of a run of whitespace.
# Only a quotation still open can end at one, so the scan looks for them only
# between marks while the stack holds an opener (most blank lines of a text
# lie outside quotations and never reach Python).
_BLANK_LINE = re.compile(r"\n\s*\n")

# Family of each mark: which marks may pair with it.
_FAMILY = {
    '"': "double",
    "''": "double",
    "``": "double",
    "\u201c": "double",
    "\u201d": "double",
    "\u201e": "double",
    "'": "single",
    "\u2018": "single",
    "\u2019": "single",
    "\u201a": "single",
    "\u00ab": "guillemet",
    "\u00bb": "guillemet",
    "\u2039": "single_guillemet",
    "\u203a": "single_guillemet",
}
# Preferred role when the neighbours do not decide: opener, closer or either.
_OPENERS = frozenset(["\u201c", "\u2018", "\u00ab", "\u2039", "\u201e", "\u201a", "``"])
_CLOSERS = frozenset(["\u201d", "\u2019", "\u00bb", "\u203a"])
_ALWAYS_OPEN = frozenset(["\u201e", "\u201a", "``"])
_APOSTROPHES = frozenset(["'", "\u2019", "\u2018"])

_BEFORE_OPEN = frozenset("([{<\u2014\u2013-/" + MARKS)
_AFTER_CLOSE = frozenset(".,;:!?)]}>\u2014\u2013-/\u2026*" + MARKS)
# Words that begin with an apostrophe standing for missing letters.
# ("rock 'n' roll"; "'em", but not "the word 'cause'", which is quoted).
_ELISIONS = re.compile(
    r"n['\u2019\u2018](?=\s)|(?:em|til|tis|twas|cause|bout|round|ol|nuff|sup|kay)"
    r"(?![^\W_]|['\u2019])",
    re.IGNORECASE,
)
_DECADE = re.compile(r"\d\d(?:s|\b)")


@attrs.frozen(kw_only=True)
class MarkPair:
    """A quotation found by pairing: its marks and its content.

    Attributes:
        open_start: Offset of the opening mark.
        open_end: Offset one past the opening mark; the content starts here.
        close_start: Offset of the closing mark, or where the content ends
            when there is none.
        close_end: Offset one past the closing mark, or ``None`` when the
            quotation was never closed.
        open_char: The opening mark as written.
        close_char: The closing mark as written, or ``None``.

    Added in version 0.1.0.
    """

    open_start: int
    open_end: int
    close_start: int
    close_end: int | None
    open_char: str
    close_char: str | None


def _flush(text: str, stack: list[tuple[int, int, str]], end: int, pairs: list[MarkPair]) -> None:
    """End every open quotation unclosed at ``end`` (a blank line or the end of the text).

    Single-quote openers are dropped: unclosed, they are mostly apostrophes.
    """
    if not stack:
        return
    last = end
    while last > 0 and text[last - 1].isspace():
        last -= 1
    # Only the outermost double (or guillemet) opener is reported; openers
    # nested inside it that were never closed are noise.
    for start, stop, char in stack:
        if _FAMILY[char] == "single":
            continue
        pairs.append(
            MarkPair(
                open_start=start,
                open_end=stop,
                close_start=max(stop, last),
                close_end=None,
                open_char=char,
                close_char=None,
            )
        )
        break
    stack.clear()


_DEPTH = 4
_MAX_STACK = 8
_INDENT = re.compile(r"[ \t]*")


def _line_start(text: str, pos: int) -> bool:
    """Whether only spaces or tabs lie between the previous line break and ``pos``."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


def pair_quotes(text: str) -> list[MarkPair]:
    """Pair the quotation marks of ``text``; return the quotations by content offsets.

    Never raises, and runs in time linear in ``len(text)``.

    Added in version 0.1.0.
    """
    pairs: list[MarkPair] = []
    stack: list[tuple[int, int, str]] = []  # (start, end, char) of open marks
    skip_until = 0
    scanned = 0  # blank lines before this offset are dealt with
    n = len(text)
    for match in _MARK.finditer(text):
        start = match.start()
        if start < skip_until:
            continue
        if stack and text.find("\n", scanned, start) != -1:
            _blank_lines(text, scanned, start, stack, pairs)
        end = scanned = match.end()
        char = text[start:end]
        prev = text[start - 1] if start else ""
        nxt = text[end] if end < n else ""
        can_open = (
            bool(nxt)
            and not nxt.isspace()
            and (not prev or prev.isspace() or prev in _BEFORE_OPEN)
        )
        can_close = (
            bool(prev) and not prev.isspace() and (not nxt or nxt.isspace() or nxt in _AFTER_CLOSE)
        )
        if char in _APOSTROPHES:
            if prev.isalnum() and nxt.isalnum():
                continue  # don't, Ukraine’s, 5'10
            if can_open and not can_close:
                elision = _ELISIONS.match(text, end)
                if elision:
                    skip_until = elision.end()  # also skips the second mark of 'n'
                    continue
                if _DECADE.match(text, end):
                    continue  # the '90s
        family = _FAMILY[char]
        # The two plain cases written out (most marks); `_role` decides the rest.
        if can_open == can_close or char in _ALWAYS_OPEN:
            role = _role(char, family, can_open, can_close, stack)
        elif can_open:
            role = "open"
        else:
            role = "close" if _family_open(stack, family) else "none"
        if role == "open":
            if stack and _FAMILY[stack[-1][2]] == family:
                if _line_start(text, start):
                    continue  # the next paragraph of a running quotation
                stack.pop()  # the earlier opener was a stray
            if len(stack) >= _MAX_STACK:
                del stack[0]  # bounds nesting, so nested contents stay linear in total
            stack.append((start, end, char))
        elif role == "close":
            _close(stack, family, start, end, char, pairs)
    if stack:
        _blank_lines(text, scanned, n, stack, pairs)
    _flush(text, stack, n, pairs)
    pairs.sort(key=lambda p: (p.open_end, p.close_start))
    return pairs


def _role(
    char: str, family: str, can_open: bool, can_close: bool, stack: list[tuple[int, int, str]]
) -> str:
    """Decide whether a mark opens, closes, or is no quotation mark at all."""
    if char in _ALWAYS_OPEN:
        return "open" if can_open or not can_close else "none"
    if can_close and not can_open:
        return "close" if _family_open(stack, family) else "none"
    if can_open and not can_close:
        return "open"
    # Both or neither: a word on each side, or space (or punctuation) on each side.
    if char == "\u201c" and stack and stack[-1][2] == "\u201e":
        return "close"  # German „...“
    if char in _OPENERS:
        return "open"
    if char in _CLOSERS:
        return "close" if _family_open(stack, family) else "none"
    return "close" if _family_open(stack, family) else "open"


def _family_open(stack: list[tuple[int, int, str]], family: str) -> bool:
    """Whether a quotation of ``family`` is open near the top of the stack."""
    # A loop, not any() over a generator: this runs for most marks.
    for entry in stack[-_DEPTH:]:  # noqa: SIM110
        if _FAMILY[entry[2]] == family:
            return True
    return False


def _close(
    stack: list[tuple[int, int, str]],
    family: str,
    start: int,
    end: int,
    char: str,
    pairs: list[MarkPair],
) -> None:
    """Close the innermost open quotation of ``family``, dropping openers above it."""
    depth = len(stack) - 1  # usually the innermost opener: no range() to build
    lowest = max(len(stack) - _DEPTH, 0)
    while depth >= lowest and _FAMILY[stack[depth][2]] != family:
        depth -= 1
    if depth < lowest:
        return
    open_start, open_end, open_char = stack[depth]
    del stack[depth:]
    pairs.append(
        MarkPair(
            open_start=open_start,
            open_end=open_end,
            close_start=start,
            close_end=end,
            open_char=open_char,
            close_char=char,
        )
    )


def _blank_lines(
    text: str, begin: int, end: int, stack: list[tuple[int, int, str]], pairs: list[MarkPair]
) -> None:
    """Deal with the blank lines between ``begin`` and ``end`` (no mark lies between)."""
    found = _BLANK_LINE.search(text, begin, end)
    while found is not None and stack:
        _paragraph_break(text, found.start(), found.end(), stack, pairs)
        found = _BLANK_LINE.search(text, found.end(), end)


def _paragraph_break(
    text: str, start: int, end: int, stack: list[tuple[int, int, str]], pairs: list[MarkPair]
) -> None:
    """At a blank line, continue a running quotation or end the open ones unclosed."""
    after = _INDENT.match(text, end)
    at = after.end() if after else end
    head = text[at : at + 2]
    family = _FAMILY[stack[0][2]]
    # A straight single opener left open is more likely an apostrophe than the
    # start of a running quotation; a curly one is taken at its word.
    if family == "single" and stack[0][2] != "\u2018":
        _flush(text, stack, start, pairs)
        return
    for mark in (head[:2], head[:1]):
        if mark in _FAMILY and _FAMILY[mark] == family:
            del stack[1:]  # inner quotations end with the paragraph
            return
    _flush(text, stack, start, pairs)
