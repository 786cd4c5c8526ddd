"""Learners' local data in Chromium, on the real project's site: a restore that would wipe data is
refused until the learner confirms numbers, undo brings the data back, merge keeps both sides,
damaged or wrong-typed stored data never blanks a page, and the 错题本 stays truthful after a bank edit."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import serve, write
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Every Shuniu key the page stored (Material keeps its own keys with "__" in them).
STORAGE = ("Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('shuniu')).sort()"
           ".map(k => [k, localStorage.getItem(k)]))")
EMPTY = {"version": 2, "learner": {"name": "", "group": ""}, "settings": {"toLeave": 2}, "practice": {}, "wrong": {},
         "exams": [], "current": None}


def wrong_entry(day: str, given: object = "A", asked: object = None) -> dict[str, object]:
    return {"box": 0, "due": day, "given": given, "wrongs": 1, "added": day, "asked": asked}


LOCAL = {
    "shuniu.quiz": json.dumps({**EMPTY, "learner": {"name": "王五", "group": "一组"},
                               "practice": {f"q{n}": {"n": 2, "r": 1} for n in range(30)},
                               "wrong": {"q1": wrong_entry("2026-11-20")}}, ensure_ascii=False),
    "shuniu.checklist.v1": json.dumps({"version": 1, "procedures": {"p": {"current": "r1", "runs": [
        {"id": "r1", "name": "第 1 次", "created": "2026-11-01T00:00:00Z", "ticks": {"i1": "2026-11-02T00:00:00Z"}}]}}}),
}  # 30 practice records + 1 wrong answer + 1 tick = 32


def backup_file(tmp_path: Path, data: dict[str, str], name: str = "backup.json") -> Path:
    return write(tmp_path, name, json.dumps({"format": "shuniu-backup", "version": 1, "data": data}, ensure_ascii=False))


def open_page(page, url: str) -> list[str]:
    """Open a quiz page, wait for the player; returns the list that collects script errors."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.wait_for_selector(".shuniu-quiz:not([aria-busy])")
    return errors


def seed(page, site_url: str, data: dict[str, str]) -> None:
    open_page(page, f"{site_url}/quizzes/progress.html")
    page.evaluate("data => { localStorage.clear(); Object.entries(data).forEach(([k, v]) => localStorage.setItem(k, v)); }", data)
    page.reload()
    page.wait_for_selector(".shuniu-quiz:not([aria-busy])")


def choose(page, path: Path, button: str) -> None:
    page.locator("input[type=file]").set_input_files(str(path))
    page.get_by_role("button", name=button, exact=True).click()


def test_an_empty_backup_is_refused_until_the_numbers_are_confirmed_and_undo_brings_everything_back(page, site_url, tmp_path):
    seed(page, site_url, LOCAL)
    empty = backup_file(tmp_path, {})
    choose(page, empty, "恢复备份")
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_contain_text("将用备份中的 0 条记录替换现有 32 条。确定吗？")
    dialog.get_by_role("button", name="取消").click()
    assert page.evaluate(STORAGE) == LOCAL
    choose(page, empty, "恢复备份")
    page.get_by_role("button", name="确定替换").click()
    page.wait_for_selector("text=已从备份恢复全部数据。")
    assert list(page.evaluate(STORAGE)) == ["shuniu.undo"]
    assert page.get_by_label("姓名").input_value() == ""
    page.get_by_role("button", name="撤销").click()
    page.wait_for_selector("text=已撤销，数据已回到之前的样子。")
    assert page.evaluate(STORAGE) == LOCAL
    assert page.get_by_label("姓名").input_value() == "王五"


def test_a_wrongly_typed_backup_is_refused_naming_what_is_wrong(page, site_url, tmp_path):
    seed(page, site_url, LOCAL)
    choose(page, backup_file(tmp_path, {"shuniu.quiz": json.dumps({"version": 1, "practice": "x"})}), "恢复备份")
    expect(page.get_by_role("alert")).to_have_text("备份文件有误，未做任何更改：shuniu.quiz 的 practice 应为对象")
    choose(page, backup_file(tmp_path, {"shuniu.quiz": json.dumps({"version": 1, "practice": "x"})}), "合并备份")
    expect(page.get_by_role("alert")).to_contain_text("practice 应为对象")
    assert page.evaluate(STORAGE) == LOCAL


