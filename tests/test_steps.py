"""Procedure steps are checked as a flow, with exact messages pointing at the step's line."""

from click.testing import CliRunner

from shuniu.cli import main
from tests.conftest import write

HEAD = """---
id: liucheng
title: 流程
owner: 办公室
status: effective
effective: 2025-03-01
reviewed: 2026-03-01
review_every: 12 months
classification: public
"""
# After the steps, so the line numbers the tests expect stay put; a procedure must name its basis.
FOOT = "basis: [《党政机关公文处理工作条例》]\n---\n\n## 适用范围\n"


def check(tmp_path, steps_yaml):
    write(tmp_path, "docs/procedures/liucheng.md", HEAD + steps_yaml + FOOT)
    result = CliRunner().invoke(main, ["check", "--root", str(tmp_path)])
    return result.exit_code, result.stdout.splitlines()


def test_valid_flow_with_a_branch_and_an_end(tmp_path):
    code, lines = check(tmp_path, """steps:
  - {id: chushen, title: 初审, role: 文书, action: 审核来文。, next: [chengban, tuihui]}
  - {id: tuihui, title: 退回, role: 文书, action: 退回并说明理由。, next: []}
  - {id: chengban, title: 承办, role: 承办部门, action: 办理。}
""")
    assert (code, lines) == (0, ["checked 1 pages (0 translations): no problems"])


def test_empty_procedure(tmp_path):
    assert check(tmp_path, "steps: []\n") == (1, ["docs/procedures/liucheng.md:10: a procedure needs at least one step"])


def test_missing_steps_field(tmp_path):
    assert check(tmp_path, "") == (1, ["docs/procedures/liucheng.md:2: missing required field 'steps'"])


def test_step_without_action(tmp_path):
    code, lines = check(tmp_path, """steps:
  - id: a
    title: 甲
    role: 文书
""")
    assert lines == ["docs/procedures/liucheng.md:11: step 'a': missing required field 'action'"]


def test_duplicate_unknown_next_and_unreachable(tmp_path):
    code, lines = check(tmp_path, """steps:
  - {id: a, title: 甲, role: 文书, action: 做。, next: [c]}
  - {id: b, title: 乙, role: 文书, action: 做。}
  - {id: c, title: 丙, role: 文书, action: 做。, next: [zz]}
  - {id: a, title: 丁, role: 文书, action: 做。, next: []}
""")
    assert code == 1
    assert lines == [
        "docs/procedures/liucheng.md:12: step 'b' is not reached from the first step",
        "docs/procedures/liucheng.md:13: step 'c': next names unknown step 'zz'",
        "docs/procedures/liucheng.md:14: duplicate step id 'a' (first at line 11)",
    ]


def test_bad_step_fields(tmp_path):
    code, lines = check(tmp_path, """steps:
  - id: Bad Id
    title: 甲
    role: 文书
    action: 做。
    checks: 不是列表
    who: 多余
""")
    assert lines == [
        "docs/procedures/liucheng.md:11: step 'Bad Id': step id 'Bad Id' must be lower-case letters, digits, '-' or '_'",
        "docs/procedures/liucheng.md:15: step 'Bad Id': field 'checks' must be a list, got '不是列表'",
        "docs/procedures/liucheng.md:16: step 'Bad Id': unknown field 'who'",
    ]


def test_check_items_keep_ids_when_reordered(tmp_path):
    from shuniu.steps import check_item_id

    assert check_item_id("qianshou", "核对份数") == check_item_id("qianshou", " 核对份数 ")
    assert check_item_id("qianshou", "核对份数") != check_item_id("qianshou", "核对密级")
