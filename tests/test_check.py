"""`shuniu check`: every problem listed as path:line: message, exit 1, never a traceback."""

from pathlib import Path

from click.testing import CliRunner

from shuniu.cli import main
from tests.conftest import VALID_POLICY, write


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
    assert [line.split(":")[0] for line in lines] == ["docs/policies/a.md"] + ["docs/study/b.md"] * 7


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


def test_titles_cannot_carry_markup(content_root):
    text = VALID_POLICY.format(id="x").replace("title: 印章管理办法", "title: 印章<script>alert(1)</script>")
    write(content_root, "docs/policies/x.md", text)
    code, lines = run_check(content_root)
    assert lines == ["docs/policies/x.md:3: field 'title' must not contain '<' or '>'"]
