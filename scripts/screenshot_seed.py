"""Save the picture of the highlighted seed article used in the docs.

Renders ``seeds/putin_imitates_peace_negotiations.txt`` with every extractor
and has headless Chromium take a screenshot, written to
``docs/images/highlighted-seed.png``. Run it (``make screenshot``) whenever an
extractor or the page's look changes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import screenshot  # noqa: E402

import rhetorika  # noqa: E402

SEED = ROOT / "seeds" / "putin_imitates_peace_negotiations.txt"
TARGET = ROOT / "docs" / "images" / "highlighted-seed.png"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=1100)
    parser.add_argument("--height", type=int, default=2150)
    parser.add_argument("-o", "--output", type=Path, default=TARGET)
    args = parser.parse_args()
    text = SEED.read_text(encoding="utf-8")
    page_html = rhetorika.render(text, title=str(SEED.relative_to(ROOT)))
    with tempfile.TemporaryDirectory() as directory:
        page = Path(directory) / "seed.html"
        page.write_text(page_html, encoding="utf-8")
        screenshot(page, args.output, width=args.width, height=args.height)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
