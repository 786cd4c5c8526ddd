"""A small bank with every question type and every character the formats must escape,
in a content root with one policy page: shared by the export and import tests."""

from __future__ import annotations

from pathlib import Path

from shuniu.check import check_root
from shuniu.model import Content
from tests.conftest import VALID_POLICY, write

SAMPLE_BANK = r"""id: demo
title: 演示题库
description: 导出测试用的题库
tags: [演示, 测试]
pass_mark: 70
questions:
  - id: demo-single
    type: single
    stem: "特殊字符 ~ = # { } : \\ 都要转义\n第二行"
    options:
      A: "对 {a}"
      B: 错
      C: "也错: 是"
    answer: A
    explanation: "解析 #1: 见印章保管"
    source: policies/yinzhang.md#印章保管
    difficulty: 1
    tags: [特殊字符]

  - id: demo-multi2
    type: multiple
    stem: 哪两项对？<b>不是粗体</b>
    options:
      A: 甲
      B: 乙
      C: 丙
      D: 丁
    answer: [A, C]
    explanation: 甲和丙。

  - id: demo-multi3
    type: multiple
    stem: 哪三项对？
    options:
      A: 一
      B: 二
      C: 三
      D: 四
      E: 五
    answer: [B, C, E]
    explanation: 二、三、五。
    difficulty: 3

  - id: demo-true
    type: truefalse
    stem: 印章由专人保管。
    answer: true
    explanation: 专人专柜保管。
    source: policies/yinzhang.md#印章保管

  - id: demo-false
    type: truefalse
    stem: 印章可以随意外借。
    answer: false
    explanation: 外借要审批。

  - id: demo-fill1
    type: fill
    stem: 条例自 ____ 起施行。
    answer: [2012年7月1日, 2012.7.1]
    explanation: 2012 年 7 月 1 日施行。
    tags: [条例, 日期]

  - id: demo-fill2
    type: fill
    stem: 条例共 ____ 章 ____ 条。
    answer: [[8, 八], [42]]
    explanation: 8 章 42 条。

  - id: demo-short
    type: short
    stem: 简述印章保管要求。
    answer: 专人专柜保管，用印登记。
    explanation: 见印章管理办法。
"""

SAMPLE_IDS = ["demo-single", "demo-multi2", "demo-multi3", "demo-true", "demo-false", "demo-fill1", "demo-fill2",
              "demo-short"]


def sample_root(root: Path, bank: str = SAMPLE_BANK) -> Path:
    """``root`` with the policy page and the sample bank written into it."""
    write(root, "docs/policies/yinzhang.md", VALID_POLICY.format(id="yinzhang"))
    write(root, "quizzes/demo.yml", bank)
    return root


def sample_content(root: Path, bank: str = SAMPLE_BANK) -> Content:
    """The checked content of :func:`sample_root` (fails on any problem)."""
    content, problems = check_root(sample_root(root, bank))
    assert not problems, problems.sorted()
    return content
