"""The pages floor: what the hooks' generated pages cost when MkDocs renders them like any page.

The hooks add pages (bank pages, checklists, player pages, plans, the glossary) that a plain
build does not have, and every page MkDocs renders costs Markdown, Material's templates and its
search plugin, whoever wrote it. The floor project is a copy of the synthetic project whose
``docs/`` also holds every generated page as an ordinary Markdown file; built with the plain
configuration, its extra time over the plain build is what those pages cost with no hook code
running at all. The generated Markdown keeps its placeholders (the hooks fill them with HTML
later), so the floor is a lower bound.

mkdocs-static-i18n gives each Chinese file without an ``.en.md`` an English copy, so the floor
project renders more extra pages than the hooks generate; the report scales the floor's cost per
page to the hooks' own count.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from bench.build import BUILD_DATE

LANGUAGES = ("zh", "en")  # mkdocs.yml's i18n languages, default first


def write_floor_project(root: Path, floor: Path) -> int:
    """Copy ``root`` to ``floor`` and add every generated page as a file; how many were added."""
    from shuniu.check import check_root
    from shuniu.features import generate
    from shuniu.generated import GeneratedPage

    shutil.rmtree(floor, ignore_errors=True)
    shutil.copytree(root, floor, ignore=shutil.ignore_patterns(".cache"))
    content, problems = check_root(floor)
    if problems:
        raise RuntimeError(f"the synthetic project in {root} has content problems:\n{problems}")
    today = datetime.date.fromisoformat(BUILD_DATE)
    added = 0
    for lang in LANGUAGES:
        for item in generate(content, lang, today, late=False):
            if not isinstance(item, GeneratedPage):
                continue
            src = item.src_uri if lang == LANGUAGES[0] else item.src_uri.removesuffix(".md") + f".{lang}.md"
            path = floor / "docs" / src
            if path.exists():
                raise RuntimeError(f"{path}: a generated page would replace a written one")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(item.markdown, encoding="utf-8")
            added += 1
    return added


def floor_figures(plain: dict[str, float], floor: dict[str, float], generated_pages: int) -> dict[str, float]:
    """The floor's cost per extra page and, scaled to ``generated_pages``, as a share of the plain build.

    ``plain`` and ``floor`` hold each build's median seconds and the pages it rendered.
    """
    extra = floor["pages"] - plain["pages"]
    if extra <= 0:
        raise ValueError("the floor project rendered no more pages than the plain one")
    per_page = (floor["median_s"] - plain["median_s"]) / extra
    per_page_cpu = (floor["median_cpu_s"] - plain["median_cpu_s"]) / extra
    return {
        "extra_pages": extra, "generated_pages": generated_pages,
        "seconds_per_page": round(per_page, 4), "cpu_seconds_per_page": round(per_page_cpu, 4),
        "pages_floor_overhead": round(per_page * generated_pages / plain["median_s"], 3),
        "pages_floor_overhead_cpu": round(per_page_cpu * generated_pages / plain["median_cpu_s"], 3),
    }
