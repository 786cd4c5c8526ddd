"""Reading an Excel bank: the sheet, its header row (the template's column names and common
variants), the cells as text, and the 题库信息 sheet. Problems name sheet, row and column."""

from __future__ import annotations

import datetime
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from shuniu.export.layout import INFO_SHEET, SHEET

HEADER_SEARCH = 10  # the header may sit below a title row or two
REQUIRED = ("type", "stem", "answer", "explanation")
NAMES = {"type": "题型", "stem": "题干", "answer": "答案", "explanation": "解析"}
HEADER_WORDS = {
    "type": ("题型", "题目类型", "试题类型", "类型", "type"),
    "stem": ("题干", "题目", "试题", "题目内容", "试题内容", "问题", "stem", "question"),
    "options": ("选项", "选项内容", "备选项", "答案选项", "所有选项", "options", "choices"),  # all options in one cell
    "answer": ("答案", "正确答案", "标准答案", "参考答案", "answer"),
    "explanation": ("解析", "答案解析", "试题解析", "解释", "explanation"),
    "difficulty": ("难度", "难易度", "难易程度", "difficulty"),
    "tags": ("标签", "知识点", "tags", "tag"),
    "points": ("分值", "分数", "每题分值", "题目分值", "试题分值", "points", "score"),
    "source": ("出处", "来源", "source"),
    "id": ("id", "编号", "试题id", "题目id", "试题编号", "题目编号"),
}
INFO_WORDS = {"id": ("题库id", "id"), "title": ("题库名称", "名称", "标题", "title"),
              "description": ("简介", "说明", "description"), "tags": ("标签", "tags"), "pass_mark": ("及格线", "pass_mark"),
              "points": ("各题型分值", "题型分值", "分值", "points")}
SHEET_WORDS = ("工作表", "sheet")  # the 题库信息 row naming each bank's sheet (a workbook of several banks)
_OPTION = re.compile(r"^(?:选项|option)?([a-h])$")
NOT_XLSX = "不是 Excel 工作簿（.xlsx）"
FORMULA = "公式单元格：导入只读取填写的内容，不计算公式。请换成它的结果（复制后“选择性粘贴 → 数值”）"
# (rows, how many) -> the same rows: the CLI passes one that shows a progress bar on big sheets.
Progress = Callable[[Iterable[Any], int], Iterable[Any]]


class NotAWorkbook(Exception):
    """The file cannot be opened as an .xlsx workbook; the message says why and what to do."""


def open_workbook(path: Path) -> Workbook:
    """The workbook in ``path`` (formulas as formulas, merged cells known); NotAWorkbook when it is none."""
    if path.is_dir():
        raise NotAWorkbook(f"{NOT_XLSX}：这是一个文件夹")
    try:
        with path.open("rb") as file:
            head = file.read(8)
    except FileNotFoundError:
        raise NotAWorkbook("找不到这个文件") from None
    except OSError as error:
        raise NotAWorkbook(f"无法读取：{error.strerror}") from None
    if not head:
        raise NotAWorkbook(f"{NOT_XLSX}：文件是空的")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise NotAWorkbook(f"{NOT_XLSX}：这是旧版 Excel 97-2003 文件（.xls）或加密的工作簿。"
                           "请在 Excel 或 WPS 中取消密码并“另存为” .xlsx 后再导入")
    if not head.startswith(b"PK") and path.suffix.lower() in (".csv", ".txt"):
        raise NotAWorkbook(f"{NOT_XLSX}：这是文本文件（{path.suffix.lower()}）。"
                           "请在 Excel 或 WPS 中打开，“另存为” .xlsx 后再导入")
    if not head.startswith(b"PK"):
        raise NotAWorkbook(f"{NOT_XLSX}：文件内容不是 .xlsx 格式（可能是改了扩展名的其他文件）。"
                           "请在 Excel 或 WPS 中“另存为” .xlsx")
    other = _other_office_file(path)
    if other:
        raise NotAWorkbook(f"{NOT_XLSX}：{other}")
    try:
        with path.open("rb") as file:  # a file object: openpyxl then does not judge by the extension
            return load_workbook(file, data_only=False)
    except Exception as error:  # noqa: BLE001 - a damaged or foreign zip: openpyxl fails in many ways (BadZipFile, KeyError...)
        raise NotAWorkbook(f"{NOT_XLSX}：无法作为工作簿打开（{type(error).__name__}），文件可能已损坏，"
                           "或是其他程序的压缩文件") from None


