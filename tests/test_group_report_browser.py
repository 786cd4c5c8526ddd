"""成绩汇总 in Chromium, over http and from file://: two members sit the same shared exam link and
download their results; the leader drops both and a tampered copy on the page and sees the figures
`shuniu results report` gives for the same files, the refusal, the charts and the downloads."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from shuniu.quiz.report import build_report, render_csv
from tests.conftest import PROJECT
from tests.test_results_report import sign

pytestmark = pytest.mark.browser
SHARED = "exam.html?bank=gongwen-jichu&n=4&seed=leader-2026&minutes=20&pass=60"  # the link a leader shares


def sit(browser, base: str, name: str, pick: int, folder: Path) -> Path:
    """A member opens the shared link in a browser of their own, answers and downloads the result file."""
    context = browser.new_context(locale="zh-CN", accept_downloads=True)
    page = context.new_page()
    page.goto(f"{base}/quizzes/{SHARED}")
    page.get_by_role("button", name="开始考试").click()
    for box in page.locator(".shuniu-paper fieldset.shuniu-q").all():
        options = box.locator("label.shuniu-opt")
        if options.count():
            options.nth(min(pick, options.count() - 1)).click()
        for field in box.locator("input[type=text]").all():
            field.fill("公文")
    page.get_by_role("button", name="交卷").click()
    if page.get_by_role("button", name="确定交卷").count():
        page.get_by_role("button", name="确定交卷").click()
    path = save_result_file(page, folder, name)
    context.close()
    return path


def save_result_file(page, folder, name):
    """After handing in: fill in the member's name and group, download the result file into ``folder``."""
    page.get_by_label("姓名").fill(name)
    page.get_by_label("小组").fill("秘书科")
    with page.expect_download() as info:
        page.get_by_role("button", name="下载成绩文件").click()
    path = folder / f"{name}.json"
    info.value.save_as(path)
    return path


def drop_on_report(page, base: str, files: list[Path]):
    page.goto(f"{base}/quizzes/group-report.html")
    page.wait_for_selector("#shuniu-group-report:not([aria-busy])")
    page.get_by_label("选择成绩文件（可多选），或把文件拖到这里：").set_input_files([str(f) for f in files])
    page.wait_for_selector(".shuniu-summary")


def member_rows(page) -> list[list[str]]:
    table = page.locator("h2:has-text('成员成绩') ~ table").first
    return table.locator("tbody tr").evaluate_all("rows => rows.map(r => [...r.cells].map(c => c.textContent))")


@pytest.mark.parametrize("over", ["http", "file"])
def test_leader_sees_the_cli_report_of_two_members_and_a_refused_file(browser, site_url, built_site, tmp_path, over):
    base = site_url if over == "http" else built_site.as_uri()
    members = [sit(browser, base, "张三", 0, tmp_path), sit(browser, base, "李四", 1, tmp_path)]
    tampered = tmp_path / "tampered.json"
    data = json.loads(members[0].read_text(encoding="utf-8"))
    data["score"].update(percent=100, passed=True)
    tampered.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    older = tmp_path / "older.json"  # a sitting on an earlier version of the bank
    data = json.loads(members[1].read_text(encoding="utf-8"))
    data["learner"]["name"] = "王五"
    data["exam"]["banks"][0]["hash"] = "0000000000000000"
    older.write_text(json.dumps(sign(data), ensure_ascii=False), encoding="utf-8")
    files = [*members, tampered, older]
    cli = build_report(files, PROJECT)
    assert len(cli.results) == 3 and len(cli.skipped) == 1
    assert [cli.outdated(r) for r in cli.results] == [[], [], ["gongwen-jichu"]]  # 张三, 李四, 王五

    context = browser.new_context(locale="zh-CN", accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    drop_on_report(page, base, files)
    rows = member_rows(page)
    assert [(r[0], r[4], r[5], r[7]) for r in rows] == [
        (r.name, str(r.percent), "是" if r.passed else "否", "题库已更新：gongwen-jichu" if cli.outdated(r) else "")
        for r in cli.results]
    refused = page.locator(".shuniu-refused li").all_inner_texts()
    assert refused == ["tampered.json：checksum does not match: the file was changed after the exam"]
    assert page.locator("svg.shuniu-chart").count() == 2
    bars = page.locator("svg.shuniu-chart").first.locator("rect")
    assert bars.count() == 3
    questions = page.locator("h2:has-text('各题正确率') ~ table").first.locator("tbody tr td:first-child").all_inner_texts()
    assert questions == [s.id for s in cli.questions]

    with page.expect_download() as info:
        page.get_by_role("button", name="下载 CSV").click()
    shown = info.value.path().read_bytes().decode("utf-8-sig")
    names = [r.file.rsplit("/", 1)[-1] for r in cli.results]
    expected = render_csv(cli.results)
    for result, name in zip(cli.results, names, strict=True):
        expected = expected.replace(result.file, name)  # the page knows a file by its name, the CLI by its path
    assert shown == expected
    with page.expect_download() as info:
        page.get_by_role("button", name="下载 Excel（xlsx）").click()
    assert info.value.suggested_filename == "report.xlsx"
    info.value.save_as(tmp_path / "report.xlsx")
    book = openpyxl.load_workbook(tmp_path / "report.xlsx")
    assert book.sheetnames == ["成员成绩", "各题正确率", "各题型得分", "各标签得分"]
    sheet = list(book["成员成绩"].iter_rows(values_only=True))
    table = list(csv.reader(io.StringIO(shown)))  # the CSV was compared with the CLI's above
    assert len(sheet) == len(table) == 4
    for cells, texts in zip(sheet, table, strict=True):  # numbers as numbers, text as text
        same = [c == float(t) if isinstance(c, int | float) else c == t for c, t in zip(cells, texts, strict=True)]
        assert same == [True] * len(texts)
        assert isinstance(cells[4], str) == (cells is sheet[0])

    page.emulate_media(media="print")
    assert not page.locator(".shuniu-drop").is_visible() and page.locator("svg.shuniu-chart").first.is_visible()
    assert errors == []
    context.close()


def test_the_page_works_in_english_with_the_keyboard_and_on_a_phone(browser, site_url, tmp_path):
    context = browser.new_context(locale="en-GB", viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}/en/quizzes/group-report.html")
    page.wait_for_selector("#shuniu-group-report:not([aria-busy])")
    assert page.locator(".shuniu-note").inner_text() == "No usable result file yet."
    page.keyboard.press("Tab")
    for _ in range(60):  # the file picker is reached with Tab alone
        if page.evaluate("document.activeElement.id") == "shuniu-group-files":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "shuniu-group-files"
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    page.get_by_label("Choose result files").set_input_files(str(broken))
    page.wait_for_selector(".shuniu-refused")
    assert page.locator(".shuniu-refused li").inner_text().startswith("broken.json：not valid JSON:")
    # No sideways scrolling on a phone, once the header's transitions (the search closing) are over.
    page.wait_for_function("document.documentElement.scrollWidth <= 375", timeout=3000)
    context.close()
