"""The classification scan remembers what it found in each unchanged file, and only that."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from shuniu.control import classification
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


def _many_files(root: Path, count: int = 150) -> Path:
    """A first build's worth of files: enough that the scan is split over processes."""
    _project(root)
    for number in range(count):
        marking = "\n密级：绝密★长期\n" if number % 37 == 0 else ""
        write(root, f"docs/policies/p{number:03}.md", VALID_POLICY.format(id=f"p{number:03}") + marking)
    write(root, "quizzes/neibu2.yml", "id: neibu2\ntitle: 内部题库二\nclassification: internal\nquestions: []\n")
    return root


def _scanned_by(monkeypatch: Any, log: Path, die_in_children: bool = False) -> None:
    """Note which process scans each file (forked processes inherit the patch); optionally a
    forked process dies on its first file, as one killed for memory would."""
    parent = os.getpid()
    scan = classification.scan_published_file

    def noted(root: Path, file: Path, content: Content, problems: Problems) -> None:
        if die_in_children and os.getpid() != parent:
            os._exit(1)
        with log.open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")
        scan(root, file, content, problems)

    monkeypatch.setattr(classification, "scan_published_file", noted)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)


def test_a_first_scan_split_over_processes_reports_what_one_process_does(tmp_path: Path, monkeypatch: Any) -> None:
    serial_root, parallel_root = _many_files(tmp_path / "one"), _many_files(tmp_path / "two")
    monkeypatch.setattr(classification, "_FILES_PER_PROCESS", 10_000)
    serial = _scan(serial_root)
    monkeypatch.undo()
    _scanned_by(monkeypatch, tmp_path / "pids.log")
    parallel = _scan(parallel_root)
    assert parallel == serial
    assert len(set((tmp_path / "pids.log").read_text(encoding="utf-8").split())) == 2  # two processes scanned
    assert sum("绝密★长期" in p for p in serial[0]) == 5 and serial[1] == {"quizzes/neibu.yml", "quizzes/neibu2.yml"}
    assert _scan(parallel_root) == serial  # and what it kept reads back the same


def test_a_scanning_process_that_dies_only_means_its_share_is_scanned_here(tmp_path: Path, monkeypatch: Any) -> None:
    serial_root, parallel_root = _many_files(tmp_path / "one"), _many_files(tmp_path / "two")
    monkeypatch.setattr(classification, "_FILES_PER_PROCESS", 10_000)
    serial = _scan(serial_root)
    monkeypatch.undo()
    _scanned_by(monkeypatch, tmp_path / "pids.log", die_in_children=True)
    assert _scan(parallel_root) == serial
    assert set((tmp_path / "pids.log").read_text(encoding="utf-8").split()) == {str(os.getpid())}
