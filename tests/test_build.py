"""The strict build: the right pages in both languages, and a failed build keeps the old site."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from shuniu.check import check_root
from shuniu.features import generate
from shuniu.generated import GeneratedPage
from tests.conftest import BUILD_DATE, PROJECT, write

pytestmark = pytest.mark.build


def html_name(src: str) -> str:
    return src[: -len(".md")] + ".html"


def expected_pages() -> set[str]:
    import datetime

    from shuniu.control.editions import current_edition, edition_content

    content, problems = check_root(PROJECT)
    assert not problems
    content = edition_content(content, current_edition())
    day = datetime.date.fromisoformat(BUILD_DATE)
    expected = {"404.html"}
    for base in {p.base_src for p in content.pages}:
        expected |= {html_name(base), "en/" + html_name(base)}
    for lang, prefix in (("zh", ""), ("en", "en/")):
        for item in generate(content, lang, day):
            if isinstance(item, GeneratedPage):
                expected.add(prefix + html_name(item.src_uri))
    return expected


def test_every_page_is_built_in_both_languages(built_site):
    built = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    assert built == expected_pages()


def test_english_pages_are_english_and_chinese_pages_chinese(built_site):
    zh = (built_site / "policies/index.html").read_text(encoding="utf-8")
    en = (built_site / "en/policies/index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in zh and "<h1" in zh and "政策制度" in zh
    assert '<html lang="en"' in en and "Policies" in en


def test_section_index_lists_pages_from_front_matter(built_site):
    html = (built_site / "policies/index.html").read_text(encoding="utf-8")
    assert "<table>" in html
    for header in ("标题", "编号", "状态", "责任单位", "生效日期", "下次复核"):
        assert f"<th>{header}</th>" in html
    assert 'href="yinzhang-guanli.html"' in html


def test_headings_get_meaningful_chinese_anchors(built_site):
    html = (built_site / "policies/yinzhang-guanli.html").read_text(encoding="utf-8")
    assert 'id="印章保管"' in html or 'id="印章的保管"' in html


def run_build_script(root: Path) -> subprocess.CompletedProcess[str]:
    mkdocs = Path(sys.executable).parent / "mkdocs"
    env = {**os.environ, "SHUNIU_TODAY": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(["sh", str(PROJECT / "tools/build_site.sh"), str(mkdocs), "site"],
                          cwd=root, env=env, capture_output=True, text=True, check=False)


def test_failed_build_keeps_the_last_good_site(project_copy):
    write(project_copy, "site/index.html", "last good site")
    write(project_copy, "docs/policies/broken.md", "---\nid: broken\ntitle: [\n---\n")
    result = run_build_script(project_copy)
    assert result.returncode == 1
    assert "docs/policies/broken.md:3: YAML syntax error" in result.stderr
    assert "Build failed: site/ was left as it was." in result.stderr
    assert (project_copy / "site/index.html").read_text(encoding="utf-8") == "last good site"
    assert not list(project_copy.glob("site.tmp-*"))

    (project_copy / "docs/policies/broken.md").unlink()
    result = run_build_script(project_copy)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "last good site" not in (project_copy / "site/index.html").read_text(encoding="utf-8")


def test_search_lists_each_page_once(built_site):
    """One search index serves both languages: English entries only for pages really in English
    (translated, or generated in English); a page shown in Chinese on the English site is listed
    once, from the Chinese site."""
    import json

    from shuniu.render.language import NOTICE_TEXT

    docs = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    english = {d["location"].split("#")[0] for d in docs if d["location"].startswith("en/")}
    translated = {"en/" + p.relative_to(PROJECT / "docs").as_posix().replace(".en.md", ".html")
                  for p in (PROJECT / "docs").rglob("*.en.md")}
    assert english & translated
    written = {"en/" + p.relative_to(PROJECT / "docs").as_posix().replace(".md", ".html")
               for p in (PROJECT / "docs").rglob("*.md") if not p.name.endswith(".en.md")}
    assert not (english - translated) & written  # untranslated written pages: Chinese site only
    assert not [p for p in english if NOTICE_TEXT in (built_site / p).read_text(encoding="utf-8")]
    locations = [d["location"] for d in docs]
    assert len(locations) == len(set(locations))
