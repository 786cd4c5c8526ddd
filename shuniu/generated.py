"""Pages and files made at build time from content (never written into docs/).

A generator is a function ``(content, lang, today)`` returning the pages and files a feature
makes for a reader of ``lang``; :mod:`shuniu.features` lists them and the site adapter adds
what they make to the build.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from shuniu.model import Content

_TITLE = re.compile(r"^title:\s*(.+)$", re.M)


@dataclass(frozen=True)
class GeneratedPage:
    """A Markdown page made in memory; ``src_uri`` is docs-relative and language-neutral.

    ``nav_weight`` orders it among its section's pages (lower first; written pages weigh 50);
    ``in_nav`` False keeps it out of the menus (it is reached through links); ``chinese_only``
    says its content is Chinese data shown on another language's site (see shuniu.render.language);
    ``menu_group`` is its subject where a large folder's menu is grouped (shuniu.render.menu_groups);
    ``elsewhere`` names, for each language that has no version of the page, the page (``src_uri``)
    its language switcher leads to instead.
    """

    src_uri: str
    markdown: str
    nav_weight: int = 50
    in_nav: bool = True
    chinese_only: bool = False
    menu_group: str = ""
    elsewhere: tuple[tuple[str, str], ...] = ()

    @property
    def title(self) -> str:
        """The ``title:`` of the page's front matter ('' if it has none)."""
        match = _TITLE.search(self.markdown.split("\n---", 1)[0])
        return match.group(1).strip().strip("\"'") if match else ""


@dataclass(frozen=True)
class GeneratedFile:
    """A non-page file (data, downloads) made once for the whole site, whatever the language."""

    src_uri: str
    data: bytes


Generated = GeneratedPage | GeneratedFile
Generator = Callable[[Content, str, datetime.date], Iterable[Generated]]


def front_matter(title: str, *, hide_toc: bool = False, searchable: bool = True) -> str:
    """Front matter for a generated page. The title is written as a JSON string, which YAML reads
    back unchanged whatever it holds (quotes, colons, backslashes)."""
    lines = [f"title: {json.dumps(title, ensure_ascii=False)}"]
    if hide_toc:
        lines.append("hide: [toc]")
    if not searchable:
        lines.append("search:\n  exclude: true")
    return "---\n" + "\n".join(lines) + "\n---\n\n"
