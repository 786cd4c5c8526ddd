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

import datetime
import functools
import json
import os
import shutil
import statistics
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bench import preview, search_quality, site_figures
from bench.browser import chromium, http_site, open_page, outside_requests, type_query
from bench.build import (
    BEFORE_CONFIG,
    PLAIN_CONFIG,
    PROJECT,
    BuildRun,
    build_site,
    clear_export_cache,
    install_before,
    timed_build,
)
from bench.corpus import generate
from bench.floor import floor_figures, write_floor_project
from bench.report import SUMMARY, machine, markdown, write_summary

QUESTIONS_PER_PAGE = 5
PREVIEW_SIZES = (500, 1000)
RESULTS = PROJECT / "bench-results"
LATER_QUERIES = ["公文处理", "保密期限", "会议纪要", "值班", "印章外借需要谁批准", "涉密文件能不能快递"]


def median(values: list[float]) -> float:
    return round(statistics.median(values), 3)


def _series(runs: list[BuildRun]) -> dict[str, Any]:
    return {"seconds": [round(r.seconds, 3) for r in runs], "median_s": median([r.seconds for r in runs]),
            "cpu_seconds": [round(r.cpu_seconds, 3) for r in runs], "median_cpu_s": median([r.cpu_seconds for r in runs]),
            "peak_rss_mb_max": round(max(r.peak_rss_mb for r in runs), 1)}


# (variant, config, project): the builds of one phase may run at once; a warm build follows its
# cold one on the same project, so the two are in different phases. "before" builds a copy with an
# earlier commit's code, "floor" a copy holding the generated pages as files (bench/floor.py).
PHASES = [[("hooks_cold", "mkdocs.yml", "hooks"), ("before_cold", BEFORE_CONFIG, "before"),
           ("plain", PLAIN_CONFIG, "hooks"), ("floor", PLAIN_CONFIG, "floor")],
          [("hooks_warm", "mkdocs.yml", "hooks"), ("before_warm", BEFORE_CONFIG, "before")]]


def prepare(scratch: Path, pages: int, before: str | None) -> dict[str, Any]:
    """The synthetic project of ``pages`` pages, its floor copy, and a copy for the earlier commit's builds."""
    corpus = generate(scratch / f"project-{pages}", pages, pages * QUESTIONS_PER_PAGE)
    roots = {"hooks": corpus.root, "floor": scratch / f"project-{pages}-floor"}
    write_floor_project(corpus.root, roots["floor"])
    if before:
        roots["before"] = scratch / f"project-{pages}-before"
        shutil.copytree(corpus.root, roots["before"])
        install_before(roots["before"], scratch / "before-code", before)
    return {"corpus": corpus, "roots": roots}


def phase_jobs(scratch: Path, pages: int, roots: dict[str, Path], phase: int) -> list[tuple[str, Callable[[], BuildRun]]]:
    """The builds of one phase for one size, as (variant, build) pairs."""
    jobs: list[tuple[str, Callable[[], BuildRun]]] = []
    for variant, config, project in PHASES[phase]:
        if project not in roots:
            continue
        root = roots[project]
        if variant.endswith("_cold"):
            clear_export_cache(root)
        env = {"PYTHONPATH": str(scratch / "before-code")} if project == "before" else None
        site = scratch / f"{variant.split('_')[0]}-{pages}"
        jobs.append((variant, functools.partial(timed_build, root, site, config, env)))
    return jobs


def run_jobs(jobs: list[tuple[Any, Callable[[], BuildRun]]], parallel: bool) -> list[tuple[Any, BuildRun]]:
    """Run the builds one after another, or all at once (each is a child process)."""
    if not parallel:
        return [(key, job()) for key, job in jobs]
    with ThreadPoolExecutor(max_workers=len(jobs) or 1) as pool:
        futures = [(key, pool.submit(job)) for key, job in jobs]
        return [(key, future.result()) for key, future in futures]


