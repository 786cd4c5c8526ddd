"""No module of the `shuniu` package imports, directly or through others, a module that imports it.

Imports are read with `ast` from the sources, including those inside functions (a late import
is still a circle, only hidden); imports under ``if TYPE_CHECKING:`` are left out, as they do not
run. Feature modules are listed in shuniu/features.py, which only the check and the build read.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import PROJECT, write


def module_files(package: Path) -> dict[str, Path]:
    """Every module of ``package`` by dotted name (``shuniu.quiz.load``); a package by its __init__."""
    modules = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def _runtime_imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    found: list[ast.Import | ast.ImportFrom] = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            found += [item for child in node.orelse for item in _runtime_imports(ast.Module([child], []))]
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        found += _runtime_imports(node)
    return found


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that module ``name`` imports when it runs."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
            continue
        base = node.module or ""
        if node.level:
            base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1], *([base] if base else [])])
        targets.update(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names)
    return {target for target in targets if target in modules and target != name}


def import_cycles(package: Path) -> list[list[str]]:
    """One circle of imports (first module repeated at the end) per group of modules caught in one."""
    modules = module_files(package)
    graph = {name: sorted(imports_of(name, path, modules)) for name, path in modules.items()}
    cycles: list[list[str]] = []
    done: set[str] = set()

    def visit(name: str, trail: list[str]) -> None:
        if name in trail:
            cycle = trail[trail.index(name):] + [name]
            if not any(set(cycle) <= set(known) for known in cycles):
                cycles.append(cycle)
            return
        if name in done:
            return
        for target in graph[name]:
            visit(target, [*trail, name])
        done.add(name)

    for name in graph:
        visit(name, [])
    return cycles


def test_the_shuniu_package_has_no_import_cycle():
    cycles = import_cycles(PROJECT / "shuniu")
    assert cycles == [], "import cycles:\n" + "\n".join(" -> ".join(cycle) for cycle in cycles)


def test_a_cycle_through_a_late_import_is_found_and_listed(tmp_path):
    write(tmp_path, "pkg/__init__.py", "")
    write(tmp_path, "pkg/check.py", "def run():\n    from pkg import features\n    return features\n")
    write(tmp_path, "pkg/features.py", "from pkg.quiz import load\n")
    write(tmp_path, "pkg/quiz/__init__.py", "")
    write(tmp_path, "pkg/quiz/load.py", "from ..check import run\n")
    write(tmp_path, "pkg/typed.py", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import user\n")
    write(tmp_path, "pkg/user.py", "import pkg.typed\n")
    assert import_cycles(tmp_path / "pkg") == [["pkg.check", "pkg.features", "pkg.quiz.load", "pkg.check"]]
