"""`make bench`: what users feel, measured on synthetic projects and on the real site.

    BENCH_SIZES=250,1000 BENCH_RUNS=3 python -m bench.run

For each size (pages; five questions per page) a synthetic project is built with the project's
configuration and with the same configuration without ``hooks:`` (plain Material + jieba +
i18n), interleaved: hooks with an empty export cache (cold), hooks again (warm), plain; then
the site's weight, search speed in Chromium at the largest size, requests to other hosts,
Chinese search quality on the real site, and preview speed. Medians of BENCH_RUNS runs are
written to bench-results/bench.json and bench-results/bench.md.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench import preview, search_quality, site_figures
from bench.browser import chromium, http_site, open_page, outside_requests, type_query
from bench.build import PLAIN_CONFIG, PROJECT, BuildRun, build_site, clear_export_cache, timed_build
from bench.corpus import generate
from bench.report import machine, markdown

QUESTIONS_PER_PAGE = 5
RESULTS = PROJECT / "bench-results"
LATER_QUERIES = ["公文处理", "保密期限", "会议纪要", "值班", "印章外借需要谁批准", "涉密文件能不能快递"]
# `make serve-fast`: one language, and only changed pages rebuilt (a dirty build warns, so not strict).
FAST_PREVIEW = ({"SHUNIU_ONLY_LOCALE": "zh"}, ("--dirty", "--no-strict"))


def median(values: list[float]) -> float:
    return round(statistics.median(values), 3)


def _series(runs: list[BuildRun]) -> dict[str, Any]:
    return {"seconds": [round(r.seconds, 3) for r in runs], "median_s": median([r.seconds for r in runs]),
            "peak_rss_mb_max": round(max(r.peak_rss_mb for r in runs), 1)}


def bench_size(scratch: Path, pages: int, runs: int) -> dict[str, Any]:
    """Interleaved builds of one synthetic project: hooks cold, hooks warm, plain; figures of the site."""
    corpus = generate(scratch / f"project-{pages}", pages, pages * QUESTIONS_PER_PAGE)
    series: dict[str, list[BuildRun]] = {"hooks_cold": [], "hooks_warm": [], "plain": []}
    for run in range(runs):
        print(f"  {pages} pages: run {run + 1} of {runs}", flush=True)
        clear_export_cache(corpus.root)
        series["hooks_cold"].append(timed_build(corpus.root, scratch / f"site-{pages}"))
        series["hooks_warm"].append(timed_build(corpus.root, scratch / f"site-{pages}"))
        series["plain"].append(timed_build(corpus.root, scratch / f"plain-{pages}", PLAIN_CONFIG))
    result = {name: _series(values) for name, values in series.items()}
    plain = result["plain"]["median_s"]
    return {
        "pages": pages, "translations": corpus.translations, "banks": corpus.banks, "questions": corpus.questions,
        "builds": result,
        "hooks_overhead_cold": round(result["hooks_cold"]["median_s"] / plain - 1, 3),
        "hooks_overhead_warm": round(result["hooks_warm"]["median_s"] / plain - 1, 3),
        "site": site_figures.figures(scratch / f"site-{pages}", pages),
    }


def scaling(sizes: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """Time at the largest size over time at the smallest, next to the size ratio."""
    small, large = min(sizes), max(sizes)
    if small == large:
        return {}
    ratios = {name: round(sizes[large]["builds"][name]["median_s"] / sizes[small]["builds"][name]["median_s"], 2)
              for name in ("hooks_cold", "hooks_warm", "plain")}
    return {"from_pages": small, "to_pages": large, "size_ratio": round(large / small, 2), "time_ratio": ratios}


def browser_figures(site: Path, runs: int) -> dict[str, Any]:
    """Search speed in Chromium (first query on a fresh page, later queries) and outside requests."""
    first, later = [], []
    with chromium() as browser, http_site(site) as base:
        for _ in range(runs):
            context = browser.new_context(locale="zh-CN")
            page = context.new_page()
            open_page(page, f"{base}/index.html", wait_for_index=False)
            first.append(type_query(page, base, "印章"))  # typed as soon as the page is there
            later += [type_query(page, base, query) for query in LATER_QUERIES]
            context.close()
        context = browser.new_context(locale="zh-CN")
        outside = outside_requests(context.new_page(), base, site_figures.sample_pages(site), "印章")
        context.close()
    return {
        "first_query_ms": median([r.ms for r in first]),
        "first_query_results_after_page_start_ms": median([r.since_load for r in first]),
        "later_query_ms": median([r.ms for r in later]),
        "later_query_ms_max": round(max(r.ms for r in later), 1),
        "timed_out": sum(r.timed_out for r in first + later),
        "outside_requests": outside, "pages_loaded": site_figures.sample_pages(site),
    }


def search_figures(scratch: Path) -> dict[str, Any]:
    """Recall on the real site for each question set, with Shuniu's search and with Material's own."""
    site = build_site(PROJECT, scratch / "real-site")
    sets = search_quality.query_sets()
    ours = search_quality.measure(site, sets)
    material = search_quality.measure(site, sets, material_only=True)
    figures = {}
    for name in sets:
        print(name, search_quality.report(ours[name], misses=False), flush=True)
        figures[name] = {"queries": ours[name].queries, "recall_at_5": round(ours[name].recall_at_5, 3),
                         "no_results": ours[name].no_results,
                         "material_only_recall_at_5": round(material[name].recall_at_5, 3),
                         "material_only_no_results": material[name].no_results}
    return figures


def preview_figures(scratch: Path, large_root: Path | None, runs: int) -> dict[str, Any]:
    """Save-to-served seconds on the real content and on the largest synthetic project, both modes."""
    real = scratch / "preview-real"
    for name in ("docs", "quizzes", "hooks", "overrides"):
        shutil.copytree(PROJECT / name, real / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT / "mkdocs.yml", real / "mkdocs.yml")
    targets = [("real", real, "policies/yinzhang-guanli.md")]
    if large_root is not None:
        first_policy = min((large_root / "docs" / "policies").glob("*/*-zd-*.md"))
        targets.append(("synthetic", large_root, first_policy.relative_to(large_root / "docs").as_posix()))
    result = {}
    for name, root, page in targets:
        for mode, (env, options) in (("serve", ({}, ())), ("serve_fast", FAST_PREVIEW)):
            print(f"  preview: {name} content, {mode}", flush=True)
            measured = preview.edit_to_served(root, page, runs, env, options)
            result[f"{name}_{mode}"] = measured | {"median_s": median(measured["edit_to_served_s"])}  # type: ignore[arg-type]
    return result


def main() -> int:
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    sizes = [int(size) for size in os.environ.get("BENCH_SIZES", "250,1000").split(",")]
    load = os.getloadavg()[0]  # other work on the machine slows every variant; the ratios are interleaved
    results: dict[str, Any] = {"machine": machine(), "runs": runs}
    with tempfile.TemporaryDirectory(prefix="shuniu-bench-") as folder:
        scratch = Path(folder)
        # First: a real site that does not build stops the benchmark before the long builds.
        results["search_quality"] = search_figures(scratch)
        results["sizes"] = {}
        for pages in sizes:
            print(f"building {pages} pages", flush=True)
            results["sizes"][pages] = bench_size(scratch, pages, runs)
        results["scaling"] = scaling(results["sizes"])
        print("search in Chromium", flush=True)
        results["browser"] = browser_figures(scratch / f"site-{max(sizes)}", runs) | {"pages": max(sizes)}
        results["preview"] = preview_figures(scratch, scratch / f"project-{max(sizes)}", runs)
    results["load_average"] = [load, os.getloadavg()[0]]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "bench.json").write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    (RESULTS / "bench.md").write_text(markdown(results), encoding="utf-8")
    print((RESULTS / "bench.md").read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
