"""`shuniu quiz template` and `shuniu quiz import`: the template, the variants people type,
exact messages for bad cells, --skip-bad, stable ids and the xlsx round trip."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from shuniu.check import check_root
from shuniu.cli import main
from shuniu.export import xlsx
from shuniu.export.excel_import import bank_fields, import_sheet, read_workbook, stable_id
from shuniu.export.layout import COLUMNS
from shuniu.quiz.model import Bank
from tests.conftest import PROJECT
from tests.export_sample import sample_content, sample_root


def row(kind: str, stem: str, options: tuple[str, ...] = (), answer: Any = "", explanation: str = "解析。",
        difficulty: Any = None, tags: str = "", source: str = "", question_id: str = "", points: Any = None) -> list[Any]:
    return [kind, stem, *options, *[None] * (8 - len(options)), answer, explanation, difficulty, points, tags, source,
            question_id]


def sheet_file(path: Path, rows: list[list[Any]], header: tuple[str, ...] | list[str] = COLUMNS,
               above: list[list[Any]] = (), info: list[tuple[str, Any]] = ()) -> Path:
    """An Excel file with a 题库 sheet (``above`` rows before the header) and an optional 题库信息 sheet."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "题库"
    for values in [*above, list(header), *rows]:
        sheet.append(values)
    if info:
        extra = workbook.create_sheet("题库信息")
        for values in info:
            extra.append(list(values))
    workbook.save(path)
    return path


def run(*args: str):
    return CliRunner().invoke(main, ["quiz", *args])


def import_file(file: Path, out: Path, root: Path, *extra: str):
    return run("import", str(file), "-o", str(out), "--root", str(root), *extra)


def loaded(path: Path) -> Bank:
    from shuniu.problems import Problems
    from shuniu.quiz.load import load_bank

    problems = Problems()
    bank = load_bank(path, f"quizzes/{path.name}", problems)
    assert not problems and bank is not None, problems.sorted()
    return bank


def same_bank(bank: Bank) -> Bank:
    """The bank without file places (paths and lines), for comparing what it says."""
    questions = tuple(dataclasses.replace(q, line=0, source_line=0) for q in bank.questions)
    return dataclasses.replace(bank, path="", questions=questions)


def test_template_sheets_header_lists_and_help(tmp_path):
    out = tmp_path / "题库模板.xlsx"
    result = run("template", "-o", str(out))
    assert (result.exit_code, result.stdout) == (0, f"wrote {out}\n")
    workbook = load_workbook(out)
    assert workbook.sheetnames == ["题库", "题库信息", "说明"]
    sheet = workbook["题库"]
    assert [cell.value for cell in sheet[1]] == list(COLUMNS)
    assert sheet.max_row == 1 and sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold and sheet["A1"].fill.fgColor.rgb == "001F4E78"
    assert (sheet.column_dimensions["B"].width, sheet.column_dimensions["C"].width) == (48, 20)
    lists = {str(rule.sqref): rule.formula1 for rule in sheet.data_validations.dataValidation}
    assert lists == {"A2:A1048576": '"单选题,多选题,判断题,填空题,简答题"', "M2:M1048576": '"1,2,3"'}
    assert [row[0].value for row in workbook["题库信息"].iter_rows()] == ["项目", "题库ID", "题库名称", "简介", "标签", "及格线",
                                                                         "各题型分值"]
    help_rows = [[cell.value for cell in row] for row in workbook["说明"].iter_rows()]
    assert help_rows[0][0] == "题库导入说明（shuniu quiz import）"
    header = help_rows.index(list(COLUMNS))
    assert [values[0] for values in help_rows[header + 1:]] == ["单选题", "多选题", "判断题", "填空题", "简答题"]


def test_the_help_examples_import_cleanly(tmp_path):
    template = tmp_path / "t.xlsx"
    run("template", "-o", str(template))
    help_rows = [list(values) for values in load_workbook(template)["说明"].iter_rows(values_only=True)]
    examples = help_rows[help_rows.index(list(COLUMNS)) + 1:]
    file = sheet_file(tmp_path / "examples.xlsx", examples)
    result = import_file(file, tmp_path / "out" / "shili.yml", PROJECT)
    assert result.exit_code == 0, result.output
    bank = loaded(tmp_path / "out" / "shili.yml")
    assert [q.type.value for q in bank.questions] == ["single", "multiple", "truefalse", "fill", "short"]
    assert bank.questions[3].answer == (("8", "八"), ("42", "四十二"))
    assert bank.title == "examples"


