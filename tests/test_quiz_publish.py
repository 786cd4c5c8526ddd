"""The quiz data files and pages made at build time, from a small fixture root."""

import datetime
import hashlib
import json
import re

import pytest

from shuniu.check import check_root
from shuniu.features import generate
from shuniu.generated import GeneratedFile, GeneratedPage
from shuniu.quiz.publish import canonical_json, published, source_data
from shuniu.render.compose import compose_markdown
from tests.conftest import VALID_POLICY, write

TODAY = datetime.date(2026, 11, 29)

BANK = """\
id: gw
title: 公文基础
description: 公文处理入门。
tags: [公文, 入门]
pass_mark: 70
points: {multiple: 3, short: 10}
questions:
  - id: gw-001
    type: single
    stem: 印章由谁保管？
    options: {A: 专人, B: 任何人}
    answer: A
    explanation: 专人专柜保管。
    source: policies/yinzhang.md#印章保管
    difficulty: 1
    tags: [印章]
  - id: gw-002
    type: multiple
    stem: 哪些是法定文种？
    options: {A: 通知, B: 便条, C: 请示}
    answer: [A, C]
    explanation: 便条不是。
    source: policies/yinzhang.md#用印登记
    tags: [印章, 文种]
  - id: gw-003
    type: fill
    stem: 公文由____和____组成。
    answer: [[版头, 眉首], [主体]]
    explanation: 见条例。
    difficulty: 3
    points: 1.5
  - id: gw-004
    type: short
    stem: 简述用印流程。
    answer: 申请、审核、登记。
    explanation: 三步。
"""

EN_POLICY = """---
id: yinzhang
title: Seal Management
owner: General Office
status: effective
effective: 2025-03-01
reviewed: 2026-03-01
review_every: 12 months
classification: public
doc_no: BGS-ZD-003
approver: Director
---

## Seal custody {#印章保管}

Kept by a named person.

## Register {#用印登记}

Every use is registered.
"""


@pytest.fixture
def quiz_root(content_root):
    policy = VALID_POLICY.format(id="yinzhang") + "\n## 用印登记\n\n逐次登记。\n"
    write(content_root, "docs/policies/yinzhang.md", policy)
    write(content_root, "docs/policies/yinzhang.en.md", EN_POLICY)
    write(content_root, "quizzes/gw.yml", BANK)
    write(content_root, "quizzes/zz.yml", "id: zz\ntitle: 最后\nquestions:\n"
          "  - {id: zz-1, type: truefalse, stem: 对吗？, answer: true, explanation: 对。}\n")
    return content_root


def made(root, lang="zh"):
    content, problems = check_root(root)
    assert [str(p) for p in problems.sorted()] == []
    return content, {item.src_uri: item for item in generate(content, lang, TODAY)}


def test_generated_files_and_pages(quiz_root):
    _, items = made(quiz_root)
    # Only what this module makes: other features add downloads next to these.
    ours = {uri: item for uri, item in items.items() if re.fullmatch(r"quizzes/[^/]+\.md|assets/shuniu/quiz/[^/]+\.json", uri)}
    files = sorted(uri for uri, item in ours.items() if isinstance(item, GeneratedFile))
    pages = sorted(uri for uri, item in ours.items() if isinstance(item, GeneratedPage))
    assert files == ["assets/shuniu/quiz/gw.json", "assets/shuniu/quiz/index.en.json", "assets/shuniu/quiz/index.json",
                     "assets/shuniu/quiz/zz.json"]  # index.en.json: the English pages' index (no English bank here)
    assert pages == ["quizzes/compose.md", "quizzes/exam.md", "quizzes/group-report.md", "quizzes/gw.md", "quizzes/practice.md",
                     "quizzes/progress.md", "quizzes/wrongbook.md", "quizzes/zz.md"]


def test_bank_json_has_the_contract_shape(quiz_root):
    _, items = made(quiz_root)
    data = json.loads(items["assets/shuniu/quiz/gw.json"].data)
    questions = [
        {"id": "gw-001", "type": "single", "stem": "印章由谁保管？", "options": [["A", "专人"], ["B", "任何人"]],
         "answer": "A", "explanation": "专人专柜保管。", "source": "policies/yinzhang.html#印章保管",
         "source_en": "en/policies/yinzhang.html#印章保管", "source_title": "印章管理办法", "difficulty": 1, "tags": ["印章"],
         "points": 1},
        {"id": "gw-002", "type": "multiple", "stem": "哪些是法定文种？", "options": [["A", "通知"], ["B", "便条"], ["C", "请示"]],
         "answer": ["A", "C"], "explanation": "便条不是。", "source": "policies/yinzhang.html#用印登记",
         "source_en": "en/policies/yinzhang.html#用印登记", "source_title": "印章管理办法", "difficulty": 2,
         "tags": ["印章", "文种"], "points": 3},
        {"id": "gw-003", "type": "fill", "stem": "公文由____和____组成。", "answer": [["版头", "眉首"], ["主体"]], "blanks": 2,
         "explanation": "见条例。", "source": None, "source_en": None, "source_title": None, "difficulty": 3, "tags": [],
         "points": 1.5},
        {"id": "gw-004", "type": "short", "stem": "简述用印流程。", "answer": "申请、审核、登记。", "explanation": "三步。",
         "source": None, "source_en": None, "source_title": None, "difficulty": 2, "tags": [], "points": 10},
    ]
    # Per type: the bank's where it sets them, the defaults (shuniu.quiz.points) elsewhere.
    points = {"single": 1, "multiple": 3, "truefalse": 1, "fill": 1, "short": 10}
    body = {"version": 1, "id": "gw", "title": "公文基础", "pass_mark": 70, "points": points, "questions": questions}
    digest = hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()[:16]
    assert data == {**body, "hash": digest}
    assert list(data) == ["version", "id", "title", "pass_mark", "points", "hash", "questions"]


