"""Loading a whole content root (docs/ and quizzes/) and checking it as one."""

from __future__ import annotations

from pathlib import Path

from shuniu.links import link_problem
from shuniu.model import DEFAULT_LANG, Content, Page, Status
from shuniu.pages import load_page
from shuniu.problems import Problems

DOCS = "docs"
SKIP_DIRS = {"__pycache__", ".git"}


def load_content(root: Path) -> tuple[Content, Problems]:
    """Load every page under ``root/docs``; the problems of each file are collected, none stops it."""
    problems = Problems()
    docs = root / DOCS
    if not docs.is_dir():
        problems.add(DOCS, 0, "no docs folder here (use --root to name the project folder)")
        return Content(), problems
    pages: list[Page] = []
    assets: set[str] = set()
    for file in sorted(docs.rglob("*")):
        if not file.is_file() or SKIP_DIRS & set(file.relative_to(docs).parts):
            continue
        if file.suffix == ".md":
            pages.append(load_page(docs, file, root, problems))
        else:
            assets.add(file.relative_to(docs).as_posix())
    return Content(pages, assets), problems


def check_pages(content: Content) -> Problems:
    """Rules that span pages: unique ids, translations, successors and every link and anchor."""
    problems = Problems()
    first: dict[str, Page] = {}
    for page in content.pages:
        if page.is_index:
            continue
        if page.lang != DEFAULT_LANG:
            _check_translation(content, page, problems)
            continue
        if not page.meta.id:
            continue  # reported as missing where it is read
        other = first.setdefault(page.meta.id, page)
        if other is not page:
            problems.add(page.path, 2, f"duplicate id '{page.meta.id}' (also in {other.path})")
    for page in content.pages:
        if page.meta.supersedes and page.meta.supersedes not in first:
            problems.add(page.path, 2, f"supersedes unknown page id '{page.meta.supersedes}'")
        for link in page.links:
            message = link_problem(content, page.src, link.target, page.lang)
            if message:
                problems.add(page.path, link.line, message)
    return problems


def _check_translation(content: Content, page: Page, problems: Problems) -> None:
    original = content.page(page.base_src)
    if original is None:
        problems.add(page.path, 1, f"translation without an original: {page.base_src} does not exist")
    elif original.meta.id != page.meta.id and original.meta.id and page.meta.id and not page.is_index:
        problems.add(page.path, 2, f"id '{page.meta.id}' differs from the original's id '{original.meta.id}'")
    if original is not None:
        _check_translated_anchors(original, page, problems)


def _check_translated_anchors(original: Page, page: Page, problems: Problems) -> None:
    """A translation keeps the original's anchors, so every link into the page works in both
    languages (pages without a translation link to it from the English site too)."""
    kept = page.anchors
    for heading in original.headings:
        if heading.anchor not in kept:
            problems.add(
                page.path, page.body_line,
                f"translation lacks the anchor '#{heading.anchor}' of {original.path}:{heading.line} "
                f"(end the matching heading with {{#{heading.anchor}}})",
            )


def successors(content: Content) -> dict[str, Page]:
    """Page id -> the current page that supersedes it (for 'replaced by' banners)."""
    return {
        p.meta.supersedes: p
        for p in content.pages
        if p.meta.supersedes and p.lang == DEFAULT_LANG and p.meta.status is not Status.DRAFT
    }
