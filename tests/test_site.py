"""The built docs site, read as a new user would: every page, then the tutorials in a browser.

The site is built once with ``mkdocs build --strict``; every page must have a
title and internal links and images that resolve. Each tutorial is then
opened in headless Chromium (installed by ``make install-browser``) and its
rendered text must show its steps in order, with every code block present.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .browser import chromium, dump_dom

ROOT = Path(__file__).resolve().parent.parent
TUTORIALS = sorted((ROOT / "docs" / "tutorials").glob("*.md"))


class _Page(HTMLParser):
    """Collects a page's title, links and image sources."""

    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.links: list[str] = []
        self.images: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
        elif tag == "img" and values.get("src"):
            self.images.append(str(values["src"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The documentation site, built strictly into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
    )
    return out


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)


def test_every_page_has_a_title_and_working_internal_links(site: Path) -> None:
    """Each built page has a title; its internal links and images point at files that exist."""
    pages = _pages(site)
    assert len(pages) >= 20
    broken = []
    for page in pages:
        parsed = _Page()
        parsed.feed(page.read_text(encoding="utf-8"))
        assert parsed.title.strip(), page
        for target in [*parsed.links, *parsed.images]:
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            resolved = (page.parent / unquote(parts.path)).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.exists():
                broken.append(f"{page.relative_to(site)} -> {target}")
    assert [] == broken


_SPHINX_ROLE = re.compile(r":(?:func|class|meth|mod|attr|data|exc|obj):`")


def test_the_api_reference_links_instead_of_showing_sphinx_roles(site: Path) -> None:
    """Reference pages show no raw Sphinx role; docstring cross-references are site links."""
    pages = sorted((site / "reference").rglob("index.html"))
    assert pages
    raw = {
        str(page.relative_to(site)): _SPHINX_ROLE.findall(page.read_text(encoding="utf-8"))
        for page in pages
    }
    assert {} == {page: found for page, found in raw.items() if found}
    api = (site / "reference" / "api" / "index.html").read_text(encoding="utf-8")
    autoref = r'<a class="autorefs autorefs-internal"[^>]*href="#rhetorika\.to_features"'
    links = re.findall(autoref, api)
    assert len(links) >= 2  # docstrings that name to_features link to it


def _headings_and_code(markdown: str) -> tuple[list[str], int]:
    without_code = re.sub(r"^```.*?^```", "", markdown, flags=re.S | re.M)
    headings = [m.group(1).strip() for m in re.finditer(r"^##+ (.+)$", without_code, re.M)]
    return headings, len(re.findall(r"^```", markdown, re.M)) // 2


@pytest.mark.parametrize("tutorial", TUTORIALS, ids=lambda p: p.stem)
def test_tutorial_reads_in_order_in_a_browser(site: Path, tutorial: Path) -> None:
    """Chromium shows the tutorial's steps in the written order, each code block included."""
    if chromium() is None:
        if os.environ.get("CI"):
            pytest.fail("CI runs the browser tests, but no chromium is installed")
        pytest.skip("chromium is not installed; run `make install-browser` (CI installs it)")
    headings, blocks = _headings_and_code(tutorial.read_text(encoding="utf-8"))
    assert headings, tutorial
    dom = dump_dom(site / "tutorials" / tutorial.stem / "index.html")
    rendered = re.sub(r"<[^>]+>", "", dom)
    rendered = rendered.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    position = 0
    for heading in headings:
        plain = re.sub(r"[`*]|\[([^\]]*)\]\([^)]*\)", r"\1", heading)
        found = rendered.find(plain, position)
        assert found != -1, f"{tutorial.name}: step {plain!r} missing or out of order"
        position = found
    assert blocks == dom.count("<pre"), f"{tutorial.name}: code blocks lost in rendering"
