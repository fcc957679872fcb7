"""The layers point one way: no import cycle between the package's parts (its top-level
modules and its subpackages), read from the source as Python reads it."""

from __future__ import annotations

import ast
from collections import defaultdict

from .conftest import REPO

PACKAGE = REPO / "scripts" / "goldenthread"


def _part(module: list[str]) -> str:
    """The part of the package a module belongs to: 'check' for goldenthread.check.ids."""
    return module[1] if len(module) > 1 else module[0]


def imports_between_parts() -> dict[str, dict[str, set[str]]]:
    """part -> the parts it imports -> the files that do, from every relative import."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for path in PACKAGE.rglob("*.py"):
        module = ["goldenthread", *path.relative_to(PACKAGE).with_suffix("").parts]
        is_package = module[-1] == "__init__"
        if is_package:
            module.pop()
        here = _part(module)
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not node.level:
                continue
            base = module[: len(module) - node.level + (1 if is_package else 0)]
            targets = ([[*base, *node.module.split(".")]] if node.module
                       else [[*base, alias.name] for alias in node.names])
            for target in targets:
                if _part(target) != here:
                    found[here][_part(target)].add(path.relative_to(PACKAGE).as_posix())
    return found


def cycles(graph: dict[str, dict[str, set[str]]]) -> list[list[str]]:
    """Each strongly connected group of more than one part (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph.get(node, {}):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in list(graph):
        if node not in index:
            visit(node)
    return found


def test_the_scan_sees_the_imports_it_should() -> None:
    graph = imports_between_parts()
    assert "generate/framework.py" in graph["generate"]["model"]
    assert "check" in graph["validation"] and "load" in graph["check"]
    assert cycles({"a": {"b": set()}, "b": {"c": set()}, "c": {"a": set()}}) == [["a", "b", "c"]]


def test_no_import_cycle_between_parts_of_the_package() -> None:
    graph = imports_between_parts()
    found = {" <-> ".join(group): {f"{a} -> {b}": sorted(graph[a][b]) for a in group for b in group
                                   if b in graph[a]} for group in cycles(graph)}
    assert found == {}


def test_the_lower_layers_import_nothing_above_them() -> None:
    """load -> check -> generate -> publish: the reading and checking layers never reach up."""
    graph = imports_between_parts()
    above = {"generate", "publish", "publication", "export", "mkdocs_plugin", "audit", "scaffold",
             "cli", "pr_comment", "init"}
    for lower in ("model", "problems", "load", "check", "paths", "writer", "identity", "settings"):
        assert not set(graph.get(lower, {})) & above, (lower, dict(graph.get(lower, {})))
