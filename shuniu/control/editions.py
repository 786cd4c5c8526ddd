"""Public and internal editions of the site.

Pages (``classification: internal`` in front matter) and banks (a top-level
``classification: internal`` in quizzes/<id>.yml) marked internal are built only into the
internal edition (``SHUNIU_EDITION=internal``, `make build-internal`). The default public
edition leaves them out, so nothing public may point at them: a public page's link, a study
plan's reading or quiz, a study unit's bank, a glossary source or a public bank's question
source pointing at internal content is an error in the public edition.
"""

from __future__ import annotations

import dataclasses
import enum
import os
from collections.abc import Iterator, Mapping

from shuniu.links import is_external, resolve
from shuniu.model import Classification, Content, base_src
from shuniu.problems import Problems

EDITION_VARIABLE = "SHUNIU_EDITION"
LEFT_OUT = ", which the public edition leaves out (build the internal one with SHUNIU_EDITION=internal)"


class Edition(enum.Enum):
    PUBLIC = "public"
    INTERNAL = "internal"


def current_edition(environ: Mapping[str, str] = os.environ) -> Edition:
    """The edition being built or checked: SHUNIU_EDITION, public when unset or unknown.

    An unknown value is reported by :func:`check_edition_variable`, so it fails the build.
    """
    value = environ.get(EDITION_VARIABLE, "").strip().lower()
    return Edition.INTERNAL if value == Edition.INTERNAL.value else Edition.PUBLIC


def check_edition_variable(content: Content) -> Problems:
    problems = Problems()
    value = os.environ.get(EDITION_VARIABLE, "").strip().lower()
    if value and value not in {e.value for e in Edition}:
        problems.add("docs", 0, f"{EDITION_VARIABLE} must be 'public' or 'internal', got '{value}'")
    return problems


def internal_bases(content: Content) -> set[str]:
    """Language-neutral sources of internal pages; a translation follows its original."""
    return {p.base_src for p in content.pages if p.meta.classification is Classification.INTERNAL}


def internal_bank_ids(content: Content) -> set[str]:
    return {bank.id for bank in getattr(content, "banks", []) if bank.path in content.internal_banks}


def excluded_sources(content: Content, edition: Edition) -> set[str]:
    """Docs-relative sources (every language) that ``edition`` must not build."""
    if edition is Edition.INTERNAL:
        return set()
    hidden = internal_bases(content)
    return {p.src for p in content.pages if p.base_src in hidden}


def edition_content(content: Content, edition: Edition) -> Content:
    """The content as ``edition`` shows it: internal pages and banks left out of the public one,
    so section indexes, plans and generated pages never list what the edition does not build."""
    if edition is Edition.INTERNAL:
        return content
    hidden = excluded_sources(content, edition)
    banks = internal_bank_ids(content)
    return dataclasses.replace(
        content,
        pages=[p for p in content.pages if p.src not in hidden],
        banks=[b for b in content.banks if b.id not in banks],
    )


def check_public_references(content: Content) -> Problems:
    """In the public edition, nothing public may point at internal pages or banks."""
    problems = Problems()
    if current_edition() is Edition.INTERNAL:
        return problems
    pages, banks = internal_bases(content), internal_bank_ids(content)
    if not pages and not banks:
        return problems
    for ref in _references(content, pages):
        if ref.kind == "page" and base_src(ref.src) in pages:
            problems.add(ref.path, ref.line, f"link '{ref.written}' points to an internal page{LEFT_OUT}")
        elif ref.kind == "bank" and ref.written in banks:
            problems.add(ref.path, ref.line, f"bank '{ref.written}' is internal{LEFT_OUT}")
    return problems


@dataclasses.dataclass(frozen=True)
class _Reference:
    path: str  # where it is written (root-relative)
    line: int
    kind: str  # "page" or "bank"
    written: str  # as written, for the message
    src: str = ""  # the page it resolves to (docs-relative), for page links


def _references(content: Content, internal: set[str]) -> Iterator[_Reference]:
    """Every reference public content makes to a page or a bank."""
    for page in content.pages:
        if page.base_src in internal:
            continue
        for link in page.links:
            if not is_external(link.target):
                yield _Reference(page.path, link.line, "page", link.target, resolve(page.src, link.target)[0])
        # PageMeta keeps no line per field: line 2 is the front matter, as for duplicate ids.
        yield from (_Reference(page.path, 2, "bank", bank) for bank in page.meta.banks)
    for plan in content.plans:
        for session in plan.sessions:
            yield from (_data_link(plan.path, ref.line, ref.target) for ref in session.read)
            yield from (_Reference(plan.path, ref.line, "bank", ref.target) for ref in session.quiz)
    for term in content.glossary:
        if term.source:
            yield _data_link("docs/glossary.yml", term.source_line, term.source)
    for bank in getattr(content, "banks", []):
        if bank.path not in content.internal_banks:
            for question in bank.questions:
                if question.source:
                    yield _data_link(bank.path, question.source_line, question.source)


def _data_link(path: str, line: int, target: str) -> _Reference:
    """A docs-relative link written in a data file (see shuniu.links.docs_link_problem)."""
    return _Reference(path, line, "page", target, resolve("index.md", target.strip())[0])
