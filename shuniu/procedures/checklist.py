"""Generated checklist pages: one per procedure, plus an index of them all.

The page is a plain printable list of checkboxes grouped by step; it works without
JavaScript. docs/assets/shuniu/checklist.js enhances it (saved ticks, named runs, export,
print button), finding what it needs in ``data-`` attributes: the procedure id, each
item's stable id (CheckItem.id, shared by translations) and the text-hash ids it had before
it was given one (``data-legacy``, so old ticks carry over), the flow's steps and branches
(``data-flow``) and, at each decision, one radio button per branch: choosing one counts only
the items on the path taken.
"""

from __future__ import annotations

import json
import posixpath

from shuniu.generated import GeneratedPage, front_matter
from shuniu.i18n import status_label
from shuniu.model import Content, Page, Section
from shuniu.procedures.flow import FlowStep, flow_steps, loops_back
from shuniu.procedures.render import checklist_src, has_checklist, md_text
from shuniu.procedures.strings import t
from shuniu.render.html import esc
from shuniu.render.language import chinese_page_url, is_chinese_only
from shuniu.render.page_header import relative_link
from shuniu.render.raw_html import kept_aside

INDEX_SRC = "procedures/checklists/index.md"


def procedures_with_checklists(content: Content, lang: str, translated_only: bool = True) -> list[Page]:
    """The procedures a reader of ``lang`` sees that have at least one check item, in subfolders
    too; with ``translated_only``, those written in ``lang`` (the Chinese site: all of them)."""
    pages = [p for p in content.pages_in(lang) if p.section is Section.PROCEDURE and not p.is_index
             and (p.lang == lang or not translated_only)]
    return sorted((p for p in pages if p.steps and has_checklist(p)), key=lambda p: p.meta.title)


def item_count(page: Page) -> int:
    return sum(len(step.checks) for step in page.steps)


def legacy_ids(pages: list[Page]) -> dict[str, tuple[str, ...]]:
    """Item id -> the text-hash ids its item had in ``pages`` (a procedure and its translations)
    before the author gave it an id: ticks saved under those carry over to the new id."""
    found: dict[str, dict[str, None]] = {}
    for page in pages:
        for check in (c for step in page.steps for c in step.checks if c.has_own_id):
            found.setdefault(check.id, {})[check.legacy_id] = None
    return {item: tuple(ids) for item, ids in found.items()}


def render_checklist(page: Page, lang: str, legacy: dict[str, tuple[str, ...]] | None = None) -> GeneratedPage:
    """The checklist page of one procedure; ``legacy`` as from :func:`legacy_ids` (default: this page's)."""
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
    parts.append(kept_aside(_checklist_html(page, src, facts, lang, legacy if legacy is not None else legacy_ids([page]))))
    title = t(lang, "checklist_title", title=meta.title)
    # Reached from its procedure page and the checklist index; twelve more menu entries would bury the rest.
    # The theme prints titles unescaped (no Jinja autoescape), so the title is escaped here; a
    # checklist repeats its procedure's checks word for word, so search should find the procedure.
    markdown = front_matter(esc(title), searchable=False) + "\n\n".join(parts) + "\n"
    return GeneratedPage(src, markdown, in_nav=False, chinese_only=is_chinese_only(page.lang, lang))


def _checklist_html(page: Page, src: str, facts: str, lang: str, legacy: dict[str, tuple[str, ...]]) -> str:
    # Raw HTML links are not rewritten by MkDocs: point at the built .html page directly
    # (the site uses plain .html addresses, use_directory_urls: false).
    procedure_url = relative_link(src, page.base_src)[: -len(".md")] + ".html"
    flow = flow_steps(page.steps)
    labels = {item.step.id: item.label for item in flow}
    shown = [item for item in flow if item.step.checks or item.is_decision]
    steps = "\n".join(_step_group(item, labels, page, procedure_url, legacy, lang) for item in shown)
    return (
        f'<div class="shuniu-checklist" data-procedure="{esc(page.meta.id)}" '
        f'data-title="{esc(page.meta.title)}" data-flow="{esc(_flow_data(flow))}">\n'
        f'<p class="shuniu-cl-facts">{esc(facts)}</p>\n'
        f'<p class="shuniu-cl-nojs">{esc(t(lang, "nojs"))}</p>\n'
        f"{steps}\n{_signature_blanks(lang)}\n</div>"
    )


