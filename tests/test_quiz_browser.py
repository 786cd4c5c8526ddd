"""The quiz player in Chromium, against a copy of the project with one small test bank of our own.

Practice feedback, exams with a fixed seed, the result file (checksum, `shuniu results report`),
the 错题本 and its schedule, reloads, backup/restore, escaping, the timer and outside requests.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import PROJECT, copy_project, mkdocs_build, serve, write
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

XSS = "<img src=x onerror=alert(1)>"
BANK = f"""id: fe-test
title: 前端测试题库
description: 浏览器测试用的小题库。
tags: [测试]
pass_mark: 80
questions:
  - id: fe-01
    type: single
    stem: "{XSS} 哪一项是正确的？"
    options:
      A: 错误的说法
      B: 正确的说法
      C: 另一个错误的说法
    answer: B
    explanation: 解析一：B 是正确的说法。
    source: policies/yinzhang-guanli.md#目的
    tags: [甲]
  - id: fe-02
    type: multiple
    stem: 哪些选项是对的？
    options:
      A: 对的一
      B: 错的
      C: 对的二
      D: 也错
    answer: [A, C]
    explanation: 解析二：A 和 C。
    source: policies/yinzhang-guanli.md#目的
    tags: [乙]
  - id: fe-03
    type: truefalse
    stem: 这是一道判断题，答案为正确。
    answer: true
    explanation: 解析三。
    source: policies/yinzhang-guanli.md#目的
  - id: fe-04
    type: fill
    stem: 第一空____，第二空____。
    answer: [[公文处理, 公文], [二十四, "24"]]
    explanation: 解析四。
    source: policies/yinzhang-guanli.md#目的
  - id: fe-05
    type: short
    stem: 简述用印审批的要求。
    answer: 先审批，后登记，再用印。
    explanation: 解析五。
    source: policies/yinzhang-guanli.md#目的
"""
RIGHT = {"fe-01": "B", "fe-02": ["A", "C"], "fe-03": True, "fe-04": ["公文处理", "24"]}
# Every key the page stored except Material's own (its palette choice, "/.__palette").
STORAGE = ("Object.fromEntries(Object.keys(localStorage).filter(k => !k.includes('__')).sort()"
           ".map(k => [k, localStorage.getItem(k)]))")


@pytest.fixture(scope="module")
def quiz_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with the test bank added, built once for this module."""
    root = copy_project(tmp_path_factory.mktemp("quiz-root"))
    write(root, "quizzes/fe-test.yml", BANK)
    site = root / "site"
    result = mkdocs_build(root, site)
    assert result.returncode == 0, result.stderr[-4000:]
    return site


@pytest.fixture(scope="module")
def quiz_url(quiz_site: Path) -> Iterator[str]:
    with serve(quiz_site) as url:
        yield f"{url}/quizzes"


def visit(page, url):
    """Open a quiz page and wait until the player has drawn its view."""
    page.goto(url)
    page.wait_for_selector(".shuniu-quiz:not([aria-busy])")


def answer(page, question_id, given):
    """Answer one question on screen the way a person would (click labels, type into blanks)."""
    box = page.locator(f"fieldset.shuniu-q[data-id='{question_id}']")
    if isinstance(given, bool):
        box.locator("label.shuniu-opt", has_text="正确" if given else "错误").click()
    elif isinstance(given, str):
        box.locator(f"label.shuniu-opt[data-key='{given}']").click()
    elif question_id == "fe-04":
        for field, text in zip(box.locator("input[type=text]").all(), given, strict=True):
            field.fill(text)
    else:
        for key in given:
            box.locator(f"label.shuniu-opt[data-key='{key}']").click()


def start_exam(page, quiz_url, query):
    visit(page, f"{quiz_url}/exam.html?bank=fe-test&{query}")
    page.get_by_role("button", name="开始考试").click()
    page.wait_for_selector(".shuniu-timer")
    return page.locator(".shuniu-paper fieldset.shuniu-q").evaluate_all("boxes => boxes.map(b => b.dataset.id)")


