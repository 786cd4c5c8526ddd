"""One entry point for validation, shared by the `shuniu check` command and the build."""

from __future__ import annotations

from pathlib import Path

from shuniu.content import check_pages, load_content
from shuniu.model import Content
from shuniu.problems import Problems


def check_root(root: Path) -> tuple[Content, Problems]:
    """Load and check everything under ``root``; every problem is collected."""
    content, problems = load_content(root)
    problems.extend(check_pages(content))
    return content, problems


def summary(content: Content) -> str:
    """The one line printed when everything is clean."""
    pages = [p for p in content.pages if not p.is_index]
    translated = sum(1 for p in pages if p.lang != "zh")
    return f"checked {len(pages)} pages ({translated} translations): no problems"
