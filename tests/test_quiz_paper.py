"""组卷 paper files: shuniu/quiz/paper.py checks them as the page (paper.js) does, gives the same id and
draws the same questions; `shuniu quiz export --format docx --paper` writes that paper (read back by
LibreOffice); the reports tell results of different papers apart."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from shuniu.cli import main
from shuniu.quiz.paper import PaperError, composed_bank, draw, paper_id, paper_problems, read_paper
from shuniu.quiz.publish import bank_data
from shuniu.quiz.report import build_report, current_banks
from shuniu.quiz.report_view import render_html
from shuniu.quiz.results import ResultError, verify
from tests.conftest import PROJECT, write
from tests.test_results_report import result, save, sign

NODE = shutil.which("node")
PAPER_JS = (PROJECT / "shuniu" / "web" / "quiz" / "paper.js").as_uri()
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed: the page's rules were not compared")


def make(**changes) -> dict:
    """A valid paper on gongwen-jichu (as composed now), with ``changes``; its id set from its contents."""
    content = current_banks(PROJECT)
    bank = next(b for b in content.banks if b.id == "gongwen-jichu")
    data = {"format": "shuniu-paper", "version": 1, "title": "第一季度测试",
            "banks": [{"id": "gongwen-jichu", "hash": bank_data(content, bank)["hash"]}], "tags": [],
            "types": {"single": {"count": 4, "points": 200}, "truefalse": {"count": 3, "points": 150}},
            "minutes": 25, "pass_mark": 60, "seed": "zu-2026", **changes}
    return {**data, "id": paper_id(data)}


def node(script: str) -> object:
    run = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


HOSTILE = [
    [1, 2], {"format": "moodle"}, {"format": "shuniu-paper", "version": 2},
    {"format": "shuniu-paper", "version": 1, "id": "x", "title": "<b>", "banks": [{"id": "../etc", "hash": "zz"}],
     "tags": ["", 5], "types": {"single": {"count": 0, "points": 1}, "essay": 3}, "minutes": 601, "pass_mark": -1,
     "seed": " ", "onload": "<script>"},
    {"format": "shuniu-paper", "version": 1, "banks": [{"id": "a", "hash": ""}, {"id": "a", "hash": ""}], "types": {},
     "title": "t", "tags": [], "minutes": 1, "pass_mark": 1, "seed": "s"},
]


@needs_node
def test_the_page_and_python_agree_on_problems_ids_and_draws():
    papers = [*HOSTILE, make(), make(id="000000000000"), make(tags=["文种"]), make(title="x" * 101)]
    pools = [[f"q-{n:03d}" for n in range(count)] for count in (1, 7, 30, 113)]
    seeds = ["", "482913", "zu-2026:single", "种子 ✓"]
    page = node(f"""
      import {{ paperProblems, paperId }} from "{PAPER_JS}";
      import {{ drawPaper }} from "{PAPER_JS.replace('paper.js', 'rng.js')}";
      const papers = {json.dumps(papers, ensure_ascii=False)}, pools = {json.dumps(pools)}, seeds = {json.dumps(seeds)};
      console.log(JSON.stringify({{ problems: papers.map(paperProblems), id: paperId(papers[5]),
        draws: pools.flatMap((pool) => seeds.map((seed) => drawPaper(pool.map((id) => ({{ id }})), 9, seed)
          .map((q) => q.id))) }}));
    """)
    assert page["problems"] == [paper_problems(p) for p in papers]  # type: ignore[index]
    assert page["id"] == papers[5]["id"] == paper_id(papers[5])  # type: ignore[index]

    class Q:
        def __init__(self, id: str) -> None:
            self.id = id
    ours = [[q.id for q in draw([Q(i) for i in pool], 9, seed)] for pool in pools for seed in seeds]  # type: ignore[arg-type]
    assert page["draws"] == ours  # type: ignore[index]


def test_every_problem_of_a_paper_file_is_listed(tmp_path):
    assert paper_problems(HOSTILE[3]) == [
        "unknown field 'onload'", "'banks[0]' must be {\"id\": a bank id, \"hash\": 16 hex digits}",
        "'tags' must be a list of at most 100 tags",
        "'types.single' must be {\"count\": 1 to 500, \"points\": hundredths from 1 to 10000}",
        "'types' has an unknown type 'essay' (types: single, multiple, truefalse, fill)",
        "'minutes' must be a whole number from 1 to 600", "'pass_mark' must be a whole number from 0 to 100",
        "'seed' must be text of 1 to 64 characters"]
    assert paper_problems(HOSTILE[4]) == ["'banks' names a bank twice", "'types' must ask for at least one question"]
    edited = {**make(), "minutes": 90}
    assert paper_problems(edited) == ["'id' does not match the paper's contents: it was changed after it was composed"]
    cases = {"big.json": b" " * 100_001, "gbk.json": "{\"标题\": 1}".encode("gbk"), "broken.json": b"{\n",
             "float.json": json.dumps({**make(), "minutes": 0.5}).encode(), "nan.json": b'{"minutes": NaN}'}
    said = {}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(PaperError) as error:
            read_paper(tmp_path / name)
        said[name] = error.value.problems
    assert said == {"big.json": ["too large: over 100 KB (a paper is under 1 KB)"], "gbk.json": ["not UTF-8 text"],
                    "broken.json": ["not valid JSON: Expecting property name enclosed in double quotes (line 2, column 1)"],
                    "float.json": ["'minutes' must be a whole number from 1 to 600"],
                    "nan.json": ["not a Shuniu paper: 'format' must be \"shuniu-paper\""]}
    (tmp_path / "whole.json").write_text(json.dumps(make()).replace('"minutes": 25', '"minutes": 25.0'), encoding="utf-8")
    assert read_paper(tmp_path / "whole.json").minutes == 25  # as JavaScript reads 25.0


def test_the_paper_draws_per_type_in_paper_order_with_the_papers_points():
    content = current_banks(PROJECT)
    bank = composed_bank(content, read_paper_of(make()))
    assert [q.type.value for q in bank.questions] == ["single"] * 4 + ["truefalse"] * 3
    assert {str(q.points) for q in bank.questions} == {"2", "1.5"}
    assert len({q.id for q in bank.questions}) == 7
    with pytest.raises(PaperError) as error:
        composed_bank(content, read_paper_of(make(types={"fill": {"count": 500, "points": 100}})))
    assert error.value.problems[0].startswith("fill: the banks have ")
    with pytest.raises(PaperError) as error:
        composed_bank(content, read_paper_of(make(banks=[{"id": "no-such-bank", "hash": ""}])))
    assert error.value.problems == ["no bank no-such-bank under quizzes/: the paper cannot be drawn"]


def read_paper_of(data: dict):
    from shuniu.quiz.paper import Paper
    assert paper_problems(data) == []
    return Paper(data)


def test_the_word_paper_of_a_composed_paper_has_its_questions_order_and_points(tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("SHUNIU_REQUIRE_BROWSER"):
            pytest.fail("LibreOffice (soffice) is missing: apt-get install libreoffice-writer-nogui")
        pytest.skip("rendering the Word paper needs LibreOffice")
    paper_file = write(tmp_path, "paper.json", json.dumps(make(), ensure_ascii=False))
    run = CliRunner().invoke(main, ["quiz", "export", "--format", "docx", "--paper", str(paper_file),
                                    "-o", str(tmp_path / "paper.docx"), "--root", str(PROJECT)])
    assert run.exit_code == 0, run.output
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to",
                    "txt:Text", "--outdir", str(tmp_path), str(tmp_path / "paper.docx")],
                   check=True, capture_output=True, timeout=240)
    text = (tmp_path / "paper.txt").read_text(encoding="utf-8-sig")
    questions = composed_bank(current_banks(PROJECT), read_paper(paper_file)).questions
    lines = text.splitlines()
    assert lines[0] == "第一季度测试"
    assert "1. 本试卷共 7 题，满分 12.5 分，考试时间 25 分钟。" in lines
    assert "一、单项选择题（共 4 题，每题 2 分，共 8 分）" in lines
    assert "二、判断题（共 3 题，每题 1.5 分，共 4.5 分）" in lines
    paper_part = lines[lines.index("一、单项选择题（共 4 题，每题 2 分，共 8 分）"):lines.index("第一季度测试　参考答案与解析")]
    numbered = [line for line in paper_part if line.split(". ", 1)[0].isdigit()]
    assert [line.split(". ", 1)[1][:12] for line in numbered] == [q.stem[:12] for q in questions]


def test_a_bad_paper_file_is_listed_and_nothing_is_written(tmp_path):
    bad = write(tmp_path, "bad.json", json.dumps({**make(), "minutes": 0, "seed": ""}))
    run = CliRunner().invoke(main, ["quiz", "export", "--format", "docx", "--paper", str(bad),
                                    "-o", str(tmp_path / "x.docx"), "--root", str(PROJECT)])
    assert run.exit_code == 1
    assert run.output.splitlines()[:2] == [f"{bad}: 'minutes' must be a whole number from 1 to 600",
                                           f"{bad}: 'seed' must be text of 1 to 64 characters"]
    assert not (tmp_path / "x.docx").exists()
    run = CliRunner().invoke(main, ["quiz", "export", "--format", "gift", "--paper", str(bad), "-o", str(tmp_path / "x"),
                                    "--root", str(PROJECT)])
    assert run.exit_code == 2 and "--paper goes with --format docx" in run.output


def test_results_of_different_papers_are_named_not_silently_merged(tmp_path):
    write(tmp_path, "quizzes/gw.yml", (Path(__file__).parent / "test_results_report.py").read_text(encoding="utf-8")
          .split('BANK = """\\\n', 1)[1].split('"""', 1)[0])
    plain = result("张三", "一组", "482913", {"gw-001": 100})
    composed = result("李四", "一组", "482913", {"gw-001": 100})
    composed = sign({**composed, "exam": {**composed["exam"], "paper": "3f9c0a1b2c4d"}})
    files = [save(tmp_path, "a.json", plain), save(tmp_path, "b.json", composed)]
    report = build_report(files, tmp_path)
    assert report.papers() == [("种子 482913（gw）", 1), ("组卷 3f9c0a1b2c4d", 1)]
    assert "这些成绩来自 2 份不同的试卷（种子 482913（gw）：1 份、组卷 3f9c0a1b2c4d：1 份）" in render_html(report, ["", ""])
    with pytest.raises(ResultError, match=r"field 'exam.paper' must be a paper id \(text\)"):
        verify(sign({**composed, "exam": {**composed["exam"], "paper": 5}}))
