"""The paper's fast paragraphs write exactly what python-docx's own calls write."""

from __future__ import annotations

import docx
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Mm, Pt
from lxml import etree

from shuniu.export import docx_parts as parts

RUNS = [("1. ", parts.PLAIN), ("", parts.PLAIN), ("答案：", parts.BOLD), ("甲\t乙\n丙\r\n丁", parts.PLAIN),
        ("　解析：", parts.BOLD), ("\u00a0" * 8, parts.UNDERLINED), (" 前后有空格 ", parts.PLAIN), ("<&>\"'", parts.PLAIN)]


def _last_paragraph(document: docx.document.Document) -> bytes:
    return etree.tostring(document.element.body.findall(parts.qn("w:p"))[-1])


def test_a_fast_paragraph_is_the_one_python_docx_makes() -> None:
    mine, theirs = docx.Document(), docx.Document()
    style = theirs.styles.add_style("Shuniu Key", 1)
    mine.styles.add_style("Shuniu Key", 1)
    stops = parts.column_stops(4, 160, 0)
    parts.add_text_paragraph(mine, RUNS, style_id=style.style_id, keep_next=True, tab_stops=stops,
                             space_before=Pt(4), left_indent=Mm(8.5))
    paragraph = theirs.add_paragraph(style="Shuniu Key")
    for text, kind in RUNS:
        run = paragraph.add_run(text)
        if kind == parts.BOLD:
            run.bold = True
        elif kind == parts.UNDERLINED:
            run.font.underline = True
    paragraph.paragraph_format.keep_with_next = True
    for stop in stops:
        paragraph.paragraph_format.tab_stops.add_tab_stop(stop, WD_TAB_ALIGNMENT.LEFT)
    paragraph.paragraph_format.space_before = Pt(4)
    paragraph.paragraph_format.left_indent = Mm(8.5)
    assert _last_paragraph(mine) == _last_paragraph(theirs)
    assert b"<w:tab/>" in _last_paragraph(mine) and b'xml:space="preserve"' in _last_paragraph(mine)


def test_a_paragraph_without_properties_has_none() -> None:
    mine, theirs = docx.Document(), docx.Document()
    parts.add_text_paragraph(mine, [("A. 两级\tB. 三级", parts.PLAIN)])
    theirs.add_paragraph("A. 两级\tB. 三级")
    assert _last_paragraph(mine) == _last_paragraph(theirs)