def test_common_variants_of_types_answers_and_headers(tmp_path):
    header = ["序号", "题目类型", "题目", "A", "B", "C", "D", "正确答案", "答案解析", "难易度", "知识点", "分数"]
    rows = [
        [1, "单选", "单选题干？", "甲", "乙", "丙", None, "b.", "因为乙。", "易", "a，b、c", 2],
        [2, "多选题", "多选题干？", "甲", "乙", "丙", "丁", "A、C", "甲丙。", 3.0, None, 2],
        [3, "multiple", "又一多选？", "甲", "乙", "丙", None, "a b", "甲乙。", None, None, 2],
        [4, "判断", "对吗？", None, None, None, None, "√", "对。", None, None, 1],
        [5, "判断题", "错吗？", None, None, None, None, "F", "错。", None, None, 1],
        [6, "truefalse", "是吗？", None, None, None, None, True, "是。", None, None, 1],
        [7, "判断", "选项式判断？", "正确", "错误", None, None, "B", "错。", None, None, 1],
        [8, "填空", "共 ____ 章 ____ 条。", None, None, None, None, "8｜八；；42", "八章。", "难", None, 1],
        [9, "fill", "数字答案 ____。", None, None, None, None, 42, "四十二。", None, None, 1],
        [10, "简答题", "简述。", None, None, None, None, "参考\n答案", "解析。", None, None, 5],
    ]
    file = sheet_file(tmp_path / "variants.xlsx", rows, header=header, above=[["某单位题库"], []])
    out = tmp_path / "bianti.yml"
    result = import_file(file, out, sample_root(tmp_path / "root"), "--title", "变体")
    assert result.exit_code == 0, result.output
    assert result.stderr == "忽略的列：序号（A 列）\n"  # 分数 is read as 分值
    bank = loaded(out)
    assert [str(q.points) for q in bank.questions] == ["2", "2", "2", "1", "1", "1", "1", "1", "1", "5"]
    answers = [q.answer for q in bank.questions]
    assert answers == ["B", ("A", "C"), ("A", "B"), True, False, True, False, (("8", "八"), ("42",)), (("42",),),
                       "参考\n答案"]
    assert [q.difficulty for q in bank.questions][:3] == [1, 3, 2]
    assert bank.questions[7].difficulty == 3
    assert bank.questions[0].tags == ("a", "b", "c")
    assert bank.questions[0].options == (("A", "甲"), ("B", "乙"), ("C", "丙"))
    assert bank.title == "变体"


def test_ids_are_made_from_the_bank_id_and_the_question_and_stay_the_same(tmp_path):
    root = sample_root(tmp_path / "root")
    file = sheet_file(tmp_path / "b.xlsx", [row("单选题", "题干？", ("甲", "乙"), "A"), row("判断题", "对吗？", (), "对")])
    for attempt in ("one", "two"):
        result = import_file(file, tmp_path / attempt / "wen-ti.yml", root)
        assert result.exit_code == 0, result.output
    first, second = loaded(tmp_path / "one" / "wen-ti.yml"), loaded(tmp_path / "two" / "wen-ti.yml")
    assert [q.id for q in first.questions] == [q.id for q in second.questions]
    expected = stable_id("wen-ti", {"type": "single", "stem": "题干？", "options": {"A": "甲", "B": "乙"}})
    assert first.questions[0].id == expected and expected.startswith("wen-ti-") and len(expected) == len("wen-ti-") + 10


