"""`shuniu quiz import FILE.docx`: Word papers made with python-docx, read back into banks;
every bad paragraph listed as FILE:段落 N: message; the Word template; our own paper read back."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import docx
from click.testing import CliRunner

from shuniu.cli import main
from shuniu.export import docx as paper
from shuniu.problems import Problems
from shuniu.quiz.load import load_bank
from shuniu.quiz.model import Bank
from tests.conftest import PROJECT
from tests.export_sample import sample_content, sample_root


def word_file(path: Path, lines: list[str | tuple[str, ...]]) -> Path:
    """A .docx with one paragraph per line; a tuple is a paragraph of runs, "_" runs underlined spaces."""
    document = docx.Document()
    for line in lines:
        paragraph = document.add_paragraph()
        for piece in (line if isinstance(line, tuple) else (line,)):
            if piece == "_":
                paragraph.add_run("      ").font.underline = True
            else:
                paragraph.add_run(piece)
    document.save(path)
    return path


def run(*args: str):
    return CliRunner().invoke(main, ["quiz", *args])


def loaded(path: Path) -> Bank:
    problems = Problems()
    bank = load_bank(path, f"quizzes/{path.name}", problems)
    assert not problems and bank is not None, problems.sorted()
    return bank


TYPICAL = [
    "保密知识测试题",                                      # 1: the title
    "注意事项：本卷共 7 题。",                              # 2: left out (before the first heading)
    "1. 这一行编号但在题型标题之前，不是题目。",            # 3: left out
    "一、单项选择题（每题 2 分）",                          # 4
    "1. 国家秘密的密级分为几级？（　　）",                  # 5
    "A. 两级　B. 三级　C. 四级　D. 五级",                   # 6
    "答案：B　解析：分为绝密、机密、秘密三级。",            # 7
    "2．（3分）印章由谁保管？",                             # 8
    "A、专人", "B、任何人",                                 # 9, 10
    "答案：A",                                              # 11
    "解析：专人专柜保管，",                                 # 12
    "不得随意交给他人。",                                   # 13: more of the explanation
    "二、多项选择题",                                       # 14
    "3. 哪些是法定文种？", "A. 通知 B. 便条 C. 请示", "答案：AC", "解析：便条不是。", "标签：文种、公文",  # 15-19
    "【判断题】4. 绝密级公文应当由专人管理。（ ）", "答案：√", "解析：条例第三十条。", "难度：1",  # 20-23
    "三、填空题",                                           # 24
    ("5. 公文由", "_", "和", "_", "组成。"), "答案：版头；主体", "解析：见条例。",  # 25-27
    "四、简答题",                                           # 28
    "6. 简述用印流程。", "答案：申请、审核、登记。", "解析：三步。", "分值：10",  # 29-32
]


def test_a_typical_paper_imports_with_headings_markers_inline_options_and_points(tmp_path):
    file = word_file(tmp_path / "卷.docx", TYPICAL)
    out = tmp_path / "out" / "juan.yml"
    result = run("import", str(file), "-o", str(out), "--root", str(sample_root(tmp_path / "root")))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {out}: 6 question(s)\n"
    bank = loaded(out)
    assert bank.title == "保密知识测试题"
    summary = [(q.type.value, q.stem, q.options, q.answer) for q in bank.questions]
    assert summary == [
        ("single", "国家秘密的密级分为几级？", (("A", "两级"), ("B", "三级"), ("C", "四级"), ("D", "五级")), "B"),
        ("single", "印章由谁保管？", (("A", "专人"), ("B", "任何人")), "A"),
        ("multiple", "哪些是法定文种？", (("A", "通知"), ("B", "便条"), ("C", "请示")), ("A", "C")),
        ("truefalse", "绝密级公文应当由专人管理。", (), True),
        ("fill", "公文由____和____组成。", (), (("版头",), ("主体",))),
        ("short", "简述用印流程。", (), "申请、审核、登记。"),
    ]
    assert bank.questions[1].explanation == "专人专柜保管，\n不得随意交给他人。"
    assert [str(q.points) if q.points else None for q in bank.questions] == [None, "3", None, None, None, "10"]
    assert bank.questions[2].tags == ("文种", "公文") and bank.questions[3].difficulty == 1


def test_without_headings_or_markers_the_type_follows_from_options_answer_and_blanks(tmp_path):
    lines = ["1. 选哪个？", "A. 甲", "B. 乙", "答案：B", "解析：乙。",
             "2. 选哪些？ ", "A. 甲 B. 乙 C. 丙", "答案：A、C", "解析：甲丙。",
             "3. 对吗？", "答案：×", "解析：不对。",
             "4. 共____章。", "答案：8|八", "解析：八章。",
             "5. 简述。", "答案：要点。", "解析：要点。"]
    out = tmp_path / "tuiduan.yml"
    result = run("import", str(word_file(tmp_path / "t.docx", lines)), "-o", str(out), "--root", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert [(q.type.value, q.answer) for q in loaded(out).questions] == [
        ("single", "B"), ("multiple", ("A", "C")), ("truefalse", False), ("fill", (("8", "八"),)), ("short", "要点。")]


def test_a_heading_of_indefinite_choice_questions_reads_each_by_its_answer(tmp_path):
    # 不定项选择题 as a heading or a marker, as the Excel import reads it: one right option a
    # single-choice question, several a multiple-choice one, each tagged so export says 不定项 again.
    lines = ["不定项测试",
             "一、不定项选择题（每题 2 分）",
             "1. 哪个是正式文种？（　　）", "A. 通知 B. 便条", "答案：A", "解析：通知是。",
             "2. 哪些是正式文种？（　　）", "A. 通知 B. 便条 C. 请示", "答案：AC", "解析：便条不是。",
             "二、判断题",
             "3. 【不定项选择题】哪些要登记？", "A. 收文 B. 发文 C. 便条", "答案：A、B", "解析：收发文都登记。",
             "4. 便条是法定文种。", "答案：×", "解析：不是。"]
    out = tmp_path / "budingxiang.yml"
    result = run("import", str(word_file(tmp_path / "b.docx", lines)), "-o", str(out), "--root", str(tmp_path))
    assert result.exit_code == 0, result.output
    questions = loaded(out).questions
    assert [(q.type.value, q.stem, q.answer, "不定项选择" in q.tags) for q in questions] == [
        ("single", "哪个是正式文种？", "A", True),
        ("multiple", "哪些是正式文种？", ("A", "C"), True),
        ("multiple", "哪些要登记？", ("A", "B"), True),
        ("truefalse", "便条是法定文种。", False, False),
    ]


BAD = [
    "坏卷",                                                   # 1
    "1. 【论述题】题型不对？", "答案：甲", "解析：无。",       # 2-4
    "2. 【单选题】答案超出选项？", "A. 甲", "B. 乙", "答案：E", "解析：无。",  # 5-9
    "3. 【单选题】没有解析？", "A. 甲", "B. 乙", "答案：A",   # 10-13
    "4. 【多选题】只有一个答案？", "A. 甲", "B. 乙", "答案：A", "解析：无。", "分值：两分",  # 14-19
    "5. 【判断题】好题。", "答案：错误", "解析：好。", "难度：2",  # 20-23
    "这一段放错了地方",                                       # 24
    "6. 【判断题】又一道好题。", "答案：对", "解析：好。",     # 25-27
]
BAD_MESSAGES = [
    "段落 2: 题型“论述题”无法识别，应为 单选题、多选题、判断题、填空题、简答题 之一",
    "段落 8: 选项E为空，但答案是E",
    "段落 10: 解析为空（每道题都要有解析）",
    "段落 17: 多选题至少要有两个正确选项，得到“A”；只有一个正确选项请用单选题或不定项选择题",
    "段落 19: 分值应为大于 0、不超过 100 的数，至多两位小数，如 2 或 0.5，得到“两分”",
    "段落 24: 无法识别的段落“这一段放错了地方”（应为题目、选项、答案：或解析：等）",
]


def test_every_bad_paragraph_is_listed_and_nothing_is_written(tmp_path):
    file = word_file(tmp_path / "bad.docx", BAD)
    out = tmp_path / "bad.yml"
    result = run("import", str(file), "-o", str(out), "--root", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"{file}:{message}" for message in BAD_MESSAGES]
    assert result.stderr == ("6 problem(s) in 5 question(s); nothing written "
                             "(fix them, or use --skip-bad to import the good questions)\n")
    assert not out.exists()
    result = run("import", str(file), "-o", str(out), "--root", str(tmp_path), "--skip-bad")
    assert result.exit_code == 0, result.output
    assert result.stderr == "skipped 5 bad question(s)\n"
    assert [q.stem for q in loaded(out).questions] == ["又一道好题。"]  # question 5 holds the stray paragraph


def test_files_that_are_not_word_documents_or_hold_no_question(tmp_path):
    fake = tmp_path / "fake.docx"
    fake.write_text("not a zip", encoding="utf-8")
    result = run("import", str(fake), "-o", str(tmp_path / "x.yml"), "--root", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout == (f"{fake}: 不是 Word 文档（.docx），无法打开（PackageNotFoundError）。"
                             "旧版 .doc 文件请在 Word 或 WPS 中“另存为” .docx 后再导入\n")
    (tmp_path / "folder.docx").mkdir()
    for missing, message in ((tmp_path / "none.docx", "找不到这个文件"),
                             (tmp_path / "folder.docx", "不是 Word 文档（.docx）：这是一个文件夹")):
        result = run("import", str(missing), "-o", str(tmp_path / "x.yml"), "--root", str(tmp_path))
        assert (result.exit_code, result.stdout) == (1, f"{missing}: {message}\n")
    empty = word_file(tmp_path / "empty.docx", ["只有标题", "没有编号的题目"])
    result = run("import", str(empty), "-o", str(tmp_path / "x.yml"), "--root", str(tmp_path))
    assert (result.exit_code, result.stderr) == (1, f"Error: {empty}: no numbered question (like “1. 题干”) found\n")


def test_the_word_template_imports_as_it_stands(tmp_path):
    template = tmp_path / "题库模板.docx"
    assert run("template", "--format", "docx", "-o", str(template)).exit_code == 0
    assert template.read_bytes() == (run("template", "--format", "docx", "-o", str(template)) and template.read_bytes())
    out = tmp_path / "shili.yml"
    result = run("import", str(template), "-o", str(out), "--root", str(PROJECT))
    assert result.exit_code == 0, result.output
    bank = loaded(out)
    assert bank.title == "示例题库"
    assert [q.type.value for q in bank.questions] == ["single", "multiple", "truefalse", "fill", "short"]
    assert bank.questions[3].answer == (("8", "八"), ("42", "四十二")) and str(bank.questions[3].points) == "2"


def test_our_own_paper_reads_back_with_its_answer_key(tmp_path):
    content = sample_content(tmp_path / "root")
    original = content.banks[0]
    file = tmp_path / "demo.docx"
    file.write_bytes(paper.export(content, [original]).data)
    out = tmp_path / "again.yml"
    result = run("import", str(file), "-o", str(out), "--root", str(tmp_path / "root"))
    assert result.exit_code == 0, result.output
    again = loaded(out)

    def said(bank: Bank) -> list[tuple]:
        # A paper carries no ids, sources (the key names page titles), difficulty or tags.
        return [dataclasses.astuple(dataclasses.replace(q, id="", source=None, difficulty=2, tags=(), line=0,
                                                        source_line=0)) for q in bank.questions]

    assert said(again) == said(original)
    assert again.title == original.title