def bench_sizes(scratch: Path, sizes: list[int], runs: int, before: str | None, parallel: bool) -> dict[int, Any]:
    """Every size's builds, run by run and phase by phase (with BENCH_PARALLEL, every size's builds
    of a phase at once: they share the machine's load at the same moment)."""
    prepared = {pages: prepare(scratch, pages, before) for pages in sizes}
    series: dict[int, dict[str, list[BuildRun]]] = {pages: defaultdict(list) for pages in sizes}
    for run in range(runs):
        for phase in range(len(PHASES)):
            print(f"  run {run + 1} of {runs}, phase {phase + 1}", flush=True)
            jobs = [((pages, variant), job) for pages in sizes
                    for variant, job in phase_jobs(scratch, pages, prepared[pages]["roots"], phase)]
            for (pages, variant), result in run_jobs(jobs, parallel):
                series[pages][variant].append(result)
    return {pages: size_figures(scratch, prepared[pages]["corpus"], series[pages]) for pages in sizes}


def size_figures(scratch: Path, corpus: Any, series: dict[str, list[BuildRun]]) -> dict[str, Any]:
    """Medians, overheads against the plain build, where the time went, and the site's figures."""
    result = {name: _series(values) for name, values in series.items()}
    plain = result["plain"]["median_s"]
    figures: dict[str, Any] = {
        "pages": corpus.pages, "translations": corpus.translations, "banks": corpus.banks,
        "questions": corpus.questions, "builds": result,
        "hooks_overhead_cold": round(result["hooks_cold"]["median_s"] / plain - 1, 3),
        "hooks_overhead_warm": round(result["hooks_warm"]["median_s"] / plain - 1, 3),
        "site": site_figures.figures(scratch / f"hooks-{corpus.pages}", corpus.pages),
    }
    plain_cpu = result["plain"]["median_cpu_s"]
    for variant in ("hooks_cold", "hooks_warm", "before_cold", "before_warm"):
        if variant in result:
            name = variant.replace("hooks_", "hooks_overhead_") if variant.startswith("hooks") else f"{variant}_overhead"
            figures[name] = round(result[variant]["median_s"] / plain - 1, 3)
            figures[f"{name}_cpu"] = round(result[variant]["median_cpu_s"] / plain_cpu - 1, 3)
    figures["profile"] = {name: runs[-1].parts for name, runs in series.items()}  # the last run's parts
    if "floor" in result:
        figures["floor"] = floor_figures(*(result[name] | {"pages": _pages(series[name][-1])} for name in ("plain", "floor")),
                                         generated_pages=_pages(series["hooks_cold"][-1], "generated"))
    return figures


def _pages(run: BuildRun, kind: str = "") -> int:
    """How many pages a build rendered (``kind``: only those whose timer name starts so, e.g. generated)."""
    return sum(figures["pages"] for name, figures in run.parts.get("pages", {}).items() if name.startswith(kind))