def _flow_data(flow: tuple[FlowStep, ...]) -> str:
    """The flow as checklist.js walks it: the first step and every step's next steps."""
    return json.dumps(
        {"first": flow[0].step.id, "next": {item.step.id: list(item.step.next) for item in flow}},
        ensure_ascii=False, separators=(",", ":"),
    )


def _step_group(
    item: FlowStep, labels: dict[str, str], page: Page, procedure_url: str,
    legacy: dict[str, tuple[str, ...]], lang: str,
) -> str:
    step = item.step
    boxes = "".join(
        f'<li class="shuniu-cl-item"><label><input type="checkbox" data-item="{esc(check.id)}"'
        f'{_legacy_attribute(legacy.get(check.id, ()))}>'
        f'<span class="shuniu-cl-mark" aria-hidden="true">☐</span>'
        f'<span class="shuniu-cl-text">{esc(check.text)}</span></label></li>'
        for check in step.checks
    )
    items = f'<ul class="shuniu-cl-items">{boxes}</ul>' if boxes else ""
    return (
        f'<section class="shuniu-cl-step" data-step="{esc(step.id)}" data-step-title="{esc(item.label)}">'
        f'<h2 class="shuniu-cl-heading" id="{esc(step.anchor)}">'
        f'<span class="shuniu-cl-num">{esc(item.display)}</span> '
        f'<a href="{esc(procedure_url)}#{esc(step.anchor)}">{esc(step.title)}</a> '
        f'<span class="shuniu-cl-role">{esc(step.role)}</span></h2>'
        f"{items}{_branch_choice(item, labels, page, lang)}</section>"
    )


def _legacy_attribute(ids: tuple[str, ...]) -> str:
    return f' data-legacy="{esc(" ".join(ids))}"' if ids else ""


def _branch_choice(item: FlowStep, labels: dict[str, str], page: Page, lang: str) -> str:
    """At a decision, one radio button per branch (its condition and where it leads)."""
    if not item.is_decision:
        return ""
    step = item.step
    options = "".join(
        f'<label class="shuniu-cl-option"><input type="radio" name="shuniu-branch-{esc(step.id)}" '
        f'value="{esc(target)}"{" data-loops" if loops_back(step, target, page.steps) else ""}>'
        f'<span class="shuniu-cl-mark" aria-hidden="true">☐</span>'
        f'<span class="shuniu-cl-text">{esc(_option_text(step.condition(target), labels.get(target, target)))}</span></label>'
        for target in step.next
    )
    return (
        f'<fieldset class="shuniu-cl-branch" data-decision="{esc(step.id)}">'
        f'<legend>{esc(t(lang, "branch_legend"))}<span class="shuniu-cl-hint">{esc(t(lang, "branch_hint"))}</span>'
        f"</legend>{options}</fieldset>"
    )


def _option_text(condition: str, label: str) -> str:
    return f"{condition} → {label}" if condition else label


def _signature_blanks(lang: str) -> str:
    blanks = "".join(
        f'<p class="shuniu-cl-blank" data-blank="{key}"><span class="shuniu-cl-label">{esc(t(lang, key))}</span>'
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
    if len(pages) < len(procedures_with_checklists(content, lang, translated_only=False)):
        link = f'<a href="{esc(chinese_page_url(INDEX_SRC))}" hreflang="zh" lang="zh">检查清单</a>'
        markdown += f'\n<p lang="en">{t(lang, "chinese_only_checklists", link=link)}</p>\n'
    return GeneratedPage(INDEX_SRC, markdown)


def generate_checklists(content: Content, lang: str) -> list[GeneratedPage]:
    """Every checklist page and the index, for a reader of ``lang``: on another language's site
    only those of translated procedures (an untranslated one's English page leads to the Chinese
    page, whose checklist is the Chinese one; issue #17)."""
    pages = procedures_with_checklists(content, lang)
    checklists = [render_checklist(page, lang, legacy_ids(_versions(content, page))) for page in pages]
    return checklists + [render_index(content, lang)]


def _versions(content: Content, page: Page) -> list[Page]:
    """A procedure in every language it is written in."""
    return [p for p in content.pages if p.base_src == page.base_src]
