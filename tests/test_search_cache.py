"""Pages' search entries kept between builds: a build that takes them from the cache writes the
search index a build without the cache writes, and a changed page or dictionary is indexed afresh."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from shuniu.search.cache import CACHE, EntryCache, salt_of
from tests.conftest import VALID_POLICY, copy_site_settings, mkdocs_build, write

ENTRY = {"location": "policies/a.html", "title": "印章\u200b管理", "text": "<p>专人\u200b保管</p>", "tags": ["印章"]}


def test_entries_come_back_as_they_were_kept_and_only_under_their_own_salt(tmp_path: Path) -> None:
    cache = EntryCache(tmp_path, salt_of(["9.8.2", "dict-a"]))
    key = cache.key(["policies/a.html", "印章管理办法", ["印章"], None], "<h2 id='x'>印章</h2>")
    assert cache.get(key) is None
    cache.put(key, [ENTRY])
    cache.save()
    again = EntryCache(tmp_path, salt_of(["9.8.2", "dict-a"]))
    got = again.get(key)
    assert got == [ENTRY]
    got[0]["tags"].append("changed")  # the caller may change what it got: the cache keeps its own copy
    assert again.get(key) == [ENTRY]
    assert EntryCache(tmp_path, salt_of(["9.8.2", "dict-b"])).get(key) is None  # a new glossary term
    assert cache.key(["policies/a.html", "印章管理办法", ["印章"], None], "<h2 id='x'>印章 </h2>") != key


def test_a_build_keeps_only_the_entries_it_used(tmp_path: Path) -> None:
    salt = salt_of(["v"])
    cache = EntryCache(tmp_path, salt)
    cache.put("old", [ENTRY])
    cache.put("kept", [ENTRY])
    cache.save()
    later = EntryCache(tmp_path, salt)
    assert later.get("kept") is not None
    later.save()
    assert EntryCache(tmp_path, salt).get("old") is None
    assert EntryCache(tmp_path, salt).get("kept") == [ENTRY]


def test_a_damaged_or_edited_cache_only_means_indexing_again(tmp_path: Path) -> None:
    salt = salt_of(["v"])
    file = tmp_path / CACHE
    file.parent.mkdir(parents=True)
    for damaged in (b"{not json", b"[]", json.dumps({"salt": salt, "pages": []}).encode(), b"\xff\xfe{"):
        file.write_bytes(damaged)
        assert EntryCache(tmp_path, salt).get("k") is None
    shapes = [{"location": 1, "title": "", "text": ""}, {**ENTRY, "script": "x"}, {**ENTRY, "tags": "印章"},
              {**ENTRY, "boost": True}, "entry"]
    for shape in shapes:
        file.write_text(json.dumps({"salt": salt, "pages": {"k": [shape]}}), encoding="utf-8")
        assert EntryCache(tmp_path, salt).get("k") is None
    file.write_text(json.dumps({"salt": salt, "pages": {"k": [{**ENTRY, "boost": 2}]}}), encoding="utf-8")
    assert EntryCache(tmp_path, salt).get("k") == [{**ENTRY, "boost": 2}]


def _project(root: Path) -> Path:
    copy_site_settings(root)
    write(root, "docs/index.md", "---\ntitle: 首页\n---\n\n# 首页\n\n办公室工作知识库。\n")
    write(root, "docs/policies/yinzhang.md", VALID_POLICY.format(id="yinzhang") + "\n## 用印登记\n\n用印须填写用印审批单。\n")
    write(root, "docs/policies/zhiban.md", VALID_POLICY.format(id="zhiban").replace("印章管理办法", "值班管理办法"))
    write(root, "docs/glossary.yml", "- term: 用印\n  aliases: []\n  definition: 在文件上加盖印章。\n"
                                     "  source: policies/yinzhang.md#用印登记\n")
    return root


def _index(root: Path, site: Path) -> str:
    result = mkdocs_build(root, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return (site / "search" / "search_index.json").read_text(encoding="utf-8")


def _text_of(index: str, location: str) -> str:
    return "".join(doc["text"] for doc in json.loads(index)["docs"] if doc["location"].startswith(location))


def _fresh_index(root: Path, site: Path) -> str:
    """The index a build without any kept entries writes."""
    shutil.rmtree(root / CACHE.parent, ignore_errors=True)
    return _index(root, site)


def test_a_build_from_the_cache_writes_the_index_a_fresh_build_writes(tmp_path: Path) -> None:
    root = _project(tmp_path / "project")
    fresh = _fresh_index(root, tmp_path / "site1")
    assert (root / CACHE).is_file()
    kept = json.loads((root / CACHE).read_text(encoding="utf-8"))["pages"]
    assert _index(root, tmp_path / "site2") == fresh
    assert json.loads((root / CACHE).read_text(encoding="utf-8"))["pages"] == kept

    # A changed page, and a new glossary term: a new word in jieba's dictionary, which cuts the
    # unchanged page that uses it differently.
    assert "用印\u200b审批\u200b单" in _text_of(fresh, "policies/yinzhang.html#")
    write(root, "docs/policies/zhiban.md", VALID_POLICY.format(id="zhiban").replace("印章管理办法", "值班管理办法")
          + "\n## 交接班\n\n值班人员交接班时当面交接值班记录。\n")
    write(root, "docs/glossary.yml", (root / "docs/glossary.yml").read_text(encoding="utf-8")
          + "- term: 用印审批单\n  aliases: []\n  definition: 申请用印时填写的单据。\n  source: policies/yinzhang.md#用印登记\n")
    changed = _index(root, tmp_path / "site3")
    assert "交接班" in _text_of(changed, "policies/zhiban.html#")
    assert "\u200b用印审批单\u200b" in _text_of(changed, "policies/yinzhang.html#")
    assert changed == _fresh_index(root, tmp_path / "site4")
