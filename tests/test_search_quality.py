"""Chinese search quality on the real site: every question set of bench/search_quality.py typed
into the search box in Chromium. Floors under recall@5 catch a change that makes people stop
finding pages (the word list, the worker's ranking, a Material upgrade, new content)."""

import pytest

from bench.search_quality import evaluate, query_sets, report

pytestmark = pytest.mark.browser

# Measured (December 2026, `make search-quality`): 1.00 on the 50 keyword queries and questions,
# 0.99 on the colloquial tuning half, 0.98 on the held-out half, no empty result anywhere.
# Material's own search on the same site: 0.87, 0.48 and 0.63.
RECALL_FLOOR = 0.95


@pytest.mark.parametrize("name", list(query_sets()))
def test_recall_at_5_stays_above_the_floor_and_every_question_finds_something(page, site_url, name):
    quality = evaluate(page, site_url, query_sets()[name])
    # The held-out half's misses stay unprinted: the synonym list must never be tuned on them.
    shown = report(quality, misses="held-out" not in name)
    assert quality.recall_at_5 >= RECALL_FLOOR, shown
    assert quality.no_results == 0, shown
