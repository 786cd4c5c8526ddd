"""Procedure pages: the generated step guide, roles, basis and checklist pages, against golden files.

Regenerate the golden files after an intended change with SHUNIU_UPDATE_GOLDEN=1 and review the diff.
"""

import datetime
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from shuniu.check import check_root
from shuniu.cli import main
from shuniu.features import generate
from shuniu.generated import GeneratedPage
from shuniu.model import Step
from shuniu.procedures.basis import citations
from shuniu.procedures.checklist import render_checklist, render_index
from shuniu.procedures.flow import flow_steps
from shuniu.procedures.render import insert_generated, render_sections
from tests.conftest import write
from tests.rendered import as_shown

GOLDEN = Path(__file__).parent / "golden" / "procedures"
FIXTURE = (GOLDEN / "fixture.md").read_text(encoding="utf-8")


def assert_golden(name, text):
    """Compare with tests/golden/procedures/<name>; SHUNIU_UPDATE_GOLDEN=1 rewrites it instead."""
    path = GOLDEN / name
    if os.environ.get("SHUNIU_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run with SHUNIU_UPDATE_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8")


def load(root, files):
    for relative, text in files.items():
        write(root, relative, text)
    content, problems = check_root(root)
    return content, [str(p) for p in problems.sorted()]


@pytest.fixture
def fixture_content(tmp_path):
    content, problems = load(tmp_path, {"docs/procedures/liucheng.md": FIXTURE})
    assert problems == []
    return content


@pytest.fixture
def fixture_page(fixture_content):
    return fixture_content.page("procedures/liucheng.md")


def test_alternatives_share_a_number_with_letters(fixture_page):
    shown = [(f.display, f.is_alternative, f.step.id, f.is_end, f.follows_on) for f in flow_steps(fixture_page.steps)]
    assert shown == [
        ("1", False, "qicao", False, True),
        ("2", False, "shenhe", False, False),
        ("3a", False, "xiugai", False, False),   # loops back to 2
        ("3b", True, "qianfa", False, False),    # 2 offers "revise" or "sign": one number, two letters
        ("4a", False, "zuofei", True, False),
        ("4b", True, "fawen", True, False),
    ]
    assert [f.reached_when for f in flow_steps(fixture_page.steps)][4:] == [(("qianfa", "不予签发"),), (("qianfa", "签发"),)]


def test_a_step_that_leads_on_to_the_other_choice_is_no_alternative(tmp_path):
    """发文办理's shape: 复核 -> 登记 or 复审, and 复审 -> 登记: 复审 is optional, not a choice."""
    page = FIXTURE.replace("    next: [shenhe]\n", "    next: [qianfa]\n")
    content, problems = load(tmp_path, {"docs/procedures/liucheng.md": page})
    assert problems == []
    flow = flow_steps(content.page("procedures/liucheng.md").steps)
    assert [(f.number, f.is_alternative) for f in flow][2:4] == [(3, False), (4, False)]


def test_sections_zh(fixture_page):
    assert_golden("sections.zh.md", as_shown(render_sections(fixture_page, "zh")) + "\n")


def test_sections_en(fixture_page):
    assert_golden("sections.en.md", as_shown(render_sections(fixture_page, "en")) + "\n")


def test_everything_from_content_is_escaped(fixture_page):
    html = as_shown(render_sections(fixture_page, "zh"))
    assert "<初稿>" not in html and "&lt;初稿&gt; &amp; 附件" in html
    assert "发文「审核」&amp; 签发流程图" in html  # titles cannot hold < > (check refuses them)
    assert r"[4b 印制分发\[正式文本\]](#step-fawen)" in html  # brackets cannot end the link early


def test_basis_is_listed_once_with_the_steps_citing_it(fixture_page):
    basis = as_shown(render_sections(fixture_page, "zh")).split("## 依据 {#basis}\n\n", 1)[1]
    assert basis.splitlines() == [
        "- 《党政机关公文处理工作条例》（中办发〔2012〕14号）第十九条（见步骤：[起草文稿](#step-qicao)）",
        "- 本单位公文处理实施细则",
        "- 《党政机关公文处理工作条例》第二十条（见步骤：[办公室审核把关并提出修改意见](#step-shenhe)）",
    ]


def test_generated_sections_go_after_the_first_section(fixture_page):
    page = insert_generated(fixture_page.body, "GENERATED")
    lines = [line for line in page.splitlines() if line.startswith(("## ", "GENERATED", "开头"))]
    assert lines == ["开头的说明。", "## 适用范围", "## 这不是标题", "GENERATED", "## 注意事项"]


@pytest.mark.parametrize(("body", "expected"), [
    ("Only text.\n", "Only text.\n\nGENERATED\n"),
    ("## 适用范围\n\n全部。\n", "## 适用范围\n\n全部。\n\nGENERATED\n"),
    ("", "\n\nGENERATED\n"),
])
def test_without_a_second_section_they_go_at_the_end(body, expected):
    assert insert_generated(body, "GENERATED") == expected


