"""Points (分值): bank and question ``points``, their checks, points_of, and where exports put them."""

import xml.etree.ElementTree as ET
from decimal import Decimal

from openpyxl import load_workbook

from shuniu.check import check_root
from shuniu.export import moodle_xml, xlsx
from shuniu.export.excel_import import bank_fields, import_sheet, read_workbook
from shuniu.export.layout import column_of
from shuniu.problems import Problems
from shuniu.quiz.load import load_bank
from shuniu.quiz.points import DEFAULT_POINTS, points_of, points_text, total_points
from tests.conftest import write
from tests.test_quiz_validate import HEAD, SINGLE, bank_problems

QUESTIONS = SINGLE + """\
  - {id: gw-002, type: multiple, stem: 哪些？, options: {A: 甲, B: 乙, C: 丙}, answer: [A, B], explanation: 甲乙。}
  - {id: gw-003, type: truefalse, stem: 对吗？, answer: true, explanation: 对。, points: 0.5}
  - {id: gw-004, type: fill, stem: ____和____。, answer: [[甲], [乙]], explanation: 甲乙。, points: 4}
  - {id: gw-005, type: fill, stem: ____和____。, answer: [[丙], [丁]], explanation: 丙丁。}
  - {id: gw-006, type: short, stem: 简述。, answer: 要点。, explanation: 要点。}
"""


def loaded(root, head=HEAD):
    write(root, "quizzes/gw.yml", head + QUESTIONS)
    content, problems = check_root(root)
    assert [str(p) for p in problems.sorted()] == []
    return content.banks[0]


def test_points_come_from_the_question_then_the_bank_then_the_defaults(content_root):
    bank = loaded(content_root, HEAD.replace("questions:", "points: {single: 2.5, fill: 3}\nquestions:"))
    worth = {question.id: points_text(points_of(bank, question)) for question in bank.questions}
    assert worth == {"gw-001": "2.5", "gw-002": "2", "gw-003": "0.5", "gw-004": "4", "gw-005": "3", "gw-006": "5"}
    assert total_points(bank) == Decimal("17")


def test_without_points_the_documented_defaults_hold(content_root):
    bank = loaded(content_root)
    assert [points_text(points_of(bank, q)) for q in bank.questions] == ["1", "2", "0.5", "4", "1", "5"]
    assert {kind.value: int(points) for kind, points in DEFAULT_POINTS.items()} == {
        "single": 1, "multiple": 2, "truefalse": 1, "fill": 1, "short": 5}


def test_bad_bank_points_are_reported_at_their_lines(content_root):
    head = HEAD.replace("questions:", "points:\n  single: 0\n  multi: 2\n  fill: 1.125\n  short: '5'\n"
                                      "  truefalse: 101\nquestions:")
    shape = "a positive number up to 100 with at most 2 decimals, like 2 or 0.5"
    assert bank_problems(content_root, SINGLE, head) == [
        f"quizzes/gw.yml:4: points of single must be {shape}, got '0'",
        "quizzes/gw.yml:5: points: unknown question type 'multi' (types are single, multiple, truefalse, fill, short)",
        f"quizzes/gw.yml:6: points of fill must be {shape}, got '1.125'",
        f"quizzes/gw.yml:7: points of short must be {shape}, got '5'",
        f"quizzes/gw.yml:8: points of truefalse must be {shape}, got '101'",
    ]
    assert bank_problems(content_root, SINGLE, HEAD.replace("questions:", "points: 2\nquestions:")) == [
        "quizzes/gw.yml:3: field 'points' must be a mapping of question type "
        "(single, multiple, truefalse, fill, short) to points, got '2'"]


def test_bad_question_points_are_reported_at_their_lines(content_root):
    text = SINGLE + "    points: -1\n" + SINGLE.replace("gw-001", "gw-002") + "    points: true\n" \
        + SINGLE.replace("gw-001", "gw-003") + "    points: 0.333\n"
    shape = "a positive number up to 100 with at most 2 decimals, like 2 or 0.5"
    assert bank_problems(content_root, text) == [
        f"quizzes/gw.yml:12: question 'gw-001': field 'points' must be {shape}, got '-1'",
        f"quizzes/gw.yml:21: question 'gw-002': field 'points' must be {shape}, got true",
        f"quizzes/gw.yml:30: question 'gw-003': field 'points' must be {shape}, got '0.333'",
    ]


def test_moodle_xml_grades_each_question_by_its_points(content_root):
    bank = loaded(content_root, HEAD.replace("questions:", "points: {single: 2.5}\nquestions:"))
    root = ET.fromstring(moodle_xml.export(None, [bank]).data)  # type: ignore[arg-type]
    grades = {q.findtext("name/text"): q.findtext("defaultgrade") for q in root.iter("question") if q.find("name") is not None}
    assert grades == {"gw-001": "2.5", "gw-002": "2", "gw-003": "0.5", "gw-004": "4", "gw-005": "1", "gw-006": "5"}
    stems = {q.findtext("name/text"): q.findtext("questiontext/text") for q in root.iter("question")}
    # Moodle adds up a cloze question's blank weights (whole numbers): 4 points over 2 blanks weigh 2 each.
    assert stems["gw-004"].count("{2:SHORTANSWER:") == 2
    assert stems["gw-005"].count("{1:SHORTANSWER:") == 2


def test_excel_keeps_question_and_type_points_through_export_and_import(content_root, tmp_path):
    bank = loaded(content_root, HEAD.replace("questions:", "points: {single: 2.5, short: 10}\nquestions:"))
    content, _ = check_root(content_root)
    file = tmp_path / "gw.xlsx"
    file.write_bytes(xlsx.export(content, [bank]).data)
    sheet = load_workbook(file)["题库"]
    column = [cell.value for cell in sheet[column_of("分值")]]
    assert column == ["分值", None, None, 0.5, 4, None, None]  # only the questions' own points
    assert load_workbook(file)["题库信息"]["B7"].value == "单选题 2.5；简答题 10"
    data = read_workbook(file)
    fields, problems = bank_fields(data, "gw", "gw", None)
    assert fields is not None and not problems
    result = import_sheet(data, fields, content)
    assert result.yaml is not None and not result.problems
    (tmp_path / "back").mkdir()
    (tmp_path / "back" / "gw.yml").write_text(result.yaml, encoding="utf-8")
    again = load_bank(tmp_path / "back" / "gw.yml", "quizzes/gw.yml", Problems())
    assert again is not None and again.points == bank.points
    assert [points_of(again, q) for q in again.questions] == [points_of(bank, q) for q in bank.questions]
