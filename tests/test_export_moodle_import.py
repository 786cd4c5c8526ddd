"""Fill answers with characters Moodle treats specially, read the way Moodle's importers read them.

Moodle itself (PHP, a database) cannot run here; these tests carry the two pieces of its code that
decide what a learner's answer is compared with, translated line by line:
- ``qtype_multianswer_extract_question`` (question/type/multianswer/questiontype.php): how an
  embedded ``{1:SHORTANSWER:=...~=...}`` field is cut into accepted answers and unescaped;
- ``qtype_shortanswer_question::compare_string_with_wildcard``: ``*`` matches anything unless
  written ``\\*``.
GIFT is read by gift-pegjs (tools/gift), then compared the same way.
"""

from __future__ import annotations

import dataclasses
import html
import re
import xml.etree.ElementTree as ET

import pytest

from shuniu.export import gift, moodle_xml
from shuniu.export.common import Skips
from tests.export_sample import sample_content
from tests.test_export_gift import parse_gift

# question/type/multianswer/questiontype.php, ANSWER_ALTERNATIVE_* and ANSWER_REGEX (SHORTANSWER only).
FRACTION = r"=|%(-?[0-9]+(?:[.,][0-9]*)?)%"
ANSWER = r".+?(?<!\\|&)(?<!&amp;)(?=[~#}]|$)"
FEEDBACK = r".*?(?<!\\)(?=[~}]|$)"
ALTERNATIVE = f"({FRACTION})?({ANSWER})(#({FEEDBACK}))?"
FIELD = re.compile(r"\{([0-9]*):(SHORTANSWER|SA|MW):(" + ALTERNATIVE + "(~" + ALTERNATIVE + r")*)\}", re.S)

TRICKY = ["GB/T 9704—2012", 'a"b', "it's", "a~b", "#1", "{x}", "a\\b", "ends\\", "a&b", "<b>", "a*b", "50%"]


def moodle_cloze_answers(question_text: str) -> list[list[str]]:
    """The accepted answers of each SHORTANSWER field, as Moodle's importer stores them."""
    fields = []
    for match in FIELD.finditer(question_text):
        remaining, answers = match.group(3), []
        while (alt := re.match("~?" + ALTERNATIVE, remaining, re.S)) and alt.group(0):
            answer = html.unescape(alt.group(3)).replace("\\}", "}").replace("\\#", "#")
            answers.append(answer)
            remaining = remaining[len(alt.group(0)):]
        fields.append(answers)
    return fields


def moodle_matches(pattern: str, response: str) -> bool:
    """compare_string_with_wildcard, case-insensitive as the export's usecase 0."""
    bits = re.split(r"(?<!\\)\*+", pattern)
    regex = ".*".join(re.escape(bit.replace("\\*", "*")) for bit in bits)
    return re.fullmatch(regex, response.strip(), re.I | re.S) is not None


@pytest.fixture
def content(tmp_path):
    return sample_content(tmp_path)


def fill_question(content, answers: list[list[str]]):
    fill2 = next(q for q in content.banks[0].questions if q.id == "demo-fill2")
    stem = "第一空____，第二空____。" if len(answers) == 2 else "唯一一空____。"
    return dataclasses.replace(fill2, stem=stem, answer=tuple(tuple(group) for group in answers))


def test_multi_blank_answers_arrive_in_moodle_as_written(content) -> None:
    question = fill_question(content, [TRICKY[:6], TRICKY[6:]])
    element = ET.fromstring(moodle_xml.question_element(question, Skips()))
    assert element.get("type") == "cloze"
    stored = moodle_cloze_answers(element.findtext("questiontext/text") or "")
    literal = [[answer.replace("*", "\\*") for answer in group] for group in (TRICKY[:6], TRICKY[6:])]
    assert stored == literal  # every character as typed; * kept literal for the wildcard compare
    assert moodle_matches(stored[1][4], "a*b") and not moodle_matches(stored[1][4], "a and b")
    assert moodle_matches(stored[0][0], "gb/t 9704—2012")  # GB/T 9704, not GB\/T 9704


def test_one_blank_answers_are_literal_in_moodle_xml_and_gift(content, tmp_path) -> None:
    question = fill_question(content, [["a*b", "GB/T 9704—2012", "x~y"]])
    element = ET.fromstring(moodle_xml.question_element(question, Skips()))
    stored = [answer.findtext("text") for answer in element.findall("answer")]
    assert stored == ["a\\*b", "GB/T 9704—2012", "x~y"]
    assert not moodle_matches(stored[0], "axxb") and moodle_matches(stored[0], "a*b")
    path = tmp_path / "one.gift.txt"
    path.write_text(gift.question_block(question, Skips()) + "\n", encoding="utf-8")
    parsed = parse_gift(path)[0]
    assert [choice["text"]["text"] for choice in parsed["choices"]] == ["a\\*b", "GB/T 9704—2012", "x~y"]


def test_markup_in_content_shows_as_typed_in_both_formats(content, tmp_path) -> None:
    single = next(q for q in content.banks[0].questions if q.id == "demo-single")
    hostile = dataclasses.replace(single, stem="<script>alert(1)</script> 哪一项？",
                                  options=(("A", "<b>粗</b>"), ("B", "a & b"), ("C", "c")))
    path = tmp_path / "html.gift.txt"
    path.write_text(gift.question_block(hostile, Skips()) + "\n", encoding="utf-8")
    parsed = parse_gift(path)[0]
    assert parsed["stem"] == {"format": "html", "text": "&lt;script&gt;alert(1)&lt;/script&gt; 哪一项？"}
    assert [c["text"]["text"] for c in parsed["choices"]] == ["&lt;b&gt;粗&lt;/b&gt;", "a &amp; b", "c"]
    element = ET.fromstring(moodle_xml.question_element(hostile, Skips()))
    assert element.findtext("questiontext/text") == "<p>&lt;script&gt;alert(1)&lt;/script&gt; 哪一项？</p>"
