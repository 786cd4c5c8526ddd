"""MkDocs builds run as child processes, timed, with each build's own peak memory."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
BUILD_DATE = "2026-11-29"  # pinned like the tests, so review dates and banners do not drift
PLAIN_CONFIG = "mkdocs.plain.yml"
EXPORT_CACHE = Path(".cache/shuniu/exports")  # shuniu/export/downloads.py CACHE, under the project root
_HOOKS = re.compile(r"^hooks:\n(?:[ \t]+-.*\n)+", re.M)


@dataclass(frozen=True)
class BuildRun:
    seconds: float
    peak_rss_mb: float  # the build process's maximum resident set size


class BuildFailed(RuntimeError):
    """A benchmark build did not succeed; its log is in the message."""


def build_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    return {**os.environ, "SHUNIU_TODAY": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1", **(extra or {})}


def timed_build(root: Path, site: Path, config: str = "mkdocs.yml", env: dict[str, str] | None = None) -> BuildRun:
    """Build ``root`` with ``config`` into ``site``; wall time and the child's own peak memory.

    ``os.wait4`` gives the rusage of this one child (RUSAGE_CHILDREN would be the maximum over
    every child so far, so the second variant would inherit the first one's peak).
    """
    shutil.rmtree(site, ignore_errors=True)
    # Never --quiet: it hides warnings from MkDocs' counter, so `strict: true` would pass broken links.
    command = [sys.executable, "-m", "mkdocs", "build", "-f", config, "--site-dir", str(site)]
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=root, env=build_env(env), stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            log.seek(0)
            raise BuildFailed(f"{config} in {root} failed:\n{log.read().decode('utf-8', 'replace')[-4000:]}")
    return BuildRun(seconds, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


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


def clear_export_cache(root: Path) -> None:
    """Empty the bank export cache, so the next build exports every bank again (a cold build)."""
    shutil.rmtree(root / EXPORT_CACHE, ignore_errors=True)
