"""``shuniu quiz import FILE.docx``: a Word paper to a bank file, through the Excel import.

:mod:`shuniu.export.docx_read` turns the paragraphs into the cells of one "row" per question;
then the Excel import's row reader, id scheme, project checks and writer do the rest, so both
imports accept the same spellings and give the same messages, here placed as ``FILE:段落 N``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from shuniu.export.docx_read import HEADER, Draft, Paper, ParagraphReader, paragraphs, read_paper
from shuniu.export.excel_import import BankFields, Imported, SheetData, import_sheet
from shuniu.export.excel_read import CellProblem, Header
from shuniu.export.excel_rows import RowReader
from shuniu.model import Content


@dataclass(frozen=True)
class ParagraphProblem(CellProblem):
    """A problem at a paragraph of a Word file."""

    def render(self, file: str) -> str:
        """``paper.docx:段落 12: message``."""
        return f"{file}:段落 {self.row}: {self.message}"


class NotWord(Exception):
    """The file is not a Word .docx document (python-docx cannot open it)."""


def read_document(path: Path) -> tuple[Paper, SheetData]:
    """The paper in ``path`` and its questions as the rows the Excel import reads."""
    if path.is_dir():
        raise NotWord("不是 Word 文档（.docx）：这是一个文件夹")
    if not path.is_file():
        raise NotWord("找不到这个文件")
    try:
        texts = paragraphs(path)
    except Exception as error:  # python-docx raises zip, XML and package errors alike
        raise NotWord(f"不是 Word 文档（.docx），无法打开（{type(error).__name__}）。"
                      "旧版 .doc 文件请在 Word 或 WPS 中“另存为” .docx 后再导入") from None
    paper = read_paper(texts)
    rows = [(draft.start, dict(draft.cells)) for draft in paper.drafts]
    info = {"title": paper.title} if paper.title else {}
    return paper, SheetData("", HEADER, rows, info, {"title": paper.title_paragraph})


def import_document(paper: Paper, data: SheetData, bank: BankFields, content: Content) -> Imported:
    """The bank made of the paper's questions; every problem placed at its paragraph.

    A question with a paragraph that fits nowhere is bad as a whole (left out with --skip-bad).
    """
    drafts: dict[int, Draft] = {draft.start: draft for draft in paper.drafts}
    unreadable = {_question_of(problem.row, paper) for problem in paper.problems}

    def reader_of(sheet: str, number: int, cells: dict[str, str], header: Header) -> RowReader:
        return ParagraphReader(drafts[number], cells)

    readable = dataclasses.replace(data, rows=[row for row in data.rows if row[0] not in unreadable])
    result = import_sheet(readable, bank, content, reader_of)
    problems = [*paper.problems, *result.problems]
    result.problems = sorted((ParagraphProblem("", p.row, "", p.message) for p in problems), key=lambda p: p.row)
    result.bad_rows = {_question_of(problem.row, paper) for problem in problems}
    return result


def _question_of(paragraph: int, paper: Paper) -> int:
    """The first paragraph of the question a paragraph belongs to (0 before the first question)."""
    return max((draft.start for draft in paper.drafts if draft.start <= paragraph), default=0)
