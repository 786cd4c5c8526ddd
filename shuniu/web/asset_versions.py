"""Asset addresses that change when the asset does: ``assets/shuniu/quiz.js?v=1a2b3c4d5e``.

Material names its own files by content hash; ours keep stable names (pages, tests and the search
shim refer to them). Without a version in the address, a browser or proxy that kept an old copy
would go on running it after an update. With it, a server may let browsers keep these files for a
year (deploy/nginx/shuniu.conf does), and a new release is picked up on the next page load.
Opened from disk, the query is ignored and the file loads as before.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

# src/href values naming one of Shuniu's own scripts or style sheets, relative or root-relative.
_ASSET = re.compile(r'(\s(?:src|href)=")((?:\.\./|\./|/)*(?:[^"?#:]*/)?assets/(?:shuniu|vendor)/[^"?#:]+\.(?:js|css))"')
VERSION_LENGTH = 10


class AssetVersions:
    """Adds ``?v=<hash of the file's content>`` to asset addresses in the pages of one build.

    MkDocs copies the static files before it renders a page, so within a build an asset does not
    change: each is hashed once, the first time a page names it (a dozen links a page, a `stat`
    each, were a third of this step at 250 pages). A new build takes a new instance.
    """

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self._known: dict[str, str | None] = {}

    def version_of(self, site_path: str) -> str | None:
        """The version of the file at ``site_path`` in the built site, None if it is not there."""
        if site_path not in self._known:
            try:
                data = (self.site_dir / site_path).read_bytes()
            except OSError:
                self._known[site_path] = None
            else:
                self._known[site_path] = hashlib.sha256(data).hexdigest()[:VERSION_LENGTH]
        return self._known[site_path]

    def apply(self, html: str, page_dest_uri: str) -> str:
        """``html`` of the page written at ``page_dest_uri`` with every asset address versioned."""
        folder = posixpath.dirname(page_dest_uri)

        def versioned(match: re.Match[str]) -> str:
            url = match.group(2)
            target = url.lstrip("/") if url.startswith("/") else posixpath.normpath(posixpath.join(folder, url))
            version = self.version_of(target)
            return f'{match.group(1)}{url}?v={version}"' if version else match.group(0)

        pieces, done = [], 0
        for start in _asset_attributes(html):
            match = _ASSET.match(html, start)
            if match:
                pieces += [html[done:start], versioned(match)]
                done = match.end()
        return "".join(pieces) + html[done:] if pieces else html


def _asset_attributes(html: str) -> list[int]:
    """Where each src="…" or href="…" naming a path with assets/shuniu/ or assets/vendor/ starts
    (at the space before it), found with str.find: a pattern that starts with a space class is
    tried at every space of a page, and Material's pages are half spaces (bench/profile.py)."""
    starts: list[int] = []
    for folder in ("assets/shuniu/", "assets/vendor/"):
        at = 0
        while (at := html.find(folder, at)) >= 0:
            quote = html.rfind('"', 0, at)
            for name in ("src=", "href="):
                start = quote - len(name) - 1
                if html.startswith(name, start + 1) and start >= 0 and html[start].isspace():
                    starts.append(start)
            at += len(folder)
    return sorted(set(starts))
