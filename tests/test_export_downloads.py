"""Bank exports as site downloads: the files made, the on-disk cache, the links, the built site."""

from __future__ import annotations

import datetime
import shutil

import pytest

from shuniu.export import downloads
from shuniu.export.downloads import CACHE, bank_downloads, download_links
from shuniu.export.formats import FORMATS, Format
from shuniu.features import generate
from tests.conftest import PROJECT
from tests.export_sample import SAMPLE_BANK, sample_content

DAY = datetime.date(2026, 11, 29)
DEMO_FILES = ["quizzes/downloads/demo.gift.txt", "quizzes/downloads/demo.aiken.txt",
              "quizzes/downloads/demo.moodle.xml", "quizzes/downloads/demo.apkg", "quizzes/downloads/demo.docx",
              "quizzes/downloads/demo.csv", "quizzes/downloads/demo.xlsx"]


def test_each_bank_in_each_format_with_aiken_only_for_single_choice(tmp_path):
    content = sample_content(tmp_path)
    assert [item.src_uri for item in bank_downloads(content, "zh", DAY)] == DEMO_FILES
    no_single = SAMPLE_BANK.replace("type: single", "type: multiple").replace("answer: A\n", "answer: [A, B]\n")
    content = sample_content(tmp_path / "other", no_single)
    assert "quizzes/downloads/demo.aiken.txt" not in [item.src_uri for item in bank_downloads(content, "zh", DAY)]


def test_the_site_gets_the_files_once_for_both_languages(tmp_path):
    content = sample_content(tmp_path)
    zh = [item for item in generate(content, "zh", DAY) if item.src_uri.startswith("quizzes/downloads/")]
    en = [item for item in generate(content, "en", DAY) if item.src_uri.startswith("quizzes/downloads/")]
    assert sorted(item.src_uri for item in zh) == sorted(DEMO_FILES)
    assert [item.data for item in zh] == [item.data for item in en]


def test_unchanged_banks_are_read_from_the_cache(tmp_path, monkeypatch):
    first = {item.src_uri: item.data for item in bank_downloads(sample_content(tmp_path), "zh", DAY)}
    cache = tmp_path / CACHE
    assert len(list(cache.iterdir())) == 7

    def no_export(*args: object) -> None:
        raise AssertionError("exported although the cache holds the file")

    monkeypatch.setattr(Format, "make", no_export)
    again = {item.src_uri: item.data for item in bank_downloads(sample_content(tmp_path), "zh", DAY)}
    assert again == first


def test_a_changed_bank_is_exported_again_and_replaces_its_old_cache_entries(tmp_path):
    bank_downloads(sample_content(tmp_path), "zh", DAY)
    before = sorted(path.name for path in (tmp_path / CACHE).iterdir())
    changed = sample_content(tmp_path, SAMPLE_BANK.replace("专人专柜保管。", "专人专柜保管，双人管理。"))
    files = {item.src_uri: item.data for item in bank_downloads(changed, "zh", DAY)}
    after = sorted(path.name for path in (tmp_path / CACHE).iterdir())
    assert len(after) == 7 and not set(before) & set(after)
    assert "双人管理".encode() in files["quizzes/downloads/demo.gift.txt"]


def test_an_unwritable_cache_costs_time_not_the_build(tmp_path):
    content = sample_content(tmp_path)
    shutil.rmtree(tmp_path / ".cache", ignore_errors=True)  # the check's own scan cache
    (tmp_path / ".cache").write_text("not a folder", encoding="utf-8")
    assert [item.src_uri for item in bank_downloads(content, "zh", DAY)] == DEMO_FILES


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_format_gives_the_same_bytes_every_time(tmp_path, name):
    content = sample_content(tmp_path)
    bank = content.banks[0]
    moment = datetime.datetime(2026, 11, 29, 10, 0, tzinfo=datetime.UTC)
    assert FORMATS[name].make(content, [bank], moment).data == FORMATS[name].make(content, [bank], moment).data


def test_download_links_for_the_bank_page(tmp_path):
    bank = sample_content(tmp_path).banks[0]
    assert download_links(bank, "zh") == (
        '- <a href="downloads/demo.gift.txt" download>GIFT（导入 Moodle）</a>\n'
        '- <a href="downloads/demo.aiken.txt" download>Aiken（仅单选题）</a>\n'
        '- <a href="downloads/demo.moodle.xml" download>Moodle XML</a>\n'
        '- <a href="downloads/demo.apkg" download>Anki 卡组</a>：间隔复习\n'
        '- <a href="downloads/demo.docx" download>Word 试卷（附答案与解析）</a>：打印用\n'
        '- <a href="downloads/demo.csv" download>CSV 表格</a>\n'
        '- <a href="downloads/demo.xlsx" download>Excel 题库（可修改后导入）</a>：修改后用 shuniu quiz import 导回\n'
    )
    english = download_links(bank, "en").splitlines()
    assert english[0] == '- <a href="../../quizzes/downloads/demo.gift.txt" download>GIFT (Moodle import)</a>'
    assert english[4] == '- <a href="../../quizzes/downloads/demo.docx" download>Word paper with answer key</a>: for printing'


@pytest.mark.build
def test_the_built_site_offers_every_real_bank(built_site):
    from shuniu.check import check_root

    content, _ = check_root(PROJECT)
    folder = built_site / "quizzes" / "downloads"
    expected = sorted(downloads.file_name(bank, format_) for bank in content.banks for format_ in downloads.formats_of(bank))
    assert sorted(path.name for path in folder.iterdir()) == expected
    assert all(path.stat().st_size > 0 for path in folder.iterdir())
    assert not (built_site / "en" / "quizzes" / "downloads").exists()


def test_downloads_are_late_files_the_pages_do_not_wait_for(tmp_path):
    content = sample_content(tmp_path)
    early = [item.src_uri for item in generate(content, "zh", DAY, late=False)]
    late = [item.src_uri for item in generate(content, "zh", DAY, late=True)]
    assert sorted(late) == sorted(DEMO_FILES)
    assert not set(early) & set(late) and "quizzes/demo.md" in early


def test_exports_made_in_worker_processes_are_the_files_made_here(tmp_path, monkeypatch):
    monkeypatch.setenv("SHUNIU_TODAY", DAY.isoformat())  # the export moment pinned (Anki note times)
    here = {item.src_uri: item.data for item in bank_downloads(sample_content(tmp_path / "here"), "zh", DAY)}
    content = sample_content(tmp_path / "workers")
    try:
        assert downloads.start_exports(content, DAY) in (0, 7)  # 0 where fork or a second core is missing
        made = {item.src_uri: item.data for item in bank_downloads(content, "zh", DAY)}
    finally:
        downloads.cancel_exports()
    assert made.keys() == here.keys()
    for name, data in made.items():  # the Anki deck and the Word and Excel files are zip archives
        assert data == here[name], name
    assert len(list((tmp_path / "workers" / CACHE).iterdir())) == 7
