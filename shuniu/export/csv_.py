"""CSV in the Excel template's columns: UTF-8 with a BOM (so Excel opens Chinese text right),
one question a row. One file per bank: the layout has no bank column."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from shuniu.export.common import Export, Skips
from shuniu.export.layout import COLUMNS, question_row
from shuniu.model import Content
from shuniu.quiz.model import Bank


def export(content: Content, banks: Sequence[Bank]) -> Export:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    questions = [q for bank in banks for q in bank.questions]
    writer.writerows(question_row(question) for question in questions)
    return Export(("\ufeff" + buffer.getvalue()).encode("utf-8"), len(questions), Skips())
