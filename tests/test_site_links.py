"""Every link on every page of the built site leads to a file of the site: no page links a page
that is not built (an English copy left out, a renamed download), whether MkDocs checked the link
(Markdown) or not (raw HTML written by the hooks, the language switcher)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

HREF = re.compile(r'\s(?:href|src)="([^"]+)"')
# The 404 page is served at any address, so its links are absolute from the site's root.
ANY_ADDRESS = {"404.html"}


def test_every_relative_link_on_every_page_leads_to_a_file_of_the_site(built_site: Path) -> None:
    broken: dict[str, list[str]] = {}
    pages = sorted(built_site.rglob("*.html"))
    for page in pages:
        source = page.relative_to(built_site).as_posix()
        if source in ANY_ADDRESS:
            continue
        for href in HREF.findall(page.read_text(encoding="utf-8")):
            address = urlsplit(href.replace("&amp;", "&"))
            if address.scheme or address.netloc or not address.path:
                continue  # another host (none load: tests/test_checklist_browser.py), or this page's own anchor
            target = posixpath.normpath(posixpath.join(posixpath.dirname(source), unquote(address.path)))
            if target.startswith("..") or not (built_site / target).exists():
                broken.setdefault(target, []).append(source)
    assert len(pages) > 100
    assert {target: sources[:3] for target, sources in broken.items()} == {}
