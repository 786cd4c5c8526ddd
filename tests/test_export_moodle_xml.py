"""Moodle XML export: well-formed, one category per bank, each question's type and fractions."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from shuniu.export import moodle_xml
from tests.export_sample import SAMPLE_IDS, sample_content


def exported(tmp_path):
    content = sample_content(tmp_path)
    result = moodle_xml.export(content, content.banks)
    return result, ET.fromstring(result.data)


def by_name(root: ET.Element) -> dict[str, ET.Element]:
    return {q.findtext("name/text"): q for q in root.findall("question") if q.get("type") != "category"}


def fractions(question: ET.Element) -> list[tuple[str, str]]:
    return [(answer.get("fraction"), answer.findtext("text")) for answer in question.findall("answer")]


def test_categories_and_every_question_with_its_type(tmp_path):
    result, root = exported(tmp_path)
    assert result.exported == 8 and result.skips.total() == 0
    assert [c.findtext("category/text") for c in root.findall("question[@type='category']")] == ["$course$/top/demo"]
    types = {name: q.get("type") for name, q in by_name(root).items()}
    assert types == {"demo-single": "multichoice", "demo-multi2": "multichoice", "demo-multi3": "multichoice",
                     "demo-true": "truefalse", "demo-false": "truefalse", "demo-fill1": "shortanswer",
                     "demo-fill2": "cloze", "demo-short": "essay"}
    assert list(by_name(root)) == SAMPLE_IDS
    grades = {name: q.findtext("defaultgrade") for name, q in by_name(root).items()}
    # The sample bank sets no points: the defaults (multiple 2, short 5, others 1).
    assert grades == {**dict.fromkeys(SAMPLE_IDS, "1"), "demo-multi2": "2", "demo-multi3": "2", "demo-short": "5"}
    for question in by_name(root).values():
        assert question.find("questiontext").get("format") == "html"


def test_fractions_follow_moodles_weight_list(tmp_path):
    _, root = exported(tmp_path)
    questions = by_name(root)
    assert [f for f, _ in fractions(questions["demo-single"])] == ["100", "0", "0"]
    assert questions["demo-single"].findtext("single") == "true"
    assert [f for f, _ in fractions(questions["demo-multi2"])] == ["50", "-100", "50", "-100"]
    assert questions["demo-multi2"].findtext("single") == "false"
    assert [f for f, _ in fractions(questions["demo-multi3"])] == ["-100", "33.33333", "33.33333", "-100", "33.33333"]
    assert fractions(questions["demo-true"]) == [("100", "true"), ("0", "false")]
    assert fractions(questions["demo-false"]) == [("0", "true"), ("100", "false")]
    assert fractions(questions["demo-fill1"]) == [("100", "2012年7月1日"), ("100", "2012.7.1")]


def test_texts_are_escaped_html_with_the_explanation_as_general_feedback(tmp_path):
    _, root = exported(tmp_path)
    questions = by_name(root)
    assert questions["demo-multi2"].findtext("questiontext/text") == "<p>哪两项对？&lt;b&gt;不是粗体&lt;/b&gt;</p>"
    assert questions["demo-single"].findtext("questiontext/text") == \
        "<p>特殊字符 ~ = # { } : \\ 都要转义<br>第二行</p>"
    assert questions["demo-single"].findtext("generalfeedback/text") == "<p>解析 #1: 见印章保管</p>"
    assert questions["demo-single"].findtext("tags/tag/text") == "特殊字符"
    assert questions["demo-short"].findtext("graderinfo/text") == "<p>专人专柜保管，用印登记。</p>"


def test_fill_with_several_blanks_is_a_cloze_with_one_field_per_blank(tmp_path):
    _, root = exported(tmp_path)
    assert by_name(root)["demo-fill2"].findtext("questiontext/text") == \
        "<p>条例共 {1:SHORTANSWER:=8~=八} 章 {1:SHORTANSWER:=42} 条。</p>"


def test_the_text_is_cdata(tmp_path):
    result, _ = exported(tmp_path)
    assert "<text><![CDATA[<p>哪两项对？&lt;b&gt;不是粗体&lt;/b&gt;</p>]]></text>" in result.data.decode("utf-8")
