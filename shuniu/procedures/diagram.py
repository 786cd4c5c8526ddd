"""The flow diagram of a procedure as inline SVG, laid out at build time (no JavaScript).

Layout: one column (swimlane) per role, in the order roles first act; one row per step, in
the author's order. Phones get a second drawing of the same flow in one column, each box
naming its role (CSS shows the one that fits). Arrows are orthogonal and never cross a box: an arrow to the next row
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
ROLE_FONT = 12  # px: the role named inside a box of the one-column drawing
ROLE_LINE = 17  # px the role takes in such a box
STROKE = "#546e7a"
ACCENT = "#b71c1c"


@dataclass(frozen=True)
class _Style:
    """How a drawing is laid out: a lane per role (headed by its name), or one column."""

    box_w: int
    lanes: bool
    suffix: str  # keeps the ids inside each drawing unique on the page

    def lane_of(self, role: str, lanes: tuple[str, ...]) -> int:
        return lanes.index(role) if self.lanes else 0


WIDE = _Style(BOX_W, lanes=True, suffix="")
NARROW = _Style(244, lanes=False, suffix="-narrow")


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


def _boxes(flow: tuple[FlowStep, ...], lanes: tuple[str, ...], top: int, style: _Style) -> list[_Box]:
    boxes = []
    for row, item in enumerate(flow):
        lines = tuple(wrap(item.label, (style.box_w - 16) / FONT))
        height = len(lines) * LINE + 2 * PAD_Y + (0 if style.lanes else ROLE_LINE)
        boxes.append(_Box(item, style.lane_of(item.step.role, lanes), row, lines, top, height))
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

    def __init__(self, gutters: list[int], box_w: int) -> None:
        self.gutters = gutters
        self.box_w = box_w
        self.lefts = [sum(gutters[: k + 1]) + k * box_w for k in range(len(gutters) - 1)]
        self.width = sum(gutters) + (len(gutters) - 1) * box_w

    def center(self, lane: int) -> int:
        return self.lefts[lane] + self.box_w // 2

    def track_x(self, gutter: int, track: int) -> int:
        start = self.lefts[gutter] - self.gutters[gutter] if gutter < len(self.lefts) else self.width - self.gutters[-1]
        return start + 8 + (track + 1) * TRACK - TRACK // 2

    def lane_edges(self, lane: int) -> tuple[int, int]:
        """A lane's band reaches to the middle of the gutters on either side."""
        left = 0 if lane == 0 else self.lefts[lane] - self.gutters[lane] // 2
        last = lane == len(self.lefts) - 1
        right = self.width if last else self.lefts[lane] + self.box_w + self.gutters[lane + 1] // 2
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
    x, y = geo.center(edge.target.lane) + 8, edge.target.top - 3  # clear of the arrowhead
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


def _box(box: _Box, geo: _Geometry, style: _Style) -> str:
    left, middle = geo.lefts[box.lane], geo.lefts[box.lane] + geo.box_w // 2
    role = box.item.step.role
    top = box.top if style.lanes else box.top + ROLE_LINE
    role_lines = wrap(role, (geo.box_w - 16) / ROLE_FONT)
    named = "" if style.lanes else (
        f'<text class="shuniu-flow__box-role" x="{middle}" y="{box.top + PAD_Y + ROLE_FONT - 1}" text-anchor="middle" '
        f'font-size="{ROLE_FONT}" fill="{STROKE}">{esc(role_lines[0] + ("…" if len(role_lines) > 1 else ""))}</text>'
    )
    texts = "".join(
        f'<text x="{middle}" y="{top + PAD_Y + FONT + index * LINE - 1}" text-anchor="middle" '
        f'fill="#212121">{esc(line)}</text>'
        for index, line in enumerate(box.lines)
    )
    stroke = f'stroke="{ACCENT}" stroke-width="{2.5 if box.item.is_end else 1.5}"'
    title = f"{box.item.label} · {role}"
    return (
        f'<a href="#{esc(box.item.step.anchor)}" class="shuniu-flow__step"><title>{esc(title)}</title>'
        f'<rect x="{left}" y="{box.top}" width="{geo.box_w}" height="{box.height}" rx="6" fill="#ffffff" {stroke}/>'
        f"{named}{texts}</a>"
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


def render_diagram(flow: tuple[FlowStep, ...], title: str, narrow: bool = False) -> str:
    """The whole diagram as one ``<div>`` holding an ``<svg>`` (well-formed XML); ``narrow``
    draws it in one column for phones."""
    if not flow:
        return ""
    style = NARROW if narrow else WIDE
    lanes = roles(tuple(item.step for item in flow))
    head_lines = [wrap(name, (BOX_W + GUTTER - 12) / HEAD_FONT) for name in lanes] if style.lanes else []
    head = _head_height(head_lines) if head_lines else 0
    boxes = _boxes(flow, lanes, head + GAP_Y, style)
    edges = _edges(boxes)
    geo = _Geometry(_gutter_widths(edges, len(lanes) if style.lanes else 1), style.box_w)
    height = boxes[-1].bottom + GAP_Y
    arrows = "".join(f'<path d="{_path(edge, geo)}" class="shuniu-flow__arrow"/>' for edge in edges)
    arrows += "".join(_condition(edge, geo) for edge in edges)
    heads = _lane_heads(geo, head_lines, height) if head_lines else []
    body = "".join(heads + _terminals(boxes, geo))
    steps = "".join(_box(box, geo, style) for box in boxes)
    marker_id, title_id = f"shuniu-flow-arrow{style.suffix}", f"shuniu-flow-title{style.suffix}"
    marker = (
        f'<defs><marker id="{marker_id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        f'orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="{STROKE}"/></marker></defs>'
    )
    kind = "narrow" if narrow else "wide"
    # An inline <style> applies to the whole page: each drawing's rules name its own class, so
    # the arrows of one never point at the marker of the other (hidden, so not drawn).
    style_sheet = (
        ".shuniu-flow__arrow,.shuniu-flow__line{fill:none;stroke:" + STROKE + ";stroke-width:1.5}"
        f".shuniu-flow__svg--{kind} .shuniu-flow__arrow{{marker-end:url(#{marker_id})}}"
    )
    # The wide drawing may shrink to three quarters before it scrolls; the narrow one fits a phone.
    min_width = f' style="min-width:{geo.width * 3 // 4}px"' if style.lanes else ""
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="shuniu-flow__svg shuniu-flow__svg--{kind}" '
        f'width="{geo.width}" height="{height}" '
        f'viewBox="0 0 {geo.width} {height}"{min_width} font-size="{FONT}" '
        f'role="group" aria-labelledby="{title_id}">'
        f'<title id="{title_id}">{esc(title)}</title>{marker}<style>{style_sheet}</style>{body}{arrows}{steps}</svg>'
    )
    # The boxes repeat the step titles the guide already has: keep them out of the search index.
    return f'<div class="shuniu-flow shuniu-flow--{kind}" data-search-exclude>{svg}</div>'
