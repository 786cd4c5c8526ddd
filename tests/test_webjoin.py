"""The browser code's build step (shuniu/web/join.py, shuniu/web/assets.py): ES modules joined
line by line into one classic script, minified by rjsmin and rcssmin. Where node is installed,
the joined scripts are run and compiled to show they behave as the modules do in a browser."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import PROJECT, write

from shuniu.check import check_root
from shuniu.web import assets
from shuniu.web.join import BundleError, join_modules, minify_css, minify_js

NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed: joined scripts were not run")

MODULES = {
    "log.js": "// Shared by the others.\nexport const log = [];\nexport let count = 0;\nexport function bump() { count += 1; }\n",
    "b.js": 'import { log } from "./log.js";\nlog.push("b");\n/** Says b. */\nexport function b() {\n  return `b${""}`;\n}\n',
    "main.js": ('import { b } from "./b.js";\nimport { bump, count, log } from "./log.js";\n\n'
                'log.push("main");\nbump();\nconsole.log(JSON.stringify([log, b(), count, typeof this]))\n'),
}


def write_modules(root: Path, modules: dict[str, str]) -> Path:
    for name, text in modules.items():
        write(root, f"lib/{name}", text)
    return root / "lib"


def test_modules_are_joined_each_after_its_imports_in_one_strict_function(tmp_path):
    assert join_modules(write_modules(tmp_path, MODULES), "main.js", label="lib") == """\
