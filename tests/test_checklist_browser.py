"""Procedure pages and checklists in a real browser: guide, diagram, roles, saved ticks, runs, print."""

import json
import re

import pytest

from tests.test_site_browser import outside_requests

pytestmark = pytest.mark.browser

PROCEDURE = "procedures/shouwen-banli.html"
CHECKLIST = "procedures/checklists/shouwen-banli.html"
KEY = "shuniu.checklist.v1"


@pytest.mark.parametrize("path", [
    CHECKLIST, "en/" + CHECKLIST, "procedures/checklists/index.html", "en/procedures/checklists/index.html",
])
def test_no_requests_to_other_hosts(page, site_url, path):
    assert outside_requests(page, f"{site_url}/{path}") == []


def headings(page):
    return page.locator("article h2").evaluate_all("hs => hs.map(h => h.id)")


def test_procedure_page_shows_guide_diagram_and_roles(page, site_url):
    page.goto(f"{site_url}/{PROCEDURE}")
    order = headings(page)
    assert order[:6] == ["适用范围", "steps", "flow", "roles", "basis", "注意事项"]
    steps = page.locator(".shuniu-step")
    assert steps.count() == 8
    assert steps.nth(0).locator("summary").inner_text().split() == ["签收", "收发人员"]
    assert page.locator("#step-chengban .shuniu-step__num").inner_text() == "4b"
    assert page.locator("#step-tuihui .shuniu-step__num").inner_text() == "4a"
    assert page.locator("#step-chengban dd").first.inner_text() == "3 初审：符合规定"
    assert page.locator("#step-qianshou dd").first.inner_text() == "收发人员"
    diagram = page.locator(".shuniu-flow--wide svg")
    assert diagram.is_visible()
    assert diagram.locator("a").count() == 8
    page.locator(".shuniu-flow--wide a[href='#step-chengban']").click()
    assert page.url.endswith("#step-chengban")
    assert page.locator("#step-chengban summary").is_visible()
    roles = page.locator("#roles + table tr, #roles + div table tr").all_inner_texts()  # Material may wrap tables
    assert any(row.startswith("收发人员") and "1 签收" in row and "签收记录" in row for row in roles)


def test_english_procedure_page(page, site_url):
    page.goto(f"{site_url}/en/{PROCEDURE}")
    texts = page.locator("article h2").all_inner_texts()
    for heading in ("Steps", "Flow diagram", "Who does what", "Basis"):
        assert any(text.startswith(heading) for text in texts), texts
    assert page.locator("#step-chengban .shuniu-step__num").inner_text() == "4b"
    assert page.locator("#step-chushen .shuniu-step__next").inner_text() == (
        "Next (one of): Passes review → 4b Handle; Fails review → 4a Return")
    assert page.locator(".shuniu-flow--wide svg a").count() == 8


def test_the_procedure_page_links_to_its_checklist(page, site_url):
    page.goto(f"{site_url}/{PROCEDURE}")
    page.locator("a.shuniu-checklist-link").click()
    assert page.url == f"{site_url}/{CHECKLIST}"
    assert page.locator("h1").inner_text() == "收文办理 · 检查清单"


def boxes(page):
    return page.locator("input[data-item]")


def runs(page):
    return page.locator(".shuniu-cl-run").all_inner_texts()


def open_checklist(page, site_url, path=CHECKLIST):
    page.goto(f"{site_url}/{path}")
    page.wait_for_selector(".shuniu-cl-run")
    return boxes(page).count()


def test_ticks_survive_a_reload(page, site_url):
    total = open_checklist(page, site_url)
    boxes(page).nth(0).check()
    boxes(page).nth(5).check()
    page.reload()
    page.wait_for_selector(".shuniu-cl-run")
    assert [boxes(page).nth(i).is_checked() for i in range(7)] == [True, False, False, False, False, True, False]
    assert page.locator(".shuniu-cl-status").inner_text() == f"已完成 2/{total}"
    assert runs(page) == [f"第 1 次2/{total}"]
    assert page.locator("#step-qianshou .shuniu-cl-count").inner_text() == "1/4"


def test_runs_side_by_side_each_with_its_progress(page, site_url):
    total = open_checklist(page, site_url)
    boxes(page).nth(0).check()
    page.get_by_role("button", name="＋ 新建").click()
    assert not boxes(page).nth(0).is_checked()
    boxes(page).nth(2).check()
    boxes(page).nth(3).check()
    page.locator(".shuniu-cl-name").fill("周例会")
    assert runs(page) == [f"第 1 次1/{total}", f"周例会2/{total}"]
    page.locator(".shuniu-cl-run", has_text="第 1 次").click()
    assert [boxes(page).nth(i).is_checked() for i in range(4)] == [True, False, False, False]
    assert page.locator(".shuniu-cl-run[aria-pressed='true']").inner_text() == f"第 1 次1/{total}"
    page.reload()
    page.wait_for_selector(".shuniu-cl-run")
    assert runs(page) == [f"第 1 次1/{total}", f"周例会2/{total}"]


def test_reset_and_delete_a_run(page, site_url):
    total = open_checklist(page, site_url)
    boxes(page).nth(0).check()
    page.get_by_role("button", name="＋ 新建").click()
    boxes(page).nth(1).check()
    boxes(page).nth(2).check()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="重置").click()
    assert boxes(page).evaluate_all("bs => bs.filter(b => b.checked).length") == 0
    assert runs(page) == [f"第 1 次1/{total}", f"第 2 次0/{total}"]
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="删除").click()
    assert len(runs(page)) == 2
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="删除").click()
    assert runs(page) == [f"第 1 次1/{total}"]
    assert boxes(page).nth(0).is_checked()


