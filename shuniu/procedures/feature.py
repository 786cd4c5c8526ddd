"""Registers the procedure feature: the generated sections of every procedure page, the
checklist pages, the check that an author's heading does not take a generated anchor, and
(shuniu.procedures.translations) the check that translations keep step and check ids."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from shuniu.generated import Generated
from shuniu.model import PROCEDURE_ANCHORS, Content, Page, Section
from shuniu.problems import Problems
from shuniu.procedures.checklist import generate_checklists
from shuniu.procedures.render import insert_generated, render_sections


def is_procedure(page: Page) -> bool:
    return page.section is Section.PROCEDURE and not page.is_index and bool(page.steps)


def procedure_sections(content: Content, page: Page, markdown: str, lang: str, today: datetime.date) -> str:
    """Steps, flow diagram, roles and basis, after the body's first section."""
    if not is_procedure(page):
        return markdown
    return insert_generated(markdown, render_sections(page, lang))


def checklist_pages(content: Content, lang: str, today: datetime.date) -> Iterable[Generated]:
    return generate_checklists(content, lang)


def generated_anchors_are_free(content: Content) -> Problems:
    """A heading whose anchor is one the build gives a generated section would break links to both."""
    problems = Problems()
    for page in content.pages:
        if not is_procedure(page):
            continue
        for heading in page.headings:
            if heading.anchor in PROCEDURE_ANCHORS:
                problems.add(
                    page.path, heading.line,
                    f"heading '{heading.text}' takes the anchor '#{heading.anchor}' of a generated section; "
                    f"end the heading with another anchor, e.g. {{#{heading.anchor}-notes}}",
                )
    return problems
