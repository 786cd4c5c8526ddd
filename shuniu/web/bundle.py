"""ES modules into one classic script, for pages opened from disk (file://).

Browsers refuse ``<script type="module">`` and ``fetch()`` on file:// pages, but run classic
scripts. The bundle puts the modules one after another, imported before importing (the order
in which browsers run them), drops the ``import`` statements and the ``export`` keywords, and
wraps everything in one strict function so that nothing leaks into the page's globals.

All modules then share one scope. That is safe only for a small, plain subset of modules, and
the bundler refuses anything outside it with a ``path:line: message`` problem, so that an edit
cannot break the published script silently:

- ``import { a, b } from "./sibling.js";`` (or ``import "./sibling.js";``) at the top level;
  every imported name must be exported by that module; no import cycles;
- ``export`` only in front of a declaration (``export function``, ``export const``...);
- no two modules may declare the same top-level name (exported or not): rename one;
- not supported: ``export default``, ``export { ... }``, ``import * as``, default imports,
  ``as`` renames, ``import()`` and ``import.meta``, ``var``, destructuring at the top level.

A module that uses a name it forgot to import is not detected (the bundle would find another
module's name where the browser would have failed): node's unit tests import the sources
themselves, so they catch that for the modules they cover.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from shuniu.problems import Problems
from shuniu.web.jstokens import NAME, PUNCT, STRING, SourceError, Token, minify, tokenize

_SIBLING = re.compile(r"\./[A-Za-z0-9_-][A-Za-z0-9_.-]*\.js")
_DECLARATIONS = ("function", "async", "class", "const", "let")
_OPENERS = {"(": ")", "[": "]", "{": "}"}
# Names that, at the top level, only ever begin a statement.
_STATEMENT_ONLY = frozenset({"const", "let", "import", "export"})
# Keywords after which an expression must follow: a line break there does not end the statement.
_EXPRESSION_KEYWORDS = frozenset(
    "typeof instanceof in of new delete void throw case yield await return extends".split())


class BundleError(Exception):
    """Modules the bundler cannot join safely; ``problems`` lists every reason."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems.sorted()))


@dataclass(frozen=True)
class Import:
    """``import { names } from "./source";`` at ``line``."""

    names: tuple[str, ...]
    source: str  # the sibling's file name, e.g. "dom.js"
    line: int


@dataclass(frozen=True)
class Module:
    """One source module as the bundle uses it."""

    name: str  # file name, e.g. "app.js"
    path: str  # as shown in problems, e.g. "shuniu/web/quiz/app.js"
    code: tuple[Token, ...]  # its tokens without import statements and export keywords
    imports: tuple[Import, ...]
    exports: frozenset[str]
    declared: tuple[tuple[str, int], ...]  # top-level names and their lines, in order


def bundle(folder: Path, entry: str, *, label: str, compact: bool = True) -> str:
    """The classic script made of ``entry`` (a file in ``folder``) and every module it imports.

    ``label`` is how problems name the folder (e.g. ``shuniu/web/quiz``); ``compact`` strips
    comments and indentation (see :func:`shuniu.web.jstokens.minify`). Raises
    :class:`BundleError` listing every problem found.
    """
    problems = Problems()
    modules = _load_all(folder, entry, label, problems)
    order = _order(modules, entry, problems)
    _check_names(modules, order, problems)
    if problems:
        raise BundleError(problems)
    parts = [_terminated(minify(modules[name].code) if compact else _readable(modules[name])) for name in order]
    head = f"/* Built from {label}/ ({entry} and its imports) by shuniu.web.bundle: edit those files, not this one. */\n"
    return head + '(function () {\n"use strict";\n' + "".join(parts) + "})();\n"


def _terminated(code: str) -> str:
    """The module's code ending with ``;``, so the next module cannot continue its last statement."""
    return code if code.rstrip().endswith(";") else code.rstrip() + "\n;\n"


def _readable(module: Module) -> str:
    code = "".join(token.text for token in module.code).strip("\n")
    return f"// ---- {module.name}\n{code}\n"


def _load_all(folder: Path, entry: str, label: str, problems: Problems) -> dict[str, Module]:
    """Every module reachable from ``entry``, read once each; missing files become problems."""
    modules: dict[str, Module] = {}
    waiting = [(entry, (f"{label}/{entry}", 1))]  # a module's name, and the place that asks for it
    while waiting:
        name, (asked_in, line) = waiting.pop()
        if name in modules:
            continue
        path = folder / name
        if not path.is_file():
            problems.add(asked_in, line, f"cannot find './{name}'")
            continue
        module = read_module(name, f"{label}/{name}", path.read_text(encoding="utf-8"), problems)
        modules[name] = module
        waiting += [(item.source, (module.path, item.line)) for item in module.imports]
    return modules


