"""The committed benchmark results (bench/results.json) and the README's table made from them."""

from __future__ import annotations

import json

from bench.report import README, README_END, README_START, SUMMARY, readme_table


def _kept() -> dict:
    return json.loads(SUMMARY.read_text(encoding="utf-8"))


def test_the_readme_table_is_the_one_made_from_results_json():
    text = README.read_text(encoding="utf-8")
    shown = text.split(README_START, 1)[1].split(README_END, 1)[0].strip("\n")
    assert shown == readme_table(_kept()), "run `python -m bench.report --readme` after a benchmark run"


def test_results_keep_the_named_figures_and_the_run_they_came_from():
    kept = _kept()
    assert kept["date"] and kept["machine"]["cores"] and kept["runs"] >= 1
    assert {"python", "mkdocs", "mkdocs-material", "jieba"} <= set(kept["versions"])
    assert "250" in kept["sizes"]
    for size in kept["sizes"].values():
        assert isinstance(size["hooks_overhead_cold"], float) and isinstance(size["hooks_overhead_warm"], float)
        assert size["median_s"]["plain"] > 0 and size["median_cpu_s"]["plain"] > 0 and size["average_page_bytes"] > 0
        plain = size["median_s"]["plain"]
        assert round(size["median_s"]["hooks_cold"] / plain - 1, 3) == size["hooks_overhead_cold"]
    if len(kept["sizes"]) > 1:  # growth needs two sizes
        assert {"hooks_cold", "hooks_warm", "plain"} <= set(kept["time_ratio"])
    assert "preview_500_s" in kept and "preview_1000_s" in kept and kept["preview_source"]
