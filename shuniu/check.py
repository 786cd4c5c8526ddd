"""One entry point for loading and validation, shared by `shuniu check` and the build.

Feature modules (quizzes, glossary, plans, ...) plug in with ``@loader`` (read their own files
into :class:`Content`) and ``@checker`` (rules that need the whole content); importing
:mod:`shuniu.features` registers them all.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from shuniu.content import check_pages, load_content
from shuniu.model import Content
from shuniu.placeholders import find_placeholders
from shuniu.problems import Problems

Loader = Callable[[Path, Content, Problems], None]
Checker = Callable[[Content], Problems]

LOADERS: list[Loader] = []
CHECKERS: list[Checker] = [check_pages]


def loader(function: Loader) -> Loader:
    """Register a loader: it reads its files under the root into ``content``, adding problems."""
    LOADERS.append(function)
    return function


def checker(function: Checker) -> Checker:
    """Register a check that runs once everything is loaded."""
    CHECKERS.append(function)
    return function


def check_root(root: Path) -> tuple[Content, Problems]:
    """Load and check everything under ``root``; every problem is collected."""
    from shuniu import features  # noqa: F401 - registers the feature loaders and checkers

    content, problems = load_content(root)
    for load in LOADERS:
        load(root, content, problems)
    for check in CHECKERS:
        problems.extend(check(content))
    problems.extend(find_placeholders(root))  # `shuniu new` sample text not yet replaced
    return content, problems


def summary(content: Content) -> str:
    """The one line printed when everything is clean."""
    pages = [p for p in content.pages if not p.is_index]
    translated = sum(1 for p in pages if p.lang != "zh")
    return f"checked {len(pages)} pages ({translated} translations): no problems"
