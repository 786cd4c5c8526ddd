"""`shuniu results report`: verified result files merged into report.html (charts) and report.csv."""

import copy
import csv
import hashlib
import html.parser
import json
import re

import pytest
from click.testing import CliRunner

from shuniu.cli import main
from tests.conftest import write

BANK = """\
id: gw
title: 公文基础
questions:
  - {id: gw-001, type: truefalse, stem: 印章可以随意借出。, answer: false, explanation: 不可以。}
  - {id: gw-002, type: multiple, stem: 哪些是法定文种？, options: {A: 通知, B: 便条, C: 请示}, answer: [A, C],
     explanation: 便条不是。}
"""


def canonical(value):
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def sign(data):
    data = {key: value for key, value in data.items() if key != "checksum"}
    return {**data, "checksum": hashlib.sha256(canonical(data).encode("utf-8")).hexdigest()}


def result(name, group, seed, points, pass_mark=60, finished="2026-11-29T01:20:30Z"):
    """A signed result file: ``points`` maps question id -> hundredths earned."""
    ids = {"gw-001": "truefalse", "gw-002": "multiple", "gw-009": "single"}
    answers = [{"id": qid, "type": ids[qid], "given": None, "points": p, "correct": p == 100} for qid, p in points.items()]
    total = sum(points.values())
    percent = total * 100 // (100 * len(answers))
    return sign({
        "format": "shuniu-result", "version": 1, "learner": {"name": name, "group": group},
        "exam": {"banks": [{"id": "gw", "hash": "0123456789abcdef"}], "tags": [], "seed": seed, "count": len(answers),
                 "minutes": 30, "pass_mark": pass_mark},
        "started": "2026-11-29T01:00:00Z", "finished": finished, "auto_submitted": False, "answers": answers,
        "score": {"points": total, "max": 100 * len(answers), "percent": percent, "passed": percent >= pass_mark},
    })


def save(folder, name, data):
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    return write(folder, name, text)


@pytest.fixture
def results(tmp_path):
    """A project root with one bank, and a folder of result files: two good, five bad."""
    write(tmp_path, "quizzes/gw.yml", BANK)
    folder = tmp_path / "in"
    zhang = result("张三", "一组", "482913", {"gw-001": 100, "gw-002": 66, "gw-009": 0})
    li = result("李四", "二组", "482913", {"gw-001": 100, "gw-002": 100, "gw-009": 100}, finished="2026-11-29T01:15:00Z")
    tampered = copy.deepcopy(zhang)
    tampered["score"].update(points=300, percent=100, passed=True)
    unsigned = result("王五", "一组", "1", {"gw-001": 100})
    del unsigned["learner"]["name"]
    paths = [
        save(folder, "1-zhang.json", zhang),
        save(folder, "2-li.json", li),
        save(folder, "3-tampered.json", tampered),
        save(folder, "4-broken.json", '{"format": "shuniu-result", "version": 1,\n  "learner": }'),
        save(folder, "5-other.json", {"format": "moodle", "version": 1}),
        save(folder, "6-future.json", {**zhang, "version": 3}),
        save(folder, "7-noname.json", sign(unsigned)),
        save(folder, "8-copy.json", zhang),
    ]
    return tmp_path, [str(p) for p in paths]


def run(root, files, out):
    return CliRunner().invoke(main, ["results", "report", *files, "-o", str(out), "--root", str(root)])


def test_bad_files_are_listed_and_left_out(results):
    root, files = results
    outcome = run(root, files, root / "out")
    assert outcome.exit_code == 0, outcome.output
    assert outcome.stderr.splitlines() == [
        f"{files[2]}: checksum does not match: the file was changed after the exam",
        f"{files[3]}: not valid JSON: Expecting value (line 2, column 14)",
        f'{files[4]}: not a Shuniu result file: format is "moodle", expected "shuniu-result"',
        f"{files[5]}: unsupported result version 3: this shuniu reads versions 1 to 2",
        f"{files[6]}: field 'learner.name' is missing",
        f"{files[7]}: the same result as {files[0]}",
    ]
    out = (root / "out").as_posix()
    assert outcome.stdout == f"wrote {out}/report.html and {out}/report.csv (2 result(s), 6 left out)\n"


def test_csv_has_one_row_per_member_and_a_bom_for_excel(results):
    root, files = results
    run(root, files, root / "out")
    raw = (root / "out/report.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows == [
        ["姓名", "小组", "试卷种子", "题库", "得分", "满分", "百分制成绩", "是否及格", "及格线",
         "开始时间（北京时间）", "交卷时间（北京时间）", "用时（分钟）", "自动交卷", "文件", "试卷编号"],
        ["张三", "一组", "482913", "gw", "1.66", "3", "55", "否", "60",
         "2026-11-29 09:00:00", "2026-11-29 09:20:30", "20.5", "否", files[0], ""],
        ["李四", "二组", "482913", "gw", "3", "3", "100", "是", "60",
         "2026-11-29 09:00:00", "2026-11-29 09:15:00", "15.0", "否", files[1], ""],
    ]


