"""`shuniu check`: every problem listed as path:line: message, exit 1, never a traceback."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from shuniu.cli import main
from tests.conftest import VALID_POLICY, mkdocs_build, write


def run_check(root: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["check", "--root", str(root)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout.splitlines()


def policy(**changes: str) -> str:
    text = VALID_POLICY.format(id=changes.pop("id", "p"))
    for old, new in changes.items():
        text = text.replace(old.replace("_", " ", 0), new)
    return text


def test_clean_root_prints_one_summary_line(content_root):
    code, lines = run_check(content_root)
    assert code == 0
    assert lines == ["checked 1 pages (0 translations): no problems"]


def test_yaml_syntax_error_names_file_and_line(content_root):
    write(content_root, "docs/policies/bad.md", "---\nid: bad\ntitle: [unclosed\nowner: x\n---\n")
    code, lines = run_check(content_root)
    assert code == 1
    assert lines == ["docs/policies/bad.md:4: YAML syntax error: expected ',' or ']', but got ':'"]


def test_front_matter_that_is_not_a_mapping(content_root):
    write(content_root, "docs/policies/list.md", "---\n- a\n- b\n---\n正文\n")
    code, lines = run_check(content_root)
    assert (code, lines) == (1, ["docs/policies/list.md:2: front matter must be a mapping of fields, got a list"])


def test_missing_front_matter(content_root):
    write(content_root, "docs/study/plain.md", "## 只有正文\n")
    code, lines = run_check(content_root)
    assert lines == ["docs/study/plain.md:1: missing front matter (a '---' block with at least 'id' and 'title')"]


def test_every_field_problem_in_a_file_is_listed(content_root):
    text = VALID_POLICY.format(id="p2")
    text = text.replace("owner: 办公室（秘书科）\n", "")
    text = text.replace("status: effective", "status: active")
    text = text.replace("effective: 2025-03-01", "effective: 2025-02-30")
    text = text.replace("reviewed: 2026-03-01", "reviewed: [2026]")
    text = text.replace("tags: [印章]", "tags: [印章]\ntitel: 错字")
    write(content_root, "docs/policies/p2.md", text)
    code, lines = run_check(content_root)
    assert code == 1
    assert lines == [
        "docs/policies/p2.md:2: missing required field 'owner'",
        "docs/policies/p2.md:4: field 'status' must be one of draft, effective, superseded, repealed, got 'active'",
        "docs/policies/p2.md:5: field 'effective' must be a date like 2025-03-01, got '2025-02-30'",
        "docs/policies/p2.md:6: field 'reviewed' must be a date like 2025-03-01, got a list",
        "docs/policies/p2.md:12: unknown field 'titel'",
    ]


def test_wrong_type(content_root):
    text = VALID_POLICY.format(id="p3").replace("title: 印章管理办法", "title:\n  zh: 印章")
    write(content_root, "docs/policies/p3.md", text)
    code, lines = run_check(content_root)
    assert lines == ["docs/policies/p3.md:3: field 'title' must be text, got a mapping"]


def test_duplicate_id_names_both_files(content_root):
    write(content_root, "docs/policies/again.md", VALID_POLICY.format(id="yinzhang"))
    code, lines = run_check(content_root)
    assert (code, lines) == (1, ["docs/policies/yinzhang.md:2: duplicate id 'yinzhang' (also in docs/policies/again.md)"])


def test_links_to_missing_pages_and_anchors(content_root):
    body = (
        "\n[有](yinzhang.md#印章保管)\n[缺页](../procedures/none.md)\n"
        "[缺锚点](yinzhang.md#没有这节)\n[外部](https://example.org/)\n`[代码](x.md)`\n"
    )
    write(content_root, "docs/policies/links.md", VALID_POLICY.format(id="links") + body)
    code, lines = run_check(content_root)
    assert code == 1
    assert lines == [
        "docs/policies/links.md:22: link '../procedures/none.md' points to a missing page 'procedures/none.md'",
        "docs/policies/links.md:23: link 'yinzhang.md#没有这节' points to a missing anchor '#没有这节' in policies/yinzhang.md",
    ]


def test_translation_must_keep_the_id(content_root):
    write(content_root, "docs/policies/yinzhang.en.md", VALID_POLICY.format(id="seals"))
    write(content_root, "docs/policies/orphan.en.md", VALID_POLICY.format(id="orphan"))
    code, lines = run_check(content_root)
    assert lines == [
        "docs/policies/orphan.en.md:1: translation without an original: policies/orphan.md does not exist",
        "docs/policies/yinzhang.en.md:2: id 'seals' differs from the original's id 'yinzhang'",
    ]


def test_problems_in_many_files_are_all_listed_sorted(content_root):
    write(content_root, "docs/study/b.md", "---\nid: b\n---\n")
    write(content_root, "docs/policies/a.md", "---\n: : :\n---\n")
    code, lines = run_check(content_root)
    assert code == 1
    # b.md: classification, owner, review_every, status, title (dates wait for a status that is not draft)
    assert [line.split(":")[0] for line in lines] == ["docs/policies/a.md"] + ["docs/study/b.md"] * 5


def test_no_docs_folder(tmp_path):
    code, lines = run_check(tmp_path)
    assert (code, lines) == (1, ["docs:0: no docs folder here (use --root to name the project folder)"])


def test_the_real_project_is_clean():
    code, lines = run_check(Path(__file__).resolve().parents[1])
    assert code == 0, "\n".join(lines)


def test_translation_must_keep_the_original_anchors(content_root):
    en = VALID_POLICY.format(id="yinzhang").replace("## 印章保管", "## Custody of seals")
    write(content_root, "docs/policies/yinzhang.en.md", en)
    code, lines = run_check(content_root)
    assert lines == [
        "docs/policies/yinzhang.en.md:16: translation lacks the anchor '#印章保管' of docs/policies/yinzhang.md:17 "
        "(end the matching heading with {#印章保管})"
    ]
    write(content_root, "docs/policies/yinzhang.en.md", en.replace("## Custody of seals", "## Custody of seals {#印章保管}"))
    assert run_check(content_root)[0] == 0


# --- every problem of an item is listed, and none cascades into others -------------------------

BANK = ("id: gw\ntitle: 公文基础\nquestions:\n  - id: gw-001\n    type: single\n    stem: 谁保管印章？\n"
        "    options: {A: 专人, B: 任何人}\n    answer: A\n    explanation: 专人保管。\n")


def test_a_session_with_a_bad_date_still_has_its_bank_and_reading_checked(content_root):
    write(content_root, "quizzes/gw.yml", BANK)
    write(content_root, "docs/study/plans/p.yml",
          "id: p\ntitle: 计划\ngroup: 组\nsessions:\n  - date: 2026-13-01\n    topic: 印章\n"
          "    read: [policies/none.md]\n    quiz: [nosuch]\n")
    code, lines = run_check(content_root)
    assert (code, lines) == (1, [
        "docs/study/plans/p.yml:5: session 1: field 'date' must be a date like 2025-03-01, got '2026-13-01'",
        "docs/study/plans/p.yml:7: session 1: link 'policies/none.md' points to a missing page 'policies/none.md'",
        "docs/study/plans/p.yml:8: session 1: unknown bank 'nosuch'",
    ])


def test_a_session_sharing_another_ones_event_still_has_its_references_checked(content_root):
    write(content_root, "quizzes/gw.yml", BANK)
    write(content_root, "docs/study/plans/p.yml",
          "id: p\ntitle: 计划\ngroup: 组\nsessions:\n  - date: 2026-12-01\n    topic: 一\n"
          "  - date: 2026-12-08\n    topic: 一\n    quiz: [nosuch]\n")
    assert run_check(content_root)[1] == [
        "docs/study/plans/p.yml:7: session 2: the session on line 5 has the same topic; "
        "give both an 'id' so each has its own calendar event",
        "docs/study/plans/p.yml:9: session 2: unknown bank 'nosuch'",
    ]


def test_a_duplicate_question_id_is_reported_on_a_question_with_other_problems(content_root):
    write(content_root, "quizzes/aa.yml", BANK.replace("id: gw\n", "id: aa\n"))
    broken = BANK.replace("answer: A", "answer: C").replace("explanation: 专人保管。\n", "")
    write(content_root, "quizzes/gw.yml", broken)
    assert run_check(content_root)[1] == [
        "quizzes/gw.yml:4: question 'gw-001': missing required field 'explanation'",
        "quizzes/gw.yml:4: question id 'gw-001' is already used at quizzes/aa.yml:4",
        "quizzes/gw.yml:8: question 'gw-001': answer 'C' is not one of the options A-B",
    ]


def test_a_page_with_a_bad_field_is_still_known_to_links(content_root):
    links = "".join(f"\n[印章{n}](yinzhang.md#印章保管)\n" for n in range(11))
    write(content_root, "docs/policies/links.md", VALID_POLICY.format(id="links") + links)
    write(content_root, "docs/study/plans/p.yml",
          "id: p\ntitle: 计划\ngroup: 组\nsessions:\n  - date: 2026-12-01\n    topic: 印章\n"
          "    read: [policies/yinzhang.md#印章保管]\n")
    write(content_root, "docs/policies/yinzhang.md",
          VALID_POLICY.format(id="yinzhang").replace("status: effective", "status: in-force"))
    assert run_check(content_root)[1] == [
        "docs/policies/yinzhang.md:5: field 'status' must be one of draft, effective, superseded, repealed, got 'in-force'",
    ]


def test_a_page_without_readable_front_matter_is_still_known_to_links(content_root):
    write(content_root, "docs/policies/links.md", VALID_POLICY.format(id="links") + "\n[印章](yinzhang.md#印章保管)\n")
    write(content_root, "docs/policies/yinzhang.md", VALID_POLICY.format(id="yinzhang").replace("tags: [印章]", "tags: [印章"))
    assert run_check(content_root)[1] == [
        "docs/policies/yinzhang.md:13: YAML syntax error: expected ',' or ']', but got ':'",
    ]


def test_a_bank_that_cannot_be_read_is_no_unknown_bank(content_root):
    write(content_root, "quizzes/aa.yml", BANK.replace("gw", "aa"))
    write(content_root, "quizzes/gw.yml", BANK.replace("title: 公文基础", "title: [公文"))
    write(content_root, "docs/study/plans/p.yml",
          "id: p\ntitle: 计划\ngroup: 组\nsessions:\n  - date: 2026-12-01\n    topic: 印章\n    quiz: [gw]\n")
    code, lines = run_check(content_root)
    assert (code, len(lines)) == (1, 1) and lines[0].startswith("quizzes/gw.yml:3: YAML syntax error")


def test_a_glossary_entry_without_a_definition_still_has_its_source_checked(content_root):
    write(content_root, "docs/glossary.yml", "- term: 印章\n  source: policies/none.md\n")
    assert run_check(content_root)[1] == [
        "docs/glossary.yml:1: missing required field 'definition'",
        "docs/glossary.yml:2: term '印章': link 'policies/none.md' points to a missing page 'policies/none.md'",
    ]


def test_files_saved_with_a_byte_order_mark_are_read(content_root):
    """Windows Notepad starts UTF-8 files with U+FEFF: every kind of content file accepts it."""
    bom = "\ufeff"
    write(content_root, "docs/policies/notepad.md", bom + VALID_POLICY.format(id="notepad").replace("\n", "\r\n"))
    write(content_root, "quizzes/gw.yml", bom + BANK)
    write(content_root, "docs/study/plans/p.yml",
          bom + "id: p\ntitle: 计划\ngroup: 组\nsessions:\n  - date: 2026-12-01\n    topic: 印章\n"
          "    read: [policies/notepad.md#印章保管]\n    quiz: [gw]\n")
    write(content_root, "docs/glossary.yml", bom + "- term: 印章\n  definition: 机关的印信。\n")
    write(content_root, "quizzes/neibu.yml", bom + "classification: internal\n" + BANK.replace("gw", "neibu"))
    assert run_check(content_root) == (0, ["checked 2 pages (0 translations): no problems"])


def test_a_file_with_many_independent_problems_lists_them_all(content_root):
    """Seven problems in one plan, each in a different field or session: seven lines."""
    write(content_root, "quizzes/gw.yml", BANK)
    write(content_root, "docs/study/plans/p.yml", "\n".join([
        "id: q",                                  # 1: not the file name
        "group: 组",                               # (title missing: reported at line 1)
        "colour: red",                            # 3: unknown field
        "sessions:",
        "  - date: 2026-02-30",                   # 5: impossible date
        "    topic: 印章",
        "    read: [policies/none.md]",           # 7: missing page
        "  - date: 2026-12-01",
        "    quiz: [nosuch]",                     # 9: unknown bank (and topic missing: line 8)
        "",
    ]))
    assert run_check(content_root)[1] == [
        "docs/study/plans/p.yml:1: id 'q' must match the file name 'p'",
        "docs/study/plans/p.yml:1: missing required field 'title'",
        "docs/study/plans/p.yml:3: unknown field 'colour'",
        "docs/study/plans/p.yml:5: session 1: field 'date' must be a date like 2025-03-01, got '2026-02-30'",
        "docs/study/plans/p.yml:7: session 1: link 'policies/none.md' points to a missing page 'policies/none.md'",
        "docs/study/plans/p.yml:8: session 2: missing required field 'topic'",
        "docs/study/plans/p.yml:9: session 2: unknown bank 'nosuch'",
    ]


def test_absurdly_nested_yaml_is_one_quick_error(content_root):
    """100,000 '[' would keep the YAML parser busy for minutes, or overflow its stack."""
    write(content_root, "quizzes/gw.yml", "id: gw\ntitle: 公文\nquestions: " + "[" * 100_000 + "\n")
    code, lines = run_check(content_root)
    assert (code, lines) == (1, ["quizzes/gw.yml:3: YAML nested deeper than 100 levels"])


@pytest.mark.build
def test_a_page_saved_by_notepad_builds(tmp_path):
    """BOM and CRLF line ends (Windows Notepad): the page is checked, built and shows its title."""
    from tests.test_classification import edition_root

    root = edition_root(tmp_path / "root")
    page = VALID_POLICY.format(id="notepad").replace("印章管理办法", "记事本保存的办法")
    write(root, "docs/policies/notepad.md", "\ufeff" + page.replace("\n", "\r\n"))
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    html = (tmp_path / "site/policies/notepad.html").read_text(encoding="utf-8")
    assert "记事本保存的办法" in html and "\ufeff" not in html


def test_a_file_that_is_not_utf8_is_named_once(content_root):
    (content_root / "docs/policies/gbk.md").write_bytes(VALID_POLICY.format(id="gbk").encode("gbk"))
    (content_root / "docs/notes.txt").write_bytes("说明".encode("gbk"))
    write(content_root, "docs/policies/links.md", VALID_POLICY.format(id="links") + "\n[另见](gbk.md)\n")
    code, lines = run_check(content_root)
    assert (code, lines) == (1, [
        "docs/notes.txt:1: file is not valid UTF-8 text, so the classification guard cannot read it: save it as "
        "UTF-8 (a binary file needs its usual extension, such as .png or .pdf)",
        "docs/policies/gbk.md:1: file is not valid UTF-8 text (it looks like GBK/GB18030): save it as UTF-8",
    ])


def test_a_page_saved_as_utf16_says_so(content_root):
    (content_root / "docs/policies/unicode.md").write_bytes(VALID_POLICY.format(id="unicode").encode("utf-16"))
    assert run_check(content_root)[1] == [
        "docs/policies/unicode.md:1: file is not valid UTF-8 text (it is UTF-16, Notepad's 'Unicode'): save it as UTF-8"]


def test_every_bad_option_of_a_question_is_listed(content_root):
    write(content_root, "quizzes/gw.yml", BANK.replace("options: {A: 专人, B: 任何人}", "options: {A: '', B: [x], C: 办公室}"))
    assert run_check(content_root)[1] == [
        "quizzes/gw.yml:7: question 'gw-001': option 'A' must be text, got nothing",
        "quizzes/gw.yml:7: question 'gw-001': option 'B' must be text, got a list",
    ]
