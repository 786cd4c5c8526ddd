"""The classification guard: classified markings fail everywhere; internal content stays out of
the public edition, and nothing public may point at it."""

import pytest

from shuniu.check import check_root
from shuniu.control.classification import MARKING_MESSAGE, scan_text
from shuniu.control.editions import Edition, excluded_sources
from shuniu.problems import Problems
from tests.conftest import PROJECT, VALID_POLICY, copy_site_settings, mkdocs_build, write

MARKED = "{path}:{line}: classification marking '{found}': " + MARKING_MESSAGE.split(": ", 1)[1]
DECLARED = ("{path}:{line}: '{key}' declares the classified level '{level}': classified (涉密) documents must never "
            "be stored in this repository; only 'classification: public' or 'classification: internal' are allowed")


def messages(problems):
    return [str(p) for p in problems.sorted()]


def scan(path, text):
    problems = Problems()
    scan_text(path, text, problems)
    return messages(problems)


@pytest.mark.parametrize("line", [
    "标注形式为“密级★保密期限”，示例一律使用通用写法。",
    "保密期限：绝密级不超过 30 年，机密级不超过 20 年，秘密级不超过 10 年。",
    "绝密级公文应当由专人管理。",
    "机密级、秘密级公文的复制、汇编，须经本机关负责人批准。",
    "密级分“绝密”“机密”“秘密”三级。",
    "国家秘密的密级、保密期限和知悉范围。",
    "classification: internal",
])
def test_teaching_text_is_not_a_marking(line):
    assert scan("docs/study/x.md", f"---\ntitle: x\n{line}\n---\n\n{line}\n") == []


@pytest.mark.parametrize(("line", "found"), [
    ("秘密★10年", "秘密★10年"),
    ("本文件 机密★ 长期", "机密★长期"),  # the message quotes the marking as it reads, spaces left out
    ("绝密★", "绝密★"),
    ("绝密 ☆", "绝密★"),
    ("秘密 10年", "秘密10年"),
    ("机密　6个月内", "机密6个月"),
    ("秘密１年", "秘密1年"),
    ("機密&#9733;二十年", "机密★二十年"),
])
def test_markings_in_a_page_body_fail_with_file_and_line(line, found):
    text = f"---\ntitle: x\n---\n\n第一段。\n{line}\n"
    assert scan("docs/policies/x.md", text) == [MARKED.format(path="docs/policies/x.md", line=6, found=found)]


def test_front_matter_declaring_a_level_fails():
    text = "---\nid: x\ntitle: x\n密级: 秘密\nclassification: Confidential\n密级：机密级\n---\n\n密级: 秘密\n"
    assert scan("docs/policies/x.md", text) == [  # the same line in the body is text, not a declaration
        DECLARED.format(path="docs/policies/x.md", line=4, key="密级", level="秘密"),
        DECLARED.format(path="docs/policies/x.md", line=5, key="classification", level="Confidential"),
        DECLARED.format(path="docs/policies/x.md", line=6, key="密级", level="机密级"),
    ]


def test_every_planted_marking_fails_check_with_its_file_and_line(content_root):
    write(content_root, "docs/policies/marked.md", VALID_POLICY.format(id="marked") + "\n附件：秘密★5年\n")
    write(content_root, "docs/policies/declared.md",
          VALID_POLICY.format(id="declared").replace("classification: public", "classification: secret"))
    write(content_root, "quizzes/baomi.yml", "id: baomi\ntitle: 保密\nclassification: top-secret\nquestions: []\n")
    write(content_root, "docs/study/plans/p.yml",
          "id: p\ntitle: 计划\ngroup: 组\nsessions:\n  - date: 2026-12-01\n    topic: 传达 绝密★ 文件\n")
    _, problems = check_root(content_root)
    found = messages(problems)
    assert MARKED.format(path="docs/policies/marked.md", line=21, found="秘密★5年") in found
    assert DECLARED.format(path="docs/policies/declared.md", line=11, key="classification", level="secret") in found
    assert DECLARED.format(path="quizzes/baomi.yml", line=3, key="classification", level="top-secret") in found
    assert MARKED.format(path="docs/study/plans/p.yml", line=6, found="绝密★") in found


def test_the_real_content_carries_no_marking():
    """Every published file of the project is read (none is left unread as non-UTF-8) and none is marked."""
    _, problems = check_root(PROJECT)
    assert [p for p in messages(problems) if "classif" in p or "UTF-8" in p] == []


INTERNAL = VALID_POLICY.replace("classification: public", "classification: internal").replace("印章管理办法", "值班规定")


