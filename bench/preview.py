"""Preview speed: seconds from saving a file to Chromium showing the change, with `make serve`'s preview.

The server runs on a copy of the project (the real docs/ is never edited). Chromium has the page
open, as an author would; each run saves a new marker into the file (a page's paragraph, a bank
description), and the clock stops when the reloaded page in Chromium shows the marker.

``preview_seconds(pages)`` gives the figures the results file records (``preview_500_s``,
``preview_1000_s``: the slowest of the page, bank and plan medians on a synthetic project, and
each kind's median beside it).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.browser import chromium
from bench.build import build_env

POLL_SECONDS = 0.05
START_TIMEOUT = 1800.0  # the first build of a 1,000-page site happens before anything is served (slow on a busy machine)
SHOW_TIMEOUT = 300.0
PREVIEW = ("-m", "shuniu_preview")  # what `make serve` runs
MKDOCS_SERVE = ("-m", "mkdocs", "serve")  # MkDocs' own server, for comparison


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - a loopback http URL we built
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(url: str, text: str, timeout: float, server: subprocess.Popen[bytes]) -> float:
    """Seconds until ``url`` serves a page containing ``text``."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if server.poll() is not None:
            raise RuntimeError(f"the preview stopped (exit {server.returncode}) before {url} showed '{text}'")
        body = _fetch(url)
        if body is not None and text in body:
            return time.perf_counter() - start
        time.sleep(POLL_SECONDS)
    raise TimeoutError(f"{url} did not show '{text}' within {timeout:.0f} s")


@contextlib.contextmanager
def serving(root: Path, env: dict[str, str] | None = None,
            options: tuple[str, ...] = ()) -> Iterator[tuple[str, float, subprocess.Popen[bytes]]]:
    """The preview on ``root`` (MkDocs' own `mkdocs serve` when ``options`` are given, e.g. --dirty);
    yields its base URL, the seconds until it first served, the server."""
    port = _free_port()
    log = tempfile.TemporaryFile()
    command = [*(MKDOCS_SERVE if options else PREVIEW), "--dev-addr", f"127.0.0.1:{port}", *options]
    process = subprocess.Popen(
        [sys.executable, *command], cwd=root, env=build_env(env), stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        started = _wait_for(f"{base}/index.html", "<html", START_TIMEOUT, process)
        yield base, started, process
    except (RuntimeError, TimeoutError) as error:
        log.seek(0)
        raise RuntimeError(f"{error}\n{log.read().decode('utf-8', 'replace')[-3000:]}") from None
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)  # the server's own process group, started above
            process.wait(timeout=30)
        log.close()


@dataclass(frozen=True)
class Edit:
    """A file to save (project-relative), the page showing it, and how a marker goes into the file."""

    file: str
    url_path: str
    kind: str  # "page": a paragraph appended; "bank": the bank's description; "plan": a session's notes

    def apply(self, original: str, marker: str) -> str:
        if self.kind == "page":
            return original + f"\n\n{marker}\n"
        field = "description: " if self.kind == "bank" else "notes: "
        return original.replace(field, f"{field}{marker}", 1)


def page_edit(page_src: str) -> Edit:
    """Saving the docs-relative page ``page_src`` shows on its own page."""
    return Edit(f"docs/{page_src}", page_src.removesuffix(".md") + ".html", "page")


def bank_edit(bank_file: str) -> Edit:
    """Saving quizzes/``bank_file`` shows on its bank page."""
    return Edit(f"quizzes/{bank_file}", f"quizzes/{Path(bank_file).stem}.html", "bank")


def plan_edit(plan_file: str) -> Edit:
    """Saving docs/study/plans/``plan_file`` shows on the plan's page."""
    return Edit(f"docs/study/plans/{plan_file}", f"study/plans/{Path(plan_file).stem}.html", "plan")


