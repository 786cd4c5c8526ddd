"""Reading the result files learners download after an exam (format ``shuniu-result``, version 1).

Each file is checked for its format, version, fields, checksum and arithmetic; a file that fails
is reported with one reason and left out, so one bad file never spoils a group's report.
The checksum only catches accidental or casual edits: a determined user can recompute it.
"""

from __future__ import annotations

import datetime
import hashlib
import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from shuniu.quiz.publish import canonical_json

# A JSON string (an unterminated one runs to the end, so the scan stays linear), and what is not a bracket.
_STRING = re.compile(r'"(?:[^"\\]|\\.)*+\\?(?:"|\Z)', re.S)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class ResultError(Exception):
    """Why a result file cannot be used; the message is shown after the file name."""


class _JSONLimit(Exception):
    """Raised inside the JSON parser's hooks: a limit was passed."""


@dataclass(frozen=True)
class AnswerRecord:
    id: str
    type: str
    points: int  # hundredths of a point earned, 0..max
    correct: bool
    max: int = 100  # hundredths the question is worth (version 1 files: 1 point each)


@dataclass(frozen=True)
class Result:
    """One learner's sitting of one exam, as verified from its file."""

    file: str  # as named on the command line
    name: str
    group: str
    seed: str
    paper: str | None  # the composed paper's id (组卷), None for an exam of the builder
    banks: tuple[str, ...]
    hashes: tuple[str, ...]  # each bank's content hash when the exam was taken
    pass_mark: int
    started: datetime.datetime
    finished: datetime.datetime
    auto_submitted: bool
    answers: tuple[AnswerRecord, ...]
    points: int
    max: int
    percent: int
    passed: bool
    checksum: str


def checksum_of(data: dict[str, Any]) -> str:
    """sha256 of the canonical JSON of the object without its ``checksum`` field."""
    rest = {key: value for key, value in data.items() if key != "checksum"}
    return hashlib.sha256(canonical_json(rest).encode("utf-8")).hexdigest()


def _rules() -> dict[str, Any]:
    """The result-file rules the 成绩汇总 page uses too: the JSON object in shuniu/web/quiz/rules.js."""
    text = RULES_FILE.read_text(encoding="utf-8")
    return cast(dict[str, Any], json.loads(text.split("export const RESULT_RULES =", 1)[1].strip().removesuffix(";")))


RULES_FILE = Path(__file__).resolve().parents[1] / "web" / "quiz" / "rules.js"
RULES = _rules()
_TIME = re.compile(RULES["time"])


def _is_int(value: Any) -> bool:
    return type(value) is int


def _is_time(value: Any) -> bool:
    if not isinstance(value, str) or not _TIME.match(value):
        return False
    try:
        datetime.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _in_range(value: Any, low: int | None, high: int | None) -> bool:
    return _is_int(value) and (low is None or value >= low) and (high is None or value <= high)


# What each kind of field in the rules must be (resultread.js has the same table).
_KINDS: dict[str, Callable[[Any, int | None, int | None], bool]] = {
    "object": lambda v, lo, hi: isinstance(v, dict),
    "list": lambda v, lo, hi: isinstance(v, list),
    "texts": lambda v, lo, hi: isinstance(v, list) and all(isinstance(t, str) for t in v),
    "name": lambda v, lo, hi: isinstance(v, str) and bool(v.strip()),
    "id": lambda v, lo, hi: isinstance(v, str) and bool(v),
    "text": lambda v, lo, hi: isinstance(v, str),
    "int": _in_range,
    "int_or_null": lambda v, lo, hi: v is None or _in_range(v, lo, hi),
    "time": lambda v, lo, hi: _is_time(v),
    "bool": lambda v, lo, hi: isinstance(v, bool),
    "sha256": lambda v, lo, hi: isinstance(v, str) and len(v) == 64,
}


def _field_table(fields: list[list[Any]]) -> dict[str, tuple[str, Callable[[Any], bool]]]:
    """Field path -> (what it must be, test), from the rules. Lists of objects are checked item by item."""
    def test(kind: str, low: int | None, high: int | None) -> Callable[[Any], bool]:
        return lambda value: _KINDS[kind](value, low, high)
    return {path: (words, test(kind, *bounds, *[None] * (2 - len(bounds)))) for path, words, kind, *bounds in fields}


