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

__all__ = ["MARKS", "MarkPair", "MarkTuple", "pair_marks", "pair_quotes"]

MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u2039\u203a\u201e\u201a"
"""Every single-character quotation mark the pairing knows.

Two-character marks are known too: two apostrophes (``''``) and two backticks.
"""

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


def _class_of(chars: frozenset[str]) -> str:
    """A regular-expression class body of ``chars``."""
    return "".join(re.escape(char) for char in sorted(chars))


# A mark and what its neighbours let it do, named by the branch that matched:
# "both" (may open and close: an opening bracket or dash before, closing
# punctuation after), "opens" (start of text, space or opening punctuation
# before, a non-space after), "closes" (a non-space before; end of text,
# space or closing punctuation after) or "neither". The expression's \s is
# str.isspace and [^\W_] is str.isalnum, as the rules below are written.
#
# It opens with the class of the marks' first characters, so the regex
# engine skips every other character in its fast set loop (a leading
# lookahead is tried at every offset: three times as slow over news). The
# rest reads the mark's first character behind it: `_REST_OF_MARK` is empty
# after a double mark or guillemet, takes the second character of '' and ``,
# and lets through ' (not followed by another), ‘ and ’ unless a letter or
# digit stands on each side ("don't", "Ukraine’s"), so the Python loop only
# sees marks that may quote. At any offset at most one of these holds, so
# every branch below finds the same mark there.
_REST_OF_MARK = (
    r"(?:(?<=[\"\u201c\u201d\u00ab\u00bb\u2039\u203a\u201e\u201a])|(?<=')'|(?<=`)`"
    r"|(?:(?<=')(?!')|(?<=[\u2018\u2019]))(?:(?<![^\W_].)|(?![^\W_])))"
)
_BEFORE = _class_of(_BEFORE_OPEN)
_AFTER = _class_of(_AFTER_CLOSE)
_MARK_IN_CONTEXT = re.compile(
    r"[\"'`\u201c\u201d\u2018\u2019\u00ab\u00bb\u2039\u203a\u201e\u201a](?:"
    rf"(?P<both>(?<=[{_BEFORE}].){_REST_OF_MARK}(?=[{_AFTER}]))"
    rf"|(?P<opens>(?<![^\s{_BEFORE}].){_REST_OF_MARK}(?=\S))"
    rf"|(?P<closes>(?<=\S.){_REST_OF_MARK}(?![^\s{_AFTER}]))"
    rf"|(?P<neither>{_REST_OF_MARK}))",
    re.DOTALL,
)
# Words that begin with an apostrophe standing for missing letters.
# ("rock 'n' roll"; "'em", but not "the word 'cause'", which is quoted).
_ELISIONS = re.compile(
    r"n['\u2019\u2018](?=\s)|(?:em|til|tis|twas|cause|bout|round|ol|nuff|sup|kay)"
    r"(?![^\W_]|['\u2019])",
    re.IGNORECASE,
)
_DECADE = re.compile(r"\d\d(?:s|\b)")


MarkTuple = tuple[int, int, int, int | None, str, str | None]
"""A `MarkPair`'s fields as a plain tuple, in the same order."""


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

    @classmethod
    def from_tuple(cls, mark: MarkTuple) -> MarkPair:
        """The pair of a `pair_marks()` tuple (its fields in order).

        Added in version 0.1.0.
        """
        open_start, open_end, close_start, close_end, open_char, close_char = mark
        return cls(
            open_start=open_start,
            open_end=open_end,
            close_start=close_start,
            close_end=close_end,
            open_char=open_char,
            close_char=close_char,
        )


# The openers waiting for their closing mark: (start, end, mark, family).
_Stack = list[tuple[int, int, str, str]]


def _flush(text: str, stack: _Stack, end: int, pairs: list[MarkTuple]) -> None:
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
    for start, stop, char, family in stack:
        if family == "single":
            continue
        pairs.append((start, stop, max(stop, last), None, char, None))
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
    return [MarkPair.from_tuple(mark) for mark in pair_marks(text)]


