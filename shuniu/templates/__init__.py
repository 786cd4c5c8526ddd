"""Starting files for `shuniu new`: valid in form, with sample text marked 【待填写：…】 that
`shuniu check` reports until the author replaces it (shuniu.placeholders)."""

from __future__ import annotations

import datetime
import re
from importlib import resources
from pathlib import Path

KINDS = ("policy", "procedure", "study", "bank")
_TARGETS = {"policy": "docs/policies/{slug}.md", "procedure": "docs/procedures/{slug}.md",
            "study": "docs/study/{slug}.md", "bank": "quizzes/{slug}.yml"}
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def write_template(root: Path, kind: str, slug: str, today: datetime.date | None = None) -> Path:
    """Write the template for ``kind`` as ``slug``; never overwrite an existing file."""
    if not _SLUG.match(slug):
        raise ValueError(f"slug '{slug}' must be lower-case letters and digits joined by '-', e.g. yinzhang-guanli")
    target = root / _TARGETS[kind].format(slug=slug)
    if target.exists():
        raise ValueError(f"{target.relative_to(root).as_posix()} already exists")
    day = (today or datetime.date.today()).isoformat()
    text = resources.files(__package__).joinpath(kind + Path(_TARGETS[kind]).suffix).read_text(encoding="utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text.replace("{slug}", slug).replace("{today}", day), encoding="utf-8")
    return target
