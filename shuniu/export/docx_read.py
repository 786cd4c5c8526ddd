"""Reading a Word (.docx) paper of numbered questions into the cells the Excel import reads.

The usual layout of Chinese exam papers and question-bank documents::

    一、单项选择题                      (a type heading; or a marker 【单选题】 on the question)
    1. 题干（　　）                     (1. 1． 1、 ; an optional （2分） after the number)
    A. 选项一   B. 选项二               (inline or one per line, A–H)
    答案：B                             (also 解析： 出处： 难度： 分值： 标签： ID：)
    解析：……

Text before the first question (title, 注意事项) is left out; the first paragraph becomes the
bank title. A paragraph that belongs nowhere is a problem of its own. Paragraphs are numbered
as Word counts the body's paragraphs (1-based), so messages say ``FILE:段落 N: message``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from shuniu.export.excel_read import CellProblem, Header
from shuniu.export.excel_rows import RowReader
from shuniu.export.layout import ALTERNATIVES, BLANKS, INDEFINITE_WORDS, TYPE_WORDS, lookup, normal
from shuniu.quiz.model import OPTION_LETTERS, QuestionType
from shuniu.quiz.questions import count_blanks

KEYS = ("type", "stem", *OPTION_LETTERS, "answer", "explanation", "difficulty", "points", "tags", "source", "id")
HEADER = Header(0, {key: index for index, key in enumerate(KEYS)}, ())
FIELD_WORDS = {"answer": ("答案", "正确答案", "参考答案", "标准答案"), "explanation": ("解析", "答案解析", "试题解析"),
               "source": ("出处", "来源"), "difficulty": ("难度", "难易度"), "points": ("分值", "分数"),
               "tags": ("标签", "知识点"), "id": ("ID", "id", "编号", "试题编号")}
_LABELS = "|".join(sorted((word for words in FIELD_WORDS.values() for word in words), key=len, reverse=True))
_FIELD = re.compile(rf"^\s*({_LABELS})\s*[:：]\s*")
_LATER_FIELD = re.compile(rf"\s+(?=(?:{_LABELS})\s*[:：])")  # 答案：B　解析：… on one line
_SECTION = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]\s*([^（(\s：:]+)")
_QUESTION = re.compile(r"^\s*(?:【([^】]+)】\s*)?(\d{1,4})\s*[.．、)）]\s*(?:【([^】]+)】\s*)?"
                       r"(?:[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*)?(.*)$", re.S)
_OPTION = re.compile(r"(?:^|\s+)([A-HＡ-Ｈ])\s*[.．、:：]\s*")
_TRAILING_BRACKET = re.compile(r"\s*[（(][\s\u00a0]*[)）]\s*$")
_FILL_NUMBER = re.compile(r"[（(]\d+[)）]")
_KEY_HEADING = re.compile(r"^.{0,40}参考答案(?:与解析|及解析)?\s*$")
_KEY_SOURCE = re.compile(r"（出处：[^）]*）$")  # the key names a page title there, not a source path
_BLANK_SEPARATORS = re.compile(r"\s*[；;、，,]\s*")


@dataclass
class Draft:
    """One question as read so far: its cells and the paragraph each came from."""

    start: int
    number: int = 0  # as printed: "7." is 7
    cells: dict[str, str] = field(default_factory=dict)
    paragraphs: dict[str, int] = field(default_factory=dict)
    last: str = "stem"  # the field a continuation paragraph belongs to

    def put(self, key: str, text: str, paragraph: int) -> None:
        self.cells[key] = text.strip()
        self.paragraphs[key] = paragraph
        self.last = key


@dataclass
class Paper:
    """What a Word file holds: the title, the questions, and the paragraphs that fit nowhere."""

    title: str | None
    title_paragraph: int
    drafts: list[Draft]
    problems: list[CellProblem]


class ParagraphReader(RowReader):
    """A row reader whose problems point at the paragraph of the field they are about."""

    def __init__(self, draft: Draft, cells: dict[str, str]) -> None:
        super().__init__("", draft.start, cells, HEADER)
        self.draft = draft

    def problem(self, key: str, message: str) -> None:
        self.problems.append(CellProblem("", self.draft.paragraphs.get(key, self.draft.start), "", message))


def paragraphs(path: Path) -> list[str]:
    """The text of each body paragraph (tables left out); an underlined run of spaces, Word's
    usual blank, reads as ``____``."""
    import docx  # imported when used: it takes a while

    return ["".join("____" if run.font.underline and run.text and not run.text.strip() else run.text
                    for run in paragraph.runs) or paragraph.text
            for paragraph in docx.Document(str(path)).paragraphs]


def read_paper(texts: list[str]) -> Paper:
    """The questions of a paper, paragraph by paragraph; after a 参考答案 heading, answers by number."""
    typed = any(_section_kind(text) for text in texts)
    drafts: list[Draft] = []
    problems: list[CellProblem] = []
    title, title_paragraph, section, reading, key = None, 0, "", not typed, False
    for number, text in enumerate(texts, start=1):
        question = _QUESTION.match(text) if text.strip() else None
        if not text.strip():
            continue
        if _KEY_HEADING.match(text) and drafts:
            key, reading = True, False
        elif question is None and _section_kind(text):
            section, reading = _section_kind(text), True
        elif key and question:
            _answer(drafts, question, number, problems)
        elif question and reading:
            drafts.append(_start(number, question, section))
        elif drafts and reading and not key:
            _continue(drafts[-1], text, number, problems)
        elif title is None and not drafts:
            title, title_paragraph = text.strip(), number
    return Paper(title, title_paragraph, [_finish(draft) for draft in drafts], problems)


def _section_kind(text: str) -> str:
    """The type a heading like 一、单项选择题（共 5 题） names (or 不定项选择题, read as the Excel
    import reads it: single or multiple by its answer, tagged); "" for any other paragraph."""
    match = _SECTION.match(text)
    if match is None:
        return ""
    word = match.group(1)
    return word if lookup(TYPE_WORDS, word) or normal(word) in INDEFINITE_WORDS else ""


def _answer(drafts: list[Draft], match: re.Match[str], number: int, problems: list[CellProblem]) -> None:
    """A key entry "7. 答案：B　解析：…" given to question 7 of the paper."""
    draft = next((draft for draft in drafts if draft.number == int(match.group(2))), None)
    if draft is None or not _FIELD.match(match.group(5)):
        problems.append(CellProblem("", number, "", f"参考答案中的第 {match.group(2)} 题在试卷中没有"
                                    if draft is None else "参考答案应写成“题号. 答案：……”"))
        return
    _continue(draft, match.group(5), number, problems)
    draft.cells["explanation"] = _KEY_SOURCE.sub("", draft.cells.get("explanation", ""))


def _start(number: int, match: re.Match[str], section: str) -> Draft:
    draft = Draft(number, int(match.group(2)))
    marker = match.group(1) or match.group(3)
    if marker or section:
        draft.put("type", marker or section, number)
    if match.group(4):
        draft.put("points", match.group(4), number)
    draft.put("stem", match.group(5), number)
    return draft


def _continue(draft: Draft, text: str, number: int, problems: list[CellProblem]) -> bool:
    """Add a paragraph to the question being read: options, fields, or more of the last field."""
    if _OPTION.match(text):
        pieces = _OPTION.split(text)[1:]  # letter, text, letter, text, ...
        for letter, option in zip(pieces[::2], pieces[1::2], strict=True):
            draft.put(chr(ord(letter) - 0xFEE0) if letter > "Z" else letter, option, number)
        return True
    if _FIELD.match(text):
        for part in _LATER_FIELD.split(text.strip()):
            label = _FIELD.match(part)
            if label is None:
                continue
            key = next(key for key, words in FIELD_WORDS.items() if label.group(1) in words)
            draft.put(key, part[label.end():], number)
        return True
    if draft.last in ("stem", "explanation", "answer") or draft.last in OPTION_LETTERS:
        draft.cells[draft.last] = f"{draft.cells.get(draft.last, '')}\n{text.strip()}".strip()
        return True
    problems.append(CellProblem("", number, "", f"无法识别的段落“{text.strip()[:30]}”（应为题目、选项、答案：或解析：等）"))
    return False


def _finish(draft: Draft) -> Draft:
    """The type where no heading or marker gives it, and the answer in the Excel import's spelling."""
    cells = draft.cells
    has_options = any(letter in cells for letter in OPTION_LETTERS)
    if "type" not in cells:
        cells["type"] = _inferred(cells, has_options)
    kind = lookup(TYPE_WORDS, cells["type"])
    if kind in (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUEFALSE) or normal(cells["type"]) in INDEFINITE_WORDS:
        cells["stem"] = _TRAILING_BRACKET.sub("", cells.get("stem", ""))
    if kind is QuestionType.FILL and cells.get("answer"):
        cells["answer"] = _fill_answer(cells["answer"], count_blanks(cells.get("stem", "")))
    return draft


def _inferred(cells: dict[str, str], has_options: bool) -> str:
    answer = re.sub(r"[\s,，、;；/.]+", "", cells.get("answer", "")).upper()
    if has_options:
        return "多选题" if len(answer) > 1 and answer.isalpha() and answer.isascii() else "单选题"
    if answer in ("正确", "错误", "对", "错", "√", "×", "T", "F"):
        return "判断题"
    return "填空题" if count_blanks(cells.get("stem", "")) else "简答题"


def _fill_answer(text: str, blanks: int) -> str:
    """``（1）8／八；（2）42`` or ``版头；主体`` as the Excel spelling ``8|八;;42`` when the counts agree."""
    if BLANKS in text or blanks < 2:
        return text.replace("／", ALTERNATIVES)
    parts = [part for part in _BLANK_SEPARATORS.split(_FILL_NUMBER.sub(" ", text).strip()) if part]
    if len(parts) != blanks:
        return text
    return BLANKS.join(part.replace("／", ALTERNATIVES) for part in parts)