def scaling(sizes: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """Time at the largest size over time at the smallest, next to the size ratio."""
    small, large = min(sizes), max(sizes)
    if small == large:
        return {}
    names = [name for name in sizes[large]["builds"] if name in sizes[small]["builds"]]

    def ratio(name: str, key: str) -> float:
        return round(sizes[large]["builds"][name][key] / sizes[small]["builds"][name][key], 2)

    return {"from_pages": small, "to_pages": large, "size_ratio": round(large / small, 2),
            "time_ratio": {name: ratio(name, "median_s") for name in names},
            "cpu_time_ratio": {name: ratio(name, "median_cpu_s") for name in names}}


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
    """Save-to-shown seconds with `make serve`'s preview on the real content and the largest synthetic project."""
    real = scratch / "preview-real"
    for name in ("docs", "quizzes", "hooks", "overrides"):
        shutil.copytree(PROJECT / name, real / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT / "mkdocs.yml", real / "mkdocs.yml")
    targets = [("real", real, "policies/yinzhang-guanli.md")]
    if large_root is not None:
        first_policy = min(p for p in (large_root / "docs" / "policies").glob("*/*-zd-*.md") if not p.name.endswith(".en.md"))
        targets.append(("synthetic", large_root, first_policy.relative_to(large_root / "docs").as_posix()))
    result: dict[str, Any] = {}
    for name, root, page in targets:
        print(f"  preview: {name} content", flush=True)
        measure = functools.partial(preview.edit_to_served, root, page, runs)
        result[f"{name}_serve"] = _measured(lambda measure=measure: _median_of(measure()))  # type: ignore[misc]
    return result


def _median_of(measured: dict[str, Any]) -> dict[str, Any]:
    return measured | {"median_s": median(measured["edit_to_served_s"])}


def _measured(measure: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """A measurement's figures, or what stopped it: one failure does not lose the run's other figures."""
    try:
        return measure()
    except Exception as error:  # a timeout, a preview that stopped: reported in the results
        print(f"  not measured: {type(error).__name__}: {str(error)[:400]}", flush=True)
        return {"error": f"{type(error).__name__}: {str(error).splitlines()[0][:200] if str(error) else ''}"}


def preview_at_sizes(runs: int) -> dict[int, dict[str, Any]]:
    """Save-to-shown seconds at 500 and 1,000 synthetic pages (BENCH_PREVIEW_SIZES), for a page's,
    a bank's and a plan's save (bench/preview.py)."""
    sizes = [int(size) for size in os.environ.get("BENCH_PREVIEW_SIZES", "").split(",") if size] or PREVIEW_SIZES
    return {pages: _measured(functools.partial(preview.preview_seconds, pages, runs)) for pages in sizes}


def main() -> int:
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    sizes = [int(size) for size in os.environ.get("BENCH_SIZES", "250,1000").split(",")]
    before = os.environ.get("BENCH_BEFORE") or None  # a commit to compare with, e.g. main
    parallel = os.environ.get("BENCH_PARALLEL", "") == "1"
    skip = set(filter(None, os.environ.get("BENCH_SKIP", "").split(",")))  # search, browser, preview
    load = os.getloadavg()[0]  # other work on the machine slows every variant; the ratios are interleaved
    results: dict[str, Any] = {"machine": machine(), "runs": runs, "before": before, "parallel": parallel,
                               "skipped": sorted(skip)}
    with tempfile.TemporaryDirectory(prefix="shuniu-bench-") as folder:
        scratch = Path(folder)
        # First: a real site that does not build stops the benchmark before the long builds.
        if "search" not in skip:
            results["search_quality"] = search_figures(scratch)
        print(f"building {', '.join(map(str, sizes))} pages", flush=True)
        results["sizes"] = bench_sizes(scratch, sizes, runs, before, parallel)
        results["scaling"] = scaling(results["sizes"])
        _save(results, load, final=False)  # the builds took most of the run: kept whatever follows
        if "browser" not in skip:
            print("search in Chromium", flush=True)
            results["browser"] = _measured(lambda: browser_figures(scratch / f"hooks-{max(sizes)}", runs) | {"pages": max(sizes)})
        if "preview" not in skip:
            results["preview"] = preview_figures(scratch, scratch / f"project-{max(sizes)}", runs)
            _save(results, load, final=False)
            results["preview_at_size"] = preview_at_sizes(runs)
    _save(results, load, final=True)
    print((RESULTS / "bench.md").read_text(encoding="utf-8"))
    failed = [name for name, figures in _all_figures(results) if isinstance(figures, dict) and "error" in figures]
    if failed:
        print(f"not measured: {', '.join(failed)} (see above)", flush=True)
    return 1 if failed else 0


def _all_figures(results: dict[str, Any]) -> list[tuple[str, Any]]:
    return ([("browser", results.get("browser"))] + list(results.get("preview", {}).items())
            + [(f"preview at {pages} pages", figures) for pages, figures in results.get("preview_at_size", {}).items()])


def _save(results: dict[str, Any], load: float, final: bool) -> None:
    """bench-results/bench.json and bench.md as measured so far; bench/results.json at the end."""
    results["load_average"] = [load, os.getloadavg()[0]]
    results["date"] = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "bench.json").write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    (RESULTS / "bench.md").write_text(markdown(results), encoding="utf-8")
    if final:
        write_summary(results, SUMMARY)


if __name__ == "__main__":
    sys.exit(main())
