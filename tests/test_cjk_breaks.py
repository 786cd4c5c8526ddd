"""Line breaks inside Chinese text: joined, never shown as a space; nothing else changes."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown

from shuniu.render.cjk_breaks import CJK

_BLOCKS = {"p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "div", "blockquote",
           "tr", "table", "ul", "ol", "dl", "br", "hr", "details", "summary", "figure", "figcaption"}
_SKIP = {"pre", "code", "script", "style", "kbd", "samp", "svg"}
# A soft line break as the browser shows it: whitespace with a newline in it, between two CJK characters.
_BROKEN = re.compile(f"[{CJK}][ \\t]*\\n\\s*[{CJK}]")


class _Runs(HTMLParser):
    """The text of a page's article, one string per block, code left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[str] = [""]
        self.skipping = 0
        self.in_article = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.in_article = True
        if tag in _SKIP:
            self.skipping += 1
        if tag in _BLOCKS:
            self.runs.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article = False
        if tag in _SKIP and self.skipping:
            self.skipping -= 1
        if tag in _BLOCKS:
            self.runs.append("")

    def handle_data(self, data: str) -> None:
        if self.in_article and not self.skipping:
            self.runs[-1] += data


def broken_runs(html: str) -> list[str]:
    parser = _Runs()
    parser.feed(html)
    return [match.group(0) for run in parser.runs for match in _BROKEN.finditer(run)]


def test_no_page_shows_a_space_from_a_line_break_in_chinese_text(built_site: Path):
    found = {
        page.relative_to(built_site).as_posix(): runs
        for page in sorted(built_site.rglob("*.html"))
        if (runs := broken_runs(page.read_text(encoding="utf-8")))
    }
    assert found == {}


def render(source: str) -> str:
    return markdown.markdown(source, extensions=["shuniu.render.cjk_breaks", "abbr"])


def test_a_break_between_chinese_characters_or_punctuation_is_joined():
    assert render("发出的\n文件放在一处：\n查得到") == "<p>发出的文件放在一处：查得到</p>"
    assert render("见**《条例》**\n第九条和\n[新规](x.md)") == '<p>见<strong>《条例》</strong>第九条和<a href="x.md">新规</a></p>'


def test_a_break_next_to_latin_digits_or_code_stays_a_space():
    assert render("依据 GB/T 9704\n执行，共\n3 条") == "<p>依据 GB/T 9704\n执行，共\n3 条</p>"
    assert render("English\nwords stay apart") == "<p>English\nwords stay apart</p>"
    assert render("代码 `甲\n乙` 不变") == "<p>代码 <code>甲\n乙</code> 不变</p>"
    assert render("    甲\n    乙") == "<pre><code>甲\n乙\n</code></pre>"


def test_glossary_tooltips_still_mark_a_term_after_the_join():
    assert render("按照：\n公文格式\n\n*[公文格式]: 定义") == '<p>按照：<abbr title="定义">公文格式</abbr></p>'
