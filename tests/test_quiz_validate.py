"""Question banks: every problem in quizzes/*.yml reported as path:line: message, exactly."""

from pathlib import Path

import pytest

from shuniu.check import check_root
from shuniu.quiz.model import QuestionType
from tests.conftest import write

HEAD = "id: gw\ntitle: 公文基础\nquestions:\n"  # the first question starts on line 4

SINGLE = """\
  - id: gw-001
    type: single
    stem: 印章由谁保管？
    options:
      A: 专人
      B: 任何人
    answer: A
    explanation: 专人专柜保管。
"""


def problems_of(root: Path) -> list[str]:
    _, problems = check_root(root)
    return [str(problem) for problem in problems.sorted()]


def bank_problems(root: Path, questions: str, head: str = HEAD, name: str = "gw") -> list[str]:
    write(root, f"quizzes/{name}.yml", head + questions)
    return problems_of(root)


def test_a_bank_of_every_type_loads_into_typed_questions(content_root):
    text = SINGLE + """\
  - id: gw-002
    type: multiple
    stem: 哪些属于公文？
    options: {A: 通知, B: 便条, C: 请示}
    answer: [C, A]
    explanation: 通知和请示是法定文种。
    source: policies/yinzhang.md#印章保管
    difficulty: 3
    tags: [文种]
  - id: gw-003
    type: truefalse
    stem: 印章可以随意借出。
    answer: false
    explanation: 不可以。
  - id: gw-004
    type: fill
    stem: 公文由____和（ ）组成。
    answer: [[版头, 眉首], [主体]]
    explanation: 见条例。
  - id: gw-005
    type: fill
    stem: 施行年份是____年。
    answer: [2012]
    explanation: 2012 年。
  - id: gw-006
    type: short
    stem: 简述用印审批流程。
    answer: 申请、审核、登记、用印。
    explanation: 要点四步。
"""
    write(content_root, "quizzes/gw.yml", HEAD.replace("questions:", "pass_mark: 70\ntags: [公文]\nquestions:") + text)
    content, problems = check_root(content_root)
    assert [str(p) for p in problems.sorted()] == []
    (bank,) = content.banks
    assert (bank.id, bank.title, bank.path, bank.pass_mark, bank.tags) == ("gw", "公文基础", "quizzes/gw.yml", 70, ("公文",))
    answers = {q.id: (q.type, q.answer) for q in bank.questions}
    assert answers == {
        "gw-001": (QuestionType.SINGLE, "A"),
        "gw-002": (QuestionType.MULTIPLE, ("A", "C")),
        "gw-003": (QuestionType.TRUEFALSE, False),
        "gw-004": (QuestionType.FILL, (("版头", "眉首"), ("主体",))),
        "gw-005": (QuestionType.FILL, (("2012",),)),
        "gw-006": (QuestionType.SHORT, "申请、审核、登记、用印。"),
    }
    second = bank.questions[1]
    assert second.options == (("A", "通知"), ("B", "便条"), ("C", "请示"))
    assert (second.source, second.difficulty, second.tags, second.line) == ("policies/yinzhang.md#印章保管", 3, ("文种",), 14)
    assert bank.questions[3].blanks == 2 and bank.questions[0].difficulty == 2


def test_missing_or_empty_quizzes_folder_is_fine(content_root):
    assert problems_of(content_root) == []
    (content_root / "quizzes").mkdir()
    assert problems_of(content_root) == []


def test_the_example_from_the_style_guide(content_root):
    text = "\n" * 38 + "  - id: gw-017\n    type: single\n    stem: 题干\n    answer: E\n" \
           "    options: {A: 一, B: 二, C: 三, D: 四}\n    explanation: 解析\n"
    write(content_root, "quizzes/gongwen.yml", "id: gongwen\ntitle: 公文\nquestions:\n" + text)
    assert problems_of(content_root) == ["quizzes/gongwen.yml:45: question 'gw-017': answer 'E' is not one of the options A-D"]


