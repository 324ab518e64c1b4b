"""The package's imports point one way, down its layers, and never in a circle.

Every import statement counts, those inside functions and under
``TYPE_CHECKING`` included, as ``ast`` finds them. The layers, lowest first,
are listed in ``LAYERS``; docs/explanation/architecture.md explains them. A
new module must be placed in a layer here, so its place is a decision.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "src" / "rhetorika"
TOP = "rhetorika"

# Lowest first. A module may import modules of its own layer or of a lower one.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("base", ("_version", "exceptions", "_checks", "extra", "typing", "_warnings", "_progress")),
    (
        "text",
        ("_contractions", "_text", "_wordclasses", "words", "sentences", "quotemarks", "_doc"),
    ),
    (
        "data",
        (
            "data",
            "data._affect",
            "data._model_file",
            "lexicons",
            "lexicons.user",
            "syllables",
            "examples",
        ),
    ),
    ("results", ("_display", "_deferred", "_pickling", "results", "_report_sentences")),
    (
        "extractors",
        (
            "extractors",
            "extractors._hedge_entry",
            "extractors._hedge_rules",
            "extractors._hedge_lexicon",
            "extractors._booster_judge",
            "extractors.hedges",
            "extractors.boosters",
            "extractors._quote_features",
            "extractors._quote_model",
            "extractors.quotes",
            "extractors.readability",
            "lexicons.loaded",
            "extractors._loaded_judge",
            "extractors._loaded_candidates",
            "extractors.loaded",
        ),
    ),
    ("analyzer", ("voice", "_parallel", "analyzer", "pipeline", "_forkserver")),
    (
        "adapters",
        (
            "serialize",
            "_table",
            "spacy",
            "render",
            "textreport",
            "extra.arrow",
            "extra.dask",
            "extra.pandas",
            "extra.sklearn",
        ),
    ),
    ("package", ("",)),  # the public facade, rhetorika/__init__.py
    (
        "cli",
        (
            "cli._exits",
            "cli._signals",
            "cli._options",
            "cli._inputs",
            "cli._output",
            "cli._features",
            "cli",
            "cli.__main__",
        ),
    ),
)


def _name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_name(path): path for path in sorted(ROOT.rglob("*.py"))}


MODULES = _modules()
RANK = {module: rank for rank, (_, names) in enumerate(LAYERS) for module in names}


def _resolve(name: str) -> str | None:
    """The package module ``name`` (dotted, absolute) lives in, or ``None`` if outside."""
    if name != TOP and not name.startswith(f"{TOP}."):
        return None
    local = name[len(TOP) + 1 :]
    while local not in MODULES:
        if "." not in local:
            return "" if local else None
        local = local.rsplit(".", 1)[0]
    return local


def _imports(module: str, source: str | None = None) -> set[str]:
    """Package modules that ``module`` imports anywhere in its source (or in ``source``)."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    if source is None:
        source = path.read_text(encoding="utf-8")
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = [TOP, *package.split(".")] if package else [TOP]
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        for name in names:
            target = _resolve(name)
            if target is not None and target != module:
                found.add(target)
    return found


GRAPH = {module: _imports(module) for module in MODULES}


def _function_level_imports(source: str) -> list[int]:
    """Lines of imports of package modules made inside a function of ``source``."""
    tree = ast.parse(source)
    lines = []
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [("." * node.level) + (node.module or "")]
            else:
                continue
            if any(name.startswith((TOP, ".")) for name in names):
                lines.append(node.lineno)
    return lines


def test_every_module_has_a_layer() -> None:
    """Each module of the package is placed in exactly one layer."""
    placed = [module for _, names in LAYERS for module in names]
    assert sorted(MODULES) == sorted(placed)


def test_no_upward_import() -> None:
    """No module imports a module of a higher layer."""
    upward = sorted(
        f"{module or TOP} ({LAYERS[RANK[module]][0]}) imports "
        f"{target or TOP} ({LAYERS[RANK[target]][0]})"
        for module, targets in GRAPH.items()
        for target in targets
        if RANK[target] > RANK[module]
    )
    assert [] == upward


def _cycles() -> list[list[str]]:
    found: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(module: str, stack: list[str]) -> None:
        state[module] = 1
        stack.append(module)
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                found.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target, stack)
        stack.pop()
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [])
    return found


def test_no_import_cycle() -> None:
    """The package's import graph has no cycle, within a layer either."""
    assert [] == _cycles()


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_package_import_inside_functions(module: str) -> None:
    """Package modules are imported at the top of a module, never inside a function."""
    assert [] == _function_level_imports(MODULES[module].read_text(encoding="utf-8"))


def test_the_walk_sees_imports_inside_functions() -> None:
    """An import hidden in a function is found, resolved and counted as upward."""
    source = "import re\n\n\ndef f():\n    from ..analyzer import analyze\n"
    assert {"analyzer"} == _imports("extractors.hedges", source)
    assert [5] == _function_level_imports(source)
    assert RANK["analyzer"] > RANK["extractors.hedges"]


def _private_imports(source: str) -> list[str]:
    """Private names (``_x``, not modules) that ``source`` imports from package modules."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.ImportFrom) or not (node.module or "").startswith(TOP):
            continue
        for alias in node.names:
            name = f"{node.module}.{alias.name}"
            if alias.name.startswith("_") and not alias.name.startswith("__"):
                target = _resolve(name)
                if target is None or not target.endswith(alias.name):  # not a module
                    found.append(name)
    return found


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_private_name_crosses_a_module_boundary(module: str) -> None:
    """A module imports no private function, class or constant of another (private modules may)."""
    assert [] == _private_imports(MODULES[module].read_text(encoding="utf-8"))


def test_the_private_import_check_can_fail() -> None:
    """Importing a private function is caught; importing a private module is not."""
    assert ["rhetorika.analyzer._check_text"] == _private_imports(
        "from rhetorika.analyzer import _check_text\nfrom rhetorika.cli import _features\n"
    )
