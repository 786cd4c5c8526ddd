"""The printable paper, read back with python-docx: header, 注意事项, 得分表, sections with points,
questions and their answer space, the footer's page fields and the key in its own section."""

from __future__ import annotations

import dataclasses
import io
import posixpath
import re
import zipfile
from decimal import Decimal

import docx
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from docx.shared import Pt

from shuniu.export import docx as paper
from shuniu.export.docx_parts import NBSP
from shuniu.quiz.model import QuestionType
from tests.export_sample import sample_content

BRACKET = "（" + NBSP * 8 + "）"


def document(tmp_path, bank_change=None, options=None):
    content = sample_content(tmp_path)
    banks = [bank_change(content.banks[0]) if bank_change else content.banks[0]]
    return docx.Document(io.BytesIO(paper.export(content, banks, options).data))


def texts(doc, section: int = 0) -> list[tuple[str, str]]:
    """(style, text) of the non-empty paragraphs of the body up to the ``section``-th section break."""
    found, current = [], 0
    for paragraph in doc.paragraphs:
        if paragraph.text:
            found.append((current, paragraph.style.name, paragraph.text))
        if paragraph._p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            current += 1
    return [(style, text) for number, style, text in found if number == section]


def test_the_paper_opens_with_title_blanks_notes_and_score_table(tmp_path):
    doc = document(tmp_path, options=paper.PaperOptions(minutes=45))
    head = texts(doc)[:7]
    blank = NBSP * 48, NBSP * 24, NBSP * 16
    assert head == [
        ("Shuniu Title", "演示题库"), ("Shuniu Subtitle", "测试卷"),
        ("Normal", f"单位：{blank[0]}　　姓名：{blank[1]}　　得分：{blank[2]}"),
        ("Shuniu Section", "注意事项"),
        ("Shuniu Note", "1. 本试卷共 8 题，满分 14 分，考试时间 45 分钟。"),
        ("Shuniu Note", "2. 答题前请在上方填写单位和姓名。"),
        ("Shuniu Note", "3. 选择题将所选选项的字母填在题后括号内，单项选择题只有一个正确选项；"
                        "多项选择题有两个或两个以上正确选项；判断题认为正确的填“√”，错误的填“×”；填空题将答案写在横线上；简答题写在题下的横线上。"),
    ]
    underlined = [run.text for run in doc.paragraphs[2].runs if run.font.underline]
    assert underlined == list(blank)
    score = [[cell.text for cell in row.cells] for row in doc.tables[0].rows]
    assert score == [["题号", "一", "二", "三", "四", "五", "总分"], ["分值", "1", "4", "2", "2", "5", "14"],
                     ["得分", "", "", "", "", "", ""]]


def test_without_minutes_the_time_is_a_blank_to_fill_in(tmp_path):
    doc = document(tmp_path)
    note = next(p for p in doc.paragraphs if p.text.startswith("1. 本试卷"))
    assert note.text == f"1. 本试卷共 8 题，满分 14 分，考试时间 {NBSP * 12} 分钟。"
    assert [run.font.underline for run in note.runs] == [None, True, None]


def test_sections_say_count_points_and_total_and_questions_are_numbered_through(tmp_path):
    paper_part = texts(document(tmp_path))
    headings = [text for style, text in paper_part if style == "Shuniu Section"][1:]
    assert headings == ["一、单项选择题（共 1 题，每题 1 分，共 1 分）", "二、多项选择题（共 2 题，每题 2 分，共 4 分）",
                        "三、判断题（共 2 题，每题 1 分，共 2 分）", "四、填空题（共 2 题，每题 1 分，共 2 分）",
                        "五、简答题（共 1 题，每题 5 分，共 5 分）"]
    questions = paper_part[[text for _, text in paper_part].index(headings[0]):]
    numbered = [text for _, text in questions if text[:2].rstrip(".").isdigit()]
    assert numbered[:5] == [
        f"1. 特殊字符 ~ = # {{ }} : \\ 都要转义\n第二行{BRACKET}",
        f"2. 哪两项对？<b>不是粗体</b>{BRACKET}",
        f"3. 哪三项对？{BRACKET}",
        f"4. 印章由专人保管。{BRACKET}",
        f"5. 印章可以随意外借。{BRACKET}",
    ]
    assert numbered[7] == "8. 简述印章保管要求。"


def test_points_that_differ_within_a_type_are_shown_on_each_question(tmp_path):
    def change(bank):
        questions = tuple(dataclasses.replace(q, points=Decimal("3.5")) if q.id == "demo-multi3" else q
                          for q in bank.questions)
        return dataclasses.replace(bank, questions=questions, points={QuestionType.SHORT: Decimal(10)})

    doc = document(tmp_path, change)
    paper_part = texts(doc)
    assert "二、多项选择题（共 2 题，共 5.5 分）" in [text for _, text in paper_part]
    assert "五、简答题（共 1 题，每题 10 分，共 10 分）" in [text for _, text in paper_part]
    assert f"2. （2 分）哪两项对？<b>不是粗体</b>{BRACKET}" in [text for _, text in paper_part]
    assert f"3. （3.5 分）哪三项对？{BRACKET}" in [text for _, text in paper_part]
    assert any(text.startswith("1. 本试卷共 8 题，满分 20.5 分") for _, text in paper_part)


