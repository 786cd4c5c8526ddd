"""The browser code as the built site ships it: one classic script for the quiz player, no module
sources, and the size budget of DESIGN.md (quiz/checklist JavaScript + CSS at most 30 KB gzipped)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

# What a learner's browser downloads for quizzes and checklists, gzipped as a web server does.
BUDGETED = ("assets/shuniu/quiz.js", "assets/shuniu/quiz.css", "assets/shuniu/checklist.js", "assets/shuniu/checklist.css")
BUDGET = 30_000  # bytes (30 KB), gzipped


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))  # 6: gzip's and most servers' default level


def test_quiz_and_checklist_code_fits_the_size_budget(built_site: Path):
    sizes = {name: (len(data), gzipped(data)) for name in BUDGETED for data in [(built_site / name).read_bytes()]}
    rows = [f"{name:30} {raw:7,} B  {packed:6,} B gzipped" for name, (raw, packed) in sizes.items()]
    total = sum(packed for _, packed in sizes.values())
    print("\n".join(["", *rows, f"{'total':30} {sum(raw for raw, _ in sizes.values()):7,} B  {total:6,} B gzipped"
                     f" (budget {BUDGET:,} B)"]))
    assert total <= BUDGET, "\n".join(rows)


def test_the_quiz_player_is_one_classic_script_and_its_sources_are_not_published(built_site: Path):
    for page, prefix in (("quizzes/practice.html", "../"), ("en/quizzes/exam.html", "../../"), ("index.html", "")):
        html = (built_site / page).read_text(encoding="utf-8")
        assert re.search(rf'<script src="{prefix}assets/shuniu/quiz\.js\?v=[0-9a-f]+" defer></script>', html), page
        assert 'type="module"' not in html, page
        assert re.search(rf'<link rel="stylesheet" href="{prefix}assets/shuniu/quiz\.css\?v=[0-9a-f]+">', html), page
    # Only bank data is left in the old modules' folder: each script there is a JSON file's twin.
    data = built_site / "assets/shuniu/quiz"
    assert sorted(p.stem for p in data.glob("*.js")) == sorted(p.stem for p in data.glob("*.json"))
    assert sorted(p.suffix for p in data.iterdir() if p.suffix not in (".js", ".json")) == []
