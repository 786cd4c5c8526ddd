"""The glossary: validation, its page, tooltips on content pages and whole-word search terms."""

import datetime

import jieba

from shuniu.check import check_root
from shuniu.control.glossary import read_glossary
from shuniu.control.glossary_page import glossary_page, tooltip_lines
from shuniu.control.model import Term
from shuniu.problems import Problems
from shuniu.search_dict import dictionary_terms, write_user_dict
from tests.conftest import PROJECT, write

GLOSSARY = """- term: 发文字号
  aliases: [文号]
  definition: 由发文机关代字、年份和发文顺序号组成。
  source: policies/yinzhang.md#印章保管
- term: 印章
  aliases: [公章]
  definition: >-
    机关的印章，
    用于用印。
  source: policies/yinzhang.md
"""


def read(text):
    problems = Problems()
    terms = read_glossary("docs/glossary.yml", text, problems)
    return terms, [str(p) for p in problems.sorted()]


def test_a_valid_glossary_loads_in_file_order():
    terms, problems = read(GLOSSARY)
    assert problems == []
    definition = "由发文机关代字、年份和发文顺序号组成。"
    assert terms[0] == Term("发文字号", definition, ("文号",), "policies/yinzhang.md#印章保管", 1, 4, 2)
    assert terms[1].definition == "机关的印章， 用于用印。"  # one line: a tooltip ends at the line end


def test_names_must_be_unique():
    text = GLOSSARY + """- term: 文号
  definition: 重复。
- term: 公文
  aliases: [公章, 公文, 文件, 文件]
  definition: 公务文书。
- term: 印章
  definition: 又一个。
  note: x
"""
    _, problems = read(text)
    assert problems == [
        "docs/glossary.yml:2: term '发文字号': alias '文号' is another term (line 11)",
        "docs/glossary.yml:14: term '公文': alias '公文' repeats the term or another of its aliases",
        "docs/glossary.yml:14: term '公文': alias '公章' is also an alias of '印章' (line 5)",
        "docs/glossary.yml:14: term '公文': alias '文件' repeats the term or another of its aliases",
        "docs/glossary.yml:16: duplicate term '印章' (also on line 5)",
        "docs/glossary.yml:18: unknown field 'note'",
    ]


def test_sources_must_resolve(content_root):
    write(content_root, "docs/glossary.yml", GLOSSARY.replace("#印章保管", "#nowhere"))
    _, problems = check_root(content_root)
    assert [str(p) for p in problems.sorted()] == [
        "docs/glossary.yml:4: term '发文字号': link 'policies/yinzhang.md#nowhere' points to a missing anchor "
        "'#nowhere' in policies/yinzhang.md",
    ]


def test_tooltips_only_for_terms_in_the_body_and_never_in_code():
    terms, _ = read(GLOSSARY)
    body = "## 印章保管\n\n标注**发文字号**。\n\n```\n公章\n```\n\n`文号` 不算。\n"
    assert tooltip_lines(tuple(terms), body) == ["*[发文字号]: 由发文机关代字、年份和发文顺序号组成。"]
    aliased = tooltip_lines(tuple(terms), "加盖公章。")
    assert aliased == []  # run into the text: abbr cannot match it, so no definition is added
    assert tooltip_lines(tuple(terms), "加盖“公章”。") == ["*[公章]: 印章：机关的印章， 用于用印。"]


def test_glossary_page_has_every_term_with_its_anchor_source_and_aliases(content_root):
    write(content_root, "docs/glossary.yml", GLOSSARY)
    content, problems = check_root(content_root)
    assert not problems
    [zh] = glossary_page(content, "zh", datetime.date(2026, 11, 29))
    assert zh.src_uri == "glossary.md"
    assert ("### 发文字号 { #发文字号 }\n\n由发文机关代字、年份和发文顺序号组成。  \n"
            '**又称**：<span id="文号">文号</span>　出处：[印章管理办法](policies/yinzhang.md#印章保管)') in zh.markdown


def test_built_pages_carry_tooltips(built_site):
    html = (built_site / "policies/gongwen-geshi.html").read_text(encoding="utf-8")
    assert '<abbr title="由发文机关代字、年份和发文顺序号组成；联合行文使用主办机关的发文字号。">发文字号</abbr>' in html
    glossary = (built_site / "glossary.html").read_text(encoding="utf-8")
    assert 'id="发文字号"' in glossary and "<abbr" not in glossary.split('<article', 1)[1]
    assert (built_site / "en/glossary.html").is_file()


def test_glossary_terms_join_the_search_dictionary_and_segment_whole(tmp_path):
    content, problems = check_root(PROJECT)
    assert not problems
    terms = dictionary_terms(content)
    assert {"发文字号", "四种形态", "发文机关标志", "文号"} <= set(terms)
    assert "函" not in terms and "GB/T 9704—2012" not in terms  # one character; not one jieba word
    sentence = "正确标注发文机关标志和发文字号，坚持运用四种形态"
    words = {"发文机关标志", "发文字号", "四种形态"}
    site = jieba.Tokenizer()  # a fresh instance: the global tokenizer is shared by every test
    assert not words & set(site.lcut(sentence))  # jieba alone splits them (发文/机关/标志, 四种/形态)
    with write_user_dict(tmp_path, content).open("rb") as user_dict:  # the file the search plugin reads
        site.load_userdict(user_dict)
    assert words <= set(site.lcut(sentence))


def test_user_dictionary_file_lists_glossary_terms(content_root):
    write(content_root, "docs/glossary.yml", GLOSSARY)
    content, _ = check_root(content_root)
    lines = write_user_dict(content_root, content).read_text(encoding="utf-8").splitlines()
    assert "发文字号 2000 n" in lines and "文号 2000 n" in lines
