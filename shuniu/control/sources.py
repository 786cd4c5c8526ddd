"""The audit trail: which pages and procedure steps rest on which source (依据索引).

Every policy and procedure names in ``basis`` the texts its rules rest on; procedure steps name
their own. When a law is revised, a maintainer needs every page it touches, however it was
cited: "《保守国家秘密法》第三十条" and "《中华人民共和国保守国家秘密法》（2024年修订）" are the
same source. :func:`source_names` normalises a citation to the names of the texts it cites;
the generated page lists, per source, the pages and steps that cite it. `shuniu check` reports a
policy or procedure whose ``basis`` is empty: a rule with no named source cannot be followed up.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

from shuniu.generated import GeneratedPage, front_matter
from shuniu.model import DEFAULT_LANG, Content, Page, Section
from shuniu.problems import Problems
from shuniu.procedures.flow import flow_steps
from shuniu.render.html import md_escape_cell

SOURCES_PAGE = "sources.md"

_TITLE = re.compile(r"《([^《》]+)》")
_PARENTHESES = re.compile(r"（[^（）]*）|\([^()]*\)")
_ARTICLE = re.compile(r"约?第[〇零一二三四五六七八九十百千两\d]+[条章款项节]")  # 第8号 (a decree number) stays
_NATIONAL_PREFIX = "中华人民共和国"
_LOCAL = ("本单位", "本地区")  # the unit's or the region's own rules: named as written, not by a title inside

STRINGS = {
    "zh": {
        "title": "依据索引",
        "intro": "每个依据下列出以它为依据的页面（页面头部的“依据”）和流程步骤（步骤的“依据”）。法规修订时，"
        "从这里找到它涉及的全部页面和步骤逐一复核。同一法规的不同条号、版本写法归在一个名称下；"
        "“本单位……”“本地区……”是本单位或当地的规定，由本单位维护。",
        "none": "还没有页面写明依据。",
        "page": "页面",
        "where": "引用位置",
        "cited": "原文写法",
        "front": "页面依据",
        "steps": "步骤",
        "count": "{pages} 个页面",
    },
    "en": {
        "title": "Sources and the pages that rely on them",
        "intro": "Under each source are the pages that name it in their basis and the procedure steps that "
        "name it in theirs. When a law or rule is revised, start here to find every page and step to "
        "review. Citations of the same text with different articles or editions are grouped under one "
        "name; sources beginning 本单位 or 本地区 are the unit's or the region's own rules. Source names "
        "are given in Chinese, as the pages cite them.",
        "none": "No page names a source yet.",
        "page": "Page",
        "where": "Cited in",
        "cited": "As cited",
        "front": "page basis",
        "steps": "steps",
        "count": "{pages} pages",
    },
}


def source_names(citation: str) -> list[str]:
    """The names of the texts a ``basis`` entry cites, without articles, editions or notes.

    Notes in brackets are dropped, then each part between "；" is read on its own: a part naming
    titles in 《》 gives those titles (without the "中华人民共和国" prefix, so short and full names
    meet); other parts give their text up to the first article or chapter number.
    """
    names: list[str] = []
    for part in re.split(r"[；;]", _PARENTHESES.sub("", citation)):
        part = part.strip()
        titles = _TITLE.findall(part)
        if titles and not part.startswith(_LOCAL):
            names += [f"《{t.strip().removeprefix(_NATIONAL_PREFIX)}》" for t in titles]
            continue
        bare = _ARTICLE.split(part, maxsplit=1)[0].strip(" 、，,")
        if bare:
            names.append(bare)
    return list(dict.fromkeys(names))


@dataclass(frozen=True)
class Citation:
    """One page's (or one step's) reliance on a source, as written."""

    src: str  # the page that cites it, docs-relative (the original's path)
    step_id: str  # "" for the page's own basis
    text: str  # the citation as written in the original


def citations(content: Content) -> dict[str, list[Citation]]:
    """Every source named in the originals' ``basis`` fields, with who cites it, sorted by name
    (the unit's and the region's own rules last)."""
    found: dict[str, list[Citation]] = {}
    for page in sorted(_originals(content), key=lambda p: p.src):
        entries = [("", text) for text in page.meta.basis]
        entries += [(step.id, text) for step in page.steps for text in step.basis]
        for step_id, text in entries:
            for name in source_names(text):
                found.setdefault(name, []).append(Citation(page.src, step_id, text))
    return dict(sorted(found.items(), key=lambda item: (item[0].startswith(_LOCAL), item[0])))


def _originals(content: Content) -> list[Page]:
    return [p for p in content.pages if p.lang == DEFAULT_LANG and not p.is_index]


def check_basis(content: Content) -> Problems:
    """A policy or procedure must name the texts its rules rest on."""
    problems = Problems()
    for page in _originals(content):
        # A page whose front matter could not be read (no id) is already reported as such.
        if page.meta.id and page.section in (Section.POLICY, Section.PROCEDURE) and not page.meta.basis:
            kind = "policy" if page.section is Section.POLICY else "procedure"
            problems.add(page.path, 1, f"{kind} page '{page.meta.id}' has no 'basis': name the "
                         "laws, regulations or unit rules its rules rest on (e.g. basis: [《……条例》第×条])")
    return problems


def sources_page(content: Content, lang: str, today: datetime.date) -> Iterable[GeneratedPage]:
    """The 依据索引 page for maintainers, in the menus after the content but out of search, so
    readers looking for a rule find the rule, not this index."""
    s = STRINGS.get(lang, STRINGS["en"])
    found = citations(content)
    parts = [s["intro"], ""] if found else [s["intro"], "", s["none"]]
    for name, cited in found.items():
        parts += [f"## {md_escape_cell(name)}", "", s["count"].format(pages=len({c.src for c in cited})), ""]
        parts += [f"| {s['page']} | {s['where']} | {s['cited']} |", "|---|---|---|"]
        parts += [_row(content, group, lang, s) for group in _by_page(cited)]
        parts.append("")
    markdown = front_matter(s["title"], searchable=False) + "\n".join(parts) + "\n"
    # The sources are named as the pages name them, in Chinese: on the English site it says so.
    yield GeneratedPage(SOURCES_PAGE, markdown, nav_weight=90, chinese_only=lang != DEFAULT_LANG)


def _by_page(cited: list[Citation]) -> list[list[Citation]]:
    groups: dict[str, list[Citation]] = {}
    for citation in cited:
        groups.setdefault(citation.src, []).append(citation)
    return list(groups.values())


def _row(content: Content, group: list[Citation], lang: str, s: dict[str, str]) -> str:
    """One table row: the page, where on it the source is cited (its basis, its steps), as written."""
    src = group[0].src
    page = content.page(src, lang) or content.page(src)
    assert page is not None
    numbers = {f.step.id: f.label for f in flow_steps(page.steps)}
    where = [s["front"]] if any(not c.step_id for c in group) else []
    steps = [c.step_id for c in group if c.step_id]
    if steps:
        links = (f"[{_link_text(numbers.get(i, i))}]({src}#step-{i})" for i in dict.fromkeys(steps))
        where.append(f"{s['steps']}: " + ", ".join(links))
    written = "；".join(md_escape_cell(t) for t in dict.fromkeys(c.text for c in group))
    return f"| [{_link_text(page.meta.title)}]({src}) | {'; '.join(where)} | {written} |"


def _link_text(text: str) -> str:
    """Text safe as a Markdown link's label inside a table cell."""
    return md_escape_cell(text).replace("[", "&#91;").replace("]", "&#93;")
