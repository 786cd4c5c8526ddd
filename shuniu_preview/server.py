"""The preview server: MkDocs' live-reload server, checking each save and re-rendering what it touches.

Each page served gets one external script (``/__shuniu_preview/preview.js``): it reloads the page
after a save, as MkDocs' own inline script would (which the pages' Content-Security-Policy refuses),
and lists the content problems on top of the page while there are any. The built site never has it.
"""

from __future__ import annotations

import json
import logging
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Iterable
from html import escape
from pathlib import Path
from typing import Any

from mkdocs.livereload import LiveReloadServer, _timestamp

from shuniu.web.assets import WEB as WEB_SOURCES
from shuniu_preview.checking import IncrementalCheck
from shuniu_preview.site import MenusChanged, Snapshot, full_build, rerender

log = logging.getLogger("mkdocs.shuniu.preview")
PREFIX = "/__shuniu_preview/"
SCRIPT = Path(__file__).with_name("preview.js")
POLL_SECONDS = 0.25  # how often the folders are looked at for saves (MkDocs: 0.5)
CONTENT_SUFFIXES = (".md", ".yml")  # pages; banks, plans, the glossary and the term lists


class PreviewServer(LiveReloadServer):
    """Serves the previewed site; the preview's own two addresses are under :data:`PREFIX`."""

    preview: Preview

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        tag = f'<script src="{PREFIX}preview.js" data-epoch="{epoch}" defer></script>'.encode()
        end = content.rfind(b"</body>")
        end = len(content) if end < 0 else end
        return content[:end] + tag + content[end:]

    def _serve_request(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes] | None:
        path = environ["PATH_INFO"]
        if path == PREFIX + "preview.js":
            return _respond(start_response, "application/javascript", SCRIPT.read_bytes())
        if path == PREFIX + "problems.json":
            body = json.dumps({"problems": self.preview.problems, "building": self.preview.building}, ensure_ascii=False)
            return _respond(start_response, "application/json", body.encode())
        return super()._serve_request(environ, start_response)

    def publish(self) -> None:
        """Let browsers reload now, while the builder goes on (a full build in the background)."""
        with self._epoch_cond:
            self._wanted_epoch = _timestamp()
            self._visible_epoch = self._wanted_epoch
            self._epoch_cond.notify_all()


def _respond(start_response: Any, kind: str, body: bytes) -> list[bytes]:
    start_response("200 OK", [("Content-Type", f"{kind}; charset=utf-8"), ("Content-Length", str(len(body))),
                              ("Cache-Control", "no-store")])
    return [body]