BAD_ROWS = [
    row("选择题", "题型不对？", ("甲", "乙"), "A"),                                   # 2
    row("单选题", "", ("甲", "乙"), "A"),                                             # 3
    row("单选题", "答案超出选项？", ("甲", "乙"), "C"),                               # 4
    row("多选题", "只有一个答案？", ("甲", "乙", "丙"), "A"),                         # 5
    row("单选题", "选项中间空了？", ("甲", "乙", "", "丁"), "A"),                     # 6
    row("填空题", "两个空 ____ 和 ____。", (), "只有一个"),                           # 7
    row("判断题", "判断？", (), "可能"),                                              # 8
    row("简答题", "没有解析？", (), "参考答案", explanation=""),                       # 9
    row("单选题", "重复一？", ("甲", "乙"), "A", question_id="dup-1"),               # 10
    row("单选题", "重复二？", ("甲", "乙"), "B", question_id="dup-1"),               # 11
    row("单选题", "难度？", ("甲", "乙"), "A", difficulty="很难"),                    # 12
    row("单选题", "出处？", ("甲", "乙"), "A", source="policies/none.md#x"),         # 13
    row("单选题", "别的题库用过的 ID？", ("甲", "乙"), "A", question_id="demo-single"),  # 14
    row("单选题", "好题？", ("甲", "乙"), "B", source="policies/yinzhang.md#印章保管", points="3分"),  # 15
    row("单选题", "分值？", ("甲", "乙"), "A", points="两分"),                       # 16
    row("单选题", "分值为零？", ("甲", "乙"), "A", points=0),                        # 17
]
BAD_MESSAGES = [
    "题库!2:A: 题型“选择题”无法识别，应为 单选题、多选题、判断题、填空题、简答题 之一",
    "题库!3:B: 题干为空",
    "题库!4:K: 选项C为空，但答案是C",
    "题库!5:K: 多选题至少要有两个正确选项，得到“A”；只有一个正确选项请用单选题或不定项选择题",
    "题库!6:E: 选项C为空，但选项D有内容（选项要从 A 开始连续填写）",
    "题库!7:K: 题干有 2 个空，答案给了 1 个（各空的答案之间用 ;; 分隔）",
    "题库!8:K: 判断题的答案应为 正确 或 错误（也可写 对/错、√/×、是/否、T/F），得到“可能”",
    "题库!9:L: 解析为空（每道题都要有解析）",
    "题库!11:Q: ID“dup-1”与第 10 行重复",
    "题库!12:M: 难度应为 1、2、3（或 易、中、难），得到“很难”",
    "题库!13:P: 出处无效：link 'policies/none.md#x' points to a missing page 'policies/none.md'",
    "题库!14:Q: ID“demo-single”已被 quizzes/demo.yml:7 使用",
    "题库!16:N: 分值应为大于 0、不超过 100 的数，至多两位小数，如 2 或 0.5，得到“两分”",
    "题库!17:N: 分值应为大于 0、不超过 100 的数，至多两位小数，如 2 或 0.5，得到“0”",
]


def test_every_bad_cell_is_listed_and_nothing_is_written(tmp_path):
    root = sample_root(tmp_path / "root")
    file = sheet_file(tmp_path / "bad.xlsx", BAD_ROWS)
    out = tmp_path / "out" / "bad.yml"
    result = import_file(file, out, root)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"{file}:{message}" for message in BAD_MESSAGES]
    assert result.stderr == ("14 problem(s) in 14 row(s); nothing written "
                             "(fix them, or use --skip-bad to import the good rows)\n")
    assert not out.exists()


def test_skip_bad_writes_the_good_rows_and_lists_the_rest(tmp_path):
    root = sample_root(tmp_path / "root")
    file = sheet_file(tmp_path / "bad.xlsx", BAD_ROWS)
    out = root / "quizzes" / "hao.yml"
    result = import_file(file, out, root, "--skip-bad")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"{file}:{message}" for message in BAD_MESSAGES] + [f"wrote {out}: 2 question(s)"]
    assert result.stderr == "skipped 14 bad row(s)\n"
    assert [(q.stem, q.points) for q in loaded(out).questions] == [("重复一？", None), ("好题？", 3)]
    _, problems = check_root(root)
    assert not problems, problems.sorted()  # the written bank passes `shuniu check` with the project


def test_a_missing_column_or_header_stops_the_import(tmp_path):
    header = [name for name in COLUMNS if name != "解析"]
    file = sheet_file(tmp_path / "nocol.xlsx", [row("单选题", "题？", ("甲", "乙"), "A")[:11]], header=header)
    result = import_file(file, tmp_path / "x.yml", tmp_path)
    assert (result.exit_code, result.stdout) == (1, f"{file}:题库!1: 缺少“解析”列\n")
    file = sheet_file(tmp_path / "noheader.xlsx", [["随便", "写写"]], header=["什么", "也不是"])
    result = import_file(file, tmp_path / "x.yml", tmp_path, "--skip-bad")
    assert result.exit_code == 1
    assert result.stdout == f"{file}:题库!1: 找不到表头：前 10 行中没有一行含有 题型、题干、答案 等列名\n"
    assert not (tmp_path / "x.yml").exists()


