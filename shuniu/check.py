"""One entry point for loading and validation, shared by `shuniu check` and the build.

Feature modules (quizzes, glossary, plans, ...) plug in through the lists of
:mod:`shuniu.features`: loaders read their own files into :class:`Content` (one may hand back
the rest of its work, done after the other loaders), checkers are rules that need the whole
content.
"""

from __future__ import annotations

from pathlib import Path

from shuniu.content import check_pages, load_content
from shuniu.features import CHECKERS, LOADERS
from shuniu.model import Content
from shuniu.placeholders import find_placeholders
from shuniu.problems import Problems


def check_root(root: Path) -> tuple[Content, Problems]:
    """Load and check everything under ``root`` with every feature (:mod:`shuniu.features`);
    every problem is collected."""
    content, problems = load_content(root)
    unfinished = [load(root, content, problems) for load in LOADERS]
    for finish in unfinished:  # work a loader left running on the side (the classification scan)
        if finish is not None:
            finish()
    for check in (check_pages, *CHECKERS):
        problems.extend(check(content))
    problems.extend(find_placeholders(root))  # `shuniu new` sample text not yet replaced
    return content, problems


def summary(content: Content) -> str:
    """The one line printed when everything is clean."""
    pages = [p for p in content.pages if not p.is_index]
    translated = sum(1 for p in pages if p.lang != "zh")
    return f"checked {len(pages)} pages ({translated} translations): no problems"
