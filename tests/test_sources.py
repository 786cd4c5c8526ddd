"""The audit trail: basis citations normalised to sources, the 依据索引 page, and empty basis reported."""

import datetime
import json
import re

from click.testing import CliRunner

from shuniu.check import check_root
from shuniu.cli import main
from shuniu.control.sources import citations, source_names, sources_page
from tests.conftest import write

DAY = datetime.date(2026, 12, 1)

FRONT = """---
id: {id}
title: {title}
owner: 办公室
status: effective
effective: 2025-03-01
reviewed: 2026-03-01
review_every: 12 months
classification: public
{extra}---

## 适用范围

正文。
"""

PROCEDURE_STEPS = """basis:
  - 《中华人民共和国保守国家秘密法》（2024年修订）
steps:
  - id: dengji
    title: 登记
    role: 机要人员
    action: 登记。
    basis: 《党政机关公文处理工作条例》第三十条
  - id: shiqie
    title: 丢失报告
    role: 机要人员
    action: 报告。
    basis: 《保守国家秘密法》第三十条；本单位保密管理规定（报告时限由本单位规定）
"""


def test_citations_of_one_text_meet_under_its_name():
    assert source_names("《保守国家秘密法》第三十条") == ["《保守国家秘密法》"]
    assert source_names("《中华人民共和国保守国家秘密法》（约第三十一条）") == ["《保守国家秘密法》"]
    assert source_names("《党政机关公文处理工作条例》（中办发〔2012〕14号）第三十条、第三十二条、第七章") == [
        "《党政机关公文处理工作条例》"]
    assert source_names("GB/T 9704—2012《党政机关公文格式》") == ["《党政机关公文格式》"]


def test_citations_without_a_title_keep_their_name_and_drop_articles_and_notes():
    assert source_names("国家档案局令第8号第六条、第十一条") == ["国家档案局令第8号"]
    assert source_names("国家档案局令第8号（文书档案保管期限）") == ["国家档案局令第8号"]
    assert source_names("中央八项规定（2012年12月4日中央政治局会议审议通过）") == ["中央八项规定"]
    # a note in brackets may hold a "；" of its own; the unit's rules keep the words around their title
    assert source_names("本单位《印章管理》制度（BGS-ZD-003；合同审核由本单位规定）") == ["本单位《印章管理》制度"]


def test_one_entry_citing_two_texts_counts_for_both():
    assert source_names("《消防法》第十六条；《机关、团体、企业、事业单位消防安全管理规定》（公安部令第61号）第二十六条") == [
        "《消防法》", "《机关、团体、企业、事业单位消防安全管理规定》"]


def content_root(tmp_path):
    write(tmp_path, "docs/procedures/shemi.md", FRONT.format(id="shemi", title="涉密载体", extra=PROCEDURE_STEPS))
    write(tmp_path, "docs/policies/baomi.md", FRONT.format(
        id="baomi", title="保密 | 管理", extra="basis: [《保守国家秘密法》第三十条]\ndoc_no: X-1\napprover: 主任\n"))
    content, problems = check_root(tmp_path)
    assert not problems, problems.sorted()
    return content


def test_each_source_lists_the_pages_and_steps_that_cite_it(tmp_path):
    found = citations(content_root(tmp_path))
    assert list(found) == ["《保守国家秘密法》", "《党政机关公文处理工作条例》", "本单位保密管理规定"]
    assert [(c.src, c.step_id) for c in found["《保守国家秘密法》"]] == [
        ("policies/baomi.md", ""), ("procedures/shemi.md", ""), ("procedures/shemi.md", "shiqie")]
    assert [(c.src, c.step_id) for c in found["本单位保密管理规定"]] == [("procedures/shemi.md", "shiqie")]


def test_the_page_links_each_page_and_numbered_step_in_both_languages(tmp_path):
    content = content_root(tmp_path)
    [zh] = sources_page(content, "zh", DAY)
    [en] = sources_page(content, "en", DAY)
    assert zh.src_uri == en.src_uri == "sources.md" and zh.in_nav
    assert "title: \"依据索引\"" in zh.markdown and "search:\n  exclude: true" in zh.markdown
    assert "title: \"Sources and the pages that rely on them\"" in en.markdown
    section = zh.markdown.split("## 《保守国家秘密法》", 1)[1].split("\n## ", 1)[0]
    assert "2 个页面" in section
    assert "| [保密 &#124; 管理](policies/baomi.md) | 页面依据 | 《保守国家秘密法》第三十条 |" in section
    assert ("| [涉密载体](procedures/shemi.md) | 页面依据; 步骤: [2 丢失报告](procedures/shemi.md#step-shiqie) | "
            "《中华人民共和国保守国家秘密法》（2024年修订）；"
            "《保守国家秘密法》第三十条；本单位保密管理规定（报告时限由本单位规定） |"
            ) in section
    assert "| page basis; steps: [2 丢失报告](procedures/shemi.md#step-shiqie) |" in en.markdown


def test_a_policy_or_procedure_without_basis_is_a_problem(tmp_path):
    write(tmp_path, "docs/policies/kong.md", FRONT.format(id="kong", title="空", extra="doc_no: X-2\napprover: 主任\n"))
    write(tmp_path, "docs/procedures/liucheng.md", FRONT.format(
        id="liucheng", title="流程", extra="basis: []\nsteps:\n  - {id: a, title: 甲, role: 文书, action: 做。}\n"))
    write(tmp_path, "docs/study/xuexi.md", FRONT.format(id="xuexi", title="学习", extra=""))
    result = CliRunner().invoke(main, ["check", "--root", str(tmp_path)])
    assert result.exit_code == 1
    assert [line for line in result.stdout.splitlines() if "basis" in line] == [
        "docs/policies/kong.md:1: policy page 'kong' has no 'basis': name the laws, regulations or unit rules "
        "its rules rest on (e.g. basis: [《……条例》第×条])",
        "docs/procedures/liucheng.md:1: procedure page 'liucheng' has no 'basis': name the laws, regulations or "
        "unit rules its rules rest on (e.g. basis: [《……条例》第×条])",
    ]


def test_built_sources_page_links_every_citing_page(built_site):
    html = (built_site / "sources.html").read_text(encoding="utf-8")
    assert "依据索引" in html and "《保守国家秘密法》" in html
    assert 'href="procedures/shemi-zaiti-guanli.html#step-shiqie"' in html
    english = (built_site / "en/sources.html").read_text(encoding="utf-8")
    assert "Sources and the pages that rely on them" in english
    for href in set(re.findall(r'<td><a href="([^"#]+)(?:#[^"]*)?"', html)):
        assert (built_site / href).is_file(), href
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].split("#")[0].endswith("sources.html")]
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="sources.html"[^>]*>\s*依据索引', home)
