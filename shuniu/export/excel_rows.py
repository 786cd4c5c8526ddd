"""One Excel row to one question in the authoring format (DESIGN.md), or the problems of its cells.

Accepts what people type in 题库 sheets: 单选/单选题/single, answers ``AB``, ``A,B``, ``A、B``,
``A B``, 判断 answers 正确/错误/对/错/√/×/是/否/T/F (or the letter of an option saying so), fill
answers ``写法一|写法二;;第二空``. Every message names the column it is about.
"""

from __future__ import annotations

import re
from typing import Any

from shuniu.export.excel_choices import letters_by_text, split_options
from shuniu.export.excel_read import CellProblem, Header
from shuniu.export.layout import (
    ALTERNATIVES,
    BLANKS,
    DIFFICULTY_WORDS,
    FALSE_WORDS,
    INDEFINITE_TAG,
    INDEFINITE_WORDS,
    TAG_SPLIT,
    TRUE_WORDS,
    TYPE_WORDS,
    lookup,
    normal,
)
from shuniu.quiz.model import OPTION_LETTERS, QuestionType
from shuniu.quiz.points import points_from_text, points_json
from shuniu.quiz.questions import count_blanks

_LETTERS = re.compile(r"^[A-Z]+$")
_SEPARATORS = re.compile(r"[\s,，、;；/.]+")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_TYPE_NAMES = "单选题、多选题、判断题、填空题、简答题"


class RowReader:
    """The cells of one row and the problems found in them."""

    def __init__(self, sheet: str, row: int, cells: dict[str, str], header: Header) -> None:
        self.sheet, self.row, self.cells, self.header = sheet, row, cells, header
        self.problems: list[CellProblem] = []

    def get(self, key: str) -> str:
        return self.cells.get(key, "")

    def problem(self, key: str, message: str) -> None:
        self.problems.append(CellProblem(self.sheet, self.row, self.header.letter(key), message))


def read_row(reader: RowReader) -> dict[str, Any] | None:
    """The question of a row (its ``id`` None when the ID cell is empty), or None with problems."""
    kind, indefinite = _kind(reader)
    stem = reader.get("stem")
    if not stem:
        reader.problem("stem", "题干为空")
    options = _options(reader, kind)
    # an unreadable 选项 cell: the answer cannot be checked against it (no "option A is empty")
    answer = _answer(reader, kind, options, stem, indefinite) if kind and stem and options is not None else None
    if indefinite and isinstance(answer, list) and len(answer) == 1:
        kind, answer = QuestionType.SINGLE, answer[0]  # 不定项 with one right option: see INDEFINITE_TAG
    explanation = reader.get("explanation")
    if not explanation:
        reader.problem("explanation", "解析为空（每道题都要有解析）")
    difficulty = _difficulty(reader)
    points = _points(reader)
    question_id = reader.get("id") or None
    if question_id and not _ID.match(question_id):
        reader.problem("id", f"ID“{question_id}”只能由字母、数字和 - _ . 组成，且以字母或数字开头")
    if reader.problems or kind is None:
        return None
    question: dict[str, Any] = {"id": question_id, "type": kind.value, "stem": stem}
    if kind.is_choice:
        question["options"] = options
    question["answer"] = answer
    question["explanation"] = explanation
    if reader.get("source"):
        question["source"] = reader.get("source")
    question["difficulty"] = difficulty
    tags = [tag.strip() for tag in TAG_SPLIT.split(reader.get("tags")) if tag.strip()]
    if indefinite and INDEFINITE_TAG not in tags:
        tags.append(INDEFINITE_TAG)
    if tags:
        question["tags"] = tags
    if points is not None:
        question["points"] = points
    return question


def _kind(reader: RowReader) -> tuple[QuestionType | None, bool]:
    """The type of the row, and whether it is a 不定项选择题 (read as multiple until its answer is known)."""
    text = reader.get("type")
    if not text:
        reader.problem("type", f"题型为空（应为 {_TYPE_NAMES} 之一）")
        return None, False
    if normal(text) in INDEFINITE_WORDS:
        return QuestionType.MULTIPLE, True
    kind = lookup(TYPE_WORDS, text)
    if kind is None:
        reader.problem("type", f"题型“{text}”无法识别，应为 {_TYPE_NAMES} 之一")
    return kind, False


