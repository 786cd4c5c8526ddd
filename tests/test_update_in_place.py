"""An update in place keeps what learners saved: release N is served by nginx, a learner practises,
fills the 错题本 and ticks a checklist, then release N+1 (a bank edited, a question removed, a
procedure changed) replaces N in the same folder, as the deployment guide says to do it."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import copy_project, mkdocs_build
from nginx_server import running_nginx

pytestmark = [pytest.mark.browser, pytest.mark.build]

STORAGE = ("Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('shuniu')).sort()"
           ".map(k => [k, localStorage.getItem(k)]))")
CHECKLIST = "/procedures/checklists/yongyin-shenpi.html"


def next_release(root: Path) -> Path:
    """The project with a bank question edited, the bank's last question removed and a procedure changed."""
    bank = root / "quizzes" / "baomi.yml"
    text = bank.read_text(encoding="utf-8")
    text = text.replace("stem: 国家秘密的密级分为几级？", "stem: 按照保守国家秘密法，国家秘密的密级共分为几级？", 1)
    last = text.rindex("\n  - id: ")
    bank.write_text(text[:last] + "\n", encoding="utf-8")
    english = root / "quizzes" / "baomi.en.yml"  # its English version follows, as shuniu check requires
    text = english.read_text(encoding="utf-8")
    english.write_text(text[:text.rindex("\n  - id: ")] + "\n", encoding="utf-8")
    added_check = {"yongyin-shenpi.md": "需骑缝的材料已标明骑缝位置", "yongyin-shenpi.en.md": "Cross-page seal positions marked"}
    for name, text in added_check.items():
        procedure = root / "docs" / "procedures" / name
        steps = procedure.read_text(encoding="utf-8")
        check = re.search(r"^( +)- id: fenshu$", steps, flags=re.M)
        assert check, f"{name} no longer has the check this test adds a check after"
        added = f"{check.group(1)}- {{id: biaoming-qifeng, text: {text}}}\n"
        procedure.write_text(steps[:check.start()] + added + steps[check.start():], encoding="utf-8")
    site = root / "site"
    result = mkdocs_build(root, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


@pytest.fixture(scope="module")
def releases(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return built_site, next_release(copy_project(tmp_path_factory.mktemp("release-n1")))


@pytest.fixture(scope="module")
def served(releases: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    current = tmp_path_factory.mktemp("srv") / "current"
    shutil.copytree(releases[0], current)
    with running_nginx(tmp_path_factory.mktemp("nginx-update"), current) as url:
        yield url, current


def replace_in_place(current: Path, release: Path) -> None:
    """What an office does on an update: the folder's contents swapped, its address unchanged."""
    for child in current.iterdir():
        shutil.rmtree(child) if child.is_dir() else child.unlink()
    shutil.copytree(release, current, dirs_exist_ok=True)


def practise(page, url: str, count: int) -> list[str]:
    """Answer the first ``count`` questions of the 保密 bank with the first choice (or a guess)."""
    page.goto(f"{url}/quizzes/practice.html?bank=baomi")
    page.wait_for_selector(".shuniu-quiz:not([aria-busy]) fieldset.shuniu-q")
    answered = []
    for _ in range(count):
        box = page.locator("fieldset.shuniu-q").first
        answered.append(box.get_attribute("data-id"))
        if box.locator("input[type=text]").count():
            box.locator("input[type=text]").first.fill("不知道")
        else:
            box.locator("label.shuniu-opt").first.click()
        page.get_by_role("button", name="提交答案").click()
        page.get_by_role("button", name="下一题").click()
    return answered


def wrong_ids(page, url: str) -> list[str]:
    page.goto(f"{url}/quizzes/wrongbook.html")
    page.wait_for_selector(".shuniu-quiz:not([aria-busy])")
    return sorted(page.locator(".shuniu-wrong").evaluate_all("items => items.map(i => i.dataset.id)"))


def ticked(page, url: str) -> list[str]:
    page.goto(url + CHECKLIST)
    page.wait_for_selector("input[data-item]")
    return page.locator("input[data-item]:checked").evaluate_all("boxes => boxes.map(b => b.dataset.item)")


def test_an_update_in_place_keeps_practice_wrong_answers_and_ticks(served, releases, page) -> None:
    url, current = served
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    answered = practise(page, url, 3)
    assert answered[0] == "baomi-001"  # the question release N+1 rewords
    wrong = wrong_ids(page, url)
    assert "baomi-001" in wrong  # the first choice of question 1 is wrong
    page.goto(url + CHECKLIST)
    page.wait_for_selector("input[data-item]")
    page.locator("input[data-item]").nth(0).check()
    page.locator("input[data-item]").nth(1).check()
    ticks = ticked(page, url)
    before = page.evaluate(STORAGE)

    replace_in_place(current, releases[1])
    home = (current / "index.html").read_text(encoding="utf-8")
    assert re.search(r"quiz\.js\?v=[0-9a-f]+", home)

    assert wrong_ids(page, url) == wrong
    assert ticked(page, url) == ticks  # the new item is unticked, the old ticks stay
    assert page.locator("input[data-item]").count() == len(_items(releases[0])) + 1
    after = page.evaluate(STORAGE)
    for key, value in before.items():  # every record is still stored (migrated, never dropped)
        assert key in after
        for question in answered:
            assert (question in value) == (question in after[key]), (key, question)
    page.goto(f"{url}/quizzes/progress.html")
    page.wait_for_selector(".shuniu-quiz:not([aria-busy])")
    assert errors == []


def _items(site: Path) -> list[str]:
    html = (site / CHECKLIST.lstrip("/")).read_text(encoding="utf-8")
    return re.findall(r'data-item="([^"]+)"', html)


def test_the_bank_data_of_release_n1_is_what_learners_now_get(releases) -> None:
    data = json.loads((releases[1] / "assets" / "shuniu" / "quiz" / "baomi.json").read_text(encoding="utf-8"))
    questions = data["questions"] if isinstance(data, dict) else data
    assert any("按照保守国家秘密法" in json.dumps(q, ensure_ascii=False) for q in questions)
