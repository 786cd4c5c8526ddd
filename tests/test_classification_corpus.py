"""The classification guard against its two corpora (tests/corpora/): every disguised marking is
reported at its line, no teaching sentence is; and every kind of published file is read."""

import base64
import datetime
import re
import zipfile
from pathlib import Path

import pytest

from shuniu.check import check_root
from shuniu.control.classification import MARKING_MESSAGE, scan_text
from shuniu.control.published import NOT_TEXT_MESSAGE
from shuniu.problems import Problems
from tests.conftest import VALID_POLICY, write

CORPORA = Path(__file__).parent / "corpora"
_CODE_POINT = re.compile(r"\{U\+([0-9A-Fa-f]{4,6})\}")
_MARKING = re.compile("^(?P<path>[^:]+):(?P<line>[0-9]+): " + re.escape(MARKING_MESSAGE).replace(
    re.escape("{found}"), "(?P<found>.+)") + "$")


def expand(text: str, line_breaks: bool = True) -> str:
    """The corpus notation made real: {U+XXXX} is that character, <NL> a line break."""
    text = _CODE_POINT.sub(lambda m: chr(int(m[1], 16)), text)
    return text.replace("<NL>", "\n") if line_breaks else text


def corpus(name: str) -> list[tuple[int, str]]:
    lines = (CORPORA / name).read_text(encoding="utf-8").split("\n")
    return [(number, line) for number, line in enumerate(lines, 1) if line.strip() and not line.startswith("%%")]


CATCH = corpus("classification-catch.txt")
TEACHING = corpus("classification-teaching.txt")


def scan(path: str, text: str) -> list[str]:
    problems = Problems()
    scan_text(path, text, problems)
    return [str(p) for p in problems.sorted()]


def page(body: str) -> str:
    return f"---\ntitle: x\n---\n\n第一段。\n{body}\n"


@pytest.mark.parametrize(("number", "case"), CATCH, ids=[f"catch:{n}" for n, _ in CATCH])
def test_every_disguised_marking_is_reported_once_at_its_line(number, case):
    found = scan("docs/policies/x.md", page(expand(case)))
    assert len(found) == 1, found
    match = _MARKING.match(found[0])
    assert match and (match["path"], match["line"]) == ("docs/policies/x.md", "6"), found[0]


def test_the_whole_catch_corpus_is_reported_line_by_line():
    text = expand((CORPORA / "classification-catch.txt").read_text(encoding="utf-8"), line_breaks=False)
    lines = {int(m["line"]) for m in map(_MARKING.match, scan("docs/corpus.txt", text)) if m}
    assert lines == {number for number, _ in CATCH}


@pytest.mark.parametrize(("number", "case"), TEACHING, ids=[f"teaching:{n}" for n, _ in TEACHING])
def test_teaching_text_is_no_marking(number, case):
    assert scan("docs/study/x.md", page(expand(case))) == []


def test_the_whole_teaching_corpus_passes_as_page_text_and_as_yaml_data():
    text = expand((CORPORA / "classification-teaching.txt").read_text(encoding="utf-8"))
    assert scan("docs/study/x.md", page(text)) == []
    block = "\n".join(f"    {line}" for line in text.split("\n"))
    assert scan("docs/glossary.yml", f"- term: 密级\n  definition: |\n{block}\n") == []


PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
SETTINGS = """site_name: "枢纽 \\u79d8\\u5bc6\\u2605"
site_description: 办公室
theme:
  custom_dir: overrides
extra:
  banner: SECRET//NOFORN
nav:
  - 首页: index.md
  - "机密★": policies/yinzhang.md
plugins:
  - i18n:
      build_only_locale: !ENV [SHUNIU_ONLY_LOCALE, null]
      languages:
        - locale: en
          site_name: CONFIDENTIAL
markdown_extensions:
  - toc:
      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}
"""


