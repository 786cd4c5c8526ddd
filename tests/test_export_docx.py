"""The printable paper, read back with python-docx: title, numbered questions, the key after a page break."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml.ns import qn
from docx.shared import Pt

from shuniu.export import docx as paper
from tests.export_sample import sample_content


def document(tmp_path):
    content = sample_content(tmp_path)
    return docx.Document(io.BytesIO(paper.export(content, content.banks).data))


def page_break_index(doc) -> int:
    for index, paragraph in enumerate(doc.paragraphs):
        if any(br.get(qn("w:type")) == "page" for br in paragraph._p.iter(qn("w:br"))):
            return index
    raise AssertionError("no page break")


def test_the_paper_has_title_name_line_sections_and_numbered_questions(tmp_path):
    doc = document(tmp_path)
    split = page_break_index(doc)
    paper_part = [(p.style.name, p.text) for p in doc.paragraphs[:split] if p.text]
    assert paper_part[:3] == [("Shuniu Title", "演示题库"),
                              ("Normal", "姓名：__________　日期：__________　得分：__________"),
                              ("Shuniu Section", "一、单项选择题（共 1 题）")]
    headings = [text for style, text in paper_part if style == "Shuniu Section"]
    assert headings == ["一、单项选择题（共 1 题）", "二、多项选择题（共 2 题）", "三、判断题（共 2 题）",
                        "四、填空题（共 2 题）", "五、简答题（共 1 题）"]
    numbered = [text for _, text in paper_part if text[:2].rstrip(".").isdigit()]
    assert numbered == [
        "1. 特殊字符 ~ = # { } : \\ 都要转义\n第二行（　　）",
        "2. 哪两项对？<b>不是粗体</b>（　　）",
        "3. 哪三项对？（　　）",
        "4. 印章由专人保管。（　　）",
        "5. 印章可以随意外借。（　　）",
        "6. 条例自 ____ 起施行。",
        "7. 条例共 ____ 章 ____ 条。",
        "8. 简述印章保管要求。",
    ]
    assert ("Normal", "A. 对 {a}") in paper_part


def test_the_answer_key_follows_the_page_break(tmp_path):
    doc = document(tmp_path)
    key = [p.text for p in doc.paragraphs[page_break_index(doc) + 1:] if p.text]
    assert key[0] == "演示题库　答案与解析"
    assert key[1:4] == ["一、单项选择题", "1. 答案：A", "解析：解析 #1: 见印章保管（出处：印章管理办法）"]
    assert "2. 答案：AC" in key and "4. 答案：正确" in key and "5. 答案：错误" in key
    assert "6. 答案：2012年7月1日／2012.7.1" in key
    assert "7. 答案：（1）8／八；（2）42" in key
    assert "8. 参考答案：专人专柜保管，用印登记。" in key


def test_page_and_fonts_follow_gb_t_9704(tmp_path):
    doc = document(tmp_path)
    section = doc.sections[0]
    sizes = [section.page_width, section.page_height, section.top_margin, section.left_margin]
    assert [round(size.mm, 1) for size in sizes] == [210, 297, 37, 28]  # Word stores whole twips
    fonts = {name: (doc.styles[name].font.size, doc.styles[name].element.rPr.rFonts.get(qn("w:eastAsia")))
             for name in ("Normal", "Shuniu Title", "Shuniu Section")}
    assert fonts == {"Normal": (Pt(16), "仿宋_GB2312"), "Shuniu Title": (Pt(22), "方正小标宋简体"),
                     "Shuniu Section": (Pt(16), "黑体")}


def test_fallback_fonts_and_the_same_bytes_every_time(tmp_path):
    content = sample_content(tmp_path)
    data = paper.export(content, content.banks).data
    assert data == paper.export(content, content.banks).data
    font_table = zipfile.ZipFile(io.BytesIO(data)).read("word/fontTable.xml").decode("utf-8")
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in font_table
    assert '<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>' in font_table
