"""The collapsed "change history" block at the end of every content page."""

from __future__ import annotations

import datetime

from shuniu.control.history import label
from shuniu.control.model import Commit
from shuniu.model import Content, Page
from shuniu.render.html import esc
from shuniu.render.raw_html import kept_aside


def render_history(commits: tuple[Commit, ...], lang: str) -> str:
    """A collapsed block listing each change, newest first.

    Raw HTML (no blank lines, so Markdown keeps it as one block): commit messages are shown
    exactly as written, escaped, never read as Markdown.
    """
    items = "".join(
        f'<li><time datetime="{c.date.isoformat()}">{c.date.isoformat()}</time> {esc(c.message)}</li>'
        for c in commits
    )
    return kept_aside(
        f'<details class="note shuniu-history">\n<summary>{esc(label(lang, "history"))}</summary>\n'
        f"<ul>{items}</ul>\n</details>"
    ) + "\n"


def change_history(content: Content, page: Page, markdown: str, lang: str, today: datetime.date) -> str:
    if content.history is None or page.is_index:
        return markdown
    commits = content.history.of(page.path)
    if not commits:
        return markdown
    return markdown.rstrip("\n") + "\n\n" + render_history(commits, lang)
