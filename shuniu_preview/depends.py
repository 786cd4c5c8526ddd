"""Which generated pages a save can change: each generator's output is kept with the parts of the
content it read (pages, banks, plans…), noted while it ran; after a save, only the generators that
read a changed part run again. A generator that did not read a part cannot give another result
when only that part changes, so the kept output is what it would make.

A page whose front matter, headings and steps are unchanged (only its text was edited) changes no
generated page: generators read the content model, never a page's body or links."""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shuniu.features import GENERATORS
from shuniu.generated import Generated, GeneratedFile
from shuniu.model import Content, Page

PAGE_PARTS = frozenset({"pages", "page", "pages_in", "_by_src", "assets"})
BANK_PARTS = frozenset({"banks", "internal_banks"})
PLAN_PARTS = frozenset({"plans"})
EVERYTHING = frozenset({field.name for field in dataclasses.fields(Content)}) | PAGE_PARTS


class _Reading:
    """The content as one generator sees it, noting each part the generator reads."""

    def __init__(self, content: Content) -> None:
        self._shuniu_content, self._shuniu_read = content, set[str]()

    def __getattr__(self, name: str) -> Any:
        self._shuniu_read.add(name)
        return getattr(self._shuniu_content, name)


@dataclass(frozen=True)
class Made:
    """One generator's output for one language, and the parts of the content it read."""

    read: frozenset[str]
    items: tuple[Generated, ...]


def generate_kept(content: Content, lang: str, today: datetime.date, kept: dict[str, Made],
                  changed: frozenset[str], *, pages_only: bool = False) -> dict[str, Made]:
    """Every generator's output for ``lang``: kept where it read none of the ``changed`` parts.

    ``pages_only``: this language uses only the generated pages (the site takes its data files,
    which are language-neutral, from the default language), so a generator that makes only data
    files is not run again."""
    made = {}
    for generator in GENERATORS:
        name = f"{generator.__module__}.{generator.__name__}"
        before = kept.get(name)
        if before is not None and (not before.read & changed or pages_only and _files_only(before)):
            made[name] = before
            continue
        reading = _Reading(content)
        items = tuple(generator(reading, lang, today))  # type: ignore[arg-type]
        made[name] = Made(frozenset(reading._shuniu_read), items)
    return made


def _files_only(made: Made) -> bool:
    return all(isinstance(item, GeneratedFile) for item in made.items)


def all_items(made: dict[str, Made]) -> list[Generated]:
    """The generators' items in :func:`shuniu.features.generate`'s order."""
    return sorted((item for one in made.values() for item in one.items), key=lambda item: item.src_uri)


def changed_parts(before: Content, after: Content, saved: set[Path], root: Path) -> frozenset[str]:
    """The parts of the content the ``saved`` files changed (see the module's note on page text)."""
    parts: set[str] = set()
    docs = root / "docs"
    for file in saved:
        if file.suffix == ".md" and docs in file.parents:
            src = file.relative_to(docs).as_posix()
            if not _same_but_text(_page(before, src), _page(after, src)):
                parts |= PAGE_PARTS
        elif file.suffix == ".yml" and file.parent == root / "quizzes":
            parts |= BANK_PARTS
        elif file.suffix == ".yml" and docs in file.parents:
            parts |= PLAN_PARTS
        else:
            return EVERYTHING
    return frozenset(parts)


def _page(content: Content, src: str) -> Page | None:
    return next((page for page in content.pages if page.src == src), None)


def _same_but_text(old: Page | None, new: Page | None) -> bool:
    if old is None or new is None:
        return False
    return dataclasses.replace(old, body="", body_line=0, links=()) == dataclasses.replace(new, body="", body_line=0, links=())