_FIELDS = _field_table(RULES["fields"])
_OPTIONAL_FIELDS = _field_table(RULES["optional_fields"])  # checked when present (exam.paper)
_BANK_FIELDS = _field_table(RULES["bank_fields"])
_ANSWER_FIELDS = _field_table(RULES["answer_fields"])
_ANSWER_FIELDS_V2 = {**_ANSWER_FIELDS, **_field_table(RULES["answer_fields_v2"])}
OLDEST_VERSION: int = RULES["oldest_version"]
FORMAT: str = RULES["format"]
VERSION: int = RULES["version"]
MAX_BYTES: int = RULES["max_bytes"]  # a real file is a few kilobytes; anything near this is not a result
MAX_DEPTH: int = RULES["max_depth"]  # a result nests 4 levels (an answer's blanks); deeper is not a result
MAX_DIGITS: int = RULES["max_digits"]  # whole numbers in a result are small; a huge one is refused before parsing
_MISSING = object()


def _lookup(data: dict[str, Any], path: str) -> Any:
    value: Any = data
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return _MISSING
        value = value[part]
    return value


def _field_problems(data: dict[str, Any], fields: dict[str, tuple[str, Callable[[Any], bool]]], prefix: str) -> list[str]:
    problems = []
    for path, (kind, test) in fields.items():
        parent = path.rpartition(".")[0]
        if parent and not isinstance(_lookup(data, parent), dict):
            continue  # the parent's problem is already reported
        value = _lookup(data, path)
        if value is _MISSING:
            problems.append(f"field '{prefix}{path}' is missing")
        elif not test(value):
            problems.append(f"field '{prefix}{path}' must be {kind}")
    return problems


def _item_problems(items: Any, fields: dict[str, tuple[str, Callable[[Any], bool]]], name: str) -> list[str]:
    if not isinstance(items, list):
        return []
    problems = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            problems.append(f"field '{name}[{index}]' must be an object")
        else:
            problems += _field_problems(item, fields, f"{name}[{index}].")
    return problems


def _shown(value: Any, limit: int = 40) -> str:
    """A value from the file as JSON in a message, cut short: a file may put megabytes there."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def verify(data: Any) -> None:
    """Raise :class:`ResultError` with the first reason ``data`` is not a usable result."""
    if not isinstance(data, dict):
        raise ResultError("not a Shuniu result file: expected a JSON object")
    if "format" not in data:
        raise ResultError("not a Shuniu result file: no 'format' field")
    if data["format"] != FORMAT:
        raise ResultError(f"not a Shuniu result file: format is {_shown(data['format'])}, expected \"{FORMAT}\"")
    if not _is_int(data.get("version")) or not OLDEST_VERSION <= data["version"] <= VERSION:
        raise ResultError(f"unsupported result version {_shown(data.get('version'))}: "
                          f"this shuniu reads versions {OLDEST_VERSION} to {VERSION}")
    optional = {path: test for path, test in _OPTIONAL_FIELDS.items() if _lookup(data, path) is not _MISSING}
    problems = _field_problems(data, {**_FIELDS, **optional}, "")
    problems += _item_problems(_lookup(data, "exam.banks"), _BANK_FIELDS, "exam.banks")
    answer_fields = _ANSWER_FIELDS if data["version"] == 1 else _ANSWER_FIELDS_V2
    problems += _item_problems(data.get("answers"), answer_fields, "answers")
    if problems:
        raise ResultError("; ".join(problems))
    try:
        expected = checksum_of(data)
    except UnicodeEncodeError:  # a lone surrogate escaped in a string (\ud800) has no UTF-8
        raise ResultError("text that is not valid Unicode (a lone surrogate)") from None
    if expected != data["checksum"]:
        raise ResultError("checksum does not match: the file was changed after the exam")
    _check_sums(data)


def worth_of(data: dict[str, Any], answer: dict[str, Any]) -> int:
    """The hundredths an answer is worth: its ``max`` (version 2), else 100 (version 1: 1 point a question)."""
    return int(answer["max"]) if data["version"] >= 2 else 100


def _check_sums(data: dict[str, Any]) -> None:
    """The score must follow from the answers (a consistent file from a faulty player is still wrong)."""
    answers, score = data["answers"], data["score"]
    points = sum(answer["points"] for answer in answers)
    worth = [worth_of(data, answer) for answer in answers]
    for index, (answer, most) in enumerate(zip(answers, worth, strict=True)):
        if answer["points"] > most:
            raise ResultError(f"score does not add up: answers[{index}].points is {answer['points']}, more than its {most}")
    percent = 100 * score["points"] // score["max"] if score["max"] else 0
    if score["points"] != points:
        raise ResultError(f"score does not add up: score.points is {score['points']}, the answers give {points}")
    if data["exam"]["count"] != len(answers):
        raise ResultError(f"field 'exam.count' is {data['exam']['count']} for {len(answers)} answers")
    if score["max"] != sum(worth):
        raise ResultError(f"score does not add up: score.max is {score['max']} for answers worth {sum(worth)}")
    if score["percent"] != percent or score["passed"] != (percent >= data["exam"]["pass_mark"]):
        raise ResultError(f"score does not add up: {score['points']} of {score['max']} is {percent}%")


def read_result(path: Path, shown: str) -> Result:
    """Read and verify one result file; ``shown`` is how messages and the report name it."""
    data = parse_json(read_limited(path))
    verify(data)
    return _result(data, shown)


def read_limited(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a file of at most ``limit`` bytes (a real result file is a few kilobytes)."""
    if path.is_dir():
        raise ResultError("is a folder, not a result file")
    try:
        with path.open("rb") as file:
            raw = file.read(limit + 1)  # never more, whatever the file (or device) is
    except FileNotFoundError:
        raise ResultError("no such file") from None
    except OSError as error:
        raise ResultError(f"cannot read the file: {error.strerror}") from None
    if len(raw) > limit:
        raise ResultError(f"too large: over {limit // 1_000_000} MB (a result file is a few kilobytes)")
    if not raw.strip():
        raise ResultError("the file is empty")
    return raw


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _JSONLimit(f"a number with {len(text.lstrip('-'))} digits (at most {MAX_DIGITS})")
    return int(text)