def test_yaml_syntax_error(content_root):
    assert bank_problems(content_root, "  - id: [x\n    type: single\n") == [
        "quizzes/gw.yml:5: YAML syntax error: expected ',' or ']', but got ':'"
    ]


@pytest.mark.parametrize(("text", "message"), [
    ("- a\n- b\n", "quizzes/gw.yml:1: a bank must be a mapping of fields (id, title, questions, ...), got a list"),
    ("", "quizzes/gw.yml:1: a bank must be a mapping of fields (id, title, questions, ...), got nothing"),
    ("只是一行字\n", "quizzes/gw.yml:1: a bank must be a mapping of fields (id, title, questions, ...), got '只是一行字'"),
])
def test_a_bank_must_be_a_mapping(content_root, text, message):
    write(content_root, "quizzes/gw.yml", text)
    assert problems_of(content_root) == [message]


def test_bank_fields_missing_unknown_and_wrong(content_root):
    head = "id: gw\ntitel: 公文\npass_mark: 120\ntags: {a: 1}\ndescription: [x]\nquestions:\n"
    assert bank_problems(content_root, SINGLE, head) == [
        "quizzes/gw.yml:1: missing required field 'title'",
        "quizzes/gw.yml:2: unknown field 'titel'",
        "quizzes/gw.yml:3: field 'pass_mark' must be a whole number from 0 to 100, got '120'",
        "quizzes/gw.yml:4: field 'tags' must be a list of text, got a mapping",
        "quizzes/gw.yml:5: field 'description' must be text, got a list",
    ]


def test_bank_id_must_equal_the_file_name(content_root):
    assert bank_problems(content_root, SINGLE, HEAD.replace("id: gw", "id: gongwen")) == [
        "quizzes/gw.yml:1: bank id 'gongwen' must equal the file name 'gw'"
    ]


def test_bank_names_that_cannot_be_pages(content_root):
    write(content_root, "quizzes/exam.yml", HEAD.replace("id: gw", "id: exam") + SINGLE)
    write(content_root, "quizzes/Gong_Wen.yml", HEAD.replace("id: gw", "id: Gong_Wen") + SINGLE.replace("gw-", "x-"))
    write(content_root, "quizzes/old.yaml", HEAD)
    assert problems_of(content_root) == [
        "quizzes/Gong_Wen.yml:1: bank id 'Gong_Wen' must be lower-case letters and digits joined by '-', e.g. gongwen-jichu",
        "quizzes/exam.yml:1: bank id 'exam' is reserved for a quiz page; choose another name",
        "quizzes/old.yaml:1: bank files end in .yml: rename it to old.yml",
    ]


@pytest.mark.parametrize(("head", "message"), [
    ("id: gw\ntitle: 公文\n", "quizzes/gw.yml:1: missing required field 'questions'"),
    ("id: gw\ntitle: 公文\nquestions: 没有\n", "quizzes/gw.yml:3: field 'questions' must be a list of questions, got '没有'"),
    ("id: gw\ntitle: 公文\nquestions: []\n", "quizzes/gw.yml:3: a bank needs at least one question"),
    ("id: gw\ntitle: 公文\nquestions:\n  - 一道题\n",
     "quizzes/gw.yml:4: question 1: a question must be a mapping of fields, got '一道题'"),
])
def test_questions_must_be_a_list_of_mappings(content_root, head, message):
    assert bank_problems(content_root, "", head) == [message]


def test_question_fields(content_root):
    text = """\
  - type: essay
    stem: ""
    difficulty: 4
    answr: A
  - id: gw 002
    type: truefalse
    stem: 对吗？
    answer: true
    explanation: 对。
"""
    assert bank_problems(content_root, text) == [
        "quizzes/gw.yml:4: question 1: field 'type' must be one of single, multiple, truefalse, fill, short, got 'essay'",
        "quizzes/gw.yml:4: question 1: missing required field 'explanation'",
        "quizzes/gw.yml:4: question 1: missing required field 'id'",
        "quizzes/gw.yml:5: question 1: field 'stem' must not be empty",
        "quizzes/gw.yml:6: question 1: field 'difficulty' must be a whole number from 1 to 3, got '4'",
        "quizzes/gw.yml:7: question 1: unknown field 'answr'",
        "quizzes/gw.yml:8: question 'gw 002': id must be letters, digits, '-', '_' or '.'",
    ]


