"""Every Python code block in the docs and the README runs, and shown output matches.

A ```python block runs in a namespace shared by the blocks of its page, from
the repository root. A ```text block directly after it is the output the
block must print. A ```console block holds ``$ rhetorika ...`` commands, each
followed by the output it must print; they run through the CLI's ``main``.
Set-up commands that cannot run here (pip, make) go in ```bash blocks.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
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
    before = set(ROOT.iterdir())
    namespace: dict[str, object] = {"__name__": "__main__"}  # as a pasted script
    blocks = _blocks(page)
    try:
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
    finally:
        for created in set(ROOT.iterdir()) - before:  # files a tutorial step wrote
            if created.is_file():
                created.unlink()


def _console_sessions(body: str) -> list[tuple[str, str]]:
    """Split a console block into (command, expected output) pairs."""
    sessions: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            sessions.append((line[2:], []))
        elif sessions:
            sessions[-1][1].append(line)
    return [(command, "\n".join(output)) for command, output in sessions]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_console_blocks_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each ``$ rhetorika ...`` line in a console block prints what the page shows."""
    from rhetorika.cli import main

    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "88")  # argparse wraps help to the terminal width
    for lang, body, line in _blocks(page):
        if lang != "console":
            continue
        for command, expected in _console_sessions(body):
            words = shlex.split(command)
            assert words[0] == "rhetorika", f"{page.name}:{line}: only rhetorika runs here"
            out = io.StringIO()
            code = main(words[1:], stdout=out, stderr=out)
            assert 0 == code, f"{page.name}:{line}: {command}"
            assert expected.rstrip() == out.getvalue().rstrip(), f"{page.name}:{line}"


def test_every_feature_name_is_documented() -> None:
    """Each column to_features produces appears in the feature reference."""
    import rhetorika

    page = (ROOT / "docs" / "reference" / "features.md").read_text(encoding="utf-8")
    seed = (ROOT / "seeds" / "putin_imitates_peace_negotiations.txt").read_text(encoding="utf-8")
    missing = [
        name
        for name in rhetorika.to_features(rhetorika.analyze(seed))
        if f"| `{name}` |" not in page
    ]
    assert [] == missing
