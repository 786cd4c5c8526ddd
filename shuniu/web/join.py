"""ES modules joined, line by line, into one classic script; scripts and styles minified.

Browsers refuse ``<script type="module">`` on pages opened from disk (file://) but run classic
scripts. :func:`join_modules` puts the modules one after another, each after the modules it
imports (the order browsers run them in), drops the import lines and the leading ``export``
words, and wraps it all in one strict function so that nothing leaks into the page's globals.
Minifying is left to rjsmin and rcssmin (:func:`minify_js`, :func:`minify_css`).

The joining works on lines, so the sources keep to a plain style, and every line it cannot
join safely is refused as ``path:line: message``:

- imports are one line each, at the top level: ``import { a, b } from "./sibling.js";``;
  every name must be exported by that module; no import cycles;
- ``export`` only at the start of a line, in front of a ``function``, ``class``, ``const`` or
  ``let`` declaration (no ``export default``, ``export { … }``, ``import * as``, ``as``);
- top-level declarations start at the beginning of their line, and no two modules declare
  the same name (they share one scope); no ``var``, ``import()`` or ``import.meta``;
- no template literal inside another's ``${…}``, and no line break inside ``${…}``: rjsmin
  1.3.0 reads an inner template as code and changes its text (squeezes its spaces, drops
  ``/* … */`` in it). Also checked in the theme's classic scripts (:func:`script_problems`).

A name a module uses without importing it is not detected (the joined script finds another
module's name where a browser would fail): node's unit tests import the sources themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import rcssmin
import rjsmin

from shuniu.problems import Problems

_IMPORT = re.compile(r'import \{\s*([\w$]+(?:\s*,\s*[\w$]+)*)\s*,?\s*\} from "\./([\w.-]+\.js)";?\s*')
_IMPORT_STATEMENT = re.compile(r"import\b(?!\s*[(.])")  # not import() or import.meta
_DECLARATION = re.compile(r"(?:async\s+)?(?:function\*?|class|const|let)\s+([\w$]+)")
_NESTED_TEMPLATE = re.compile(r"\$\{[^}`]*(?:`|$)")  # a backtick, or the line's end, before ${…} closes
_EXPORT_MESSAGE = "unsupported export: write 'export' before a function, class, const or let declaration"
_NESTED_MESSAGE = ("a template literal inside another's ${…}, or a line break in ${…}, is not supported "
                   "(rjsmin would change the text): make the inner part a variable, or join with +")
_REFUSED = (
    (re.compile(r"^var\s"), "'var' is not supported: use 'let' or 'const'"),
    (re.compile(r"(?<![\w.$])import\s*\("), "dynamic import() is not supported: import the module at the top"),
    (re.compile(r"(?<![\w.$])import\.meta\b"), "import.meta is not supported"),
    (_NESTED_TEMPLATE, _NESTED_MESSAGE),
)


class BundleError(Exception):
    """Sources that cannot be published safely; ``problems`` lists every reason."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems.sorted()))


@dataclass(frozen=True)
class Module:
    """One source module: its lines as joined, what it imports, exports and declares."""

    name: str  # file name, e.g. "app.js"
    path: str  # as problems name it, e.g. "shuniu/web/quiz/app.js"
    code: str
    imports: tuple[tuple[tuple[str, ...], str, int], ...]  # (names, sibling's file name, line)
    exports: frozenset[str]
    declared: tuple[tuple[str, int], ...]  # top-level names and their lines


def join_modules(folder: Path, entry: str, *, label: str) -> str:
    """``entry`` (a file in ``folder``) and every module it imports, as one classic script.

    ``label`` is how problems name the folder (e.g. ``shuniu/web/quiz``). Raises
    :class:`BundleError` listing every problem found.
    """
    problems = Problems()
    modules = _load_all(folder, entry, label, problems)
    order = _order(modules, entry, problems)
    _check_names(modules, order, problems)
    if problems:
        raise BundleError(problems)
    parts = [code if code.rstrip().endswith(";") else code.rstrip() + "\n;\n" for code in (modules[n].code for n in order)]
    return '(function () {\n"use strict";\n' + "".join(parts) + "})();\n"


def minify_js(text: str) -> str:
    """``text`` minified by rjsmin (check classic scripts first with :func:`script_problems`)."""
    return rjsmin.jsmin(text) + "\n"


