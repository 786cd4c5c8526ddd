"""The machine a benchmark ran on, and the short Markdown table of its figures."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

from bench.browser import CHROMIUM

PACKAGES = ["mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions", "jieba", "playwright"]
BUDGET_HOOKS = 0.15
BUDGET_FRONT_END = 30 * 1024


def _first_line(path: str, prefix: str) -> str:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    return next((line.split(":", 1)[1].strip() for line in lines if line.startswith(prefix)), "")


def machine() -> dict[str, Any]:
    chromium = ""
    if CHROMIUM.exists():
        chromium = subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True, check=False).stdout.strip()
    return {
        "cpu": _first_line("/proc/cpuinfo", "model name"), "cores": os.cpu_count(),
        "memory": _first_line("/proc/meminfo", "MemTotal"), "os": platform.platform(),
        "python": platform.python_version(), "chromium": chromium,
        "packages": {name: metadata.version(name) for name in PACKAGES},
    }


def _kb(size: float) -> str:
    return f"{size / 1024:.1f} KB"


def _build_rows(results: dict[str, Any]) -> list[str]:
    rows = []
    for pages, size in results["sizes"].items():
        builds = size["builds"]
        rows.append(
            f"| {pages} pages, {size['questions']} questions | {builds['plain']['median_s']:.1f} s "
            f"| {builds['hooks_cold']['median_s']:.1f} s (+{size['hooks_overhead_cold']:.0%}) "
            f"| {builds['hooks_warm']['median_s']:.1f} s (+{size['hooks_overhead_warm']:.0%}) "
            f"| {builds['plain']['peak_rss_mb_max']:.0f} / {builds['hooks_cold']['peak_rss_mb_max']:.0f} MB |"
        )
    return rows


def _weight_rows(results: dict[str, Any]) -> list[str]:
    rows = []
    for pages, size in results["sizes"].items():
        index, front, largest = size["site"]["search_index"], size["site"]["front_end"], size["site"]["largest_page"]
        rows.append(
            f"| {pages} pages | {_kb(index['bytes'])} ({_kb(index['gzip_bytes'])} gz); "
            f"{_kb(index['bytes_per_page'])} ({_kb(index['gzip_bytes_per_page'])} gz) a page "
            f"| {_kb(front['quiz_checklist_gzip_bytes'])} (all Shuniu code {_kb(front['all_code_gzip_bytes'])}; "
            f"bank data {_kb(front['quiz_data_gzip_bytes'])} in {front['quiz_data_files']} files) "
            f"| {largest['path']}: {_kb(largest['bytes'])} ({_kb(largest['gzip_bytes'])} gz) |"
        )
    return rows


def markdown(results: dict[str, Any]) -> str:
    """bench-results/bench.md: the figures against the design's budgets."""
    m, scaling, browser = results["machine"], results.get("scaling", {}), results["browser"]
    quality, preview = results["search_quality"], results["preview"]
    lines = [
        "# Shuniu benchmark", "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']}; Python {m['python']}; {m['chromium']}; "
        + ", ".join(f"{k} {v}" for k, v in m["packages"].items()) + ".",
        f"Load average (1 min) at start and end: {results['load_average'][0]:.1f}, {results['load_average'][1]:.1f}. "
        f"Medians of {results['runs']} runs. Builds interleaved: hooks with an empty export cache (cold), "
        "hooks again (warm), plain (same mkdocs.yml without `hooks:`).", "",
        "| corpus | plain Material + jieba | with hooks, cold | with hooks, warm | peak memory plain / hooks |",
        "|---|---|---|---|---|", *_build_rows(results), "",
        f"Budget: hooks add at most {BUDGET_HOOKS:.0%}.",
    ]
    if scaling:
        ratios = scaling["time_ratio"]
        lines.append(f"Scaling {scaling['from_pages']} → {scaling['to_pages']} pages (×{scaling['size_ratio']:g}): "
                     f"time ×{ratios['hooks_cold']} with hooks (cold), ×{ratios['hooks_warm']} warm, ×{ratios['plain']} plain.")
    lines += [
        "", "| corpus | search index | quiz + checklist JS/CSS gzipped (budget 30 KB) | largest page |", "|---|---|---|---|",
        *_weight_rows(results), "",
        f"Search in Chromium at {browser['pages']} pages (http on 127.0.0.1): first query typed as the page opens, "
        f"results {browser['first_query_ms']:.0f} ms after typing ({browser['first_query_results_after_page_start_ms']:.0f} ms "
        f"after the page started loading); later queries {browser['later_query_ms']:.0f} ms (slowest "
        f"{browser['later_query_ms_max']:.0f} ms). Requests to other hosts: {len(browser['outside_requests'])} "
        f"(over {len(browser['pages_loaded'])} pages and a search).", "",
        *(f"Chinese search on the real site, {name}, {q['queries']} questions: recall@5 {q['recall_at_5']:.3f}, "
          f"{q['no_results']} without results (Material's own search: "
          f"{q['material_only_recall_at_5']:.3f}, {q['material_only_no_results']} without results)."
          for name, q in quality.items()), "",
        "| preview (save → page served) | `make serve` | `make serve-fast` (zh only, changed pages) |", "|---|---|---|",
    ]
    for name in ("real", "synthetic"):
        if f"{name}_serve" in preview:
            label = "real content" if name == "real" else f"{max(results['sizes'])} synthetic pages"
            serve, fast = preview[f"{name}_serve"], preview[f"{name}_serve_fast"]
            lines.append(f"| {label} | {serve['median_s']:.1f} s (first build {serve['first_serve_s']:.0f} s) "
                         f"| {fast['median_s']:.1f} s (first build {fast['first_serve_s']:.0f} s) |")
    return "\n".join(lines) + "\n"
