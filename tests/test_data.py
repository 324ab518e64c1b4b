"""Every shipped data file lives in rhetorika.data, with one header format and one reader."""

from __future__ import annotations

import subprocess
import sys
from importlib.resources import files
from importlib.util import find_spec
from pathlib import Path

import pytest

import rhetorika
from rhetorika.data import available_lexicons, builtin_path, parse_header, read_builtin
from rhetorika.extractors.readability import EASY_WORDS, easy_words

SHIPPED = (
    "affect.v1.tsv",
    "dale_chall.v1.tsv",
    "hedges.v1.tsv",
    "loaded.v1.tsv",
    "syllables.v1.tsv",
)


def test_every_data_file_is_in_the_data_package() -> None:
    """The five shipped tables are rhetorika.data's, and nothing else is listed."""
    assert SHIPPED == available_lexicons()


@pytest.mark.parametrize("name", SHIPPED)
def test_every_data_file_has_the_one_header(name: str) -> None:
    """Each file's first line is the one header, naming the file's table and version."""
    first = files("rhetorika.data").joinpath(name).read_text(encoding="utf-8").split("\n")[0]
    header = parse_header(first, path=name)
    assert name == f"{header.name}.v{header.version}.tsv"


def test_errors_name_the_data_path() -> None:
    """Errors about a shipped file name it under rhetorika/data/."""
    assert "rhetorika/data/hedges.v1.tsv" == builtin_path("hedges.v1.tsv")


def test_the_dale_chall_list_is_textstats() -> None:
    """The shipped Dale-Chall list equals the installed textstat's easy_words.txt."""
    spec = find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("textstat (a test dependency) is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources/en/easy_words.txt"
    expected = frozenset(w.strip().lower() for w in path.read_text("utf-8").split() if w.strip())
    assert expected == easy_words()
    _, rows = read_builtin(EASY_WORDS, required=("word",))
    assert len(expected) == len(rows)


def test_readability_needs_no_textstat() -> None:
    """Hiding textstat (import and install directory) changes no readability count."""
    text = "The water is cold. Negotiations failed, said the unfamiliar spokesperson."
    expected = rhetorika.analyze(text, extractors=["readability"]).readability
    assert expected is not None
    code = (
        "import importlib.util, sys\n"
        "sys.modules['textstat'] = None\n"
        "real = importlib.util.find_spec\n"
        "importlib.util.find_spec = lambda name, package=None: (\n"
        "    None if name.startswith('textstat') else real(name, package))\n"
        "import rhetorika\n"
        "r = rhetorika.analyze(sys.argv[1], extractors=['readability']).readability\n"
        "print(r.counts.unfamiliar_words, r.counts.difficult_words)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, text], check=True, capture_output=True, text=True
    )
    counts = expected.counts
    assert f"{counts.unfamiliar_words} {counts.difficult_words}" == done.stdout.strip()
