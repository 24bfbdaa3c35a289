"""The package's layering (docs/architecture.md): the model is the ground floor, no import circles anywhere, the
core imports no framework, no adapter imports another adapter.

The import graph is read from the sources with :mod:`ast`: every ``import`` and ``from … import`` counts, at
module level, inside functions and under ``if TYPE_CHECKING`` alike (a circle that only type checkers see is still
a circle for a reader). ``from package import name`` is an edge to ``package.name`` when that is a module, else to
``package`` itself.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "rekisterikit"

#: The core: what a shop gets without any extra. None of it may import a framework.
CORE = ("model", "load", "findings", "laws", "errors", "validate", "render", "consent", "lint", "records")
#: Third-party packages that belong to an adapter or an extra, never to the core.
FRAMEWORKS = ("django", "flask", "flask_babel", "flask_sqlalchemy", "flask_wtf", "werkzeug", "jinja2", "sqlalchemy",
              "playwright", "jwt", "psycopg", "openpyxl")
ADAPTERS = ("rekisterikit.contrib.django", "rekisterikit.contrib.flask", "rekisterikit.contrib.saleor")
#: What the model may import besides its own modules.
MODEL_ALLOWED = ("attrs", "__future__")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    """Every module of the package by its dotted name."""
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path) -> Iterator[str]:
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = name.split(".") if is_package else name.split(".")[:-1]
                package = package[: len(package) - (node.level - 1)]
                base = ".".join([*package, *([base] if base else [])])
            for alias in node.names:
                full = f"{base}.{alias.name}"
                yield full if full in modules() else base


@cache
def imports() -> dict[str, frozenset[str]]:
    """Every module's imports (dotted names, third-party ones included)."""
    return {name: frozenset(_imports(name, path)) for name, path in modules().items()}


def internal_graph() -> dict[str, set[str]]:
    """The import graph between the package's own modules."""
    known = modules()
    return {name: {d for d in deps if d in known and d != name} for name, deps in imports().items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))
    try:
        for v in sorted(graph):
            if v not in index:
                visit(v)
    finally:
        sys.setrecursionlimit(limit)  # other tests rely on the default limit (deep-nesting load errors)
    return found


def _in(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def test_there_is_no_import_circle_in_the_package() -> None:
    """No group of modules imports itself round, not even through type-checking-only imports."""
    assert [] == cycles(internal_graph())


def test_the_circle_detector_finds_the_circles_the_package_once_had() -> None:
    """The detector sees the three circles this test exists to keep out (model↔load, Flask, validate)."""
    graph = internal_graph()
    graph["rekisterikit.model.statement"].add("rekisterikit.load")
    graph["rekisterikit.contrib.flask.csrf"].add("rekisterikit.contrib.flask.extension")
    graph["rekisterikit.validate.registry"].add("rekisterikit.validate.context")
    found = cycles(graph)
    assert any("rekisterikit.model.statement" in c and "rekisterikit.load" in c for c in found)
    assert any("rekisterikit.contrib.flask.csrf" in c and "rekisterikit.contrib.flask.extension" in c for c in found)
    assert any("rekisterikit.validate.registry" in c and "rekisterikit.validate.context" in c for c in found)


def test_the_model_imports_only_the_standard_library_attrs_and_itself() -> None:
    """Every import in rekisterikit/model/ is the standard library, attrs, or another model module."""
    stdlib = sys.stdlib_module_names
    wrong = {
        f"{name} imports {dep}"
        for name, deps in imports().items() if _in(name, "rekisterikit.model")
        for dep in deps
        if not (_in(dep, "rekisterikit.model") or dep.split(".")[0] in stdlib or dep.split(".")[0] in MODEL_ALLOWED)
    }
    assert set() == wrong


def test_importing_the_model_loads_no_other_subpackage() -> None:
    """In a fresh interpreter, ``import rekisterikit.model`` loads no rekisterikit module outside the model."""
    code = ("import sys, rekisterikit.model\n"
            "print('\\n'.join(sorted(m for m in sys.modules if m.startswith('rekisterikit'))))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert [] == [m for m in loaded if m != "rekisterikit" and not _in(m, "rekisterikit.model")]


@pytest.mark.parametrize("part", CORE)
def test_the_core_imports_no_framework(part: str) -> None:
    """Model, loader, findings, laws, validators, renderer, consent, linter and records import no framework."""
    package = f"rekisterikit.{part}"
    wrong = {
        f"{name} imports {dep}"
        for name, deps in imports().items() if _in(name, package)
        for dep in deps if dep.split(".")[0] in FRAMEWORKS or _in(dep, "rekisterikit.contrib")
        or _in(dep, "rekisterikit.testing")
    }
    assert set() == wrong


@pytest.mark.parametrize("adapter", ADAPTERS)
def test_no_adapter_imports_another_adapter(adapter: str) -> None:
    """The Django, Flask and Saleor adapters each stand on the core alone."""
    others = [a for a in ADAPTERS if a != adapter]
    wrong = {
        f"{name} imports {dep}"
        for name, deps in imports().items() if _in(name, adapter)
        for dep in deps if any(_in(dep, other) for other in others)
    }
    assert set() == wrong


def test_the_graph_is_read_from_every_module() -> None:
    """The checks above see the whole package (a guard against a silently empty graph)."""
    graph = internal_graph()
    assert {"rekisterikit.model", "rekisterikit.load", "rekisterikit.render.document.builder",
            "rekisterikit.contrib.flask.state", "rekisterikit.validate.registry"} <= set(graph)
    assert "rekisterikit.model.values" in graph["rekisterikit.model.statement"]
