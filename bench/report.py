"""The machine a benchmark ran on, and the short Markdown table of its figures."""

from __future__ import annotations

import datetime
import json
import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

from bench.browser import CHROMIUM

PACKAGES = ["mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions", "jieba", "playwright"]
SUMMARY = Path(__file__).with_name("results.json")  # committed: the README's table is made from it
# The last figures measured before the preview could be measured per size (README, November 2026):
# kept when a run does not measure the preview, with where they came from.
EARLIER_PREVIEW = {"preview_500_s": None, "preview_1000_s": 64.0,
                   "source": "make serve at 1,000 synthetic pages, November 2026 run (README); 500 never measured"}
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


def _build_cell(size: dict[str, Any], variant: str, overhead: str) -> str:
    build = size["builds"].get(variant)
    if build is None:
        return "–"
    return (f"{build['median_s']:.1f} s ({size[overhead]:+.0%}); CPU {build['median_cpu_s']:.0f} s "
            f"({size[overhead + '_cpu']:+.0%})")


def _build_rows(results: dict[str, Any]) -> list[str]:
    rows = []
    for pages, size in results["sizes"].items():
        builds = size["builds"]
        rows.append(
            f"| {pages} pages, {size['questions']} questions | {builds['plain']['median_s']:.1f} s; "
            f"CPU {builds['plain']['median_cpu_s']:.0f} s "
            f"| {_build_cell(size, 'before_cold', 'before_cold_overhead')} "
            f"| {_build_cell(size, 'hooks_cold', 'hooks_overhead_cold')} "
            f"| {_build_cell(size, 'before_warm', 'before_warm_overhead')} "
            f"| {_build_cell(size, 'hooks_warm', 'hooks_overhead_warm')} "
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


def _breakdown_rows(results: dict[str, Any]) -> list[str]:
    """Where each build's time went: the hooks' events and the loaders and generators inside them
    (seconds in the build process; bank exports made in worker processes count only as the wait)."""
    variants = [v for v in ("before_cold", "hooks_cold", "before_warm", "hooks_warm", "plain")
                if any(v in size.get("profile", {}) for size in results["sizes"].values())]
    columns = [(pages, v) for pages, size in results["sizes"].items() for v in variants if v in size.get("profile", {})]
    if not columns:
        return []
    labels = sorted({label for pages, v in columns for label in results["sizes"][pages]["profile"][v]["parts_s"]})
    rows = ["| part | " + " | ".join(f"{pages} {v.replace('hooks_', 'after ').replace('_', ' ')}"
                                     for pages, v in columns) + " |",
            "|---|" + "---|" * len(columns)]
    for label in labels:
        cells = [results["sizes"][pages]["profile"][v]["parts_s"].get(label) for pages, v in columns]
        rows.append(f"| {label} | " + " | ".join("" if c is None else f"{c:.1f} s" for c in cells) + " |")
    for kind in ("written zh", "written en", "generated zh", "generated en"):
        cells = [results["sizes"][pages]["profile"][v]["pages"].get(kind) for pages, v in columns]
        rows.append(f"| pages, {kind} (MkDocs: Markdown + templates) | " + " | ".join(
            "" if c is None else f"{c['pages']} in {c['seconds']:.1f} s" for c in cells) + " |")
    totals = [results["sizes"][pages]["profile"][v]["total_s"] for pages, v in columns]
    rows.append("| whole build | " + " | ".join(f"{t:.1f} s" for t in totals) + " |")
    return rows


def _optional_lines(results: dict[str, Any]) -> list[str]:
    """Search speed, search quality and preview, when the run measured them."""
    lines: list[str] = []
    browser = results.get("browser")
    if browser and "error" in browser:
        lines += [f"Search in Chromium: not measured ({browser['error']}).", ""]
    elif browser:
        lines += [
            f"Search in Chromium at {browser['pages']} pages (http on 127.0.0.1): first query typed as the page opens, "
            f"results {browser['first_query_ms']:.0f} ms after typing "
            f"({browser['first_query_results_after_page_start_ms']:.0f} ms "
            f"after the page started loading); later queries {browser['later_query_ms']:.0f} ms (slowest "
            f"{browser['later_query_ms_max']:.0f} ms). Requests to other hosts: {len(browser['outside_requests'])} "
            f"(over {len(browser['pages_loaded'])} pages and a search).", ""]
    lines += [f"Chinese search on the real site, {name}, {q['queries']} questions: recall@5 {q['recall_at_5']:.3f}, "
              f"{q['no_results']} without results (Material's own search: "
              f"{q['material_only_recall_at_5']:.3f}, {q['material_only_no_results']} without results)."
              for name, q in results.get("search_quality", {}).items()]
    preview = results.get("preview")
    if preview:
        lines += ["", "| preview (`make serve`): save → page shown in Chromium | page | bank | plan |", "|---|---|---|---|"]
        for name in ("real", "synthetic"):
            figures = preview.get(f"{name}_serve")
            if isinstance(figures, dict) and "error" not in figures:
                label = "real content" if name == "real" else f"{max(results['sizes'])} synthetic pages"
                lines.append(f"| {label} (first build {figures['first_serve_s']:.0f} s) | {figures['median_s']:.1f} s | – | – |")
            elif figures:
                lines.append(f"| {name} | not measured: {figures['error']} | | |")
        for pages, figures in sorted(results.get("preview_at_size", {}).items(), key=lambda item: int(item[0])):
            if "error" in figures:
                lines.append(f"| {pages} synthetic pages | not measured: {figures['error']} | | |")
                continue
            lines.append(f"| {pages} synthetic pages (first build {figures['first_serve_s']:.0f} s) | {figures['page_s']:.1f} s "
                         f"| {figures['bank_s']:.1f} s | {figures['plan_s']:.1f} s |")
    if results.get("skipped"):
        lines += ["", f"Not measured in this run: {', '.join(results['skipped'])}."]
    return lines


def _floor_text(floor: dict[str, Any]) -> str:
    """What the hooks' generated pages cost rendered as ordinary files by a plain build (bench/floor.py)."""
    return (f"{floor['generated_pages']} generated pages at {floor['seconds_per_page'] * 1000:.0f} ms each "
            f"(measured on {floor['extra_pages']} extra pages) add {floor['pages_floor_overhead']:+.0%} "
            f"(CPU {floor['pages_floor_overhead_cpu']:+.0%}) with no hook code running")


def markdown(results: dict[str, Any]) -> str:
    """bench-results/bench.md: the figures against the design's budgets, and where the time goes."""
    m, scaling = results["machine"], results.get("scaling", {})
    mode = "all builds of a phase at once" if results.get("parallel") else "one after another"
    lines = [
        "# Shuniu benchmark", "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']}; Python {m['python']}; {m['chromium']}; "
        + ", ".join(f"{k} {v}" for k, v in m["packages"].items()) + ".",
        f"Load average (1 min) at start and end: {results['load_average'][0]:.1f}, {results['load_average'][1]:.1f}. "
        f"Medians of {results['runs']} runs. Builds in two phases ({mode}): hooks with an empty cache (cold) and "
        "plain (same mkdocs.yml without `hooks:`), then hooks again (warm)"
        + (f"; `before` is commit {results['before']} on a copy of the same project." if results.get("before") else "."),
        "", "| corpus | plain Material + jieba | before, cold | with hooks, cold | before, warm | with hooks, warm "
        "| peak memory plain / hooks |",
        "|---|---|---|---|---|---|---|", *_build_rows(results), "",
        f"Budget: hooks add at most {BUDGET_HOOKS:.0%}.",
    ]
    lines += [f"Pages floor at {pages} pages: {_floor_text(size['floor'])}." for pages, size in results["sizes"].items()
              if size.get("floor")]
    if scaling:
        for key, what in (("time_ratio", "wall time"), ("cpu_time_ratio", "CPU time")):
            lines.append(f"Scaling {scaling['from_pages']} → {scaling['to_pages']} pages (×{scaling['size_ratio']:g}), "
                         f"{what}: " + ", ".join(f"{name.replace('_', ' ')} ×{ratio}"
                                                 for name, ratio in scaling.get(key, {}).items()) + ".")
    lines += ["", "| corpus | search index | quiz + checklist JS/CSS gzipped (budget 30 KB) | largest page |",
              "|---|---|---|---|", *_weight_rows(results), ""]
    lines += [f"Average page at {pages} pages: {_kb(size['site']['average_page_bytes'])} "
              f"({size['site']['html_pages']} HTML pages)." for pages, size in results["sizes"].items()
              if "average_page_bytes" in size["site"]]
    breakdown = _breakdown_rows(results)
    if breakdown:
        lines += ["", "## Where the time goes", "",
                  "Seconds in the build process, from timers around the hooks' events, the check's loaders and "
                  "the generators (`bench/profile.py`; `python -m bench.profile ROOT` gives a cProfile breakdown). "
                  "Nested parts overlap their event; bank exports made in worker processes count only as the wait.",
                  "", *breakdown]
    lines += ["", *_optional_lines(results)]
    return "\n".join(lines) + "\n"


def summary(results: dict[str, Any]) -> dict[str, Any]:
    """The figures bench/results.json keeps: the run, and each size's build figures."""
    m = results["machine"]
    sizes = {}
    for pages, size in results["sizes"].items():
        sizes[str(pages)] = {
            key: value for key, value in size.items() if key in ("pages", "questions") or "overhead" in key
        } | {"median_s": {name: build["median_s"] for name, build in size["builds"].items()},
             "median_cpu_s": {name: build["median_cpu_s"] for name, build in size["builds"].items()},
             "peak_rss_mb": {name: build["peak_rss_mb_max"] for name, build in size["builds"].items()},
             "average_page_bytes": size["site"].get("average_page_bytes"),
             # Where the time went (seconds inside each build, see bench/profile.py), by variant.
             "profile": size.get("profile", {}),
             "largest_page_bytes": size["site"]["largest_page"]["bytes"]} | (
                 {"floor": size["floor"]} if size.get("floor") else {})
    at_size = {int(k): v for k, v in results.get("preview_at_size", {}).items()}
    preview = EARLIER_PREVIEW
    if at_size:  # the slowest kind of save at each size, and each kind's median
        preview = {f"preview_{p}_s": _slowest(at_size.get(p)) for p in (500, 1000)} | {
            f"preview_{p}_by_save": at_size[p] for p in (500, 1000) if isinstance(at_size.get(p), dict)
            and "error" not in at_size[p]} | {"source": "this run"}
    return {
        "date": results.get("date", ""), "machine": {"cpu": m["cpu"], "cores": m["cores"], "os": m["os"]},
        "versions": {"python": m["python"], **m["packages"]}, "runs": results["runs"],
        "parallel": results.get("parallel", False), "before": results.get("before"),
        "load_average": results["load_average"], "sizes": sizes,
        "time_ratio": results.get("scaling", {}).get("time_ratio", {}),
        "cpu_time_ratio": results.get("scaling", {}).get("cpu_time_ratio", {}),
        **{key: value for key, value in preview.items() if key != "source"}, "preview_source": preview["source"],
    }


def _slowest(figures: Any) -> float | None:
    """A size's preview figure: the slowest save's median (older runs kept one number)."""
    return figures.get("max_s") if isinstance(figures, dict) else figures


def write_summary(results: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(summary(results), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


README = Path(__file__).resolve().parents[1] / "README.md"
README_START = "<!-- bench/results.json: start (python -m bench.report --readme rewrites this part) -->"
README_END = "<!-- bench/results.json: end -->"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:+.0%}"


def _size_heading(size: dict[str, Any]) -> str:
    return f"{size['pages']:,} pages, {size['questions']:,} questions"


def readme_table(kept: dict[str, Any]) -> str:
    """The README's performance figures, made from bench/results.json alone."""
    sizes = list(kept["sizes"].values())

    def row(label: str, cell: Any) -> str:
        return f"| {label} | " + " | ".join(cell(size) for size in sizes) + " |"

    def timed(variant: str, overhead: str) -> Any:
        return lambda s: (f"{s['median_s'][variant]:.0f} s ({_pct(s.get(overhead))}); CPU {s['median_cpu_s'][variant]:.0f} s "
                          f"({_pct(s.get(overhead + '_cpu'))})" if variant in s["median_s"] else "–")

    rows = [
        "| | " + " | ".join(_size_heading(size) for size in sizes) + " |", "|---|" + "---|" * len(sizes),
        row("plain Material + jieba + i18n (same `mkdocs.yml` without `hooks:`)",
            lambda s: f"{s['median_s']['plain']:.0f} s; CPU {s['median_cpu_s']['plain']:.0f} s"),
        row(f"hooks before this work (commit {kept.get('before')}), empty cache", timed("before_cold", "before_cold_overhead")),
        row("hooks before this work, cache filled", timed("before_warm", "before_warm_overhead")),
        row("with the project's hooks, empty cache", timed("hooks_cold", "hooks_overhead_cold")),
        row("with the project's hooks, cache filled", timed("hooks_warm", "hooks_overhead_warm")),
        row("the generated pages alone, as files in a plain build (floor, `bench/floor.py`)",
            lambda s: _floor_text(s["floor"]) if s.get("floor") else "–"),
        row("peak memory, plain / hooks", lambda s: f"{s['peak_rss_mb']['plain']:.0f} / {s['peak_rss_mb']['hooks_cold']:.0f} MB"),
        row("average / largest page (menus included)",
            lambda s: f"{(s.get('average_page_bytes') or 0) / 1024:.0f} KB / {s['largest_page_bytes'] / 1024:.0f} KB"),
    ]
    ratio, cpu = kept.get("time_ratio", {}), kept.get("cpu_time_ratio", {})
    machine, versions = kept["machine"], kept["versions"]
    notes = [
        f"Run of {kept['date']} on {machine['cpu']}, {machine['cores']} cores (shared: load average "
        f"{kept['load_average'][0]:.0f} to {kept['load_average'][1]:.0f}); Python {versions['python']}, MkDocs "
        f"{versions['mkdocs']}, Material {versions['mkdocs-material']}, jieba {versions['jieba']}; "
        f"{kept['runs']} run{'s' if kept['runs'] != 1 else ''} of each build"
        + ("; the builds of each phase ran at the same time, so every variant met the same load" if kept.get("parallel") else "")
        + ". Overheads are against the plain build, by wall time and by CPU time (user + system, export workers included).",
    ]
    pages = [int(p) for p in kept["sizes"]]
    if ratio:
        def growth(ratios: dict[str, float]) -> str:
            return ", ".join(f"{name.replace('_', ' ')} ×{value}" for name, value in ratios.items())
        notes.append(f"Growth for ×{max(pages) / min(pages):g} pages: wall time {growth(ratio)}; CPU time {growth(cpu)}.")
    else:
        notes.append("Growth with the page count: not measured in this run (one size).")
    def kinds(p: int) -> str:
        by_save = kept.get(f"preview_{p}_by_save") or {}
        shown = [f"{kind} {by_save[f'{kind}_s']:.1f} s" for kind in ("page", "bank", "plan") if f"{kind}_s" in by_save]
        return f" ({', '.join(shown)})" if shown else ""

    preview = [f"{p} pages {kept[f'preview_{p}_s']:.1f} s{kinds(p)}" for p in (500, 1000)
               if kept.get(f"preview_{p}_s") is not None]
    notes.append(f"Preview, save to page shown in Chromium, slowest kind of save: {'; '.join(preview) or 'not measured'} "
                 f"({kept['preview_source']}).")
    return "\n".join(rows) + "\n" + "\n\n".join(notes)


def rewrite_readme(kept: dict[str, Any], readme: Path = README) -> None:
    """Replace the part of README.md between the two markers with the table from ``kept``."""
    text = readme.read_text(encoding="utf-8")
    head, start, rest = text.partition(README_START)
    _, end, tail = rest.partition(README_END)
    if not start or not end:
        raise SystemExit(f"{readme}: the markers {README_START!r} and {README_END!r} are missing")
    readme.write_text(f"{head}{README_START}\n{readme_table(kept)}\n{README_END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """`python -m bench.report [--from bench-results/bench.json] [--summary] [--readme]`."""
    import argparse

    parser = argparse.ArgumentParser(description="Rewrite the benchmark's report, bench/results.json, README's table")
    parser.add_argument("--from", dest="source", type=Path, help="a full bench.json: rewrite bench.md and results.json")
    parser.add_argument("--readme", action="store_true", help="rewrite README.md's table from bench/results.json")
    args = parser.parse_args(argv)
    if args.source:
        results = json.loads(args.source.read_text(encoding="utf-8"))
        finished = datetime.datetime.fromtimestamp(args.source.stat().st_mtime, datetime.UTC)
        results.setdefault("date", finished.strftime("%Y-%m-%d %H:%M UTC"))  # runs before dates were kept
        args.source.with_suffix(".md").write_text(markdown(results), encoding="utf-8")
        write_summary(results, SUMMARY)
    if args.readme:
        rewrite_readme(json.loads(SUMMARY.read_text(encoding="utf-8")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
