"""The search word list (docs/search/synonyms.yml) and the index the build publishes for the
search worker: validation with path:line, glossary aliases, chrome left out, the worker's data."""

import json

from click.testing import CliRunner

from shuniu.cli import main
from shuniu.control.model import Term
from shuniu.model import Content
from shuniu.problems import Problems
from shuniu.search.index import exclude_chrome, rewrite_index, vocabulary
from shuniu.search.words import WORDS_FILE, read_words
from tests.conftest import write

LONG = "这是一个非常非常非常长的词语"
GOOD = """ignore: [怎么, 吗]
synonyms:
  印章: [公章, 章]
  遗失: [丢, 丢了]
  带出: [借出去, 借]
  外借: [借]
  函: []
"""


def words_of(root, text, glossary=()):
    write(root, WORDS_FILE, text)
    problems = Problems()
    words = read_words(root, Content(glossary=list(glossary)), problems)
    return words, [str(p) for p in problems.sorted()]


def test_spoken_words_map_to_every_written_word_and_glossary_aliases_go_both_ways(tmp_path):
    alias = Term("发文字号", "由发文机关代字、年份和发文顺序号组成。", ("文号",), None, 1, 0, 2)
    words, problems = words_of(tmp_path, GOOD, [alias])
    assert problems == []
    assert words.synonyms["公章"] == ["印章"]
    assert words.synonyms["借"] == ["带出", "外借"]
    assert words.synonyms["函"] == []
    assert words.synonyms["文号"] == ["发文字号"] and words.synonyms["发文字号"] == ["文号"]
    assert words.ignore == ["怎么", "吗"]


def test_every_problem_is_listed_with_its_line(tmp_path):
    bad = f"""ignore: [怎么, 怎么, 丢]
synonyms:
  印章: 公章
  遗失: [丢, 丢 了, 遗失]
  带出: [借出去, {{x: 1}}]
  {LONG}: [长]
colour: red
"""
    _, problems = words_of(tmp_path, bad)
    assert problems == [
        f"{WORDS_FILE}:1: ignore: '怎么' is listed twice (also line 1)",
        f"{WORDS_FILE}:3: '印章' must be a list of words like [公章, 章], got '公章'",
        f"{WORDS_FILE}:4: '丢' is also an ignored word (line 1): a query would drop it",
        f"{WORDS_FILE}:4: '遗失' lists itself as a spoken word",
        f"{WORDS_FILE}:4: '遗失': item 2 must be one word without spaces, got '丢 了'",
        f"{WORDS_FILE}:5: '带出': item 2 must be a word, got a mapping",
        f"{WORDS_FILE}:6: written word '{LONG}' is longer than 12 characters: '{LONG}'",
        f"{WORDS_FILE}:7: unknown field 'colour' (expected 'ignore' and 'synonyms')",
    ]


def test_shuniu_check_reports_a_broken_word_list_and_fails(content_root):
    write(content_root, WORDS_FILE, "synonyms:\n  印章: [公章\n")
    result = CliRunner().invoke(main, ["check", "--root", str(content_root)])
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{WORDS_FILE}:")
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_generated_chrome_is_marked_for_material_to_skip():
    html = ('<div class="shuniu-meta" data-status="effective"><span>现行有效</span></div>'
            '<p><a class="md-button shuniu-checklist-link" href="x">打开检查清单</a> 逐项勾选</p>'
            '<div class="shuniu-metadata">kept</div><p>正文</p>')
    marked = exclude_chrome(html)
    assert '<div data-search-exclude class="shuniu-meta" data-status="effective">' in marked
    assert "<p data-search-exclude><a data-search-exclude class=\"md-button shuniu-checklist-link\"" in marked
    assert '<div class="shuniu-metadata">kept</div><p>正文</p>' in marked


def test_vocabulary_holds_material_s_words_and_the_parts_of_compounds():
    cut = "\u200b".join(["对", "领导", "批示", "督查督办", "，", "涉密载体", "管理"])  # as Material's index has it
    words = vocabulary([cut], ["会议纪要"])
    assert {"领导", "督查督办", "督办", "涉密载体", "涉密", "载体", "管理", "会议纪要", "会议", "纪要"} <= set(words)
    assert all(len(w) >= 2 for w in words)


def test_the_worker_gets_its_data_in_the_index_config(tmp_path):
    words, _ = words_of(tmp_path, GOOD)
    data = {"config": {"lang": ["zh"]}, "docs": [{"location": "a.html", "title": "印章", "text": "印章\u200b管理"}]}
    out = rewrite_index(data, words, ["glossary.html"], [])
    shuniu = json.loads(json.dumps(out))["config"]["shuniu"]
    assert shuniu["synonyms"]["公章"] == ["印章"] and shuniu["ignore"] == ["怎么", "吗"]
    assert shuniu["secondary"] == ["glossary.html"]
    assert "管理" in shuniu["vocabulary"]


def test_the_built_index_leaves_chrome_out_and_carries_the_worker_data(built_site):
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    page = [d for d in index["docs"] if d["location"].startswith("policies/yinzhang-guanli.html")]
    assert page and not [d for d in page if "BGS-ZD-003" in d["text"] or "修订记录" in d["text"]]  # status block, history
    html = (built_site / "policies/yinzhang-guanli.html").read_text(encoding="utf-8")
    assert "BGS-ZD-003" in html and "data-search-exclude" not in html  # the page itself shows them unchanged
    shuniu = index["config"]["shuniu"]
    assert {"督办", "涉密", "载体"} <= set(shuniu["vocabulary"]) and "印章" in shuniu["synonyms"]["公章"]
    assert "glossary.html" in shuniu["secondary"] and "policies/yinzhang-guanli.html" not in shuniu["secondary"]
    # Every bank page is secondary, with or without an English version; only those without one have no en/ copy.
    assert {"quizzes/xingwen-guize.html", "quizzes/baomi.html", "en/quizzes/baomi.html"} <= set(shuniu["secondary"])
    assert "quizzes/xingwen-guize.html" in shuniu["chinese_only"] and "quizzes/baomi.html" not in shuniu["chinese_only"]
    assert all((built_site / path).is_file() and not (built_site / "en" / path).exists() for path in shuniu["chinese_only"])
    inline = (built_site / "search/search_index.js").read_text(encoding="utf-8")
    assert json.loads(inline.removeprefix("var __index = ")) == index  # what file:// pages load