def test_generated_anchors_can_be_linked_to(tmp_path):
    link_page = FIXTURE.replace("id: liucheng", "id: other").replace(
        "- 注意。", "- 见[流程图](liucheng.md#flow)、[步骤](liucheng.md#step-shenhe)、[依据](liucheng.md#basis)、"
        "[角色](liucheng.md#roles)和[坏链接](liucheng.md#nope)。")
    content, problems = load(tmp_path, {"docs/procedures/liucheng.md": FIXTURE, "docs/procedures/other.md": link_page})
    assert {"steps", "flow", "roles", "basis", "step-qicao"} <= content.page("procedures/liucheng.md").anchors
    assert problems == [
        "docs/procedures/other.md:70: link 'liucheng.md#nope' points to a missing anchor '#nope' in procedures/liucheng.md",
    ]


def test_a_heading_may_not_take_a_generated_anchor(tmp_path):
    page = FIXTURE.replace("## 注意事项", "## Basis")
    write(tmp_path, "docs/procedures/liucheng.md", page)
    result = CliRunner().invoke(main, ["check", "--root", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "docs/procedures/liucheng.md:68: heading 'Basis' takes the anchor '#basis' of a generated section; "
        "end the heading with another anchor, e.g. {#basis-notes}",
    ]


def test_checklist_page_zh(fixture_page):
    page = render_checklist(fixture_page, "zh")
    assert page.src_uri == "procedures/checklists/liucheng.md"
    assert_golden("checklist.zh.md", as_shown(page.markdown))


def test_checklist_page_en(fixture_page):
    assert_golden("checklist.en.md", as_shown(render_checklist(fixture_page, "en").markdown))


def test_checklist_items_keep_their_ids(fixture_page):
    markdown = as_shown(render_checklist(fixture_page, "zh").markdown)
    ids = [c.id for s in fixture_page.steps for c in s.checks]
    assert ids[1] == "qicao.fujian"
    assert [f'data-item="{i}"' in markdown for i in ids] == [True] * len(ids)


def test_checklist_index(fixture_content):
    assert_golden("checklists-index.zh.md", render_index(fixture_content, "zh").markdown)


def test_every_procedure_with_checks_gets_a_checklist_page(tmp_path):
    no_checks = "\n".join(line for line in FIXTURE.splitlines()
                          if "checks" not in line and ("    - " not in line or "{step:" in line)
                          and "{id: fujian" not in line).replace("id: liucheng", "id: bare")
    content, problems = load(tmp_path, {"docs/procedures/liucheng.md": FIXTURE, "docs/procedures/bare.md": no_checks})
    assert problems == []
    made = generate(content, "zh", datetime.date(2026, 11, 29))
    pages = [item.src_uri for item in made if isinstance(item, GeneratedPage) and item.src_uri.startswith("procedures/")]
    assert pages == ["procedures/checklists/index.md", "procedures/checklists/liucheng.md"]
    bare = content.page("procedures/bare.md")
    assert "checklists/" not in as_shown(render_sections(bare, "zh"))


@pytest.mark.parametrize(("page_basis", "step_basis", "expected"), [
    (["《条例》（中办发〔2012〕14号）第二十四条"], ["《条例》第二十四条"], ["《条例》（中办发〔2012〕14号）第二十四条 <- a"]),
    (["《保密法》（2024年修订）"], ["《保密法》"], ["《保密法》（2024年修订） <- a"]),
    (["《条例》第三十条、第三十二条、第七章"], ["《条例》第三十二条"], ["《条例》第三十条、第三十二条、第七章 <- a"]),
    (["国家档案局令第8号第六条、第十一条"], ["国家档案局令第8号第十一条"], ["国家档案局令第8号第六条、第十一条 <- a"]),
    (["Rules on Thrift (《条例》), revised 2025"], ["Rules on Thrift"], ["Rules on Thrift (《条例》), revised 2025 <- a"]),
    (["《条例》第二十四条"], ["《条例》"], ["《条例》第二十四条", "《条例》 <- a"]),  # the law in general is not one article
    (["《条例》第三条"], ["《条例》第三十条"], ["《条例》第三条", "《条例》第三十条 <- a"]),
    ([], ["甲", "甲"], ["甲 <- a"]),
])
def test_citations_of_one_basis_count_once(page_basis, step_basis, expected):
    flow = flow_steps((Step("a", "甲", "文书", "做。", basis=tuple(step_basis)),))
    shown = [c.text + "".join(f" <- {item.step.id}" for item in c.steps) for c in citations(tuple(page_basis), flow)]
    assert shown == expected


def test_procedures_in_subfolders_get_their_checklist(tmp_path):
    """A procedure filed in a subfolder links to a checklist page, so that page must be made."""
    from shuniu.check import check_root
    from shuniu.features import generate
    from shuniu.generated import GeneratedPage
    from tests.conftest import write
    fixture = (Path(__file__).parent / "golden/procedures/fixture.md").read_text(encoding="utf-8")
    write(tmp_path, "docs/procedures/huiyi/liucheng.md", fixture)
    content, problems = check_root(tmp_path)
    assert not problems.items
    made = [i.src_uri for i in generate(content, "zh", datetime.date(2026, 11, 29)) if isinstance(i, GeneratedPage)]
    assert "procedures/checklists/liucheng.md" in made
