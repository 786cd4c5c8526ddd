"""The browser code the site publishes, made at build time from readable sources.

=========================  ===================================================================
published                  made from
=========================  ===================================================================
assets/shuniu/quiz.js      quiz/main.js and every module it imports, joined into one classic
                           script (:mod:`shuniu.web.join`) and minified by rjsmin
assets/shuniu/quiz.css     quiz/quiz.css, minified by rcssmin
assets/shuniu/group-report quiz/groupmain.js (and imports) and quiz/group-report.css: the
.js / .css                 成绩汇总 page links them itself; no other page loads them
assets/shuniu/wrongbook.js quiz/wrongbookmain.js (and imports): the 错题本 page links it, after
                           assets/vendor/ts-fsrs/ts-fsrs.js (vendored, see its VENDORED.txt)
assets/shuniu/*.js, *.css  the theme's own classic scripts and style sheets in
                           docs/assets/shuniu/, minified in place of the readable copies
assets/shuniu/compose.js   quiz/composemain.js (and imports): the 组卷 page's, linked by it alone
=========================  ===================================================================

mkdocs.yml loads them on every page (the quiz script as a plain deferred script, not a module,
so that pages opened from disk run it too). A source that cannot be joined or minified safely
is reported by ``shuniu check`` and fails the build, as ``path:line: message``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from shuniu.generated import GeneratedFile
from shuniu.model import Content
from shuniu.problems import Problems
from shuniu.web.join import BundleError, join_modules, minify_css, minify_js, script_problems

WEB = Path(__file__).resolve().parent
LABEL = WEB.relative_to(WEB.parents[1]).as_posix()  # "shuniu/web": how problems name these files
THEME = "assets/shuniu"  # docs-relative: the theme's own scripts and style sheets


def quiz_script() -> str:
    """The quiz player as one minified classic script."""
    return _joined("main.js")


def group_report_script() -> str:
    """The 成绩汇总 page's script: loaded by that page alone, so it is outside quiz.js's size budget."""
    return _joined("groupmain.js")


def compose_script() -> str:
    """The 组卷 page's script: loaded by that page alone, like the 成绩汇总 page's."""
    return _joined("composemain.js")


def wrongbook_script() -> str:
    """The 错题本 page's script (its view and the choice of scheduler): loaded by that page alone."""
    return _joined("wrongbookmain.js")


def quiz_styles() -> str:
    """The quiz player's style sheet, minified."""
    return _styles("quiz/quiz.css")


def group_report_styles() -> str:
    return _styles("quiz/group-report.css")


def _joined(entry: str) -> str:
    head = f"/* Built from {LABEL}/quiz/ ({entry} and its imports): edit those files, not this one. */\n"
    return head + minify_js(join_modules(WEB / "quiz", entry, label=f"{LABEL}/quiz"))


def _styles(relative: str) -> str:
    return minify_css((WEB / relative).read_text(encoding="utf-8"), f"{LABEL}/{relative}")


# What the site publishes from shuniu/web/: its address (site-root-relative) and how it is made.
ASSETS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("assets/shuniu/quiz.js", quiz_script),
    ("assets/shuniu/quiz.css", quiz_styles),
    ("assets/shuniu/group-report.js", group_report_script),
    ("assets/shuniu/group-report.css", group_report_styles),
    ("assets/shuniu/compose.js", compose_script),
    ("assets/shuniu/wrongbook.js", wrongbook_script),
)


def theme_copy(docs: Path, source: Path) -> str:
    """A script or style sheet of docs/assets/shuniu/, minified."""
    text, path = source.read_text(encoding="utf-8"), f"{docs.name}/{source.relative_to(docs).as_posix()}"
    if source.suffix == ".css":
        return minify_css(text, path)
    problems = script_problems(path, text)
    if problems:
        raise BundleError(problems)
    return minify_js(text)


_cache: dict[Path, tuple[tuple[object, ...], list[GeneratedFile], Problems]] = {}


def published(docs: Path) -> tuple[list[GeneratedFile], Problems]:
    """The files made from the sources (``docs`` is the content's docs folder), and the problems
    that stopped any of them. Made again only when a source changed (``mkdocs serve`` rebuilds
    after every save)."""
    theme = sorted(p for p in (docs / THEME).glob("*") if p.suffix in (".js", ".css"))
    sources = [*sorted(p for p in WEB.rglob("*") if p.suffix in (".js", ".css")), *theme]
    signature = tuple((p.as_posix(), p.stat().st_mtime_ns, p.stat().st_size) for p in sources)
    cached = _cache.get(docs)
    if cached is None or cached[0] != signature:
        makers: list[tuple[str, Callable[[], str]]] = [
            *ASSETS, *((p.relative_to(docs).as_posix(), functools.partial(theme_copy, docs, p)) for p in theme)]
        files, problems = [], Problems()
        for src_uri, make in makers:
            try:
                files.append(GeneratedFile(src_uri, make().encode("utf-8")))
            except BundleError as error:
                problems.extend(error.problems)
        cached = _cache[docs] = (signature, files, problems)
    return cached[1], cached[2]


def web_files(docs: Path) -> list[GeneratedFile]:
    """The published browser code; raises :class:`BundleError` if any part cannot be made (the
    check has reported it: never publish a player with a part missing)."""
    files, problems = published(docs)
    if problems:
        raise BundleError(problems)
    return files


def web_sources(root: Path, content: Content, problems: Problems) -> None:
    """Problems of the browser sources: `shuniu check` lists them and the build fails on them."""
    problems.extend(published(root / "docs")[1])
