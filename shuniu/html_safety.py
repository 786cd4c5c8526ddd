"""Raw HTML in Markdown bodies: only the harmless elements and attributes maintainers need.

Markdown lets a page carry raw HTML, and the site publishes it as it is. This check, run by
`shuniu check` and so by every build, refuses what could run script, load something from
another host or change where the page sends things: elements outside ``ALLOWED_ELEMENTS``,
event-handler and ``style`` attributes, ``javascript:``/``vbscript:``/``data:`` URLs (in HTML,
in Markdown links and images, in reference definitions and in ``{: ...}`` attribute lists),
and images or other embedded files from another host. Code (fenced blocks and code spans)
is shown as text by Markdown, so it is not checked. The allowed set is documented in the
maintainers' guide (docs/maintainers.md, "页面正文中的 HTML").
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from shuniu.model import Content, Page
from shuniu.problems import Problems

ALLOWED_ELEMENTS = frozenset(
    "a abbr b blockquote br caption cite code col colgroup dd del details dfn div dl dt em "
    "figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q rp rt ruby s samp "
    "small span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr".split()
)
ALLOWED_ATTRIBUTES = frozenset(
    "class id title lang dir markdown href src alt width height colspan rowspan scope open "
    "datetime start reversed type cite role target rel".split()
)
# Attributes whose value is a URL a browser follows or loads.
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
# Attributes whose URL is loaded with the page (not merely followed when clicked).
LOADED_ATTRIBUTES = frozenset({"src"})
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
_SEE_GUIDE = "(the maintainers' guide lists the allowed ones)"
_FENCE = re.compile(r"^\s*(```|~~~)")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_MD_LINK = re.compile(r"\]\(\s*<?([^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)")
_MD_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*=[^{}\n]*)\}")
_ATTR_PAIR = re.compile(r"([\w:.-]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s}]+)")


def without_code(body: str) -> str:
    """The body with fenced code blocks and code spans blanked out; lines and columns kept."""
    lines, fenced = [], False
    for line in body.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            lines.append("")
        elif fenced:
            lines.append("")
        else:
            lines.append(_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line))
    return "\n".join(lines)


def url_problem(url: str, loaded: bool) -> str | None:
    """Why a URL may not appear in a page (None if it may)."""
    plain = _INVISIBLE.sub("", html.unescape(url)).lower()  # browsers ignore these before the scheme
    scheme = next((s for s in _BAD_SCHEMES if plain.startswith(s)), None)
    if scheme:
        return f"'{scheme}' URLs are not allowed"
    if loaded and re.match(r"^([a-z][a-z0-9+.-]*:|//)", plain):
        return "files shown in a page must come from this site (a relative address), not another host"
    return None


def _attribute_problems(attrs: list[tuple[str, str | None]], where: str) -> list[str]:
    """Messages for refused attributes; ``where`` names their place (" on <img>")."""
    found = []
    for name, value in attrs:
        if name.startswith("on"):
            found.append(f"event-handler attribute '{name}'{where} is not allowed: a page body may not run scripts")
        elif name == "style":
            found.append(f"attribute 'style'{where} is not allowed: use a class (see the maintainers' guide)")
        elif name not in ALLOWED_ATTRIBUTES and not name.startswith(("aria-", "data-")):
            found.append(f"attribute '{name}'{where} is not allowed in a page body")
        elif name in URL_ATTRIBUTES and value is not None:
            problem = url_problem(value, loaded=name in LOADED_ATTRIBUTES)
            if problem:
                found.append(f"{name}=\"{_shown(value)}\"{where}: {problem}")
    return found


def _shown(value: str) -> str:
    """A value as a message can show it: control characters (a tab hiding a scheme) written out."""
    return re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", value)


class _BodyParser(HTMLParser):
    """Collects (line, message) for every element or attribute the policy refuses."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if ":" in tag:  # <javascript:...> is no autolink: browsers drop it, but say what was meant
            self.found.append((line, f"<{tag}>: " + (url_problem(tag, loaded=False) or "not a link Markdown makes")))
            return
        if tag not in ALLOWED_ELEMENTS:  # one message: its attributes do not matter then
            self.found.append((line, f"HTML element <{tag}> is not allowed in a page body {_SEE_GUIDE}"))
        else:
            self.found += [(line, message) for message in _attribute_problems(attrs, f" on <{tag}>")]

    handle_startendtag = handle_starttag


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _markdown_problems(text: str) -> list[tuple[int, str]]:
    found = []
    for pattern, loaded_if_image in ((_MD_LINK, True), (_MD_REFERENCE, False)):
        for match in pattern.finditer(text):
            image = loaded_if_image and _is_image(text, match.start())
            problem = url_problem(match.group(1), loaded=image)
            if problem:
                kind = "image" if image else "link"
                found.append((_line(text, match.start()), f"Markdown {kind} to '{match.group(1)}': {problem}"))
    for match in _ATTR_LIST.finditer(text):
        # Braces in prose may hold "a=b" that is no attribute list: only what would be harmful counts.
        attrs = [(name.lower(), value.strip("\"'")) for name, value in _ATTR_PAIR.findall(match.group(1))
                 if name.lower().startswith("on") or name.lower() in URL_ATTRIBUTES | {"style"}]
        where = f" in the attribute list {{{match.group(1).strip()}}}"
        found += [(_line(text, match.start()), message) for message in _attribute_problems(attrs, where)]
    return found


def _is_image(text: str, close: int) -> bool:
    """Whether the ``](`` at ``close`` ends an image (``![alt](...)``) rather than a link."""
    depth, index = 0, close - 1
    while index >= 0:
        char = text[index]
        if char == "]":
            depth += 1
        elif char == "[":
            if depth == 0:
                return index > 0 and text[index - 1] == "!"
            depth -= 1
        elif char == "\n" and index > 0 and text[index - 1] == "\n":
            return False
        index -= 1
    return False


def body_html_problems(body: str) -> list[tuple[int, str]]:
    """(line within the body, message) for everything the policy refuses, in body order."""
    text = without_code(body)
    parser = _BodyParser()
    parser.feed(text)
    parser.close()
    return sorted(parser.found + _markdown_problems(text))


def check_body_html(content: Content) -> Problems:
    """Every page body's raw HTML and link targets against the policy."""
    problems = Problems()
    for page in content.pages:
        _check_page(page, problems)
    return problems


def _check_page(page: Page, problems: Problems) -> None:
    for line, message in body_html_problems(page.body):
        problems.add(page.path, page.body_line + line - 1, message)
