"""Search entries made in a side process (shuniu.search.background) are the entries Material's
plugin makes in the build's own process, in the same places of the index, whatever happens to
the side process; and a build that uses it writes the index a build without it writes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from material.plugins.search.plugin import SearchIndex
from mkdocs.structure.toc import get_toc

from shuniu import side_processes
from shuniu.search import background
from shuniu.search.background import BackgroundIndex, PageText, entries_of, run_elsewhere
from shuniu.search.cache import CACHE
from shuniu.search_dict import site_vocabulary, use_user_dict
from tests.conftest import BUILD_DATE, VALID_POLICY, copy_site_settings, write

TWO_CORES = pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="side processes need a second core")


@pytest.fixture(autouse=True)
def _no_side_process_left() -> Any:
    """Each test starts and ends without the shared side processes (a build's process keeps them
    until it exits; the test process must not carry forked copies of itself into later tests)."""
    background._drop_pool()
    yield
    if background._pool is not None:
        background._pool.shutdown(wait=True)
        background._pool = None


def _page(number: int) -> PageText:
    html = (f'<h1 id="t{number}">印章管理办法{number}</h1><p>用印须填写用印审批单。</p>'
            f'<h2 id="dengji">用印登记</h2><p>专人保管，<b>逐项</b>登记。</p>'
            f'<div data-search-exclude><p>不入索引的页眉</p></div>')
    toc = get_toc([{"level": 1, "id": f"t{number}", "name": "印章", "children": [
        {"level": 2, "id": "dengji", "name": "用印登记", "children": []}]}])
    return PageText(f"policies/p{number}.html", f"印章管理办法{number}", {"tags": ["印章"], "search": {"boost": 2}},
                    html, toc)


def _prepare() -> None:
    return None  # jieba's own dictionary is enough for these pages


def _inline(page: PageText) -> list[dict[str, Any]]:
    """What Material's plugin makes of the page, here."""
    index = SearchIndex()
    index.add_entry_from_context(page)
    return index.entries


def test_the_entries_made_aside_are_materials_and_go_where_material_would_put_them() -> None:
    entries: list[dict[str, Any]] = [{"location": "index.html", "title": "首页", "text": ""}]
    expected = list(entries)
    kept: list[list[dict[str, Any]]] = []
    side = BackgroundIndex(SearchIndex, _prepare)
    for number in range(6):
        side.add(entries, _page(number), kept.append)
        expected += _inline(_page(number))
        cached = {"location": f"cached{number}.html", "title": "从缓存", "text": ""}  # a page the cache had
        entries.append(cached)
        expected.append(cached)
    side.finish()
    assert entries == expected
    assert "用印\u200b审批\u200b单" in json.dumps(entries, ensure_ascii=False)  # cut by jieba
    assert "页眉" not in json.dumps(entries, ensure_ascii=False)
    assert sorted(map(json.dumps, kept)) == sorted(json.dumps(_inline(_page(n))) for n in range(6))  # for the cache


@TWO_CORES
def test_a_side_process_that_dies_only_means_the_entries_are_made_here() -> None:
    side = BackgroundIndex(SearchIndex, _prepare)
    entries: list[dict[str, Any]] = []
    side.add(entries, _page(1), lambda made: None)
    pool = background._shared_pool()
    assert pool is not None
    for process in list(pool._processes.values()):  # type: ignore[union-attr]
        os.kill(process.pid, signal.SIGKILL)
    side.add(entries, _page(2), lambda made: None)
    side.finish()
    assert entries == _inline(_page(1)) + _inline(_page(2))
    again: list[dict[str, Any]] = []  # and the next build has side processes again
    later = BackgroundIndex(SearchIndex, _prepare)
    later.add(again, _page(3), lambda made: None)
    later.finish()
    assert again == _inline(_page(3))
    assert background._pool is not None


def test_without_a_side_process_the_entries_are_made_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(side_processes, "can_fork", lambda: False)
    entries: list[dict[str, Any]] = []
    got: list[Any] = []
    BackgroundIndex(SearchIndex, _prepare).add(entries, _page(1), got.append)
    assert entries == _inline(_page(1)) == got[0]  # there before finish() is called
    assert run_elsewhere(sorted, [3, 1, 2]) == [1, 2, 3]


@TWO_CORES
def test_work_done_aside_is_the_same_and_a_failure_there_is_reported_here(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("用印审批单 2000 n\n", encoding="utf-8")
    texts = ["用印\u200b审批\u200b单", "督查\u200b督办"]
    # Two-character words have no parts to add: the words themselves, and the known one.
    assert run_elsewhere(site_vocabulary, words, texts, ["值班"]) == sorted(["用印", "审批", "督查", "督办", "值班"])
    with pytest.raises(FileNotFoundError):
        run_elsewhere(use_user_dict, tmp_path / "missing.txt")
    assert entries_of(SearchIndex, _prepare, _page(4)) == _inline(_page(4))


@TWO_CORES
def test_side_processes_give_the_core_to_the_build() -> None:
    here = os.nice(0)
    for niceness in (side_processes.SOONER, side_processes.LAST):
        pool = side_processes.forked_pool(1, niceness)
        assert pool is not None
        with pool:
            assert pool.submit(os.nice, 0).result() == min(here + niceness, 19)
            # Ctrl-C in `make serve` is the build's to handle: no traceback from a side process
            assert pool.submit(signal.getsignal, signal.SIGINT).result() == signal.SIG_IGN
    assert side_processes.SOONER < side_processes.LAST  # search entries are wanted before bank files


# A build run with side processes, or with none ("inline"), that says whether jieba's dictionary
# was loaded in the build's own process.
BUILD = """
import atexit, sys
import jieba
import shuniu.side_processes as side
if sys.argv[1] == "inline":
    side.can_fork = lambda: False
atexit.register(lambda: print("jieba loaded here:", jieba.dt.initialized, file=sys.stderr))
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "--strict", "--site-dir", sys.argv[2]]
cli()
"""


def _build(root: Path, site: Path, how: str) -> tuple[str, str]:
    shutil.rmtree(root / CACHE.parent, ignore_errors=True)  # a first build: every page indexed afresh
    env = {**os.environ, "SHUNIU_TODAY": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-c", BUILD, how, str(site)], cwd=root, env=env,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return (site / "search" / "search_index.json").read_text(encoding="utf-8"), done.stderr


@TWO_CORES
def test_a_build_with_side_processes_writes_the_index_a_build_without_them_writes(tmp_path: Path) -> None:
    root = tmp_path / "project"
    copy_site_settings(root)
    write(root, "docs/index.md", "---\ntitle: 首页\n---\n\n# 首页\n\n办公室工作知识库。\n")
    for number in range(8):
        write(root, f"docs/policies/p{number}.md", VALID_POLICY.format(id=f"p{number}").replace(
            "印章管理办法", f"印章管理办法之{number}") + f"\n## 用印登记{number}\n\n用印须填写用印审批单。\n")
    aside, said = _build(root, tmp_path / "aside", "aside")
    here, said_inline = _build(root, tmp_path / "inline", "inline")
    assert aside == here
    assert "用印\u200b审批\u200b单" in aside
    assert "jieba loaded here: False" in said  # the cutting, and jieba's half-second load, were elsewhere
    assert "jieba loaded here: True" in said_inline