def _other_office_file(path: Path) -> str | None:
    """What a zip that is no workbook is, when it is another office file people mistake for one."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        return None  # damaged: openpyxl's error says so below
    if "xl/workbook.xml" in names:
        return None
    if mimetype.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
        return "这是 OpenDocument 表格（.ods，WPS 或 LibreOffice 的格式）。请“另存为” Excel 工作簿（.xlsx）后再导入"
    if "word/document.xml" in names or mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
        return "这是 Word 文档，不是表格。Word 试卷请以 .docx 为扩展名导入（shuniu quiz import 试卷.docx）"
    return None


def _merged_message(reference: str) -> str:
    return f"合并单元格（{reference}）：导入逐行读取，请取消合并，把内容填入每一行各自的单元格"


def sheet_values(sheet: Worksheet, progress: Progress = lambda rows, count: rows
                 ) -> tuple[list[tuple[Any, ...]], dict[tuple[int, int], str]]:
    """The sheet's values row by row (a formula as empty), and the cells that cannot be read as they look:
    (Excel row, 0-based column) -> why (a formula, a merged range)."""
    special = {(row, column - 1): _merged_message(merged.coord)
               for merged in sheet.merged_cells.ranges
               for row in range(merged.min_row, merged.max_row + 1) for column in range(merged.min_col, merged.max_col + 1)}
    rows = []
    for cells in progress(sheet.iter_rows(), sheet.max_row or 0):
        values = []
        for cell in cells:
            formula = isinstance(cell, Cell) and cell.data_type == "f"
            if formula:
                special[(cell.row, cell.column - 1)] = FORMULA
            values.append(None if formula else cell.value)
        rows.append(tuple(values))
    return rows, special


@dataclass(frozen=True)
class CellProblem:
    """A problem at a cell (or a row, when ``column`` is empty) of a sheet."""

    sheet: str
    row: int
    column: str
    message: str

    def render(self, file: str) -> str:
        """``bank.xlsx:题库!7:K: message`` (the column is left out for a whole row)."""
        place = f"{self.row}:{self.column}" if self.column else f"{self.row}"
        return f"{file}:{self.sheet}!{place}: {self.message}"


class SheetProblems(Exception):
    """The sheet cannot be read at all (no header, missing columns): nothing is imported."""

    def __init__(self, problems: list[CellProblem]) -> None:
        super().__init__("; ".join(problem.message for problem in problems))
        self.problems = problems


def cell_text(value: Any) -> str:
    """A cell as the text a person sees in it (2.0 as 2, a date as 2025-03-01)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time(0) else value.isoformat(" ")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").strip()


def header_key(text: str) -> str | None:
    """The field a header names: "题干" and "题目（必填）" are both "stem", "选项A" and "A" are "A"."""
    name = unicodedata.normalize("NFKC", text).lower()
    name = re.sub(r"\s+|\*|\(.*?\)", "", name)
    option = _OPTION.match(name)
    if option:
        return option.group(1).upper()
    return next((key for key, words in HEADER_WORDS.items() if name in words), None)


@dataclass(frozen=True)
class Header:
    """The header row of the question sheet: where each field's column is."""

    row: int
    columns: dict[str, int]  # field ("stem", "A", ...) -> 0-based column index
    ignored: tuple[str, ...]  # headers of unused columns, as "序号（A 列）"

    def letter(self, key: str) -> str:
        return get_column_letter(self.columns[key] + 1) if key in self.columns else ""


def question_sheet(workbook: Workbook) -> str:
    """The sheet named 题库, else the first one."""
    return SHEET if SHEET in workbook.sheetnames else workbook.sheetnames[0]


def find_header(sheet: str, rows: list[tuple[Any, ...]]) -> Header:
    """The first of the top rows naming two known fields; raises SheetProblems when there is none or it lacks a column."""
    for number, values in enumerate(rows[:HEADER_SEARCH], start=1):
        keys = [header_key(cell_text(value)) for value in values]
        if sum(1 for key in keys if key) >= 2:
            return _header(sheet, number, values, keys)
    raise SheetProblems([CellProblem(sheet, 1, "", f"找不到表头：前 {HEADER_SEARCH} 行中没有一行含有 题型、题干、答案 等列名")])


