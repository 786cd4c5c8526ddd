"""The flow diagram of a procedure as inline SVG, laid out at build time (no JavaScript).

Layout: one column (swimlane) per role, in the order roles first act; one row per step, in
the author's order. Arrows are orthogonal and never cross a box: an arrow to the next row
runs through the gap between the rows; any other arrow (a skip, a loop) leaves its step into
the gap below it, runs along its own track in the gutter between two columns, and enters
its target from the gap above it. An arrow of a labelled branch carries its condition
(``同意``) beside its last stretch, just above the step it enters. Each box links to the
step's ``#step-<id>`` anchor.
"""

from __future__ import annotations

from dataclasses import dataclass

from shuniu.procedures.flow import FlowStep, roles
from shuniu.procedures.wrap import wrap
from shuniu.render.html import esc

FONT = 14  # px: box text
HEAD_FONT = 13  # px: lane headings
WHEN_FONT = 11  # px: condition labels on arrows
LINE = 19  # px between baselines
BOX_W = 132
PAD_Y = 9
GAP_Y = 36  # between rows: arrows run here
GUTTER = 28  # least space between columns
TRACK = 7  # between parallel arrows in one gutter
OUT, IN = 12, 24  # where arrows leave a step / enter a step, below the row above
STROKE = "#546e7a"
ACCENT = "#b71c1c"


@dataclass(frozen=True)
class _Box:
    item: FlowStep
    lane: int
    row: int
    lines: tuple[str, ...]
    top: int
    height: int

    @property
    def bottom(self) -> int:
        return self.top + self.height


@dataclass(frozen=True)
class _Edge:
    source: _Box
    target: _Box
    gutter: int  # -1 for an arrow to the next row
    track: int = 0

    @property
    def span(self) -> tuple[int, int]:
        """The vertical extent of the part of the arrow that runs in a gutter."""
        ys = (self.source.bottom + OUT, self.target.top - GAP_Y + IN)
        return min(ys), max(ys)


def _boxes(flow: tuple[FlowStep, ...], lanes: tuple[str, ...], top: int) -> list[_Box]:
    boxes = []
    for row, item in enumerate(flow):
        lines = tuple(wrap(item.label, (BOX_W - 16) / FONT))
        height = len(lines) * LINE + 2 * PAD_Y
        boxes.append(_Box(item, lanes.index(item.step.role), row, lines, top, height))
        top += height + GAP_Y
    return boxes


def _edges(boxes: list[_Box]) -> list[_Edge]:
    """Every arrow; arrows that share a gutter get tracks so their vertical runs never overlap."""
    by_id: dict[str, _Box] = {}
    for box in boxes:
        by_id.setdefault(box.item.step.id, box)
    edges: list[_Edge] = []
    for box in boxes:
        for target in (by_id[t] for t in box.item.step.next if t in by_id):
            if target.row == box.row + 1:
                edges.append(_Edge(box, target, -1))
            else:
                gutter = box.lane if target.lane < box.lane else box.lane + 1
                edges.append(_Edge(box, target, gutter))
    return _assign_tracks(edges)


def _assign_tracks(edges: list[_Edge]) -> list[_Edge]:
    placed: list[_Edge] = []
    for edge in sorted(edges, key=lambda e: (e.gutter, e.span)):
        if edge.gutter < 0:
            placed.append(edge)
            continue
        busy = {e.track for e in placed if e.gutter == edge.gutter and _overlap(e.span, edge.span)}
        track = next(k for k in range(len(edges) + 1) if k not in busy)
        placed.append(_Edge(edge.source, edge.target, edge.gutter, track))
    return placed


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[1] + 2 and b[0] <= a[1] + 2


def _gutter_widths(edges: list[_Edge], lanes: int) -> list[int]:
    widths = [GUTTER] * (lanes + 1)
    for edge in edges:
        if edge.gutter >= 0:
            widths[edge.gutter] = max(widths[edge.gutter], (edge.track + 2) * TRACK + 8)
    return widths


class _Geometry:
    """Column positions once the gutters' widths are known."""

    def __init__(self, gutters: list[int]) -> None:
        self.gutters = gutters
        self.lefts = [sum(gutters[: k + 1]) + k * BOX_W for k in range(len(gutters) - 1)]
        self.width = sum(gutters) + (len(gutters) - 1) * BOX_W

    def center(self, lane: int) -> int:
        return self.lefts[lane] + BOX_W // 2

    def track_x(self, gutter: int, track: int) -> int:
        start = self.lefts[gutter] - self.gutters[gutter] if gutter < len(self.lefts) else self.width - self.gutters[-1]
        return start + 8 + (track + 1) * TRACK - TRACK // 2

    def lane_edges(self, lane: int) -> tuple[int, int]:
        """A lane's band reaches to the middle of the gutters on either side."""
        left = 0 if lane == 0 else self.lefts[lane] - self.gutters[lane] // 2
        last = lane == len(self.lefts) - 1
        right = self.width if last else self.lefts[lane] + BOX_W + self.gutters[lane + 1] // 2
        return left, right


def _path(edge: _Edge, geo: _Geometry) -> str:
    src, dst = edge.source, edge.target
    x1, x2 = geo.center(src.lane), geo.center(dst.lane)
    out_y, in_y = src.bottom + OUT, dst.top - GAP_Y + IN
    if edge.gutter < 0:
        if x1 == x2:
            return f"M{x1} {src.bottom}V{dst.top - 1}"
        return f"M{x1} {src.bottom}V{out_y}H{x2}V{dst.top - 1}"
    x = geo.track_x(edge.gutter, edge.track)
    return f"M{x1} {src.bottom}V{out_y}H{x}V{in_y}H{x2}V{dst.top - 1}"


