"""Telling readers of the English site which pages they will find in Chinese only.

A page without a translation is shown in Chinese on the English site (mkdocs-static-i18n's
fallback), and so are generated pages whose content is Chinese data (a bank's questions, the
glossary's terms). Such a page opens with a notice and carries a "中文" badge in the menus.
"""

from __future__ import annotations

from shuniu.model import DEFAULT_LANG, Content

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
