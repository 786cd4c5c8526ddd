"""`shuniu quiz import` on workbooks laid out as exam systems (问卷星, 考试星 and the like) lay them
out: 不定项选择题, every option in one cell, answers given as an option's text, 分值, a title
row and a sheet named Sheet1; one workbook made by LibreOffice from a CSV a clerk exported, and
files that are no workbook (an .ods saved by LibreOffice, a Word file, a CSV) refused by name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from shuniu.cli import main
from shuniu.export.excel_choices import split_options
from shuniu.export.layout import INDEFINITE_TAG
from tests.export_sample import sample_root
from tests.test_excel_import import import_file, loaded
from tests.test_excel_workbook import libreoffice

HEADER = ["序号", "题目类型", "题目内容", "选项", "正确答案", "答案解析", "分值"]
TITLE = ["2026 年办公室业务知识题库（考试星导入格式）"]


def system_file(path: Path, rows: list[list[Any]], header: list[str] = HEADER, merge: str = "") -> Path:
    """A workbook as an exam system's template: a title row, the header, the rows, on sheet Sheet1."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    for values in [TITLE, header, *rows]:
        sheet.append(values)
    if merge:
        sheet.merge_cells(merge)
    workbook.save(path)
    return path


GOOD = [
    [1, "不定项选择题", "公文的“三定”工作包括哪些？", "A.定密级 B.定期限 C.定发文字号 D.定知悉范围", "ABD",
     "定密级、保密期限和知悉范围。", 2],
    [2, "不定项选择", "发文机关标志用什么颜色？", "A、红色|B、黑色|C、蓝色", "A", "套红印制。", "2分"],
    [3, "单选题", "公文处理条例自何时起施行？", "A.2012年4月16日 B.2012年7月1日 C.2013年1月1日", "2012年7月1日",
     "2012 年 7 月 1 日起施行。", 1],
    [4, "多选题", "哪些属于公文种类？", "Ａ．决议\nＢ．便条\nＣ．通知\nＤ．会议记录", "决议|通知", "决议和通知是法定公文。", 2],
    [5, "多选", "哪些属于党政机关公文？", "（A）请示；（B）批复；（C）签报；（D）函；（E）纪要；（F）便函",
     "请示、批复、函、纪要", "签报和便函不是条例规定的文种。", 3],
    [6, "判断题", "公文的标题可以不写发文机关。", "", "对", "可以省略发文机关。", 1],
]


def test_system_layouts_import_with_their_meaning(tmp_path):
    root = sample_root(tmp_path / "root")
    out = root / "quizzes" / "kaoshi.yml"
    result = import_file(system_file(tmp_path / "考试星.xlsx", GOOD), out, root)
    assert result.exit_code == 0, result.output
    assert result.stderr == "忽略的列：序号（A 列）\n"
    bank = loaded(out)
    assert [(q.type.value, q.answer, str(q.points)) for q in bank.questions] == [
        ("multiple", ("A", "B", "D"), "2"), ("single", "A", "2"), ("single", "B", "1"), ("multiple", ("A", "C"), "2"),
        ("multiple", ("A", "B", "D", "E"), "3"), ("truefalse", True, "1")]
    assert bank.questions[0].options == (("A", "定密级"), ("B", "定期限"), ("C", "定发文字号"), ("D", "定知悉范围"))
    assert bank.questions[3].options == (("A", "决议"), ("B", "便条"), ("C", "通知"), ("D", "会议记录"))
    assert [letter for letter, _ in bank.questions[4].options] == list("ABCDEF")
    # 不定项: the bank keeps what it was (one right option is a single choice, but tagged)
    assert [q.tags for q in bank.questions[:3]] == [(INDEFINITE_TAG,), (INDEFINITE_TAG,), ()]
    # exported for the exam system again, they say 不定项选择题, and come back the same
    again = tmp_path / "kaoshi.xlsx"
    result = CliRunner().invoke(main, ["quiz", "export", "--format", "xlsx", "--bank", "kaoshi", "-o", str(again),
                                         "--root", str(root)])
    assert result.exit_code == 0, result.output
    types = [row[0] for row in load_workbook(again)["题库"].iter_rows(min_row=2, values_only=True)]
    assert types == ["不定项选择题", "不定项选择题", "单选题", "多选题", "多选题", "判断题"]
    assert import_file(again, tmp_path / "back" / "kaoshi.yml", root).exit_code == 0
    # The whole file comes back: a bank without pass_mark does not gain the default's 60 on the way.
    assert (tmp_path / "back" / "kaoshi.yml").read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


