"""A printable paper (Word, python-docx): questions by type, then an answer key after a page break.

Layout in the spirit of GB/T 9704 (党政机关公文格式): A4, top margin (天头) 37 mm, binding
margin (订口) 28 mm, body 仿宋_GB2312 3号 (16 pt), title 小标宋 2号 (22 pt), section headings
黑体 3号. East Asian font names go into ``w:rFonts/@w:eastAsia`` (Word ignores the plain name
for Chinese text); the font table names a fallback (仿宋, 宋体) for machines without the GB fonts.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from shuniu.export.common import TYPE_ORDER, Export, Skips, answer_text, fixed_zip, source_title
from shuniu.model import Content
from shuniu.quiz.model import Bank, Question, QuestionType
from shuniu.quiz.questions import BLANK

BODY_FONT, TITLE_FONT, HEADING_FONT = "仿宋_GB2312", "方正小标宋简体", "黑体"
# Word substitutes these when the GB fonts are not installed.
FALLBACKS = {BODY_FONT: "仿宋", TITLE_FONT: "宋体"}
SECTION_TITLES = {QuestionType.SINGLE: "单项选择题", QuestionType.MULTIPLE: "多项选择题",
                  QuestionType.TRUEFALSE: "判断题", QuestionType.FILL: "填空题", QuestionType.SHORT: "简答题"}
NUMERALS = "一二三四五六七八九十"
ANSWER_LINES = 4  # ruled lines under a short-answer question
TITLE_STYLE, SECTION_STYLE = "Shuniu Title", "Shuniu Section"


def export(content: Content, banks: Sequence[Bank]) -> Export:
    """One paper and key per bank (normally one bank per file)."""
    document = docx.Document()
    _setup(document, banks[0].title if banks else "")
    for index, bank in enumerate(banks):
        if index:
            document.add_page_break()
        _paper(document, bank)
        document.add_page_break()
        _key(content, document, bank)
    buffer = io.BytesIO()
    document.save(buffer)
    data = fixed_zip(buffer.getvalue(), {"word/fontTable.xml": _with_fallbacks})
    return Export(data, sum(len(bank.questions) for bank in banks), Skips())


def _setup(document: Document, title: str) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = document.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    _font(normal, BODY_FONT, 16)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = Pt(28.95)  # 22 lines a page, as GB/T 9704 asks
    normal.paragraph_format.space_after = Pt(0)
    for name, font, size in ((TITLE_STYLE, TITLE_FONT, 22), (SECTION_STYLE, HEADING_FONT, 16)):
        style = document.styles.add_style(name, 1)  # 1: a paragraph style
        assert isinstance(style, ParagraphStyle)
        style.base_style = normal
        _font(style, font, size)
        style.paragraph_format.keep_with_next = True
    title_style = document.styles[TITLE_STYLE]
    assert isinstance(title_style, ParagraphStyle)
    title_style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title_style.paragraph_format.line_spacing = Pt(40)
    properties = document.core_properties
    properties.title, properties.author, properties.comments = title, "枢纽 Shuniu", ""


def _font(style: ParagraphStyle, east_asia: str, size: float) -> None:
    style.font.name = "Times New Roman"
    style.font.size = Pt(size)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asia)


def _paper(document: Document, bank: Bank) -> None:
    document.add_paragraph(bank.title, style=TITLE_STYLE)
    line = document.add_paragraph("姓名：__________　日期：__________　得分：__________")
    line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for numeral, kind, questions in _sections(bank):
        document.add_paragraph(f"{numeral}、{SECTION_TITLES[kind]}（共 {len(questions)} 题）", style=SECTION_STYLE)
        for number, question in questions:
            _question(document, number, question)


def _sections(bank: Bank) -> list[tuple[str, QuestionType, list[tuple[int, Question]]]]:
    """(一, type, [(number, question)]) in paper order; numbers run on through the paper so the key is unambiguous."""
    sections: list[tuple[str, QuestionType, list[tuple[int, Question]]]] = []
    number = 0
    for kind in TYPE_ORDER:
        questions = [q for q in bank.questions if q.type is kind]
        if questions:
            numbered = [(number + offset, q) for offset, q in enumerate(questions, start=1)]
            number += len(questions)
            sections.append((NUMERALS[len(sections)], kind, numbered))
    return sections


def _question(document: Document, number: int, question: Question) -> None:
    stem = question.stem
    if question.type in (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUEFALSE) and not BLANK.search(stem):
        stem += "（　　）"
    document.add_paragraph(f"{number}. {stem}")
    for letter, text in question.options:
        option = document.add_paragraph(f"{letter}. {text}")
        option.paragraph_format.left_indent = Pt(32)
    if question.type is QuestionType.SHORT:
        for _ in range(ANSWER_LINES):
            _ruled(document.add_paragraph())


def _ruled(paragraph: Paragraph) -> None:
    """A line to write on: the paragraph's bottom border."""
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph.paragraph_format.element.get_or_add_pPr().append(borders)


def _key(content: Content, document: Document, bank: Bank) -> None:
    document.add_paragraph(f"{bank.title}　答案与解析", style=TITLE_STYLE)
    for numeral, kind, questions in _sections(bank):
        document.add_paragraph(f"{numeral}、{SECTION_TITLES[kind]}", style=SECTION_STYLE)
        for number, question in questions:
            label = "参考答案" if kind is QuestionType.SHORT else "答案"
            entry = document.add_paragraph(f"{number}. ")
            entry.add_run(f"{label}：").bold = True
            entry.add_run(answer_text(question))
            explanation = document.add_paragraph()
            explanation.add_run("解析：").bold = True
            explanation.add_run(question.explanation)
            title = source_title(content, question)
            if title:
                explanation.add_run(f"（出处：{title}）")


def _with_fallbacks(font_table: bytes) -> bytes:
    entries = "".join(f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/></w:font>'
                      for name, alt in FALLBACKS.items())
    return font_table.replace(b"</w:fonts>", entries.encode("utf-8") + b"</w:fonts>")
