"""Asset addresses get a version from the file's content, wherever a page names them."""

from __future__ import annotations

import hashlib
from pathlib import Path

from shuniu.web.asset_versions import VERSION_LENGTH, AssetVersions


def _site(tmp_path: Path) -> Path:
    for name, text in (("assets/shuniu/quiz.js", "quiz"), ("assets/vendor/ts-fsrs/index.js", "fsrs"),
                       ("assets/shuniu/shuniu.css", "css")):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _version(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:VERSION_LENGTH]


def test_every_named_asset_is_versioned_and_nothing_else_changes(tmp_path: Path) -> None:
    page = ('<link rel="stylesheet" href="../assets/shuniu/shuniu.css">\n'
            '<a href="../policies/assets/shuniu/quiz.js">a page link that only looks like one</a>'
            '<script\tsrc="../assets/shuniu/quiz.js"></script>'
            '<script src="/assets/vendor/ts-fsrs/index.js"></script>'
            '<p>assets/shuniu/quiz.js in text</p><a data-x href="../assets/shuniu/missing.js">'
            '<img alt="x"src="../assets/shuniu/quiz.js">')  # no space before src: not an attribute
    result = AssetVersions(_site(tmp_path)).apply(page, "study/page.html")
    assert result == page.replace('shuniu.css"', f'shuniu.css?v={_version("css")}"', 1).replace(
        'src="../assets/shuniu/quiz.js"></script>', f'src="../assets/shuniu/quiz.js?v={_version("quiz")}"></script>').replace(
        'index.js"', f'index.js?v={_version("fsrs")}"')
    assert result.count("?v=") == 3


def test_a_changed_asset_gets_a_new_version_in_the_next_build(tmp_path: Path) -> None:
    site = _site(tmp_path)
    page = '<script src="assets/shuniu/quiz.js"></script>'
    before = AssetVersions(site).apply(page, "index.html")
    (site / "assets/shuniu/quiz.js").write_text("quiz, changed", encoding="utf-8")
    after = AssetVersions(site).apply(page, "index.html")
    assert after == page.replace("quiz.js", f"quiz.js?v={_version('quiz, changed')}")
    assert before != after
