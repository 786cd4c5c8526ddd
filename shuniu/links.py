"""Checking internal links and anchors, the way the built site will resolve them."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

from shuniu.model import Content, Page

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def is_external(target: str) -> bool:
    return bool(_SCHEME.match(target)) or target.startswith("//")


def resolve(from_src: str, target: str) -> tuple[str, str]:
    """(docs-relative path, anchor) of a link written in page ``from_src``."""
    path, _, anchor = target.partition("#")
    path = unquote(path)
    if not path:
        return from_src, unquote(anchor)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_src), path))
    return joined, unquote(anchor)


def link_problem(content: Content, from_src: str, target: str, lang: str) -> str | None:
    """Why a link from ``from_src`` to ``target`` would be broken on the site, or None."""
    if is_external(target):
        return None
    path, anchor = resolve(from_src, target)
    if path.startswith("../") or path == "..":
        return f"link '{target}' points outside the docs folder"
    if not path.endswith(".md"):
        if path in content.assets:
            return None
        if path.endswith("/") or "." not in posixpath.basename(path):
            return f"link '{target}' must name a page's .md file"
        return f"link '{target}' points to a missing file '{path}'"
    page = content.page(path, lang)
    if page is None:
        return f"link '{target}' points to a missing page '{path}'"
    return anchor_problem(page, anchor, target)


def anchor_problem(page: Page, anchor: str, target: str) -> str | None:
    if anchor and anchor not in page.anchors:
        return f"link '{target}' points to a missing anchor '#{anchor}' in {page.src}"
    return None


def docs_link_problem(content: Content, target: str) -> str | None:
    """A link written in a data file (a bank's ``source``, a plan's ``read``): docs-relative."""
    if not isinstance(target, str) or not target.strip():
        return "link must be a docs-relative page path like 'policies/x.md#anchor'"
    if is_external(target):
        return f"link '{target}' must point into this site, not to another host"
    return link_problem(content, "index.md", target.strip(), "zh")