def _no_constant(name: str) -> Any:
    raise _JSONLimit(f"{name} is not a JSON number")


def _no_float(text: str) -> Any:
    raise _JSONLimit(f"{text} is not a whole number (a result file has only whole numbers)")


def nesting_depth(text: str) -> int:
    """How deeply arrays and objects nest in JSON ``text`` (brackets inside strings do not count).
    Linear and without recursion, so any file can be measured before the parser sees it."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(itertools.accumulate(map(_STEP.__getitem__, brackets)), default=0)


def parse_json(raw: bytes) -> Any:
    """JSON from a learner's file, within limits: UTF-8, nesting, number size; only whole numbers, no NaN or Infinity.
    resultread.js reads files by the same rules, with the same messages (but its own wording of syntax errors)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ResultError("not UTF-8 text") from None
    if nesting_depth(text) > MAX_DEPTH:
        raise ResultError(f"not a result file: nested more than {MAX_DEPTH} levels deep")
    try:
        return json.loads(text, parse_int=_bounded_int, parse_float=_no_float, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise ResultError(f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})") from None
    except _JSONLimit as error:
        raise ResultError(f"not a result file: {error}") from None
    except (RecursionError, ValueError) as error:  # a limit of the parser itself: never a traceback
        raise ResultError(f"not a result file: {error}") from None


def _result(data: dict[str, Any], shown: str) -> Result:
    exam, score = data["exam"], data["score"]
    return Result(
        file=shown,
        name=data["learner"]["name"].strip(),
        group=data["learner"]["group"].strip(),
        seed=exam["seed"],
        paper=exam.get("paper"),
        banks=tuple(bank["id"] for bank in exam["banks"]),
        hashes=tuple(bank["hash"] for bank in exam["banks"]),
        pass_mark=exam["pass_mark"],
        started=datetime.datetime.fromisoformat(data["started"]),
        finished=datetime.datetime.fromisoformat(data["finished"]),
        auto_submitted=data["auto_submitted"],
        answers=tuple(AnswerRecord(a["id"], a["type"], a["points"], a["correct"], worth_of(data, a)) for a in data["answers"]),
        points=score["points"],
        max=score["max"],
        percent=score["percent"],
        passed=score["passed"],
        checksum=data["checksum"],
    )