def test_source_addresses(quiz_root):
    write(quiz_root, "docs/policies/yinzhang.en.md", EN_POLICY.replace(" {#用印登记}", ""))
    content, _ = check_root(quiz_root)  # the translation now lacks an anchor: a problem, but the data still forms
    assert source_data(content, "policies/yinzhang.md#用印登记") == {
        "source": "policies/yinzhang.html#用印登记", "source_en": "en/policies/yinzhang.html", "source_title": "印章管理办法"}
    write(quiz_root, "docs/policies/only-zh.md", VALID_POLICY.format(id="only-zh"))
    content, _ = check_root(quiz_root)
    assert source_data(content, "policies/only-zh.md#印章保管") == {
        "source": "policies/only-zh.html#印章保管", "source_en": None, "source_title": "印章管理办法"}


def test_index_json_lists_every_bank(quiz_root):
    _, items = made(quiz_root)
    index = json.loads(items["assets/shuniu/quiz/index.json"].data)
    gw_hash = json.loads(items["assets/shuniu/quiz/gw.json"].data)["hash"]
    zz_hash = json.loads(items["assets/shuniu/quiz/zz.json"].data)["hash"]
    assert index == {"version": 1, "banks": [
        {"id": "gw", "title": "公文基础", "description": "公文处理入门。", "tags": ["公文", "入门"], "pass_mark": 70,
         "count": 4, "hash": gw_hash, "versions": [gw_hash], "url": "assets/shuniu/quiz/gw.json",
         "page": "quizzes/gw.html"},
        {"id": "zz", "title": "最后", "description": "", "tags": [], "pass_mark": 60,
         "count": 1, "hash": zz_hash, "versions": [zz_hash], "url": "assets/shuniu/quiz/zz.json",
         "page": "quizzes/zz.html"},
    ]}


def test_data_is_computed_once_per_content_and_is_the_same_in_every_language(quiz_root):
    content, zh = made(quiz_root)
    en = {item.src_uri: item for item in generate(content, "en", TODAY)}
    assert published(content) is published(content)
    assert en["assets/shuniu/quiz/gw.json"].data == zh["assets/shuniu/quiz/gw.json"].data
    assert zh["assets/shuniu/quiz/gw.json"].data.decode("utf-8").endswith("}\n")


def test_bank_page_counts_by_type_difficulty_and_tag(quiz_root, monkeypatch):
    from shuniu.quiz import pages

    monkeypatch.setattr(pages, "DOWNLOAD_LINKS", [])  # the export feature's links are its own test's business
    _, items = made(quiz_root)
    assert items["quizzes/gw.md"].markdown == """\
---
title: "公文基础"
hide: [toc]
---

公文处理入门。

[开始练习](practice.md?bank=gw){ .md-button .md-button--primary } [模拟考试](exam.md?bank=gw){ .md-button }

共 **4** 题，及格线 **70** 分（百分制）。

简答题只用于练习（对照参考答案自评），模拟考试不抽取。

## 题型

| 题型 | 题数 |
|---|---:|
| 单选题 | 1 |
| 多选题 | 1 |
| 填空题 | 1 |
| 简答题 | 1 |

## 难度

| 难度 | 题数 |
|---|---:|
| 易 | 1 |
| 中 | 2 |
| 难 | 1 |

## 标签

| 标签 | 题数 |
|---|---:|
| [印章](practice.md?bank=gw&tag=%E5%8D%B0%E7%AB%A0) | 2 |
| [文种](practice.md?bank=gw&tag=%E6%96%87%E7%A7%8D) | 1 |

"""


ZZ_ENGLISH = ("id: zz\ntitle: Last\nquestions:\n"
              "  - {id: zz-1, type: truefalse, stem: Right?, answer: true, explanation: Right.}\n")


