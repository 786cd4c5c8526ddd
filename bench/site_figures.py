"""What a built site weighs: search index, Shuniu's scripts and styles, the largest page."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

from shuniu.quiz.publish import DATA_DIR

GZIP_LEVEL = 6  # what web servers commonly use


def gz(data: bytes) -> int:
    return len(gzip.compress(data, GZIP_LEVEL, mtime=0))


def search_index(site: Path, pages: int) -> dict[str, Any]:
    """The one search index of both languages, in total and per content page."""
    data = (site / "search" / "search_index.json").read_bytes()
    inlined = site / "search" / "search_index.js"  # the same index again, for pages opened from disk
    return {
        "bytes": len(data), "gzip_bytes": gz(data),
        "bytes_per_page": round(len(data) / pages), "gzip_bytes_per_page": round(gz(data) / pages),
        "file_copy_bytes": inlined.stat().st_size if inlined.is_file() else 0,
    }


def front_end(site: Path) -> dict[str, Any]:
    """Shuniu's JavaScript and CSS as published (assets/shuniu/**), each file gzipped on its own.

    ``quiz_checklist_gzip_bytes`` is what the design's 30 KB budget covers: the quiz player and
    the checklist runner. The banks' published data (assets/shuniu/quiz/) grows with the
    content and is counted apart.
    """
    files = sorted(p for p in (site / "assets" / "shuniu").rglob("*") if p.suffix in (".js", ".css", ".json"))
    data = [p for p in files if p.is_relative_to(site / DATA_DIR)]
    code = {p.relative_to(site).as_posix(): gz(p.read_bytes()) for p in files if p not in data and p.suffix != ".json"}
    budgeted = {name: size for name, size in code.items() if "quiz" in name or "checklist" in name}
    worker = site / "assets" / "javascripts" / "workers" / "shuniu-search.js"
    return {
        "code_gzip_bytes": code, "all_code_gzip_bytes": sum(code.values()),
        "quiz_checklist_gzip_bytes": sum(budgeted.values()),
        "quiz_data_files": len(data), "quiz_data_gzip_bytes": sum(gz(p.read_bytes()) for p in data),
        "search_worker_gzip_bytes": gz(worker.read_bytes()) if worker.is_file() else 0,
    }


def largest_page(site: Path) -> dict[str, Any]:
    page = max(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    data = page.read_bytes()
    return {"path": page.relative_to(site).as_posix(), "bytes": len(data), "gzip_bytes": gz(data)}


def site_totals(site: Path) -> dict[str, Any]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return {"files": len(files), "html_pages": sum(1 for p in files if p.suffix == ".html"),
            "bytes": sum(p.stat().st_size for p in files)}


def figures(site: Path, pages: int) -> dict[str, Any]:
    html = [p.stat().st_size for p in site.rglob("*.html")]
    # Menus included: a page's bytes stay bounded as the site grows when each carries only its part.
    average = {"html_pages": len(html), "average_page_bytes": round(sum(html) / max(1, len(html)))}
    return {"search_index": search_index(site, pages), "front_end": front_end(site),
            "largest_page": largest_page(site), "site": site_totals(site)} | average


def sample_pages(site: Path) -> list[str]:
    """A page of each kind (home, policy, procedure, checklist, bank, exam, English), site-relative."""
    patterns = ["index.html", "policies/*/*.html", "procedures/*-lc-*.html", "procedures/checklists/*.html",
                "quizzes/bank-*.html", "quizzes/exam.html", "en/index.html", "en/policies/*/*.html"]
    found = []
    for pattern in patterns:
        match = sorted(p for p in site.glob(pattern) if p.name != "index.html" or pattern.endswith("index.html"))
        if match:
            found.append(match[0].relative_to(site).as_posix())
    return found
