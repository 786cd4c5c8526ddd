"""Template placeholders left in content: `shuniu new` marks what the author must write.

A template's sample text is written as ``【待填写：…】`` so that it cannot be published by
mistake: every one left in a page, bank, plan or list is a problem at its line. Text in code
(fenced blocks and `inline code` in Markdown, comments in YAML) is not content, so a guide
may still show the marker.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from shuniu.problems import Problems

MARKER = "【待填写"
_PLACEHOLDER = re.compile(r"【待填写[：:]?[^】\n]{0,60}】?")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+\1")
_FENCE = re.compile(r"^\s*(```|~~~)")
CONTENT_FOLDERS = ("docs", "quizzes")
SUFFIXES = {".md", ".yml", ".yaml"}


def _code_free_lines(text: str, markdown: bool) -> Iterator[tuple[int, str]]:
    """(line number, text) with code (Markdown) or comments (YAML) blanked out."""
    fenced = False
    for number, line in enumerate(text.split("\n"), start=1):
        if markdown and _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        if markdown:
            yield number, _INLINE_CODE.sub("", line)
        elif not line.lstrip().startswith("#"):
            yield number, line


def placeholder_problems(path: str, text: str) -> Problems:
    """Each placeholder in one file's text, as ``path:line`` problems."""
    problems = Problems()
    markdown = path.endswith(".md")
    for number, line in _code_free_lines(text, markdown):
        for match in _PLACEHOLDER.finditer(line):
            problems.add(path, number, f"template placeholder still here: {match.group(0)} (replace it with the real text)")
    return problems


def content_files(root: Path) -> Iterator[tuple[str, Path]]:
    """Every Markdown and YAML file of the content, with its path as problems name it."""
    for folder in CONTENT_FOLDERS:
        base = root / folder
        if not base.is_dir():
            continue
        for file in sorted(base.rglob("*")):
            if file.suffix in SUFFIXES and file.is_file() and "__pycache__" not in file.parts:
                yield file.relative_to(root).as_posix(), file


def find_placeholders(root: Path) -> Problems:
    """Placeholders left anywhere in the content under ``root``."""
    problems = Problems()
    for path, file in content_files(root):
        text = file.read_text(encoding="utf-8", errors="replace")
        if MARKER in text:
            problems.extend(placeholder_problems(path, text))
    return problems
