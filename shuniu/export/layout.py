"""The Excel (and CSV) layout of a bank: columns, how each answer is written in a cell, and the
words the import accepts. The template, the import and the xlsx/csv exports all use this one list."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from typing import TypeVar

from openpyxl.utils import get_column_letter

from shuniu.export.common import answer_text, fill_groups
from shuniu.quiz.model import OPTION_LETTERS, Bank, Question, QuestionType
from shuniu.quiz.points import points_from_text, points_json
from shuniu.quiz.strings import type_label

K = TypeVar("K")
SHEET = "题库"
INFO_SHEET = "题库信息"
HELP_SHEET = "说明"
OPTION_COLUMNS = tuple(f"选项{letter}" for letter in OPTION_LETTERS)
COLUMNS = ("题型", "题干", *OPTION_COLUMNS, "答案", "解析", "难度", "分值", "标签", "出处", "ID")
# The fields of the 题库信息 sheet (label in column A, value in column B).
INFO_FIELDS = (("id", "题库ID"), ("title", "题库名称"), ("description", "简介"), ("tags", "标签"), ("pass_mark", "及格线"),
               ("points", "各题型分值"))
# 各题型分值: "单选题 1；多选题 2" (the types the bank sets; the others keep the defaults).
POINTS_JOIN = "；"
POINTS_SPLIT = re.compile(r"[;；,，\n]")
_TYPE_POINTS = re.compile(r"^(.+?)\s*[=:：]?\s*(\d+(?:\.\d+)?\s*分?)$")
# Fill answers: "写法一|写法二" for one blank, ";;" between blanks (full-width ｜ and ；； work too).
ALTERNATIVES = "|"
BLANKS = ";;"
TAG_JOIN = "、"
TAG_SPLIT = re.compile(r"[,，、;；]")

TYPE_WORDS = {
    QuestionType.SINGLE: ("单选", "单选题", "单项选择", "单项选择题", "single"),
    QuestionType.MULTIPLE: ("多选", "多选题", "多项选择", "多项选择题", "multiple"),
    QuestionType.TRUEFALSE: ("判断", "判断题", "是非题", "truefalse", "true/false", "tf"),
    QuestionType.FILL: ("填空", "填空题", "fill"),
    QuestionType.SHORT: ("简答", "简答题", "问答题", "short"),
}
# 不定项选择题: any number of right options, one included. The bank has no such type: one right
# option is read as single, more as multiple, and the question gets the tag INDEFINITE_TAG so it is
# known for what it was (and can be found) in the bank, the player's tag filter and every export.
INDEFINITE_WORDS = ("不定项", "不定项选择", "不定项选择题", "不定项题", "不定选择题", "indefinite")
INDEFINITE_TAG = "不定项选择"
INDEFINITE_LABEL = "不定项选择题"  # what the 题型 cell says for a choice question with that tag
TRUE_WORDS = ("正确", "对", "√", "✓", "✔", "是", "t", "true", "y", "yes")
FALSE_WORDS = ("错误", "错", "×", "✗", "✘", "x", "否", "f", "false", "n", "no")
DIFFICULTY_WORDS = {1: ("1", "易", "容易", "简单", "easy"), 2: ("2", "中", "中等", "一般", "适中", "medium"),
                    3: ("3", "难", "较难", "困难", "hard")}


def column_of(name: str) -> str:
    """The Excel letter of a template column: ``column_of("答案") == "K"``."""
    return get_column_letter(COLUMNS.index(name) + 1)


def normal(text: str) -> str:
    """Full-width to half-width, lower-case, no spaces: how cell words are compared."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def lookup(words: Mapping[K, tuple[str, ...]], text: str) -> K | None:
    """The key whose words include ``text`` (compared as :func:`normal` text)."""
    wanted = normal(text)
    return next((key for key, names in words.items() if wanted in names), None)


def answer_cell(question: Question) -> str:
    """The answer as the 答案 cell holds it: B, AC, 正确, 写法一|写法二;;第二空, or the reference text."""
    if question.type is QuestionType.FILL:
        return BLANKS.join(ALTERNATIVES.join(group) for group in fill_groups(question))
    return answer_text(question)


def question_row(question: Question) -> list[str | int | float]:
    """One question in the order of :data:`COLUMNS`; 分值 only when the question sets its own points;
    a choice question tagged 不定项选择 as 不定项选择题, as it came in."""
    options = dict(question.options)
    points = points_json(question.points) if question.points is not None else ""
    indefinite = question.type.is_choice and INDEFINITE_TAG in question.tags
    kind = INDEFINITE_LABEL if indefinite else type_label("zh", question.type)
    return [
        kind, question.stem, *(options.get(letter, "") for letter in OPTION_LETTERS),
        answer_cell(question), question.explanation, question.difficulty, points, TAG_JOIN.join(question.tags),
        question.source or "", question.id,
    ]


def parse_type_points(text: str) -> tuple[dict[QuestionType, Decimal], list[str]]:
    """The 各题型分值 cell (``单选题 1；多选题 2``, also ``单选=1``) read back, and what is wrong in it."""
    chosen: dict[QuestionType, Decimal] = {}
    wrong = []
    for part in (part.strip() for part in POINTS_SPLIT.split(text)):
        match = _TYPE_POINTS.match(part)
        kind = lookup(TYPE_WORDS, match.group(1)) if match else None
        points = points_from_text(match.group(2)) if match else None
        if part and (kind is None or points is None):
            wrong.append(part)
        elif kind is not None and points is not None:
            chosen[kind] = points
    return chosen, wrong


def type_points_cell(bank: Bank) -> str:
    """The bank's own points per type as the 各题型分值 cell holds them: ``单选题 1；多选题 2``."""
    return POINTS_JOIN.join(f"{type_label('zh', kind)} {points_json(points)}"
                            for kind, points in sorted(bank.points.items(), key=lambda item: list(QuestionType).index(item[0])))