@pytest.mark.parametrize(("options", "message"), [
    ("", "quizzes/gw.yml:4: question 'gw-001': missing required field 'options'"),
    ("    options: [专人, 任何人]\n",
     "quizzes/gw.yml:8: question 'gw-001': field 'options' must be a mapping like A: text, got a list"),
    ("    options: {A: 专人, C: 任何人}\n",
     "quizzes/gw.yml:8: question 'gw-001': options must be lettered A, B, C, ... in order (up to H), got A, C"),
    ("    options: {B: 专人, A: 任何人}\n",
     "quizzes/gw.yml:8: question 'gw-001': options must be lettered A, B, C, ... in order (up to H), got B, A"),
    ("    options: {A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, I: 9}\n",
     "quizzes/gw.yml:8: question 'gw-001': options must be lettered A, B, C, ... in order (up to H), "
     "got A, B, C, D, E, F, G, H, I"),
    ("    options: {A: 专人}\n", "quizzes/gw.yml:8: question 'gw-001': a choice question needs at least 2 options, got 1"),
    ("    options:\n      A: 专人\n      B:\n", "quizzes/gw.yml:10: question 'gw-001': option 'B' must be text, got nothing"),
    ("    options:\n      A: 专人\n      B: [x]\n", "quizzes/gw.yml:10: question 'gw-001': option 'B' must be text, got a list"),
])
def test_choice_options(content_root, options, message):
    text = "  - id: gw-001\n    type: single\n    stem: 印章由谁保管？\n    answer: A\n" + options + "    explanation: 专人。\n"
    assert bank_problems(content_root, text) == [message]


def test_options_only_on_choice_questions(content_root):
    text = ("  - id: gw-001\n    type: truefalse\n    stem: 对吗？\n    options: {A: 对, B: 错}\n"
            "    answer: true\n    explanation: 对。\n")
    assert bank_problems(content_root, text) == [
        "quizzes/gw.yml:7: question 'gw-001': field 'options' is only for single and multiple choice questions"
    ]


def question(kind: str, answer: str, stem: str = "题干？") -> str:
    options = "    options: {A: 一, B: 二, C: 三, D: 四}\n" if kind in ("single", "multiple") else ""
    return f"  - id: q1\n    type: {kind}\n    stem: {stem}\n{options}    answer: {answer}\n    explanation: 解析\n"


@pytest.mark.parametrize(("kind", "answer", "stem", "messages"), [
    ("single", "E", "题干？", ["quizzes/gw.yml:8: question 'q1': answer 'E' is not one of the options A-D"]),
    ("single", "[A, B]", "题干？", ["quizzes/gw.yml:8: question 'q1': answer must be one option letter like B, got a list"]),
    ("multiple", "AC", "题干？",
     ["quizzes/gw.yml:8: question 'q1': answer must be a list of option letters like [A, C], got 'AC'"]),
    ("multiple", "[A]", "题干？", ["quizzes/gw.yml:8: question 'q1': a multiple choice answer needs at least 2 different "
                                 "letters like [A, C]; use type single for one right option"]),
    ("multiple", "[A, A, C]", "题干？", ["quizzes/gw.yml:8: question 'q1': answer lists 'A' more than once"]),
    ("multiple", "[A, E]", "题干？", ["quizzes/gw.yml:8: question 'q1': answer 'E' is not one of the options A-D"]),
    ("truefalse", "对", "题干？", ["quizzes/gw.yml:7: question 'q1': answer must be true or false, got '对'"]),
    ("fill", "正确答案", "____", ["quizzes/gw.yml:7: question 'q1': answer must be a list of accepted answers like "
                               "[答案, 另一写法], or one such list per blank, got '正确答案'"]),
    ("fill", "[]", "____", ["quizzes/gw.yml:7: question 'q1': answer must be a list of accepted answers like "
                            "[答案, 另一写法], or one such list per blank, got an empty list"]),
    ("fill", "[[a], b]", "____", ["quizzes/gw.yml:7: question 'q1': answer must be a list of accepted answers like "
                                  "[答案, 另一写法], or one such list per blank, not a mix of both"]),
    ("fill", "[[a], []]", "____和____",
     ["quizzes/gw.yml:7: question 'q1': answer for blank 2 must list at least one accepted answer"]),
    ("fill", "[a, true]", "____", ["quizzes/gw.yml:7: question 'q1': accepted answers for the blank must be text, got true"]),
    ("fill", "[a]", "没有空的题干",
     ["quizzes/gw.yml:6: question 'q1': a fill question needs blanks in the stem, written as ____ or （ ）"]),
    ("fill", "[a, b]", "____和（　）", ["quizzes/gw.yml:7: question 'q1': the stem has 2 blanks but the answer gives 1 "
                                       "(one list of accepted answers per blank)"]),
    ("short", "[a]", "简述。", ["quizzes/gw.yml:7: question 'q1': field 'answer' must be text, got a list"]),
    ("short", '""', "简述。", ["quizzes/gw.yml:7: question 'q1': field 'answer' must not be empty"]),
])
def test_answer_shapes(content_root, kind, answer, stem, messages):
    assert bank_problems(content_root, question(kind, answer, stem)) == messages


