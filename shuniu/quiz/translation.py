"""English versions of banks: ``quizzes/<id>.en.yml`` next to ``quizzes/<id>.yml``.

A translation gives the bank's title and description and, for every question of the Chinese bank,
the same ``id`` and ``type`` with English ``stem``, ``options``, ``answer`` and ``explanation``. It is
the same question in another language, so the answer key must be the same: the same option letters
and the same right letters (single, multiple), the same true/false, the same number of blanks (fill;
the accepted English answers are the translation's). ``source``, ``difficulty``, ``tags`` and
``points`` are the Chinese bank's and are not repeated. A translation that is not yet complete says
``partial: true``: it is checked but not published (the English site shows the Chinese bank until then).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from shuniu.fields import FieldReader, describe, load_shaped
from shuniu.model import Content
from shuniu.problems import Problems
from shuniu.quiz.load import QUIZZES
from shuniu.quiz.load import TRANSLATION_SUFFIX as SUFFIX
from shuniu.quiz.model import Bank, Question, QuestionType
from shuniu.quiz.questions import given_id, read_question
from shuniu.yamlsrc import LineDict, LineList, read_source

TRANSLATION_FIELDS = {"id", "title", "description", "partial", "questions"}
FROM_CHINESE = ("source", "difficulty", "tags", "points")  # taken from the Chinese question


def load_translations(root: Path, content: Content, problems: Problems) -> None:
    """Read every ``quizzes/*.en.yml`` into ``content.english_banks`` (complete translations only)."""
    folder = root / QUIZZES
    if not folder.is_dir():
        return
    banks = {bank.id: bank for bank in content.banks}
    for file in sorted(folder.glob(f"*{SUFFIX}")):
        path = f"{QUIZZES}/{file.name}"
        bank_id = file.name.removesuffix(SUFFIX)
        if bank_id not in banks:
            problems.add(path, 1, f"English version of a bank that does not exist: there is no {QUIZZES}/{bank_id}.yml")
            continue
        english = load_translation(file, path, banks[bank_id], problems)
        if english is not None:
            content.english_banks[bank_id] = english


def load_translation(file: Path, path: str, bank: Bank, problems: Problems) -> Bank | None:
    """The English ``bank`` read from ``file``; None when it is unusable, has a problem or is partial."""
    text = read_source(file, path, problems)
    if text is None:
        return None
    data = load_shaped(text, path, problems, LineDict, "an English bank must be a mapping of fields (id, title, questions)")
    if data is None:
        return None
    before = len(problems)
    fields = FieldReader(data, path, problems)
    fields.unknown(TRANSLATION_FIELDS)
    if fields.text("id") not in (None, bank.id):
        fields.problem("id", f"id must be the Chinese bank's id '{bank.id}'")
    title, description = fields.text("title"), fields.text("description", required=False)
    partial = data.get("partial", False)
    if not isinstance(partial, bool):
        fields.problem("partial", f"partial must be true or false, got {describe(partial)}")
    questions = _translated_questions(fields, bank, partial is True)
    if len(problems) > before or partial is not False or questions is None:
        return None
    return dataclasses.replace(bank, title=title or bank.title, description=description or "", path=path,
                               questions=questions)


def _translated_questions(fields: FieldReader, bank: Bank, partial: bool) -> tuple[Question, ...] | None:
    """The Chinese questions with the English text, in the Chinese bank's order."""
    items = fields.data.get("questions")
    if not isinstance(items, LineList):
        fields.problem("questions" if "questions" in fields.data else None, "field 'questions' must be a list of questions")
        return None
    chinese = {question.id: question for question in bank.questions}
    english: dict[str, Question] = {}
    for index, item in enumerate(items):
        found = read_translated(item, items.line_of(index), index + 1, fields, chinese)
        if found is not None and found.id in english:
            fields.problems.add(fields.path, found.line, f"question '{found.id}' is translated twice")
        elif found is not None:
            english[found.id] = found
    given = {found[0] for found in map(given_id, items) if found is not None}  # a wrong one is reported, not missing
    missing = [question.id for question in bank.questions if question.id not in given]
    if missing and not partial:
        fields.problem("questions", f"no English for {len(missing)} question(s) of {bank.path}: {', '.join(missing)}"
                       " (translate them, or mark the file partial: true)")
    return tuple(english[question.id] for question in bank.questions if question.id in english)


def read_translated(item: object, line: int, number: int, fields: FieldReader,
                    chinese: dict[str, Question]) -> Question | None:
    """One English question checked against its Chinese original; None (with problems) when it does not match."""
    known = given_id(item)
    if known is not None and known[0] not in chinese:
        fields.problems.add(fields.path, known[1], f"question '{known[0]}' is not in the Chinese bank")
        return None
    for key in FROM_CHINESE:
        if isinstance(item, LineDict) and key in item:
            fields.problems.add(fields.path, item.line_of(key), f"question '{known[0] if known else number}': "
                                f"'{key}' is the Chinese bank's; leave it out of the English version")
    english = read_question(item, line, number, fields.path, fields.problems)
    if english is None:
        return None
    original = chinese[english.id]
    mismatch = answer_mismatch(original, english)
    if mismatch:
        fields.problems.add(fields.path, english.line, f"question '{english.id}': {mismatch}")
        return None
    return dataclasses.replace(original, stem=english.stem, options=english.options, answer=english.answer,
                               explanation=english.explanation, line=english.line)


def answer_mismatch(original: Question, english: Question) -> str | None:
    """Why ``english`` is not the same question as ``original`` (type, options, key, blanks), or None."""
    if english.type is not original.type:
        return f"type is {english.type.value}, the Chinese question is {original.type.value}"
    letters = [letter for letter, _ in original.options]
    if [letter for letter, _ in english.options] != letters:
        return f"options must be {', '.join(letters)} like the Chinese question's"
    if original.type in (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUEFALSE):
        if _key(english.answer) != _key(original.answer):
            return f"answer is {_shown(english.answer)}, the Chinese question's is {_shown(original.answer)}"
    if english.blanks != original.blanks:
        return f"{english.blanks} blank(s), the Chinese question has {original.blanks}"
    return None


def _key(answer: object) -> object:
    """An answer key to compare: the letters of a multiple-choice key in any order."""
    return tuple(sorted(answer)) if isinstance(answer, tuple) else answer


def _shown(answer: object) -> str:
    if isinstance(answer, bool):
        return "true" if answer else "false"
    return ", ".join(answer) if isinstance(answer, tuple) else str(answer)
