"""What a page shows of generated Markdown: the HTML kept out of Markdown's way put back
(shuniu/render/raw_html.py), as the site does once Markdown has run."""

from __future__ import annotations

from shuniu.render.raw_html import restored


def as_shown(markdown: str) -> str:
    return restored(markdown)[0]
