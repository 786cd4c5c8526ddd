"""The browser code's build step: the JavaScript tokenizer and minifier, the ES module bundler and
the CSS stripper (shuniu/web/). Where node is installed, bundles are run to show they behave as the
modules do in a browser."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import write

from shuniu.check import check_root
from shuniu.web import assets
from shuniu.web.bundle import BundleError, bundle
from shuniu.web.cssmin import minify_css
from shuniu.web.jstokens import SourceError, minify, significant, tokenize

QUIZ_SOURCES = sorted(assets.WEB.glob("quiz/*.js"))
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed: bundles were not run")


def code(text: str) -> list[tuple[str, str]]:
    return [(token.kind, token.text) for token in significant(tokenize(text))]


# -- tokenizer ---------------------------------------------------------------------------------

def test_tokens_give_the_text_back_and_know_where_literals_end():
    text = 'const s = "a // b", t = \'/* c */\'; // note\nx = `d ${ "}" + `e ${f}` } /* g */`; /* h\n */ y'
    tokens = tokenize(text)
    assert "".join(token.text for token in tokens) == text
    assert code(text) == [
        ("name", "const"), ("name", "s"), ("punct", "="), ("string", '"a // b"'), ("punct", ","), ("name", "t"),
        ("punct", "="), ("string", "'/* c */'"), ("punct", ";"),
        ("name", "x"), ("punct", "="), ("template", '`d ${ "}" + `e ${f}` } /* g */`'), ("punct", ";"), ("name", "y")]
    assert [token.line for token in tokens if token.significant][-1] == 3


@pytest.mark.parametrize(("text", "kinds"), [
    ("a / b / c", ["name", "punct", "name", "punct", "name"]),
    ("x = /b/g", ["name", "punct", "regex"]),
    ("return /x/.test(s)", ["name", "regex", "punct", "name", "punct", "name", "punct"]),
    ("f(/[/]\\//)", ["name", "punct", "regex", "punct"]),
    ("a++ / 2", ["name", "punct", "punct", "number"]),
    ("(a) / 2", ["punct", "name", "punct", "punct", "number"]),
    ("x /= 2", ["name", "punct", "number"]),
    ("a?.b ?? .5", ["name", "punct", "name", "punct", "number"]),
])
def test_a_slash_is_a_regular_expression_only_where_an_expression_begins(text, kinds):
    assert [kind for kind, _ in code(text)] == kinds


@pytest.mark.parametrize(("text", "line", "message"), [
    ('x = "abc\n', 1, "unterminated string"),
    ("x\n/* a", 2, "unterminated comment"),
    ("x\n`a ${ b", 2, "unterminated template literal"),
    ("x = `a", 1, "unterminated template literal"),
    ("x = /ab\n/", 1, "unterminated regular expression"),
])
def test_unfinished_tokens_are_reported_with_their_line(text, line, message):
    with pytest.raises(SourceError) as caught:
        tokenize(text)
    assert (caught.value.line, caught.value.message) == (line, message)


# -- minifier ----------------------------------------------------------------------------------

def test_minify_removes_comments_indentation_and_idle_spaces_only():
    source = """\
// A comment line.
function f(a, b) {
  /* block */ return a + +b - -a; // trailing
}

const s = "  keep  // this  ";
const t = `  keep
    this too ${ a /* in a template */ }`;
let n = 1 .toString() + x /*
*/ y
"""
    assert minify(tokenize(source)) == """\
function f(a,b){
return a+ +b- -a;
}
const s="  keep  // this  ";
const t=`  keep
    this too ${ a /* in a template */ }`;
let n=1 .toString()+x
y
"""


@pytest.mark.parametrize("path", QUIZ_SOURCES, ids=lambda path: path.name)
def test_minified_player_modules_keep_every_code_token(path):
    source = path.read_text(encoding="utf-8")
    assert code(minify(tokenize(source))) == code(source)


# -- bundler -----------------------------------------------------------------------------------

MODULES = {
    "log.js": "// Shared by the others.\nexport const log = [];\nexport let count = 0;\nexport function bump() { count += 1; }\n",
    "b.js": 'import { log } from "./log.js";\nlog.push("b");\n/** Says b. */\nexport function b() {\n  return "b";\n}\n',
    "main.js": ('import { b } from "./b.js";\nimport { bump, count, log } from "./log.js";\n\n'
                'log.push("main");\nbump();\nconsole.log(JSON.stringify([log, b(), count, typeof this]));\n'),
}


def write_modules(root: Path, modules: dict[str, str]) -> Path:
    for name, text in modules.items():
        write(root, f"lib/{name}", text)
    return root / "lib"


def test_a_bundle_runs_each_module_after_its_imports_in_one_strict_function(tmp_path):
    folder = write_modules(tmp_path, MODULES)
    assert bundle(folder, "main.js", label="lib", compact=False) == """\
