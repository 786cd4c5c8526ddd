"""Which pages are due or overdue for review, by owner: for `shuniu review` and the 待复核 page."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from shuniu.generated import GeneratedPage
from shuniu.model import DEFAULT_LANG, Content, Page, Status
from shuniu.render.html import md_escape_cell

DUE_WITHIN_DAYS = 30
REVIEW_PAGE = "review.md"

STRINGS = {
    "zh": {
        "title": "待复核",
        "intro": "截至 {today}（本站构建日期），下次复核日期已过或在 {days} 天内的页面，按责任单位列出。"
        "维护人员可在命令行运行 `shuniu review` 得到同样的清单。",
        "none": "没有需要复核的页面。",
        "overdue": "已逾期",
        "due": "即将到期",
        "state": "状态",
        "next_review": "下次复核",
        "page": "页面",
    },
    "en": {
        "title": "Due for review",
        "intro": "Pages whose next review date has passed or falls within {days} days of {today} "
        "(the day this site was built), by owner. Maintainers get the same list with `shuniu review`.",
        "none": "No pages are due for review.",
        "overdue": "overdue",
        "due": "due",
        "state": "State",
        "next_review": "Next review",
        "page": "Page",
    },
}


@dataclass(frozen=True)
class ReviewItem:
    """A page whose next review is near or past."""

    owner: str
    next_review: datetime.date
    overdue: bool
    path: str  # root-relative: what a maintainer opens
    src: str  # docs-relative: what the site links to
    title: str

    @property
    def state(self) -> str:
        return "overdue" if self.overdue else "due"


def review_items(content: Content, today: datetime.date, within: int = DUE_WITHIN_DAYS) -> list[ReviewItem]:
    """Current pages (originals, not translations) whose review is due within ``within`` days or overdue.

    Superseded, repealed and draft pages are not reviewed: they are not in force. Sorted by
    owner, then date, then path, so the output is stable.
    """
    horizon = today + datetime.timedelta(days=within)
    items = [
        _item(page, today)
        for page in content.pages
        if _reviewed(page) and page.meta.next_review is not None and page.meta.next_review <= horizon
    ]
    return sorted(items, key=lambda i: (i.owner, i.next_review, i.path))


def _reviewed(page: Page) -> bool:
    return not page.is_index and page.lang == DEFAULT_LANG and page.meta.status is Status.EFFECTIVE


def _item(page: Page, today: datetime.date) -> ReviewItem:
    day = page.meta.next_review
    assert day is not None
    return ReviewItem(page.meta.owner or "—", day, day < today, page.path, page.src, page.meta.title)


def _shown(content: Content, item: ReviewItem, lang: str) -> Page:
    """The page a reader of ``lang`` is shown for ``item``: its translation if there is one."""
    page = content.page(item.src, lang)
    assert page is not None  # items come from content's own pages
    return page


def by_owner(items: Iterable[ReviewItem]) -> list[tuple[str, list[ReviewItem]]]:
    """Items grouped by owner, in the order given (already sorted by owner)."""
    return [(owner, list(group)) for owner, group in itertools.groupby(items, key=lambda i: i.owner)]


def format_review(items: list[ReviewItem], today: datetime.date, within: int = DUE_WITHIN_DAYS) -> str:
    """The plain-text listing `shuniu review` prints: one block per owner, then a count."""
    lines: list[str] = []
    for owner, group in by_owner(items):
        lines.append(owner)
        lines += [f"  {i.state:<7} {i.next_review.isoformat()}  {i.path}  {i.title}" for i in group]
        lines.append("")
    overdue = sum(1 for i in items if i.overdue)
    lines.append(f"{overdue} overdue, {len(items) - overdue} due within {within} days (as of {today.isoformat()})")
    return "\n".join(lines)


def review_page(content: Content, lang: str, today: datetime.date) -> Iterable[GeneratedPage]:
    """The 待复核 page at the site root, as of the build date."""
    s = STRINGS.get(lang, STRINGS["en"])
    parts = [f"---\ntitle: {s['title']}\n---\n", s["intro"].format(today=today.isoformat(), days=DUE_WITHIN_DAYS), ""]
    items = review_items(content, today)
    if not items:
        parts.append(s["none"])
    for owner, group in by_owner(items):
        owner = _shown(content, group[0], lang).meta.owner or owner  # the translation names owners in its language
        parts += [f"## {md_escape_cell(owner)}", "", f"| {s['state']} | {s['next_review']} | {s['page']} |", "|---|---|---|"]
        parts += [
            f"| {s[i.state]} | {i.next_review.isoformat()} | [{md_escape_cell(_shown(content, i, lang).meta.title)}]({i.src}) |"
            for i in group
        ]
        parts.append("")
    yield GeneratedPage(REVIEW_PAGE, "\n".join(parts) + "\n")


def excluded_from_search(page: Page) -> bool:
    """Superseded and repealed pages stay readable but out of search: nobody should find an
    obsolete rule when looking for the rule in force (document control: prevent use of obsolete versions)."""
    return page.meta.status in (Status.SUPERSEDED, Status.REPEALED)
