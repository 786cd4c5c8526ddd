"""Excel export in the import template's layout: ``shuniu quiz import`` reads it back unchanged.

One bank: sheets 题库, 题库信息 (its fields in column B) and 说明, as the template. Several banks
(``-o all.xlsx``): a sheet per bank named after its title (Excel-safe, at most 31 characters,
unique), and 题库信息 with a column per bank whose 工作表 row names that bank's sheet, so the
bank id and the full title are kept whatever the sheet name had to lose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from shuniu.export.common import Export, Skips
from shuniu.export.excel_template import new_workbook, put, workbook_bytes
from shuniu.export.layout import HELP_SHEET, INFO_SHEET, SHEET, TAG_JOIN, question_row, type_points_cell
from shuniu.model import Content
from shuniu.quiz.model import Bank

SHEET_LABEL = "工作表"  # the 题库信息 row naming each bank's sheet (read by excel_read.bank_sheets)
NAME_LIMIT = 31  # Excel's longest sheet name, in UTF-16 units
# Excel refuses []:*?/\ in sheet names: their full-width forms read the same in a Chinese title
_FULL_WIDTH = str.maketrans({char: chr(ord(char) + 0xFEE0) for char in "[]:*?/\\"})
_CONTROL = re.compile(r"[\x00-\x1f]")


def export(content: Content, banks: Sequence[Bank]) -> Export:
    """One workbook of ``banks``: the template's layout for one, a sheet per bank for several."""
    if not banks:
        raise ValueError("an Excel export holds at least one bank")
    workbook = new_workbook()
    if len(banks) == 1:
        _questions(workbook[SHEET], banks[0])
        _info(workbook[INFO_SHEET], banks[0], 2, first_row=2)
    else:
        _several(workbook, banks)
    return Export(workbook_bytes(workbook), sum(len(bank.questions) for bank in banks), Skips())


def _several(workbook: Workbook, banks: Sequence[Bank]) -> None:
    template = workbook[SHEET]
    info = workbook[INFO_SHEET]
    info.insert_rows(2)
    put(info, 2, 1, SHEET_LABEL)
    names: list[str] = [INFO_SHEET, HELP_SHEET, "History"]  # "History": reserved by Excel
    for index, bank in enumerate(banks):
        sheet = workbook.copy_worksheet(template)
        sheet.title = sheet_name(bank.title or bank.id, names)
        names.append(sheet.title)
        sheet.freeze_panes = template.freeze_panes
        for rule in template.data_validations.dataValidation:
            sheet.add_data_validation(rule)
        workbook.move_sheet(sheet, offset=index - workbook.index(sheet))
        _questions(sheet, bank)
        column = index + 2
        put(info, 2, column, sheet.title)
        _info(info, bank, column, first_row=3)
        info.column_dimensions[info.cell(row=1, column=column).column_letter].width = 40
        put(info, 1, column, "内容")
    workbook.remove(template)


def sheet_name(title: str, taken: list[str]) -> str:
    """``title`` as an Excel sheet name: ``[]:*?/\\`` in their full-width forms, no leading or trailing apostrophe, at most
    31 UTF-16 units, and unlike every name in ``taken`` (Excel compares them without case)."""
    name = _CONTROL.sub("", title.translate(_FULL_WIDTH)).strip().strip("'") or "题库"
    used = {other.casefold() for other in taken}
    for number in range(1, len(taken) + 2):
        suffix = f"({number})" if number > 1 else ""
        candidate = _cut(name, NAME_LIMIT - len(suffix)).rstrip("'") + suffix
        if candidate.casefold() not in used:
            return candidate
    raise AssertionError("unreachable: one of len(taken) + 1 suffixes is free")


def _cut(text: str, units: int) -> str:
    """The longest start of ``text`` that is at most ``units`` UTF-16 units long."""
    while len(text.encode("utf-16-le")) // 2 > units:
        text = text[:-1]
    return text


def _questions(sheet: Worksheet, bank: Bank) -> None:
    for row, question in enumerate(bank.questions, start=2):
        for column, value in enumerate(question_row(question), start=1):
            put(sheet, row, column, value)


def _info(sheet: Worksheet, bank: Bank, column: int, first_row: int) -> None:
    # A bank that leaves its pass mark to the default gets a blank cell: imported back, it still has none.
    pass_mark: str | int = bank.pass_mark if bank.pass_mark_written else ""
    values: tuple[str | int, ...] = (bank.id, bank.title, bank.description, TAG_JOIN.join(bank.tags), pass_mark,
                                     type_points_cell(bank))
    for row, value in enumerate(values, start=first_row):
        put(sheet, row, column, value)