BAD = [
    [1, "单选题", "文字答案对不上？", "A.甲 B.乙", "丙", "解析。", 1],                         # 3
    [2, "单选题", "文字答案两个选项一样？", "A.同 B.同 C.异", "同", "解析。", 1],             # 4
    [3, "多选题", "选项前有字？", "选项：A.甲 B.乙", "AB", "解析。", 2],                       # 5
    [4, "多选题", "空选项？", "A.甲 B. C.丙", "AC", "解析。", 2],                             # 6
    [5, "单选题", "一个选项？", "A.只有一个", "A", "解析。", 1],                               # 7
    [6, "不定项选择题", "答案不是选项？", "A.甲 B.乙", "AE", "解析。", 2],                    # 8
    [7, "填空题", "填空带选项 ____。", "A.甲 B.乙", "甲", "解析。", 1],                        # 9
    [8, "多选题", "分不清的文字答案？", "A.甲、乙 B.甲 C.乙 D.丙", "甲、乙、丙", "解析。", 2],  # 10
    [9, "单选题", "选项写不出来？", "甲；乙；丙", "甲", "解析。", 1],                           # 11
]
CHOICE_SHAPE = "应写成 A.选项一 B.选项二（或 A、选项一|B、选项二，一行一个也可以）"
BAD_MESSAGES = [
    "Sheet1!3:E: 答案应为选项字母（如 B）或选项的原文：答案“丙”既不是选项字母，也与任何选项的内容不同（按选项原文比较）",
    "Sheet1!4:E: 答案应为选项字母（如 B）或选项的原文：答案“同”与选项A、B的内容相同，无法确定是哪一个：请写选项字母",
    f"Sheet1!5:D: 选项A前面有其他文字“选项：”：{CHOICE_SHAPE}",
    f"Sheet1!6:D: 选项B为空：{CHOICE_SHAPE}",
    "Sheet1!7:D: 单选题至少要有两个选项，只找到选项A",
    "Sheet1!8:E: 选项E为空，但答案是E",
    "Sheet1!9:D: 填空题不用选项，请清空这一格",
    "Sheet1!10:E: 答案应为选项字母（如 AC、A,C 或 A、C）或选项的原文："
    "答案“甲、乙、丙”可以有几种分法（选项“甲、乙”本身含有分隔符）：请写选项字母",
    f"Sheet1!11:D: 选项无法识别：{CHOICE_SHAPE}",
]


def test_every_bad_cell_of_a_system_layout_is_named(tmp_path):
    file = system_file(tmp_path / "bad.xlsx", BAD)
    out = tmp_path / "bad.yml"
    result = import_file(file, out, sample_root(tmp_path / "root"))
    assert result.exit_code == 1 and not out.exists()
    assert result.stdout.splitlines() == [f"{file}:{message}" for message in BAD_MESSAGES]


