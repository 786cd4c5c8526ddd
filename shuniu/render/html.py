"""Small helpers for writing HTML safely: everything from content is escaped."""

from __future__ import annotations

from html import escape


def esc(text: object) -> str:
    """Escape text from content for HTML text or attribute values."""
    return escape(str(text), quote=True)


def md_escape_cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return escape(text, quote=False).replace("|", "&#124;").replace("\n", " ")


def md_link_text(text: str) -> str:
    """Text safe as the text of a Markdown link (``[text](target)``), in a table cell too."""
    return md_escape_cell(text).replace("[", "\\[").replace("]", "\\]")
