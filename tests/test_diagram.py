"""The flow diagram: golden SVG, well-formed XML, every step linked, and no arrow through a box."""

import re
import xml.etree.ElementTree as ET

import pytest

from shuniu.check import check_root
from shuniu.procedures.diagram import render_diagram
from shuniu.procedures.flow import flow_steps
from shuniu.procedures.wrap import text_width, wrap
from tests.conftest import PROJECT, write
from tests.test_procedure_render import FIXTURE, assert_golden

SVG = "{http://www.w3.org/2000/svg}"


def diagram_of(page, narrow=False):
    html = render_diagram(flow_steps(page.steps), f"{page.meta.title}流程图", narrow=narrow)
    match = re.fullmatch(r'<div class="shuniu-flow shuniu-flow--(?:wide|narrow)" data-search-exclude>(<svg .*</svg>)</div>',
                         html, re.S)
    assert match, html[:200]
    return match.group(1)


@pytest.fixture(scope="module")
def fixture_page(tmp_path_factory):
    root = tmp_path_factory.mktemp("diagram")
    write(root, "docs/procedures/liucheng.md", FIXTURE)
    content, problems = check_root(root)
    assert not problems
    return content.page("procedures/liucheng.md")


def project_procedures():
    content, _ = check_root(PROJECT)
    return [p for p in content.pages if p.steps]


def test_golden_svg(fixture_page):
    assert_golden("flow.svg", diagram_of(fixture_page) + "\n")


def test_svg_is_well_formed_and_links_every_step(fixture_page):
    svg = ET.fromstring(diagram_of(fixture_page))
    assert svg.tag == f"{SVG}svg"
    assert svg.find(f"{SVG}title").text == "发文「审核」& 签发流程图"
    links = {a.get("href"): a for a in svg.iter(f"{SVG}a")}
    assert list(links) == [f"#step-{s.id}" for s in fixture_page.steps]
    for step in fixture_page.steps:
        link = links[f"#step-{step.id}"]
        shown = "".join(text.text for text in link.iter(f"{SVG}text"))
        assert step.title.replace(" ", "") in shown.replace(" ", "")
        assert step.title in link.find(f"{SVG}title").text


def test_lanes_are_roles_in_the_order_they_first_act(fixture_page):
    svg = ET.fromstring(diagram_of(fixture_page))
    roles = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "shuniu-flow__role"]
    assert roles == ["承办科室", "办公室（秘书科）", "机关负责人"]


def boxes_and_arrows(svg_text):
    svg = ET.fromstring(svg_text)
    boxes = [
        tuple(int(float(r.get(k))) for k in ("x", "y", "width", "height"))
        for a in svg.iter(f"{SVG}a") for r in a.iter(f"{SVG}rect")
    ]
    arrows = [p.get("d") for p in svg.iter(f"{SVG}path") if p.get("class") == "shuniu-flow__arrow"]
    return boxes, arrows


def segments(d):
    """The straight pieces of an orthogonal path written as M x y, V y, H x."""
    x = y = 0
    result = []
    for command, values in re.findall(r"([MVH])([-\d. ]+)", d):
        numbers = [float(v) for v in values.split()]
        if command == "M":
            x, y = numbers
            continue
        nx, ny = (x, numbers[0]) if command == "V" else (numbers[0], y)
        result.append((x, y, nx, ny))
        x, y = nx, ny
    return result


def crosses(segment, box):
    """Whether a horizontal or vertical piece of an arrow runs through the inside of a box."""
    (x1, y1, x2, y2), (left, top, width, height) = segment, box
    xs, ys = sorted((x1, x2)), sorted((y1, y2))
    return xs[0] < left + width and xs[1] > left and ys[0] < top + height and ys[1] > top


def assert_clean_layout(svg_text):
    boxes, arrows = boxes_and_arrows(svg_text)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = a[0] + a[2] <= b[0] or b[0] + b[2] <= a[0] or a[1] + a[3] <= b[1] or b[1] + b[3] <= a[1]
            assert apart, f"boxes overlap: {a} {b}"
    for d in arrows:
        for segment in segments(d):
            for box in boxes:
                assert not crosses(segment, box), f"arrow {d} crosses box {box}"


def test_no_arrow_crosses_a_box(fixture_page):
    assert_clean_layout(diagram_of(fixture_page))


def test_a_loop_goes_back_up_along_a_gutter(fixture_page):
    boxes, arrows = boxes_and_arrows(diagram_of(fixture_page))
    revise, review = boxes[2], boxes[1]
    loop = [d for d in arrows if d.startswith(f"M{revise[0] + revise[2] // 2} {revise[1] + revise[3]}V")]
    ends = [segments(d)[-1] for d in loop]
    assert [(x2, y2) for _, _, x2, y2 in ends] == [(review[0] + review[2] // 2, review[1] - 1)]


@pytest.mark.parametrize("narrow", [False, True], ids=["wide", "narrow"])
@pytest.mark.parametrize("page", project_procedures(), ids=lambda p: p.src)
def test_every_procedure_in_the_project_draws_cleanly(page, narrow):
    svg_text = diagram_of(page, narrow)
    svg = ET.fromstring(svg_text)
    assert [a.get("href") for a in svg.iter(f"{SVG}a")] == [f"#step-{s.id}" for s in page.steps]
    assert_clean_layout(svg_text)


@pytest.mark.parametrize("page", project_procedures(), ids=lambda p: p.src)
def test_the_phone_drawing_fits_a_small_screen_and_names_each_role(page):
    """One column no wider than a 360 px phone's content area, every box naming its role."""
    svg = ET.fromstring(diagram_of(page, narrow=True))
    assert int(svg.get("width")) <= 328 and svg.get("style") is None
    for link, step in zip(svg.iter(f"{SVG}a"), page.steps, strict=True):
        role = next(t for t in link.iter(f"{SVG}text") if t.get("class") == "shuniu-flow__box-role").text
        assert step.role.startswith(role.rstrip("…"))


def test_conditions_label_the_decisions_arrows(fixture_page):
    svg = ET.fromstring(diagram_of(fixture_page))
    labels = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "shuniu-flow__when"]
    assert sorted(labels) == ["不予签发", "签发"]


def test_diagram_scales_but_keeps_text_readable(fixture_page):
    svg = ET.fromstring(diagram_of(fixture_page))
    width = int(svg.get("width"))
    assert svg.get("viewBox") == f"0 0 {width} {svg.get('height')}"
    assert svg.get("style") == f"min-width:{width * 3 // 4}px"


@pytest.mark.parametrize(("text", "width", "lines"), [
    ("签收", 8, ["签收"]),
    ("办公室审核把关并提出修改意见", 8, ["办公室审核把关并", "提出修改意见"]),
    ("核对来文机关、份数和封装情况", 7, ["核对来文机关、", "份数和封装情况"]),  # 、 may hang, never starts a line
    ("审核审核审核审《条例》", 8, ["审核审核审核审", "《条例》"]),  # 《 never ends a line
    ("Sign for receipt", 8, ["Sign for", "receipt"]),
    ("Internationalisation", 6, ["Internatio", "nalisation"]),  # a word wider than the box is cut
    ("", 8, [""]),
])
def test_wrap(text, width, lines):
    assert wrap(text, width) == lines


def test_wrapped_lines_fit_the_box():
    text = "对收到的公文逐件清点，核对来文机关、份数和封装情况，核对无误后签字或盖章"
    assert all(text_width(line) <= 9 for line in wrap(text, 8))
