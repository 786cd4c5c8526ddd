"""Just enough Markdown reading to find headings, their anchors and links, with lines.

Anchors are made exactly as the site makes them (``pymdownx.slugs.slugify``, lower case),
so a link checked here is a link that works on the site.
"""

from __future__ import annotations

import html
import re

from pymdownx.slugs import slugify

from shuniu.model import Heading, Link

_slugify = slugify(case="lower")

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_ATTR_ID = re.compile(r"\s*\{[^}]*#([\w\-\u4e00-\u9fff]+)[^}]*\}\s*$")
_INLINE_LINK = re.compile(r"(?<!!)\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HREF = re.compile(r"""<a\s[^>]*href=["']([^"']+)["']""")
_CODE_SPAN = re.compile(r"`[^`]*`")
_TAGS = re.compile(r"<[^>]+>")
_INLINE_MARKUP = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")


def anchor_for(text: str) -> str:
    """The anchor the site gives a heading with this text."""
    plain = html.unescape(_TAGS.sub("", text))
    return str(_slugify(plain, "-"))


def heading_text(raw: str) -> str:
    """Heading text as a reader sees it: inline Markdown markup removed."""
    return _INLINE_MARKUP.sub(lambda m: m.group(1) or "", raw).strip()


def body_lines(body: str) -> list[tuple[int, str]]:
    """(offset, line) pairs outside fenced code blocks; offset counts from 0."""
    result, fenced = [], False
    for offset, line in enumerate(body.split("\n")):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            result.append((offset, line))
    return result


def scan(body: str, first_line: int) -> tuple[tuple[Heading, ...], tuple[Link, ...]]:
    """Headings (with unique anchors, as the toc extension makes them) and links of a body."""
    headings: list[Heading] = []
    links: list[Link] = []
    seen: dict[str, int] = {}
    for offset, line in body_lines(body):
        number = first_line + offset
        match = _HEADING.match(line)
        if match:
            raw = match.group(2)
            custom = _ATTR_ID.search(raw)
            raw = _ATTR_ID.sub("", raw) if custom else raw
            text = heading_text(raw)
            anchor = custom.group(1) if custom else anchor_for(text)
            if anchor in seen:  # the toc extension makes repeated ids unique the same way
                seen[anchor] += 1
                anchor = f"{anchor}_{seen[anchor]}"
            else:
                seen[anchor] = 0
            headings.append(Heading(len(match.group(1)), text, anchor, number))
        code_free = _CODE_SPAN.sub("", line)
        for pattern in (_INLINE_LINK, _IMAGE, _HREF):
            for link in pattern.finditer(code_free):
                links.append(Link(link.group(1), number))
    return tuple(headings), tuple(links)
