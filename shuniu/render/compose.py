"""The Markdown a page is built from: header, the author's body, and generated parts.

Feature modules add body transforms (listed in :mod:`shuniu.features`): each takes the page and
its Markdown and returns the Markdown to build (e.g. a procedure's steps, the glossary tooltips).
"""

from __future__ import annotations

import datetime

from shuniu.features import BODY_TRANSFORMS
from shuniu.model import Content, Page
from shuniu.render.language import chinese_only_notice, is_chinese_only
from shuniu.render.page_header import render_header
from shuniu.render.section_index import MARKER, render_section_index


def _section_index(content: Content, page: Page, markdown: str, lang: str, today: datetime.date) -> str:
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, render_section_index(content, page, lang, today))


def compose_markdown(content: Content, page: Page, markdown: str, lang: str, today: datetime.date) -> str:
    """Turn the body MkDocs read into what the site shows, for a reader of ``lang``."""
    for transform in (_section_index, *BODY_TRANSFORMS):
        markdown = transform(content, page, markdown, lang, today)
    notice = chinese_only_notice() if is_chinese_only(page.lang, lang) else ""
    return notice + render_header(content, page, lang, today) + "\n" + markdown
