"""Chinese search quality: test questions typed into the real site's search box in Chromium,
scored by recall@5 (the share of the pages that answer a question found among its first five
results, averaged over the questions) and the number of questions that showed no results at all.

Three sets: the 50 keyword queries and questions of bench/search_queries.yml, and the
colloquial questions of bench/search_colloquial.yml in its tuning and held-out halves; each is
measured with Shuniu's search and with Material's own (the same site, Shuniu's worker blocked).

    python -m bench.search_quality [--site BUILT_SITE] [--json OUT]

Without ``--site`` the project is built first (strict, into a temporary folder).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from bench.browser import SearchResult, chromium, http_site, open_page, type_query
from bench.build import PROJECT, build_site

QUERIES = Path(__file__).with_name("search_queries.yml")
COLLOQUIAL = Path(__file__).with_name("search_colloquial.yml")
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


def load_queries(path: Path = QUERIES, part: str = "queries") -> list[Query]:
    """The questions of one list of ``path`` (``queries``; ``holdout`` or ``tuning`` in COLLOQUIAL)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(item["q"]), tuple(page.removesuffix(".md") + ".html" for page in item["expect"]))
            for item in data[part]]


def query_sets() -> dict[str, list[Query]]:
    """Every measured set, by the name the report gives it."""
    return {
        "keywords and questions (search_queries.yml)": load_queries(),
        "colloquial, tuning half": load_queries(COLLOQUIAL, "tuning"),
        "colloquial, held-out half": load_queries(COLLOQUIAL, "holdout"),
    }


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


def title_word_share(site: Path, queries: list[Query]) -> float:
    """The share of ``queries`` that use a word (two or more characters, jieba's search mode) of
    the title of a page that answers them: questions in the pages' own words are the easy ones."""
    import jieba

    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["location"]: doc["title"].replace("\u200b", "") for doc in index["docs"] if "#" not in doc["location"]}
    def reuses(query: Query) -> bool:
        words = {w for page in query.expect for w in jieba.cut_for_search(titles.get(page, "")) if len(w) > 1}
        return any(word in query.text for word in words)
    return sum(map(reuses, queries)) / len(queries)


def measure(site: Path, sets: dict[str, list[Query]], material_only: bool = False) -> dict[str, Quality]:
    """Search quality of a built site, served over http, for each set of questions.

    ``material_only`` blocks assets/shuniu/search.js, so pages run Material's search worker as
    it comes: the figure Shuniu's search is compared with.
    """
    with chromium() as browser, http_site(site) as base:
        context = browser.new_context(locale="zh-CN")
        if material_only:
            # Any address of the file: pages name it with a version query (?v=…, asset_versions.py).
            context.route(re.compile(r"/assets/shuniu/search\.js(?:\?|$)"), lambda route: route.abort())
        try:
            page = context.new_page()
            return {name: evaluate(page, base, queries) for name, queries in sets.items()}
        finally:
            context.close()


def report(quality: Quality, misses: bool = True) -> str:
    lines = [quality.summary()]
    for miss in quality.missed if misses else ():
        lines.append(f"  {miss.query}: want {', '.join(miss.expect)}; top {TOP}: {', '.join(miss.top) or '(none)'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build the project)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    sets = query_sets()
    with tempfile.TemporaryDirectory(prefix="shuniu-search-") as scratch:
        site = args.site or build_site(PROJECT, Path(scratch) / "site")
        ours, material = measure(site, sets), measure(site, sets, material_only=True)
        shares = {name: title_word_share(site, queries) for name, queries in sets.items()}  # while the site exists
    for name in sets:
        # The held-out half's misses are not printed: the synonym list must never be tuned on them.
        print(f"{name} ({shares[name]:.0%} use a word of an answer's title)\n"
              f"  Shuniu:   {report(ours[name], misses='held-out' not in name)}\n"
              f"  Material: {material[name].summary()}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        figures = {name: {"shuniu": asdict(ours[name]), "material": asdict(material[name])} for name in sets}
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
