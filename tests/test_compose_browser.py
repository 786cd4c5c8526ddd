"""组卷 in Chromium, over http and from file://: a leader composes a paper and copies its link; two
members open it, see the same questions in the same order, sit it and download their results; the
leader drops both and a tampered file on 成绩汇总 and sees the figures `shuniu results report` gives.
The paper file the page downloads is read by shuniu/quiz/paper.py, which draws the same questions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shuniu.quiz.paper import composed_bank, read_paper
from shuniu.quiz.report import build_report, current_banks
from tests.conftest import PROJECT
from tests.test_group_report_browser import save_result_file

pytestmark = pytest.mark.browser
HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">季度测试'


def open_compose(page, base: str, query: str = "") -> None:
    page.goto(f"{base}/quizzes/compose.html{query}")
    page.wait_for_selector("#shuniu-compose:not([aria-busy])")


def compose(page, base: str) -> None:
    """The leader's choices: one bank, 3 单选 at 2 分 and 2 判断 at 1.5 分, 25 minutes, a fixed seed."""
    open_compose(page, base)
    page.get_by_label("试卷标题").fill(HOSTILE_TITLE)
    page.locator("fieldset").filter(has_text="题库").get_by_label("公文处理条例基础").check()
    page.get_by_label("单选题（题数）").fill("3")
    page.get_by_label("单选题（每题分值）").fill("2")
    page.get_by_label("判断题（题数）").fill("2")
    page.get_by_label("判断题（每题分值）").fill("1.5")
    page.get_by_label("时长（分钟）").fill("25")
    page.get_by_label("种子").fill("zu-2026")


def sit(browser, link: str, name: str, pick: int, folder: Path) -> tuple[list[str], Path]:
    """A member opens the link in a browser of their own, sits the paper and downloads the result."""
    context = browser.new_context(locale="zh-CN", accept_downloads=True)
    page = context.new_page()
    page.goto(link)
    page.wait_for_selector("#shuniu-compose:not([aria-busy])")
    assert "满分 9 分" in page.locator(".shuniu-help").first.inner_text()
    page.get_by_role("button", name="开始考试").click()
    stems = page.locator(".shuniu-paper .shuniu-q__stem").all_inner_texts()
    for box in page.locator(".shuniu-paper fieldset.shuniu-q").all():
        options = box.locator("label.shuniu-opt")
        options.nth(min(pick, options.count() - 1)).click()
    page.get_by_role("button", name="交卷").click()
    path = save_result_file(page, folder, name)
    context.close()
    return stems, path


@pytest.mark.parametrize("over", ["http", "file"])
def test_a_composed_paper_is_the_same_for_every_member_and_in_the_report(browser, site_url, built_site, tmp_path, over):
    base = site_url if over == "http" else built_site.as_uri()
    context = browser.new_context(locale="zh-CN", accept_downloads=True)
    leader = context.new_page()
    errors: list[str] = []
    leader.on("pageerror", lambda error: errors.append(str(error)))
    compose(leader, base)
    preview = leader.locator(".shuniu-preview li")
    assert preview.count() == 5
    assert [t.split("］")[0] for t in preview.all_inner_texts()] == ["［单选题 · 2 分"] * 3 + ["［判断题 · 1.5 分"] * 2
    assert leader.locator(".shuniu-compose-out h3").first.inner_text() == HOSTILE_TITLE  # text, never markup
    assert leader.evaluate("window.__pwned") is None
    stems = leader.locator(".shuniu-preview__stem").all_inner_texts()
    leader.get_by_role("button", name="复制链接").click()
    leader.get_by_text("已复制链接。").wait_for()
    link = leader.get_by_label("试卷链接").input_value()
    assert link.startswith(f"{base}/quizzes/compose.html?paper=")
    with leader.expect_download() as info:
        leader.get_by_role("button", name="下载试卷文件").click()
    paper_file = tmp_path / info.value.suggested_filename
    info.value.save_as(paper_file)
    paper = read_paper(paper_file)  # the Python side accepts the file and draws the same paper
    assert [q.stem for q in composed_bank(current_banks(PROJECT), paper).questions] == stems

    (zhang_stems, zhang), (li_stems, li) = (sit(browser, link, "张三", 0, tmp_path), sit(browser, link, "李四", 1, tmp_path))
    assert zhang_stems == li_stems == stems
    sat = json.loads(zhang.read_text(encoding="utf-8"))
    assert sat["exam"]["paper"] == paper.id and sat["score"]["max"] == 900
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps({**sat, "score": {**sat["score"], "percent": 100}}, ensure_ascii=False), encoding="utf-8")
    files = [zhang, li, tampered]
    cli = build_report(files, PROJECT)
    assert len(cli.results) == 2 and cli.papers() == [(f"组卷 {paper.id}", 2)]

    leader.goto(f"{base}/quizzes/group-report.html")
    leader.wait_for_selector("#shuniu-group-report:not([aria-busy])")
    leader.get_by_label("选择成绩文件（可多选），或把文件拖到这里：").set_input_files([str(f) for f in files])
    leader.wait_for_selector(".shuniu-summary")
    rows = leader.locator("h2:has-text('成员成绩') ~ table").first.locator("tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.cells].map(c => c.textContent))")
    assert [(r[0], r[2], r[3], r[4]) for r in rows] == [
        (r.name, f"zu-2026（组卷 {paper.id}）", f"{r.points / 100:g} / 9", str(r.percent)) for r in cli.results]
    assert leader.locator(".shuniu-refused li").all_inner_texts() == [
        "tampered.json：checksum does not match: the file was changed after the exam"]
    assert not leader.get_by_text("份不同的试卷").count()  # one paper: nothing merged
    assert errors == []
    context.close()


