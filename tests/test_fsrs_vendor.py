"""The vendored ts-fsrs (docs/assets/vendor/ts-fsrs/): the npm package's browser build unchanged, with
its licence and a note of version, source and checksum; published only to the pages that use it."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import PROJECT

VENDOR = PROJECT / "docs/assets/vendor/ts-fsrs"
TOOL = PROJECT / "tools/ts-fsrs"
INSTALLED = TOOL / "node_modules/ts-fsrs"


def note() -> str:
    return (VENDOR / "VENDORED.txt").read_text(encoding="utf-8")


def test_the_note_names_the_pinned_version_and_the_files_checksum():
    pinned = json.loads((TOOL / "package.json").read_text(encoding="utf-8"))["dependencies"]["ts-fsrs"]
    lock = json.loads((TOOL / "package-lock.json").read_text(encoding="utf-8"))["packages"]["node_modules/ts-fsrs"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned), "pinned exactly"
    assert lock["version"] == pinned and lock["license"] == "MIT"
    assert note().startswith(f"ts-fsrs {pinned} ")
    assert lock["integrity"] in note()
    digest = hashlib.sha256((VENDOR / "ts-fsrs.js").read_bytes()).hexdigest()
    assert f"SHA-256:  {digest}  ts-fsrs.js" in note()
    assert f'const version="{pinned}";' in (VENDOR / "ts-fsrs.js").read_text(encoding="utf-8")
    assert "MIT License" in (VENDOR / "LICENSE").read_text(encoding="utf-8")


def test_the_vendored_files_are_the_npm_packages_byte_for_byte():
    if not INSTALLED.is_dir():
        if shutil.which("npm") is None:
            pytest.skip("npm is missing: the vendored ts-fsrs was checked by its SHA-256 only")
        pytest.fail(f"{INSTALLED} is missing: run `make test` (it installs tools/ts-fsrs with npm ci)")
    assert json.loads((INSTALLED / "package.json").read_text(encoding="utf-8"))["version"] in note()
    assert (VENDOR / "ts-fsrs.js").read_bytes() == (INSTALLED / "dist/index.umd.js").read_bytes()
    assert (VENDOR / "LICENSE").read_bytes() == (INSTALLED / "LICENSE").read_bytes()


def test_a_classic_script_that_loads_nothing():
    code = (VENDOR / "ts-fsrs.js").read_text(encoding="utf-8")
    assert not re.search(r"^\s*(import|export)\s", code, re.MULTILINE)
    assert not re.search(r"\b(fetch|XMLHttpRequest|importScripts|eval)\s*\(|new Function\b", code)


def test_only_the_review_pages_load_it_and_quiz_js_does_not_hold_it(built_site: Path):
    linked = re.compile(r'<script src="(?:\.\./)+assets/vendor/ts-fsrs/ts-fsrs\.js\?v=[0-9a-f]+" defer></script>')
    pages = (("wrongbook", True), ("practice", True), ("progress", True), ("exam", False), ("group-report", False))
    for lang in ("", "en/"):
        for name, loads in pages:
            html = (built_site / f"{lang}quizzes/{name}.html").read_text(encoding="utf-8")
            assert bool(linked.search(html)) is loads, f"{lang}{name}"
        assert 'assets/shuniu/wrongbook.js?v=' in (built_site / f"{lang}quizzes/wrongbook.html").read_text(encoding="utf-8")
    assert "ts-fsrs" not in (built_site / "index.html").read_text(encoding="utf-8")
    assert (built_site / "assets/vendor/ts-fsrs/ts-fsrs.js").read_bytes() == (VENDOR / "ts-fsrs.js").read_bytes()
    quiz = (built_site / "assets/shuniu/quiz.js").read_text(encoding="utf-8")
    assert "FSRSAlgorithm" not in quiz and "default_w" not in quiz
