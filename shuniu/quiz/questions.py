"""Reading one question of a bank: fields, options and the answer shape each type needs."""

from __future__ import annotations

import re
from typing import Any

from shuniu.fields import FieldReader, describe
from shuniu.problems import Problems
from shuniu.quiz.model import OPTION_LETTERS, Answer, Question, QuestionType
from shuniu.quiz.points import read_points
from shuniu.yamlsrc import LineDict

QUESTION_FIELDS = {"id", "type", "stem", "options", "answer", "explanation", "source", "difficulty", "tags", "points"}
_QUESTION_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
# A blank in a fill stem: four or more underscores, or empty full-width brackets （ ）.
BLANK = re.compile(r"_{4,}|（\s*）")


def count_blanks(stem: str) -> int:
    return len(BLANK.findall(stem))


def given_id(item: object) -> tuple[str, int] | None:
    """(id, line) of a question mapping whose id is usable text, else None."""
    if not isinstance(item, LineDict):
        return None
    raw = item.get("id")
    if isinstance(raw, (dict, list, bool)) or raw is None or not str(raw).strip():
        return None
    return str(raw).strip(), item.line_of("id")


def read_question(item: object, line: int, number: int, path: str, problems: Problems) -> Question | None:
    """Read question ``number`` (1-based) of a bank; None when it has a problem (all are reported)."""
    if not isinstance(item, LineDict):
        problems.add(path, line, f"question {number}: a question must be a mapping of fields, got {describe(item)}")
        return None
    known = given_id(item)
    where = f"question '{known[0]}': " if known else f"question {number}: "
    fields = FieldReader(item, path, problems, where)
    before = len(problems)
    question_id = fields.text("id")
    if question_id and not _QUESTION_ID.match(question_id):
        fields.problem("id", "id must be letters, digits, '-', '_' or '.'")
    kind = fields.choice("type", QuestionType)
    stem = fields.text("stem")
    explanation = fields.text("explanation")
    difficulty = fields.integer("difficulty", 1, 3, default=2)
    tags = fields.tags()
    source = fields.text("source", required=False)
    points = read_points(fields)
    fields.unknown(QUESTION_FIELDS)
    options = _read_options(fields, kind)
    answer = _read_answer(fields, kind, options, stem) if kind else None
    if len(problems) > before or not (question_id and kind and stem and explanation) or answer is None:
        return None
    return Question(
        id=question_id, type=kind, stem=stem, answer=answer, explanation=explanation,
        options=options or (), source=source, difficulty=difficulty or 2, tags=tags, points=points,
        line=item.line_of("id"), source_line=item.line_of("source"),
    )


def _read_options(fields: FieldReader, kind: QuestionType | None) -> tuple[tuple[str, str], ...] | None:
    """The lettered options of a choice question; None when they are missing or wrong."""
    value = fields.data.get("options")
    if kind is None or not kind.is_choice:
        if value is not None and kind is not None:
            fields.problem("options", "field 'options' is only for single and multiple choice questions")
        return None
    if value is None:
        fields.problem(None, "missing required field 'options'")
        return None
    if not isinstance(value, LineDict):
        fields.problem("options", f"field 'options' must be a mapping like A: text, got {describe(value)}")
        return None
    letters = [str(key) for key in value]
    if letters != list(OPTION_LETTERS[: len(letters)]):
        fields.problem("options", f"options must be lettered A, B, C, ... in order (up to H), got {', '.join(letters)}")
        return None
    if len(letters) < 2:
        fields.problem("options", f"a choice question needs at least 2 options, got {len(letters)}")
        return None
    options = []
    for letter in letters:  # every bad option is reported, not only the first
        text = value[letter]
        if isinstance(text, (dict, list, bool)) or text is None or not str(text).strip():
            shown = "nothing" if text is None or not str(text).strip() else describe(text)
            fields.problems.add(fields.path, value.line_of(letter), f"{fields.where}option '{letter}' must be text, got {shown}")
        else:
            options.append((letter, str(text).strip()))
    return tuple(options) if len(options) == len(letters) else None


