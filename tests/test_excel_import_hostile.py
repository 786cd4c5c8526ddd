"""`shuniu quiz import` on files that are not .xlsx workbooks, and on sheets with formula and merged
cells: one exact message naming the file (or FILE:SHEET!ROW:COLUMN), exit 1, never a traceback."""

from __future__ import annotations

import os
import zipfile

import pytest
from openpyxl import Workbook

from shuniu.export.excel_read import FORMULA
from shuniu.export.layout import COLUMNS
from tests.test_excel_import import import_file, row, sheet_file

NOT_ZIP = "不是 Excel 工作簿（.xlsx）：文件内容不是 .xlsx 格式（可能是改了扩展名的其他文件）。请在 Excel 或 WPS 中“另存为” .xlsx"
OLD_XLS = ("不是 Excel 工作簿（.xlsx）：这是旧版 Excel 97-2003 文件（.xls）或加密的工作簿。"
           "请在 Excel 或 WPS 中取消密码并“另存为” .xlsx 后再导入")


def damaged(error: str) -> str:
    return f"不是 Excel 工作簿（.xlsx）：无法作为工作簿打开（{error}），文件可能已损坏，或是其他程序的压缩文件"


def fails_with(tmp_path, file, message):
    result = import_file(file, tmp_path / "out.yml", tmp_path)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert (result.exit_code, result.stdout) == (1, f"{file}: {message}\n")
    assert result.stderr == "1 problem(s); nothing written\n"
    assert not (tmp_path / "out.yml").exists()


@pytest.mark.parametrize(("name", "content", "message"), [
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), OLD_XLS),
    ("old-named.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), OLD_XLS),
    ("text.xlsx", "题型,题干\n单选题,哪一项？\n".encode(), NOT_ZIP),
    ("random.xlsx", b"r" + os.urandom(4096), NOT_ZIP),
    ("empty.xlsx", b"", "不是 Excel 工作簿（.xlsx）：文件是空的"),
])
def test_files_that_are_not_workbooks(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    fails_with(tmp_path, path, message)


def test_a_zip_that_is_not_a_workbook_and_a_truncated_workbook(tmp_path):
    other = tmp_path / "other.xlsx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    fails_with(tmp_path, other, damaged("KeyError"))
    good = sheet_file(tmp_path / "good.xlsx", [row("判断题", "对吗？", (), "对")])
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[:300])
    fails_with(tmp_path, cut, damaged("BadZipFile"))


def test_a_missing_file_and_a_folder(tmp_path):
    fails_with(tmp_path, tmp_path / "nowhere.xlsx", "找不到这个文件")
    (tmp_path / "folder.xlsx").mkdir()
    fails_with(tmp_path, tmp_path / "folder.xlsx", "不是 Excel 工作簿（.xlsx）：这是一个文件夹")


def test_a_workbook_named_xls_is_read_by_its_content(tmp_path):
    path = sheet_file(tmp_path / "bank.xls", [row("判断题", "对吗？", (), "对")])
    result = import_file(path, tmp_path / "bank.yml", tmp_path)
    assert result.exit_code == 0, result.output


def test_formula_and_merged_cells_are_named_as_such(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "题库"
    sheet.append(list(COLUMNS))
    sheet.append(row("单选题", "=CONCAT(\"哪一\",\"项？\")", ("甲", "乙"), "A"))  # row 2: a formula stem
    sheet.append(row("判断题", "对吗？", (), "对", explanation="解析甲。"))  # rows 3-4 share a merged 解析
    sheet.append(row("判断题", "错吗？", (), "错", explanation=None))
    sheet.merge_cells("L3:L4")
    sheet.append(row("判断题", "好题？", (), "=1=1"))  # row 5: a formula answer
    sheet["Q6"] = "=1+1"  # outside the columns read: ignored
    sheet.append(row("判断题", "也对？", (), "对"))
    path = tmp_path / "f.xlsx"
    workbook.save(path)
    result = import_file(path, tmp_path / "f.yml", tmp_path)
    merged = "合并单元格（L3:L4）：导入逐行读取，请取消合并，把内容填入每一行各自的单元格"
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}:题库!2:B: {FORMULA}", f"{path}:题库!3:L: {merged}", f"{path}:题库!4:L: {merged}", f"{path}:题库!5:K: {FORMULA}",
    ]


def test_a_formula_on_the_info_sheet_is_named(tmp_path):
    path = sheet_file(tmp_path / "i.xlsx", [row("判断题", "对吗？", (), "对")],
                      info=[("项目", "内容"), ("题库ID", "ti-ku"), ("题库名称", "=A1&\"题库\"")])
    result = import_file(path, tmp_path / "out", tmp_path)
    assert (result.exit_code, result.stdout) == (1, f"{path}:题库信息!3:B: {FORMULA}\n")
