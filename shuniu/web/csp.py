"""The Content-Security-Policy of every page: what the browser may run and load.

The policy travels in each page as ``<meta http-equiv="Content-Security-Policy">``, so it holds
wherever the site is served from, a file share (file://) included. Scripts, styles, images,
fonts and connections come from the site itself only. The few inline scripts the theme needs
are allowed by the SHA-256 hash of exactly what the page holds, and only when the theme's own
templates write that script (:func:`theme_script_patterns`); the inline styles Markdown tables
and the flow diagrams carry are allowed by hash too. Never ``'unsafe-inline'``: a script that
content, a plug-in or a later edit smuggles into a page does not match a hash and does not run,
and the build names any page holding an inline script the theme did not write.

A web server can send :data:`HEADER_POLICY` as a header as well (the nginx deployment reads it
from here): browsers enforce both, and a header can say what a meta tag cannot
(``frame-ancestors``: no other site may frame these pages).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

# Directives that are the same on every page; script and style sources get the page's hashes.
BASE_DIRECTIVES: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    # 'self' and file: cover the site served over http and opened from disk (file:// pages have
    # no origin for 'self' to name in every browser); no other host, no eval.
    "script-src": ("'self'", "file:"),
    # Material's stylesheets draw their icons with data: SVG images (CSS mask-image); an image
    # cannot run script. Everything else comes from the site.
    "img-src": ("'self'", "file:", "data:"),
    "style-src": ("'self'", "file:"),
    "font-src": ("'self'", "file:"),
    "connect-src": ("'self'", "file:"),
    "worker-src": ("'self'", "file:"),
    "frame-src": ("'self'", "file:"),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}
# What only a header can carry, sent in addition to each page's own meta policy.
HEADER_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'"
META_NAME = "Content-Security-Policy"
_EXECUTED_TYPES = {"", "text/javascript", "application/javascript", "module"}


def sha256_source(text: str) -> str:
    """The CSP hash source (``'sha256-…'``) of an inline script, style or style attribute."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@dataclass
class InlineParts:
    """What a page runs or styles from its own text rather than from a file."""

    scripts: list[str] = field(default_factory=list)
    style_elements: list[str] = field(default_factory=list)
    style_attributes: list[str] = field(default_factory=list)


# How HTML itself delimits them: script and style text ends at the first </script> / </style>.
# Regular expressions rather than a full parser: this runs on every page of every build. A
# mismatch could only refuse a script or style (the browser tests watch for refusals), never
# allow something the page does not hold.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.I | re.S)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.I | re.S)
# Anchored at each "style" the text holds (found by str.find): a pattern that starts with \s is
# tried at every space of a page, and Material's pages are half spaces (bench/profile.py).
_STYLE_ATTRIBUTE_AT = re.compile(r"""style\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_STYLE_ATTRIBUTE = re.compile(r"\s" + _STYLE_ATTRIBUTE_AT.pattern, re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]*)""", re.I)


def _runs(attributes: str) -> bool:
    """Whether a <script> with these attributes runs its own text (not a file, not data)."""
    kind = _TYPE.search(attributes)
    return not _SRC.search(attributes) and (kind.group(1).lower() if kind else "") in _EXECUTED_TYPES


def inline_parts(html: str) -> InlineParts:
    """The inline scripts, ``<style>`` elements and ``style`` attributes of a page."""
    return InlineParts(
        scripts=[text for attributes, text in _SCRIPT.findall(html) if _runs(attributes)],
        style_elements=_STYLE.findall(html),
        # A browser hashes the attribute's value, character references decoded.
        style_attributes=[unescape(double or single) for double, single in _style_attributes(html)],
    )


