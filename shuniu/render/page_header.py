"""The block at the top of every content page: status, owner and dates, so readers can trust it."""

from __future__ import annotations

import datetime
import posixpath

from shuniu.content import successors
from shuniu.control.history import last_updated
from shuniu.i18n import status_label, t
from shuniu.model import Content, Page, Status
from shuniu.render.html import esc, md_link_text
from shuniu.render.raw_html import kept_aside


def relative_link(from_src: str, to_src: str) -> str:
    """A Markdown link target from one docs page to another."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


def render_header(content: Content, page: Page, lang: str, today: datetime.date) -> str:
    """Markdown for the page header; empty for pages without front-matter dates (index pages)."""
    meta = page.meta
    if page.is_index:
        return ""
    facts: list[tuple[str, str]] = []
    if meta.doc_no:
        facts.append((t(lang, "doc_no"), meta.doc_no))
    if meta.owner:
        facts.append((t(lang, "owner"), meta.owner))
    if meta.approver:
        facts.append((t(lang, "approver"), meta.approver))
    for key, day in (("effective", meta.effective), ("reviewed", meta.reviewed), ("next_review", meta.next_review)):
        if day:
            overdue = key == "next_review" and day < today
            facts.append((t(lang, key), day.isoformat() + (f"（{t(lang, 'overdue')}）" if overdue else "")))
    updated = last_updated(content, page, lang)  # from git: when the text itself last changed
    if updated:
        facts.append(updated)
    items = "".join(
        f'<span class="shuniu-meta__item"><span class="shuniu-meta__label">{esc(label)}</span> {esc(value)}</span>'
        for label, value in facts
    )
    status = meta.status.value
    block = kept_aside(
        f'<div class="shuniu-meta" data-status="{status}">'
        f'<span class="shuniu-status shuniu-status--{status}">{esc(status_label(lang, meta.status))}</span>'
        f"{items}</div>"
    ) + "\n"
    return block + _banner(content, page, lang)


def _in_force(page: Page, lang: str) -> str:
    """"（BGS-ZD-001，2025-03-01 起施行）": which document replaces this one, and since when."""
    facts = [md_link_text(page.meta.doc_no or "")]
    if page.meta.effective:
        facts.append(t(lang, "in_force_from", date=page.meta.effective.isoformat()))
    shown = [fact for fact in facts if fact]
    return t(lang, "in_force", facts=t(lang, "list_sep").join(shown)) if shown else ""


def _banner(content: Content, page: Page, lang: str) -> str:
    meta = page.meta
    successor = successors(content).get(meta.id)
    lines: list[str] = []
    if meta.status is Status.SUPERSEDED and successor:
        successor = content.page(successor.base_src, lang) or successor  # its title in the reader's language
        title = md_link_text(f"《{successor.meta.title}》" if lang == "zh" else successor.meta.title)
        link = f"[{title}]({relative_link(page.src, successor.base_src)})" + _in_force(successor, lang)
        lines.append(f'!!! warning "{status_label(lang, meta.status)}"\n    {t(lang, "replaced_by", link=link)}')
    elif meta.status is Status.SUPERSEDED:
        lines.append(f'!!! warning "{status_label(lang, meta.status)}"\n    {t(lang, "replaced_by", link="—")}')
    elif meta.status is Status.REPEALED:
        lines.append(f'!!! danger "{status_label(lang, meta.status)}"\n    {t(lang, "repealed")}')
    elif meta.status is Status.DRAFT:
        lines.append(f'!!! note "{status_label(lang, meta.status)}"\n    {t(lang, "draft")}')
    if meta.supersedes:
        old = next((p for p in content.pages if p.meta.id == meta.supersedes and p.lang == "zh"), None)
        if old:
            link = f"[{md_link_text(old.meta.title)}]({relative_link(page.src, old.base_src)})"
            lines.append(t(lang, "supersedes", link=link))
    return "\n\n".join(lines) + ("\n\n" if lines else "\n")