class _Checker(html.parser.HTMLParser):
    """Fails on a closing tag that does not match the open one; collects the visible text."""

    VOID = {"meta", "br", "img", "input", "link", "hr", "line", "rect"}

    def __init__(self):
        super().__init__()
        self.open, self.text, self.svgs = [], [], 0

    def handle_starttag(self, tag, attrs):
        self.svgs += tag == "svg"
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        assert self.open and self.open.pop() == tag, f"unexpected </{tag}>"

    def handle_data(self, data):
        self.text.append(data)


def test_html_report_has_members_questions_and_two_charts(results):
    root, files = results
    run(root, files, root / "out")
    page = (root / "out/report.html").read_text(encoding="utf-8")
    checker = _Checker()
    checker.feed(page)
    checker.close()
    text = " ".join(checker.text)
    assert checker.open == [] and checker.svgs == 2
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    assert not re.search(r"\b(src|href)=", page)  # self-contained: nothing to fetch
    for shown in ("张三", "李四", "一组", "482913", "1.66 / 3", "2026-11-29 09:20:30", "共 2 份成绩（2 人）"):
        assert shown in text
    # Questions, hardest first; stems from the bank as it is now.
    rows = re.findall(r"<tr><td>(gw-\d+)</td><td>(.*?)</td><td class=\"num\">(.*?)</td><td class=\"num\">(.*?)</td></tr>", page)
    assert rows == [
        ("gw-002", "哪些是法定文种？", "1 / 2", "50%"),
        ("gw-009", '<span class="note">（当前题库中已没有此题）</span>', "1 / 2", "50%"),
        ("gw-001", "印章可以随意借出。", "2 / 2", "100%"),
    ]
    assert "及格线 60" in text and "3-tampered.json" in text  # the chart's pass line; left-out files listed


def test_a_folder_stands_for_its_json_files(results):
    root, files = results
    outcome = run(root, [str(root / "in")], root / "out")
    assert outcome.exit_code == 0 and len(outcome.stderr.splitlines()) == 6


def test_no_usable_file_is_an_error_but_the_report_still_lists_the_files_left_out(results):
    root, files = results
    outcome = run(root, files[2:5] + [str(root / "missing.json")], root / "out")
    assert outcome.exit_code == 1
    assert outcome.stderr.splitlines()[-2:] == [
        f"{root / 'missing.json'}: no such file",
        "Error: no usable result file: the report only lists the files left out",
    ]
    page = (root / "out/report.html").read_text(encoding="utf-8")
    assert "没有可用的成绩文件：4 个文件未纳入" in page and "missing.json" in page
    assert (root / "out/report.csv").read_text(encoding="utf-8-sig").count("\n") == 1  # the head only


def test_help_documents_the_exit_status():
    output = " ".join(CliRunner().invoke(main, ["results", "report", "--help"]).output.split())
    assert "0 when the report holds at least one result (even if some files were left out)" in output
    assert "1 when no file was usable (the report then only lists the files left out)" in output


def test_results_on_another_bank_version_or_paper_are_marked(tmp_path):
    write(tmp_path, "quizzes/gw.yml", BANK)
    old = save(tmp_path / "in", "old.json", result("张三", "一组", "1", {"gw-001": 100}))  # hash 0123456789abcdef
    other = save(tmp_path / "in", "other.json", result("李四", "一组", "2", {"gw-001": 0}))
    assert run(tmp_path, [str(old), str(other)], tmp_path / "out").exit_code == 0
    page = (tmp_path / "out/report.html").read_text(encoding="utf-8")
    assert page.count("题库已更新：gw") == 2
    assert "这些成绩来自 2 份不同的试卷" in page


def test_the_csv_names_each_results_composed_paper_in_its_last_column(tmp_path):
    write(tmp_path, "quizzes/gw.yml", BANK)
    composed = result("张三", "一组", "7", {"gw-001": 100})
    composed["exam"]["paper"] = "a1b2c3d4e5f6"
    composed = sign(composed)  # signed again with the paper in it
    built = result("李四", "一组", "7", {"gw-001": 0})
    files = [str(save(tmp_path / "in", "a.json", composed)), str(save(tmp_path / "in", "b.json", built))]
    assert run(tmp_path, files, tmp_path / "out").exit_code == 0
    rows = list(csv.reader((tmp_path / "out/report.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][-1] == "试卷编号"
    assert {row[0]: row[-1] for row in rows[1:]} == {"张三": "a1b2c3d4e5f6", "李四": ""}
