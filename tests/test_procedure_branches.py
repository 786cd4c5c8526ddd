"""Labelled branches, one numbering for every view, and translations that keep check ids."""

from click.testing import CliRunner

from shuniu.check import check_root
from shuniu.cli import main
from shuniu.model import Step
from shuniu.procedures.checklist import render_checklist
from shuniu.procedures.flow import flow_steps
from shuniu.procedures.render import render_sections
from tests.conftest import write
from tests.rendered import as_shown
from tests.test_steps import FOOT, HEAD, check

BRANCHING = """steps:
  - {id: shenqing, title: 申请, role: 申请人, action: 申请。, checks: [填写完整]}
  - id: shenpi
    title: 审批
    role: 审批人
    action: 审批。
    checks: [签署意见]
    next:
      - {step: dengji, when: 同意}
      - {step: bupi, when: 不同意}
  - {id: bupi, title: 不予用印, role: 审批人, action: 退回。, checks: [注明理由], next: []}
  - {id: dengji, title: 登记, role: 保管人, action: 登记。, checks: [登记完整, 核对份数]}
  - {id: yongyin, title: 用印, role: 保管人, action: 用印。, checks: [入柜加锁]}
"""


def test_labelled_branches_are_valid(tmp_path):
    assert check(tmp_path, BRANCHING) == (0, ["checked 1 pages (0 translations): no problems"])


def test_bad_branch_entries_are_each_reported_at_their_line(tmp_path):
    code, lines = check(tmp_path, """steps:
  - id: a
    title: 甲
    role: 文书
    action: 做。
    next:
      - {step: b, when: 同意, if: 多余}
      - {step: c, when: ""}
      - {when: 不同意}
      - [b]
  - {id: b, title: 乙, role: 文书, action: 做。, next: [{step: c, when: 同意}]}
  - id: c
    title: 丙
    role: 文书
    action: 做。
    next: [{step: b, when: 一个过长的条件说明文字超过了十个字}, d, d]
  - {id: d, title: 丁, role: 文书, action: 做。}
""")
    assert code == 1
    assert lines == [
        "docs/procedures/liucheng.md:15: step 'a': label every branch with 'when' or none (1 of 2 are labelled)",
        "docs/procedures/liucheng.md:16: step 'a': unknown field 'if' in a next entry (allowed: step, when)",
        "docs/procedures/liucheng.md:17: step 'a': 'when' of the branch to 'c' must be a short text like 同意, got ''",
        "docs/procedures/liucheng.md:18: step 'a': a next entry needs 'step', the id of a step, got nothing",
        "docs/procedures/liucheng.md:19: step 'a': a next entry must be a step id or a mapping with 'step' and 'when', "
        "got a list",
        "docs/procedures/liucheng.md:20: step 'b': 'when' labels a choice, but this step has only one next step: "
        "leave it out",
        "docs/procedures/liucheng.md:25: step 'c': 'when' of the branch to 'b' is too long to label an arrow: "
        "keep it to 10 Chinese or about 16 Latin characters",
        "docs/procedures/liucheng.md:25: step 'c': label every branch with 'when' or none (1 of 3 are labelled)",
        "docs/procedures/liucheng.md:25: step 'c': next names step 'd' twice",
    ]


def test_a_flow_with_no_way_to_an_end_is_reported(tmp_path):
    code, lines = check(tmp_path, """steps:
  - {id: a, title: 甲, role: 文书, action: 做。}
  - {id: b, title: 乙, role: 文书, action: 做。, next: [a]}
""")
    assert (code, lines) == (1, [
        "docs/procedures/liucheng.md:11: no path from the first step reaches an end: some step must end the "
        "procedure (the last step without 'next', or 'next: []')",
    ])


def branching_page(tmp_path):
    write(tmp_path, "docs/procedures/liucheng.md", HEAD + BRANCHING + FOOT)
    content, problems = check_root(tmp_path)
    assert not problems.items
    return content.page("procedures/liucheng.md")


def test_alternatives_get_letters_and_every_view_uses_them(tmp_path):
    page = branching_page(tmp_path)
    assert [(f.display, f.step.id) for f in flow_steps(page.steps)] == [
        ("1", "shenqing"), ("2", "shenpi"), ("3a", "bupi"), ("3b", "dengji"), ("4", "yongyin"),
    ]
    sections = as_shown(render_sections(page, "zh"))
    checklist = as_shown(render_checklist(page, "zh").markdown)
    for shown in ("3a 不予用印", "3b 登记"):
        assert f"<title>{shown} · " in sections  # the diagram's box
        assert f"[{shown}](#step-" in sections  # the role table
        assert f'data-step-title="{shown}"' in checklist  # the checklist page and its CSV
    assert '<span class="shuniu-step__num">3a</span>' in sections
    assert ("下一步（择一）：同意 → <a href=\"#step-dengji\">3b 登记</a>；"
            "不同意 → <a href=\"#step-bupi\">3a 不予用印</a>") in sections
    assert "<dt>适用情形</dt><dd>2 审批：不同意</dd>" in sections
    assert ">同意</text>" in sections and ">不同意</text>" in sections  # conditions on the arrows
    assert " 或 " not in sections and ">或<" not in checklist


