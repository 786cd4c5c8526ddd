"""The built site served by Debian's nginx with deploy/nginx/shuniu.conf, as office IT would serve it:
types, compression, caching, security headers, every page kind in Chromium, and a bounded load."""

from __future__ import annotations

import gzip
import hashlib
import http.client
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from nginx_server import running_nginx
from test_site_browser import search

from bench.load import run_load, site_paths
from shuniu.release.deploy_files import header_policy

HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)$")


@pytest.fixture(scope="module")
def nginx_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_nginx(tmp_path_factory.mktemp("nginx"), built_site) as url:
        yield url


def fetch(base: str, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """One GET: status, headers (lower-case names) and the body exactly as sent."""
    address = urlparse(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def first(site: Path, pattern: str) -> str:
    found = sorted(site.rglob(pattern))
    assert found, f"the built site has no {pattern}"
    return "/" + found[0].relative_to(site).as_posix()


@pytest.mark.parametrize(("pattern", "expected"), [
    ("index.html", "text/html; charset=utf-8"),
    ("*.ics", "text/calendar; charset=utf-8"),
    ("*.apkg", "application/octet-stream"),
    ("*.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("*.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("*.json", "application/json; charset=utf-8"),
    ("*.svg", "image/svg+xml; charset=utf-8"),
    ("*.csv", "text/csv; charset=utf-8"),
    ("quiz.js", "text/javascript; charset=utf-8"),
    ("shuniu.css", "text/css; charset=utf-8"),
])
def test_every_kind_of_file_has_its_type(nginx_url: str, built_site: Path, pattern: str, expected: str) -> None:
    status, headers, body = fetch(nginx_url, first(built_site, pattern))
    assert status == 200
    assert headers["content-type"] == expected
    assert headers["x-content-type-options"] == "nosniff"


def test_text_is_compressed_for_browsers_that_ask(nginx_url: str, built_site: Path) -> None:
    for path in ("/index.html", first(built_site, "quiz.js"), "/search/search_index.json"):
        status, headers, body = fetch(nginx_url, path, {"Accept-Encoding": "gzip"})
        assert (status, headers.get("content-encoding")) == (200, "gzip"), path
        assert "Accept-Encoding" in headers.get("vary", "")
        assert gzip.decompress(body) == (built_site / path.lstrip("/")).read_bytes()
        plain = fetch(nginx_url, path)[1]
        assert "content-encoding" not in plain  # and never to a client that did not ask


def test_pages_and_data_revalidate_while_versioned_assets_are_kept(nginx_url: str, built_site: Path) -> None:
    for path in ("/index.html", "/search/search_index.json", first(built_site, "*.apkg")):
        status, headers, _ = fetch(nginx_url, path)
        assert headers["cache-control"] == "no-cache", path
        again = fetch(nginx_url, path, {"If-None-Match": headers["etag"]})[0]
        assert again == 304, path  # unchanged: revalidation costs a 304, not the file
    home = (built_site / "index.html").read_text(encoding="utf-8")
    versioned = re.findall(r'(?:src|href)="(assets/shuniu/quiz\.js)\?v=([0-9a-f]+)"', home)
    assert versioned, "the home page links the quiz player without a version"
    path, version = versioned[0]
    assert hashlib.sha256((built_site / path).read_bytes()).hexdigest().startswith(version)  # changes with the file
    assert fetch(nginx_url, f"/{path}?v={version}")[1]["cache-control"] == "public, max-age=31536000, immutable"
    assert fetch(nginx_url, f"/{path}")[1]["cache-control"] == "no-cache"
    material = next(p for p in built_site.rglob("*.min.js") if HASHED.search(p.name))
    headers = fetch(nginx_url, "/" + material.relative_to(built_site).as_posix())[1]
    assert headers["cache-control"] == "public, max-age=31536000, immutable"


def test_security_headers_on_every_response(nginx_url: str, built_site: Path) -> None:
    policy = header_policy()
    assert "frame-ancestors 'none'" in policy
    for path in ("/index.html", "/en/index.html", first(built_site, "quiz.js"), "/search/search_index.json",
                 first(built_site, "*.docx"), "/no-such-page.html"):
        status, headers, body = fetch(nginx_url, path)
        assert headers["content-security-policy"] == policy, path
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"
        assert headers["x-frame-options"] == "DENY"
        assert "server" not in headers or "/" not in headers["server"]  # no version numbers handed out
    status, _, body = fetch(nginx_url, "/no-such-page.html")
    assert status == 404 and body == (built_site / "404.html").read_bytes()


def test_policy_header_restricts_nothing_the_pages_allow(built_site: Path) -> None:
    """Browsers enforce the header and each page's meta policy together: the header must not name
    what the pages decide (scripts, styles, images...), only what a meta tag cannot (frame-ancestors)."""
    named = {part.split()[0] for part in header_policy().split(";") if part.strip()}
    assert "frame-ancestors" in named
    assert not named & {"default-src", "script-src", "style-src", "img-src", "connect-src", "worker-src", "font-src"}
    pages = sorted(built_site.rglob("*.html"))
    without = [p for p in pages if 'http-equiv="Content-Security-Policy"' not in p.read_text(encoding="utf-8")]
    assert pages and without == []  # every page carries its own policy


PAGE_KINDS = [
    "/index.html", "/policies/yinzhang-guanli.html", "/policies/gongwen-geshi-2019.html",
    "/procedures/yongyin-shenpi.html", "/procedures/checklists/yongyin-shenpi.html", "/study/baomi-jichu.html",
    "/study/plans/xinren-rumen-2026.html", "/glossary.html", "/quizzes/baomi.html", "/quizzes/practice.html?bank=baomi",
    "/quizzes/exam.html?bank=baomi", "/quizzes/wrongbook.html", "/quizzes/progress.html", "/review.html",
    "/en/index.html", "/en/procedures/yongyin-shenpi.html",
]


@pytest.mark.browser
def test_every_page_kind_works_through_nginx(nginx_url: str, built_site: Path, page) -> None:
    failures: list[str] = []
    page.on("console", lambda message: message.type == "error" and failures.append(message.text))
    page.on("pageerror", lambda error: failures.append(str(error)))
    page.on("response", lambda response: response.status >= 400 and failures.append(f"{response.status} {response.url}"))
    # A fetch the next navigation cuts short (ERR_ABORTED) is not a failure of the server.
    page.on("requestfailed", lambda request: "ERR_ABORTED" not in (request.failure or "")
            and failures.append(f"failed {request.url}: {request.failure}"))
    for path in PAGE_KINDS:
        assert (built_site / urlparse(path).path.lstrip("/")).is_file(), path
        page.goto(nginx_url + path)
        page.wait_for_load_state("load")
        assert page.locator("h1").first.inner_text().strip(), path
    page.goto(nginx_url + "/quizzes/practice.html?bank=baomi")
    page.wait_for_selector(".shuniu-quiz:not([aria-busy]) fieldset.shuniu-q")
    page.goto(nginx_url + "/index.html")
    found = search(page, nginx_url, "用印")
    assert any("yongyin" in href for href in found)
    assert failures == [], failures[:20]


def test_under_load_nothing_fails(nginx_url: str, built_site: Path) -> None:
    """A few thousand requests over every page and data file from 32 connections at once."""
    paths = site_paths(built_site)
    stats = run_load(nginx_url, paths, requests=3000, connections=32, time_limit=60)
    assert stats.errors == [] and stats.completed == 3000, stats.errors[:5]
    assert stats.bytes > 0
