"""The highlighted page in a real browser: headless Chromium draws it and reads it back.

Chromium is installed by ``make install-browser``, which ``make test`` runs.
Where it is missing the test is skipped with that reason, except under CI
(``CI`` set), where a missing browser is a failure.
"""

from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path

import pytest

import rhetorika

from .browser import chromium, dump_dom, read_png, screenshot
from .htmlparse import parse
from .strategies import SEED

if chromium() is None:
    if os.environ.get("CI"):
        pytest.fail("CI runs the browser test, but `make install-browser` installed no chromium")
    pytest.skip(
        "chromium is not installed; run `make install-browser` (CI installs it)",
        allow_module_level=True,
    )

WIDTH, HEIGHT = 1100, 2300
TEXT_COLOUR = (0x1F, 0x29, 0x37)
WHITE = (255, 255, 255)
# Solid backgrounds of the highlight classes, as in render.py's style sheet.
BACKGROUNDS = {
    "rk-hedge": (0xFD, 0xE6, 0x8A),
    "rk-booster": (0xBB, 0xF7, 0xD0),
    "rk-scare": (0xF5, 0xD0, 0xFE),
    "rk-direct": (0xDB, 0xEA, 0xFE),
}
INNER_TEXT = (
    "<script>document.body.setAttribute('data-inner-text',"
    " document.querySelector('.rk-text').innerText);</script>"
)


class _BodyAttribute(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.value: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.value = dict(attrs).get("data-inner-text")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed article rendered as a page on disk."""
    path = tmp_path_factory.mktemp("browser") / "seed.html"
    path.write_text(rhetorika.render(SEED), encoding="utf-8")
    return path


def test_screenshot_is_not_blank(page: Path, tmp_path: Path) -> None:
    """Chromium draws the page: text pixels and every highlight colour in use are on screen."""
    png = tmp_path / "seed.png"
    screenshot(page, png, width=WIDTH, height=HEIGHT)
    image = read_png(png)
    assert (HEIGHT, WIDTH, 3) == image.pixels.shape
    colours = image.colours()
    total = WIDTH * HEIGHT
    assert colours[WHITE] < 0.98 * total
    assert colours[TEXT_COLOUR] > 0.005 * total
    html = page.read_text(encoding="utf-8")
    used = [name for name in BACKGROUNDS if f'class="{name}' in html.split("rk-text", 2)[-1]]
    for name in used:
        assert colours[BACKGROUNDS[name]] > 50, f"{name} highlights are not drawn"


def test_visible_text_is_the_original(page: Path) -> None:
    """The text Chromium parsed, and the text it lays out (innerText), equal the article."""
    parsed = parse(dump_dom(page))
    assert parsed.balanced
    assert SEED == parsed.text
    probe = page.with_name("probe.html")
    probe.write_text(
        page.read_text(encoding="utf-8").replace("</body>", INNER_TEXT + "</body>"),
        encoding="utf-8",
    )
    reader = _BodyAttribute()
    reader.feed(dump_dom(probe))
    assert SEED == reader.value


def test_tooltips_and_overlap_legend_reach_the_browser(page: Path) -> None:
    """Chromium sees each highlight's tooltip (kind, category, rule) and the overlap note."""
    probe = page.with_name("tooltip.html")
    script = (
        "<script>document.body.setAttribute('data-inner-text',"
        " document.querySelector('.rk-text mark.rk-hedge').title + '|' +"
        " document.querySelector('.rk-note').innerText);</script>"
    )
    probe.write_text(
        page.read_text(encoding="utf-8").replace("</body>", script + "</body>"),
        encoding="utf-8",
    )
    reader = _BodyAttribute()
    reader.feed(dump_dom(probe))
    assert reader.value is not None
    title, note = reader.value.split("|", 1)
    first_hedge = rhetorika.analyze(SEED).hedges[0]
    assert title.startswith("hedge \u00b7 attribution")
    assert first_hedge.rule is not None  # the seed's first hedge was accepted by a rule
    assert f"rule {first_hedge.rule}" in title
    assert "innermost" in note