def test_practice_shows_feedback_explanation_and_source(page, quiz_url):
    visit(page, f"{quiz_url}/practice.html?bank=fe-test")
    assert page.locator(".shuniu-counter").inner_text() == "第 1 / 5 题"
    answer(page, "fe-01", "A")
    page.get_by_role("button", name="提交答案").click()
    feedback = page.locator(".shuniu-feedback")
    assert feedback.locator(".shuniu-verdict").inner_text() == "✗ 回答错误"
    assert "正确答案：B. 正确的说法" in feedback.inner_text()
    assert "解析：解析一：B 是正确的说法。" in feedback.inner_text()
    link = feedback.locator(".shuniu-source a")
    assert link.inner_text() == "印章管理"  # the source page's title
    assert urlparse(link.evaluate("a => a.href")).path.endswith("/policies/yinzhang-guanli.html")
    assert link.evaluate("a => decodeURIComponent(a.hash)") == "#目的"
    assert page.locator("label.is-right").inner_text().startswith("B")
    page.get_by_role("button", name="下一题").click()
    answer(page, "fe-02", ["A"])
    page.get_by_role("button", name="提交答案").click()
    assert page.locator(".shuniu-verdict").inner_text().startswith("◐ 部分正确：得本题 50% 的分数")


def test_practice_with_the_keyboard_alone(page, quiz_url):
    visit(page, f"{quiz_url}/practice.html?bank=fe-test")
    page.locator("fieldset.shuniu-q input[value='A']").focus()
    page.keyboard.press("ArrowDown")  # radio group: moves to and selects B
    page.keyboard.press("Enter")
    assert page.locator(".shuniu-verdict").inner_text() == "✓ 回答正确"
    assert page.evaluate("document.activeElement.textContent") == "下一题"
    page.keyboard.press("Enter")
    assert page.locator(".shuniu-counter").inner_text() == "第 2 / 5 题"
    assert page.evaluate("document.activeElement.value") == "A"  # focus moved on to the new question


def test_fill_answers_are_normalised_and_short_answers_self_graded(page, quiz_url):
    visit(page, f"{quiz_url}/practice.html?bank=fe-test")
    for _ in range(3):
        page.locator("label.shuniu-opt").first.click()
        page.get_by_role("button", name="提交答案").click()
        page.get_by_role("button", name="下一题").click()
    answer(page, "fe-04", [" 公文 处理。", "２４"])
    page.keyboard.press("Enter")
    assert page.locator(".shuniu-verdict").inner_text() == "✓ 回答正确"
    page.get_by_role("button", name="下一题").click()
    page.locator("fieldset[data-id='fe-05'] textarea").fill("不知道")
    page.get_by_role("button", name="查看参考答案").click()
    assert "参考答案：先审批，后登记，再用印。" in page.locator(".shuniu-after").inner_text()
    page.get_by_role("button", name="没会").click()
    assert page.locator(".shuniu-verdict").inner_text() == "已标记：没会（已加入错题本）"
    page.get_by_role("button", name="完成").click()
    assert page.locator(".shuniu-note").inner_text() == "本轮完成：答对 2 / 5 题。"  # the true/false one and the fill
    visit(page, f"{quiz_url}/wrongbook.html")
    ids = page.locator(".shuniu-wrong").evaluate_all("items => items.map(i => i.dataset.id)")
    assert sorted(ids) == ["fe-01", "fe-02", "fe-05"]  # partial credit (fe-02) counts as wrong
    short = page.locator(".shuniu-wrong[data-id='fe-05']").inner_text()
    assert "上次的错误答案：不知道" in short and "参考答案：先审批，后登记，再用印。" in short


