"""``shuniu quiz template --format docx``: a Word file showing the layout ``shuniu quiz import``
reads, with the same example questions as the Excel template (they import as they stand)."""

from __future__ import annotations

import io

import docx

from shuniu.export.common import fixed_zip
from shuniu.export.docx import NUMERALS, SECTION_TITLES
from shuniu.export.excel_template import EXAMPLES
from shuniu.export.layout import TYPE_WORDS, lookup

HELP = (
    "说明：删去本说明和示例，按示例的格式写题目，然后运行 shuniu quiz import 题库.docx -o quizzes/题库ID.yml。",
    "说明：第一段是题库名称。题型用“一、单项选择题”这样的标题分节，也可以在题号后写【单选题】【多选题】【判断题】【填空题】【简答题】。",
    "说明：每题以“题号. 题干”开始；选项写成 A. …… B. ……，可以一行一个，也可以写在同一行；题号后可写（2分）表示分值。",
    "说明：答案：单选写一个字母，多选写几个字母（如 AC），判断写 正确 或 错误，"
    "填空题同一空的几种写法用 | 分隔、各空之间用 ;; 分隔，"
    "简答写参考答案。每题都要有 解析：。可选：出处：（页面和锚点）、难度：1-3、分值：、标签：、ID：。",
    "说明：有错误时逐条列出（文件:段落 N: 说明），不写任何文件；加 --skip-bad 只导入没有错误的题。",
)


def template_bytes() -> bytes:
    """The template document (fixed dates, so it is the same file every time)."""
    document = docx.Document()
    document.add_paragraph("示例题库")
    for line in HELP:
        document.add_paragraph(line)
    number = 0
    for kind, stem, options, answer, explanation, difficulty, points, tags, source in EXAMPLES:
        question_type = lookup(TYPE_WORDS, kind)
        assert question_type is not None
        number += 1
        document.add_paragraph(f"{NUMERALS[number - 1]}、{SECTION_TITLES[question_type]}")
        worth = f"（{points}分）" if points else ""
        document.add_paragraph(f"{number}. {worth}{stem}")
        for letter, text in zip("ABCDEFGH", options, strict=False):
            document.add_paragraph(f"{letter}. {text}")
        document.add_paragraph(f"答案：{answer}")
        document.add_paragraph(f"解析：{explanation}")
        document.add_paragraph(f"难度：{difficulty}")
        for label, value in (("标签", tags), ("出处", source)):
            if value:
                document.add_paragraph(f"{label}：{value}")
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_zip(buffer.getvalue())
