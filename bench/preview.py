"""Preview speed: how long `mkdocs serve` takes from saving a page to serving the edited page.

The server runs on a copy of the project (the real docs/ is never edited). Each run appends a
new marker paragraph to one page, then polls that page over http until the marker is there.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from bench.build import build_env

POLL_SECONDS = 0.05
START_TIMEOUT = 900.0  # the first build of a 1,000-page site happens before anything is served


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
            raise RuntimeError(f"mkdocs serve stopped (exit {server.returncode}) before {url} showed '{text}'")
        body = _fetch(url)
        if body is not None and text in body:
            return time.perf_counter() - start
        time.sleep(POLL_SECONDS)
    raise TimeoutError(f"{url} did not show '{text}' within {timeout:.0f} s")


@contextlib.contextmanager
def serving(root: Path, env: dict[str, str] | None = None,
            options: tuple[str, ...] = ()) -> Iterator[tuple[str, float, subprocess.Popen[bytes]]]:
    """`mkdocs serve` on ``root``; yields its base URL, the seconds until it first served, the server."""
    port = _free_port()
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *options],
        cwd=root, env=build_env(env), stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        started = _wait_for(f"{base}/index.html", "<html", START_TIMEOUT, process)
        yield base, started, process
    except RuntimeError as error:
        log.seek(0)
        raise RuntimeError(f"{error}\n{log.read().decode('utf-8', 'replace')[-3000:]}") from None
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)  # the server's own process group, started above
            process.wait(timeout=30)
        log.close()


def edit_to_served(root: Path, page_src: str, runs: int, env: dict[str, str] | None = None,
                   options: tuple[str, ...] = ()) -> dict[str, object]:
    """Seconds from saving ``page_src`` (docs-relative) to the edited page being served, per run."""
    source = root / "docs" / page_src
    original = source.read_text(encoding="utf-8")
    url_path = page_src.removesuffix(".md") + ".html"
    times = []
    with serving(root, env, options) as (base, started, server):
        for run in range(runs):
            marker = f"预览计时标记{run}x{time.time_ns()}"
            source.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
            times.append(_wait_for(f"{base}/{url_path}", marker, 300.0, server))
            time.sleep(1.0)  # let the server settle before the next save
    source.write_text(original, encoding="utf-8")
    return {"page": page_src, "first_serve_s": started, "edit_to_served_s": times}