def test_export_a_run_as_csv(page, site_url, tmp_path):
    open_checklist(page, site_url)
    boxes(page).nth(1).check()
    with page.expect_download() as download:
        page.get_by_role("button", name="导出 CSV").click()
    assert download.value.suggested_filename == "shouwen-banli-第_1_次.csv"
    path = tmp_path / "run.csv"
    download.value.save_as(path)
    text = path.read_bytes().decode("utf-8")
    assert text.startswith("\ufeff流程,收文办理\r\n记录,第 1 次\r\n")
    rows = text.splitlines()
    assert "步骤,检查项,完成,勾选时间,编号" in rows
    assert any(re.fullmatch(r"1 签收,检查封装完好，涉密件核对份号和密级标志,是,\d{4}-.*,qianshou\.fengzhuang", r) for r in rows)
    assert "1 签收,逐件清点，份数与送文单一致,否,,qianshou.qingdian" in rows


def test_saved_ticks_follow_item_ids_and_unknown_ones_are_kept_quietly(page, site_url):
    page.goto(f"{site_url}/{CHECKLIST}")
    second = boxes(page).nth(1).get_attribute("data-item")
    saved = {"version": 1, "procedures": {"shouwen-banli": {"current": "r1", "runs": [
        {"id": "r1", "name": "旧记录", "created": "2026-01-01T00:00:00Z",
         "ticks": {second: "2026-01-01T00:00:00Z", "qianshou.removed1": "2026-01-01T00:00:00Z"}},
    ]}}}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(saved)])
    total = open_checklist(page, site_url)
    assert [boxes(page).nth(i).is_checked() for i in range(3)] == [False, True, False]
    assert runs(page) == [f"旧记录1/{total}"]
    boxes(page).nth(0).check()
    first = boxes(page).nth(0).get_attribute("data-item")
    stored = json.loads(page.evaluate("key => localStorage.getItem(key)", KEY))
    assert set(stored["procedures"]["shouwen-banli"]["runs"][0]["ticks"]) == {first, second, "qianshou.removed1"}


def test_unreadable_saved_data_is_kept_aside(page, site_url):
    page.goto(f"{site_url}/{CHECKLIST}")
    page.evaluate("key => localStorage.setItem(key, '{broken')", KEY)
    open_checklist(page, site_url)
    boxes(page).nth(0).check()
    kept = page.evaluate("""key => Object.keys(localStorage).filter(k => k.startsWith(key + '.unreadable.'))
        .map(k => localStorage.getItem(k))""", KEY)
    assert kept == ["{broken"]


def test_print_view_is_a_paper_form(page, site_url):
    open_checklist(page, site_url)
    boxes(page).nth(0).check()
    blanks = page.locator(".shuniu-cl-sign")
    assert not blanks.get_by_text("经办人", exact=True).is_visible()
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".md-search", ".shuniu-cl-runs"):
        assert page.locator(chrome).first.is_hidden(), chrome
    for label in ("经办人", "日期", "签字"):
        assert blanks.get_by_text(label, exact=True).is_visible()
    assert boxes(page).nth(0).is_hidden()  # paper shows ☑ / ☐ marks instead of checkboxes
    marks = page.locator(".shuniu-cl-item .shuniu-cl-mark")
    assert marks.nth(0).inner_text() == "☑" and marks.nth(1).inner_text() == "☐"


def test_checklist_page_works_as_a_list_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/{CHECKLIST}")
    assert page.locator(".shuniu-cl-nojs").is_visible()
    assert page.locator(".shuniu-cl-runs").count() == 0
    boxes(page).nth(0).check()
    assert boxes(page).nth(0).is_checked()
    context.close()


def test_english_checklist(page, site_url):
    total = open_checklist(page, site_url, "en/" + CHECKLIST)
    assert page.locator("h1").inner_text() == "Handling Incoming Documents · Checklist"
    boxes(page).nth(0).check()
    assert page.locator(".shuniu-cl-status").inner_text() == f"1/{total} done"
    assert runs(page) == [f"Run 11/{total}"]


def test_checklist_index_lists_every_procedure(page, site_url, built_site):
    page.goto(f"{site_url}/procedures/checklists/index.html")
    links = page.locator("article table tbody tr td:first-child a")
    hrefs = links.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    built = sorted(p.name for p in (built_site / "procedures/checklists").glob("*.html") if p.name != "index.html")
    assert sorted(hrefs) == built
    links.filter(has_text="收文办理").click()
    assert page.url == f"{site_url}/{CHECKLIST}"


def test_checklist_opened_from_disk_keeps_ticks(page, built_site):
    """Opened as a file (no web server): the script still runs and ticks survive a reload."""
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto((built_site / CHECKLIST).as_uri())
    page.wait_for_selector(".shuniu-cl-run")
    boxes(page).nth(0).check()
    page.reload()
    page.wait_for_selector(".shuniu-cl-run")
    assert boxes(page).nth(0).is_checked()
    assert [url for url in seen if not url.startswith(("file://", "data:", "blob:", "about:"))] == []
