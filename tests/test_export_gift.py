"""GIFT export, read back by gift-pegjs (npm, tools/gift) the way Moodle-format tooling reads it."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from shuniu.cli import main
from shuniu.export import gift
from shuniu.export.common import MOODLE_WEIGHTS, Skips, moodle_weight, multiple_weights
from shuniu.quiz.model import QuestionType
from tests.conftest import PROJECT
from tests.export_sample import sample_content, sample_root

GIFT_TOOL = PROJECT / "tools" / "gift"


def parse_gift(path: Path) -> list[dict]:
    """The questions gift-pegjs reads from ``path`` (skips only where node is missing)."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("the GIFT parser tests need node (apt-get install nodejs npm); make test installs gift-pegjs")
    assert (GIFT_TOOL / "node_modules" / "gift-pegjs").is_dir(), \
        "gift-pegjs is not installed: run `make test` or `npm ci --prefix tools/gift`"
    result = subprocess.run([node, str(GIFT_TOOL / "parse.mjs"), str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_escape_special_characters_and_newlines():
    assert gift.escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"


def test_every_question_reads_back_with_its_type_answers_and_weights(tmp_path):
    content = sample_content(tmp_path)
    path = tmp_path / "demo.gift.txt"
    path.write_bytes(gift.export(content, content.banks).data)
    parsed = parse_gift(path)
    assert [item["title"] for item in parsed if item["type"] == "Category"] == ["demo"]
    questions = {item["title"]: item for item in parsed if item["type"] != "Category"}
    assert list(questions) == ["demo-single", "demo-multi2", "demo-multi3", "demo-true", "demo-false", "demo-fill1",
                               "demo-short"]
    single = questions["demo-single"]
    assert single["type"] == "MC"
    # Texts are HTML, as in the Moodle XML export: markup in content shows as typed.
    assert single["stem"] == {"format": "html", "text": "特殊字符 ~ = # { } : \\ 都要转义<br>第二行"}
    assert [(c["text"]["text"], c["isCorrect"]) for c in single["choices"]] == [("对 {a}", True), ("错", False),
                                                                               ("也错: 是", False)]
    assert questions["demo-multi2"]["stem"]["text"] == "哪两项对？&lt;b&gt;不是粗体&lt;/b&gt;"
    assert single["globalFeedback"]["text"] == "解析 #1: 见印章保管"
    assert [c["weight"] for c in questions["demo-multi2"]["choices"]] == [50, -100, 50, -100]
    assert [c["weight"] for c in questions["demo-multi3"]["choices"]] == [-100, 33.33333, 33.33333, -100, 33.33333]
    assert (questions["demo-true"]["type"], questions["demo-true"]["isTrue"]) == ("TF", True)
    assert (questions["demo-false"]["type"], questions["demo-false"]["isTrue"]) == ("TF", False)
    fill = questions["demo-fill1"]
    assert fill["type"] == "Short"
    assert [c["text"]["text"] for c in fill["choices"]] == ["2012年7月1日", "2012.7.1"]
    essay = questions["demo-short"]
    assert essay["type"] == "Essay"
    assert essay["globalFeedback"]["text"] == "参考答案：专人专柜保管，用印登记。<br>解析：见印章管理办法。"


def test_weights_come_only_from_moodles_list():
    assert [moodle_weight(100 / right) for right in range(1, 9)] == \
        ["100", "50", "33.33333", "25", "20", "16.66667", "14.28571", "12.5"]
    assert moodle_weight(100 / 11) is None
    assert set(MOODLE_WEIGHTS) >= {moodle_weight(100 / right) for right in range(1, 9)}


def test_a_right_count_without_a_moodle_weight_is_skipped_and_counted(tmp_path):
    content = sample_content(tmp_path)
    question = content.banks[0].questions[1]
    eleven = dataclasses.replace(question, answer=tuple("ABCDEFGHIJK"))
    assert question.type is QuestionType.MULTIPLE and multiple_weights(eleven) is None
    skips = Skips()
    assert gift.question_block(eleven, skips) is None
    assert skips.describe() == "1 multiple with a right-option count Moodle has no weight for"


def test_cli_prints_the_summary_with_skips_by_reason(tmp_path):
    root = sample_root(tmp_path)
    out = tmp_path / "out" / "all.gift.txt"
    result = CliRunner().invoke(main, ["quiz", "export", "--format", "gift", "-o", str(out), "--root", str(root)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {out}\n"
    assert result.stderr == "gift: exported 7, skipped 1 (1 fill with several blanks)\n"
    assert out.read_text(encoding="utf-8").startswith("// 演示题库\n$CATEGORY: demo\n\n::demo-single::")


def test_the_real_banks_parse(tmp_path):
    """Every bank of the project, in one file, is valid GIFT."""
    from shuniu.check import check_root

    content, _ = check_root(PROJECT)
    path = tmp_path / "all.gift.txt"
    exported = gift.export(content, content.banks)
    path.write_bytes(exported.data)
    parsed = parse_gift(path)
    assert len([item for item in parsed if item["type"] != "Category"]) == exported.exported