def planted(root: Path) -> None:
    """One disguised marking in every kind of file the site publishes or reads."""
    write(root, "mkdocs.yml", SETTINGS)
    write(root, "overrides/main.html", '{% extends "base.html" %}\n{% block header %}TOP SECRET{% endblock %}\n')
    (root / "docs/assets").mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(root / "docs/assets/download.docx", "w") as document:  # a Word download
        document.writestr("word/document.xml", "<w:p><w:r><w:t>秘</w:t></w:r><w:r><w:t>密★10年</w:t></w:r></w:p>")
    write(root, "docs/assets/flow.svg",
          '<svg xmlns="http://www.w3.org/2000/svg">\n<text x="1">秘</text><text x="9">密&#9733;</text>\n</svg>\n')
    (root / "docs/notes.txt").write_bytes("说明\n秘密★5年\n".encode("gbk"))
    write(root, "docs/page.html", "<html>\n<body>\n<p>秘密&#9733;5年</p>\n</body>\n</html>\n")
    write(root, "docs/data.csv", "题目,答案\n保密,\"机\u200b密★\"\n")
    write(root, "docs/plan.ics",  # an iCalendar line folded in the middle of the marking
          "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:学习 秘\r\n 密★十年\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    write(root, "docs/data.json", '{\n  "t": "\\u79d8\\u5bc6\\u2605"\n}\n')
    write(root, "docs/assets/x.js", 'var a = 1;\nvar s = "机密\\u2605";\n')
    write(root, "docs/assets/x.css", '.x::after {\n  content: "秘密\\2605";\n}\n')
    (root / "docs/assets/logo.png").write_bytes(PNG)
    write(root, "docs/assets/renamed.png", "秘密★\n")
    write(root, "docs/assets/機密★.txt", "没有标志\n")
    tagged = VALID_POLICY.format(id="tagged").replace("tags: [印章]", 'tags: [印章, "秘\\u5bc6\\u2605"]')
    write(root, "docs/policies/tagged.md", tagged)
    write(root, "quizzes/q.yml", "id: q\ntitle: 题\nquestions:\n  - id: q1\n    type: single\n    stem: 问\n"
          "    options:\n      A: \"机密\\u2605二十年\"\n      B: 否\n    answer: B\n    explanation: 解\n")
    write(root, "docs/study/plans/p.yml", "id: p\ntitle: 计划\ngroup: 组\nsessions:\n  - date: 2026-12-01\n"
          "    topic: \"传达\n      秘\n      密★文件\"\n"
          "    notes: !!binary " + base64.b64encode("绝密★".encode()).decode() + "\n")
    write(root, "docs/glossary.yml", "- term: 密级\n  definition: 例如 秘\u200b密★ 这样的写法\n")


def test_every_kind_of_published_file_is_read(content_root):
    planted(content_root)
    _, problems = check_root(content_root)
    marking = "classification marking"
    guard = [str(p).split(": classified")[0] for p in problems.sorted() if marking in p.message]
    assert guard == [
        "docs/assets/download.docx:1: in word/document.xml: classification marking '秘密★10年'",
        "docs/assets/flow.svg:2: classification marking '秘密★'",
        "docs/assets/renamed.png:1: classification marking '秘密★'",
        "docs/assets/x.css:2: classification marking '秘密★'",
        "docs/assets/x.js:2: classification marking '机密★'",
        "docs/assets/機密★.txt:1: the file name carries the classification marking '机密★'",
        "docs/data.csv:2: classification marking '机密★'",
        "docs/data.json:2: classification marking '秘密★'",
        "docs/glossary.yml:2: classification marking '秘密★'",
        "docs/page.html:3: classification marking '秘密★5年'",
        "docs/plan.ics:3: classification marking '秘密★十年'",
        "docs/policies/tagged.md:12: classification marking '秘密★'",
        "docs/study/plans/p.yml:7: classification marking '秘密★'",
        "docs/study/plans/p.yml:9: classification marking '绝密★'",
        "mkdocs.yml:1: classification marking '秘密★'",
        "mkdocs.yml:6: classification marking 'SECRET//NOFORN'",
        "mkdocs.yml:9: classification marking '机密★'",
        "mkdocs.yml:15: classification marking 'CONFIDENTIAL'",
        "overrides/main.html:2: classification marking 'TOP SECRET'",
        "quizzes/q.yml:8: classification marking '机密★二十年'",
    ]
    assert f"docs/notes.txt:1: {NOT_TEXT_MESSAGE}" in [str(p) for p in problems.sorted()]


def test_commit_messages_are_published_too():
    from shuniu.control.classification import scan_commit_messages
    from shuniu.control.model import Commit, History
    from shuniu.model import Content

    content = Content()
    commit = Commit(datetime.date(2026, 11, 2), "转发 秘\u200b密★ 通知")
    content.history = History({"docs/a.md": (commit, Commit(datetime.date(2026, 11, 1), "新增印章管理办法")),
                               "docs/b.md": (commit,)})
    assert [str(p).split("; rewrite")[0].split(": classified")[0] for p in scan_commit_messages(content).sorted()] == [
        "docs/a.md:1: the commit of 2026-11-02 ('转发 秘\u200b密★ 通知') carries the classification marking '秘密★'"]


def test_random_text_never_breaks_the_guard():
    """Escapes, entities, markup and odd characters in random order: problems or none, never an exception."""
    import random

    pieces = ["秘", "密", "★", "\\u", "\\", "&#", "&", ";", "%E2", "%", "<!--", "-->", "<b>", "</", "[", "]", "(",
              ")", "*", "**", "`", "\n", " ", "\u202e", "\ud800", "\u0301", "x", "9", "年", "SECRET", "//", "data:;base64,"]
    generator = random.Random(10)
    for _ in range(300):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(1, 60)))
        for path in ("docs/x.md", "docs/x.yml", "docs/x.txt"):
            scan(path, text)


def test_declared_levels_are_found_in_broken_yaml_and_in_escapes():
    declared = ("{path}:{line}: '{key}' declares the classified level '{level}': classified (涉密) documents must never "
                "be stored in this repository; only 'classification: public' or 'classification: internal' are allowed")
    broken = "- classification: secret\n  x: [\n- 密級: 機密\n"  # unclosed '[': only the lines can be read
    assert scan("docs/x.yml", broken) == [
        declared.format(path="docs/x.yml", line=1, key="classification", level="secret"),
        declared.format(path="docs/x.yml", line=3, key="密级", level="机密"),
    ]
    escaped = 'id: x\n"\\u5bc6\\u7ea7": "\\u79d8\\u5bc6"\n'  # "密级": "秘密", written in YAML escapes
    assert scan("quizzes/x.yml", escaped) == [declared.format(path="quizzes/x.yml", line=2, key="密级", level="秘密")]