def test_the_checklist_offers_the_branches_at_the_decision(tmp_path):
    checklist = as_shown(render_checklist(branching_page(tmp_path), "zh").markdown)
    decision = checklist.split('data-step="shenpi"', 1)[1].split("</section>", 1)[0]
    assert 'name="shuniu-branch-shenpi" value="dengji"' in decision and "同意 → 3b 登记" in decision
    assert 'value="bupi"' in decision and "不同意 → 3a 不予用印" in decision


TRANSLATED = HEAD + """steps:
  - id: a
    title: 甲
    role: 文书
    action: 做。
    checks:
      - {id: one, text: 第一项}
      - {id: two, text: 第二项}
  - {id: b, title: 乙, role: 文书, action: 做。, checks: [无编号的项]}
basis: [《党政机关公文处理工作条例》]
---

## 适用范围 {#适用范围}
"""


def test_translations_keep_the_originals_step_and_check_ids(tmp_path):
    write(tmp_path, "docs/procedures/liucheng.md", TRANSLATED)
    english = (TRANSLATED.replace("第一项", "First").replace("{id: two, text: 第二项}", "{id: three, text: Third}")
               .replace("  - {id: b, title: 乙, role: 文书, action: 做。, checks: [无编号的项]}\n",
                        "  - {id: c, title: C, role: Clerk, action: Do.}\n"))
    write(tmp_path, "docs/procedures/liucheng.en.md", english)
    result = CliRunner().invoke(main, ["check", "--root", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "docs/procedures/liucheng.en.md:11: step 'a': translation lacks check 'two' of docs/procedures/liucheng.md:17",
        "docs/procedures/liucheng.en.md:11: translation lacks step 'b' of docs/procedures/liucheng.md:18",
        "docs/procedures/liucheng.en.md:17: step 'a': check 'three' is not in the original docs/procedures/liucheng.md",
        "docs/procedures/liucheng.en.md:18: step 'c' is not in the original docs/procedures/liucheng.md",
    ]


def test_checks_of_a_translated_procedure_need_ids(tmp_path):
    write(tmp_path, "docs/procedures/liucheng.md", TRANSLATED)
    write(tmp_path, "docs/procedures/liucheng.en.md", TRANSLATED.replace("[无编号的项]", "[Unnamed item]"))
    result = CliRunner().invoke(main, ["check", "--root", str(tmp_path)])
    assert result.stdout.splitlines() == [
        "docs/procedures/liucheng.en.md:18: step 'b': check 'Unnamed item' needs an id ('- id: ...' then "
        "'text: ...'): the checks of a translated procedure carry ids so ticks follow them across languages",
        "docs/procedures/liucheng.md:18: step 'b': check '无编号的项' needs an id ('- id: ...' then 'text: ...'): "
        "the checks of a translated procedure carry ids so ticks follow them across languages",
    ]


def test_items_given_an_id_publish_their_old_text_ids_in_both_languages(tmp_path):
    write(tmp_path, "docs/procedures/liucheng.md", TRANSLATED.replace("[无编号的项]", "[{id: x, text: 项}]"))
    write(tmp_path, "docs/procedures/liucheng.en.md", TRANSLATED.replace("第一项", "First").replace(
        "[无编号的项]", "[{id: x, text: Item}]"))
    content, problems = check_root(tmp_path)
    assert not problems.items
    from shuniu.features import generate
    from shuniu.steps import check_item_id
    made = {g.src_uri: g for g in generate(content, "en", __import__("datetime").date(2026, 12, 1))
            if getattr(g, "src_uri", "") == "procedures/checklists/liucheng.md"}
    markdown = as_shown(made["procedures/checklists/liucheng.md"].markdown)
    legacy = f'data-item="a.one" data-legacy="{check_item_id("a", "First")} {check_item_id("a", "第一项")}"'
    assert legacy in markdown


def test_bad_check_entries(tmp_path):
    code, lines = check(tmp_path, """steps:
  - id: a
    title: 甲
    role: 文书
    action: 做。
    checks:
      - {id: Bad Id, text: 第一项}
      - {id: two, text: 第二项, note: 多余}
      - {id: three}
      - {id: two, text: 重复}
""")
    assert code == 1
    assert lines == [
        "docs/procedures/liucheng.md:15: step 'a': duplicate check 'two'",
        "docs/procedures/liucheng.md:16: step 'a': check id 'Bad Id' must be lower-case letters, digits, '-' or '_'",
        "docs/procedures/liucheng.md:17: step 'a': unknown field 'note' in a check (allowed: id, text)",
        "docs/procedures/liucheng.md:18: step 'a': a check must be text or a mapping with 'id' and 'text'",
    ]


def test_a_step_where_a_detour_rejoins_takes_the_next_plain_number():
    """Four ways out of a decision, one of them (报批) a detour into another (组织采购): the three
    real choices share a number, and the step the detour rejoins comes after them, unlettered."""
    def step(id_, *next_):
        return Step(id=id_, title=id_, role="经办人", action="做。", next=next_,
                    conditions=tuple(f"情形{i}" for i, _ in enumerate(next_)) if len(next_) > 1 else ())

    steps = (step("pan", "wt", "bp", "nb", "zz"), step("wt", "ht"), step("bp", "zz"), step("nb", "ys"),
             step("zz", "ht"), step("ht", "ys"), step("ys"))
    assert [(f.display, f.step.id) for f in flow_steps(steps)] == [
        ("1", "pan"), ("2a", "wt"), ("2b", "bp"), ("2c", "nb"), ("3", "zz"), ("4", "ht"), ("5", "ys"),
    ]