def test_merge_keeps_both_sides_and_can_be_undone(page, site_url, tmp_path):
    seed(page, site_url, LOCAL)
    theirs = {"shuniu.quiz": json.dumps({**EMPTY, "practice": {"other": {"n": 1, "r": 1}},
                                         "wrong": {"q9": wrong_entry("2026-11-25", "B")}})}
    choose(page, backup_file(tmp_path, theirs), "合并备份")
    page.wait_for_selector("text=已合并备份。")
    quiz = json.loads(page.evaluate(STORAGE)["shuniu.quiz"])
    assert len(quiz["practice"]) == 31 and sorted(quiz["wrong"]) == ["q1", "q9"]
    assert quiz["learner"]["name"] == "王五"
    assert page.evaluate(STORAGE)["shuniu.checklist.v1"] == LOCAL["shuniu.checklist.v1"]
    page.get_by_role("button", name="撤销").click()
    page.wait_for_selector("text=已撤销")
    assert page.evaluate(STORAGE) == LOCAL


WRONG_TYPES = json.dumps({"version": 2, "learner": "x", "practice": "x", "wrong": [1], "exams": {"a": 1},
                          "current": 5, "settings": None})


@pytest.mark.parametrize("stored", [WRONG_TYPES, "{not json", "[]", json.dumps({"version": 1, "practice": "x"})])
@pytest.mark.parametrize("view", ["progress", "wrongbook", "practice", "exam"])
def test_damaged_stored_data_never_blanks_a_page(page, site_url, stored, view):
    seed(page, site_url, {"shuniu.quiz": stored})
    errors = open_page(page, f"{site_url}/quizzes/{view}.html")
    assert errors == []
    assert page.locator(".shuniu-quiz").inner_text().strip()
    assert "shuniu.quiz.damaged" in page.evaluate(STORAGE)
    assert page.evaluate(STORAGE)["shuniu.quiz.damaged"] == stored
    if view == "progress":
        assert "null" not in page.locator(".shuniu-quiz").inner_text()
        expect(page.get_by_role("button", name="恢复备份")).to_be_visible()
        expect(page.get_by_role("alert").first).to_contain_text("部分本地数据已损坏")


def test_the_restore_control_works_when_the_banks_cannot_be_loaded(page, site_url, tmp_path):
    page.route("**/assets/shuniu/quiz/index.json", lambda route: route.abort())
    open_page(page, f"{site_url}/quizzes/progress.html")
    expect(page.get_by_role("alert").first).to_contain_text("无法加载题库数据")
    choose(page, backup_file(tmp_path, LOCAL), "恢复备份")
    page.wait_for_selector("text=已从备份恢复全部数据。")
    assert {k: v for k, v in page.evaluate(STORAGE).items() if k != "shuniu.undo"} == LOCAL


