"""The public surface agrees with itself: __all__, "Added in" lines and the API reference."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path
from types import ModuleType

import pytest

import rhetorika

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = "\n".join(
    page.read_text(encoding="utf-8") for page in sorted((ROOT / "docs" / "reference").glob("*.md"))
)
DOCUMENTED = set(re.findall(r"^::: (rhetorika[\w.]*)", REFERENCE, re.M))


def _public_modules() -> list[str]:
    names = ["rhetorika"]
    for info in pkgutil.walk_packages(rhetorika.__path__, "rhetorika."):
        if not any(part.startswith("_") for part in info.name.split(".")[1:]):
            names.append(info.name)
    return sorted(names)


PUBLIC = _public_modules()


def _module(name: str) -> ModuleType:
    return importlib.import_module(name)


def _documented(module: str, name: str) -> bool:
    """Whether ``module.name`` is rendered somewhere in the reference."""
    if f"rhetorika.{name}" in DOCUMENTED or f"{module}.{name}" in DOCUMENTED:
        return True
    value = getattr(_module(module), name)
    for page_module in DOCUMENTED:
        try:
            other = _module(page_module)
        except ImportError:
            continue
        if name in getattr(other, "__all__", ()) and getattr(other, name) is value:
            return True
    return False


@pytest.mark.parametrize("module", PUBLIC)
def test_every_public_module_lists_its_names(module: str) -> None:
    """Each public module has an __all__ of distinct names it really has."""
    names = _module(module).__all__
    assert len(set(names)) == len(names)
    assert [] == [name for name in names if not hasattr(_module(module), name)]


@pytest.mark.parametrize("module", PUBLIC)
def test_every_exported_name_is_in_the_reference(module: str) -> None:
    """Every name in a public module's __all__ is rendered by the API reference."""
    names = [n for n in _module(module).__all__ if not n.startswith("__")]  # __version__
    missing = [n for n in names if not _documented(module, n)]
    assert [] == missing


@pytest.mark.parametrize("module", PUBLIC)
def test_added_in_lines_agree_with_all(module: str) -> None:
    """A function or class says "Added in version" exactly when its module exports it."""
    found = _module(module)
    exported = set(found.__all__)
    disagree = []
    for name, value in vars(found).items():
        if name.startswith("_") or not (inspect.isfunction(value) or inspect.isclass(value)):
            continue
        if getattr(value, "__module__", None) != module:
            continue
        if ("Added in version" in (value.__doc__ or "")) != (name in exported):
            disagree.append(name)
    assert [] == disagree