def test_exam_with_a_fixed_seed_scores_and_downloads_a_valid_result_file(page, quiz_url, tmp_path):
    paper = start_exam(page, quiz_url, "n=4&seed=2026&minutes=5&pass=80")
    assert sorted(paper) == ["fe-01", "fe-02", "fe-03", "fe-04"]
    someone_else = page.context.browser.new_context()
    assert start_exam(someone_else.new_page(), quiz_url, "n=4&seed=2026&minutes=5&pass=80") == paper  # same paper
    someone_else.close()
    assert page.locator(".shuniu-timer").inner_text().startswith("剩余时间 0")
    for question_id in paper:
        answer(page, question_id, ["A"] if question_id == "fe-02" else RIGHT[question_id])
    page.get_by_role("button", name="交卷").click()
    # fe-02 is a multiple choice: 2 points by default, half of them earned
    assert page.locator(".shuniu-score").inner_text() == "得分 80%（4 / 5 分），及格线 80%：通过"
    expect(page.locator(".shuniu-reviewed")).to_have_count(4)
    page.get_by_role("button", name="下载成绩文件").click()
    assert page.locator(".shuniu-download .shuniu-note").inner_text() == "请先填写姓名。"
    page.get_by_label("姓名").fill("张三")
    page.get_by_label("小组").fill("秘书科")
    with page.expect_download() as info:
        page.get_by_role("button", name="下载成绩文件").click()
    assert info.value.suggested_filename == "shuniu-result-2026-张三.json"
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    rest = {key: value for key, value in data.items() if key != "checksum"}
    canonical = json.dumps(rest, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert data["checksum"] == hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    assert data["learner"] == {"name": "张三", "group": "秘书科"}
    assert data["exam"]["seed"] == "2026" and data["exam"]["count"] == 4 and data["exam"]["pass_mark"] == 80
    assert [bank["id"] for bank in data["exam"]["banks"]] == ["fe-test"]
    assert data["version"] == 2 and data["score"] == {"points": 400, "max": 500, "percent": 80, "passed": True}
    assert {a["id"]: (a["given"], a["points"], a["max"]) for a in data["answers"]} == {
        "fe-01": ("B", 100, 100), "fe-02": (["A"], 100, 200), "fe-03": (True, 100, 100), "fe-04": (["公文处理", "24"], 100, 100)}
    report = subprocess.run([str(PROJECT / ".venv/bin/shuniu"), "results", "report", str(path), "-o", str(tmp_path / "report")],
                            capture_output=True, text=True, check=False, cwd=PROJECT)
    assert report.returncode == 0, report.stderr
    assert "(1 result(s), 0 left out)" in report.stdout


def test_exam_asks_before_handing_in_with_unanswered_questions(page, quiz_url):
    paper = start_exam(page, quiz_url, "n=4&seed=7")
    answer(page, paper[0], RIGHT[paper[0]])
    page.get_by_role("button", name="交卷").click()
    assert page.get_by_role("alertdialog").inner_text().startswith("还有 3 题未作答，确定交卷吗？")
    page.get_by_role("button", name="继续答题").click()
    expect(page.get_by_role("alertdialog")).to_have_count(0)
    page.get_by_role("button", name="交卷").click()
    page.get_by_role("button", name="确定交卷").click()
    assert page.locator(".shuniu-score").inner_text() == "得分 20%（1 / 5 分），及格线 80%：未通过"
    assert page.locator(".shuniu-reviewed").nth(1).locator(".shuniu-feedback").inner_text().count("你的答案：（未作答）") == 1


def test_an_exam_in_progress_survives_a_reload(page, quiz_url):
    paper = start_exam(page, quiz_url, "n=3&seed=abc&minutes=10")
    answer(page, paper[0], RIGHT[paper[0]])
    page.reload()
    page.wait_for_selector(".shuniu-quiz:not([aria-busy])")
    page.wait_for_selector(".shuniu-timer")
    assert page.locator(".shuniu-paper fieldset.shuniu-q").evaluate_all("b => b.map(x => x.dataset.id)") == paper
    shown = page.locator(f"fieldset[data-id='{paper[0]}']").evaluate(
        "box => [...box.querySelectorAll('input')].filter(i => i.checked || i.type === 'text').map(i => i.value)")
    expected = RIGHT[paper[0]]
    assert shown == (["true"] if expected is True else [expected] if isinstance(expected, str) else expected)
    assert page.locator(".shuniu-timer__time").inner_text() <= "10:00"


def test_exam_hands_itself_in_when_time_runs_out(page, quiz_url):
    page.clock.install()
    paper = start_exam(page, quiz_url, "n=2&seed=9&minutes=1")
    # The installed clock runs at real speed until paused: stop it a moment from now, so that a
    # slow machine cannot make the countdown below one second shorter than asserted.
    page.clock.pause_at(datetime.datetime.fromtimestamp(page.evaluate("Date.now()") / 1000 + 0.5))
    answer(page, paper[0], RIGHT[paper[0]])
    shown = page.locator(".shuniu-timer__time").inner_text()
    left = int(shown[:2]) * 60 + int(shown[3:])
    assert 55 <= left <= 60, shown  # a one-minute paper, a few seconds after it began
    page.clock.fast_forward(30_000)
    assert page.locator(".shuniu-timer__time").inner_text() == f"00:{left - 30:02d}"
    page.clock.fast_forward((left - 30 + 1) * 1000)
    page.wait_for_selector(".shuniu-score")
    assert "时间到，已自动交卷。" in page.locator(".shuniu-quiz").inner_text()
    record = page.evaluate("JSON.parse(localStorage.getItem('shuniu.quiz')).exams[0]")
    assert record["auto_submitted"] is True
    assert record["score"]["points"] == 100


def test_wrong_answers_enter_the_book_and_leave_it_after_two_right_reviews(page, quiz_url):
    page.clock.install(time=datetime.datetime(2026, 11, 29, 9, 0))
    paper = start_exam(page, quiz_url, "n=4&seed=1")
    answer(page, "fe-03", False)
    page.get_by_role("button", name="交卷").click()
    page.get_by_role("button", name="确定交卷").click()
    visit(page, f"{quiz_url}/wrongbook.html")
    expect(page.get_by_role("link", name="复习到期题目（4）")).to_have_count(1)
    assert "上次的错误答案：错误" in page.locator(".shuniu-wrong[data-id='fe-03']").inner_text()
    page.reload()  # nothing is lost on a reload
    expect(page.locator(".shuniu-wrong")).to_have_count(len(paper))
    visit(page, f"{quiz_url}/practice.html?review=due")
    assert page.locator(".shuniu-counter").inner_text() == "第 1 / 4 题"
    for _ in range(4):
        question_id = page.locator("fieldset.shuniu-q").get_attribute("data-id")
        answer(page, question_id, RIGHT[question_id])
        page.keyboard.press("Enter") if question_id == "fe-04" else page.get_by_role("button", name="提交答案").click()
        page.locator(".shuniu-after button").click()
    visit(page, f"{quiz_url}/wrongbook.html")
    assert page.locator(".shuniu-wrong").first.inner_text().endswith("下次复习：2026-11-30")
    expect(page.get_by_role("link", name="复习到期题目（0）")).to_have_count(1)
    page.clock.set_system_time(datetime.datetime(2026, 11, 30, 9, 0))
    visit(page, f"{quiz_url}/progress.html")
    assert page.locator(".shuniu-due strong").inner_text() == "今日到期：4 题"
    visit(page, f"{quiz_url}/practice.html?review=due")
    question_id = page.locator("fieldset.shuniu-q").get_attribute("data-id")
    answer(page, question_id, RIGHT[question_id])
    page.locator("form.shuniu-practice-form button[type=submit]").click()
    visit(page, f"{quiz_url}/wrongbook.html")
    assert question_id not in page.locator(".shuniu-wrong").evaluate_all("items => items.map(i => i.dataset.id)")
    expect(page.locator(".shuniu-wrong")).to_have_count(3)


def test_content_is_shown_as_text_never_as_html(page, quiz_url):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    visit(page, f"{quiz_url}/practice.html?bank=fe-test")
    assert page.locator(".shuniu-q__stem").inner_text() == f"{XSS} 哪一项是正确的？"
    answer(page, "fe-01", "A")
    page.get_by_role("button", name="提交答案").click()
    visit(page, f"{quiz_url}/wrongbook.html")
    assert page.locator(".shuniu-wrong .shuniu-q__stem").inner_text() == f"{XSS} 哪一项是正确的？"
    assert page.locator(".shuniu-quiz img").count() == 0
    assert dialogs == []


def test_backup_clear_and_restore_give_back_the_same_bytes(page, quiz_url, tmp_path):
    visit(page, f"{quiz_url}/practice.html?bank=fe-test")
    answer(page, "fe-01", "C")
    page.get_by_role("button", name="提交答案").click()
    page.evaluate("localStorage.setItem('shuniu.checklist.demo', '{\"a\": [1, 2]}'); localStorage.setItem('other', 'x')")
    visit(page, f"{quiz_url}/progress.html")
    page.get_by_label("姓名").fill("王五")
    page.get_by_role("button", name="保存").click()
    before = page.evaluate(STORAGE)
    assert set(before) == {"other", "shuniu.checklist.demo", "shuniu.quiz"}
    with page.expect_download() as info:
        page.get_by_role("button", name="下载备份").click()
    backup = tmp_path / "backup.json"
    info.value.save_as(backup)
    page.get_by_role("button", name="清除本地数据").click()
    page.get_by_role("button", name="确定清除").click()
    page.wait_for_selector("text=已清除本地数据。")
    assert page.evaluate(STORAGE) == {"other": "x"}
    assert page.get_by_label("姓名").input_value() == ""
    page.locator("input[type=file]").set_input_files(str(backup))
    page.get_by_role("button", name="恢复备份").click()
    page.wait_for_selector("text=已从备份恢复全部数据。")
    restored = page.evaluate(STORAGE)
    assert json.loads(restored.pop("shuniu.undo"))["data"] == {}  # the (empty) data before, for undo
    assert restored == before
    assert page.get_by_label("姓名").input_value() == "王五"
    bad = write(tmp_path, "bad.json", '{"format": "something-else"}')
    page.locator("input[type=file]").set_input_files(str(bad))
    page.get_by_role("button", name="恢复备份").click()
    assert page.get_by_role("alert").inner_text() == "这不是枢纽的备份文件。"
    assert page.evaluate(STORAGE) == restored | {"shuniu.undo": page.evaluate("localStorage.getItem('shuniu.undo')")}


def test_version_0_data_is_migrated_in_the_browser(page, quiz_url):
    visit(page, f"{quiz_url}/progress.html")
    page.evaluate("""() => {
      localStorage.setItem('shuniu-quiz-name', '李四');
      localStorage.setItem('shuniu-quiz-group', '第一组');
      localStorage.setItem('shuniu-quiz-stats', JSON.stringify({'fe-01': [4, 3], 'gone': [1, 1]}));
      localStorage.setItem('shuniu-quiz-wrong', JSON.stringify({'fe-02': {'given': ['B'], 'date': '2026-01-01'}}));
    }""")
    page.reload()
    page.wait_for_selector(".shuniu-quiz:not([aria-busy])")
    assert page.get_by_label("姓名").input_value() == "李四"
    assert page.locator(".shuniu-due strong").inner_text() == "今日到期：1 题"
    row = page.locator("tr", has_text="前端测试题库").inner_text().split("\t")
    assert row[1:] == ["1 / 5", "4", "75%"]
    stored = page.evaluate(STORAGE)
    assert list(stored) == ["shuniu.quiz"]
    assert json.loads(stored["shuniu.quiz"])["practice"]["gone"] == {"n": 1, "r": 1}  # kept, only hidden


def test_english_pages_speak_english_and_link_the_english_source(page, quiz_url):
    visit(page, f"{quiz_url.removesuffix('/quizzes')}/en/quizzes/practice.html?bank=fe-test")
    answer(page, "fe-01", "B")
    page.get_by_role("button", name="Submit").click()
    assert page.locator(".shuniu-verdict").inner_text() == "✓ Right"
    href = page.locator(".shuniu-source a").evaluate("a => a.href")
    assert urlparse(href).path.endswith("/en/policies/yinzhang-guanli.html")


@pytest.mark.parametrize("path", ["practice.html?bank=fe-test", "exam.html", "wrongbook.html", "progress.html"])
def test_quiz_pages_load_nothing_from_other_hosts(page, quiz_url, path):
    own = urlparse(quiz_url).netloc
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto(f"{quiz_url}/{path}", wait_until="networkidle")
    assert page.locator(".shuniu-quiz .shuniu-note--error").count() == 0
    assert any(url.endswith("/assets/shuniu/quiz/fe-test.json") for url in seen)
    assert [url for url in seen if urlparse(url).netloc != own] == []


def test_practice_and_exams_work_opened_from_disk(page, quiz_site):
    """Opened as files (file://, no web server): the player and the bank data load as classic scripts."""
    seen, errors = [], []
    page.on("request", lambda request: seen.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    on_disk = (quiz_site / "quizzes").as_uri()
    visit(page, f"{on_disk}/practice.html?bank=fe-test")
    answer(page, "fe-01", "A")
    page.get_by_role("button", name="提交答案").click()
    feedback = page.locator(".shuniu-feedback")
    assert feedback.locator(".shuniu-verdict").inner_text() == "✗ 回答错误"
    assert "解析：解析一：B 是正确的说法。" in feedback.inner_text()
    assert feedback.locator(".shuniu-source a").evaluate("a => a.href").startswith((quiz_site / "policies").as_uri())
    visit(page, f"{on_disk}/wrongbook.html")  # kept in the browser's local data for file:// pages
    assert page.locator(".shuniu-wrong").evaluate_all("items => items.map(i => i.dataset.id)") == ["fe-01"]
    paper = start_exam(page, on_disk, "n=4&seed=2026&pass=80")
    for question_id in paper:
        answer(page, question_id, RIGHT[question_id])
    page.get_by_role("button", name="交卷").click()
    assert page.locator(".shuniu-score").inner_text() == "得分 100%（5 / 5 分），及格线 80%：通过"
    assert any(url.endswith("/assets/shuniu/quiz/fe-test.js") for url in seen)
    assert [url for url in seen if not url.startswith(("file://", "data:", "blob:", "about:"))] == []
    assert errors == []


def test_a_data_file_missing_on_disk_is_explained(page, quiz_site, tmp_path):
    site = shutil.copytree(quiz_site, tmp_path / "site")
    (site / "assets/shuniu/quiz/fe-test.js").unlink()
    visit(page, f"{(site / 'quizzes').as_uri()}/practice.html?bank=fe-test")
    assert page.get_by_role("alert").inner_text() == (
        "无法读取题库数据文件。直接从磁盘打开网站时，请确认整个网站文件夹完整（包括 assets 文件夹）。")


def test_player_pages_say_what_is_missing_when_scripts_are_off(browser, quiz_url):
    context = browser.new_context(java_script_enabled=False, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{quiz_url}/practice.html?bank=fe-test")
    assert page.locator("#shuniu-practice").inner_text() == "正在加载题库……如果一直没有显示，请确认浏览器已启用 JavaScript。"
    context.close()
