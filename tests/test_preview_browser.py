"""`make serve`'s preview in Chromium: a save shows in both languages, a broken save shows its
problems over the page (the same lines as `shuniu check`), and the next good save clears them."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from shuniu.check import check_root
from shuniu.render.language import NOTICE_TEXT
from tests.conftest import BUILD_DATE, VALID_POLICY, copy_site_settings, write

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BANK = """id: yinzhang
title: 印章管理练习
description: 印章保管的基本要求。
pass_mark: 60
questions:
  - id: yinzhang-001
    type: truefalse
    stem: 印章由专人专柜保管。
    answer: true
    explanation: 《印章管理办法》：专人专柜保管。
    source: policies/yinzhang.md#印章保管
"""
OVERLAY = "#shuniu-preview-problems"
WAIT_MS = 60_000


def _root(root: Path) -> Path:
    """A small site: a home page, one policy (Chinese only) and a bank citing it."""
    copy_site_settings(root)
    write(root, "docs/index.md", "---\ntitle: 首页\n---\n\n# 首页\n")
    write(root, "docs/policies/index.md", "---\ntitle: 政策制度\n---\n\n<!-- shuniu:section-index -->\n")
    write(root, "docs/policies/yinzhang.md", VALID_POLICY.format(id="yinzhang"))
    write(root, "quizzes/yinzhang.yml", BANK)
    return root


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The preview (what `make serve` runs) on a small content root; yields the root and its URL."""
    root = _root(tmp_path_factory.mktemp("preview"))
    port = _free_port()
    env = {**os.environ, "SHUNIU_TODAY": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"}
    log = open(root / "preview.log", "wb")  # noqa: SIM115 - closed below, after the server
    server = subprocess.Popen([sys.executable, "-m", "shuniu_preview", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_served(f"{url}/index.html", server, root)
        yield root, url
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # the server's own process group, started above
        server.wait(timeout=30)
        log.close()


def _wait_until_served(url: str, server: subprocess.Popen[bytes], root: Path) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        assert server.poll() is None, (root / "preview.log").read_text(encoding="utf-8")[-3000:]
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if b"<html" in response.read():
                    return
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail("the preview did not start: " + (root / "preview.log").read_text(encoding="utf-8")[-3000:])


def _save(root: Path, relative: str, text: str) -> None:
    (root / relative).write_text(text, encoding="utf-8")


def _refused(tab) -> list[str]:
    """Console errors of the page (a script refused by the page's policy would be one)."""
    errors: list[str] = []
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return errors


def test_a_saved_page_shows_in_both_languages(preview, page):
    root, url = preview
    errors = _refused(page)
    page.goto(f"{url}/policies/yinzhang.html")
    _save(root, "docs/policies/yinzhang.md", VALID_POLICY.format(id="yinzhang") + "\n印章使用须登记。\n")
    page.get_by_text("印章使用须登记。").wait_for(timeout=WAIT_MS)
    # Chinese only: the English site's page says so and leads to the Chinese text just saved.
    page.goto(f"{url}/en/policies/yinzhang.html")
    assert page.get_by_text(NOTICE_TEXT).is_visible()
    page.locator(".shuniu-zh-link a").click()
    page.get_by_text("印章使用须登记。").wait_for(timeout=WAIT_MS)
    assert page.locator(OVERLAY).count() == 0
    assert errors == []


def test_a_broken_page_shows_its_problems_until_it_is_fixed(preview, page):
    root, url = preview
    page.goto(f"{url}/policies/yinzhang.html")
    broken = VALID_POLICY.format(id="yinzhang").replace("status: effective", "status: sometimes")
    _save(root, "docs/policies/yinzhang.md", broken + "\n[去处](nowhere.md)\n")
    overlay = page.locator(OVERLAY)
    overlay.wait_for(timeout=WAIT_MS)
    expected = [str(problem) for problem in check_root(root)[1].sorted()]
    assert len(expected) == 2 and all(line.startswith("docs/policies/yinzhang.md:") for line in expected)
    assert overlay.locator("li").all_inner_texts() == expected
    assert page.get_by_text("专人专柜保管。").is_visible()  # the last good page stays readable under it
    _save(root, "docs/policies/yinzhang.md", VALID_POLICY.format(id="yinzhang") + "\n修好了。\n")
    page.get_by_text("修好了。").wait_for(timeout=WAIT_MS)
    assert overlay.count() == 0


def test_a_saved_bank_shows_on_its_page_and_a_broken_one_names_its_line(preview, page):
    root, url = preview
    page.goto(f"{url}/quizzes/yinzhang.html")
    _save(root, "quizzes/yinzhang.yml", BANK.replace("印章保管的基本要求。", "印章保管和使用的要求。"))
    page.get_by_text("印章保管和使用的要求。").first.wait_for(timeout=WAIT_MS)
    _save(root, "quizzes/yinzhang.yml", BANK.replace("answer: true", "answer: maybe"))
    overlay = page.locator(OVERLAY)
    overlay.wait_for(timeout=WAIT_MS)
    lines = overlay.locator("li").all_inner_texts()
    assert lines == [str(problem) for problem in check_root(root)[1].sorted()]
    assert lines and lines[0].startswith("quizzes/yinzhang.yml:9: ")
    _save(root, "quizzes/yinzhang.yml", BANK.replace("印章保管的基本要求。", "印章不得外借。"))
    page.get_by_text("印章不得外借。").first.wait_for(timeout=WAIT_MS)
    assert overlay.count() == 0


def test_problem_text_is_shown_as_text(preview, page):
    """A problem quotes the author's content: it is never read as HTML."""
    root, url = preview
    page.goto(f"{url}/policies/yinzhang.html")
    hostile = VALID_POLICY.format(id="yinzhang").replace("status: effective", "status: <img src=x onerror=alert(1)>")
    _save(root, "docs/policies/yinzhang.md", hostile)
    overlay = page.locator(OVERLAY)
    overlay.wait_for(timeout=WAIT_MS)
    assert "<img src=x onerror=alert(1)>" in overlay.inner_text()
    assert overlay.locator("img").count() == 0
    _save(root, "docs/policies/yinzhang.md", VALID_POLICY.format(id="yinzhang"))
    overlay.wait_for(state="detached", timeout=WAIT_MS)
