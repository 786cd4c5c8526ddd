"""Typed question banks (DESIGN.md "Question banks"); everything downstream takes these."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal

# The shape of ``Question.answer`` depends on the type (see Question):
# single "B"; multiple ("A", "C"); truefalse True; fill (("a1", "a2"), ("b1",)); short "text".
Answer = str | bool | tuple[str, ...] | tuple[tuple[str, ...], ...]

OPTION_LETTERS = "ABCDEFGH"


class QuestionType(enum.Enum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUEFALSE = "truefalse"
    FILL = "fill"
    SHORT = "short"

    @property
    def is_choice(self) -> bool:
        """Choice questions have lettered options."""
        return self in (QuestionType.SINGLE, QuestionType.MULTIPLE)

    @property
    def is_auto_scored(self) -> bool:
        """Exams draw only these; short answers are self-graded in practice."""
        return self is not QuestionType.SHORT


@dataclass(frozen=True)
class Question:
    """One question. ``answer`` is, by type:

    - single: the right option letter, ``"B"``;
    - multiple: the right letters in order, ``("A", "C")``;
    - truefalse: ``True`` or ``False``;
    - fill: the accepted answers of each blank, ``(("a1", "a2"), ("b1",))``;
    - short: the reference answer text.
    """

    id: str
    type: QuestionType
    stem: str
    answer: Answer
    explanation: str
    options: tuple[tuple[str, str], ...] = ()  # (letter, text), A.. in order
    source: str | None = None  # docs-relative "policies/x.md#anchor"
    difficulty: int = 2
    tags: tuple[str, ...] = ()
    points: Decimal | None = None  # its own 分值; None: the bank's for its type (shuniu.quiz.points.points_of)
    line: int = 0  # line of the question's id, for messages
    source_line: int = 0

    @property
    def blanks(self) -> int:
        """How many blanks a fill question has (0 for other types)."""
        return len(self.answer) if self.type is QuestionType.FILL and isinstance(self.answer, tuple) else 0


@dataclass(frozen=True)
class Bank:
    """A question bank read from ``quizzes/<id>.yml``."""

    id: str
    title: str
    path: str  # root-relative, for messages: "quizzes/gongwen.yml"
    questions: tuple[Question, ...]
    description: str = ""
    tags: tuple[str, ...] = ()
    pass_mark: int = 60  # percent
    pass_mark_written: bool = True  # False: the file leaves it to the default (an export leaves it blank)
    # 分值 per type set by the bank (types left out: shuniu.quiz.points.DEFAULT_POINTS); see points_of.
    points: dict[QuestionType, Decimal] = field(default_factory=dict)

    def count(self, kind: QuestionType) -> int:
        return sum(1 for q in self.questions if q.type is kind)
