"""The classification scan remembers what it found in each unchanged file, and only that."""

from __future__ import annotations

import json
from pathlib import Path

from shuniu.control.classification import SCAN_CACHE, scan_for_markings
from shuniu.model import Content
from shuniu.problems import Problems
from tests.conftest import VALID_POLICY, write


def _scan(root: Path) -> tuple[list[str], set[str]]:
    content, problems = Content(), Problems()
    scan_for_markings(root, content, problems)
    return [str(p) for p in problems.sorted()], set(content.internal_banks)


def _project(root: Path) -> Path:
    write(root, "docs/policies/yinzhang.md", VALID_POLICY.format(id="yinzhang") + "\n样张：秘密★10年\n")
    write(root, "docs/policies/zhiban.md", VALID_POLICY.format(id="zhiban"))
    write(root, "quizzes/neibu.yml", "id: neibu\ntitle: 内部题库\nclassification: internal\nquestions: []\n")
    write(root, "quizzes/bad.yml", "id: bad\ntitle: 题库\nclassification: secretish\nquestions: []\n")
    return root


def test_a_second_scan_reports_exactly_what_the_first_did(tmp_path: Path) -> None:
    root = _project(tmp_path)
    first = _scan(root)
    assert (root / SCAN_CACHE).is_file()
    assert any("秘密★10年" in p for p in first[0]) and any("secretish" in p for p in first[0])
    assert first[1] == {"quizzes/neibu.yml"}
    assert _scan(root) == first


def test_a_changed_file_is_scanned_again(tmp_path: Path) -> None:
    root = _project(tmp_path)
    _scan(root)
    write(root, "docs/policies/zhiban.md", VALID_POLICY.format(id="zhiban") + "\n机密★5年\n")
    write(root, "docs/policies/yinzhang.md", VALID_POLICY.format(id="yinzhang"))
    write(root, "quizzes/neibu.yml", "id: neibu\ntitle: 内部题库\nclassification: public\nquestions: []\n")
    problems, internal = _scan(root)
    assert any(p.startswith("docs/policies/zhiban.md:") and "机密★5年" in p for p in problems)
    assert not any(p.startswith("docs/policies/yinzhang.md:") for p in problems)
    assert internal == set()


def test_a_damaged_or_edited_cache_is_not_trusted(tmp_path: Path) -> None:
    root = _project(tmp_path)
    first = _scan(root)
    cache = root / SCAN_CACHE
    for damaged in ("{not json", '{"version": 1}', "[]"):
        cache.write_text(damaged, encoding="utf-8")
        assert _scan(root) == first
    saved = json.loads(cache.read_text(encoding="utf-8"))
    entry = saved["files"]["docs/policies/yinzhang.md"]
    entry["problems"] = "nothing"  # the wrong shape: scanned again
    saved["files"]["quizzes/neibu.yml"]["internal"] = "yes"
    cache.write_text(json.dumps(saved), encoding="utf-8")
    assert _scan(root) == first


def test_a_rule_change_invalidates_every_entry(tmp_path: Path) -> None:
    root = _project(tmp_path)
    first = _scan(root)
    cache = root / SCAN_CACHE
    saved = json.loads(cache.read_text(encoding="utf-8"))
    saved["version"] = "an older scanner"
    for entry in saved["files"].values():
        entry["problems"] = []  # what an older scanner might have missed
    cache.write_text(json.dumps(saved), encoding="utf-8")
    assert _scan(root) == first
