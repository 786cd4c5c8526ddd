"""Aiken: single-choice questions only (``A. text`` options, ``ANSWER: B``); the rest is skipped.

Aiken has no categories, so it is one file per bank.
"""

from __future__ import annotations

from collections.abc import Sequence

from shuniu.export.common import Export, Skips, one_line
from shuniu.model import Content
from shuniu.quiz.model import Bank, QuestionType

# Why a type is skipped, as the summary line says it.
_REASONS = {QuestionType.MULTIPLE: "multiple", QuestionType.TRUEFALSE: "truefalse",
            QuestionType.FILL: "fill", QuestionType.SHORT: "short"}


def has_questions(bank: Bank) -> bool:
    """Whether an Aiken file of ``bank`` would hold anything."""
    return bank.count(QuestionType.SINGLE) > 0


def export(content: Content, banks: Sequence[Bank]) -> Export:
    """The single-choice questions of ``banks`` (normally one bank), one block each."""
    skips = Skips()
    blocks = []
    for question in (q for bank in banks for q in bank.questions):
        if question.type is not QuestionType.SINGLE:
            skips.add(_REASONS[question.type])
            continue
        # ASCII "A." exactly: Moodle's Aiken importer rejects full-width "A．" and "A、".
        options = [f"{letter}. {one_line(text)}" for letter, text in question.options]
        blocks.append("\n".join([one_line(question.stem), *options, f"ANSWER: {question.answer}"]))
    data = "\n\n".join(blocks) + "\n" if blocks else ""
    return Export(data.encode("utf-8"), len(blocks), skips)
