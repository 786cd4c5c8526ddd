"""Generated checklist pages: one per procedure, plus an index of them all.

The page is a plain printable list of checkboxes grouped by step; it works without
JavaScript. docs/assets/shuniu/checklist.js enhances it (saved ticks, named runs, export,
print button), finding what it needs in ``data-`` attributes: the procedure id and each
item's stable id (CheckItem.id), so saved ticks follow items, not positions.
"""

from __future__ import annotations

import posixpath

from shuniu.generated import GeneratedPage, front_matter
from shuniu.i18n import status_label
from shuniu.model import Content, Page, Section
from shuniu.procedures.flow import FlowStep, flow_steps
from shuniu.procedures.render import checklist_src, has_checklist, md_text
from shuniu.procedures.strings import t
from shuniu.render.html import esc
from shuniu.render.page_header import relative_link

INDEX_SRC = "procedures/checklists/index.md"


def procedures_with_checklists(content: Content, lang: str) -> list[Page]:
    """The procedures a reader of ``lang`` sees that have at least one check item, in subfolders too."""
    pages = [p for p in content.pages_in(lang) if p.section is Section.PROCEDURE and not p.is_index]
    return sorted((p for p in pages if p.steps and has_checklist(p)), key=lambda p: p.meta.title)


def item_count(page: Page) -> int:
    return sum(len(step.checks) for step in page.steps)


def render_checklist(page: Page, lang: str) -> GeneratedPage:
    """The checklist page of one procedure."""
    src = checklist_src(page)
    meta = page.meta
    link = f"[{md_text(meta.title)}]({relative_link(src, page.base_src)})"
    facts = t(
        lang, "facts",
        effective=meta.effective.isoformat() if meta.effective else "—",
        reviewed=meta.reviewed.isoformat() if meta.reviewed else "—",
        count=str(item_count(page)),
    )
    parts = [t(lang, "checklist_intro", link=link) + "\n{: .shuniu-cl-intro }"]
    if not meta.status.is_current:
        status = status_label(lang, meta.status)
        parts.append(f'!!! warning "{status}"\n    {t(lang, "not_current", status=status)}')
    parts.append(_checklist_html(page, src, facts, lang))
    title = t(lang, "checklist_title", title=meta.title)
    # Reached from its procedure page and the checklist index; twelve more menu entries would bury the rest.
    # The theme prints titles unescaped (no Jinja autoescape), so the title is escaped here; a
    # checklist repeats its procedure's checks word for word, so search should find the procedure.
    markdown = front_matter(esc(title), searchable=False) + "\n\n".join(parts) + "\n"
    return GeneratedPage(src, markdown, in_nav=False)


def _checklist_html(page: Page, src: str, facts: str, lang: str) -> str:
    # Raw HTML links are not rewritten by MkDocs: point at the built .html page directly
    # (the site uses plain .html addresses, use_directory_urls: false).
    procedure_url = relative_link(src, page.base_src)[: -len(".md")] + ".html"
    shown = [item for item in flow_steps(page.steps) if item.step.checks]
    # "或" only where the alternative it belongs to is listed just above (steps without checks are left out).
    alternative = [i > 0 and item.is_alternative and shown[i - 1].number == item.number for i, item in enumerate(shown)]
    steps = "\n".join(_step_group(item, alt, procedure_url, lang) for item, alt in zip(shown, alternative, strict=True))
    return (
        f'<div class="shuniu-checklist" data-procedure="{esc(page.meta.id)}" '
        f'data-title="{esc(page.meta.title)}">\n'
        f'<p class="shuniu-cl-facts">{esc(facts)}</p>\n'
        f'<p class="shuniu-cl-nojs">{esc(t(lang, "nojs"))}</p>\n'
        f"{steps}\n{_signature_blanks(lang)}\n</div>"
    )


def _step_group(item: FlowStep, alternative: bool, procedure_url: str, lang: str) -> str:
    step = item.step
    marker = t(lang, "or") if alternative else str(item.number)
    boxes = "".join(
        f'<li class="shuniu-cl-item"><label><input type="checkbox" data-item="{esc(check.id)}">'
        f'<span class="shuniu-cl-text">{esc(check.text)}</span></label></li>'
        for check in step.checks
    )
    return (
        f'<section class="shuniu-cl-step" data-step="{esc(step.id)}" data-step-title="{esc(item.label)}">'
        f'<h2 class="shuniu-cl-heading" id="{esc(step.anchor)}">'
        f'<span class="shuniu-cl-num">{esc(marker)}</span> '
        f'<a href="{esc(procedure_url)}#{esc(step.anchor)}">{esc(step.title)}</a> '
        f'<span class="shuniu-cl-role">{esc(step.role)}</span></h2>'
        f'<ul class="shuniu-cl-items">{boxes}</ul></section>'
    )


def _signature_blanks(lang: str) -> str:
    blanks = "".join(
        f'<p class="shuniu-cl-blank"><span class="shuniu-cl-label">{esc(t(lang, key))}</span>'
        f'<span class="shuniu-cl-line"></span></p>'
        for key in ("handler", "date", "signature")
    )
    return f'<div class="shuniu-cl-sign">{blanks}</div>'


def render_index(content: Content, lang: str) -> GeneratedPage:
    """The list of every procedure's checklist."""
    pages = procedures_with_checklists(content, lang)
    rows = [
        f"| {t(lang, 'checklist')} | {t(lang, 'procedure')} | {t(lang, 'items')} |",
        "|---|---|---:|",
    ]
    for page in pages:
        checklist = posixpath.basename(checklist_src(page))
        title = md_text(t(lang, "checklist_title", title=page.meta.title))
        procedure = f"[{md_text(page.meta.title)}]({relative_link(INDEX_SRC, page.base_src)})"
        rows.append(f"| [{title}]({checklist}) | {procedure} | {item_count(page)} |")
    table = "\n".join(rows) if pages else t(lang, "no_checklists")
    markdown = front_matter(esc(t(lang, "index_title"))) + t(lang, "index_intro") + "\n\n" + table + "\n"
    return GeneratedPage(INDEX_SRC, markdown)


def generate_checklists(content: Content, lang: str) -> list[GeneratedPage]:
    """Every checklist page and the index, for a reader of ``lang``."""
    pages = procedures_with_checklists(content, lang)
    return [render_checklist(page, lang) for page in pages] + [render_index(content, lang)]