def _condition(edge: _Edge, geo: _Geometry) -> str:
    """The branch's condition beside the arrow where it enters its step ("" if unlabelled)."""
    when = edge.source.item.step.condition(edge.target.item.step.id)
    if not when:
        return ""
    x, y = geo.center(edge.target.lane) + 5, edge.target.top - 3
    return (
        f'<text class="shuniu-flow__when" x="{x}" y="{y}" font-size="{WHEN_FONT}" font-weight="700" '
        f'fill="#37474f" stroke="#ffffff" stroke-width="3" paint-order="stroke">{esc(when)}</text>'
    )


def _lane_heads(geo: _Geometry, head_lines: list[list[str]], height: int) -> list[str]:
    """A band per role, headed by the role's name."""
    parts = []
    for lane in range(len(head_lines)):
        left, right = geo.lane_edges(lane)
        fill = "#f5f5f5" if lane % 2 == 0 else "#ffffff"
        parts.append(f'<rect class="shuniu-flow__lane" x="{left}" y="0" width="{right - left}" height="{height}" fill="{fill}"/>')
        parts.append(f'<rect x="{left}" y="0" width="{right - left}" height="{_head_height(head_lines)}" fill="#eceff1"/>')
        for index, line in enumerate(head_lines[lane]):
            y = PAD_Y + HEAD_FONT + index * (HEAD_FONT + 4)
            parts.append(
                f'<text class="shuniu-flow__role" x="{(left + right) // 2}" y="{y}" text-anchor="middle" '
                f'font-size="{HEAD_FONT}" font-weight="700" fill="#263238">{esc(line)}</text>'
            )
    return parts


def _head_height(head_lines: list[list[str]]) -> int:
    return max(len(lines) for lines in head_lines) * (HEAD_FONT + 4) + 2 * PAD_Y - 4


def _box(box: _Box, geo: _Geometry, lane_name: str) -> str:
    left = geo.lefts[box.lane]
    end = box.item.is_end
    texts = "".join(
        f'<text x="{left + BOX_W // 2}" y="{box.top + PAD_Y + FONT + index * LINE - 1}" text-anchor="middle" '
        f'fill="#212121">{esc(line)}</text>'
        for index, line in enumerate(box.lines)
    )
    stroke = f'stroke="{ACCENT}" stroke-width="{2.5 if end else 1.5}"'
    title = f"{box.item.label} · {lane_name}"
    return (
        f'<a href="#{esc(box.item.step.anchor)}" class="shuniu-flow__step"><title>{esc(title)}</title>'
        f'<rect x="{left}" y="{box.top}" width="{BOX_W}" height="{box.height}" rx="6" fill="#ffffff" {stroke}/>'
        f"{texts}</a>"
    )


def _terminals(boxes: list[_Box], geo: _Geometry) -> list[str]:
    """A start dot above the first step and an end mark below every step that ends the flow."""
    first = boxes[0]
    x = geo.center(first.lane)
    parts = [
        f'<circle cx="{x}" cy="{first.top - 28}" r="6" fill="{STROKE}"/>',
        f'<path d="M{x} {first.top - 22}V{first.top - 1}" class="shuniu-flow__arrow"/>',
    ]
    for box in boxes:
        if box.item.is_end:
            x, y = geo.center(box.lane), box.bottom + 13
            parts.append(f'<path d="M{x} {box.bottom}V{y - 6}" class="shuniu-flow__line"/>')
            parts.append(f'<circle cx="{x}" cy="{y}" r="6" fill="none" stroke="{STROKE}" stroke-width="1.5"/>')
            parts.append(f'<circle cx="{x}" cy="{y}" r="3" fill="{STROKE}"/>')
    return parts


def render_diagram(flow: tuple[FlowStep, ...], title: str) -> str:
    """The whole diagram as one ``<div>`` holding an ``<svg>`` (well-formed XML)."""
    if not flow:
        return ""
    lanes = roles(tuple(item.step for item in flow))
    head_lines = [wrap(name, (BOX_W + GUTTER - 12) / HEAD_FONT) for name in lanes]
    boxes = _boxes(flow, lanes, _head_height(head_lines) + GAP_Y)
    edges = _edges(boxes)
    geo = _Geometry(_gutter_widths(edges, len(lanes)))
    height = boxes[-1].bottom + GAP_Y
    arrows = "".join(f'<path d="{_path(edge, geo)}" class="shuniu-flow__arrow"/>' for edge in edges)
    arrows += "".join(_condition(edge, geo) for edge in edges)
    body = "".join(_lane_heads(geo, head_lines, height) + _terminals(boxes, geo))
    steps = "".join(_box(box, geo, lanes[box.lane]) for box in boxes)
    marker = (
        '<defs><marker id="shuniu-flow-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        f'orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="{STROKE}"/></marker></defs>'
    )
    style = (
        ".shuniu-flow__arrow,.shuniu-flow__line{fill:none;stroke:" + STROKE + ";stroke-width:1.5}"
        ".shuniu-flow__arrow{marker-end:url(#shuniu-flow-arrow)}"
    )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="shuniu-flow__svg" width="{geo.width}" height="{height}" '
        f'viewBox="0 0 {geo.width} {height}" style="min-width:{geo.width * 3 // 4}px" font-size="{FONT}" '
        'role="group" aria-labelledby="shuniu-flow-title">'
        f'<title id="shuniu-flow-title">{esc(title)}</title>{marker}<style>{style}</style>{body}{arrows}{steps}</svg>'
    )
    # The boxes repeat the step titles the guide already has: keep them out of the search index.
    return f'<div class="shuniu-flow" data-search-exclude>{svg}</div>'