@pytest.fixture
def edited_site(built_site: Path, tmp_path: Path) -> Iterator[tuple[str, Path, dict[str, object]]]:
    """A copy of the built site, served; yields (url, data file of a bank that opens with a single-choice
    question, that question)."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    index = json.loads((site / "assets/shuniu/quiz/index.json").read_text(encoding="utf-8"))
    banks = [(site / entry["url"], json.loads((site / entry["url"]).read_text(encoding="utf-8"))) for entry in index["banks"]]
    bank_file, bank = next((path, bank) for path, bank in banks if bank["questions"][0]["type"] == "single")
    with serve(site) as url:
        yield url, bank_file, bank["questions"][0]


def edit_question(bank_file: Path, question_id: str, change) -> None:
    """Change one question in the published data (the JSON file and its file:// script twin)."""
    bank = json.loads(bank_file.read_text(encoding="utf-8"))
    for question in bank["questions"]:
        if question["id"] == question_id:
            change(question)
    bank_file.write_text(json.dumps(bank, ensure_ascii=False), encoding="utf-8")
    bank_file.with_suffix(".js").unlink()  # not used over http; a stale twin must not pass for the edit


def test_the_wrongbook_shows_the_real_answer_after_the_options_are_reordered(page, edited_site):
    url, bank_file, question = edited_site
    options = dict(question["options"])
    wrong_key = next(key for key in options if key != question["answer"])
    open_page(page, f"{url}/quizzes/practice.html?bank={bank_file.stem}")
    assert page.locator("fieldset.shuniu-q").get_attribute("data-id") == question["id"]
    page.locator(f"fieldset.shuniu-q label.shuniu-opt[data-key='{wrong_key}']").click()
    page.get_by_role("button", name="提交答案").click()
    expect(page.locator(".shuniu-verdict")).to_have_text("✗ 回答错误")

    def reverse(q: dict) -> None:  # same options and key, other letters
        texts = [text for _, text in q["options"]][::-1]
        letters = [key for key, _ in q["options"]]
        q["answer"] = letters[texts.index(options[q["answer"]])]
        q["options"] = [[key, text] for key, text in zip(letters, texts, strict=True)]

    edit_question(bank_file, question["id"], reverse)
    page.route("**/*", lambda route: route.continue_())  # routing turns the HTTP cache off: the edited bank is read
    open_page(page, f"{url}/quizzes/wrongbook.html")
    item = page.locator(f".shuniu-wrong[data-id='{question['id']}']")
    new_key = [key for key, _ in question["options"]][::-1][[key for key, _ in question["options"]].index(wrong_key)]
    expect(item).to_contain_text("此题已修改")
    expect(item).to_contain_text(f"上次的错误答案：{new_key}. {options[wrong_key]}")


def test_an_old_letters_only_record_that_is_right_now_says_the_question_changed(page, edited_site):
    url, bank_file, question = edited_site
    old = {**EMPTY, "wrong": {question["id"]: wrong_entry("2026-11-20", question["answer"])}}
    seed(page, url, {"shuniu.quiz": json.dumps({**old, "version": 1})})
    open_page(page, f"{url}/quizzes/wrongbook.html")
    item = page.locator(f".shuniu-wrong[data-id='{question['id']}']")
    expect(item).to_contain_text("此题已修改")
    expect(item).to_contain_text(f"上次的错误答案：{question['answer']}（旧记录只存了字母）")
    right = f"{question['answer']}. {dict(question['options'])[question['answer']]}"
    expect(item.locator("p", has_text="上次的错误答案")).not_to_contain_text(right)


def test_an_old_answer_that_no_longer_fits_its_question_is_still_shown(page, site_url, built_site):
    index = json.loads((built_site / "assets/shuniu/quiz/index.json").read_text(encoding="utf-8"))
    banks = [json.loads((built_site / entry["url"]).read_text(encoding="utf-8")) for entry in index["banks"]]
    questions = [question for bank in banks for question in bank["questions"]]
    fill = next(q for q in questions if q["type"] == "fill")
    seed(page, site_url, {"shuniu.quiz": json.dumps({**EMPTY, "wrong": {fill["id"]: wrong_entry("2026-11-20", "A")}})})
    errors = open_page(page, f"{site_url}/quizzes/wrongbook.html")
    assert errors == []
    expect(page.locator(f".shuniu-wrong[data-id='{fill['id']}']")).to_contain_text('上次的错误答案："A"')


def test_english_pages_refuse_and_confirm_in_english(page, site_url, tmp_path):
    seed(page, site_url, LOCAL)
    open_page(page, f"{site_url}/en/quizzes/progress.html")
    choose(page, backup_file(tmp_path, {"shuniu.quiz": json.dumps({"version": 1, "practice": "x"})}), "Restore backup")
    expect(page.get_by_role("alert")).to_have_text(
        "The backup file is wrong; nothing was changed: practice in shuniu.quiz must be an object")
    choose(page, backup_file(tmp_path, {}, "empty.json"), "Restore backup")
    expect(page.get_by_role("alertdialog")).to_contain_text("Replace the 32 records here with the 0 in the backup")
    assert page.evaluate(STORAGE) == LOCAL
