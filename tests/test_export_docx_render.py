"""The Word paper of a real bank as LibreOffice prints it (headless, to PDF), read with poppler:
page count, the page-number footer, points in the headings, and Chinese (not Japanese) glyphs.

Skipped with a reason where LibreOffice is missing; in CI (SHUNIU_REQUIRE_BROWSER=1) that fails.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from shuniu.check import check_root
from shuniu.export import docx as paper
from shuniu.export import docx_parts
from shuniu.quiz.model import QuestionType
from shuniu.quiz.points import points_of, points_text, total_points
from tests.conftest import PROJECT

BANK = "baomi"  # 29 questions of every type
PROBE = "骨直关"  # characters whose Simplified Chinese and Japanese forms differ


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    """The PDFs of the paper and of the font probes, made by one LibreOffice run."""
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("SHUNIU_REQUIRE_BROWSER"):
            pytest.fail("LibreOffice (soffice) is missing: apt-get install libreoffice-writer-nogui")
        pytest.skip("rendering the Word paper needs LibreOffice (apt-get install libreoffice-writer-nogui)")
    folder = tmp_path_factory.mktemp("render")
    content, _ = check_root(PROJECT)
    bank = next(bank for bank in content.banks if bank.id == BANK)
    (folder / "paper.docx").write_bytes(paper.export(content, [bank]).data)
    other = next(other for other in content.banks if other.id != BANK)
    (folder / "two.docx").write_bytes(paper.export(content, [bank, other]).data)  # papers and keys in one file
    for name, font, language in (("ours-body", paper.BODY_FONT, None), ("ours-heading", paper.HEADING_FONT, None),
                                 ("serif-sc", "Noto Serif CJK SC", "zh-CN"), ("serif-jp", "Noto Serif CJK JP", "ja-JP"),
                                 ("sans-sc", "Noto Sans CJK SC", "zh-CN"), ("sans-jp", "Noto Sans CJK JP", "ja-JP")):
        _probe(folder / f"{name}.docx", font, language)
    profile = (folder / "profile").as_uri()  # its own profile: other LibreOffice runs may be going on
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
                    str(folder), *sorted(str(file) for file in folder.glob("*.docx"))],
                   check=True, capture_output=True, timeout=240)
    return folder


def _probe(path: Path, font: str, language: str | None) -> None:
    """A page with PROBE in ``font``: set up as the paper does (language None) or as a reference."""
    document = docx.Document()
    docx_parts.chinese_defaults(document, font)
    docx_parts.set_font(document.styles["Normal"], font, 24)  # type: ignore[arg-type]
    if language:
        lang = document.styles.element.find(".//{*}rPrDefault/{*}rPr/{*}lang")
        lang.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", language)
    document.add_paragraph(PROBE)
    document.save(path)


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def _glyphs(pdf: Path) -> str:
    """A digest of the probe's pixels (the top of the first page, in grey)."""
    image = subprocess.run(["pdftoppm", "-r", "100", "-gray", "-f", "1", "-l", "1", "-x", "80", "-y", "80",
                            "-W", "300", "-H", "80", str(pdf)], capture_output=True, check=True).stdout
    return hashlib.sha256(image).hexdigest()


def _footers(pages: list[str]) -> list[tuple[int, int]]:
    """(X, Y) of each page's "第 X 页 共 Y 页"."""
    found = [re.findall(r"第\s*(\d+)\s*页\s*共\s*(\d+)\s*页", page) for page in pages]
    wrong = [page[-200:] for page, footer in zip(pages, found, strict=True) if len(footer) != 1]
    assert not wrong, wrong
    return [(int(footer[0][0]), int(footer[0][1])) for footer in found]


def _counted_apart(sizes: list[int]) -> list[tuple[int, int]]:
    """The footers of parts of ``sizes`` pages each, every part numbered 1..its size."""
    return [(number, size) for size in sizes for number in range(1, size + 1)]


def test_the_paper_is_short_and_numbers_its_own_pages(rendered):
    pages = _pages(rendered / "paper.pdf")
    key = next(index for index, page in enumerate(pages) if "参考答案与解析" in page)
    assert 3 <= key <= 6, f"{key} pages for 29 questions (13 before the exam layout)"
    assert "1. 答案：" in pages[key] and "答案：" not in "".join(pages[:key])
    assert pages[key].strip().startswith("保密基础知识")  # the key starts a page of its own
    # 共 Y 页 counts the paper alone (handed out without the key); the key counts its own pages
    assert _footers(pages) == _counted_apart([key, len(pages) - key])


def test_papers_and_keys_in_one_file_each_count_their_pages(rendered):
    pages = _pages(rendered / "two.pdf")
    starts = [index for index, (number, _) in enumerate(_footers(pages)) if number == 1]
    sizes = [end - start for start, end in zip(starts, [*starts[1:], len(pages)], strict=True)]
    assert len(sizes) == 4 and "参考答案与解析" in pages[starts[1]] and "参考答案与解析" in pages[starts[3]]
    assert _footers(pages) == _counted_apart(sizes)


def test_the_paper_shows_points_of_each_section_and_the_total(rendered):
    content, _ = check_root(PROJECT)
    bank = next(bank for bank in content.banks if bank.id == BANK)
    text = re.sub(r"\s+", "", "".join(_pages(rendered / "paper.pdf")))
    single = [q for q in bank.questions if q.type is QuestionType.SINGLE]
    each = points_of(bank, single[0])
    assert f"一、单项选择题（共{len(single)}题，每题{points_text(each)}分，共{points_text(len(single) * each)}分）" in text
    assert f"本试卷共{len(bank.questions)}题，满分{points_text(total_points(bank))}分" in text
    assert "单位：" in text and "姓名：" in text and "注意事项" in text


def test_body_and_headings_use_chinese_fonts_with_chinese_glyph_shapes(rendered):
    fonts = subprocess.run(["pdffonts", str(rendered / "paper.pdf")], capture_output=True, text=True, check=True).stdout
    names = [line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]]
    # 宋体 (SimSun) prints in the serif Noto CJK face, 黑体 (SimHei) in the sans one. LibreOffice names
    # a face of the .ttc collections by the collection's first face ("...jp"), so shapes are checked below.
    assert any(name.startswith("NotoSerifCJK") for name in names), names
    assert any(name.startswith("NotoSansCJK") for name in names), names
    assert all(name.startswith(("NotoSerifCJK", "NotoSansCJK", "Liberation")) for name in names), names
    body, heading = _glyphs(rendered / "ours-body.pdf"), _glyphs(rendered / "ours-heading.pdf")
    assert _glyphs(rendered / "serif-sc.pdf") != _glyphs(rendered / "serif-jp.pdf")  # the probe tells them apart
    assert body == _glyphs(rendered / "serif-sc.pdf")
    assert heading == _glyphs(rendered / "sans-sc.pdf") != _glyphs(rendered / "sans-jp.pdf")
