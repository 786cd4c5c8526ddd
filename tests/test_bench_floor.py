"""The benchmark's pages floor (bench/floor.py): the hooks' generated pages, written as ordinary
files, are rendered by a plain build as pages of their own in each language, and the floor's cost
is scaled to the hooks' own page count."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.build import PLAIN_CONFIG, build_env
from bench.corpus import generate
from bench.floor import floor_figures, write_floor_project

TITLE = re.compile(r"<title>([^<]*)</title>")


def test_a_plain_build_of_the_floor_project_renders_every_generated_page(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = tmp_path / "project"
    generate(root, 20, 50)
    floor = tmp_path / "floor"
    added = write_floor_project(root, floor)
    zh_added = sorted(p.relative_to(floor / "docs").as_posix() for p in (floor / "docs").rglob("*.md")
                      if not (root / "docs" / p.relative_to(floor / "docs")).exists() and not p.name.endswith(".en.md"))
    assert added > len(zh_added) > 10  # bank pages, checklists, players, plans … and some English ones
    site = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", PLAIN_CONFIG, "--site-dir", str(site)],
                          cwd=floor, env=build_env(), capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "hooks" not in (floor / PLAIN_CONFIG).read_text(encoding="utf-8").split("plugins:")[0]
    for src in zh_added:
        html = site / src.removesuffix(".md").removesuffix("index").rstrip("/")
        page = html.with_suffix(".html") if not src.endswith("index.md") else html / "index.html"
        assert page.is_file(), f"{src} was not rendered"
        for lang_page in (page, site / "en" / page.relative_to(site)):  # English: its own page or the copy
            title = TITLE.search(lang_page.read_text(encoding="utf-8"))
            assert title and title.group(1).strip(), f"{lang_page} has no title"


def test_the_floor_per_page_cost_is_scaled_to_the_hooks_own_page_count() -> None:
    plain = {"median_s": 10.0, "median_cpu_s": 9.0, "pages": 650}
    floor = {"median_s": 14.0, "median_cpu_s": 13.0, "pages": 850}
    figures = floor_figures(plain, floor, generated_pages=100)
    assert figures["seconds_per_page"] == pytest.approx(0.02)
    assert figures["pages_floor_overhead"] == pytest.approx(0.2)  # 100 pages x 20 ms over 10 s
    assert figures["pages_floor_overhead_cpu"] == pytest.approx(100 * 4 / 200 / 9, abs=0.001)
    with pytest.raises(ValueError):
        floor_figures(plain, plain, generated_pages=100)