def _options(reader: RowReader, kind: QuestionType | None) -> dict[str, str] | None:
    """The filled options A.. in order (from columns A-H, or all in one 选项 cell; None when that
    cell cannot be read); a gap (C empty, D filled) is a problem."""
    texts = {letter: reader.get(letter) for letter in OPTION_LETTERS}
    if reader.get("options"):
        return _options_in_one_cell(reader, kind, texts)
    filled = [letter for letter in OPTION_LETTERS if texts[letter]]
    if not filled:
        if kind is not None and kind.is_choice:
            where = "options" if "options" in reader.header.columns else "A"
            reader.problem(where, f"{_label(kind)}至少要有两个选项，但没有填选项")
        return {}
    last = OPTION_LETTERS.index(filled[-1])
    for letter in OPTION_LETTERS[:last]:
        if not texts[letter]:
            reader.problem(letter, f"选项{letter}为空，但选项{filled[-1]}有内容（选项要从 A 开始连续填写）")
    options = {letter: texts[letter] for letter in OPTION_LETTERS[: last + 1]}
    if kind is not None and kind.is_choice and len(options) < 2:
        reader.problem(filled[0], f"{_label(kind)}至少要有两个选项，只填了选项{filled[0]}")
    if kind in (QuestionType.FILL, QuestionType.SHORT):
        reader.problem(filled[0], f"{_label(kind)}不用选项，请清空选项{filled[0]}")
    return options


def _options_in_one_cell(reader: RowReader, kind: QuestionType | None, columns: dict[str, str]) -> dict[str, str] | None:
    if kind in (QuestionType.FILL, QuestionType.SHORT):
        reader.problem("options", f"{_label(kind)}不用选项，请清空这一格")
        return {}
    filled = [letter for letter, text in columns.items() if text]
    if filled:  # (the cell's options are still read, so the answer is checked against them)
        reader.problem("options", f"选项既写在这一格，又写在选项{filled[0]}列：只用一种写法")
    options, wrong = split_options(reader.get("options"))
    if wrong:
        reader.problem("options", wrong)
        return None
    if kind is not None and len(options) < 2:
        reader.problem("options", f"{_label(kind)}至少要有两个选项，只找到选项A")
    return options


def _label(kind: QuestionType) -> str:
    return TYPE_WORDS[kind][1]


def _letters(text: str) -> list[str] | None:
    """``AB``, ``A,B``, ``A、B``, ``a b`` -> [A, B]; None when the text is not option letters."""
    joined = _SEPARATORS.sub("", normal(text)).upper()
    return list(joined) if _LETTERS.match(joined) else None


def _answer(reader: RowReader, kind: QuestionType, options: dict[str, str], stem: str, indefinite: bool = False) -> Any:
    text = reader.get("answer")
    if not text:
        reader.problem("answer", "答案为空")
        return None
    if kind is QuestionType.SINGLE:
        return _single(reader, text, options)
    if kind is QuestionType.MULTIPLE:
        return _multiple(reader, text, options, indefinite)
    if kind is QuestionType.TRUEFALSE:
        return _truth(reader, text, options)
    if kind is QuestionType.FILL:
        return _fill(reader, text, stem)
    return text


def _missing_options(reader: RowReader, letters: list[str], options: dict[str, str]) -> bool:
    missing = [letter for letter in letters if letter not in options]
    for letter in missing:
        reader.problem("answer", f"选项{letter}为空，但答案是{letter}" if letter in OPTION_LETTERS
                       else f"答案“{letter}”不是选项字母（A～H）")
    return bool(missing)


