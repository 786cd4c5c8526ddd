"""Web server configuration shipped in a release, with the site's own Content-Security-Policy.

Every page carries its policy in a ``<meta http-equiv="Content-Security-Policy">`` tag (it works
from disk too). A server sends the same policy as a header, so the header must allow exactly what
the pages allow — the inline scripts' hashes included — or it would block them: browsers enforce
both. The header is therefore written from the built pages, never by hand, plus
``frame-ancestors``, which a ``<meta>`` tag cannot set.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path

DEPLOY = "deploy"
# Templates in the project's deploy/ folder -> the file written into the package.
TEMPLATES = {
    "nginx/shuniu.conf": "deploy/nginx/shuniu.conf",
    "nginx/shuniu-headers.conf.in": "deploy/nginx/shuniu-headers.conf",
    "apache/shuniu.conf.in": "deploy/apache/shuniu.conf",
    "iis/web.config.in": "deploy/iis/web.config",
}
_META = re.compile(
    r"""<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=["']([^"']*)["']""", re.IGNORECASE)
# For a site whose pages carry no policy of their own: the site's files, and its inline scripts by hash.
FALLBACK_POLICY = ("default-src 'self'; script-src 'self'{hashes}; style-src 'self' 'unsafe-inline'; "
                   "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'")
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
HEADER_ONLY = {"frame-ancestors": ["'self'"]}


def page_policies(site: Path) -> list[str]:
    """The policy of every page of a built site, as each page's ``<meta>`` tag states it."""
    found = []
    for page in sorted(site.rglob("*.html")):
        match = _META.search(page.read_text(encoding="utf-8", errors="replace"))
        if match:
            found.append(html.unescape(match.group(1)))
    return found


def fallback_policy(site: Path) -> str:
    """A policy for pages without one: what they load from the site, and their inline scripts' hashes."""
    hashes: set[str] = set()
    for page in site.rglob("*.html"):
        for script in _INLINE_SCRIPT.findall(page.read_text(encoding="utf-8", errors="replace")):
            hashes.add("'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'")
    return FALLBACK_POLICY.format(hashes="".join(" " + h for h in sorted(hashes)))


def merged_policy(policies: list[str]) -> str:
    """One policy allowing what any of ``policies`` allows (sources joined per directive)."""
    directives: dict[str, list[str]] = {}
    for policy in policies:
        for part in policy.split(";"):
            words = part.split()
            if not words:
                continue
            sources = directives.setdefault(words[0].lower(), [])
            sources.extend(s for s in words[1:] if s not in sources)
    for name, sources in HEADER_ONLY.items():
        directives.setdefault(name, list(sources))
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def header_policy(site: Path) -> str:
    """The Content-Security-Policy header a server should send with this built site."""
    policy = merged_policy(page_policies(site) or [fallback_policy(site)])
    if '"' in policy or "\n" in policy:  # it is written between double quotes in every config
        raise ValueError(f"unexpected character in the page policy: {policy!r}")
    return policy


def deploy_files(root: Path, site: Path) -> list[tuple[str, bytes]]:
    """(name in the package, contents) of each web server configuration file, CSP filled in."""
    policy = header_policy(site)
    made = []
    for template, name in TEMPLATES.items():
        text = (root / DEPLOY / template).read_text(encoding="utf-8")
        made.append((name, text.replace("@CSP@", policy).encode("utf-8")))
    return made
