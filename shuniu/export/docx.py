"""A printable paper (Word, python-docx) laid out like a printed Chinese exam, then its answer key.

The paper: title and subtitle, 单位/姓名/得分 blanks, 注意事项 (questions, total points, time,
how to answer), a 得分表, then one section per type, "一、单项选择题（共 5 题，每题 1 分，共 5 分）",
questions numbered through the paper (so the key is unambiguous). Short options sit two or four
to a line, choice brackets never break, fill blanks are as wide as their longest answer, 简答
questions get ruled lines. The footer reads "第 X 页 共 Y 页", Y the paper's pages alone. The key, with explanations and
sources, is a section of its own starting on a new page, numbered on its own, so it can be printed apart.

Type: A4, body 宋体 小四 (12 pt), title 黑体 小二 (18 pt), section headings 黑体 (see
:mod:`shuniu.export.docx_parts` for the fonts and language).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import docx
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from shuniu.export import docx_parts as parts
from shuniu.export.common import TYPE_ORDER, Export, Skips, answer_text, fill_groups, fixed_zip, source_title
from shuniu.model import Content
from shuniu.quiz.model import Bank, Question, QuestionType
from shuniu.quiz.points import points_of, points_text, total_points
from shuniu.quiz.questions import BLANK

BODY_FONT, HEADING_FONT = "SimSun", "SimHei"  # 宋体, 黑体 (see docx_parts.CHINESE_FONTS)
BODY_SIZE, SMALL_SIZE, TITLE_SIZE, SUBTITLE_SIZE = 12, 10.5, 18, 14  # 小四, 五号, 小二, 四号
TEXT_WIDTH_MM = 160  # A4 less 25 mm each side
TEXT_EMS = TEXT_WIDTH_MM / (BODY_SIZE * 25.4 / 72)  # body characters a line holds
OPTION_INDENT_MM = 8.5  # two characters
SECTION_TITLES = {QuestionType.SINGLE: "单项选择题", QuestionType.MULTIPLE: "多项选择题",
                  QuestionType.TRUEFALSE: "判断题", QuestionType.FILL: "填空题", QuestionType.SHORT: "简答题"}
HOW_TO_ANSWER = {QuestionType.SINGLE: "单项选择题只有一个正确选项", QuestionType.MULTIPLE: "多项选择题有两个或两个以上正确选项",
                 QuestionType.TRUEFALSE: "判断题认为正确的填“√”，错误的填“×”",
                 QuestionType.FILL: "填空题将答案写在横线上", QuestionType.SHORT: "简答题写在题下的横线上"}
NUMERALS = "一二三四五六七八九十"
BRACKET = "（" + parts.NBSP * 8 + "）"  # where a choice is written; no-break spaces keep it on one line
TITLE_STYLE, SUBTITLE_STYLE, SECTION_STYLE = "Shuniu Title", "Shuniu Subtitle", "Shuniu Section"
# 五号 paragraphs: the notes, and the key's entries (2 pt apart). Styles rather than each run's
# own size: a key has six runs an entry, and setting a run's size is most of its cost.
NOTE_STYLE, KEY_STYLE = "Shuniu Note", "Shuniu Key"


@dataclass(frozen=True)
class PaperOptions:
    """What a paper's organiser may set (``shuniu quiz export --format docx`` options)."""

    minutes: int | None = None  # 考试时间; None leaves a blank for the organiser to fill in
    answer_lines: int = 6  # lines to write on under each 简答题
    subtitle: str = "测试卷"


Numbered = list[tuple[int, Question]]


def export(content: Content, banks: Sequence[Bank], options: PaperOptions | None = None) -> Export:
    """One paper and key per bank (normally one bank per file)."""
    options = options or PaperOptions()
    document = docx.Document(io.BytesIO(_template()))
    properties = document.core_properties
    properties.title, properties.author, properties.comments, properties.language = (
        banks[0].title if banks else "", "枢纽 Shuniu", "", "zh-CN")
    for index, bank in enumerate(banks):
        if index:
            document.add_section(WD_SECTION.NEW_PAGE)
        _paper(document, bank, options)
        document.add_section(WD_SECTION.NEW_PAGE)
        _key(content, document, bank)
    _number_pages(document)
    buffer = io.BytesIO()
    document.save(buffer)
    data = fixed_zip(buffer.getvalue(), {"word/fontTable.xml": _with_fallbacks})
    return Export(data, sum(len(bank.questions) for bank in banks), Skips())