def pair_marks(text: str) -> list[MarkTuple]:
    """Like `pair_quotes()`, each quotation a tuple of `MarkPair`'s fields in order.

    The extractor reads these: a tuple costs far less to build than a
    ``MarkPair``, and a news article has dozens of quotations.

    Added in version 0.1.0.
    """
    pairs: list[MarkTuple] = []
    stack: _Stack = []
    skip_until = 0
    scanned = 0  # blank lines before this offset are dealt with
    for match in _MARK_IN_CONTEXT.finditer(text):
        start, end = match.span()
        if start < skip_until:
            continue
        if stack and text.find("\n", scanned, start) != -1:
            _blank_lines(text, scanned, start, stack, pairs)
        scanned = end
        char = text[start:end]
        family = _FAMILY[char]
        context = match.lastgroup
        if context == "opens":
            if char in _APOSTROPHES:
                elision = _ELISIONS.match(text, end)
                if elision:
                    skip_until = elision.end()  # also skips the second mark of 'n'
                    continue
                if _DECADE.match(text, end):
                    continue  # the '90s
        elif context == "closes":
            if char not in _ALWAYS_OPEN:  # those never close
                _close(stack, family, start, end, char, pairs)
            continue
        elif char not in _ALWAYS_OPEN and not _opens_undecided(char, family, stack):
            _close(stack, family, start, end, char, pairs)
            continue
        # The mark opens a quotation.
        if stack and stack[-1][3] == family:
            if _line_start(text, start):
                continue  # the next paragraph of a running quotation
            stack.pop()  # the earlier opener was a stray
        if len(stack) >= _MAX_STACK:
            del stack[0]  # bounds nesting, so nested contents stay linear in total
        stack.append((start, end, char, family))
    if stack:
        _blank_lines(text, scanned, len(text), stack, pairs)
    _flush(text, stack, len(text), pairs)
    # Each opener ends at most one pair, so the opening offsets differ and
    # the tuples sort by them, as by their contents' offsets.
    pairs.sort()
    return pairs


def _opens_undecided(char: str, family: str, stack: _Stack) -> bool:
    """Whether a mark that may both open and close (or neither) opens; if not, it closes.

    A closing mark that finds no open quotation of its family is then no
    quotation mark at all (`_close` leaves the stack alone).
    """
    if char == "\u201c" and stack and stack[-1][2] == "\u201e":
        return False  # German „...“
    if char in _OPENERS:
        return True
    if char in _CLOSERS:
        return False
    return not _family_open(stack, family)


def _family_open(stack: _Stack, family: str) -> bool:
    """Whether a quotation of ``family`` is open near the top of the stack."""
    # A loop, not any() over a generator: this runs for many marks.
    for entry in stack[-_DEPTH:]:  # noqa: SIM110
        if entry[3] == family:
            return True
    return False


def _close(
    stack: _Stack, family: str, start: int, end: int, char: str, pairs: list[MarkTuple]
) -> None:
    """Close the innermost open quotation of ``family``, dropping openers above it.

    Nothing happens when none is open within `_DEPTH` of the top.
    """
    depth = len(stack) - 1  # usually the innermost opener: no range() to build
    lowest = max(len(stack) - _DEPTH, 0)
    while depth >= lowest and stack[depth][3] != family:
        depth -= 1
    if depth < lowest:
        return
    open_start, open_end, open_char, _ = stack[depth]
    del stack[depth:]
    pairs.append((open_start, open_end, start, end, open_char, char))


def _blank_lines(text: str, begin: int, end: int, stack: _Stack, pairs: list[MarkTuple]) -> None:
    """Deal with the blank lines between ``begin`` and ``end`` (no mark lies between)."""
    found = _BLANK_LINE.search(text, begin, end)
    while found is not None and stack:
        _paragraph_break(text, found.start(), found.end(), stack, pairs)
        found = _BLANK_LINE.search(text, found.end(), end)


def _paragraph_break(
    text: str, start: int, end: int, stack: _Stack, pairs: list[MarkTuple]
) -> None:
    """At a blank line, continue a running quotation or end the open ones unclosed."""
    after = _INDENT.match(text, end)
    at = after.end() if after else end
    head = text[at : at + 2]
    family = stack[0][3]
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
