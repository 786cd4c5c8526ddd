"""Chinese search quality: the queries of bench/search_queries.yml typed into the real site's
search box in Chromium, scored by recall@5 (the share of the pages that answer a query found
among its first five results, averaged over the queries) and the number of queries that
showed no results at all.

    python -m bench.search_quality [--site BUILT_SITE] [--json OUT]

Without ``--site`` the project is built first (strict, into a temporary folder).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from bench.browser import SearchResult, chromium, http_site, open_page, type_query
from bench.build import PROJECT, build_site

QUERIES = Path(__file__).with_name("search_queries.yml")
TOP = 5


@dataclass(frozen=True)
class Query:
    text: str
    expect: tuple[str, ...]  # site paths (.html) of the pages that answer it


@dataclass(frozen=True)
class Scored:
    query: str
    expect: tuple[str, ...]
    top: tuple[str, ...]
    recall: float


@dataclass(frozen=True)
class Quality:
    recall_at_5: float
    queries: int
    no_results: int
    missed: tuple[Scored, ...]  # queries with recall below 1, for reading what went wrong

    def summary(self) -> str:
        return f"recall@{TOP} {self.recall_at_5:.3f} over {self.queries} queries; {self.no_results} with no results"


def load_queries(path: Path = QUERIES) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(item["q"]), tuple(page.removesuffix(".md") + ".html" for page in item["expect"]))
            for item in data["queries"]]


def score(query: Query, result: SearchResult) -> Scored:
    top = result.pages[:TOP]
    found = sum(1 for page in query.expect if page in top)
    return Scored(query.text, query.expect, top, found / len(query.expect))


def evaluate(page: Any, base: str, queries: list[Query]) -> Quality:
    """Type every query into the search box of one open page (as a reader searching again)."""
    open_page(page, f"{base}/index.html")
    results = [(query, type_query(page, base, query.text)) for query in queries]
    scored = [score(query, result) for query, result in results]
    return Quality(
        recall_at_5=sum(s.recall for s in scored) / len(scored),
        queries=len(scored),
        no_results=sum(1 for _, result in results if result.empty),
        missed=tuple(s for s in scored if s.recall < 1),
    )


def measure(site: Path, queries: list[Query] | None = None, material_only: bool = False) -> Quality:
    """Search quality of a built site, served over http.

    ``material_only`` blocks assets/shuniu/search.js, so pages run Material's search worker as
    it comes: the figure Shuniu's query cutting is compared with.
    """
    with chromium() as browser, http_site(site) as base:
        context = browser.new_context(locale="zh-CN")
        if material_only:
            context.route("**/assets/shuniu/search.js", lambda route: route.abort())
        try:
            return evaluate(context.new_page(), base, queries or load_queries())
        finally:
            context.close()


def report(quality: Quality) -> str:
    lines = [quality.summary()]
    for miss in quality.missed:
        lines.append(f"  {miss.query}: want {', '.join(miss.expect)}; top {TOP}: {', '.join(miss.top) or '(none)'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build the project)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="shuniu-search-") as scratch:
        site = args.site or build_site(PROJECT, Path(scratch) / "site")
        quality = measure(site)
    print(report(quality))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(asdict(quality), ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