def edition_root(root):
    """A small site: a public policy linking nowhere internal, and an internal policy with a translation."""
    copy_site_settings(root)
    write(root, "docs/index.md", "---\ntitle: 首页\n---\n\n# 首页\n")
    write(root, "docs/policies/index.md", "---\ntitle: 政策制度\n---\n\n<!-- shuniu:section-index -->\n")
    write(root, "docs/policies/yinzhang.md", VALID_POLICY.format(id="yinzhang"))
    write(root, "docs/policies/zhiban.md", INTERNAL.format(id="zhiban"))
    write(root, "docs/policies/zhiban.en.md", INTERNAL.format(id="zhiban").replace("值班规定", "Duty rules"))
    return root


def test_internal_pages_are_excluded_from_the_public_edition_only(tmp_path):
    content, problems = check_root(edition_root(tmp_path))
    assert not problems
    assert excluded_sources(content, Edition.PUBLIC) == {"policies/zhiban.md", "policies/zhiban.en.md"}
    assert excluded_sources(content, Edition.INTERNAL) == set()


@pytest.mark.build
def test_each_edition_builds_exactly_its_pages(tmp_path, monkeypatch):
    root = edition_root(tmp_path / "root")
    built = {}
    for edition in ("public", "internal"):
        monkeypatch.setenv("SHUNIU_EDITION", edition)
        result = mkdocs_build(root, tmp_path / edition)
        assert result.returncode == 0, result.stderr[-3000:]
        built[edition] = {p.relative_to(tmp_path / edition).as_posix() for p in (tmp_path / edition).rglob("*.html")}
    internal_only = {"policies/zhiban.html", "en/policies/zhiban.html"}
    assert built["internal"] - built["public"] == internal_only
    assert built["public"] <= built["internal"]
    assert "policies/yinzhang.html" in built["public"]
    index = (tmp_path / "public/policies/index.html").read_text(encoding="utf-8")
    assert "值班规定" not in index and "zhiban.html" not in index
    assert "值班规定" in (tmp_path / "internal/policies/index.html").read_text(encoding="utf-8")


def test_public_content_linking_to_an_internal_page_fails_in_the_public_edition(tmp_path, monkeypatch):
    root = edition_root(tmp_path)
    write(root, "docs/policies/yinzhang.md", VALID_POLICY.format(id="yinzhang") + "\n另见[值班规定](zhiban.md)。\n")
    write(root, "docs/study/plans/p.yml",
          "id: p\ntitle: 计划\ngroup: 组\nsessions:\n  - date: 2026-12-01\n    topic: 值班\n    read:\n"
          "      - policies/yinzhang.md\n      - policies/zhiban.md#印章保管\n")
    monkeypatch.delenv("SHUNIU_EDITION", raising=False)
    left_out = ", which the public edition leaves out (build the internal one with SHUNIU_EDITION=internal)"
    assert messages(check_root(root)[1]) == [
        f"docs/policies/yinzhang.md:21: link 'zhiban.md' points to an internal page{left_out}",
        f"docs/study/plans/p.yml:9: link 'policies/zhiban.md#印章保管' points to an internal page{left_out}",
    ]
    monkeypatch.setenv("SHUNIU_EDITION", "internal")
    assert messages(check_root(root)[1]) == []
    monkeypatch.setenv("SHUNIU_EDITION", "intranet")
    assert "docs:0: SHUNIU_EDITION must be 'public' or 'internal', got 'intranet'" in messages(check_root(root)[1])


def test_superseded_pages_are_left_out_of_search(built_site):
    index = (built_site / "search/search_index.json").read_text(encoding="utf-8")
    assert "policies/gongwen-geshi-2019.html" not in index
    assert "policies/gongwen-geshi.html" in index


def test_internal_banks_stay_out_of_the_public_edition(content_root, monkeypatch):
    import datetime

    from shuniu.control.editions import check_public_references, edition_content
    from shuniu.control.model import Plan, Ref, Session
    from shuniu.quiz.model import Bank

    write(content_root, "quizzes/neibu.yml", "id: neibu\ntitle: 内部题库\nclassification: internal\nquestions: []\n")
    content, _ = check_root(content_root)
    assert content.internal_banks == {"quizzes/neibu.yml"}
    content.banks = [Bank("neibu", "内部题库", "quizzes/neibu.yml", ()), Bank("gongkai", "公开", "quizzes/gongkai.yml", ())]
    session = Session(datetime.date(2026, 12, 1), "测验", quiz=(Ref("gongkai", 6), Ref("neibu", 7)))
    content.plans.append(Plan("p", "计划", "组", "docs/study/plans/p.yml", (session,)))
    assert [b.id for b in edition_content(content, Edition.PUBLIC).banks] == ["gongkai"]
    assert [b.id for b in edition_content(content, Edition.INTERNAL).banks] == ["neibu", "gongkai"]
    monkeypatch.delenv("SHUNIU_EDITION", raising=False)
    assert [str(p) for p in check_public_references(content).sorted()] == [
        "docs/study/plans/p.yml:7: bank 'neibu' is internal, which the public edition leaves out "
        "(build the internal one with SHUNIU_EDITION=internal)"]
