"""The browser code the site publishes, made at build time from the sources in shuniu/web/.

=========================  ===================================================================
published                  made from
=========================  ===================================================================
assets/shuniu/quiz.js      quiz/main.js and every module it imports: one classic script
                           (:mod:`shuniu.web.bundle`), comments and indentation stripped
assets/shuniu/quiz.css     quiz/quiz.css, comments and spaces stripped
assets/shuniu/group-report quiz/groupmain.js (and imports) and quiz/group-report.css: the
.js / .css                 成绩汇总 page links them itself; no other page loads them
=========================  ===================================================================

mkdocs.yml loads both on every page (the script as a plain deferred script, not a module, so
that pages opened from disk run it too). A source the bundler cannot join safely is reported
by ``shuniu check`` and fails the build, as ``path:line: message``, like any content problem.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from shuniu.check import checker
from shuniu.generated import GeneratedFile, generator
from shuniu.model import Content
from shuniu.problems import Problems
from shuniu.web.bundle import BundleError, bundle
from shuniu.web.cssmin import minify_css
from shuniu.web.jstokens import SourceError

WEB = Path(__file__).resolve().parent
LABEL = WEB.relative_to(WEB.parents[1]).as_posix()  # "shuniu/web": how problems name these files


def quiz_script() -> str:
    """The quiz player as one classic script."""
    return bundle(WEB / "quiz", "main.js", label=f"{LABEL}/quiz")


def group_report_script() -> str:
    """The 成绩汇总 page's script: loaded by that page alone, so it is outside quiz.js's size budget."""
    return bundle(WEB / "quiz", "groupmain.js", label=f"{LABEL}/quiz")


def group_report_styles() -> str:
    return _css("quiz/group-report.css")


def quiz_styles() -> str:
    """The quiz player's style sheet, stripped."""
    return _css("quiz/quiz.css")


def _css(relative: str) -> str:
    try:
        return minify_css((WEB / relative).read_text(encoding="utf-8"))
    except SourceError as error:
        problems = Problems()
        problems.add(f"{LABEL}/{relative}", error.line, error.message)
        raise BundleError(problems) from error


# What the site publishes: its address (site-root-relative) and how it is made.
ASSETS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("assets/shuniu/quiz.js", quiz_script),
    ("assets/shuniu/quiz.css", quiz_styles),
    ("assets/shuniu/group-report.js", group_report_script),
    ("assets/shuniu/group-report.css", group_report_styles),
)

_cache: tuple[tuple[object, ...], list[GeneratedFile], Problems] | None = None


def published() -> tuple[list[GeneratedFile], Problems]:
    """The files made from the sources, and the problems that stopped any of them.

    Made again only when a source file changed (``mkdocs serve`` rebuilds after every save).
    """
    global _cache
    sources = sorted(p for p in WEB.rglob("*") if p.suffix in (".js", ".css"))
    signature = tuple((p.as_posix(), p.stat().st_mtime_ns, p.stat().st_size) for p in sources)
    if _cache is None or _cache[0] != signature:
        files, problems = [], Problems()
        for src_uri, make in ASSETS:
            try:
                files.append(GeneratedFile(src_uri, make().encode("utf-8")))
            except BundleError as error:
                problems.extend(error.problems)
        _cache = (signature, files, problems)
    return _cache[1], _cache[2]


@checker
def web_sources(content: Content) -> Problems:
    """Problems of the browser sources: `shuniu check` lists them and the build fails on them."""
    problems = Problems()
    problems.extend(published()[1])
    return problems


@generator
def web_assets(content: Content, lang: str, today: datetime.date) -> list[GeneratedFile]:
    """The published browser code (language-neutral: the site writes one copy)."""
    files, problems = published()
    if problems:  # the check has reported them; never publish a player with a part missing
        raise BundleError(problems)
    return files