def _read_answer(
    fields: FieldReader, kind: QuestionType, options: tuple[tuple[str, str], ...] | None, stem: str | None
) -> Answer | None:
    """The answer in the shape its type needs; None (with a problem) when it is wrong."""
    value = fields.data.get("answer")
    if value is None:
        fields.problem(None, "missing required field 'answer'")
        return None
    letters = [letter for letter, _ in options] if options is not None else None
    if kind is QuestionType.SINGLE:
        return _single(fields, value, letters)
    if kind is QuestionType.MULTIPLE:
        return _multiple(fields, value, letters)
    if kind is QuestionType.TRUEFALSE:
        if not isinstance(value, bool):
            fields.problem("answer", f"answer must be true or false, got {describe(value)}")
            return None
        return value
    if kind is QuestionType.FILL:
        return _fill(fields, value, stem)
    return fields.text("answer")


def _option_range(letters: list[str]) -> str:
    return f"A-{letters[-1]}"


def _single(fields: FieldReader, value: Any, letters: list[str] | None) -> str | None:
    if isinstance(value, (dict, list, bool)):
        fields.problem("answer", f"answer must be one option letter like B, got {describe(value)}")
        return None
    answer = str(value).strip()
    if letters is not None and answer not in letters:
        fields.problem("answer", f"answer '{answer}' is not one of the options {_option_range(letters)}")
        return None
    return answer if letters is not None else None


def _multiple(fields: FieldReader, value: Any, letters: list[str] | None) -> tuple[str, ...] | None:
    if not isinstance(value, list) or any(isinstance(item, (dict, list, bool)) or item is None for item in value):
        fields.problem("answer", f"answer must be a list of option letters like [A, C], got {describe(value)}")
        return None
    chosen = [str(item).strip() for item in value]
    ok = True
    for letter in sorted(set(chosen)):
        if chosen.count(letter) > 1:
            fields.problem("answer", f"answer lists '{letter}' more than once")
            ok = False
        if letters is not None and letter not in letters:
            fields.problem("answer", f"answer '{letter}' is not one of the options {_option_range(letters)}")
            ok = False
    if len(set(chosen)) < 2:
        fields.problem("answer", "a multiple choice answer needs at least 2 different letters like [A, C]; "
                                 "use type single for one right option")
        ok = False
    return tuple(sorted(set(chosen))) if ok and letters is not None else None


def _fill(fields: FieldReader, value: Any, stem: str | None) -> tuple[tuple[str, ...], ...] | None:
    shape = "a list of accepted answers like [答案, 另一写法], or one such list per blank"
    if not isinstance(value, list) or not value:
        got = "an empty list" if isinstance(value, list) else describe(value)
        fields.problem("answer", f"answer must be {shape}, got {got}")
        return None
    nested = [isinstance(item, list) for item in value]
    if any(nested) and not all(nested):
        fields.problem("answer", f"answer must be {shape}, not a mix of both")
        return None
    blanks = [list(item) for item in value] if all(nested) else [list(value)]
    accepted = [_accepted(fields, index + 1, answers, len(blanks)) for index, answers in enumerate(blanks)]
    in_stem = count_blanks(stem) if stem else None
    if in_stem == 0:
        fields.problem("stem", "a fill question needs blanks in the stem, written as ____ or （ ）")
        return None
    if in_stem is not None and in_stem != len(blanks):
        fields.problem("answer", f"the stem has {in_stem} blanks but the answer gives {len(blanks)} "
                                 "(one list of accepted answers per blank)")
        return None
    if any(group is None for group in accepted) or in_stem is None:
        return None
    return tuple(group for group in accepted if group is not None)


def _accepted(fields: FieldReader, number: int, answers: list[Any], blanks: int) -> tuple[str, ...] | None:
    """The accepted answers of blank ``number``; numbers count as text (YAML reads 2019 as one)."""
    which = f"blank {number}" if blanks > 1 else "the blank"
    if not answers:
        fields.problem("answer", f"answer for {which} must list at least one accepted answer")
        return None
    for item in answers:
        if isinstance(item, (dict, list, bool)) or item is None or not str(item).strip():
            shown = "nothing" if item is None or not str(item).strip() else describe(item)
            fields.problem("answer", f"accepted answers for {which} must be text, got {shown}")
            return None
    return tuple(str(item).strip() for item in answers)
