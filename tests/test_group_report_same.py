"""The 成绩汇总 page and `shuniu results report` agree: the page's rules (shuniu/web/quiz/groupstats.js,
run here by node) and the CLI's (shuniu/quiz/report.py) take the same good, tampered and malformed
files and must give the same figures: which files count, each reason for a refusal, the members'
scores, per question, per type, per tag, the summary line and report.csv byte for byte."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from shuniu.quiz.report import build_report, render_csv
from shuniu.quiz.report_view import render_html
from tests.conftest import write
from tests.test_results_report import BANK, result, save, sign

NODE = shutil.which("node")
RUNNER = Path(__file__).parent / "js" / "groupreport-cli.mjs"
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed: the page's rules were not compared")
TAGGED = BANK.replace("explanation: 不可以。}", "explanation: 不可以。, tags: [印章]}").replace(
    "explanation: 便条不是。}", "explanation: 便条不是。, tags: [文种, 印章]}")


def scored(data: dict, worth: dict[str, int]) -> dict:
    """``data`` as a version 2 file: each answer worth ``worth[id]`` hundredths (100 when not named)."""
    answers = [{**a, "max": worth.get(a["id"], 100)} for a in data["answers"]]
    total = sum(a["max"] for a in answers)
    percent = 100 * data["score"]["points"] // total
    return sign({**data, "version": 2, "answers": answers,
                 "score": {**data["score"], "max": total, "percent": percent, "passed": percent >= data["exam"]["pass_mark"]}})


def hostile_files(folder: Path) -> list[Path]:
    """Good results, and files that are tampered, malformed or at the limits, in an order both must keep."""
    zhang = result("张三", "一组", "482913", {"gw-001": 100, "gw-002": 66, "gw-009": 0})
    li = result("李四", "二组", "482913", {"gw-001": 100, "gw-002": 100}, finished="2026-11-29T01:15:15Z")
    wang = result(" 王五 ", "一组", "7", {"gw-002": 50}, pass_mark=40, finished="2026-11-29T01:00:15Z")
    tampered = json.loads(json.dumps(zhang))
    tampered["score"].update(points=300, percent=100, passed=True)
    resigned = sign({**zhang, "score": {**zhang["score"], "percent": 99}})
    text = json.dumps(li, ensure_ascii=False)
    zhao = scored(result("赵六", "二组", "482913", {"gw-001": 100, "gw-002": 132}), {"gw-002": 200})  # version 2: points
    files = {
        "zhao.json": zhao, "over.json": scored(zhao, {"gw-001": 50, "gw-002": 250}),
        "nomax.json": sign({**zhao, "answers": li["answers"]}),
        "zhang.json": zhang, "li.json": li, "wang.json": "\ufeff" + json.dumps(wang, ensure_ascii=False),
        "tampered.json": tampered, "resigned.json": resigned, "copy.json": zhang,
        "broken.json": '{"format": "shuniu-result", "version": 1,\n  "learner": }',
        "float.json": text.replace('"minutes": 30', '"minutes": 30.0'),
        "digits.json": text.replace('"minutes": 30', '"minutes": ' + "9" * 30),
        "nan.json": text.replace('"minutes": 30', '"minutes": NaN'),
        "deep.json": "[" * 40 + "]" * 40, "empty.json": " \n", "other.json": {"format": "moodle"},
        "future.json": {**zhang, "version": 3}, "list.json": [1, 2],
        "noname.json": sign({**zhang, "learner": {"name": "  ", "group": ""}}),
        "badtime.json": sign({**zhang, "finished": "2026-02-30T01:00:00Z"}),
        "surrogate.json": text.replace('"group": "二组"', '"group": "\\ud800"'),
        "types.json": sign({**zhang, "exam": {**zhang["exam"], "count": "3", "minutes": 0}, "answers": [1, {"id": ""}]}),
    }
    paths = [save(folder, name, data) for name, data in files.items()]
    (folder / "gbk.json").write_bytes("{\"姓名\": 1}".encode("gbk"))
    return [*paths, folder / "gbk.json"]


def page_figures(root: Path, files: list[Path], tmp_path: Path) -> dict:
    from shuniu.quiz.report import bank_questions, current_banks
    known = bank_questions(current_banks(root))
    catalog = {qid: {"stem": q.stem, "tags": list(q.tags)} for qid, q in known.items()}
    catalog_path = write(tmp_path, "catalog.json", json.dumps(catalog, ensure_ascii=False))
    run = subprocess.run([NODE, str(RUNNER), str(catalog_path), *map(str, files)], capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def test_the_page_and_the_cli_give_the_same_figures(tmp_path):
    write(tmp_path, "quizzes/gw.yml", TAGGED)
    files = hostile_files(tmp_path / "in")
    cli = build_report(files, tmp_path)
    page = page_figures(tmp_path, files, tmp_path)

    assert page["results"] == [[r.file, r.name, r.group, r.points, r.max, r.percent, r.passed] for r in cli.results]
    assert [r.name for r in cli.results] == ["张三", "王五", "李四", "赵六"]  # by group, then name
    assert [(r.points, r.max, r.percent) for r in cli.results][-1] == (232, 300, 77)  # 1 + 1.32 of 1 + 2 points
    cli_skipped = [[s.file, s.reason] for s in cli.skipped]
    syntax = re.compile(r"^not valid JSON: .*\(line \d+, column \d+\)$")  # the two parsers word syntax errors their own way
    assert [f for f, _ in page["skipped"]] == [f for f, _ in cli_skipped]
    for (file, ours), (_, theirs) in zip(page["skipped"], cli_skipped, strict=True):
        assert ours == theirs or (syntax.match(ours) and syntax.match(theirs)), (file, ours, theirs)
    assert len(cli.skipped) == 19  # every bad file refused, none by accident
    assert page["questions"] == [[s.id, s.stem, s.right, s.total, s.percent] for s in cli.questions]
    assert page["types"] == [[s.key, s.answers, s.points, s.percent] for s in cli.types]
    assert page["tags"] == [[s.key, s.answers, s.points, s.percent] for s in cli.tags]
    assert [t[0] for t in page["tags"]] == ["文种", "印章"]
    assert page["csv"] == render_csv(cli.results)
    figures = page["summary"]
    line = f"共 {figures['results']} 份成绩（{figures['people']} 人）；平均 {figures['average']} 分，"
    assert line in render_html(cli, ["", ""])