@functools.cache
def _template() -> bytes:
    """The blank paper every export starts from: python-docx's default document trimmed
    (:func:`shuniu.export.docx_parts.trim`), with the page, fonts and styles set up once."""
    document = docx.Document()
    parts.trim(document)
    _setup(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _setup(document: Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(25), Mm(22)
    section.left_margin = section.right_margin = Mm((210 - TEXT_WIDTH_MM) / 2)
    section.footer_distance = Mm(10)
    parts.chinese_defaults(document, BODY_FONT)
    normal = document.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    parts.set_font(normal, BODY_FONT, BODY_SIZE)
    normal.paragraph_format.line_spacing = 1.3
    normal.paragraph_format.space_after = Pt(0)
    for name, font, size in ((TITLE_STYLE, HEADING_FONT, TITLE_SIZE), (SUBTITLE_STYLE, BODY_FONT, SUBTITLE_SIZE),
                             (SECTION_STYLE, HEADING_FONT, BODY_SIZE)):
        style = _paragraph_style(document, name, normal, font, size)
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.space_before = Pt(6)
        style.paragraph_format.space_after = Pt(3)
        if name != SECTION_STYLE:
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for name, before in ((NOTE_STYLE, 0), (KEY_STYLE, 2)):
        _paragraph_style(document, name, normal, BODY_FONT, SMALL_SIZE).paragraph_format.space_before = Pt(before)


def _paragraph_style(document: Document, name: str, base: ParagraphStyle, font: str, size: float) -> ParagraphStyle:
    """A new paragraph style ``name`` on ``base``, in ``font`` at ``size`` points."""
    style = document.styles.add_style(name, 1)  # 1: a paragraph style
    assert isinstance(style, ParagraphStyle)
    style.base_style = base
    parts.set_font(style, font, size)
    return style


def _number_pages(document: Document) -> None:
    """Each paper and each key counts its own pages: "第 1 页 共 4 页" on a paper with a 2-page key."""
    for number, section in enumerate(document.sections, start=1):
        last_page = f"_ShuniuEnd{number}"  # "_": a hidden bookmark in Word's list
        parts.mark_section_end(document, section, last_page, number)
        parts.page_number_footer(section, SMALL_SIZE, last_page)


def _sections(bank: Bank) -> list[tuple[str, QuestionType, Numbered]]:
    """(一, type, [(number, question)]) in paper order; numbers run on through the paper."""
    sections: list[tuple[str, QuestionType, Numbered]] = []
    number = 0
    for kind in TYPE_ORDER:
        questions = [q for q in bank.questions if q.type is kind]
        if questions:
            sections.append((NUMERALS[len(sections)], kind, [(number + i, q) for i, q in enumerate(questions, start=1)]))
            number += len(questions)
    return sections


def _paper(document: Document, bank: Bank, options: PaperOptions) -> None:
    document.add_paragraph(bank.title, style=TITLE_STYLE)
    if options.subtitle:
        document.add_paragraph(options.subtitle, style=SUBTITLE_STYLE)
    _candidate_line(document)
    sections = _sections(bank)
    _notes(document, bank, sections, options)
    _score_table(document, bank, sections)
    for numeral, kind, questions in sections:
        document.add_paragraph(_section_heading(bank, numeral, kind, questions), style=SECTION_STYLE)
        uniform = len({points_of(bank, q) for _, q in questions}) == 1
        for number, question in questions:
            worth = None if uniform else points_of(bank, question)
            _question(document, number, question, worth, options)


def _candidate_line(document: Document) -> None:
    line = document.add_paragraph()
    line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    line.paragraph_format.space_before = Pt(6)
    for index, (label, ems) in enumerate((("单位：", 12), ("姓名：", 6), ("得分：", 4))):
        line.add_run(("　　" if index else "") + label)
        parts.blank(line, ems)


def _notes(document: Document, bank: Bank, sections: list[tuple[str, QuestionType, Numbered]],
           options: PaperOptions) -> None:
    """注意事项: size, total points and time (a blank when not set), how each type is answered."""
    how = "；".join(HOW_TO_ANSWER[kind] for _, kind, _ in sections)
    document.add_paragraph("注意事项", style=SECTION_STYLE)
    first = _note(document, f"1. 本试卷共 {len(bank.questions)} 题，满分 {points_text(total_points(bank))} 分，考试时间 ")
    if options.minutes:
        first.add_run(str(options.minutes))
    else:
        parts.blank(first, 3)
    first.add_run(" 分钟。")
    _note(document, "2. 答题前请在上方填写单位和姓名。")
    _note(document, f"3. 选择题将所选选项的字母填在题后括号内，{how}。")


def _note(document: Document, text: str) -> Paragraph:
    paragraph = document.add_paragraph(style=NOTE_STYLE)
    paragraph.add_run(text)
    return paragraph


def _score_table(document: Document, bank: Bank, sections: list[tuple[str, QuestionType, Numbered]]) -> None:
    totals = [points_text(sum((points_of(bank, q) for _, q in questions), Decimal(0))) for _, _, questions in sections]
    rows = [["题号", *(numeral for numeral, _, _ in sections), "总分"],
            ["分值", *totals, points_text(total_points(bank))],
            ["得分", *[""] * (len(sections) + 1)]]
    parts.grid(document, rows, SMALL_SIZE)


def _section_heading(bank: Bank, numeral: str, kind: QuestionType, questions: Numbered) -> str:
    """一、单项选择题（共 5 题，每题 1 分，共 5 分）; without 每题 when the points differ."""
    worth = [points_of(bank, q) for _, q in questions]
    total = points_text(sum(worth, Decimal(0)))
    each = f"每题 {points_text(worth[0])} 分，" if len(set(worth)) == 1 else ""
    return f"{numeral}、{SECTION_TITLES[kind]}（共 {len(questions)} 题，{each}共 {total} 分）"


def _question(document: Document, number: int, question: Question, worth: Decimal | None, options: PaperOptions) -> None:
    runs = [(f"{number}. " + (f"（{points_text(worth)} 分）" if worth is not None else ""), parts.PLAIN)]
    if question.type is QuestionType.FILL:
        runs += _fill_runs(question)
    elif question.type is QuestionType.SHORT:
        runs.append((question.stem, parts.PLAIN))
    else:
        pieces = BLANK.split(question.stem)
        runs.append((BRACKET.join(pieces) if len(pieces) > 1 else question.stem + BRACKET, parts.PLAIN))
    keep_with_answer = bool(question.options) or question.type is QuestionType.SHORT
    parts.add_text_paragraph(document, runs, keep_next=keep_with_answer, space_before=Pt(4))
    if question.options:
        _options(document, question.options)
    if question.type is QuestionType.SHORT:
        parts.ruled_lines(document, options.answer_lines, 9)


def _fill_runs(question: Question) -> list[tuple[str, str]]:
    """The stem with each blank underlined, as wide as its longest accepted answer and a margin."""
    pieces = BLANK.split(question.stem)
    groups = fill_groups(question)
    runs = [(pieces[0], parts.PLAIN)]
    for index, piece in enumerate(pieces[1:]):
        longest = max((parts.text_width(answer) for answer in groups[index]), default=2) if index < len(groups) else 2
        runs += [parts.blank_run(min(max(longest + 2, 4), TEXT_EMS / 2)), (piece, parts.PLAIN)]
    return runs


def _options(document: Document, options: tuple[tuple[str, str], ...]) -> None:
    """Options four or two to a line when they fit (tab stops), else one to a line."""
    texts = [f"{letter}. {text}" for letter, text in options]
    per_line = _per_line(texts)
    lines = [texts[start:start + per_line] for start in range(0, len(texts), per_line)]
    stops = parts.column_stops(per_line, TEXT_WIDTH_MM, 0) if per_line > 1 else []
    for index, group in enumerate(lines):
        parts.add_text_paragraph(document, [("\t".join(group), parts.PLAIN)], keep_next=index < len(lines) - 1,
                                 tab_stops=stops, left_indent=Mm(OPTION_INDENT_MM))


def _per_line(texts: list[str]) -> int:
    """4 when every option fits a quarter of the line (with a gap), 2 for a half, else 1."""
    if any("\n" in text for text in texts):
        return 1
    widest = max(parts.text_width(text) for text in texts)
    room = TEXT_EMS - OPTION_INDENT_MM / (BODY_SIZE * 25.4 / 72)
    return next((count for count in (4, 2) if widest + 1.5 <= room / count), 1)


def _key(content: Content, document: Document, bank: Bank) -> None:
    document.add_paragraph(f"{bank.title}　参考答案与解析", style=TITLE_STYLE)
    key_style = document.styles[KEY_STYLE].style_id
    for numeral, kind, questions in _sections(bank):
        document.add_paragraph(f"{numeral}、{SECTION_TITLES[kind]}", style=SECTION_STYLE)
        for number, question in questions:
            title = source_title(content, question)
            label = "参考答案" if kind is QuestionType.SHORT else "答案"
            pieces = [(f"{number}. ", False), (f"{label}：", True), (answer_text(question), False),
                      ("　解析：", True), (question.explanation, False), (f"（出处：{title}）" if title else "", False)]
            parts.add_text_paragraph(document, [(text, parts.BOLD if bold else parts.PLAIN) for text, bold in pieces if text],
                                     style_id=key_style)


def _with_fallbacks(font_table: bytes) -> bytes:
    return font_table.replace(b"</w:fonts>", parts.font_table_entries().encode("utf-8") + b"</w:fonts>")
