"""The export formats: name, file suffix, whether one file can hold several banks, and the exporter.

The exporter modules are imported only when a file is made: openpyxl, python-docx and genanki
take seconds to import, and neither `shuniu check` nor a build whose exports are all cached
needs them. ``version`` names a format's output: raise it whenever a change alters the bytes,
so the build's export cache (:mod:`shuniu.export.downloads`) makes the file again.
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from shuniu.export.aiken import has_questions
from shuniu.export.common import Export
from shuniu.model import Content
from shuniu.quiz.model import Bank


@dataclass(frozen=True)
class Format:
    name: str  # as in --format
    suffix: str  # of the file name: "<bank id><suffix>"
    bundles: bool  # one file can hold several banks (categories, decks)
    version: int
    module: str  # shuniu.export.<module>.export(content, banks[, moment]) makes the file
    labels: dict[str, str] = field(default_factory=dict)  # download link text by language
    timed: bool = False  # the exporter takes the export moment (Anki note times)
    holds: Callable[[Bank], bool] = lambda bank: True  # whether a file of this bank would hold any question
    sheets: bool = False  # several banks go into one file, a sheet each, when -o names a file (xlsx)
    offered: bool = True  # a download on the bank pages (False: from the command line only)

    def label(self, lang: str) -> str:
        return self.labels.get(lang, self.labels["en"])

    def make(self, content: Content, banks: Sequence[Bank], moment: datetime.datetime, **options: Any) -> Export:
        """The file of ``banks``; ``options`` go to exporters that take them (docx: ``options=PaperOptions``)."""
        module = importlib.import_module(f"shuniu.export.{self.module}")
        if self.timed:
            result: Export = module.export(content, banks, moment, **options)
        else:
            result = module.export(content, banks, **options)
        return result


def export_moment(day: datetime.date, pinned: bool) -> datetime.datetime:
    """When an export happens: now, or midnight UTC of ``day`` when the date is pinned (tests,
    reproducible builds with SHUNIU_TODAY)."""
    if pinned:
        return datetime.datetime.combine(day, datetime.time(0), tzinfo=datetime.UTC)
    return datetime.datetime.now(datetime.UTC).replace(microsecond=0)


FORMATS = {
    item.name: item for item in (
        Format("gift", ".gift.txt", True, 1, "gift", {"zh": "GIFT（导入 Moodle）", "en": "GIFT (Moodle import)"}),
        Format("aiken", ".aiken.txt", False, 1, "aiken", {"zh": "Aiken（仅单选题）", "en": "Aiken (single choice only)"},
               holds=has_questions),
        Format("moodle-xml", ".moodle.xml", True, 1, "moodle_xml", {"zh": "Moodle XML", "en": "Moodle XML"}),
        Format("anki", ".apkg", True, 2, "anki", {"zh": "Anki 卡组", "en": "Anki deck"}, timed=True),
        Format("docx", ".docx", False, 3, "docx", {"zh": "Word 试卷（附答案与解析）", "en": "Word paper with answer key"}),
        Format("csv", ".csv", False, 2, "csv_", {"zh": "CSV 表格", "en": "CSV"}),
        Format("xlsx", ".xlsx", False, 3, "xlsx", {"zh": "Excel 题库（可修改后导入）", "en": "Excel (edit and import back)"},
               sheets=True),
        Format("qti", ".qti.zip", True, 1, "qti_package", {"zh": "QTI 2.1 题目包", "en": "QTI 2.1 package"}, offered=False),
    )
}
