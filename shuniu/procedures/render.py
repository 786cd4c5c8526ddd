"""The generated sections of a procedure page: steps, flow diagram, roles and basis.

The step guide is raw HTML (every value escaped) so each step can be an expandable
``<details>`` block with a stable ``#step-<id>`` anchor; the role table and basis list are
Markdown so MkDocs checks their links.
"""

from __future__ import annotations

import re

from shuniu.markdown import body_lines
from shuniu.model import Page, Step
from shuniu.procedures.basis import citations
from shuniu.procedures.diagram import render_diagram
from shuniu.procedures.flow import FlowStep, flow_steps, roles
from shuniu.procedures.strings import t
from shuniu.render.html import esc, md_escape_cell
from shuniu.render.page_header import relative_link
from shuniu.render.raw_html import kept_aside

_SECTION = re.compile(r"^##\s")


def md_text(text: str) -> str:
    """Content text safe inside Markdown inline markup (link text, list items)."""
    return md_escape_cell(text)


def checklist_src(page: Page) -> str:
    """Where a procedure's generated checklist page lives (docs-relative)."""
    return f"procedures/checklists/{page.meta.id}.md"


def has_checklist(page: Page) -> bool:
    return any(step.checks for step in page.steps)


def insert_generated(markdown: str, generated: str) -> str:
    """Put ``generated`` after the body's first ``##`` section (or at the end if there is none)."""
    lines = markdown.split("\n")
    starts = [offset for offset, line in body_lines(markdown) if _SECTION.match(line)]
    if len(starts) < 2:
        return markdown.rstrip("\n") + "\n\n" + generated + "\n"
    cut = starts[1]
    return "\n".join(lines[:cut]).rstrip("\n") + "\n\n" + generated + "\n\n" + "\n".join(lines[cut:])


def render_sections(page: Page, lang: str) -> str:
    """The Markdown of every generated section, in reading order."""
    flow = flow_steps(page.steps)
    parts = [
        f"## {t(lang, 'steps')} {{#steps}}",
        _checklist_link(page, lang),
        kept_aside(render_guide(flow, lang)),
        f"## {t(lang, 'flow')} {{#flow}}",
        t(lang, "flow_hint"),
        kept_aside(render_diagram(flow, t(lang, "flow_title", title=page.meta.title))),
        kept_aside(render_diagram(flow, t(lang, "flow_title", title=page.meta.title), narrow=True)),
        f"## {t(lang, 'roles')} {{#roles}}",
        render_roles(flow, lang),
        f"## {t(lang, 'basis')} {{#basis}}",
        render_basis(page.meta.basis, flow, lang),
    ]
    return "\n\n".join(part for part in parts if part)


def _checklist_link(page: Page, lang: str) -> str:
    if not has_checklist(page):
        return ""
    target = relative_link(page.src, checklist_src(page))
    return f"[{t(lang, 'open_checklist')}]({target}){{ .md-button .shuniu-checklist-link }} {t(lang, 'checklist_hint')}"


def render_guide(flow: tuple[FlowStep, ...], lang: str) -> str:
    """The numbered step-by-step guide: one expandable block per step."""
    labels = {item.step.id: item.label for item in flow}
    items = "\n".join(_guide_step(item, labels, lang) for item in flow)
    return f'<ol class="shuniu-steps">\n{items}\n</ol>'


def _guide_step(item: FlowStep, labels: dict[str, str], lang: str) -> str:
    step = item.step
    modifier = " shuniu-step--or" if item.display != str(item.number) else ""
    summary = (
        f'<summary><span class="shuniu-step__title">{esc(step.title)}</span> '
        f'<span class="shuniu-step__role">{esc(step.role)}</span></summary>'
    )
    return (
        f'<li class="shuniu-step{modifier}" id="{esc(step.anchor)}"><span class="shuniu-step__num">{esc(item.display)}</span>'
        f'<details class="shuniu-step__box" open>{summary}\n'
        f"{_facts(item, labels, lang)}{_checks(step, lang)}{_next(item, labels, lang)}</details></li>"
    )


def _facts(item: FlowStep, labels: dict[str, str], lang: str) -> str:
    step, sep = item.step, t(lang, "list_sep")
    when = sep.join(t(lang, "when_value", step=labels.get(src, src), when=cond) for src, cond in item.reached_when)
    rows = [
        ("when", when),
        ("who", step.role),
        ("what", step.action),
        ("time_limit", step.time_limit or ""),
        ("inputs", sep.join(step.inputs)),
        ("outputs", sep.join(step.outputs)),
        ("basis", sep.join(step.basis)),
    ]
    cells = "".join(f"<dt>{esc(t(lang, key))}</dt><dd>{esc(value)}</dd>" for key, value in rows if value)
    return f'<dl class="shuniu-step__facts">{cells}</dl>\n'


def _checks(step: Step, lang: str) -> str:
    if not step.checks:
        return ""
    items = "".join(f"<li>{esc(check.text)}</li>" for check in step.checks)
    return f'<p class="shuniu-step__checks-title">{esc(t(lang, "checks"))}</p><ul class="shuniu-step__checks">{items}</ul>\n'


def _next(item: FlowStep, labels: dict[str, str], lang: str) -> str:
    if item.is_end:
        return f'<p class="shuniu-step__next shuniu-step__next--end">{esc(t(lang, "end"))}</p>'
    if item.follows_on:
        return ""
    step = item.step
    links = [f'<a href="#step-{esc(target)}">{esc(labels.get(target, target))}</a>' for target in step.next]
    if step.conditions:
        choices = [f"{esc(t(lang, 'branch', when=cond))}{link}" for cond, link in zip(step.conditions, links, strict=True)]
        joined = esc(t(lang, "list_sep")).join(choices)
    else:
        joined = f" {esc(t(lang, 'or'))} ".join(links)
    lead = t(lang, "next_choice") if len(step.next) > 1 else t(lang, "next")
    return f'<p class="shuniu-step__next">{esc(lead)}{joined}</p>'


def _step_link(item: FlowStep, text: str) -> str:
    return f"[{md_text(text)}](#{item.step.anchor})"


def render_roles(flow: tuple[FlowStep, ...], lang: str) -> str:
    """A table: each role, the steps it carries out and the records it produces."""
    head = [t(lang, "role"), t(lang, "role_steps"), t(lang, "role_outputs")]
    rows = ["| " + " | ".join(head) + " |", "|---|---|---|"]
    sep = t(lang, "name_sep")
    for role in roles(tuple(item.step for item in flow)):
        mine = [item for item in flow if item.step.role == role]
        steps = sep.join(_step_link(item, item.label) for item in mine)
        outputs = sep.join(md_text(o) for o in dict.fromkeys(o for item in mine for o in item.step.outputs))
        rows.append(f"| {md_text(role)} | {steps} | {outputs} |")
    return "\n".join(rows)


def render_basis(page_basis: tuple[str, ...], flow: tuple[FlowStep, ...], lang: str) -> str:
    """Page-level and per-step bases, each once, with the steps that cite it."""
    lines = [f"- {md_text(c.text)}{_cited_in(list(c.steps), len(flow), lang)}" for c in citations(page_basis, flow)]
    return "\n".join(lines) or t(lang, "no_basis")


def _cited_in(items: list[FlowStep], total: int, lang: str) -> str:
    if not items:
        return ""
    if len(items) == total > 1:
        return t(lang, "all_steps")
    return t(lang, "cited_in", steps=t(lang, "name_sep").join(_step_link(item, item.step.title) for item in items))