def _header(sheet: str, number: int, values: tuple[Any, ...], keys: list[str | None]) -> Header:
    columns: dict[str, int] = {}
    problems = []
    ignored = []
    for index, key in enumerate(keys):
        if key is None:
            if cell_text(values[index]):
                ignored.append(f"{cell_text(values[index])}（{get_column_letter(index + 1)} 列）")
        elif key in columns:
            first = get_column_letter(columns[key] + 1)
            problems.append(CellProblem(sheet, number, get_column_letter(index + 1),
                                        f"列“{cell_text(values[index])}”与 {first} 列重复"))
        else:
            columns[key] = index
    problems += [CellProblem(sheet, number, "", f"缺少“{NAMES[key]}”列") for key in REQUIRED if key not in columns]
    if problems:
        raise SheetProblems(problems)
    return Header(number, columns, tuple(ignored))


def data_rows(rows: list[tuple[Any, ...]], header: Header) -> Iterator[tuple[int, dict[str, str]]]:
    """(Excel row number, field -> text) for each row under the header that is not blank."""
    for number, values in enumerate(rows[header.row:], start=header.row + 1):
        cells = {key: cell_text(values[index]) if index < len(values) else "" for key, index in header.columns.items()}
        if any(cells.values()):
            yield number, cells


def bank_sheets(workbook: Workbook) -> tuple[list[tuple[str, int]], list[CellProblem]]:
    """(question sheet, 0-based 题库信息 column) of each bank in the workbook, and what is wrong there.

    A workbook of several banks names each bank's sheet in the 工作表 row of 题库信息, one column
    per bank (the bank id is there too, so a sheet name cut to Excel's 31 characters loses nothing);
    any other workbook holds one bank: sheet 题库 (else the first), described in column B.
    """
    if INFO_SHEET not in workbook.sheetnames:
        return [(question_sheet(workbook), 1)], []
    rows = list(workbook[INFO_SHEET].iter_rows(values_only=True))
    number = next((number for number, row in enumerate(rows, start=1) if row and _info_label(row[0]) in SHEET_WORDS), None)
    if number is None:
        return [(question_sheet(workbook), 1)], []
    banks: list[tuple[str, int]] = []
    problems = []
    for column, value in enumerate(rows[number - 1][1:], start=1):
        name, place = cell_text(value), get_column_letter(column + 1)
        if not name:
            continue
        if name not in workbook.sheetnames or name == INFO_SHEET:
            problems.append(CellProblem(INFO_SHEET, number, place, f"工作表“{name}”不存在"))
        elif name in (sheet for sheet, _ in banks):
            problems.append(CellProblem(INFO_SHEET, number, place, f"工作表“{name}”已在前面的列中列出"))
        else:
            banks.append((name, column))
    if not banks and not problems:
        problems.append(CellProblem(INFO_SHEET, number, "B", "“工作表”一行没有填写题库所在的工作表"))
    return banks, problems


def _info_label(value: Any) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", cell_text(value))).lower()


def read_info(workbook: Workbook, column: int = 1) -> tuple[dict[str, str], dict[str, int], list[CellProblem]]:
    """The 题库信息 sheet's ``column`` (0-based; labels are in column A) as field -> text,
    field -> row (for messages), and its formula cells; empty without that sheet."""
    if INFO_SHEET not in workbook.sheetnames:
        return {}, {}, []
    values: dict[str, str] = {}
    rows: dict[str, int] = {}
    rows_read, special = sheet_values(workbook[INFO_SHEET])
    problems = [CellProblem(INFO_SHEET, row, get_column_letter(at + 1), message)
                for (row, at), message in sorted(special.items()) if at == column and message == FORMULA]
    for number, row in enumerate(rows_read, start=1):
        label = _info_label(row[0] if row else None)
        key = next((key for key, words in INFO_WORDS.items() if label in words), None)
        if key and len(row) > column and cell_text(row[column]):
            values[key], rows[key] = cell_text(row[column]), number
    return values, rows, problems
