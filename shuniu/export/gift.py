"""GIFT, Moodle's text format: one ``$CATEGORY`` per bank, one ``::id::`` question per block.

Single choice ``{=right ~wrong ####explanation}``; multiple choice with weights from Moodle's
list; true/false ``{T}``/``{F}``; fill with one blank as short answer ``{=a =b}``; short answer
as essay. Fill with several blanks has no GIFT form and is skipped (and counted).

Question texts are marked ``[html]`` and written as escaped HTML (as in the Moodle XML export),
so ``<b>`` in content shows as typed in Moodle, never as markup; options and feedback follow the
question's format. Short-answer answers are plain text compared with what learners type, so
they are not HTML, and a ``*`` in them is written ``\\*`` (Moodle's wildcard otherwise).
"""

from __future__ import annotations

from collections.abc import Sequence

from shuniu.export.common import Export, Skips, feedback_text, fill_groups, multiple_weights, right_letters
from shuniu.export.moodle_xml import literal_wildcards
from shuniu.model import Content
from shuniu.quiz.model import Bank, Question, QuestionType
from shuniu.render.html import esc

_SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    r"""Text safe in GIFT: ``~ = # { } :`` and ``\`` get a backslash, newlines become ``\n``."""
    escaped = "".join("\\" + char if char in _SPECIAL else char for char in text)
    return escaped.replace("\r\n", "\n").replace("\n", "\\n")


def html(text: str) -> str:
    """Content as GIFT text of an ``[html]`` question: escaped HTML, line breaks as ``<br>``."""
    return escape(esc(text).replace("\r\n", "\n").replace("\n", "<br>"))


def export(content: Content, banks: Sequence[Bank]) -> Export:
    """Every bank under its own ``$CATEGORY: <bank id>``."""
    skips = Skips()
    blocks: list[str] = []
    exported = 0
    for bank in banks:
        blocks.append(f"// {escape(bank.title)}\n$CATEGORY: {bank.id}")
        for question in bank.questions:
            block = question_block(question, skips)
            if block is not None:
                blocks.append(block)
                exported += 1
    return Export(("\n\n".join(blocks) + "\n").encode("utf-8"), exported, skips)


def question_block(question: Question, skips: Skips) -> str | None:
    """One question as GIFT, or None (counted in ``skips``) when GIFT cannot hold it."""
    answers = _answers(question, skips)
    if answers is None:
        return None
    lines = [answers] if answers else []  # an essay has no answers: its braces hold only the feedback
    lines.append(f"####{html(feedback_text(question))}")
    return f"::{escape(question.id)}::[html]{html(question.stem)}{{\n" + "\n".join(lines) + "\n}"


def _answers(question: Question, skips: Skips) -> str | None:
    kind = question.type
    if kind is QuestionType.SINGLE:
        return "\n".join(f"{'=' if letter == question.answer else '~'}{html(text)}" for letter, text in question.options)
    if kind is QuestionType.MULTIPLE:
        weights = multiple_weights(question)
        if weights is None:
            skips.add("multiple with a right-option count Moodle has no weight for")
            return None
        return "\n".join(f"~%{weights[0] if letter in right_letters(question) else weights[1]}%{html(text)}"
                         for letter, text in question.options)
    if kind is QuestionType.TRUEFALSE:
        return "T" if question.answer else "F"
    if kind is QuestionType.FILL:
        if question.blanks != 1:
            skips.add("fill with several blanks")
            return None
        return " ".join(f"={escape(literal_wildcards(text))}" for text in fill_groups(question)[0])
    return ""  # short answer: an essay, graded by a person; the explanation goes to the feedback
