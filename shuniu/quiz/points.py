"""Points (分值): what a question is worth in an exam or on a paper.

A bank may set ``points`` per type, a question may set its own ``points``; otherwise the
defaults below hold (the usual weights of a Chinese office exam: a 简答 is worth several
choice questions). Points are positive numbers with at most two decimals (``0.5``, ``2``),
held as :class:`~decimal.Decimal` so sums like 0.1 + 0.2 are exact; result files store
earned points as integer hundredths (:func:`hundredths`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from shuniu.fields import FieldReader, describe
from shuniu.quiz.model import Bank, Question, QuestionType

DEFAULT_POINTS: Mapping[QuestionType, Decimal] = {
    QuestionType.SINGLE: Decimal(1),
    QuestionType.MULTIPLE: Decimal(2),
    QuestionType.TRUEFALSE: Decimal(1),
    QuestionType.FILL: Decimal(1),
    QuestionType.SHORT: Decimal(5),
}
MAX_POINTS = Decimal(100)
_TYPED = re.compile(r"^(\d+(?:\.\d+)?)\s*分?$")
_SHAPE = f"a positive number up to {MAX_POINTS} with at most 2 decimals, like 2 or 0.5"


def points_of(bank: Bank, question: Question) -> Decimal:
    """The points ``question`` is worth: its own, else its bank's for its type, else the default."""
    if question.points is not None:
        return question.points
    return bank.points.get(question.type, DEFAULT_POINTS[question.type])  # type_points(bank)[type], for one type


def type_points(bank: Bank) -> dict[QuestionType, Decimal]:
    """The points of each type in ``bank`` (its own where set, else the default), in type order."""
    return {kind: bank.points.get(kind, DEFAULT_POINTS[kind]) for kind in QuestionType}


def total_points(bank: Bank, questions: tuple[Question, ...] | list[Question] | None = None) -> Decimal:
    """The points of ``questions`` (all of the bank's when None) added up."""
    return sum((points_of(bank, question) for question in (bank.questions if questions is None else questions)),
               Decimal(0))


def hundredths(points: Decimal) -> int:
    """Points as the integer hundredths result files hold (2.5 -> 250)."""
    return int(points * 100)


def points_text(points: Decimal) -> str:
    """Points as people write them: 2, 0.5, 1.25 (no trailing zeros)."""
    return format(points.normalize(), "f")


def points_json(points: Decimal) -> int | float:
    """Points as a JSON number: an integer when whole (2), else a decimal (0.5)."""
    return int(points) if points == points.to_integral_value() else float(points)


def parse_points(value: Any) -> Decimal | None:
    """``value`` as points, or None when it is not a positive number up to 100 with at most 2 decimals."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return _checked(Decimal(str(value)))


def points_from_text(text: str) -> Decimal | None:
    """Points as typed in a cell or a paper: ``2``, ``0.5``, ``2分``; None when that is not valid points."""
    match = _TYPED.match(text.strip())
    return _checked(Decimal(match.group(1))) if match else None


def _checked(number: Decimal) -> Decimal | None:
    if not number.is_finite() or number <= 0 or number > MAX_POINTS or number != number.quantize(Decimal("0.01")):
        return None
    return number


def read_points(fields: FieldReader, key: str = "points") -> Decimal | None:
    """A question's optional ``points`` field (a problem at its line when it is wrong)."""
    value = fields.data.get(key)
    if value is None:
        return None
    points = parse_points(value)
    if points is None:
        fields.problem(key, f"field '{key}' must be {_SHAPE}, got {describe(value)}")
    return points


def read_type_points(fields: FieldReader, key: str = "points") -> dict[QuestionType, Decimal]:
    """A bank's optional ``points`` mapping, e.g. ``{single: 1, multiple: 2}``; types left out keep the default."""
    value = fields.data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        kinds = ", ".join(kind.value for kind in QuestionType)
        fields.problem(key, f"field '{key}' must be a mapping of question type ({kinds}) to points, got {describe(value)}")
        return {}
    line_of = getattr(value, "line_of", lambda _key: fields.line(key))
    chosen: dict[QuestionType, Decimal] = {}
    for name, given in value.items():
        kind = next((kind for kind in QuestionType if kind.value == str(name)), None)
        if kind is None:
            allowed = ", ".join(kind.value for kind in QuestionType)
            fields.problems.add(fields.path, line_of(name), f"{fields.where}points: unknown question type '{name}' "
                                                            f"(types are {allowed})")
            continue
        points = parse_points(given)
        if points is None:
            fields.problems.add(fields.path, line_of(name), f"{fields.where}points of {kind.value} must be {_SHAPE}, "
                                                            f"got {describe(given)}")
            continue
        chosen[kind] = points
    return chosen
