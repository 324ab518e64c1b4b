"""Loading the repository's scripts (``scripts/``, ``benchmarks/``) as modules in tests.

A script is run from its own folder's context: ``python scripts/x.py`` puts
``scripts/`` first on ``sys.path``, so a script may import the small shared
modules beside it. Loading one here does the same.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def load_script(relative: str) -> ModuleType:
    """The script at ``ROOT / relative``, imported under its file's stem."""
    path = ROOT / relative
    folder = str(path.parent)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module