def test_options_in_a_cell_and_in_columns_at_once_and_a_merged_options_cell(tmp_path):
    header = [*HEADER, "A", "B"]
    rows = [[1, "单选题", "两种写法？", "A.甲 B.乙", "A", "解析。", 1, "甲", "乙"],
            [2, "单选题", "合并一？", "A.甲 B.乙", "A", "解析。", 1],
            [3, "单选题", "合并二？", None, "B", "解析。", 1]]
    file = system_file(tmp_path / "m.xlsx", rows, header, merge="D4:D5")
    result = import_file(file, tmp_path / "m.yml", sample_root(tmp_path / "root"))
    merged = "合并单元格（D4:D5）：导入逐行读取，请取消合并，把内容填入每一行各自的单元格"
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"{file}:Sheet1!3:D: 选项既写在这一格，又写在选项A列：只用一种写法",
                                          f"{file}:Sheet1!4:D: {merged}", f"{file}:Sheet1!5:D: {merged}"]


@pytest.mark.parametrize(("text", "options"), [
    ("A.甲 B.乙 C.丙", {"A": "甲", "B": "乙", "C": "丙"}),
    ("A、甲|B、乙", {"A": "甲", "B": "乙"}),
    ("A:甲；B：乙", {"A": "甲", "B": "乙"}),
    ("A) 甲\r\nB) 乙", {"A": "甲", "B": "乙"}),
    ("A.依据 GB/T 9704 C.2 条 B.乙", {"A": "依据 GB/T 9704 C.2 条", "B": "乙"}),  # C out of turn is text
    ("A.甲 B.乙 C.丙 D.丁 E.戊 F.己 G.庚 H.辛", dict(zip("ABCDEFGH", "甲乙丙丁戊己庚辛", strict=True))),
])
def test_one_cell_option_lists(text, options):
    assert split_options(text) == (options, None)


CSV = """题目类型,题目内容,选项,正确答案,答案解析,分值
不定项选择题,哪些属于公文的密级？,"A.绝密
B.机密
C.秘密
D.内部",ABC,"绝密、机密、秘密三级。",2
单选题,印章由谁保管？,A.专人 B.任何人,专人,专人保管。,1
判断题,公文可以不标注页码。,,错,"应标注页码。",1
"""


def test_a_workbook_libreoffice_made_from_a_csv_imports(tmp_path):
    csv = tmp_path / "导出.csv"
    csv.write_text(CSV, encoding="utf-8")
    libreoffice(tmp_path, "xlsx", csv, tmp_path / "made", "--infilter=CSV:44,34,76,1")
    file = tmp_path / "made" / "导出.xlsx"
    out = tmp_path / "daochu.yml"
    result = import_file(file, out, sample_root(tmp_path / "root"))
    assert result.exit_code == 0, result.output
    bank = loaded(out)
    assert [(q.type.value, q.answer, str(q.points)) for q in bank.questions] == [
        ("multiple", ("A", "B", "C"), "2"), ("single", "A", "1"), ("truefalse", False, "1")]
    assert bank.questions[0].options[3] == ("D", "内部") and bank.questions[0].tags == (INDEFINITE_TAG,)


def test_files_people_take_for_workbooks_are_refused_by_name(tmp_path):
    good = system_file(tmp_path / "good.xlsx", GOOD)
    libreoffice(tmp_path, "ods", good, tmp_path)
    cases = {tmp_path / "good.ods": "这是 OpenDocument 表格（.ods，WPS 或 LibreOffice 的格式）。"
                                    "请“另存为” Excel 工作簿（.xlsx）后再导入"}
    csv = tmp_path / "bank.csv"
    csv.write_text(CSV, encoding="utf-8")
    cases[csv] = "这是文本文件（.csv）。请在 Excel 或 WPS 中打开，“另存为” .xlsx 后再导入"
    word = tmp_path / "paper.xlsx"
    document = docx.Document()
    document.add_paragraph("1. 题干")
    document.save(word)
    cases[word] = "这是 Word 文档，不是表格。Word 试卷请以 .docx 为扩展名导入（shuniu quiz import 试卷.docx）"
    for file, message in cases.items():
        result = import_file(file, tmp_path / "x.yml", tmp_path)
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert (result.exit_code, result.stdout) == (1, f"{file}: 不是 Excel 工作簿（.xlsx）：{message}\n")
        assert not (tmp_path / "x.yml").exists()
