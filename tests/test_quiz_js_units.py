"""The quiz player's pure JavaScript modules, tested with node's own test runner (tests/js/),
and cross-checked against Python where both sides must agree: the result-file checksum and the
seeded draw of an exam paper."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess

import pytest
from conftest import PROJECT

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed: the JavaScript unit tests in tests/js/ did not run")


def node(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(NODE), *args], cwd=PROJECT, capture_output=True, text=True, check=False,
                          env={**os.environ, **(env or {})}, timeout=120)


def test_node_unit_tests_pass():
    result = node("--test", "tests/js/")
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


def test_checksum_equals_pythons_over_canonical_json():
    """The digest Python's hashlib gives for json.dumps(sort_keys, ensure_ascii=False, compact) of the file."""
    result_file = {
        "format": "shuniu-result", "version": 1, "learner": {"name": "欧阳修", "group": "综合科（二组）"},
        "exam": {"banks": [{"id": "gongwen", "hash": "0123456789abcdef"}], "tags": ["公文", "格式"], "seed": "种子-1",
                 "count": 1, "minutes": 30, "pass_mark": 60},
        "answers": [{"id": "gw-1", "type": "fill", "given": ["“引号”\n换行\t制表", "😀"], "points": 50, "correct": False}],
        "score": {"points": 50, "max": 100, "percent": 50, "passed": False},
    }
    canonical = json.dumps(result_file, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    expected = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    result = node("--test", "tests/js/checksum.test.mjs", env={
        "SHUNIU_CHECKSUM_OBJECT": json.dumps(result_file, ensure_ascii=False), "SHUNIU_EXPECTED_DIGEST": expected})
    assert result.returncode == 0, result.stdout[-4000:]
    assert "# skipped 0" in result.stdout


def python_draw(ids: list[str], count: int, seed: str) -> list[str]:
    """The draw as rng.js documents it, written again from that description."""
    state = 0x811C9DC5
    for byte in seed.encode("utf-8"):
        state = ((state ^ byte) * 0x01000193) & 0xFFFFFFFF

    def random() -> float:
        nonlocal state
        state = (state + 0x6D2B79F5) & 0xFFFFFFFF
        t = ((state ^ (state >> 15)) * (1 | state)) & 0xFFFFFFFF
        t = ((t + (((t ^ (t >> 7)) * (61 | t)) & 0xFFFFFFFF)) & 0xFFFFFFFF) ^ t
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    paper = sorted(ids)
    for i in range(len(paper) - 1, 0, -1):
        j = int(random() * (i + 1))
        paper[i], paper[j] = paper[j], paper[i]
    return paper[:count]


@pytest.mark.parametrize("seed", ["2026", "种子", "a b c", ""])
def test_the_documented_draw_can_be_reproduced_outside_the_browser(seed):
    ids = [f"gw-{n:03d}" for n in range(40, 0, -1)] + ["bm-7", "Z-1", "a.2"]
    script = ("import('./shuniu/web/quiz/rng.js').then(({ drawPaper }) => console.log(JSON.stringify("
              f"drawPaper({json.dumps([{'id': i} for i in ids])}, 12, {json.dumps(seed)}).map(q => q.id))))")
    result = node("--input-type=module", "-e", script)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == python_draw(ids, 12, seed)
