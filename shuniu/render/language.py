"""Telling readers of the English site which pages they will find in Chinese only.

A written page without a translation has on the English site a short marked page of its own
(:func:`chinese_only_stub`): the notice, a link to the Chinese page and its outline, not a second
copy of the Chinese text (a full render on every build; bench/, issue #17). Generated pages whose
content is Chinese data (the glossary's terms, a plan's sessions) are shown in Chinese with the
notice. Either kind carries a "中文" badge in the menus. A bank with no English version has no
English page at all (it would only repeat the Chinese page's counts, at the cost of a page render
per bank): English pages link to its Chinese page, marked as such, and the English player still
practises it.
"""

from __future__ import annotations

import posixpath
from html import escape

from shuniu.model import DEFAULT_LANG, Content, Page
from shuniu.render.html import md_escape_cell

NOTICE_TEXT = "This page is available in Chinese only."
NOTICE_CLASS = "shuniu-zh-only"
# Material's nav status badges (mkdocs.yml extra.status); CSS draws them (assets/shuniu/shuniu.css).
STATUS_DEPRECATED = "deprecated"
STATUS_CHINESE_ONLY = "zh-only"
STATUS_DEPRECATED_CHINESE_ONLY = "deprecated-zh-only"


def is_chinese_only(content_lang: str, site_lang: str) -> bool:
    """Whether a page whose text is in ``content_lang`` falls back to Chinese on ``site_lang``'s site."""
    return site_lang != DEFAULT_LANG and content_lang == DEFAULT_LANG


def chinese_only_notice() -> str:
    """The notice at the top of a Chinese-only page on the English site (Markdown: a raw block).

    The page's Chinese text follows; ``lang="en"`` keeps screen readers reading the notice as English.
    """
    return f'<p class="{NOTICE_CLASS}" lang="en" role="note">{NOTICE_TEXT}</p>\n\n'


def chinese_page_url(src_uri: str, from_src: str | None = None) -> str:
    """The address of the Chinese page of ``src_uri`` (``policies/x.md``), relative to the English
    page of ``from_src`` (by default its own English copy, ``en/policies/x.html``): for raw HTML,
    since MkDocs would turn a Markdown link into the English page again."""
    folder = posixpath.dirname(src_uri if from_src is None else from_src)
    up = "../" * (folder.count("/") + 2 if folder else 1)
    return up + src_uri.removesuffix(".md") + ".html"


def bank_has_page(content: Content, bank_id: str, lang: str) -> bool:
    """Whether a bank has a page on ``lang``'s site: every bank in Chinese, in English those with an
    English version."""
    return lang == DEFAULT_LANG or bank_id in content.english_banks


# After a link to a Chinese page from an English one (CSS: assets/shuniu/shuniu.css).
CHINESE_ONLY_MARK = '<span class="shuniu-zh-mark">(Chinese only)</span>'


def chinese_page_link(src_uri: str, from_src: str, text: str) -> str:
    """Markdown for an English page (of ``from_src``), a table cell too: a link (inline raw HTML) to
    the Chinese page of ``src_uri``, which has no English version, marked as Chinese only."""
    url = chinese_page_url(src_uri, from_src)
    # The link text is still read as Markdown between the raw tags: escaped as a cell's text.
    return f'<a href="{escape(url)}" hreflang="zh">{md_escape_cell(text)}</a> {CHINESE_ONLY_MARK}'


CHINESE_LINK_TEXT = "Read it in Chinese:"
OUTLINE_TEXT = "What the Chinese page holds (each line opens that part of it):"


def chinese_only_stub(page: Page) -> str:
    """The body of a page's English copy when the page has no English text (raw HTML blocks).

    The notice, a link to the Chinese page and its outline: one line per heading and step, each
    carrying the anchor a link to this page may name (a translated page, a question's source), so
    such a link lands on the line that leads to the same place in the Chinese page. The Chinese
    text is marked ``lang="zh"`` so screen readers read it as Chinese.
    """
    url = chinese_page_url(page.base_src)
    link = f'<a href="{escape(url)}" hreflang="zh" lang="zh">{escape(page.meta.title)}</a>'
    lines = [(h.anchor, h.text, h.level) for h in page.headings]
    lines += [(step.anchor, step.title, 3) for step in page.steps]
    shown = {anchor for anchor, _, _ in lines}
    items = "".join(
        f'<li id="{escape(anchor)}" class="shuniu-zh-outline-{min(level, 4)}">'
        f'<a href="{escape(url)}#{escape(anchor)}" hreflang="zh" lang="zh">{escape(text)}</a></li>'
        for anchor, text, level in lines)
    # Generated sections of a procedure (steps, flow, …) have no line of their own: the anchor alone.
    hidden = "".join(f'<span id="{escape(a)}"></span>' for a in sorted(page.anchors - shown))
    outline = ""
    if items or hidden:
        outline = f'<p lang="en">{OUTLINE_TEXT}</p>\n<ul class="shuniu-zh-outline">{items}</ul>{hidden}\n\n'
    return chinese_only_notice() + f'<p class="shuniu-zh-link" lang="en">{CHINESE_LINK_TEXT} {link}</p>\n\n' + outline


def nav_status(*, deprecated: bool, chinese_only: bool) -> str | None:
    """The menu badge of a page: no longer in force, Chinese only, both, or none."""
    if deprecated and chinese_only:
        return STATUS_DEPRECATED_CHINESE_ONLY
    if deprecated:
        return STATUS_DEPRECATED
    return STATUS_CHINESE_ONLY if chinese_only else None


def english_for(content: Content, title: str, site_lang: str) -> str | None:
    """The term list's English for ``title`` (a page's title, a tag) on ``site_lang``'s site, or None."""
    if site_lang == DEFAULT_LANG:
        return None
    return content.english_terms.get(title)


def english_title(content: Content, title: str, site_lang: str) -> str | None:
    """A Chinese-only page's title in English from the term list (first letter capital), or None."""
    english = english_for(content, title, site_lang)
    return english[:1].upper() + english[1:] if english else None
