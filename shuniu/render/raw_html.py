"""Generated HTML that Markdown need not read: kept aside, a placeholder in its place, put back
into the page's HTML once Markdown has made it (the site's ``on_page_content``).

Python-Markdown reads a raw HTML block with its own HTML parser, character by character, to find
where it ends; the step guide, flow diagrams, checklists and page headers Shuniu generates are
escaped, finished HTML and most of a procedure page's bytes: reading them cost more than the rest
of the page (bench/profile.py). A placeholder is one short ``<div>``. The ids in the restored HTML
are handed back to MkDocs, so links to ``#step-…`` anchors are still checked.
"""

from __future__ import annotations

import hashlib
import re

_KEPT: dict[str, str] = {}  # by the hash of the HTML: the same part in many pages is kept once
_PLACEHOLDER = re.compile(r'<div data-shuniu-html="([0-9a-f]{24})"></div>')
_ID = re.compile(r'\sid="([^"]+)"')


def kept_aside(html: str) -> str:
    """A placeholder for the raw HTML block ``html`` (its own block: blank lines around it);
    nothing for nothing."""
    if not html.strip():
        return html
    key = hashlib.sha256(html.encode("utf-8")).hexdigest()[:24]
    _KEPT[key] = html
    return f'<div data-shuniu-html="{key}"></div>'


def restored(html: str) -> tuple[str, set[str]]:
    """``html`` with every placeholder replaced by its HTML, and the ids that HTML holds. A
    placeholder whose HTML this process did not keep (written by hand) is left as it is: empty."""
    ids: set[str] = set()

    def back(match: re.Match[str]) -> str:
        kept = _KEPT.get(match.group(1))
        if kept is None:
            return match.group(0)
        ids.update(_ID.findall(kept))
        return kept

    return _PLACEHOLDER.sub(back, html) if "data-shuniu-html" in html else html, ids
