"""The Excel workbook of a bank: sheet 题库 (one question a row), 题库信息 (the bank's fields) and
说明 (how to fill it in, with one example row per type). ``shuniu quiz template`` writes it empty;
the xlsx export writes it filled, so an exported bank imports back unchanged."""

from __future__ import annotations

import io
import re
from importlib import resources

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from shuniu.export.common import fixed_zip
from shuniu.export.layout import COLUMNS, HELP_SHEET, INFO_FIELDS, INFO_SHEET, OPTION_COLUMNS, SHEET, TYPE_WORDS, column_of
from shuniu.quiz.strings import type_label

WIDTHS = {"题型": 10, "题干": 48, "答案": 18, "解析": 40, "难度": 8, "分值": 8, "标签": 16, "出处": 36, "ID": 26}
WIDTHS.update({name: 20 for name in OPTION_COLUMNS})
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
LAST_ROW = 1048576  # Excel's last row: the drop-down lists cover every row a user may fill
FIXED_TIME = b"2000-01-01T00:00:00Z"  # the file's "modified" date, so equal banks give equal bytes

# Instructions for the 说明 sheet (a text file: lines too long for code).
HELP = resources.files(__package__).joinpath("template_help.txt").read_text(encoding="utf-8").strip()

EXAMPLES = (  # (type, stem, options, answer, explanation, difficulty, points, tags, source)
    ("单选题", "《党政机关公文处理工作条例》自何时起施行？",
     ("2012年4月16日", "2012年7月1日", "2013年1月1日", "2024年7月1日"), "B",
     "条例于 2012 年 4 月 16 日印发，2012 年 7 月 1 日起施行。", 1, "", "条例概况", "study/gongwen-chuli-tiaoli.md#制定与施行"),
    ("多选题", "《党政机关公文处理工作条例》施行后，同时废止的文件有哪些？",
     ("1996 年的《中国共产党机关公文处理条例》", "2000 年的《国家行政机关公文处理办法》", "GB/T 9704—2012《党政机关公文格式》"),
     "AB", "条例施行后，1996 年和 2000 年的两个文件同时废止；GB/T 9704—2012 是现行格式标准。", 2, "", "条例概况", ""),
    ("判断题", "《党政机关公文处理工作条例》已于 2024 年重新印发。", (), "错误",
     "现行条例仍是 2012 年印发的。", 2, "", "条例概况、常见错误", ""),
    ("填空题", "《党政机关公文处理工作条例》共 ____ 章 ____ 条。", (), "8|八;;42|四十二",
     "条例共 8 章 42 条。", 1, 2, "条例概况", ""),
    ("简答题", "简述公文处理工作应当坚持的原则。", (), "实事求是、准确规范、精简高效、安全保密。",
     "见条例第五条。", 2, 10, "处理原则", ""),
)


def new_workbook() -> Workbook:
    """The empty template: 题库 with its header, 题库信息 with its labels, and 说明."""
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = SHEET
    _header(sheet)
    _lists(sheet)
    sheet.freeze_panes = "A2"
    info = workbook.create_sheet(INFO_SHEET)
    _table(info, ("项目", "内容"), [(label, "") for _, label in INFO_FIELDS])
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 12, 60
    _help(workbook.create_sheet(HELP_SHEET))
    return workbook


def put(sheet: Worksheet, row: int, column: int, value: str | int | float) -> None:
    """Write a value as itself: text that starts with '=' stays text, not a formula."""
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    cell.alignment = WRAP


def _header(sheet: Worksheet) -> None:
    for index, name in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index, value=name)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center")
        letter = column_of(name)
        sheet.column_dimensions[letter].width = WIDTHS[name]
        if name not in ("难度", "分值"):
            sheet.column_dimensions[letter].number_format = "@"  # keep 001 and 1/2 as typed, not as numbers or dates


def _lists(sheet: Worksheet) -> None:
    """Drop-down lists for 题型 and 难度; a warning (not a refusal) so the import's other spellings still go in."""
    kinds = ",".join(type_label("zh", kind) for kind in TYPE_WORDS)
    for name, choices, message in (("题型", kinds, "题型应为 单选题、多选题、判断题、填空题、简答题"),
                                   ("难度", "1,2,3", "难度应为 1（易）、2（中）、3（难）")):
        rule = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True, showErrorMessage=True,
                              errorStyle="warning", error=message, errorTitle=name)
        letter = column_of(name)
        rule.add(f"{letter}2:{letter}{LAST_ROW}")
        sheet.add_data_validation(rule)


def _table(sheet: Worksheet, head: tuple[str, ...], rows: list[tuple[str | int, ...]], first: int = 1) -> None:
    for index, name in enumerate(head, start=1):
        cell = sheet.cell(row=first, column=index, value=name)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
    for offset, values in enumerate(rows, start=1):
        for index, value in enumerate(values, start=1):
            put(sheet, first + offset, index, value)


def _help(sheet: Worksheet) -> None:
    lines = HELP.splitlines()
    for row, line in enumerate(lines, start=1):
        sheet.cell(row=row, column=1, value=line).font = Font(bold=row == 1, size=14 if row == 1 else 11)
    rows = [(kind, stem, *options, *[""] * (len(OPTION_COLUMNS) - len(options)), answer, why, level, points, tags, source, "")
            for kind, stem, options, answer, why, level, points, tags, source in EXAMPLES]
    _table(sheet, COLUMNS, rows, first=len(lines) + 2)
    for name in COLUMNS:
        sheet.column_dimensions[column_of(name)].width = WIDTHS[name]


def workbook_bytes(workbook: Workbook) -> bytes:
    """The saved workbook, with fixed dates so the same bank always gives the same bytes."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return fixed_zip(buffer.getvalue(), {"docProps/core.xml": _fixed_dates})


def _fixed_dates(core: bytes) -> bytes:
    return re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + FIXED_TIME, core)
