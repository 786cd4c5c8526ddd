"""Change history from git: one `git log` for the site, shown in each page's header and footer."""

import datetime
import os
import subprocess

from shuniu.check import check_root
from shuniu.control.history import parse_log, read_history
from shuniu.control.history_block import render_history
from shuniu.control.model import Commit, History
from shuniu.render.compose import compose_markdown
from tests.conftest import VALID_POLICY, write
from tests.rendered import as_shown


def git(root, *args, date="2026-01-05T10:00:00"):
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def policy(root, name):
    return write(root, f"docs/policies/{name}.md", VALID_POLICY.format(id=name))


def test_parse_log_lists_each_files_commits_newest_first():
    output = (
        "\x1e2026-03-02\x1fRevise 印章管理\x00\ndocs/policies/yinzhang.md\x00"
        "\x1e2026-01-05\x1fFirst version\x00\ndocs/policies/yinzhang.md\x00docs/index.md\x00"
    )
    assert parse_log(output) == History({
        "docs/policies/yinzhang.md": (Commit(datetime.date(2026, 3, 2), "Revise 印章管理"),
                                      Commit(datetime.date(2026, 1, 5), "First version")),
        "docs/index.md": (Commit(datetime.date(2026, 1, 5), "First version"),),
    })


def test_outside_git_there_is_no_history_and_no_header_line(content_root):
    assert read_history(content_root) is None
    content, problems = check_root(content_root)
    assert not problems and content.history is None
    page = content.pages[0]
    html = as_shown(compose_markdown(content, page, page.body, "zh", datetime.date(2026, 11, 29)))
    assert "最后更新" not in html and "修订记录" not in html


def test_committed_pages_show_last_update_and_every_change(tmp_path):
    policy(tmp_path, "yinzhang")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "First version", date="2026-01-05T10:00:00")
    write(tmp_path, "docs/policies/yinzhang.md", VALID_POLICY.format(id="yinzhang") + "\n补充。\n")
    git(tmp_path, "commit", "-qam", "Add <b>保管</b> rule", date="2026-03-02T09:00:00")
    policy(tmp_path, "new-draft")  # in the working tree only

    content, problems = check_root(tmp_path)
    assert not problems
    day = datetime.date(2026, 11, 29)
    committed = content.page("policies/yinzhang.md")
    html = as_shown(compose_markdown(content, committed, committed.body, "zh", day))
    assert '<span class="shuniu-meta__label">最后更新</span> 2026-03-02</span>' in html
    assert html.rstrip().endswith(
        '<details class="note shuniu-history">\n<summary>修订记录</summary>\n'
        '<ul><li><time datetime="2026-03-02">2026-03-02</time> Add &lt;b&gt;保管&lt;/b&gt; rule</li>'
        '<li><time datetime="2026-01-05">2026-01-05</time> First version</li></ul>\n</details>'
    )

    uncommitted = content.page("policies/new-draft.md")
    html = as_shown(compose_markdown(content, uncommitted, uncommitted.body, "en", day))
    assert '<span class="shuniu-meta__label">Last updated</span> not committed</span>' in html
    assert "shuniu-history" not in html


def test_history_block_is_in_the_language_of_the_page():
    block = as_shown(render_history((Commit(datetime.date(2026, 1, 5), "First"),), "en"))
    assert "<summary>Change history</summary>" in block


def test_built_pages_show_their_history(built_site):
    html = (built_site / "policies/yinzhang-guanli.html").read_text(encoding="utf-8")
    assert '<span class="shuniu-meta__label">最后更新</span>' in html
    assert '<details class="note shuniu-history">' in html and "<time datetime=" in html
