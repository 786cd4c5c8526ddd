"""`shuniu review`: pages due or overdue for review, by owner; the generated 待复核 page."""

import datetime

from click.testing import CliRunner

from shuniu.cli import main
from shuniu.content import load_content
from shuniu.control.review import review_items, review_page
from tests.conftest import write

PAGE = """---
id: {id}
title: {title}
owner: {owner}
status: {status}
effective: 2024-01-01
reviewed: {reviewed}
review_every: {every}
classification: public
doc_no: X-{id}
approver: 主任
---

正文。
"""


def page(root, name, reviewed, every="12 months", owner="办公室（秘书科）", status="effective", title=None):
    text = PAGE.format(id=name, title=title or name, owner=owner, status=status, reviewed=reviewed, every=every)
    write(root, f"docs/policies/{name}.md", text)


def review(root, *args):
    return CliRunner().invoke(main, ["review", "--root", str(root), *args])


def test_next_review_counts_whole_months_to_month_ends_and_leap_days(tmp_path):
    page(tmp_path, "month-end", "2026-01-31", every="1 month")  # -> 2026-02-28
    page(tmp_path, "leap-day", "2024-02-29", every="2 years")  # -> 2026-02-28
    page(tmp_path, "into-leap", "2027-02-28", every="1 year")  # -> 2028-02-28, not due
    page(tmp_path, "six-months", "2025-09-30", every="6 months")  # -> 2026-03-30
    content, _ = load_content(tmp_path)
    items = review_items(content, datetime.date(2026, 3, 1))
    assert [(i.src, i.next_review.isoformat(), i.state) for i in items] == [
        ("policies/leap-day.md", "2026-02-28", "overdue"),
        ("policies/month-end.md", "2026-02-28", "overdue"),
        ("policies/six-months.md", "2026-03-30", "due"),
    ]


def test_due_means_within_30_days_and_the_day_itself_is_not_overdue(tmp_path):
    page(tmp_path, "today", "2025-03-01")  # next review 2026-03-01
    page(tmp_path, "day-30", "2025-03-31")  # 2026-03-31 = 2026-03-01 + 30 days
    page(tmp_path, "day-31", "2025-04-01")  # 2026-04-01: not yet
    content, _ = load_content(tmp_path)
    items = review_items(content, datetime.date(2026, 3, 1))
    assert [(i.src, i.state) for i in items] == [("policies/today.md", "due"), ("policies/day-30.md", "due")]


def test_pages_not_in_force_are_not_reviewed(tmp_path):
    page(tmp_path, "old", "2020-01-01", status="superseded")
    page(tmp_path, "gone", "2020-01-01", status="repealed")
    content, _ = load_content(tmp_path)
    assert review_items(content, datetime.date(2026, 3, 1)) == []


def test_review_lists_pages_by_owner(tmp_path):
    page(tmp_path, "yinzhang", "2025-03-01", title="印章管理办法")
    page(tmp_path, "dangan", "2025-03-20", title="档案管理", owner="档案室")
    page(tmp_path, "geshi", "2025-02-10", title="公文格式规范")
    page(tmp_path, "later", "2025-12-01", title="以后复核")
    result = review(tmp_path, "--today", "2026-03-05")
    assert result.exit_code == 0
    assert result.output == (
        "办公室（秘书科）\n"
        "  overdue 2026-02-10  docs/policies/geshi.md  公文格式规范\n"
        "  overdue 2026-03-01  docs/policies/yinzhang.md  印章管理办法\n"
        "\n"
        "档案室\n"
        "  due     2026-03-20  docs/policies/dangan.md  档案管理\n"
        "\n"
        "2 overdue, 1 due within 30 days (as of 2026-03-05)\n"
    )


def test_strict_fails_only_when_a_page_is_overdue(tmp_path):
    page(tmp_path, "yinzhang", "2025-03-20", title="印章管理办法")
    due_only = review(tmp_path, "--today", "2026-03-05", "--strict")
    assert due_only.exit_code == 0
    overdue = review(tmp_path, "--today", "2026-03-21", "--strict")
    assert overdue.exit_code == 1
    assert overdue.output == (
        "办公室（秘书科）\n"
        "  overdue 2026-03-20  docs/policies/yinzhang.md  印章管理办法\n"
        "\n"
        "1 overdue, 0 due within 30 days (as of 2026-03-21)\n"
    )
    assert review(tmp_path, "--today", "2026-03-21").exit_code == 0


def test_nothing_due(tmp_path):
    page(tmp_path, "yinzhang", "2026-03-01")
    result = review(tmp_path, "--today", "2026-03-05")
    assert result.output == "0 overdue, 0 due within 30 days (as of 2026-03-05)\n"


def test_review_page_lists_the_same_pages_in_both_languages(tmp_path):
    page(tmp_path, "yinzhang", "2025-03-01", title="印章管理办法")
    content, _ = load_content(tmp_path)
    day = datetime.date(2026, 3, 5)
    [zh] = review_page(content, "zh", day)
    [en] = review_page(content, "en", day)
    assert zh.src_uri == en.src_uri == "review.md"
    assert "title: 待复核" in zh.markdown and "title: Due for review" in en.markdown
    assert "## 办公室（秘书科）" in zh.markdown
    assert "| 已逾期 | 2026-03-01 | [印章管理办法](policies/yinzhang.md) |" in zh.markdown
    assert "| overdue | 2026-03-01 | [印章管理办法](policies/yinzhang.md) |" in en.markdown


def test_built_review_page(built_site):
    html = (built_site / "review.html").read_text(encoding="utf-8")
    assert "截至 2026-11-29" in html
    assert (built_site / "en/review.html").is_file()
