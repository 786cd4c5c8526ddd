"""A folder too large for one menu is shown under its pages' subjects (issue #17): each page's
menu stays bounded as the handbook grows, and every page is still reached from the menus."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from bench.corpus import generate
from shuniu.render.menu_groups import MENU_LIMIT, menu_groups
from tests.conftest import mkdocs_build

LABEL = re.compile(r'<span class="md-ellipsis">\s*(.+?)\s*</span>', re.S)
SUBJECTS = ["公文处理", "会议组织", "值班"]
LINK = re.compile(r'<a href="([^"#]+)" class="md-nav__link')


def test_a_folder_that_fits_one_menu_is_not_grouped() -> None:
    entries = [(f"p{i}", "公文") for i in range(MENU_LIMIT)]
    assert menu_groups(entries, lambda e: e[1], "zh") is None


def test_pages_are_grouped_by_subject_in_pinyin_order_with_the_untagged_last() -> None:
    entries = [(f"p{i}", ["值班", "档案", "", "公文"][i % 4]) for i in range(40)]
    groups = menu_groups(entries, lambda e: e[1], "zh", limit=30)
    assert [label for label, _ in groups] == ["档案", "公文", "值班", "其他"]
    order = ["档案", "公文", "值班", ""]
    assert [e for _, members in groups for e in members] == sorted(entries, key=lambda e: (order.index(e[1]), int(e[0][1:])))
    english = menu_groups(entries, lambda e: e[1], "en", limit=30)
    assert english[-1][0] == "Other"


def test_a_subject_still_too_long_is_cut_into_numbered_parts_in_reading_order() -> None:
    entries = [f"p{i}" for i in range(8)]
    groups = menu_groups(entries, lambda e: "保密" if e in ("p6", "p7") else "会议", "zh", limit=3)
    assert groups == [("保密", ["p6", "p7"]), ("会议（1）", ["p0", "p1", "p2"]), ("会议（2）", ["p3", "p4", "p5"])]
    assert [label for label, _ in menu_groups(entries, lambda e: "Meetings", "en", limit=5)] == ["Meetings (1)", "Meetings (2)"]


def test_single_page_subjects_and_the_smallest_past_the_limit_join_the_others() -> None:
    subjects = ["档案"] * 5 + ["公文"] * 4 + ["会议"] * 3 + ["印章"] * 2 + ["值班"]
    entries = list(enumerate(subjects))
    groups = menu_groups(entries, lambda e: e[1], "zh", limit=4)
    assert [label for label, _ in groups] == ["档案（1）", "档案（2）", "公文", "会议", "其他"]
    assert [e[1] for e in groups[-1][1]] == ["印章", "印章", "值班"]


def test_a_folder_with_no_subjects_is_cut_into_numbered_runs() -> None:
    groups = menu_groups(list(range(7)), lambda e: "", "zh", limit=3)
    assert groups == [("1–3", [0, 1, 2]), ("4–6", [3, 4, 5]), ("7–7", [6])]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("menus") / "project"
    generate(root, 120, 300)  # about 36 procedures in one folder: more than one menu holds
    # Three subjects among them, and one procedure alone in its subject (so shown under 其他).
    procedures = sorted(p for p in (root / "docs" / "procedures").glob("*.md")
                        if p.stem != "index" and not p.name.endswith(".en.md"))
    for number, chinese in enumerate(procedures[:-1]):
        for path in (chinese, chinese.with_name(f"{chinese.stem}.en.md")):  # a translation keeps the subject
            if path.exists():
                text = path.read_text(encoding="utf-8")
                path.write_text(re.sub(r"^tags:\n- .+$", f"tags:\n- {SUBJECTS[number % 3]}", text, count=1,
                                       flags=re.M), encoding="utf-8")
    site = root / "site"
    result = mkdocs_build(root, site)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    return root, site


def _menu(page: str) -> str:
    """The site menu of a built page (the primary sidebar, before the table of contents)."""
    start = page.index('class="md-nav md-nav--primary')
    return page[start:page.index("md-sidebar--secondary", start)]


def _procedures(root: Path) -> list[str]:
    return sorted(p.stem for p in (root / "docs" / "procedures").glob("*.md")
                  if p.stem != "index" and not p.name.endswith(".en.md"))


def _subject(root: Path, name: str) -> str:
    text = (root / "docs" / "procedures" / f"{name}.md").read_text(encoding="utf-8")
    return re.search(r"^tags:\n- (.+)$", text, re.M).group(1)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_large_folders_menu_shows_subjects_and_only_the_readers_own_group(site, lang: str) -> None:
    root, built = site
    names = _procedures(root)
    assert len(names) > MENU_LIMIT
    subjects_of = {name for name in names if _subject(root, name) in SUBJECTS}
    folder = built / ("en/procedures" if lang == "en" else "procedures")
    reached: set[str] = set()
    for name in names:
        page = (folder / f"{name}.html").read_text(encoding="utf-8")
        menu = _menu(page)
        labels = {html.unescape(label) for label in LABEL.findall(menu)}
        if lang == "zh":
            assert set(SUBJECTS) | {"其他"} <= labels, name  # every subject is offered
        shown = {href.rsplit("/", 1)[-1].removesuffix(".html") for href in LINK.findall(menu)} & set(names)
        own = _subject(root, name)
        own_group = {other for other in names if _subject(root, other) == own or own not in SUBJECTS and other
                     not in subjects_of}
        # Besides the reader's own group, a closed group shows one link: to its first page.
        assert len(shown - own_group) <= len(SUBJECTS), name
        reached |= shown | {name}
    assert reached == set(names)  # each page sits in a group some menu opens


def test_the_footer_still_walks_every_page_of_the_folder(site) -> None:
    root, built = site
    names = _procedures(root)
    seen, page = [], "index"
    for _ in range(len(names) + 2):
        text = (built / "procedures" / f"{page}.html").read_text(encoding="utf-8")
        following = re.search(r'<a href="([^"]+)" class="md-footer__link md-footer__link--next"', text)
        if following is None or "procedures/" not in (Path("procedures") / following.group(1)).as_posix():
            break
        page = following.group(1).rsplit("/", 1)[-1].removesuffix(".html")
        if page not in names:
            break
        seen.append(page)
    assert sorted(seen) == names
