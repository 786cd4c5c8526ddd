"""On the English site, a page with no English text is a short marked page that leads to the
Chinese one (issue #17): the notice, a link, and an outline keeping every anchor a link may name;
an untranslated procedure has no English checklist."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from bench.corpus import generate
from shuniu.render.language import NOTICE_TEXT
from tests.conftest import mkdocs_build

ID = re.compile(r'\sid="([^"]+)"')
HREF = re.compile(r'<a href="([^"#]+)(?:#([^"]*))?" hreflang="zh"')


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("fallback") / "project"
    generate(root, 20, 50)
    docs = root / "docs"
    # A translated page links to a heading of an untranslated one: the strict build must resolve it.
    translated = min(docs.glob("policies/*/*.en.md"))
    target = min(p for p in docs.glob("policies/*/*-zd-*.md") if not p.name.endswith(".en.md")
                 and not p.with_name(p.stem + ".en.md").exists())
    anchor = re.search(r"^## (.+)$", target.read_text(encoding="utf-8"), re.M).group(1)
    link = posixpath.relpath(target.relative_to(docs).as_posix(), posixpath.dirname(translated.relative_to(docs).as_posix()))
    with translated.open("a", encoding="utf-8") as file:
        file.write(f"\nSee [the rules]({link}#{anchor}).\n")
    site = root / "site"
    result = mkdocs_build(root, site)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    return root, site


def _untranslated(root: Path) -> list[str]:
    """The policies, procedures and study units with no English version."""
    docs = root / "docs"
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")
                  if re.search(r"-(zd|lc|xx)-\d+\.md$", p.name) and not p.with_name(p.stem + ".en.md").exists())


def test_an_untranslated_page_leads_to_its_chinese_page_and_keeps_its_anchors(site) -> None:
    root, built = site
    pages = _untranslated(root)
    assert len(pages) > 10
    for src in pages:
        html_name = src.removesuffix(".md") + ".html"
        english = (built / "en" / html_name).read_text(encoding="utf-8")
        chinese = (built / html_name).read_text(encoding="utf-8")
        assert NOTICE_TEXT in english, src
        body = (root / "docs" / src).read_text(encoding="utf-8").split("---\n", 2)[2]
        first_paragraph = next(line for line in body.splitlines() if line and not line.startswith(("#", "|", "-", "?")))
        assert first_paragraph.strip()[:30] in chinese and first_paragraph.strip()[:30] not in english, src
        links = HREF.findall(english)
        assert links, src
        chinese_ids = set(ID.findall(chinese))
        for href, anchor in links:
            assert posixpath.normpath(posixpath.join(posixpath.dirname("en/" + html_name), href)) == html_name
            assert not anchor or anchor in chinese_ids, (src, anchor)  # each outline line opens its part
        # Every heading and step of the Chinese page is a line of the outline, under the same anchor
        # (the site's own generated sections, shuniu-…, are not the author's to link to).
        outline = {a for _, a in links if a}
        headings = set(re.findall(r'<h[2-6] id="([^"]+)"', chinese)) - set(re.findall(r'<h[2-6] id="(shuniu-[^"]+)"', chinese))
        assert headings <= outline | {"steps", "flow", "roles", "basis"}, src
        assert headings & outline


def test_an_untranslated_procedure_has_no_english_checklist_and_the_index_says_where_it_is(site) -> None:
    root, built = site
    procedures = sorted((root / "docs/procedures").glob("*-lc-*.md"))
    translated = {p.name.removesuffix(".en.md") for p in procedures if p.name.endswith(".en.md")}
    untranslated = {p.stem for p in procedures if not p.name.endswith(".en.md")} - translated
    assert translated and untranslated
    english = {p.stem for p in (built / "en/procedures/checklists").glob("*.html")} - {"index"}
    chinese = {p.stem for p in (built / "procedures/checklists").glob("*.html")} - {"index"}
    assert chinese == translated | untranslated
    assert english == translated
    index = (built / "en/procedures/checklists/index.html").read_text(encoding="utf-8")
    href = re.search(r'<a href="([^"]+)" hreflang="zh" lang="zh">检查清单</a>', index).group(1)
    assert (built / "en/procedures/checklists" / href).resolve() == (built / "procedures/checklists/index.html").resolve()


@pytest.mark.browser
def test_the_notice_and_the_outline_are_drawn_as_such(site, page) -> None:
    # Opened from disk, as from a shared drive: the notice is boxed and the outline indented by level.
    root, built = site
    src = next(s for s in _untranslated(root) if s.startswith("policies/"))
    page.goto((built / "en" / (src.removesuffix(".md") + ".html")).as_uri())
    notice = page.locator(".shuniu-zh-only")
    assert notice.inner_text() == NOTICE_TEXT
    assert notice.evaluate("e => getComputedStyle(e).borderLeftStyle") == "solid"
    section = page.locator(".shuniu-zh-outline-2").first.bounding_box()
    subsection = page.locator(".shuniu-zh-outline-3").first.bounding_box()
    assert subsection["x"] > section["x"]
    line = page.locator(".shuniu-zh-outline-3 a").first
    heading = line.inner_text()
    line.click()
    page.locator("h3", has_text=heading).first.wait_for()  # the Chinese page, at that heading
    assert page.url.startswith((built / src).with_suffix(".html").as_uri() + "#")
    assert page.locator("h3", has_text=heading).first.is_visible()


def test_a_link_to_a_chinese_page_is_relative_to_the_english_page_and_escapes_its_text() -> None:
    from shuniu.render.language import CHINESE_ONLY_MARK, chinese_page_link, chinese_page_url

    assert chinese_page_url("quizzes/a.md") == "../../quizzes/a.html"  # from its own English copy
    assert chinese_page_url("quizzes/a.md", "study/plans/p.md") == "../../../quizzes/a.html"
    assert chinese_page_url("index.md") == "../index.html"
    link = chinese_page_link("quizzes/a.md", "quizzes/index.md", "<b onclick=x>*题*|库</b>")
    # A table cell's text: no tag, no emphasis, no column break; then the mark.
    assert link == ('<a href="../../quizzes/a.html" hreflang="zh">&lt;b onclick=x&gt;\\*题\\*&#124;库&lt;/b&gt;</a> '
                    + CHINESE_ONLY_MARK)