(function () {
"use strict";
// Shared by the others.
const log = [];
let count = 0;
function bump() { count += 1; }
;
log.push("b");
/** Says b. */
function b() {
  return `b${""}`;
}
;

log.push("main");
bump();
console.log(JSON.stringify([log, b(), count, typeof this]))
;
})();
"""


def node_run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(NODE), *args], capture_output=True, text=True, check=False, timeout=60)


def node_output(*args: str) -> str:
    result = node_run(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@needs_node
@pytest.mark.parametrize("minified", [True, False])
def test_the_joined_classic_script_does_what_the_modules_do(tmp_path, minified):
    folder = write_modules(tmp_path, MODULES)
    joined = join_modules(folder, "main.js", label="lib")
    script = write(tmp_path, "joined.js", minify_js(joined) if minified else joined)
    as_modules = node_output(str(folder / "main.js"))
    run = "require('vm').runInThisContext(require('fs').readFileSync(process.argv[1], 'utf8'))"
    as_script = node_output("-e", run, str(script))
    assert json.loads(as_script) == json.loads(as_modules) == [["b", "main"], "b", 1, "undefined"]


NO_EXPORT = "unsupported export: write 'export' before a function, class, const or let declaration"
NO_IMPORT = 'unsupported import: write one line, import { a, b } from "./module.js";'
NESTED = ("a template literal inside another's ${…}, or a line break in ${…}, is not supported "
          "(rjsmin would change the text): make the inner part a variable, or join with +")
ONE_SCOPE = "the joined modules share one scope: rename one of them"


def problems_of(tmp_path: Path, modules: dict[str, str]) -> list[str]:
    with pytest.raises(BundleError) as caught:
        join_modules(write_modules(tmp_path, modules), "main.js", label="lib")
    return [str(problem) for problem in caught.value.problems.sorted()]


@pytest.mark.parametrize(("source", "problem"), [
    ("export default function f() {}\n", f"lib/main.js:1: {NO_EXPORT}"),
    ("const a = 1;\nexport { a };\n", f"lib/main.js:2: {NO_EXPORT}"),
    ('import * as log from "./log.js";\n', f"lib/main.js:1: {NO_IMPORT}"),
    ('import log from "./log.js";\n', f"lib/main.js:1: {NO_IMPORT}"),
    ('import { log as journal } from "./log.js";\n', f"lib/main.js:1: {NO_IMPORT}"),
    ('import {\n  log,\n} from "./log.js";\n', f"lib/main.js:1: {NO_IMPORT}"),
    ('\nimport("./log.js").then(() => 1);\n', "lib/main.js:2: dynamic import() is not supported: import the module at the top"),
    ("console.log(import.meta.url);\n", "lib/main.js:1: import.meta is not supported"),
    ("var x = 1;\n", "lib/main.js:1: 'var' is not supported: use 'let' or 'const'"),
    ('import { log } from "../log.js";\n', f"lib/main.js:1: {NO_IMPORT}"),
    ('import { log } from "./gone.js";\n', "lib/main.js:1: cannot find './gone.js'"),
    ('import { nope } from "./log.js";\n', "lib/main.js:1: './log.js' does not export 'nope'"),
    ("const s = `a ${b ? `c  d` : ''}`;\n", f"lib/main.js:1: {NESTED}"),
    ("const s = `a ${b.map((x) =>\n  x)}`;\n", f"lib/main.js:1: {NESTED}"),
])
def test_what_the_joining_cannot_keep_safe_is_refused_with_file_and_line(tmp_path, source, problem):
    assert problems_of(tmp_path, {"log.js": "export const log = [];\n", "main.js": source}) == [problem]


def test_two_modules_may_not_declare_the_same_top_level_name(tmp_path):
    modules = {
        "a.js": "function step() {}\nexport const a = 1;\nexport async function size() {}\n",
        "main.js": 'import { a } from "./a.js";\n// Private, but the joined modules share one scope.\nclass step {}\nlet size;\n',
    }
    assert problems_of(tmp_path, modules) == [
        f"lib/main.js:3: 'step' is also declared at the top level of lib/a.js:1; {ONE_SCOPE}",
        f"lib/main.js:4: 'size' is also declared at the top level of lib/a.js:3; {ONE_SCOPE}",
    ]


@needs_node
def test_node_compiling_the_joined_script_catches_a_clash_the_lines_do_not_show(tmp_path):
    """``const a = 1, size = 2`` declares ``size`` where the line step sees only ``a``: compiling the
    joined script (as the published-player test below does) is what catches the clash."""
    modules = {"a.js": "export const a = 1, size = 2;\n", "main.js": 'import { a } from "./a.js";\nlet size = a;\n'}
    script = write(tmp_path, "joined.js", join_modules(write_modules(tmp_path, modules), "main.js", label="lib"))
    result = node_run("--check", str(script))
    assert result.returncode != 0
    assert "Identifier 'size' has already been declared" in result.stderr


def test_import_cycles_are_refused_and_every_problem_is_listed(tmp_path):
    modules = {
        "a.js": 'import { b } from "./b.js";\nexport const a = 1;\n',
        "b.js": 'import { a } from "./a.js";\nexport const b = 2;\nexport default b;\n',
        "main.js": 'import { a } from "./a.js";\nvar x;\n',
    }
    assert problems_of(tmp_path, modules) == [
        "lib/b.js:1: import cycle: a.js -> b.js -> a.js",
        f"lib/b.js:3: {NO_EXPORT}",
        "lib/main.js:2: 'var' is not supported: use 'let' or 'const'",
    ]


# -- the browser code as published ----------------------------------------------------------

def test_the_browser_sources_publish_without_problems():
    files, problems = assets.published(PROJECT / "docs")
    assert [str(problem) for problem in problems.sorted()] == []
    names = [file.src_uri for file in files]
    assert names[:6] == ["assets/shuniu/quiz.js", "assets/shuniu/quiz.css",
                         "assets/shuniu/group-report.js", "assets/shuniu/group-report.css", "assets/shuniu/compose.js",
                         "assets/shuniu/wrongbook.js"]
    theme = sorted(p.relative_to(PROJECT / "docs").as_posix() for p in (PROJECT / "docs/assets/shuniu").glob("*.[jc]s*"))
    assert sorted(names[6:]) == [name for name in theme if name.endswith((".js", ".css"))]


@needs_node
def test_every_published_script_compiles_as_a_classic_script(tmp_path):
    """A clash of top-level names, an export left behind or a broken minification fails here."""
    files, _ = assets.published(PROJECT / "docs")
    scripts = [file for file in files if file.src_uri.endswith(".js")]
    for file in scripts:
        path = tmp_path / Path(file.src_uri).name
        path.write_bytes(file.data)
        result = node_run("--check", str(path))
        assert result.returncode == 0, f"{file.src_uri}: {result.stderr}"
    assert len(scripts) >= 4


@needs_node
def test_the_published_player_is_a_classic_script_that_starts_without_errors(tmp_path):
    """Run as a classic script against a page with no quiz container: nothing throws, nothing leaks."""
    script = write(tmp_path, "quiz.js", assets.quiz_script())
    run = ("const vm = require('vm'); const code = require('fs').readFileSync(process.argv[1], 'utf8');"
           "const document = { getElementById: () => null, documentElement: { lang: 'zh' } };"
           "const page = { document, TextEncoder }; vm.runInNewContext(code, page);"
           "console.log(Object.keys(page).join(','))")
    assert node_output("-e", run, str(script)) == "document,TextEncoder\n"


def test_a_broken_source_fails_the_check_with_its_file_and_line(content_root, tmp_path, monkeypatch):
    web = tmp_path / "web"
    shutil.copytree(assets.WEB / "quiz", web / "quiz")
    with (web / "quiz/dom.js").open("a", encoding="utf-8") as dom:
        dom.write("export default h;\n")
    lines = (web / "quiz/dom.js").read_text(encoding="utf-8").count("\n")
    (web / "quiz/quiz.css").write_text("/* a long\n comment */ .a { color: red }\n.b {}\n/* not closed\n", encoding="utf-8")
    write(content_root, "docs/assets/shuniu/extra.js", "(function () {\n  return `a ${[1].map((n) => `${n}`)}`;\n})();\n")
    monkeypatch.setattr(assets, "WEB", web)
    monkeypatch.setattr(assets, "_cache", {})
    _, problems = check_root(content_root)
    assert [str(problem) for problem in problems.sorted()] == [
        f"docs/assets/shuniu/extra.js:2: {NESTED}",
        f"shuniu/web/quiz/dom.js:{lines}: {NO_EXPORT}",
        "shuniu/web/quiz/quiz.css:4: unterminated comment",
    ]


def test_css_loses_comments_and_spaces_but_not_meaning():
    source = '/* Header. */\n.a :hover, .b > .c {\n  content: "a  /* b */ ;}";\n  margin: calc(1px + 2px) 0;\n}\n'
    assert minify_css(source, "x.css") == '.a :hover,.b>.c{content:"a  /* b */ ;}";margin:calc(1px + 2px) 0}\n'