def _shown_in_chromium(tab: Any, source: Path, text: str, marker: str) -> float:
    """Save ``text`` (holding ``marker``) into ``source`` with the page open; seconds until Chromium shows it."""
    start = time.perf_counter()
    source.write_text(text, encoding="utf-8")
    # A locator waits through the reload the preview's script makes after the save.
    tab.get_by_text(marker, exact=False).first.wait_for(timeout=SHOW_TIMEOUT * 1000)
    return time.perf_counter() - start


def edits_to_shown(root: Path, edits: list[Edit], runs: int, env: dict[str, str] | None = None,
                   options: tuple[str, ...] = ()) -> dict[str, Any]:
    """Seconds from saving each of ``edits`` to Chromium showing it, ``runs`` times each."""
    figures: dict[str, Any] = {}
    with serving(root, env, options) as (base, started, _server), chromium() as browser:
        tab = browser.new_page()
        figures["first_serve_s"] = started
        for edit in edits:
            tab.goto(f"{base}/{edit.url_path}", wait_until="domcontentloaded")
            source = root / edit.file
            original, times = source.read_text(encoding="utf-8"), []
            try:
                for run in range(runs):
                    marker = f"预览计时标记{run}x{time.time_ns()}"
                    times.append(_shown_in_chromium(tab, source, edit.apply(original, marker), marker))
                    print(f"    {edit.file}: shown {times[-1]:.2f} s after the save", flush=True)
                    time.sleep(1.0)  # shown means rebuilt: the server is idle again
            finally:
                source.write_text(original, encoding="utf-8")
            time.sleep(5.0)  # the restoring save is processed before the next file's runs
            figures[edit.kind] = {"file": edit.file, "saved_to_shown_s": times, "median_s": statistics.median(times)}
    return figures


def edit_to_served(root: Path, page_src: str, runs: int, env: dict[str, str] | None = None,
                   options: tuple[str, ...] = ()) -> dict[str, object]:
    """Seconds from saving ``page_src`` (docs-relative) to Chromium showing the edit, per run."""
    figures = edits_to_shown(root, [page_edit(page_src)], runs, env, options)
    return {"page": page_src, "first_serve_s": figures["first_serve_s"],
            "edit_to_served_s": figures["page"]["saved_to_shown_s"]}


def preview_seconds(pages: int, runs: int = 3) -> dict[str, float]:
    """Median seconds from a save to Chromium showing it, on a synthetic project of ``pages`` pages
    (five questions a page), for a policy page's, a bank's and a study plan's save; ``max_s`` the slowest."""
    from bench.corpus import generate
    from bench.run import QUESTIONS_PER_PAGE

    with tempfile.TemporaryDirectory(prefix="shuniu-preview-bench-") as folder:
        corpus = generate(Path(folder) / "project", pages, pages * QUESTIONS_PER_PAGE)
        docs = corpus.root / "docs"
        policy = min(p for p in (docs / "policies").glob("*/*-zd-*.md")
                     if not p.name.endswith(".en.md")).relative_to(docs).as_posix()  # a Chinese page
        bank = min((corpus.root / "quizzes").glob("*.yml")).name
        plan = min((docs / "study" / "plans").glob("*.yml")).name
        figures = edits_to_shown(corpus.root, [page_edit(policy), bank_edit(bank), plan_edit(plan)], runs)
    kinds = {f"{kind}_s": round(figures[kind]["median_s"], 2) for kind in ("page", "bank", "plan")}
    print(f"  preview at {pages} pages: " + ", ".join(f"{kind} {figures[kind]['saved_to_shown_s']}"
                                                      for kind in ("page", "bank", "plan")), flush=True)
    return kinds | {"max_s": max(kinds.values()), "first_serve_s": round(figures["first_serve_s"], 1)}


if __name__ == "__main__":
    for size in [int(arg) for arg in sys.argv[1:]] or [500]:
        print(f"preview_{size}: {preview_seconds(size)}")