def _chosen(reader: RowReader, text: str, options: dict[str, str], example: str) -> list[str] | None:
    """The letters the answer names: letters (B, AC, A、C), else the options' own text; None with a problem."""
    letters = _letters(text)
    if letters is not None:
        return letters
    if not options:
        reader.problem("answer", f"答案应为选项字母，如 {example}，得到“{text}”")
        return None
    letters, wrong = letters_by_text(text, options)
    if wrong:
        reader.problem("answer", f"答案应为选项字母（如 {example}）或选项的原文：{wrong}")
    return letters


def _single(reader: RowReader, text: str, options: dict[str, str]) -> str | None:
    letters = _chosen(reader, text, options, "B")
    if letters is None:
        return None
    if len(letters) != 1:
        reader.problem("answer", f"单选题只能有一个答案，得到“{text}”；有几个正确选项请用多选题或不定项选择题")
        return None
    return None if _missing_options(reader, letters, options) else letters[0]


def _multiple(reader: RowReader, text: str, options: dict[str, str], indefinite: bool) -> list[str] | None:
    """[A, C]; a 不定项 answer may name one option."""
    letters = _chosen(reader, text, options, "AC、A,C 或 A、C")
    if letters is None:
        return None
    repeated = sorted({letter for letter in letters if letters.count(letter) > 1})
    if repeated:
        reader.problem("answer", f"答案中“{'、'.join(repeated)}”重复")
    few = len(set(letters)) < (1 if indefinite else 2)
    if few:
        reader.problem("answer", f"多选题至少要有两个正确选项，得到“{text}”；只有一个正确选项请用单选题或不定项选择题")
    if _missing_options(reader, sorted(set(letters)), options) or repeated or few:
        return None
    return sorted(letters)


def _truth(reader: RowReader, text: str, options: dict[str, str]) -> bool | None:
    letters = _letters(text)
    if letters and len(letters) == 1 and letters[0] in options:
        text = options[letters[0]]  # templates that offer 判断 as options A 正确 / B 错误
    word = normal(text)
    if word in TRUE_WORDS or word in FALSE_WORDS:
        return word in TRUE_WORDS
    reader.problem("answer", f"判断题的答案应为 正确 或 错误（也可写 对/错、√/×、是/否、T/F），得到“{text}”")
    return None


def _fill(reader: RowReader, text: str, stem: str) -> list[str] | list[list[str]] | None:
    unified = text.replace("｜", ALTERNATIVES).replace("；；", BLANKS)
    blanks = [[part.strip() for part in blank.split(ALTERNATIVES)] for blank in unified.split(BLANKS)]
    if any(not part for blank in blanks for part in blank):
        reader.problem("answer", f"填空题答案中有空的写法（同一空的几种写法用 {ALTERNATIVES} 分隔，各空之间用 {BLANKS} 分隔）")
        return None
    in_stem = count_blanks(stem)
    if in_stem == 0:
        reader.problem("stem", "填空题的题干中没有空：用 ____（4 个以上下划线）或 （ ） 标出每个空")
        return None
    if in_stem != len(blanks):
        reader.problem("answer", f"题干有 {in_stem} 个空，答案给了 {len(blanks)} 个（各空的答案之间用 {BLANKS} 分隔）")
        return None
    return blanks[0] if len(blanks) == 1 else blanks  # one blank: the flat list DESIGN.md shows


def _points(reader: RowReader) -> int | float | None:
    """The 分值 cell: empty for the bank's points of the type, else a number like 2 or 0.5 (``2分`` too)."""
    text = reader.get("points")
    if not text:
        return None
    points = points_from_text(text)
    if points is None:
        reader.problem("points", f"分值应为大于 0、不超过 100 的数，至多两位小数，如 2 或 0.5，得到“{text}”")
        return None
    return points_json(points)


def _difficulty(reader: RowReader) -> int:
    text = reader.get("difficulty")
    if not text:
        return 2
    level = lookup(DIFFICULTY_WORDS, text)
    if level is None:
        reader.problem("difficulty", f"难度应为 1、2、3（或 易、中、难），得到“{text}”")
        return 2
    return level
