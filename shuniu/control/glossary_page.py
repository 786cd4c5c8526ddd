"""The glossary on the site: a page of every term, and tooltips on content pages.

Tooltips use the ``abbr`` Markdown extension: a page gets ``*[term]: definition`` lines for
the terms that occur in its body, and only those, so pages stay small. ``abbr`` matches whole
words (``\\b`` on both sides); in Chinese prose that means a term set off by punctuation,
markup, a table cell or a list item, not one run into the surrounding characters. The same
rule picks which definitions to append, so no page carries a definition it cannot use.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable, Mapping

from pymdownx.slugs import slugify

from shuniu.control.model import Term
from shuniu.generated import GeneratedPage, front_matter
from shuniu.links import resolve
from shuniu.markdown import body_lines
from shuniu.model import DEFAULT_LANG, Content, Page
from shuniu.pinyin import initial, sort_key
from shuniu.render.html import esc, md_escape_cell
from shuniu.render.language import english_for

GLOSSARY_PAGE = "glossary.md"
_SLUG = slugify(case="lower")  # the heading slugs of mkdocs.yml's toc extension
_CODE_SPAN = re.compile(r"`[^`\n]*`")

STRINGS = {
    "zh": {"title": "术语表", "aliases": "又称", "source": "出处", "english": "英文", "sep": "：", "list_sep": "、",
           "jump": "按拼音首字母跳转",
           "intro": "办公室工作常用术语 {count} 个，按拼音排序。正文中带虚线的术语，点按或鼠标悬停可看释义。"},
    "en": {"title": "Glossary", "aliases": "Also", "source": "Source", "english": "In English", "sep": ": ",
           "list_sep": ", ", "jump": "Jump to a pinyin initial",
           "intro": "{count} terms of office work (in Chinese), in pinyin order. On content pages, tap, focus "
                    "or hover a dotted term to see its definition."},
}


@functools.lru_cache(maxsize=4)
def _names(terms: tuple[Term, ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every name (longest first, as ``abbr`` matches) and each name's tooltip."""
    titles: dict[str, str] = {}
    for term in terms:
        titles[term.term] = term.definition
        for alias in term.aliases:
            titles.setdefault(alias, f"{term.term}：{term.definition}")
    ordered = sorted(titles, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b"), titles


def tooltip_lines(terms: tuple[Term, ...], markdown: str, english: Mapping[str, str] | None = None) -> list[str]:
    """The abbreviation definitions for the names that occur in ``markdown`` (outside code);
    ``english`` (Chinese name -> English) puts a name's English before its definition."""
    if not terms:
        return []
    pattern, titles = _names(terms)
    text = "\n".join(_CODE_SPAN.sub(" ", line) for _, line in body_lines(markdown))
    found = dict.fromkeys(pattern.findall(text))
    # `abbr` escapes the tooltip for its attribute but leaves entities: '&' must be written as one.
    english = english or {}
    tips = {name: (f"{english[name]} — " if name in english else "") + titles[name] for name in found}
    return [f"*[{name}]: {tip.replace('&', '&amp;')}" for name, tip in tips.items()]


def glossary_tooltips(content: Content, page: Page, markdown: str, lang: str, today: datetime.date) -> str:
    english = content.english_terms if lang != DEFAULT_LANG else None  # English readers get the term list's word
    lines = tooltip_lines(tuple(content.glossary), markdown, english)
    if not lines:
        return markdown
    return markdown.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"


def glossary_page(content: Content, lang: str, today: datetime.date) -> Iterable[GeneratedPage]:
    """Every term with its aliases, definition and source, grouped by pinyin initial under a jump
    bar; each term heading (and each alias) is an anchor, ``glossary.html#<term_anchor(name)>``."""
    if not content.glossary:
        return
    s = STRINGS.get(lang, STRINGS["en"])
    groups: dict[str, list[Term]] = {}
    for term in sorted(content.glossary, key=lambda term: sort_key(term.term)):
        groups.setdefault(initial(term.term), []).append(term)
    jump = " ".join(f"[{letter}](#{_group_anchor(letter)})" for letter in groups)
    jump_bar = f"{jump}\n{{: .shuniu-jump role=\"navigation\" aria-label=\"{s['jump']}\" }}"
    parts = [s["intro"].format(count=len(content.glossary)), jump_bar]
    for letter, terms in groups.items():
        parts.append(f"## {letter} {{ #{_group_anchor(letter)} }}")
        # In columns on wide screens (glossary.css): a shorter page to scan.
        parts += ['<div class="shuniu-glossary-group" markdown>', *(_entry(content, term, lang, s) for term in terms), "</div>"]
    markdown = front_matter(s["title"]) + "\n\n".join(parts) + "\n"
    yield GeneratedPage(GLOSSARY_PAGE, markdown, chinese_only=lang != DEFAULT_LANG)  # Chinese terms


def term_anchor(name: str) -> str:
    """A term's or alias's anchor on the glossary page: what the headings' slug function makes of
    it (so anchors from before the grouping still work); glossary.js computes the same."""
    return _SLUG(name, "-")


def _group_anchor(letter: str) -> str:
    return "initial-" + ("other" if letter == "#" else letter.lower())


def _entry(content: Content, term: Term, lang: str, s: dict[str, str]) -> str:
    lines = [f"### {md_escape_cell(term.term)} {{ #{term_anchor(term.term)} }}", "", md_escape_cell(term.definition)]
    details = []
    english = english_for(content, term.term, lang)  # docs/terms.en.yml, on the English site
    if english:
        details.append(f"**{s['english']}**{s['sep']}{md_escape_cell(english)}")
    if term.aliases:
        names = s["list_sep"].join(f'<span id="{esc(term_anchor(a))}">{md_escape_cell(a)}</span>' for a in term.aliases)
        details.append(f"**{s['aliases']}**{s['sep']}{names}")
    if term.source:
        details.append(f"{s['source']}{s['sep']}{_source_link(content, term.source, lang)}")
    if details:  # on the definition's paragraph, after a line break: a shorter page
        lines[-1] += "  \n" + "　".join(details)
    return "\n".join(lines)


def _source_link(content: Content, target: str, lang: str) -> str:
    """A Markdown link to the source page in ``lang``; the anchor is kept only where that
    language's page has it (a translation's headings may differ)."""
    path, anchor = resolve("index.md", target.strip())
    page = content.page(path, lang)
    if page is None:
        return md_escape_cell(target)
    keep = f"#{anchor}" if anchor and anchor in page.anchors else ""
    return f"[{md_escape_cell(page.meta.title)}]({path}{keep})"
