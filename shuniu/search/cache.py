"""Search work kept between builds, under the hash of everything it is made from.

Material's search plugin reads each page's HTML with Python's HTMLParser and cuts its Chinese text
with jieba: about a fifth of a build (bench/, issue #17), done again for every page on every build
although most pages have not changed. The build keeps each page's entries in
``.cache/shuniu/search-entries.json`` under the SHA-256 of the page's HTML, address, title, tags
and search settings, salted with what decides the cut: Material's and jieba's versions and the
site's jieba dictionary (its terms come from the glossary, so a new term cuts every page afresh).
A page whose key is known takes its entries from the cache, the same ones Material would make.
The worker's vocabulary (shuniu.search.index.vocabulary) is kept the same way, under the hash of
the index's text, so a build whose pages all come from the cache never loads jieba's dictionary
(half a second).

The cache is a convenience: a missing, damaged or foreign file, or an entry of the wrong shape,
only means the page is indexed again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from shuniu.cachefile import write_json_whole
from shuniu.search.index import HAN_WORD

CACHE = Path(".cache/shuniu/search-entries.json")
VOCABULARY_CACHE = Path(".cache/shuniu/search-vocabulary.json")
FORMAT = 1  # the layout of the file below; a change starts a new cache

Entry = dict[str, Any]


def salt_of(parts: Iterable[str]) -> str:
    """One string for what decides every page's entries (versions, dictionaries)."""
    digest = hashlib.sha256(str(FORMAT).encode())
    for part in parts:
        digest.update(b"\0" + part.encode("utf-8"))
    return digest.hexdigest()


class EntryCache:
    """Each page's search entries by key; what a build used is what the file keeps."""

    def __init__(self, root: Path, salt: str) -> None:
        self.root, self.file, self.salt = root, root / CACHE, salt
        self.used: dict[str, list[Entry]] = {}
        self.changed = False
        try:
            saved = json.loads(self.file.read_text(encoding="utf-8"))
            known = saved["pages"] if saved.get("salt") == self.salt else {}
            self.known: dict[str, Any] = known if isinstance(known, dict) else {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.known = {}  # no cache, or a damaged one: every page is indexed afresh

    @staticmethod
    def key(fields: Any, html: str) -> str:
        """The key of a page whose search fields (address, title, tags, settings) are ``fields``
        (anything JSON can write) and whose HTML, as the search plugin reads it, is ``html``."""
        digest = hashlib.sha256(json.dumps(fields, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8"))
        digest.update(b"\0" + html.encode("utf-8"))
        return digest.hexdigest()

    def get(self, key: str) -> list[Entry] | None:
        """Fresh copies of the entries kept under ``key``, or None when they are not there (or damaged)."""
        entries = self.known.get(key)
        if entries is None or not _valid(entries):
            return None
        self.used[key] = entries
        return [dict(entry, **({"tags": list(entry["tags"])} if "tags" in entry else {})) for entry in entries]

    def put(self, key: str, entries: list[Entry]) -> None:
        """Keep ``entries`` (the search plugin's, just made) under ``key``."""
        kept = json.loads(json.dumps(entries, default=str))  # what the file will give back
        self.known[key] = self.used[key] = kept
        self.changed = True

    def save(self) -> None:
        """Write the entries this build used (a page gone from the site leaves the file with it)."""
        if not self.changed and len(self.used) == len(self.known):
            return
        if write_json_whole(self.file, {"salt": self.salt, "pages": self.used}):
            self.known, self.changed = dict(self.used), False


def kept_vocabulary(root: Path, salt: str, compute: Callable[[list[str], list[str]], list[str]],
                    ) -> Callable[[Iterable[str], Iterable[str]], list[str]]:
    """:func:`shuniu.search.index.vocabulary`, remembered in the project's cache under the hash of
    its input and ``salt``; ``compute`` works it out when it must (with the site's dictionary)."""
    file = root / VOCABULARY_CACHE

    def vocabulary_of(texts: Iterable[str], known: Iterable[str]) -> list[str]:
        texts, known = list(texts), sorted(set(known))
        key = EntryCache.key([salt, known], "\0".join(texts))
        try:
            saved = json.loads(file.read_text(encoding="utf-8"))
            words = saved["words"] if saved.get("key") == key else None
            if isinstance(words, list) and all(isinstance(w, str) and HAN_WORD.match(w) for w in words):
                return words
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass  # no cache, or a damaged one: worked out again
        words = compute(texts, known)
        write_json_whole(file, {"key": key, "words": words})
        return words

    return vocabulary_of


def _valid(entries: Any) -> bool:
    """Entries of the shape Material writes: location, title and text, maybe tags and a boost."""
    if not isinstance(entries, list):
        return False
    for entry in entries:
        if not (isinstance(entry, dict) and all(isinstance(entry.get(k), str) for k in ("location", "title", "text"))):
            return False
        if set(entry) - {"location", "title", "text", "tags", "boost"}:
            return False
        tags = entry.get("tags", [])
        if not (isinstance(tags, list) and all(isinstance(t, str) for t in tags)):
            return False
        if "boost" in entry and (isinstance(entry["boost"], bool) or not isinstance(entry["boost"], (int, float, str))):
            return False
    return True
