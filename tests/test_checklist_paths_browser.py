"""Checklist runs in Chromium: the path taken counts, a printed run shows what was done, ticks
follow the procedure across languages, and the flow diagram fits a phone."""

import json
import re
import subprocess

import pytest

from shuniu.steps import check_item_id
from tests.test_checklist_browser import KEY, boxes, open_checklist, runs

pytestmark = pytest.mark.browser

SEAL = "procedures/checklists/yongyin-shenpi.html"


def status(page):
    return page.locator(".shuniu-cl-status").inner_text()


def tick_every_counted_item(page):
    counted = page.locator("input[data-item]:not([disabled])")
    for i in range(counted.count()):
        counted.nth(i).check()


def test_a_complete_approval_path_reads_100_percent(page, site_url):
    assert open_checklist(page, site_url, SEAL) == 21
    assert status(page) == "已完成 0/21"  # nothing chosen yet: every branch counts
    page.get_by_label("同意 → 4b 登记").check()
    assert status(page) == "已完成 0/19"
    refused = page.locator(".shuniu-cl-step[data-step='bupi']")
    assert refused.locator(".shuniu-cl-na").inner_text() == "不适用"
    assert refused.locator("input[data-item]").evaluate_all("bs => bs.every(b => b.disabled)")
    tick_every_counted_item(page)
    assert status(page) == "已完成 19/19"
    assert runs(page) == ["第 1 次19/19"]
    page.reload()
    page.wait_for_selector(".shuniu-cl-run")
    assert page.get_by_label("同意 → 4b 登记").is_checked() and status(page) == "已完成 19/19"
    page.locator(".shuniu-cl-step[data-step='shenpi']").get_by_label("未定").check()
    assert status(page) == "已完成 19/21" and refused.locator(".shuniu-cl-na").is_hidden()


def test_the_refusal_path_counts_its_own_items(page, site_url):
    open_checklist(page, site_url, SEAL)
    page.get_by_label("不同意 → 4a 不予用印").check()
    tick_every_counted_item(page)
    assert status(page) == "已完成 10/10"  # 申请 3 + 合同审核 2 (not decided) + 审批 3 + 不予用印 2
    assert page.locator(".shuniu-cl-step[data-step='dengji'] .shuniu-cl-na").is_visible()


def pdf_text(page, tmp_path):
    pdf = tmp_path / "printed.pdf"
    page.pdf(path=str(pdf), format="A4")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_a_printed_run_shows_its_ticks_name_handler_and_the_branch_not_taken(page, site_url, tmp_path):
    open_checklist(page, site_url, SEAL)
    page.get_by_label("同意 → 4b 登记").check()
    page.locator(".shuniu-cl-name").fill("合同用印 12-01")
    page.locator(".shuniu-cl-handler").fill("李明")
    boxes(page).nth(0).check()
    boxes(page).nth(1).check()
    text = pdf_text(page, tmp_path)
    lines = [line.strip() for line in text.splitlines()]
    assert "☑ 申请单各栏填写完整" in lines and "☑ 材料为定稿，内容完整、无空白处" in lines
    assert "☐ 份数与申请单一致" in lines
    assert sum(line.startswith("☑") for line in lines) == 3  # two items and the branch chosen
    assert re.search(r"记录：合同用印 12-01 · 开始 \d{4}-\d\d-\d\d \d\d:\d\d [+-]\d\d:\d\d", text)
    assert "经办人 李明" in text.replace("\n", " ")
    assert re.search(r"4a\s+不予用印\s+用印审批人\s+不适用", text)
    assert "— 注明不同意的理由" in lines
    for label in ("日期", "签字"):
        assert label in text
    for screen_only in ("导出 CSV", "打印空白表", "未定", "选定后只计"):
        assert screen_only not in text


def test_a_blank_form_can_still_be_printed(page, site_url):
    open_checklist(page, site_url, SEAL)
    page.get_by_label("同意 → 4b 登记").check()
    boxes(page).nth(0).check()
    # What window.print() would put on paper, taken while it runs (a headless browser prints nothing).
    page.evaluate("""() => { window.print = () => { window.printed = {
        marks: [...document.querySelectorAll('.shuniu-cl-mark')].map(m => m.textContent),
        na: [...document.querySelectorAll('.shuniu-cl-na')].filter(n => !n.hidden).length,
        info: getComputedStyle(document.querySelector('.shuniu-cl-printinfo')).display,
        blank: document.querySelector('.shuniu-checklist').classList.contains('shuniu-cl--blank') }; }; }""")
    page.get_by_role("button", name="打印空白表").click()
    printed = page.evaluate("window.printed")
    assert set(printed["marks"]) == {"☐"} and printed["na"] == 0 and printed["blank"]
    assert boxes(page).nth(0).is_checked() and status(page) == "已完成 1/19"  # the run is back on screen


