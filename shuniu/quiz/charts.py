"""Static SVG bar charts for the results report: drawn once in Python, no script, no library."""

from __future__ import annotations

from dataclasses import dataclass

from shuniu.render.html import esc

WIDTH = 720
LABEL_WIDTH = 170
VALUE_WIDTH = 50
ROW_HEIGHT = 22
TOP = 26  # room for the axis labels
BOTTOM = 8


@dataclass(frozen=True)
class Bar:
    label: str
    value: int  # 0..100
    kind: str = "neutral"  # CSS class suffix: "pass", "fail" or "neutral"
    note: str = ""  # shown on hover, e.g. the full label and the raw numbers


def _short(label: str, limit: int = 12) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def bar_chart(title: str, bars: list[Bar], mark: int | None = None, mark_label: str = "") -> str:
    """A horizontal bar chart of percentages (0-100), one row a bar, with an optional reference line."""
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = TOP + ROW_HEIGHT * len(bars) + BOTTOM

    def x(value: int) -> float:
        return LABEL_WIDTH + plot * max(0, min(100, value)) / 100

    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-label="{esc(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{esc(title)}</title>",
    ]
    for tick in (0, 25, 50, 75, 100):
        parts.append(f'<line class="grid" x1="{x(tick):.1f}" y1="{TOP - 4}" x2="{x(tick):.1f}" y2="{height - BOTTOM}"/>')
        parts.append(f'<text class="axis" x="{x(tick):.1f}" y="{TOP - 8}" text-anchor="middle">{tick}</text>')
    for row, bar in enumerate(bars):
        y = TOP + row * ROW_HEIGHT
        parts.append(
            f'<g><title>{esc(bar.note or bar.label)}</title>'
            f'<text class="label" x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end">{esc(_short(bar.label))}</text>'
            f'<rect class="bar bar-{esc(bar.kind)}" x="{LABEL_WIDTH}" y="{y + 3}" width="{x(bar.value) - LABEL_WIDTH:.1f}" '
            f'height="{ROW_HEIGHT - 6}"/>'
            f'<text class="value" x="{x(bar.value) + 4:.1f}" y="{y + 15}">{bar.value}</text></g>'
        )
    if mark is not None:
        parts.append(f'<line class="mark" x1="{x(mark):.1f}" y1="{TOP - 4}" x2="{x(mark):.1f}" y2="{height - BOTTOM}"/>')
        parts.append(f'<text class="mark-label" x="{x(mark) + 3:.1f}" y="{height - BOTTOM - 2}">{esc(mark_label)}</text>')
    parts.append("</svg>")
    return "".join(parts)
