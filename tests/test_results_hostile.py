"""`shuniu results report` against hostile and careless files: each is listed with its reason and
left out, the report is always written, and there is never a traceback."""

from __future__ import annotations

import json
import time

import pytest
from click.testing import CliRunner

from shuniu.cli import main
from shuniu.quiz.results import MAX_BYTES
from tests.conftest import write
from tests.test_results_report import BANK, result, save, sign

GOOD = result("张三", "一组", "1", {"gw-001": 100, "gw-002": 50})


def report(tmp_path, *files):
    write(tmp_path, "quizzes/gw.yml", BANK)
    good = save(tmp_path / "in", "good.json", GOOD)
    outcome = CliRunner().invoke(main, ["results", "report", str(good), *map(str, files), "-o", str(tmp_path / "out"),
                                        "--root", str(tmp_path)])
    assert outcome.exception is None or isinstance(outcome.exception, SystemExit), outcome.exception
    assert "Traceback" not in outcome.output
    assert outcome.exit_code == 0, outcome.output
    assert (tmp_path / "out/report.html").exists() and (tmp_path / "out/report.csv").exists()
    assert "张三" in (tmp_path / "out/report.csv").read_text(encoding="utf-8-sig")
    return dict(line.split(": ", 1) for line in outcome.stderr.splitlines())


def test_a_number_with_5000_digits(tmp_path):
    path = write(tmp_path, "big.json", json.dumps(GOOD).replace('"count": 2', '"count": ' + "9" * 5000))
    assert report(tmp_path, path) == {str(path): "not a result file: a number with 5000 digits (at most 18)"}


def test_arrays_nested_100000_deep(tmp_path):
    path = write(tmp_path, "deep.json", "[" * 100_000)
    assert report(tmp_path, path) == {str(path): "not a result file: nested more than 32 levels deep"}


def test_a_50_mb_file_is_refused_unread(tmp_path):
    path = tmp_path / "huge.json"
    with path.open("wb") as file:
        file.truncate(50_000_000)  # sparse: instant, and mostly never read
    started = time.monotonic()
    reason = f"too large: over {MAX_BYTES // 1_000_000} MB (a result file is a few kilobytes)"
    assert report(tmp_path, path) == {str(path): reason}
    assert time.monotonic() - started < 10


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("empty.json", b"", "the file is empty"),
    ("blank.json", b" \n", "the file is empty"),
    ("gbk.json", '{"姓名": "张三"}'.encode("gbk"), "not UTF-8 text"),
    ("nan.json", b'{"format": NaN}', "not a result file: NaN is not a JSON number"),
    ("list.json", b"[1, 2]", "not a Shuniu result file: expected a JSON object"),
    ("long-format.json", json.dumps({"format": "x" * 100_000}).encode(),
     f'not a Shuniu result file: format is "{"x" * 38}…, expected "shuniu-result"'),
])
def test_careless_files(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    assert report(tmp_path, path) == {str(path): reason}


def test_a_folder_named_like_a_file_and_an_empty_folder(tmp_path):
    (tmp_path / "box/sub.json").mkdir(parents=True)
    (tmp_path / "empty").mkdir()
    assert report(tmp_path, tmp_path / "box", tmp_path / "empty") == {
        str(tmp_path / "box/sub.json"): "is a folder, not a result file",
        str(tmp_path / "empty"): "a folder with no .json file in it",
    }


WRONG = {  # a field's kind -> values of every other kind
    "text": [["x"], {"a": 1}, 5, True, None], "int": ["7", 3.5, True, None, [1], {}, 10**17],
    "bool": ["true", 1, None, []], "list": ["x", {"a": 1}, 5, None], "object": ["x", [1], 5, None],
}
FIELDS = {
    "format": "text", "version": "int", "learner": "object", "learner.name": "text", "learner.group": "text",
    "exam": "object", "exam.banks": "list", "exam.banks.0": "object", "exam.banks.0.id": "text", "exam.banks.0.hash": "text",
    "exam.tags": "list", "exam.seed": "text", "exam.count": "int", "exam.minutes": "int", "exam.pass_mark": "int",
    "started": "text", "finished": "text", "auto_submitted": "bool", "answers": "list", "answers.0": "object",
    "answers.0.id": "text", "answers.0.type": "text", "answers.0.points": "int", "answers.0.correct": "bool",
    "score": "object", "score.points": "int", "score.max": "int", "score.percent": "int", "score.passed": "bool",
    "checksum": "text",
}


def replaced(data, path, value):
    copy = json.loads(json.dumps(data))
    *parents, last = path.split(".")
    target = copy
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target[part]
    target[int(last) if isinstance(target, list) else last] = value
    return copy


@pytest.mark.parametrize("field", FIELDS)
def test_wrong_types_for_every_field(tmp_path, field):
    wrong = [value for value in WRONG[FIELDS[field]] if not (field == "exam.minutes" and value is None)]  # null: no limit
    changed = [replaced(GOOD, field, value) for value in wrong]
    files = [save(tmp_path / "bad", f"{n}.json", data if field == "checksum" else sign(data)) for n, data in enumerate(changed)]
    reasons = report(tmp_path, *files)
    assert sorted(reasons) == sorted(map(str, files))  # every one left out, each with its reason
    leaf = field.split(".")[-1]
    named = ("format", "version", "checksum", leaf, "3.5 is not a whole number")  # floats are refused as the file is read
    assert all(any(word in reason for word in named) for reason in reasons.values()), reasons