def _style_attributes(html: str) -> list[tuple[str, str]]:
    """The (double-quoted, single-quoted) values of every ``style=`` attribute, in order."""
    lower, found, at = html.lower(), [], 0
    if len(lower) != len(html):  # "İ" lowers to two characters: indexes would drift
        return [(m.group(1) or "", m.group(2) or "") for m in _STYLE_ATTRIBUTE.finditer(html)]
    while (at := lower.find("style", at)) >= 0:
        match = _STYLE_ATTRIBUTE_AT.match(html, at) if at and html[at - 1].isspace() else None
        if match:
            found.append((match.group(1) or "", match.group(2) or ""))
            at = match.end()
        else:
            at += 5
    return found


_JINJA_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
# What a template expression inside a theme script may become (a base path such as "../.."):
# text of a JavaScript string, never a quote, markup or a backslash that could end it.
_EXPRESSION_VALUE = r"[^\"'<>\\]*"


def theme_script_patterns(templates: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    """Patterns of the inline scripts the theme's templates write, ``{{ … }}`` as a wildcard.

    Only these are allowed by hash: an inline script in a built page that matches none of them
    was not written by the theme (content that got past the escaping, say) and stays refused.
    """
    patterns = []
    for text in templates:
        for attributes, body in _SCRIPT.findall(text):
            if _runs(attributes) and "{%" not in body:
                pieces = _JINJA_EXPRESSION.split(body)
                patterns.append(re.compile(_EXPRESSION_VALUE.join(map(re.escape, pieces)), re.S))
    return tuple(patterns)


def theme_templates(directories: Iterable[str | Path]) -> list[str]:
    """The text of every HTML template under the theme's directories (overrides included)."""
    return [path.read_text(encoding="utf-8") for folder in directories for path in sorted(Path(folder).rglob("*.html"))]


@dataclass(frozen=True)
class PagePolicy:
    """A page's policy, and the inline scripts it refused because the theme did not write them."""

    policy: str
    refused_scripts: tuple[str, ...]


def page_policy(html: str, theme_scripts: Sequence[re.Pattern[str]]) -> PagePolicy:
    """The policy for one page: the base directives plus the hashes of the theme's inline
    scripts and of the page's inline styles."""
    parts = inline_parts(html)
    allowed = [script for script in parts.scripts if any(p.fullmatch(script) for p in theme_scripts)]
    directives = {key: list(sources) for key, sources in BASE_DIRECTIVES.items()}
    directives["script-src"] += _hashes(allowed)
    # Style elements and attributes by hash too (CSP 3): styles cannot run script, and the
    # policy keeps them from loading anything from another host. Browsers without the
    # -elem/-attr directives fall back to style-src, which then allows no inline style: pages
    # stay readable, only table alignment and the diagrams' line styles are lost there.
    directives["style-src-elem"] = [*BASE_DIRECTIVES["style-src"], *_hashes(parts.style_elements)]
    attribute_hashes = _hashes(parts.style_attributes)
    directives["style-src-attr"] = ["'unsafe-hashes'", *attribute_hashes] if attribute_hashes else ["'none'"]
    policy = "; ".join(f"{key} {' '.join(sources)}" for key, sources in directives.items())
    return PagePolicy(policy, tuple(script for script in parts.scripts if script not in allowed))


def _hashes(texts: list[str]) -> list[str]:
    return list(dict.fromkeys(sha256_source(text) for text in texts))


_HEAD = re.compile(r"<head[^>]*>\s*(<meta charset=[^>]*>)?", re.I)


def with_policy(html: str, theme_scripts: Sequence[re.Pattern[str]]) -> tuple[str, tuple[str, ...]]:
    """The page with its policy first in ``<head>`` (after the charset), before any script so it
    covers them all, and the inline scripts it refuses. A page without ``<head>`` is unchanged."""
    match = _HEAD.search(html)
    if match is None:
        return html, ()
    page = page_policy(html, theme_scripts)
    meta = f'\n<meta http-equiv="{META_NAME}" content="{page.policy}">'
    return html[: match.end()] + meta + html[match.end() :], page.refused_scripts
