"""The Markdown a page is built from: header, the author's body, and generated parts."""

from __future__ import annotations

import datetime

from shuniu.model import Content, Page
from shuniu.render.page_header import render_header
from shuniu.render.section_index import MARKER, render_section_index


def compose_markdown(content: Content, page: Page, markdown: str, lang: str, today: datetime.date) -> str:
    """Turn the body MkDocs read into what the site shows, for a reader of ``lang``."""
    if MARKER in markdown:
        markdown = markdown.replace(MARKER, render_section_index(content, page, lang, today))
    return render_header(content, page, lang, today) + "\n" + markdown
