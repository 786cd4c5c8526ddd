"""MkDocs builds run as child processes, timed, with each build's own peak memory."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
BUILD_DATE = "2026-11-29"  # pinned like the tests, so review dates and banners do not drift
PLAIN_CONFIG = "mkdocs.plain.yml"
BEFORE_CONFIG = "mkdocs.before.yml"
EXPORT_CACHE = Path(".cache/shuniu/exports")  # shuniu/export/downloads.py CACHE, under the project root
_HOOKS = re.compile(r"^hooks:\n(?:[ \t]+-.*\n)+", re.M)


@dataclass(frozen=True)
class BuildRun:
    seconds: float
    peak_rss_mb: float  # the build process's maximum resident set size
    parts: dict[str, Any] = field(default_factory=dict)  # bench.profile's figures: hook events, pages
    cpu_seconds: float = 0.0  # user + system time of the build and its waited-for workers: what load does not change


class BuildFailed(RuntimeError):
    """A benchmark build did not succeed; its log is in the message."""


def build_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    return {**os.environ, "SHUNIU_TODAY": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1", **(extra or {})}


def timed_build(root: Path, site: Path, config: str = "mkdocs.yml", env: dict[str, str] | None = None) -> BuildRun:
    """Build ``root`` with ``config`` into ``site``; wall time, the child's own peak memory, and
    where the time went (bench.profile wraps the hooks' events and MkDocs' page steps in timers).

    ``os.wait4`` gives the rusage of this one child (RUSAGE_CHILDREN would be the maximum over
    every child so far, so the second variant would inherit the first one's peak).
    """
    from bench.profile import child_command

    shutil.rmtree(site, ignore_errors=True)
    extra = dict(env or {})
    # bench.profile is found in the project; an earlier commit's shuniu (PYTHONPATH) stays first.
    extra["PYTHONPATH"] = os.pathsep.join(filter(None, [extra.get("PYTHONPATH"), str(PROJECT)]))
    with tempfile.TemporaryDirectory(prefix="shuniu-timed-") as folder, tempfile.TemporaryFile() as log:
        parts = Path(folder) / "parts.json"
        start = time.perf_counter()
        process = subprocess.Popen(child_command(root, site, config, parts), cwd=root, env=build_env(extra),
                                   stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            log.seek(0)
            raise BuildFailed(f"{config} in {root} failed:\n{log.read().decode('utf-8', 'replace')[-4000:]}")
        figures = json.loads(parts.read_text(encoding="utf-8"))
    # ru_maxrss is in KiB on Linux
    return BuildRun(seconds, usage.ru_maxrss / 1024, figures, usage.ru_utime + usage.ru_stime)


def build_site(root: Path, site: Path) -> Path:
    """A strict build of ``root`` (the real project or a copy) into ``site``."""
    shutil.rmtree(site, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=root, env=build_env(), capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise BuildFailed(result.stdout[-2000:] + result.stderr[-4000:])
    return site


def install_site_config(root: Path) -> None:
    """Copy the project's mkdocs.yml and hooks into ``root``, plus the plain baseline config.

    The baseline is the same configuration (theme, i18n, search with jieba, offline) without
    ``hooks:``: what the project's own code adds is the difference. Without the hooks the
    generated pages do not exist, so links to them would warn: the baseline is not strict.
    """
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(PROJECT / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
    shutil.copytree(PROJECT / "overrides", root / "overrides", dirs_exist_ok=True)  # theme.custom_dir
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    plain = _HOOKS.sub("", text).replace("strict: true", "strict: false")
    if plain == text or "hooks:" in plain:
        raise BuildFailed("could not remove the hooks from mkdocs.yml for the baseline build")
    (root / PLAIN_CONFIG).write_text(plain, encoding="utf-8")


def install_before(root: Path, before: Path, ref: str = "main") -> str:
    """The project's code at ``ref`` in ``before``, and a config in ``root`` that builds with it.

    The "before" builds run the same corpus with the hooks and the ``shuniu`` package of another
    commit (PYTHONPATH puts that copy ahead of the installed one), so one run compares old and
    new code under the same load. Returns the config's name.
    """
    if not (before / "shuniu").is_dir():
        before.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", ref, "hooks", "shuniu"], cwd=PROJECT, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(before)], input=archive.stdout, check=True)
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    changed = text.replace("- hooks/shuniu_hooks.py", f"- {before / 'hooks' / 'shuniu_hooks.py'}")
    if changed == text:
        raise BuildFailed("could not point mkdocs.yml at the earlier hooks")
    (root / BEFORE_CONFIG).write_text(changed, encoding="utf-8")
    return BEFORE_CONFIG


def clear_export_cache(root: Path) -> None:
    """Empty Shuniu's build caches (bank exports and any other), so the next build is a cold one."""
    shutil.rmtree(root / EXPORT_CACHE.parent, ignore_errors=True)