def script_problems(path: str, text: str) -> Problems:
    """The lines of a classic script that rjsmin would change the meaning of."""
    problems = Problems()
    for number, line in enumerate(text.splitlines(), 1):
        if _NESTED_TEMPLATE.search(line):
            problems.add(path, number, _NESTED_MESSAGE)
    return problems


def minify_css(text: str, path: str) -> str:
    """``text`` minified by rcssmin; an unclosed comment (which would swallow the rest) raises :class:`BundleError`."""
    closed_removed = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group().count("\n"), text, flags=re.S)  # lines kept
    unclosed = closed_removed.find("/*")
    if unclosed >= 0:
        problems = Problems()
        problems.add(path, closed_removed.count("\n", 0, unclosed) + 1, "unterminated comment")
        raise BundleError(problems)
    return rcssmin.cssmin(text) + "\n"


def _load_all(folder: Path, entry: str, label: str, problems: Problems) -> dict[str, Module]:
    """Every module reachable from ``entry``, read once each; missing files become problems."""
    modules: dict[str, Module] = {}
    waiting = [(entry, f"{label}/{entry}", 1)]  # a module's name, and the place that asks for it
    while waiting:
        name, asked_in, line = waiting.pop()
        if name in modules:
            continue
        if not (folder / name).is_file():
            problems.add(asked_in, line, f"cannot find './{name}'")
            continue
        module = modules[name] = read_module(name, f"{label}/{name}", (folder / name).read_text(encoding="utf-8"), problems)
        waiting += [(source, module.path, at) for _, source, at in module.imports]
    return modules


def read_module(name: str, path: str, text: str, problems: Problems) -> Module:
    """One module read line by line; what the joining cannot keep safe becomes a problem."""
    kept: list[str] = []
    imports: list[tuple[tuple[str, ...], str, int]] = []
    exports: set[str] = set()
    declared: list[tuple[str, int]] = []
    for number, line in enumerate(text.splitlines(), 1):
        for message in (message for pattern, message in _REFUSED if pattern.search(line)):
            problems.add(path, number, message)
        if _IMPORT_STATEMENT.match(line):
            found = _IMPORT.fullmatch(line)
            if found:
                imports.append((tuple(n.strip() for n in found.group(1).split(",") if n.strip()), found.group(2), number))
            else:
                problems.add(path, number, 'unsupported import: write one line, import { a, b } from "./module.js";')
            continue
        if line.startswith("export"):
            line = line.removeprefix("export ")
            if (found := _DECLARATION.match(line)) is not None:
                exports.add(found.group(1))
            else:
                problems.add(path, number, _EXPORT_MESSAGE)
        if (found := _DECLARATION.match(line)) is not None:
            declared.append((found.group(1), number))
        kept.append(line)
    return Module(name, path, "\n".join(kept) + "\n", tuple(imports), frozenset(exports), tuple(declared))


def _order(modules: dict[str, Module], entry: str, problems: Problems) -> list[str]:
    """Modules in the order browsers run them: each after everything it imports (depth first)."""
    order: list[str] = []
    visiting: list[str] = []

    def visit(name: str) -> None:
        visiting.append(name)
        for _, source, line in modules[name].imports:
            if source in visiting:
                cycle = " -> ".join([*visiting[visiting.index(source):], source])
                problems.add(modules[name].path, line, f"import cycle: {cycle}")
            elif source in modules and source not in order:
                visit(source)
        visiting.pop()
        order.append(name)

    if entry in modules:
        visit(entry)
    return order


def _check_names(modules: dict[str, Module], order: list[str], problems: Problems) -> None:
    """Imported names must be exported; no two top-level declarations may share a name."""
    seen: dict[str, str] = {}
    for module in (modules[name] for name in order):
        for names, source, line in module.imports:
            for missing in (n for n in names if source in modules and n not in modules[source].exports):
                problems.add(module.path, line, f"'./{source}' does not export '{missing}'")
        for declared, line in module.declared:
            if declared in seen:
                problems.add(module.path, line, f"'{declared}' is also declared at the top level of {seen[declared]}; "
                             "the joined modules share one scope: rename one of them")
            else:
                seen[declared] = f"{module.path}:{line}"
