"""The package's shape: layers that follow the data's way, imports only
downward, no import cycle, short modules.

    package → text → data → render → extension → publish → cli → the package's own setup

Read from the sources with ``ast`` (every import: at the top, in functions,
under ``TYPE_CHECKING``), so a lazy import cannot hide an upward one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import sphinx_awards

PACKAGE = Path(sphinx_awards.__file__).parent
#: Lowest first; a module may import its own layer and those before it.
LAYERS = ["package", "text", "data", "render", "extension", "publish", "cli", "__init__", "__main__"]
#: Written by a tool (``make schema``), not by hand.
GENERATED = {"data/schema_code.py"}
MAX_LINES = 350


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _layer(module: str) -> int:
    parts = module.split(".")
    if len(parts) == 1:
        return LAYERS.index("__init__")
    return LAYERS.index(parts[1])


def _imports(module: str) -> set[str]:
    """The package's modules that ``module`` imports."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in MODULES else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name in MODULES and name != module}


GRAPH = {module: _imports(module) for module in MODULES}


def test_the_layers_are_what_the_package_holds():
    assert {module.split(".")[1] for module in MODULES if "." in module} | {"__init__"} == set(LAYERS) - {
        "__main__"
    } | {"__main__"}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_only_downward(module):
    upward = sorted(target for target in GRAPH[module] if _layer(target) > _layer(module))
    assert upward == [], f"{module} imports from a higher layer"


def test_no_import_cycle():
    """Depth-first search over every import: a module reached again on the
    path that leads to it is a cycle."""
    cycles = []
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in sorted(GRAPH[module]):
            if state.get(target) == "open":
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = "done"

    for module in sorted(MODULES):
        if module not in state:
            visit(module, [module])
    assert cycles == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_hand_written_modules_are_short(module):
    relative = MODULES[module].relative_to(PACKAGE).as_posix()
    if relative in GENERATED:
        return
    lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{relative}: {lines} lines; split it by what each part does"


def test_the_graph_is_read():
    """The checks above see imports at all (a parser that found none would pass them)."""
    assert "sphinx_awards.data.model" in GRAPH["sphinx_awards.data.validation"]
    assert "sphinx_awards.render.tree" in GRAPH["sphinx_awards.extension.directives"]  # a lazy import
    assert sum(len(targets) for targets in GRAPH.values()) > 60
