"""A Python-Markdown extension: a line break inside Chinese text is no space.

Markdown turns a soft line break into a space, which is right between English words and wrong
between Chinese characters ("发出的\\n文件" would read "发出的 文件"). After the inline parser has
run, this joins the lines of every text run where the characters on *both* sides of the break are
Chinese characters or full-width punctuation; a break next to a Latin letter, a digit or a space
stays a space. Code (``code``, ``pre``, ``kbd``, ``script``, ``style``) is never touched.

Used in mkdocs.yml as ``shuniu.render.cjk_breaks``. (The one extension on PyPI for this,
pymdownx-cjk-autojoin, misses full-width punctuation such as "：" and joins a "，" to a following
Latin word, so it does not fit.)
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree  # noqa: S405 - builds no tree from input, only walks Markdown's
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

# CJK ideographs (with extension A and compatibility ones), CJK symbols and punctuation,
# full-width forms, and the general punctuation Chinese text uses (“”‘’—…·).
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"
_BREAK_INSIDE = re.compile(f"(?<=[{CJK}])[ \\t]*\\n[ \\t]*(?=[{CJK}])")
_IS_CJK = re.compile(f"[{CJK}]")
_CODE = {"code", "pre", "kbd", "samp", "script", "style"}


def join_cjk_lines(text: str) -> str:
    """``text`` with every line break between two CJK characters removed (and the spaces around it)."""
    return _BREAK_INSIDE.sub("", text)


def _cjk(char: str) -> bool:
    return bool(char) and bool(_IS_CJK.fullmatch(char))


def _last_char(element: etree.Element) -> str:
    """The last character an element shows (its text and its children's, code included)."""
    text = "".join(element.itertext())
    return text[-1:] if text else ""


def _first_char(element: etree.Element) -> str:
    text = "".join(element.itertext())
    return text[:1]


def _join_edge(text: str, before: str, after: str) -> str:
    """Join a break at the very start (after ``before``) or end (before ``after``) of ``text``."""
    text = join_cjk_lines(text)
    if before and _cjk(before):
        stripped = text.lstrip(" \t")
        if stripped.startswith("\n") and _cjk(stripped.lstrip()[:1]):
            text = stripped.lstrip()
    if after and _cjk(after):
        stripped = text.rstrip(" \t")
        if stripped.endswith("\n") and _cjk(stripped.rstrip()[-1:]):
            text = stripped.rstrip()
    return text


def join_tree(parent: etree.Element) -> None:
    """Join CJK line breaks in ``parent``'s text and in its children's text and tails, recursively."""
    if parent.tag in _CODE:
        return
    children = list(parent)
    if parent.text:
        parent.text = _join_edge(parent.text, "", _first_char(children[0]) if children else "")
    for i, child in enumerate(children):
        join_tree(child)
        if child.tail:
            following = _first_char(children[i + 1]) if i + 1 < len(children) else ""
            child.tail = _join_edge(child.tail, _last_char(child), following)


class _CjkBreaks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        join_tree(root)


class CjkBreaksExtension(Extension):
    """Registers the joiner after the inline parser (20) and before ``abbr`` (7) marks terms."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(_CjkBreaks(md), "shuniu_cjk_breaks", 15)


def makeExtension(**kwargs: Any) -> CjkBreaksExtension:  # noqa: N802 - Python-Markdown's entry point
    """The extension, as Python-Markdown loads it by module name."""
    return CjkBreaksExtension(**kwargs)
