"""Small helpers for writing HTML safely: everything from content is escaped."""

from __future__ import annotations

import re
from collections.abc import Callable, MutableMapping
from html import escape
from typing import Any


def esc(text: object) -> str:
    """Escape text from content for HTML text or attribute values."""
    return escape(str(text), quote=True)


# Characters Markdown would read as markup: links ([x](javascript:...)), emphasis, code,
# attribute lists ({: onclick=...}), headings. Backslash-escaped, they are shown as they are.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#!])")


def md_escape_cell(text: str) -> str:
    """Content text shown as it is in Markdown: inline text, link text, a table cell."""
    return _MD_SPECIAL.sub(r"\\\1", escape(text, quote=False)).replace("|", "&#124;").replace("\n", " ")


# Front-matter fields the theme prints into pages (<title>, <meta>, the menus, search results)
# without escaping: MkDocs' templates do not autoescape.
THEME_TEXT_FIELDS = ("title", "description")


def escape_theme_fields(meta: MutableMapping[str, Any], escape_text: Callable[[str], str] = esc) -> None:
    """Escape, in place, the front-matter values the theme prints as HTML: title, description,
    and tags (the search index shows them in results as HTML). ``escape_text`` should be
    idempotent (markupsafe's escape is) so a page read twice is not escaped twice."""
    for key in THEME_TEXT_FIELDS:
        value = meta.get(key)
        if isinstance(value, str):
            meta[key] = escape_text(value)
    tags = meta.get("tags")
    if isinstance(tags, list):
        meta["tags"] = [escape_text(tag) if isinstance(tag, str) else tag for tag in tags]


def md_link_text(text: str) -> str:
    """Text safe as the text of a Markdown link (``[text](target)``), in a table cell too."""
    return md_escape_cell(text)