/* Built from lib/ (main.js and its imports) by shuniu.web.bundle: edit those files, not this one. */
(function () {
"use strict";
// ---- log.js
// Shared by the others.
const log = [];
let count = 0;
function bump() { count += 1; }
;
// ---- b.js
log.push("b");
/** Says b. */
function b() {
  return "b";
}
;
// ---- main.js
log.push("main");
bump();
console.log(JSON.stringify([log, b(), count, typeof this]));
})();
"""
    compact = bundle(folder, "main.js", label="lib").splitlines()
    assert compact[3:6] == ["const log=[];", "let count=0;", "function bump(){count+=1;}"]


def node_output(*args: str) -> str:
    result = subprocess.run([str(NODE), *args], capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


@needs_node
@pytest.mark.parametrize("compact", [True, False])
def test_the_bundle_as_a_classic_script_does_what_the_modules_do(tmp_path, compact):
    folder = write_modules(tmp_path, MODULES)
    script = write(tmp_path, "bundle.js", bundle(folder, "main.js", label="lib", compact=compact))
    as_modules = node_output(str(folder / "main.js"))
    run = "require('vm').runInThisContext(require('fs').readFileSync(process.argv[1], 'utf8'))"
    as_script = node_output("-e", run, str(script))
    assert json.loads(as_script) == json.loads(as_modules) == [["b", "main"], "b", 1, "undefined"]


NO_DEFAULT = "'export default' is not supported: export named declarations (export function name …)"
ONE_SCOPE = "the bundle gives all modules one scope: rename one of them"


def problems_of(tmp_path: Path, modules: dict[str, str]) -> list[str]:
    with pytest.raises(BundleError) as caught:
        bundle(write_modules(tmp_path, modules), "main.js", label="lib")
    return [str(problem) for problem in caught.value.problems.sorted()]


@pytest.mark.parametrize(("source", "problem"), [
    ("export default function f() {}\n", f"lib/main.js:1: {NO_DEFAULT}"),
    ("const a = 1;\nexport { a };\n", "lib/main.js:2: 'export { … }' is not supported: write 'export' before the declaration"),
    ('import * as log from "./log.js";\n', "lib/main.js:1: 'import * as' is not supported: import the names you use in braces"),
    ('import log from "./log.js";\n', "lib/main.js:1: default imports are not supported: import the names you use in braces"),
    ('import { log as journal } from "./log.js";\n',
     "lib/main.js:1: 'import { log as … }' is not supported: use the exported name"),
    ('\nimport("./log.js").then(() => 1);\n', "lib/main.js:2: dynamic import() is not supported: import the module at the top"),
    ("console.log(import.meta.url);\n", "lib/main.js:1: import.meta is not supported"),
    ("function f() {\n  var x = 1;\n}\n", "lib/main.js:2: 'var' is not supported: use 'let' or 'const'"),
    ("const { a, b } = globalThis;\n", "lib/main.js:1: destructuring is not supported at the top level: declare each name"),
    ('import { log } from "../log.js";\n',
     "lib/main.js:1: only modules in the same folder can be imported ('./name.js'), not \"../log.js\""),
    ('import { log } from "./gone.js";\n', "lib/main.js:1: cannot find './gone.js'"),
    ('import { nope } from "./log.js";\n', "lib/main.js:1: './log.js' does not export 'nope'"),
    ('const s = "open\n', "lib/main.js:1: unterminated string"),
    ("function f() {\n  if (x) {\n}\n", "lib/main.js:1: '{' is never closed"),
])
def test_what_the_bundle_cannot_keep_safe_is_refused_with_file_and_line(tmp_path, source, problem):
    assert problems_of(tmp_path, {"log.js": "export const log = [];\n", "main.js": source}) == [problem]


def test_two_modules_may_not_declare_the_same_top_level_name(tmp_path):
    modules = {
        "a.js": "function step() {}\nexport const a = 1, size = 2;\n",
        "main.js": 'import { a } from "./a.js";\n// Private, but the bundle shares one scope.\nclass step {}\nlet size;\n',
    }
    assert problems_of(tmp_path, modules) == [
        f"lib/main.js:3: 'step' is also declared at the top level of lib/a.js:1; {ONE_SCOPE}",
        f"lib/main.js:4: 'size' is also declared at the top level of lib/a.js:2; {ONE_SCOPE}",
    ]


def test_import_cycles_are_refused_and_every_problem_is_listed(tmp_path):
    modules = {
        "a.js": 'import { b } from "./b.js";\nexport const a = 1;\n',
        "b.js": 'import { a } from "./a.js";\nexport const b = 2;\nexport default b;\n',
        "main.js": 'import { a } from "./a.js";\nvar x;\n',
    }
    assert problems_of(tmp_path, modules) == [
        "lib/b.js:1: import cycle: a.js -> b.js -> a.js",
        f"lib/b.js:3: {NO_DEFAULT}",
        "lib/main.js:2: 'var' is not supported: use 'let' or 'const'",
    ]


def test_top_level_names_are_found_across_line_breaks_without_semicolons(tmp_path):
    modules = {
        "a.js": "export const first = {\n  a: 1\n}\nexport function second() {}\nconst third = () => 1\nlet fourth\n",
        "main.js": ('import { first, second } from "./a.js";\nfunction third() {}\n'
                    "if (first) {\n  const fourth = 1;\n}\nconst fourth = typeof\n  second;\n"),
    }
    assert [problem.split(":")[:2] for problem in problems_of(tmp_path, modules)] == [["lib/main.js", "2"], ["lib/main.js", "6"]]


# -- the player as published -----------------------------------------------------------------

def test_the_player_sources_bundle_without_problems():
    files, problems = assets.published()
    assert [str(problem) for problem in problems.sorted()] == []
    assert [file.src_uri for file in files] == ["assets/shuniu/quiz.js", "assets/shuniu/quiz.css",
                                                "assets/shuniu/group-report.js", "assets/shuniu/group-report.css"]


@needs_node
def test_the_published_player_is_a_classic_script_that_starts_without_errors(tmp_path):
    """Compiled as a classic script and run against a page with no quiz container: nothing throws."""
    script = write(tmp_path, "quiz.js", assets.quiz_script())
    run = ("const vm = require('vm'); const code = require('fs').readFileSync(process.argv[1], 'utf8');"
           "const document = { getElementById: () => null, documentElement: { lang: 'zh' } };"
           "vm.runInNewContext(code, { document, TextEncoder }); console.log('ran')")
    assert node_output("-e", run, str(script)) == "ran\n"


def test_a_broken_source_fails_the_check_with_its_file_and_line(content_root, tmp_path, monkeypatch):
    web = tmp_path / "web"
    shutil.copytree(assets.WEB / "quiz", web / "quiz")
    with (web / "quiz/dom.js").open("a", encoding="utf-8") as dom:
        dom.write("export default h;\n")
    lines = (web / "quiz/dom.js").read_text(encoding="utf-8").count("\n")
    (web / "quiz/quiz.css").write_text(".a { color: red }\n/* not closed\n", encoding="utf-8")
    monkeypatch.setattr(assets, "WEB", web)
    monkeypatch.setattr(assets, "_cache", None)
    _, problems = check_root(content_root)
    assert [str(problem) for problem in problems.sorted()] == [
        f"shuniu/web/quiz/dom.js:{lines}: {NO_DEFAULT}",
        "shuniu/web/quiz/quiz.css:2: unterminated comment or string",
    ]


# -- CSS -------------------------------------------------------------------------------------

def test_css_loses_comments_and_idle_spaces_but_not_meaning():
    source = """\
/* Header comment. */
.a :hover, .b > .c {
  color : red;
  content: "a  /* b */ ;}";
  margin: calc(1px + 2px) 0;
}
@media (max-width: 44em) { .d { gap: 0 1rem; } }
"""
    assert minify_css(source) == (
        '.a :hover,.b > .c{color :red;content:"a  /* b */ ;}";margin:calc(1px + 2px) 0}'
        "@media (max-width:44em){.d{gap:0 1rem}}\n")