class Preview:
    """Keeps the previewed site up to date with the content root, one save at a time."""

    def __init__(self, config_file: Path, serve_url: str) -> None:
        self.config_file, self.serve_url = config_file, serve_url
        self.root = config_file.parent
        self.checker = IncrementalCheck(self.root)
        self.site_dir = Path(tempfile.mkdtemp(prefix="shuniu-preview-"))
        self.snapshot: Snapshot | None = None
        self.problems: list[str] = []
        self.building = False
        self.server: PreviewServer | None = None
        self._stamps = self._read_stamps()
        self._lock = threading.Lock()

    def watched(self) -> list[Path]:
        """What a save in should show: content, the site's configuration and theme, the player's sources."""
        return [self.root / "docs", self.root / "quizzes", self.config_file, self.root / "overrides", WEB_SOURCES]

    def _read_stamps(self) -> dict[Path, tuple[int, int]]:
        stamps = {}
        for place in self.watched():
            for file in ([place] if place.is_file() else sorted(place.rglob("*")) if place.is_dir() else []):
                if file.is_file() and "__pycache__" not in file.parts:
                    status = file.stat()
                    stamps[file] = (status.st_mtime_ns, status.st_size)
        return stamps

    def refresh(self) -> None:
        """The live-reload server's builder: check, then re-render what changed (or build it all)."""
        with self._lock:
            start, cpu = time.perf_counter(), time.process_time()
            stamps = self._read_stamps()
            changed = {file for file in stamps.keys() | self._stamps.keys() if stamps.get(file) != self._stamps.get(file)}
            content, problems = self.checker.run()
            log.info(f"Checked in {time.perf_counter() - start:.2f} s")
            self.problems = [str(problem) for problem in problems.sorted()]
            for line in self.problems:
                log.warning(line)
            if problems:
                log.warning(f"{len(problems)} content problem(s): the preview shows them over the last good pages")
                return  # keep the last good pages, and the saves not shown yet
            try:
                self._show(changed, stamps, content)
                log.info(f"Shown {time.perf_counter() - start:.2f} s after the save was noticed "
                         f"({time.process_time() - cpu:.2f} s of processor time)")
            except Exception as error:  # a build error (a refused inline script…): shown like a problem
                log.exception("the preview could not be rebuilt")
                self.problems = [f"{self.config_file.name}: build failed: {error}"]
                return
            self._stamps = stamps

    def _show(self, changed: set[Path], stamps: dict[Path, tuple[int, int]], content: Any) -> None:
        if self.snapshot is not None and self._only_content(changed, stamps):
            try:
                written = rerender(self.snapshot, changed, content)
                log.info(f"Re-rendered {len(written)} file(s): {', '.join(written[:6])}")
                return
            except MenusChanged as why:
                log.info(f"Full build: {why}")
        self._full_build(content)

    def _only_content(self, changed: set[Path], stamps: dict[Path, tuple[int, int]]) -> bool:
        """Only pages, banks or plans were edited (none added or removed, nothing else touched).

        The YAML files at the top of docs/ (the glossary, the term list) and the search words
        change every page (tooltips, English titles) or the search index: those take a full build."""
        docs = self.root / "docs"
        sitewide = {docs, docs / "search"}
        return all(file in stamps and file in self._stamps and file.suffix in CONTENT_SUFFIXES
                   and (docs in file.parents or file.parent == self.root / "quizzes")
                   and not (file.suffix == ".yml" and file.parent in sitewide) for file in changed)

    def _full_build(self, content: Any) -> None:
        """Build everything into a new folder while the old one is still served; then switch."""
        first = self.snapshot is None
        if not first and self.server is not None:
            self.building = True
            self.server.publish()  # pages stay served (and show that a build is under way)
        target = self.site_dir if first else Path(tempfile.mkdtemp(prefix="shuniu-preview-"))
        try:
            self.snapshot = full_build(str(self.config_file), target, self.serve_url, content)
        except Exception:
            if target != self.site_dir:
                shutil.rmtree(target, ignore_errors=True)
            raise
        finally:
            self.building = False
        if target != self.site_dir:
            old, self.site_dir = self.site_dir, target
            if self.server is not None:
                self.server.root = str(target)
            shutil.rmtree(old, ignore_errors=True)
            if self.server is not None:
                self.server.publish()  # a newer site: the pages reload

    def error_page(self, code: int) -> bytes:
        """The 404 page; before the first good build, every address (the problems are listed over it)."""
        page = Path(self.site_dir) / f"{code}.html"
        if page.is_file():
            return page.read_bytes()
        epoch = self.server._visible_epoch if self.server is not None else 0
        return (f'<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>{escape(str(code))}</title></head>'
                f'<body><p>预览尚未生成 / No preview yet.</p>'
                f'<script src="{PREFIX}preview.js" data-epoch="{epoch}" defer></script></body></html>').encode()


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def serve(config_file: Path, host: str, port: int) -> None:
    """Check and build once, then serve on http://host:port/ and follow every save."""
    serve_url = f"http://{host}:{port}/"
    preview = Preview(config_file, serve_url)
    server = PreviewServer(builder=preview.refresh, host=host, port=port, root=str(preview.site_dir),
                           polling_interval=POLL_SECONDS)
    server.preview, preview.server = preview, server
    server.error_handler = preview.error_page
    signal.signal(signal.SIGTERM, _interrupt)  # stopped by a test or a service manager: clean up too
    try:
        preview.refresh()
        for place in preview.watched():
            if place.exists():
                server.watch(str(place))
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
        shutil.rmtree(preview.site_dir, ignore_errors=True)