def test_short_options_share_a_line_long_ones_do_not(tmp_path):
    paper_part = texts(document(tmp_path))
    assert ("Normal", "A. 对 {a}\tB. 错\tC. 也错: 是") in paper_part  # four to a line: three fit on one
    def change(bank):
        long = "一个相当长的选项，说明了很多很多的内容和条件"
        questions = tuple(dataclasses.replace(q, options=((q.options[0][0], long), *q.options[1:]))
                          if q.id == "demo-single" else q for q in bank.questions)
        return dataclasses.replace(bank, questions=questions)

    lines = texts(document(tmp_path / "long", change))
    assert ("Normal", "A. 一个相当长的选项，说明了很多很多的内容和条件") in lines and ("Normal", "B. 错") in lines


def test_fill_blanks_are_underlined_and_as_wide_as_the_longest_answer(tmp_path):
    doc = document(tmp_path)
    stem = next(p for p in doc.paragraphs if p.text.startswith("6. "))
    blanks = [run.text for run in stem.runs if run.font.underline]
    # "2012年7月1日" is 6 ems wide (digits are half a Chinese character); a blank adds 2 ems and
    # is made of 1/4-em no-break spaces
    assert blanks == [NBSP * 32]
    assert stem.text == f"6. 条例自 {NBSP * 32} 起施行。"


def test_short_answers_get_separate_ruled_lines(tmp_path):
    doc = document(tmp_path, options=paper.PaperOptions(answer_lines=3))
    lines = doc.tables[1]
    assert len(lines.rows) == 3 and len(lines.columns) == 1
    borders = {edge.tag.split("}")[1]: edge.get(qn("w:val")) for edge in lines._tbl.tblPr.find(qn("w:tblBorders"))}
    assert borders == {"top": "nil", "left": "nil", "right": "nil", "insideV": "nil", "bottom": "single", "insideH": "single"}


def test_page_numbers_language_and_fonts(tmp_path):
    doc = document(tmp_path)
    for number, section in enumerate(doc.sections, start=1):  # the paper and the key count their own pages
        footer = section.footer.paragraphs[0]
        assert not section.footer.is_linked_to_previous
        codes = [text.text for text in footer._p.iter(qn("w:instrText"))]
        assert codes == [" PAGE ", f" PAGEREF _ShuniuEnd{number} \\h "] and footer.text == "第 1 页 共 1 页"
        assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    marks = [mark.get(qn("w:name")) for mark in doc.element.body.iter(qn("w:bookmarkStart"))]
    assert marks == ["_ShuniuEnd1", "_ShuniuEnd2"]
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsiaTheme")) is None
    fonts = {name: (doc.styles[name].font.size, doc.styles[name].element.rPr.rFonts.get(qn("w:eastAsia")))
             for name in ("Normal", "Shuniu Title", "Shuniu Section")}
    assert fonts == {"Normal": (Pt(12), "SimSun"), "Shuniu Title": (Pt(18), "SimHei"), "Shuniu Section": (Pt(12), "SimHei")}


def test_the_key_is_its_own_section_on_a_new_page(tmp_path):
    doc = document(tmp_path)
    assert [section.start_type for section in doc.sections] == [WD_SECTION.NEW_PAGE, WD_SECTION.NEW_PAGE]
    key = [text for _, text in texts(doc, 1)]
    assert key[0] == "演示题库　参考答案与解析"
    assert key[1:3] == ["一、单项选择题", "1. 答案：A　解析：解析 #1: 见印章保管（出处：印章管理办法）"]
    assert "2. 答案：AC　解析：甲和丙。" in key
    assert any(line.startswith("6. 答案：2012年7月1日／2012.7.1　解析：") for line in key)
    assert any(line.startswith("7. 答案：（1）8／八；（2）42　解析：") for line in key)
    assert any(line.startswith("8. 参考答案：专人专柜保管，用印登记。　解析：") for line in key)


def test_fallback_fonts_and_the_same_bytes_every_time(tmp_path):
    content = sample_content(tmp_path)
    data = paper.export(content, content.banks).data
    assert data == paper.export(content, content.banks).data
    font_table = zipfile.ZipFile(io.BytesIO(data)).read("word/fontTable.xml").decode("utf-8")
    assert '<w:font w:name="SimSun"><w:altName w:val="宋体"/><w:charset w:val="86"/><w:family w:val="roman"/>' in font_table
    assert '<w:font w:name="SimHei"><w:altName w:val="黑体"/><w:charset w:val="86"/><w:family w:val="swiss"/>' in font_table


def test_every_style_the_paper_names_is_in_the_file_and_nothing_unused_is_carried(tmp_path):
    content = sample_content(tmp_path)
    data = paper.export(content, content.banks).data
    package = zipfile.ZipFile(io.BytesIO(data))
    names = set(package.namelist())
    assert not {"word/stylesWithEffects.xml", "docProps/thumbnail.jpeg"} & names
    assert not any(name.startswith("customXml/") for name in names)
    for rels in [name for name in names if name.endswith(".rels")]:  # no relationship to a dropped part
        targets = re.findall(r'Target="([^"]+)"', package.read(rels).decode("utf-8"))
        folder = rels.split("_rels/")[0]
        for target in targets:
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(folder + target)
            assert path in names, (rels, target)
    styles = package.read("word/styles.xml").decode("utf-8")
    defined = set(re.findall(r'w:styleId="([^"]+)"', styles))
    used = set()
    for part in ("word/document.xml", *[n for n in names if n.startswith("word/footer")]):
        used |= set(re.findall(r'<w:(?:p|r|tbl)Style w:val="([^"]+)"', package.read(part).decode("utf-8")))
    assert used and used <= defined
    assert len(defined) < 20