def test_a_changed_link_or_a_tampered_paper_file_is_refused_with_its_reasons(page, site_url, tmp_path):
    compose(page, site_url)
    link = page.get_by_label("试卷链接").input_value()
    page.goto(link.replace("single%3A3%3A200", "single%3A1%3A200"))
    page.wait_for_selector("#shuniu-compose:not([aria-busy])")
    alert = page.get_by_role("alert")
    assert "不是完整有效的试卷" in alert.inner_text()
    assert "'id' does not match the paper's contents" in alert.inner_text()
    assert not page.get_by_role("button", name="开始考试").count()
    hostile = tmp_path / "paper.json"
    hostile.write_text(json.dumps({"format": "shuniu-paper", "version": 1, "id": "<b>x</b>", "title": 5, "banks": [],
                                   "tags": "<script>", "types": {"essay": 1}, "minutes": 0.5, "pass_mark": 60,
                                   "seed": "1", "extra": "<script>alert(1)</script>"}), encoding="utf-8")
    open_compose(page, site_url)
    page.get_by_label("选择组长发来的试卷文件").set_input_files(str(hostile))
    page.locator(".shuniu-open li").first.wait_for()  # the file is read asynchronously
    items = page.locator(".shuniu-open li").all_inner_texts()
    assert items == ["unknown field 'extra'", "'title' must be text of at most 100 characters",
                     "'banks' must be a list of 1 to 50 banks", "'tags' must be a list of at most 100 tags",
                     "'types' has an unknown type 'essay' (types: single, multiple, truefalse, fill)",
                     "'minutes' must be a whole number from 1 to 600"]
    assert page.locator(".shuniu-open script, .shuniu-open b").count() == 0


def test_a_paper_file_opens_as_its_link(page, site_url, tmp_path):
    compose(page, site_url)
    link = page.get_by_label("试卷链接").input_value()
    with page.expect_download() as info:
        page.get_by_role("button", name="下载试卷文件").click()
    info.value.save_as(tmp_path / "paper.json")
    open_compose(page, site_url)
    page.get_by_label("选择组长发来的试卷文件").set_input_files(str(tmp_path / "paper.json"))
    page.wait_for_url("**paper=*")
    assert page.url == link
    page.wait_for_selector("#shuniu-compose:not([aria-busy])")
    assert page.get_by_role("button", name="开始考试").is_visible()


def test_composing_in_english_with_the_keyboard_on_a_phone(browser, site_url):
    context = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}/en/quizzes/compose.html")
    page.wait_for_selector("#shuniu-compose:not([aria-busy])")
    page.get_by_role("checkbox").first.focus()
    page.keyboard.press("Space")  # the first bank, chosen with the keyboard
    for _ in range(80):  # Tab reaches the number of single-choice questions
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('label')?.textContent") == "Single choice (questions)":
            break
    page.keyboard.type("2")
    assert page.locator(".shuniu-preview li").count() == 2
    assert "Paper id" in page.locator(".shuniu-compose-out .shuniu-help").first.inner_text()
    assert page.get_by_role("button", name="Copy link").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_a_composed_paper_in_progress_resumes_on_the_exam_page_with_its_questions_and_points(page, site_url):
    compose(page, site_url)
    stems = page.locator(".shuniu-preview__stem").all_inner_texts()
    page.goto(page.get_by_label("试卷链接").input_value())
    page.get_by_role("button", name="开始考试").click()
    page.locator(".shuniu-paper fieldset.shuniu-q").first.locator("label.shuniu-opt").first.click()
    page.goto(f"{site_url}/quizzes/exam.html")  # the exam page resumes the paper in progress
    page.wait_for_selector("#shuniu-exam:not([aria-busy])")
    assert page.locator(".shuniu-paper .shuniu-q__stem").all_inner_texts() == stems
    page.get_by_role("button", name="交卷").click()
    page.get_by_role("button", name="确定交卷").click()
    assert " / 9 分）" in page.locator(".shuniu-score").inner_text()  # the paper's points: 3 × 2 + 2 × 1.5
