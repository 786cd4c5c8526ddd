"""The pre-commit hook runs `shuniu check` on the files a commit changes and stops a bad one."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"
PAGE = """---
id: {slug}
title: {title}
owner: 办公室
status: draft
review_every: 12 months
basis: [本单位印章管理办法]
doc_no: BGS-ZD-001
approver: 办公室主任
classification: public
---

## 目的

{body}
"""

pytestmark = pytest.mark.skipif(not PRE_COMMIT.exists(), reason="pre-commit is in the test extra")


def run(args, cwd, **env):
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env={**os.environ, **env}, check=False)


@pytest.fixture
def repo(tmp_path):
    """A small content project under git, with the project's hook configuration and .venv."""
    (tmp_path / "docs" / "policies").mkdir(parents=True)
    (tmp_path / "quizzes").mkdir()
    shutil.copy(ROOT / ".pre-commit-config.yaml", tmp_path)
    (tmp_path / ".venv").symlink_to(Path(sys.executable).parent.parent)
    run(["git", "init", "-q"], tmp_path)
    return tmp_path


def hook(repo, *files):
    return run([str(PRE_COMMIT), "run", "shuniu-check", "--files", *files], repo,
               PRE_COMMIT_HOME=str(repo / ".cache"), SKIP="shuniu-schemas")


def test_the_hook_passes_a_good_page_and_stops_a_bad_one_with_path_and_line(repo):
    good = repo / "docs" / "policies" / "good.md"
    good.write_text(PAGE.format(slug="good", title="用印管理", body="印章由专人保管。"), encoding="utf-8")
    passed = hook(repo, "docs/policies/good.md")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    bad = repo / "docs" / "policies" / "bad.md"
    bad.write_text(PAGE.format(slug="bad", title="【待填写：制度标题】", body="见[流程](../procedures/none.md)。"),
                   encoding="utf-8")
    failed = hook(repo, "docs/policies/bad.md")
    assert failed.returncode == 1
    assert "docs/policies/bad.md:3: template placeholder still here: 【待填写：制度标题】" in failed.stdout
    assert "docs/policies/bad.md:15: " in failed.stdout  # the broken link, at its line


def test_a_bad_file_the_commit_does_not_touch_does_not_stop_it(repo):
    (repo / "docs" / "policies" / "old.md").write_text(
        PAGE.format(slug="old", title="【待填写：标题】", body="旧稿。"), encoding="utf-8")
    (repo / "docs" / "policies" / "new.md").write_text(
        PAGE.format(slug="new", title="值班管理", body="值班人员按时到岗。"), encoding="utf-8")
    result = hook(repo, "docs/policies/new.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "old.md" not in result.stdout
