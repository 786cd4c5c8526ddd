"""The features the site and `shuniu check` run: one explicit list of what each contributes.

- loaders ``(root, content, problems)`` read their own files into :class:`Content`; one that
  starts work on the side hands back a function that finishes it, called after every loader;
- checkers ``(content) -> Problems`` are rules that need everything loaded (`shuniu check` and
  the build both run them, through :func:`shuniu.check.check_root`);
- body transforms ``(content, page, markdown, lang, today) -> markdown`` add generated parts to
  a page's Markdown (:func:`shuniu.render.compose.compose_markdown`);
- generators ``(content, lang, today)`` make pages and files at build time (:func:`generate`).

Each kind runs in the order listed here. A new feature adds its functions to these lists; the
feature modules import nothing from this module or from its readers, so no import circles
(tests/test_import_cycles.py).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from shuniu import html_safety, terms
from shuniu.control import (
    classification,
    editions,
    glossary,
    glossary_page,
    history,
    history_block,
    plan_page,
    plans,
    review,
    sources,
)
from shuniu.export import downloads
from shuniu.generated import Generated, Generator
from shuniu.model import Content, Page
from shuniu.problems import Problems
from shuniu.procedures import feature as procedures
from shuniu.procedures import translations
from shuniu.quiz import load, pages, publish, study_links, translation, validate
from shuniu.search import words
from shuniu.web import assets

Loader = Callable[[Path, Content, Problems], Callable[[], None] | None]
Checker = Callable[[Content], Problems]
BodyTransform = Callable[[Content, Page, str, str, datetime.date], str]

LOADERS: tuple[Loader, ...] = (
    terms.load_terms,  # the zh→en term list translations follow (issue #15)
    classification.begin_scan_for_markings,  # nothing classified enters the repository (issue #6)
    glossary.load_glossary,
    history.load_history,  # change history from git
    plans.load_plans,  # study plans
    downloads.remember_root,  # bank exports offered for download (issue #5)
    load.load_banks,  # question banks (issue #4)
    translation.load_translations,  # English versions of banks, after the banks they translate (issue #15)
    words.check_words,  # the search word list, checked like content (issue #11)
    assets.web_sources,  # the browser code, joined and minified at build time
)

CHECKERS: tuple[Checker, ...] = (
    html_safety.check_body_html,  # raw HTML in page bodies: only harmless elements (issue #10)
    classification.scan_commit_messages,
    editions.check_edition_variable,  # public and internal editions
    editions.check_public_references,
    glossary.check_glossary_sources,
    plans.check_plans,
    plans.check_study_units,
    sources.check_basis,  # the basis index
    translations.translations_keep_step_and_check_ids,
    procedures.generated_anchors_are_free,  # procedure guides, diagrams, checklists (issue #3)
    validate.check_banks,
)

BODY_TRANSFORMS: tuple[BodyTransform, ...] = (
    glossary_page.glossary_tooltips,
    history_block.change_history,
    study_links.unit_banks,  # study units lead to practice
    pages.bank_index,
    procedures.procedure_sections,
)

GENERATORS: tuple[Generator, ...] = (
    glossary_page.glossary_page,
    plan_page.plan_pages,
    review.review_page,
    sources.sources_page,
    publish.quiz_data,
    pages.quiz_pages,
    downloads.bank_downloads,
    procedures.checklist_pages,
)


# Generators whose files no page needs while it is built (downloads linked as plain HTML): the
# site makes them after its pages, so slow work (bank exports) overlaps the page rendering.
LATE_GENERATORS: tuple[Generator, ...] = (downloads.bank_downloads,)


def generate(content: Content, lang: str, today: datetime.date, late: bool | None = None) -> list[Generated]:
    """What the generators make for a reader of ``lang``, in a stable order: everything (``late``
    None), everything but the late generators' files (False), or only those (True)."""
    chosen = [function for function in GENERATORS if late is None or (function in LATE_GENERATORS) == late]
    made = [item for function in chosen for item in function(content, lang, today)]
    return sorted(made, key=lambda item: item.src_uri)