def test_missing_answer(content_root):
    text = "  - id: q1\n    type: short\n    stem: 简述。\n    explanation: 解析\n"
    assert bank_problems(content_root, text) == ["quizzes/gw.yml:4: question 'q1': missing required field 'answer'"]


def test_question_ids_are_unique_across_banks(content_root):
    write(content_root, "quizzes/aa.yml", HEAD.replace("id: gw", "id: aa") + SINGLE)
    assert bank_problems(content_root, SINGLE + SINGLE) == [
        "quizzes/gw.yml:4: question id 'gw-001' is already used at quizzes/aa.yml:4",
        "quizzes/gw.yml:12: question id 'gw-001' is already used at quizzes/aa.yml:4",
    ]


@pytest.mark.parametrize(("source", "message"), [
    ("policies/yinzhang.md#印章保管", None),
    ("policies/missing.md#x", "link 'policies/missing.md#x' points to a missing page 'policies/missing.md'"),
    ("policies/yinzhang.md#用印", "link 'policies/yinzhang.md#用印' points to a missing anchor '#用印' in policies/yinzhang.md"),
    ("policies/yinzhang.md", "link 'policies/yinzhang.md' must name a page and a heading anchor, like 'policies/x.md#anchor'"),
    ("https://example.org/a#b", "link 'https://example.org/a#b' must point into this site, not to another host"),
    ("../README.md#a", "link '../README.md#a' points outside the docs folder"),
])
def test_source_must_name_an_existing_page_and_heading(content_root, source, message):
    text = SINGLE + f"    source: {source}\n"
    expected = [f"quizzes/gw.yml:12: question 'gw-001': source {message}"] if message else []
    assert bank_problems(content_root, text) == expected


def test_classification_is_a_bank_field(content_root):
    # Its value is checked where editions are decided (shuniu.control); the bank loader only allows it.
    assert bank_problems(content_root, SINGLE, HEAD.replace("questions:", "classification: internal\nquestions:")) == []


def test_a_tag_holding_a_comma_is_reported_in_a_bank_and_a_question(content_root):
    head = "id: gw\ntitle: 公文基础\ntags: 公文, 格式\nquestions:\n"  # written without brackets: one text
    question = SINGLE + '    tags: ["印章,保管", 用印，管理]\n'  # a full-width comma is text, not a separator
    assert bank_problems(content_root, question, head=head) == [
        "quizzes/gw.yml:3: tag '公文, 格式' holds a comma: write each tag as its own list item, e.g. tags: [公文, 格式]",
        "quizzes/gw.yml:13: question 'gw-001': tag '印章,保管' holds a comma: write each tag as its own list item, "
        "e.g. tags: [印章, 保管]",
    ]
