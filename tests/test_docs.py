"""Every Python code block in the docs and the README runs, and shown output matches.

A ```python block runs in a namespace shared by the blocks of its page, from
the repository root. A ```text block directly after it is the output the
block must print.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
_BLOCK = re.compile(r"^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```[ \t]*$", re.S | re.M)


def _blocks(page: Path) -> list[tuple[str, str, int]]:
    text = page.read_text(encoding="utf-8")
    return [
        (m.group("lang"), m.group("body"), text.count("\n", 0, m.start()) + 1)
        for m in _BLOCK.finditer(text)
    ]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_code_blocks_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each page's Python blocks run in order and print what the page shows."""
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    blocks = _blocks(page)
    for index, (lang, body, line) in enumerate(blocks):
        if lang != "python":
            continue
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(body, f"{page.name}:{line}", "exec"), namespace)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following and following[0] == "text":
            expected = following[1]
            assert expected.rstrip() == out.getvalue().rstrip(), f"{page.name}:{line}"