def _order(modules: dict[str, Module], entry: str, problems: Problems) -> list[str]:
    """Modules in the order browsers run them: each after everything it imports (depth first)."""
    order: list[str] = []
    visiting: list[str] = []

    def visit(name: str) -> None:
        module = modules[name]
        visiting.append(name)
        for item in module.imports:
            if item.source in visiting:
                cycle = " -> ".join([*visiting[visiting.index(item.source):], item.source])
                problems.add(module.path, item.line, f"import cycle: {cycle}")
            elif item.source in modules and item.source not in order:
                visit(item.source)
        visiting.pop()
        order.append(name)

    if entry in modules:
        visit(entry)
    return order


def _check_names(modules: dict[str, Module], order: Sequence[str], problems: Problems) -> None:
    """Imported names must be exported; no two top-level declarations may share a name."""
    for name in order:
        module = modules[name]
        for item in module.imports:
            source = modules.get(item.source)
            for missing in (n for n in item.names if source and n not in source.exports):
                problems.add(module.path, item.line, f"'./{item.source}' does not export '{missing}'")
    seen: dict[str, tuple[str, int]] = {}
    for name in order:
        module = modules[name]
        for declared, line in module.declared:
            if declared in seen:
                first_path, first_line = seen[declared]
                problems.add(module.path, line, f"'{declared}' is also declared at the top level of {first_path}:{first_line}; "
                             "the bundle gives all modules one scope: rename one of them")
            else:
                seen[declared] = (module.path, line)


def read_module(name: str, path: str, text: str, problems: Problems) -> Module:
    """Read one module's imports, exports and top-level names; what is not supported becomes a problem."""
    try:
        tokens = tokenize(text)
    except SourceError as error:
        problems.add(path, error.line, error.message)
        return Module(name, path, (), (), frozenset(), ())
    reader = _Reader(tokens, path)
    reader.read()
    problems.extend(reader.problems)
    return Module(name, path, reader.kept(), tuple(reader.imports), frozenset(reader.exports), tuple(reader.declared))