def test_english_bank_page(quiz_root, monkeypatch):
    from shuniu.quiz import pages

    monkeypatch.setattr(pages, "DOWNLOAD_LINKS", [])
    write(quiz_root, "quizzes/zz.en.yml", ZZ_ENGLISH)
    _, items = made(quiz_root, "en")
    page = items["quizzes/zz.md"].markdown
    assert "[Start practice](practice.md?bank=zz){ .md-button .md-button--primary } [Mock exam](exam.md?bank=zz)" in page
    assert "**1** questions; pass mark **60** out of 100." in page
    assert "| True/false | 1 |" in page and "| Medium | 1 |" in page
    assert "The questions of this bank have no tags." in page
    assert "## Downloads" not in page  # no feature offers files in this test (see the next tests)


def test_a_bank_with_no_english_version_has_no_english_page(quiz_root):
    _, english = made(quiz_root, "en")
    _, chinese = made(quiz_root)
    assert "quizzes/zz.md" not in english and "quizzes/gw.md" not in english
    assert dict(chinese["quizzes/zz.md"].elsewhere) == {"en": "quizzes/index.md"}  # the language switcher's target
    write(quiz_root, "quizzes/zz.en.yml", ZZ_ENGLISH)
    _, english = made(quiz_root, "en")
    _, chinese = made(quiz_root)
    assert "quizzes/zz.md" in english and chinese["quizzes/zz.md"].elsewhere == ()


FALLBACK = {"zh": "正在加载题库……如果一直没有显示，请确认浏览器已启用 JavaScript。",
            "en": "Loading the question banks… If nothing appears, check that JavaScript is enabled in your browser."}


@pytest.mark.parametrize(("lang", "name", "title", "container"), [
    ("zh", "practice", "练习", "shuniu-practice"),
    ("zh", "exam", "模拟考试", "shuniu-exam"),
    ("zh", "wrongbook", "错题本", "shuniu-wrongbook"),
    ("zh", "progress", "学习进度", "shuniu-progress"),
    ("en", "wrongbook", "Wrong-answer book", "shuniu-wrongbook"),
])
def test_player_pages_hold_their_container(quiz_root, lang, name, title, container):
    _, items = made(quiz_root, lang)
    page = items[f"quizzes/{name}.md"].markdown
    assert page.startswith(f'---\ntitle: "{title}"\nhide: [toc]\n---\n\n')
    fallback = FALLBACK[lang]  # shown until the player replaces it, and kept when scripts are off
    index = "assets/shuniu/quiz/index.json" if lang == "zh" else "assets/shuniu/quiz/index.en.json"
    assert f'<div id="{container}" data-index="{index}"><p class="shuniu-note">{fallback}</p></div>' in page


def test_every_data_file_has_a_script_twin_for_pages_opened_from_disk(quiz_root):
    _, items = made(quiz_root)
    twins = sorted(uri for uri in items if re.fullmatch(r"assets/shuniu/quiz/[^/]+\.js", uri))
    assert twins == ["assets/shuniu/quiz/gw.js", "assets/shuniu/quiz/index.en.js", "assets/shuniu/quiz/index.js",
                     "assets/shuniu/quiz/zz.js"]
    for twin in twins:
        url = twin.removesuffix(".js") + ".json"
        data = items[url].data.decode("utf-8").removesuffix("\n")
        assert items[twin].data.decode("utf-8") == f'(globalThis.__shuniuQuiz ||= {{}})["{url}"] = {data};\n'


def test_the_quizzes_index_gets_a_table_of_banks(quiz_root):
    write(quiz_root, "docs/quizzes/index.md", "---\ntitle: 题库\n---\n\n导语。\n\n<!-- shuniu:bank-index -->\n")
    content, _ = made(quiz_root)
    index = content.page("quizzes/index.md")
    shown = compose_markdown(content, index, index.body, "zh", TODAY)
    assert "| 题库 | 题数 | 及格线 | 标签 |\n|---|---:|---:|---|\n" \
           "| [公文基础](gw.md) | 4 | 70 | 公文、入门 |\n| [最后](zz.md) | 1 | 60 |  |\n" in shown
    assert "[练习](practice.md) · [模拟考试](exam.md) · [错题本](wrongbook.md) · [学习进度](progress.md)" in shown
    assert "<!-- shuniu:bank-index -->" not in shown


def test_features_can_add_download_links_to_bank_pages(quiz_root, monkeypatch):
    from shuniu.quiz import pages

    monkeypatch.setattr(pages, "DOWNLOAD_LINKS", [lambda bank, lang: f"- [{bank.id}.{lang}.txt](downloads/{bank.id}.txt)\n"])
    write(quiz_root, "quizzes/zz.en.yml", ZZ_ENGLISH)
    _, items = made(quiz_root, "en")
    assert items["quizzes/zz.md"].markdown.endswith(
        "## Downloads\n\n- [zz.en.txt](downloads/zz.txt)\n")
