import datetime

import pytest

from shuniu.model import ReviewPeriod, base_src, lang_of


@pytest.mark.parametrize(
    ("text", "months"),
    [("12 months", 12), ("1 year", 12), ("2 years", 24), ("6 个月", 6), ("3年", 36)],
)
def test_review_period_parses(text, months):
    assert ReviewPeriod.parse(text) == ReviewPeriod(months)


@pytest.mark.parametrize("text", ["12 monthz", "0 months", "yearly", ""])
def test_review_period_rejects(text):
    assert ReviewPeriod.parse(text) is None


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ("2025-03-01", 12, "2026-03-01"),
        ("2025-01-31", 1, "2025-02-28"),   # month end falls to the shorter month's last day
        ("2024-01-31", 1, "2024-02-29"),   # leap year
        ("2024-02-29", 12, "2025-02-28"),  # leap day, one year on
        ("2024-02-29", 48, "2028-02-29"),
        ("2025-11-30", 3, "2026-02-28"),   # across a year end
        ("2025-12-15", 1, "2026-01-15"),
    ],
)
def test_review_period_month_arithmetic(start, months, expected):
    assert ReviewPeriod(months).after(datetime.date.fromisoformat(start)).isoformat() == expected


def test_language_suffixes():
    assert lang_of("policies/x.md") == "zh"
    assert lang_of("policies/x.en.md") == "en"
    assert lang_of("index.en.md") == "en"
    assert base_src("policies/x.en.md") == "policies/x.md"
    assert base_src("policies/x.md") == "policies/x.md"
