"""What every exporter shares: the result type, skip counting, Moodle's weights and answer text."""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from shuniu.model import Content
from shuniu.quiz.model import Question, QuestionType
from shuniu.quiz.publish import source_data

# Moodle imports a partial-credit weight only when it is one of these (and their negatives);
# any other weight makes it skip the whole question.
MOODLE_WEIGHTS = ("100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333",
                  "30", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5")
# The order of the sections of a printed paper and of counts in messages.
TYPE_ORDER = (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUEFALSE, QuestionType.FILL, QuestionType.SHORT)
# Zip entries get this date so the same bank always gives the same bytes (a cacheable, testable file).
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass
class Skips:
    """Questions a format cannot hold, counted by reason (printed as one summary line)."""

    counts: Counter[str] = field(default_factory=Counter)

    def add(self, reason: str) -> None:
        self.counts[reason] += 1

    def total(self) -> int:
        return sum(self.counts.values())

    def describe(self) -> str:
        return ", ".join(f"{count} {reason}" for reason, count in sorted(self.counts.items()))


@dataclass(frozen=True)
class Export:
    """The bytes of one exported file and what went into it."""

    data: bytes
    exported: int
    skips: Skips

    def summary(self, name: str) -> str:
        """``name: exported 28, skipped 3 (2 fill with several blanks, 1 short)``."""
        line = f"{name}: exported {self.exported}, skipped {self.skips.total()}"
        return f"{line} ({self.skips.describe()})" if self.skips.total() else line


def right_letters(question: Question) -> tuple[str, ...]:
    """The right option letters of a choice question (one for single choice)."""
    answer = question.answer
    if isinstance(answer, str):
        return (answer,)
    return tuple(str(letter) for letter in answer) if isinstance(answer, tuple) else ()


def fill_groups(question: Question) -> tuple[tuple[str, ...], ...]:
    """The accepted answers of each blank of a fill question."""
    answer = question.answer
    return tuple(group for group in answer if isinstance(group, tuple)) if isinstance(answer, tuple) else ()


def moodle_weight(share: float) -> str | None:
    """The entry of Moodle's list equal to ``share`` percent (to 5 decimals), or None."""
    for weight in MOODLE_WEIGHTS:
        if abs(float(weight) - share) < 1e-4:
            return weight
    return None


def multiple_weights(question: Question) -> tuple[str, str] | None:
    """(weight of each right option, weight of each wrong option) in Moodle's list, or None.

    Wrong options weigh -100, so choosing any wrong option scores 0 (Moodle floors a total
    below 0): the same rule as the site's exams.
    """
    right = moodle_weight(100 / len(right_letters(question)))
    return (right, "-100") if right else None


def truth_text(value: bool) -> str:
    return "正确" if value else "错误"


def answer_text(question: Question) -> str:
    """The answer as a reader of a key or a card back sees it (Chinese conventions)."""
    answer = question.answer
    if question.type is QuestionType.TRUEFALSE:
        return truth_text(bool(answer))
    if question.type is QuestionType.MULTIPLE:
        return "".join(right_letters(question))
    if question.type is QuestionType.FILL:
        groups = ["／".join(group) for group in fill_groups(question)]
        if len(groups) == 1:
            return groups[0]
        return "；".join(f"（{number}）{text}" for number, text in enumerate(groups, start=1))
    return str(answer)


def feedback_text(question: Question) -> str:
    """The general feedback: the explanation, after the reference answer for short answers
    (formats without a place for a reference answer show it to the grader this way)."""
    if question.type is QuestionType.SHORT:
        return f"参考答案：{question.answer}\n解析：{question.explanation}"
    return question.explanation


def source_title(content: Content, question: Question) -> str | None:
    """The title of the page a question's source points to (None without a source)."""
    return source_data(content, question.source)["source_title"]


def one_line(text: str) -> str:
    """Formats with one-line fields (Aiken) get newlines as spaces."""
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


def fixed_zip(data: bytes, edits: Mapping[str, Callable[[bytes], bytes]] | None = None) -> bytes:
    """The same zip with every entry dated :data:`ZIP_DATE`, so equal content gives equal bytes;
    ``edits`` rewrites the named entries on the way."""
    edits = edits or {}
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            entry = source.read(item.filename)
            target.writestr(info, edits[item.filename](entry) if item.filename in edits else entry)
    return out.getvalue()
