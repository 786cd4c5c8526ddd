"""Change history of content pages from git: one `git log` for the whole site, never one per page.

Readers see when a page last changed and why (GOV.UK's "Last updated / show all updates").
Outside a git repository, or without git, pages show no history at all; a page that exists
only in the working tree shows "not committed".
"""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

from shuniu.control.model import Commit, History
from shuniu.model import Content, Page
from shuniu.problems import Problems

# Record and field separators git writes for us; they never occur in a commit subject.
_RECORD, _FIELD = "\x1e", "\x1f"
_GIT_LOG = [
    "git", "-c", "core.quotepath=false", "log", "-z", "--no-renames", "--relative",
    f"--format={_RECORD}%cs{_FIELD}%s", "--name-only", "--", "docs",
]

LABELS = {
    "zh": {"last_updated": "最后更新", "not_committed": "未提交", "history": "修订记录"},
    "en": {"last_updated": "Last updated", "not_committed": "not committed", "history": "Change history"},
}


def label(lang: str, key: str) -> str:
    return LABELS.get(lang, LABELS["en"])[key]


def read_history(root: Path) -> History | None:
    """Every commit that touched docs/, by file (root-relative paths); None when git cannot tell."""
    try:
        result = subprocess.run(_GIT_LOG, cwd=root, capture_output=True, check=False, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None  # no git on this machine: the site simply shows no history
    if result.returncode != 0:
        return None  # not a git repository (or not a safe one): same
    return parse_log(result.stdout.decode("utf-8", errors="replace"))


def parse_log(output: str) -> History:
    """Parse ``git log -z --format=<RS>%cs<US>%s --name-only``; git lists newest commits first."""
    files: dict[str, list[Commit]] = {}
    for record in output.split(_RECORD):
        header, *names = record.split("\0")
        if _FIELD not in header:
            continue
        day, message = header.split(_FIELD, 1)
        commit = Commit(datetime.date.fromisoformat(day.strip()), message.strip())
        for name in (n.strip("\n") for n in names):
            if name:
                files.setdefault(name, []).append(commit)
    return History({path: tuple(commits) for path, commits in files.items()})


def load_history(root: Path, content: Content, problems: Problems) -> None:
    """Read the history once per load; pages and the header take it from ``content.history``."""
    content.history = read_history(root)


def last_updated(content: Content, page: Page, lang: str) -> tuple[str, str] | None:
    """(label, value) for the page header: the newest commit's date, "not committed", or None."""
    if content.history is None or page.is_index:
        return None
    commits = content.history.of(page.path)
    value = commits[0].date.isoformat() if commits else label(lang, "not_committed")
    return label(lang, "last_updated"), value
