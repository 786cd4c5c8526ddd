"""Excel export in the import template's layout: ``shuniu quiz import`` reads it back unchanged."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.worksheet.worksheet import Worksheet

from shuniu.export.common import Export, Skips
from shuniu.export.excel_template import new_workbook, put, workbook_bytes
from shuniu.export.layout import INFO_SHEET, SHEET, TAG_JOIN, question_row, type_points_cell
from shuniu.model import Content
from shuniu.quiz.model import Bank


def export(content: Content, banks: Sequence[Bank]) -> Export:
    """One bank per workbook (the layout has no bank column): ``banks`` holds exactly one."""
    if len(banks) != 1:
        raise ValueError("an Excel export holds exactly one bank")
    bank = banks[0]
    workbook = new_workbook()
    sheet = workbook[SHEET]
    for row, question in enumerate(bank.questions, start=2):
        for column, value in enumerate(question_row(question), start=1):
            put(sheet, row, column, value)
    _info(workbook[INFO_SHEET], bank)
    return Export(workbook_bytes(workbook), len(bank.questions), Skips())


def _info(sheet: Worksheet, bank: Bank) -> None:
    values: tuple[str | int, ...] = (bank.id, bank.title, bank.description, TAG_JOIN.join(bank.tags), bank.pass_mark,
                                     type_points_cell(bank))
    for row, value in enumerate(values, start=2):
        put(sheet, row, 2, value)
