"""Loading ``quizzes/*.yml`` into ``content.banks``; every problem points at its file and line.

A missing or empty ``quizzes/`` folder is fine: the site simply has no banks yet.
"""

from __future__ import annotations

import re
from pathlib import Path

from shuniu.check import loader
from shuniu.fields import FieldReader, describe
from shuniu.model import Content
from shuniu.problems import Problems
from shuniu.quiz.model import Bank, Question
from shuniu.quiz.points import read_type_points
from shuniu.quiz.questions import read_question
from shuniu.yamlsrc import LineDict, LineList, YamlError, load_yaml

QUIZZES = "quizzes"
# `classification` (public | internal) is read and checked by shuniu.control (editions) before banks load.
BANK_FIELDS = {"id", "title", "description", "tags", "pass_mark", "questions", "classification", "points"}
# Generated pages share the bank pages' folder (quizzes/<id>.html), so a bank may not take their names.
RESERVED_IDS = {"index", "practice", "exam", "wrongbook", "progress"}
_BANK_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@loader
def load_banks(root: Path, content: Content, problems: Problems) -> None:
    """Read every bank file under ``root/quizzes`` into ``content.banks`` (sorted by file name)."""
    folder = root / QUIZZES
    if not folder.is_dir():
        return
    for file in sorted(folder.iterdir()):
        path = f"{QUIZZES}/{file.name}"
        if file.suffix == ".yaml":
            problems.add(path, 1, f"bank files end in .yml: rename it to {file.stem}.yml")
        elif file.suffix == ".yml" and file.is_file():
            bank = load_bank(file, path, problems)
            if bank is not None:
                content.banks.append(bank)


def load_bank(file: Path, path: str, problems: Problems) -> Bank | None:
    """Read one bank file; None when the file as a whole is unusable."""
    try:
        data = load_yaml(file.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        problems.add(path, 1, "file is not valid UTF-8 text")
        return None
    except YamlError as error:
        problems.add(path, error.line, error.message)
        return None
    if not isinstance(data, LineDict):
        line = data.line if isinstance(data, LineList) else 1
        problems.add(path, line, f"a bank must be a mapping of fields (id, title, questions, ...), got {describe(data)}")
        return None
    return _read_bank(data, file.stem, path, problems)


def _read_bank(data: LineDict, stem: str, path: str, problems: Problems) -> Bank | None:
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
    title = fields.text("title")
    bank = Bank(
        id=stem,
        title=title or "",
        path=path,
        questions=_read_questions(fields),
        description=fields.text("description", required=False) or "",
        tags=fields.text_list("tags"),
        pass_mark=fields.integer("pass_mark", 0, 100, default=60) or 0,
        points=read_type_points(fields),
    )
    return bank if title is not None else None


def _read_questions(fields: FieldReader) -> tuple[Question, ...]:
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
    read = [read_question(item, value.line_of(i), i + 1, fields.path, fields.problems) for i, item in enumerate(value)]
    return tuple(question for question in read if question is not None)