def test_bank_fields_come_from_the_options_then_the_info_sheet(tmp_path):
    info = [("项目", "内容"), ("题库ID", "xin-ti-ku"), ("题库名称", "新题库"), ("简介", "说明文字"), ("标签", "甲、乙"),
            ("及格线", 80), ("各题型分值", "单选题 2；多选 3分；简答题=10")]
    file = sheet_file(tmp_path / "b.xlsx", [row("判断题", "对吗？", (), "对")], info=info)
    result = import_file(file, tmp_path / "out", tmp_path)  # a folder: the id comes from 题库信息
    assert result.exit_code == 0, result.output
    bank = loaded(tmp_path / "out" / "xin-ti-ku.yml")
    assert (bank.title, bank.description, bank.tags, bank.pass_mark) == ("新题库", "说明文字", ("甲", "乙"), 80)
    assert {kind.value: str(points) for kind, points in bank.points.items()} == {"single": "2", "multiple": "3", "short": "10"}
    result = import_file(file, tmp_path / "out" / "other.yml", tmp_path, "--id", "third")
    assert result.exit_code == 2
    assert "Error: --id third differs from the file name other.yml: a bank's id is its file name" in result.stderr
    result = import_file(file, tmp_path / "out" / "a.txt", tmp_path)
    assert result.exit_code == 2 and "a bank file ends in .yml" in result.stderr
    bad_info = sheet_file(tmp_path / "c.xlsx", [row("判断题", "对吗？", (), "对")], info=[("及格线", "六十")])
    result = import_file(bad_info, tmp_path / "out" / "c.yml", tmp_path)
    assert (result.exit_code, result.stdout) == (1, f"{bad_info}:题库信息!1:B: 及格线应为 0 到 100 的整数，得到“六十”\n")
    bad_points = sheet_file(tmp_path / "d.xlsx", [row("判断题", "对吗？", (), "对")],
                            info=[("各题型分值", "单选题 1；论述题 5；多选 0")])
    result = import_file(bad_points, tmp_path / "out" / "d.yml", tmp_path)
    assert (result.exit_code, result.stdout) == (1, f"{bad_points}:题库信息!1:B: 各题型分值应写成“单选题 1；多选题 2”"
                                                    "（题型和大于 0 的分值，用 ； 分隔），无法识别：论述题 5、多选 0\n")


def test_the_yaml_is_readable(tmp_path):
    file = sheet_file(tmp_path / "b.xlsx", [row("多选题", "两行\n题干", ("甲", "乙", "丙"), "AC", tags="标签一、标签二")])
    import_file(file, tmp_path / "du.yml", tmp_path)
    text = (tmp_path / "du.yml").read_text(encoding="utf-8")
    question_id = yaml.safe_load(text)["questions"][0]["id"]
    assert text == (
        "id: du\ntitle: b\nquestions:\n"
        f"  - id: {question_id}\n    type: multiple\n    stem: |-\n      两行\n      题干\n"
        "    options:\n      A: 甲\n      B: 乙\n      C: 丙\n    answer: [A, C]\n    explanation: 解析。\n"
        "    difficulty: 2\n    tags: [标签一, 标签二]\n"
    )


def test_xlsx_export_then_import_gives_the_same_bank(tmp_path):
    content = sample_content(tmp_path / "root")
    original = content.banks[0]
    file = tmp_path / "demo.xlsx"
    file.write_bytes(xlsx.export(content, [original]).data)
    result = import_file(file, tmp_path / "again" / "demo.yml", tmp_path / "root")
    assert result.exit_code == 0, result.output
    assert same_bank(loaded(tmp_path / "again" / "demo.yml")) == same_bank(original)


def test_every_real_bank_survives_the_round_trip(tmp_path):
    """Through the library (the CLI loads the project per call): the same steps `shuniu quiz import` takes."""
    content, _ = check_root(PROJECT)
    for bank in content.banks:
        file = tmp_path / f"{bank.id}.xlsx"
        file.write_bytes(xlsx.export(content, [bank]).data)
        data = read_workbook(file)
        fields, problems = bank_fields(data, bank.id, bank.id, None)
        assert fields is not None and not problems
        result = import_sheet(data, fields, content)
        assert not result.problems and result.yaml is not None, [p.render(file.name) for p in result.problems]
        (tmp_path / f"{bank.id}.yml").write_text(result.yaml, encoding="utf-8")
        assert same_bank(loaded(tmp_path / f"{bank.id}.yml")) == same_bank(bank)
        # Written back in the banks' own style: an unchanged bank gives an unchanged file (no git noise).
        assert result.yaml == (PROJECT / bank.path).read_text(encoding="utf-8"), bank.path


def test_large_sheets_show_progress_on_stderr(tmp_path):
    rows = [row("判断题", f"第 {n} 题对吗？", (), "对") for n in range(501)]
    file = sheet_file(tmp_path / "big.xlsx", rows)
    result = import_file(file, tmp_path / "da.yml", tmp_path)
    assert result.exit_code == 0, result.output
    assert "reading rows" in result.stderr
    assert len(loaded(tmp_path / "da.yml").questions) == 501
