"""Section index pages: a table of the section's pages generated from their front matter."""

from __future__ import annotations

import datetime
import posixpath

from shuniu.i18n import status_label, t
from shuniu.model import Content, Page, Section, Status
from shuniu.pinyin import numbers_by_value, sort_key
from shuniu.render.html import md_escape_cell

MARKER = "<!-- shuniu:section-index -->"

_STATUS_ORDER = {Status.EFFECTIVE: 0, Status.DRAFT: 1, Status.SUPERSEDED: 2, Status.REPEALED: 3}


def reading_order(page: Page) -> tuple[int, str, tuple[str, str]]:
    """Where a page stands in its section, in the menu and in the index table alike: documents in
    force first, then by document number, then by title in pinyin order (numbers by value in both)."""
    return (_STATUS_ORDER[page.meta.status], numbers_by_value(page.meta.doc_no or ""), sort_key(page.meta.title))


def section_pages(content: Content, folder: str, lang: str) -> list[Page]:
    """Pages directly in ``folder`` (not the index), in :func:`reading_order`."""
    pages = [
        p for p in content.pages_in(lang)
        if not p.is_index and posixpath.dirname(p.base_src) == folder
    ]
    return sorted(pages, key=reading_order)


def render_section_index(content: Content, index: Page, lang: str, today: datetime.date) -> str:
    """A Markdown table of the section's pages: title, status, owner, effective date, next review."""
    folder = posixpath.dirname(index.base_src)
    pages = section_pages(content, folder, lang)
    if not pages:
        return t(lang, "no_pages")
    with_doc_no = index.section is Section.POLICY
    head = [t(lang, "title")] + ([t(lang, "doc_no")] if with_doc_no else [])
    head += [t(lang, key) for key in ("status", "owner", "effective", "next_review")]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for page in pages:
        meta = page.meta
        link = f"[{md_escape_cell(meta.title)}]({posixpath.basename(page.base_src)})"
        cells = [link] + ([md_escape_cell(meta.doc_no or "")] if with_doc_no else [])
        cells += [
            status_label(lang, meta.status),
            md_escape_cell(meta.owner or ""),
            meta.effective.isoformat() if meta.effective else "",
            _next_review(meta.next_review, today, lang),
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _next_review(day: datetime.date | None, today: datetime.date, lang: str) -> str:
    if day is None:
        return ""
    return f"{day.isoformat()}（{t(lang, 'overdue')}）" if day < today else day.isoformat()