class _Reader:
    """Walks a module's top-level statements (code tokens only; brackets are skipped as groups)."""

    def __init__(self, tokens: list[Token], path: str) -> None:
        self.tokens = tokens
        self.code = [i for i, token in enumerate(tokens) if token.significant]  # indexes into tokens
        self.path = path
        self.problems = Problems()
        self.imports: list[Import] = []
        self.exports: set[str] = set()
        self.declared: list[tuple[str, int]] = []
        self.dropped: set[int] = set()  # indexes into tokens left out of the bundle

    def tok(self, i: int) -> Token | None:
        return self.tokens[self.code[i]] if i < len(self.code) else None

    def kind(self, i: int) -> str:
        token = self.tok(i)
        return token.kind if token else ""

    def line(self, i: int) -> int:
        token = self.tok(min(i, len(self.code) - 1))
        return token.line if token else 1

    def text(self, i: int) -> str:
        token = self.tok(i)
        return token.text if token and token.kind in (NAME, PUNCT) else ""

    def problem(self, i: int, message: str) -> None:
        self.problems.add(self.path, self.line(i), message)

    def kept(self) -> tuple[Token, ...]:
        return tuple(token for i, token in enumerate(self.tokens) if i not in self.dropped)

    def read(self) -> None:
        self._refuse_anywhere()
        i = 0
        while i < len(self.code):
            word = self.text(i)
            if word == "import" and self.text(i + 1) not in ("(", "."):
                i = self._import(i)
            elif word == "export":
                i = self._export(i)
            elif word in _DECLARATIONS:
                i = self._declaration(i)
            else:
                i = self._statement(i)

    def _refuse_anywhere(self) -> None:
        for i in range(len(self.code)):
            word, after, before = self.text(i), self.text(i + 1), self.text(i - 1) if i else ""
            if before in (".", "?.") or after == ":":
                continue  # a property named like a keyword (x.import, { var: 1 })
            if word == "var":
                self.problem(i, "'var' is not supported: use 'let' or 'const'")
            elif word == "import" and after == "(":
                self.problem(i, "dynamic import() is not supported: import the module at the top")
            elif word == "import" and after == ".":
                self.problem(i, "import.meta is not supported")

    # -- statements ---------------------------------------------------------------------------

    def _import(self, i: int) -> int:
        """``import { a, b } from "./x.js";`` (or ``import "./x.js";``): recorded, and left out of the bundle."""
        names: list[str] = []
        start = i
        i += 1
        if self.text(i) == "{":
            names, i = self._import_names(i)
            if i < 0:
                return self._statement(start)
        elif self.text(i) == "*" or self.kind(i) == NAME:
            self.problem(i, "'import * as' is not supported: import the names you use in braces" if self.text(i) == "*"
                         else "default imports are not supported: import the names you use in braces")
            return self._statement(start)
        source = self.tok(i)
        if source is None or source.kind != STRING or not _SIBLING.fullmatch(source.text[1:-1]):
            shown = source.text if source else "nothing"
            self.problem(i, f"only modules in the same folder can be imported ('./name.js'), not {shown}")
            return self._statement(start)
        self.imports.append(Import(tuple(names), source.text[3:-1], self.line(start)))
        end = i + 2 if self.text(i + 1) == ";" else i + 1
        self._drop(start, end)
        return end

    def _import_names(self, i: int) -> tuple[list[str], int]:
        """The names of ``{ a, b } from`` (``i`` at ``{``) and where the module's name is; -1 when unsupported."""
        names: list[str] = []
        i += 1
        while self.kind(i) == NAME and self.text(i + 1) != "as":
            names.append(self.text(i))
            i += 2 if self.text(i + 1) == "," else 1
            if self.text(i) == "}" and self.text(i + 1) == "from":
                return names, i + 2
        if self.text(i + 1) == "as":
            self.problem(i, f"'import {{ {self.text(i)} as … }}' is not supported: use the exported name")
        else:
            self.problem(i, "unsupported import: write import { a, b } from './module.js';")
        return names, -1

    def _export(self, i: int) -> int:
        after = self.text(i + 1)
        if after == "default":
            self.problem(i, "'export default' is not supported: export named declarations (export function name …)")
        elif after == "{":
            self.problem(i, "'export { … }' is not supported: write 'export' before the declaration")
        elif after == "*":
            self.problem(i, "'export *' is not supported")
        elif after in _DECLARATIONS:
            self._drop(i, i + 1)
            return self._declaration(i + 1, exported=True)
        else:
            self.problem(i, "unsupported export: write 'export' before a declaration")
        return self._statement(i + 1)

    def _declaration(self, i: int, exported: bool = False) -> int:
        word = self.text(i)
        if word == "async":
            if self.text(i + 1) != "function":
                return self._statement(i)
            i, word = i + 1, "function"
        if word in ("function", "class"):
            i += 2 if self.text(i + 1) == "*" else 1
            self._declare(i, exported)
            while self.text(i) != "{" and i < len(self.code):  # the parameters, or `extends ...`
                i = self._skip(i)
            return self._skip(i)  # the body
        return self._bindings(i + 1, exported)

    def _bindings(self, i: int, exported: bool) -> int:
        """``const a = 1, b = 2;``: declare each name; the initializers are skipped."""
        while True:
            if self.text(i) in ("{", "["):
                self.problem(i, "destructuring is not supported at the top level: declare each name")
                return self._statement(i)
            self._declare(i, exported)
            i += 1
            while i < len(self.code) and self.text(i) not in (",", ";") and not self._ends_before(i):
                i = self._skip(i)
            if self.text(i) != ",":
                return i + 1 if self.text(i) == ";" else i
            i += 1

    def _declare(self, i: int, exported: bool) -> None:
        token = self.tok(i)
        if token is None or token.kind != NAME:
            self.problem(i, "expected a name to declare")
            return
        self.declared.append((token.text, token.line))
        if exported:
            self.exports.add(token.text)

    def _statement(self, i: int) -> int:
        """Skip any other statement: up to its ``;`` or to where a line break ends it."""
        i = self._skip(i)
        while i < len(self.code) and self.text(i - 1) != ";" and not self._ends_before(i):
            i = self._skip(i)
        return i

    def _ends_before(self, i: int) -> bool:
        """Whether a top-level statement ends before code token ``i`` (no ``;`` needed there)."""
        token, previous = self.tok(i), self.tok(i - 1)
        if token is None or previous is None:
            return True
        if token.kind == NAME and token.text in _STATEMENT_ONLY and self.text(i + 1) not in ("(", "."):
            return True
        if previous.text == "}" and token.text in ("function", "class", "async"):
            return True
        # Automatic semicolon insertion: a line break after a value, before a name or ++/--.
        ends_value = previous.kind not in (NAME, PUNCT) or previous.text in (")", "]", "}", "++", "--") or (
            previous.kind == NAME and previous.text not in _EXPRESSION_KEYWORDS)
        starts_anew = (token.kind == NAME and token.text not in ("in", "instanceof")) or token.text in ("++", "--")
        return token.line > previous.end_line and ends_value and starts_anew

    def _skip(self, i: int) -> int:
        """The code token after ``i``: after the whole bracketed group when ``i`` opens one."""
        opener = self.text(i)
        if opener not in _OPENERS:
            return i + 1
        stack = [opener]
        j = i + 1
        while j < len(self.code) and stack:
            word = self.text(j)
            if word in _OPENERS:
                stack.append(word)
            elif word in (")", "]", "}"):
                if _OPENERS[stack.pop()] != word:
                    self.problem(j, f"unexpected '{word}'")
                    return len(self.code)
            j += 1
        if stack:
            self.problem(i, f"'{opener}' is never closed")
        return j

    def _drop(self, start: int, end: int) -> None:
        """Leave code tokens ``start``..``end - 1`` out, with the white space that follows them."""
        first = self.code[start]
        last = self.code[end - 1] if end - 1 < len(self.code) else len(self.tokens) - 1
        if last + 1 < len(self.tokens) and not self.tokens[last + 1].significant and self.tokens[last + 1].kind == "space":
            last += 1
        self.dropped.update(range(first, last + 1))

