"""Loading ``quizzes/*.yml`` into ``content.banks``; every problem points at its file and line.

A missing or empty ``quizzes/`` folder is fine: the site simply has no banks yet.
"""

from __future__ import annotations

import re
from pathlib import Path

from shuniu.fields import FieldReader, describe, load_shaped
from shuniu.model import Content
from shuniu.problems import Problems
from shuniu.quiz.model import Bank, Question
from shuniu.quiz.points import read_type_points
from shuniu.quiz.questions import given_id, read_question
from shuniu.yamlsrc import LineDict, LineList, read_source

QUIZZES = "quizzes"
# `classification` (public | internal) is read and checked by shuniu.control (editions) before banks load.
BANK_FIELDS = {"id", "title", "description", "tags", "pass_mark", "questions", "classification", "points"}
# Generated pages share the bank pages' folder (quizzes/<id>.html), so a bank may not take their names.
# quizzes/<id>.en.yml is the English version of a bank, read by shuniu.quiz.translation.
TRANSLATION_SUFFIX = ".en.yml"
RESERVED_IDS = {"index", "practice", "exam", "wrongbook", "progress", "group-report", "compose"}
_BANK_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def load_banks(root: Path, content: Content, problems: Problems) -> None:
    """Read every bank file under ``root/quizzes`` into ``content.banks`` (sorted by file name).

    A bank file that cannot be read at all still stands for its id (with no questions), so plans
    and study units naming it get no second, misleading "unknown bank" error.
    """
    folder = root / QUIZZES
    if not folder.is_dir():
        return
    question_ids: dict[str, str] = {}  # across all banks: id -> where it was first used
    for file in sorted(folder.iterdir()):
        path = f"{QUIZZES}/{file.name}"
        if file.suffix == ".yaml":
            problems.add(path, 1, f"bank files end in .yml: rename it to {file.stem}.yml")
        elif file.suffix == ".yml" and file.is_file() and not file.name.endswith(TRANSLATION_SUFFIX):
            bank = load_bank(file, path, problems, question_ids)
            content.banks.append(bank if bank is not None else Bank(file.stem, "", path, ()))


def load_bank(file: Path, path: str, problems: Problems, question_ids: dict[str, str] | None = None) -> Bank | None:
    """Read one bank file; None when the file as a whole is unusable.

    ``question_ids`` (id -> path:line) is shared by the banks of one project, so an id used twice
    is reported wherever it is, even on a question with other problems.
    """
    text = read_source(file, path, problems)
    if text is None:
        return None
    data = load_shaped(text, path, problems, LineDict, "a bank must be a mapping of fields (id, title, questions, ...)",
                       list_line=True)
    if data is None:
        return None
    return _read_bank(data, file.stem, path, problems, {} if question_ids is None else question_ids)


def _read_bank(data: LineDict, stem: str, path: str, problems: Problems, question_ids: dict[str, str]) -> Bank:
    """The bank with every field that parsed (the problems of the others are reported)."""
    fields = FieldReader(data, path, problems)
    fields.unknown(BANK_FIELDS)
    bank_id = fields.text("id")
    if bank_id is not None and bank_id != stem:
        fields.problem("id", f"bank id '{bank_id}' must equal the file name '{stem}'")
    if not _BANK_ID.match(stem):
        fields.problem("id" if "id" in data else None,
                       f"bank id '{stem}' must be lower-case letters and digits joined by '-', e.g. gongwen-jichu")
    elif stem in RESERVED_IDS:
        fields.problem("id" if "id" in data else None, f"bank id '{stem}' is reserved for a quiz page; choose another name")
    return Bank(
        id=stem,
        title=fields.text("title") or "",
        path=path,
        questions=_read_questions(fields, question_ids),
        description=fields.text("description", required=False) or "",
        tags=fields.tags(),
        pass_mark=fields.integer("pass_mark", 0, 100, default=60) or 0,
        pass_mark_written="pass_mark" in data,
        points=read_type_points(fields),
    )


def _read_questions(fields: FieldReader, question_ids: dict[str, str]) -> tuple[Question, ...]:
    value = fields.data.get("questions")
    if value is None:
        fields.problem(None, "missing required field 'questions'")
        return ()
    if not isinstance(value, LineList):
        fields.problem("questions", f"field 'questions' must be a list of questions, got {describe(value)}")
        return ()
    if not value:
        fields.problem("questions", "a bank needs at least one question")
        return ()
    read = []
    for index, item in enumerate(value):
        read.append(read_question(item, value.line_of(index), index + 1, fields.path, fields.problems))
        _note_question_id(item, fields.path, fields.problems, question_ids)
    return tuple(question for question in read if question is not None)


def _note_question_id(item: object, path: str, problems: Problems, question_ids: dict[str, str]) -> None:
    """Report an id used before (in this bank or an earlier one), whatever else is wrong with the question."""
    found = given_id(item)
    if found is None:
        return
    text, line = found
    first = question_ids.setdefault(text, f"{path}:{line}")
    if first != f"{path}:{line}":
        problems.add(path, line, f"question id '{text}' is already used at {first}")
