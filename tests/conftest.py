"""Shared fixtures: small content roots, one real build of the project, and a real browser."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
BUILD_DATE = "2026-11-29"  # builds in tests are pinned to one day so "overdue" is stable

VALID_POLICY = """---
id: {id}
title: 印章管理办法
owner: 办公室（秘书科）
status: effective
effective: 2025-03-01
reviewed: 2026-03-01
review_every: 12 months
basis:
  - 《党政机关公文处理工作条例》
classification: public
tags: [印章]
doc_no: BGS-ZD-003
approver: 办公室主任
---

## 印章保管

专人专柜保管。
"""


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def content_root(tmp_path: Path) -> Path:
    """A tiny valid content root: one policy page in docs/."""
    write(tmp_path, "docs/policies/yinzhang.md", VALID_POLICY.format(id="yinzhang"))
    return tmp_path


def copy_project(root: Path) -> Path:
    """Copy this project's content and site configuration into ``root`` (for fixtures of any scope)."""
    for name in ("docs", "quizzes", "hooks", "overrides"):
        if (PROJECT / name).exists():
            shutil.copytree(PROJECT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def copy_site_settings(root: Path) -> Path:
    """Copy this project's site configuration, hooks, theme overrides and assets into ``root``:
    a small content root written next to them builds like the real site."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(PROJECT / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(PROJECT / "overrides", root / "overrides")
    shutil.copytree(PROJECT / "docs/assets", root / "docs/assets")
    return root


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of this project's content and site configuration, safe to break."""
    return copy_project(tmp_path)


def mkdocs_build(root: Path, site: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SHUNIU_TODAY": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=root, env=env, capture_output=True, text=True, check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built once (strict) for every test that reads the output."""
    site = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(PROJECT, site)
    assert result.returncode == 0, result.stderr[-4000:]
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` over http on a free loopback port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served over http on a free loopback port."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright; skipped with a reason where it is missing.

    In CI (SHUNIU_REQUIRE_BROWSER=1) a missing browser fails instead of skipping.
    """
    if not CHROMIUM.exists():
        if os.environ.get("SHUNIU_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required here but /usr/bin/chromium is missing (apt-get install chromium)")
        pytest.skip("browser tests need Debian's Chromium at /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh browser context (empty storage) and page for one test."""
    context = browser.new_context(locale="zh-CN")  # type: ignore[attr-defined]
    tab = context.new_page()
    yield tab
    context.close()
