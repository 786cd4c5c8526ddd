"""Debian's Chromium driven by Playwright, a loopback web server, and the site's search box timed
from inside the page (performance.now), so Playwright's own round trips are not counted."""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

CHROMIUM = Path("/usr/bin/chromium")
# Flags that keep Chromium from calling home, so every request seen is one the site made.
CHROMIUM_FLAGS = (
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
)

# Types the query the way Material listens for it (a keyup on the input), then resolves when the
# result list changes: items added, or the "no results" line shown. Times are from the keyup.
_TYPE_AND_WAIT = """
async ([query, timeout]) => {
  const input = document.querySelector('input.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  const meta = document.querySelector('.md-search-result__meta');
  input.focus();
  input.value = query;
  const start = performance.now();
  const done = new Promise(resolve => {
    const finish = empty => { observer.disconnect(); clearTimeout(timer); resolve(empty); };
    const observer = new MutationObserver(() => {
      if (list.querySelector('.md-search-result__item')) finish(false);
      // Any write to the line after the keyup is this query's answer (the same "no results" text
      // written again after an empty query still counts).
      else if (/没有|No matching/.test(meta.textContent)) finish(true);
    });
    observer.observe(list, {childList: true});
    observer.observe(meta, {childList: true, characterData: true, subtree: true});
    const timer = setTimeout(() => finish(null), timeout);
  });
  input.dispatchEvent(new KeyboardEvent('keyup', {key: 'End', bubbles: true}));
  const empty = await done;
  const end = performance.now();
  const hrefs = [...list.querySelectorAll('.md-search-result__item > a')].map(a => a.href);
  return {empty, hrefs, ms: end - start, since_load: end};
}
"""

_INDEX_READY = (
    "() => { const m = document.querySelector('.md-search-result__meta');"
    " return m && m.textContent.trim() && !/初始化|Initializing/.test(m.textContent); }"
)


@dataclass(frozen=True)
class SearchResult:
    """What one typed query showed: result addresses (site-relative, no anchor) and timings."""

    query: str
    pages: tuple[str, ...]
    ms: float  # from the keyup to the results (or "no results") on screen
    since_load: float  # from the start of the page load to the results
    timed_out: bool = False

    @property
    def empty(self) -> bool:
        return not self.pages


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium (Debian's; Playwright never downloads a browser here)."""
    if not CHROMIUM.exists():
        raise SystemExit("the benchmarks need Debian's Chromium at /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_FLAGS))
        try:
            yield browser
        finally:
            browser.close()


class _Silent(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        """No access log on the benchmark's output."""


@contextlib.contextmanager
def http_site(folder: Path) -> Iterator[str]:
    """``folder`` served on a free loopback port; yields its base URL (no trailing slash)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Silent, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def site_path(href: str, base: str) -> str:
    """``http://host/policies/x.html#a`` -> ``policies/x.html``."""
    return re.sub(r"[?#].*$", "", href).removeprefix(base.rstrip("/") + "/")


def type_query(page: Any, base: str, query: str, timeout_ms: int = 60000) -> SearchResult:
    """Type ``query`` into the open page's search box; what it shows, and how fast."""
    raw = page.evaluate(_TYPE_AND_WAIT, [query, timeout_ms])
    pages = tuple(dict.fromkeys(site_path(href, base) for href in raw["hrefs"]))
    return SearchResult(query, pages, raw["ms"], raw["since_load"], raw["empty"] is None)


def open_page(page: Any, url: str, wait_for_index: bool = True) -> None:
    """Load ``url``; with ``wait_for_index``, wait until the search index is loaded."""
    page.goto(url, wait_until="domcontentloaded")
    if wait_for_index:
        page.wait_for_function(_INDEX_READY, timeout=120000)


def outside_requests(page: Any, base: str, paths: list[str], query: str) -> list[str]:
    """Requests to any host other than the site's, while loading ``paths`` and searching."""
    own = urlparse(base).netloc
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    for path in paths:
        page.goto(f"{base}/{path}", wait_until="networkidle")
    open_page(page, f"{base}/{paths[0]}")
    type_query(page, base, query)
    page.wait_for_load_state("networkidle")
    return [url for url in seen if urlparse(url).scheme in ("http", "https", "ws", "wss") and urlparse(url).netloc != own]