@pytest.mark.parametrize(("zone", "offset"), [("Asia/Shanghai", "+08:00"), ("America/St_Johns", "-03:30")])
def test_csv_has_local_times_with_offset_and_marks_the_branch_not_taken(browser, site_url, tmp_path, zone, offset):
    context = browser.new_context(locale="zh-CN", timezone_id=zone)
    page = context.new_page()
    open_checklist(page, site_url, SEAL)
    page.get_by_label("同意 → 4b 登记").check()
    boxes(page).nth(0).check()
    with page.expect_download() as download:
        page.get_by_role("button", name="导出 CSV").click()
    path = tmp_path / "run.csv"
    download.value.save_as(path)
    rows = path.read_text(encoding="utf-8-sig").splitlines()
    context.close()
    stamp = r"\d{4}-\d\d-\d\d \d\d:\d\d " + re.escape(offset)
    assert re.fullmatch("导出时间," + stamp, rows[4])
    assert rows[5] == "进度,1/19" and rows[6] == "所走路径,同意 → 4b 登记"
    assert re.fullmatch(f"1 申请,申请单各栏填写完整,是,{stamp},shenqing\\.wanzheng", rows[9])
    assert "4a 不予用印,告知申请人,不适用,,bupi.gaozhi" in rows


def test_ticks_and_choices_follow_the_procedure_into_english(page, site_url):
    open_checklist(page, site_url, SEAL)
    page.get_by_label("同意 → 4b 登记").check()
    boxes(page).nth(2).check()
    zh_ids = boxes(page).evaluate_all("bs => bs.map(b => b.dataset.item)")
    open_checklist(page, site_url, "en/" + SEAL)
    assert boxes(page).evaluate_all("bs => bs.map(b => b.dataset.item)") == zh_ids
    assert boxes(page).nth(2).is_checked()
    assert page.get_by_label("Approved → 4b Register").is_checked()
    assert status(page) == "1/19 done"


def test_ticks_saved_under_old_text_ids_carry_over(page, site_url):
    """Saved before the checks had ids: one tick from the Chinese page, one from the English one."""
    page.goto(f"{site_url}/{SEAL}")
    old_zh = check_item_id("shenqing", "份数与申请单一致")
    old_en = check_item_id("yongyin", "The seal is locked away after use")
    saved = {"version": 1, "procedures": {"yongyin-shenpi": {"current": "r1", "runs": [
        {"id": "r1", "name": "旧记录", "created": "2026-01-01T00:00:00Z",
         "ticks": {old_zh: "2026-01-02T03:04:00Z", old_en: "2026-01-03T00:00:00Z", "gone.item": "2026-01-01T00:00:00Z"}},
    ]}}}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(saved)])
    open_checklist(page, site_url, SEAL)
    checked = boxes(page).evaluate_all("bs => bs.filter(b => b.checked).map(b => b.dataset.item)")
    assert checked == ["shenqing.fenshu", "yongyin.rugui"]
    stored = json.loads(page.evaluate("key => localStorage.getItem(key)", KEY))
    assert stored["procedures"]["yongyin-shenpi"]["runs"][0]["ticks"] == {
        "shenqing.fenshu": "2026-01-02T03:04:00Z", "yongyin.rugui": "2026-01-03T00:00:00Z",
        "gone.item": "2026-01-01T00:00:00Z",
    }


@pytest.mark.parametrize("procedure", ["yongyin-shenpi", "huiyi-zuzhi", "shemi-zaiti-guanli"])
def test_the_flow_diagram_fits_a_phone(browser, site_url, procedure, tmp_path):
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{site_url}/procedures/{procedure}.html")
    page.locator("#flow").scroll_into_view_if_needed()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # the page does not scroll sideways
    assert page.locator(".shuniu-flow--wide").is_hidden()
    drawing = page.locator(".shuniu-flow--narrow svg")
    box = drawing.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    first = drawing.locator("a").first
    first.scroll_into_view_if_needed()
    role = first.locator(".shuniu-flow__box-role")
    assert role.is_visible() and role.text_content()
    shot = page.screenshot(path=str(tmp_path / f"{procedure}-390.png"))
    assert shot[16:24] == (390).to_bytes(4, "big") + (844).to_bytes(4, "big")  # PNG size: nothing wider
    context.close()


def test_on_a_desktop_the_drawing_has_lanes_and_arrowheads(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}/procedures/yongyin-shenpi.html")
    assert page.locator(".shuniu-flow--narrow").is_hidden()
    wide = page.locator(".shuniu-flow--wide svg")
    texts = "ts => ts.map(t => t.textContent)"
    assert wide.locator(".shuniu-flow__role").evaluate_all(texts) == ["用印申请人", "合同审核人员", "用印审批人", "印章保管人员"]
    assert sorted(wide.locator(".shuniu-flow__when").evaluate_all(texts)) == sorted(
        ["合同协议", "其他材料", "审核通过", "需修改", "同意", "不同意", "退回修改"])
    marker = wide.locator(".shuniu-flow__arrow").first.evaluate("p => getComputedStyle(p).markerEnd")
    assert marker.endswith('#shuniu-flow-arrow")')  # its own marker, not the hidden phone drawing's
