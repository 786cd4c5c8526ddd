"""CSV in the Excel template's columns: UTF-8 with a BOM (so Excel opens Chinese text right),
one question a row. One file per bank: the layout has no bank column. Text a spreadsheet would run as
a formula (a stem "=1+1 等于几？") gets a leading ' (shuniu.csvsafe)."""

from __future__ import annotations

from collections.abc import Sequence

from shuniu.csvsafe import csv_text
from shuniu.export.common import Export, Skips
from shuniu.export.layout import COLUMNS, question_row
from shuniu.model import Content
from shuniu.quiz.model import Bank


def export(content: Content, banks: Sequence[Bank]) -> Export:
    questions = [q for bank in banks for q in bank.questions]
    text = csv_text([COLUMNS, *(question_row(question) for question in questions)])
    return Export(("\ufeff" + text).encode("utf-8"), len(questions), Skips())
