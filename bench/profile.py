"""Where a hooks build spends its time: one `mkdocs build` under cProfile, summed by part.

    python -m bench.profile ROOT [--site DIR] [--json OUT] [--cold]

The build runs in a child process (the same interpreter, the same environment as the timed
builds). Each part is the cumulative time of the functions that do it (a function counts
once per part, however deep it recurses); the pages MkDocs renders are also timed one by one
and split into written and generated pages, Chinese and English, so the cost of the pages
the hooks add shows next to the cost of the hooks' own events.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.build import build_env, clear_export_cache

# Part -> (file suffix, function name) pairs whose cumulative time is the part's time.
PARTS: dict[str, list[tuple[str, str]]] = {
    "check and load content (on_config)": [("hooks/shuniu_hooks.py", "on_config")],
    "  of which YAML parsing": [("yaml/__init__.py", "load"), ("yaml/__init__.py", "safe_load"),
                                ("yaml/__init__.py", "compose")],
    "  of which git history": [("shuniu/control/history.py", "commits")],
    "generated pages and files (on_files)": [("hooks/shuniu_hooks.py", "_add_generated")],
    "  of which bank exports": [("shuniu/export/downloads.py", "bank_downloads")],
    "menus (on_nav)": [("hooks/shuniu_hooks.py", "on_nav")],
    "page composition (on_page_markdown)": [("hooks/shuniu_hooks.py", "on_page_markdown")],
    "search chrome (on_page_context)": [("hooks/shuniu_hooks.py", "_hide_chrome_from_search"),
                                        ("hooks/shuniu_hooks.py", "_restore_chrome")],
    "CSP and asset versions (on_post_page)": [("hooks/shuniu_hooks.py", "on_post_page"),
                                              ("hooks/shuniu_hooks.py", "on_post_template")],
    "search index and words (on_post_build)": [("hooks/shuniu_hooks.py", "on_post_build")],
    "Markdown to HTML (MkDocs, all pages)": [("mkdocs/structure/pages.py", "render")],
    "templates (Material, all pages)": [("mkdocs/commands/build.py", "_build_page")],
    "search plugin (Material)": [("material/plugins/search/plugin.py", "on_page_context"),
                                 ("material/plugins/search/plugin.py", "on_post_build")],
}


def _cumulative(stats: pstats.Stats, targets: list[tuple[str, str]]) -> float:
    """Seconds spent in (and under) the named functions; nested calls of one another count once."""
    total = 0.0
    for (filename, _, name), (_, _, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        if any(filename.endswith(suffix) and name == target for suffix, target in targets):
            total += cumulative
    return total


def _timed_pages() -> dict[str, list[float]]:
    """Wrap MkDocs' per-page steps so each page's seconds are recorded by kind of page."""
    from mkdocs.commands import build

    times: dict[str, list[float]] = defaultdict(list)
    # The hooks' module (None in a plain build), looked up at the first page, once: MkDocs loads
    # it with the configuration. A walk of sys.modules per page cost a hooks build 0.2 s.
    hooks: list[Any] = []

    def kind(page: Any) -> str:
        if not hooks:
            hooks.append(next((m for name, m in list(sys.modules.items()) if name.endswith("shuniu_hooks.py")), None))
        generated = getattr(getattr(hooks[0], "_State", None), "generated", {})
        made = "generated" if page.file.src_uri in generated else "written"
        lang = "en" if page.file.dest_uri.startswith("en/") else "zh"
        return f"{made} {lang}"

    def timed(step: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(page: Any, *args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return step(page, *args, **kwargs)
            finally:
                times[kind(page)].append(time.perf_counter() - start)
        return wrapper

    build._populate_page = timed(build._populate_page)  # type: ignore[attr-defined]
    build._build_page = timed(build._build_page)  # type: ignore[attr-defined]
    return times


class Timers:
    """Seconds spent in wrapped functions, summed by label (cheap: a clock read per call)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)

    def wrap(self, label: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - start
                self.calls[label] += 1
        timed.__wrapped__ = function  # type: ignore[attr-defined]
        return timed

    def wrap_tuple(self, functions: tuple[Any, ...], prefix: str, names: set[str]) -> tuple[Any, ...]:
        """``functions`` with those named in ``names`` wrapped in timers."""
        return tuple(self.wrap(f"{prefix}{f.__name__}", f) if getattr(f, "__name__", "") in names else f
                     for f in functions)


# Loaders and generators of the shuniu package timed on their own (the slow ones in the profile).
DOMAIN = {"begin_scan_for_markings", "load_banks", "web_sources", "bank_downloads", "quiz_data", "web_assets"}


def _instrument_domain(timers: Timers) -> None:
    """Time the check's loaders and the generators, and YAML parsing wherever it happens."""
    import yaml

    from shuniu import check, features

    # check.py imported the loaders' tuple by name; features.generate reads its module's tuples.
    check.LOADERS = features.LOADERS = timers.wrap_tuple(features.LOADERS, "check: ", DOMAIN)  # type: ignore[attr-defined]
    wrapped = timers.wrap_tuple(features.GENERATORS, "generated: ", DOMAIN)
    late = set(features.LATE_GENERATORS)
    features.GENERATORS = wrapped  # type: ignore[misc]
    features.LATE_GENERATORS = tuple(g for g in wrapped if getattr(g, "__wrapped__", g) in late)  # type: ignore[misc]
    for name in ("load", "safe_load", "compose", "safe_load_all"):
        setattr(yaml, name, timers.wrap("YAML parsing", getattr(yaml, name)))
    content = sys.modules["shuniu.content"]
    content.load_content = timers.wrap("check: pages (load_content)", content.load_content)  # type: ignore[attr-defined]
    check.load_content = content.load_content  # type: ignore[attr-defined]


def _instrument_events(config: Any, timers: Timers) -> None:
    """Time the hooks' events one by one, and Material's search plugin's."""
    for event, methods in config.plugins.events.items():
        for i, method in enumerate(methods):
            module = getattr(method, "__module__", "") or ""
            if module.endswith("shuniu_hooks.py"):
                methods[i] = timers.wrap(f"hooks: on_{event} ({method.__name__})", method)
            elif module.startswith("material.plugins.search"):
                methods[i] = timers.wrap("Material search plugin", method)


def _child(root: Path, site: Path, config_name: str, out: Path, deep: bool) -> None:
    """In the child: build ``root``, timing its parts (and under cProfile if ``deep``); write ``out``."""
    import os

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.chdir(root)
    pages = _timed_pages()
    timers = Timers()
    start = time.perf_counter()
    config = load_config(str(root / config_name), site_dir=str(site))
    if config.hooks:
        _instrument_domain(timers)
    _instrument_events(config, timers)
    profiler = cProfile.Profile() if deep else None
    if profiler is not None:
        profiler.enable()
    config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    if profiler is not None:
        profiler.disable()
    total = time.perf_counter() - start
    result: dict[str, Any] = {
        "total_s": round(total, 3),
        "parts_s": {name: round(value, 3) for name, value in sorted(timers.seconds.items())},
        "pages": {name: {"pages": len(values) // 2, "seconds": round(sum(values), 3)}
                  for name, values in sorted(pages.items())},
    }
    if profiler is not None:
        stats = pstats.Stats(profiler)
        result["cprofile_s"] = {name: round(_cumulative(stats, targets), 3) for name, targets in PARTS.items()}
        stats.dump_stats(str(out.with_suffix(".prof")))
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")


def child_command(root: Path, site: Path, config: str, out: Path, deep: bool = False) -> list[str]:
    """The command of one timed build (bench.build runs it): `mkdocs build`, its parts timed."""
    return [sys.executable, "-m", "bench.profile", "--child", str(root), str(site), config, str(out),
            *(["--deep"] if deep else [])]


def profile(root: Path, site: Path, cold: bool = True) -> dict[str, Any]:
    """Profile one hooks build of ``root`` under cProfile (cold: with an empty cache) in a child process."""
    from bench.build import PROJECT, BuildFailed

    if cold:
        clear_export_cache(root)
    with tempfile.TemporaryDirectory(prefix="shuniu-profile-") as folder:
        out = Path(folder) / "profile.json"
        done = subprocess.run(child_command(root, site, "mkdocs.yml", out, deep=True), cwd=root,
                              env=build_env({"PYTHONPATH": str(PROJECT)}), check=False,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            raise BuildFailed(f"profiled build of {root} failed:\n{done.stderr[-4000:]}")
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        if out.with_suffix(".prof").exists():
            out.with_suffix(".prof").replace(site.with_suffix(".prof"))
    return result | {"cold": cold}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--deep", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("root", nargs="?", type=Path)
    parser.add_argument("--site", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--warm", action="store_true", help="keep the export cache")
    args = parser.parse_args(argv)
    if args.child:
        root, site, config, out = args.child
        _child(Path(root), Path(site), config, Path(out), args.deep)
        return 0
    site = args.site or Path(tempfile.mkdtemp(prefix="shuniu-profile-site-")) / "site"
    result = profile(args.root.resolve(), site.resolve(), cold=not args.warm)
    text = json.dumps(result, ensure_ascii=False, indent=2)
    if args.json:
        args.json.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
