"""The classification guard: no state-secret (涉密) content may enter the repository or the site.

A state secret carries a marking: its level (绝密, 机密, 秘密) followed by ★ and its secrecy
period, e.g. 秘密★10年 (GB/T 9704-2012 7.2.2), or an English banner (TOP SECRET, SECRET//...).
Every file that is published or feeds the site (shuniu.control.published: docs/, quizzes/,
mkdocs.yml, the theme's templates), its name and every commit message shown on the site fail
`shuniu check` and the build in every edition when they carry a marking or declare such a level.
The text is read as a reader sees it (shuniu.control.reading undoes escapes, entities, invisible
characters, traditional forms, star look-alikes, markup); YAML is also read as loaded, so its escapes and folded lines count too.
What a marking is, and what teaching text may say, is in shuniu.control.markings.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from shuniu.cachefile import write_json_whole
from shuniu.control.markings import Found, markings
from shuniu.control.published import YAML_SUFFIXES, published_files, read_published
from shuniu.control.reading import fold, views
from shuniu.model import Content
from shuniu.problems import Problems
from shuniu.side_processes import forked_pool
from shuniu.yamlsrc import YamlError, check_nesting
from shuniu.yamlsrc import __file__ as yamlsrc_file

MARKDOWN_SUFFIXES = (".md", ".markdown")
_MANY = 50
_CHUNK = 200_000  # characters read at a time: a huge file is scanned without holding it all traced

_LEVEL_VALUE = r"(?:绝密|机密|秘密)级?|top[ _-]?secret|secret|confidential"
# A key declaring a level: `密级: 秘密`, `classification: secret` (also as a list item, whose
# marker the reading turns into '|', or quoted).
DECLARED = re.compile(
    rf"""^\s*(?:[-|]\s*)?["']?(?P<key>密级|classification)["']?\s*[:：]\s*["']?(?P<level>{_LEVEL_VALUE})["']?\s*(?:\#.*)?$""",
    re.IGNORECASE,
)
_DECLARING_KEYS = {"密级", "classification"}
_BANK_CLASS = re.compile(r"^classification\s*:\s*[\"']?(?P<value>[^\"'#\s]*)")

MARKING_MESSAGE = (
    "classification marking '{found}': classified (涉密) information must never be stored in this "
    "repository or published on the site; remove it (teaching text writes the generic form 密级★保密期限)"
)
FILE_NAME_MESSAGE = "the file name carries the " + MARKING_MESSAGE
DECLARED_MESSAGE = (
    "'{key}' declares the classified level '{level}': classified (涉密) documents must never be stored in "
    "this repository; only 'classification: public' or 'classification: internal' are allowed"
)
def scan_text(path: str, text: str, problems: Problems) -> None:
    """Add a problem for every marking and every declared classified level in one file's text."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    found: set[Found] = set()
    first_line = 1
    for chunk in _chunks(text):
        found |= _markings_in(chunk, first_line)
        first_line += chunk.count("\n")
    declared = _declared_lines(path, text)
    data = _data(path, text)
    if data is not None:
        yaml_text, offset = data
        scalars = list(_scalars(yaml_text))
        found |= _yaml_markings(scalars, offset, found)
        declared |= _yaml_declared(scalars, offset)
    for item in _longest(found):
        problems.add(path, item.line, MARKING_MESSAGE.format(found=item.text))
    for line, key, level in sorted(declared):
        problems.add(path, line, DECLARED_MESSAGE.format(key=key, level=level))


def _longest(found: set[Found]) -> list[Found]:
    """One report per marking: a match inside a longer one on the same line (TOP SECRET//SI in
    TOP SECRET//SI//NOFORN, read by two rules) is left out."""
    by_line: dict[int, list[Found]] = {}
    for item in sorted(found):
        by_line.setdefault(item.line, []).append(item)
    kept = []
    for items in by_line.values():
        if len(items) > _MANY:  # a line full of markings: report them all rather than compare every pair
            kept.extend(items)
            continue
        kept.extend(f for f in items if not any(f != o and _squeezed(f) in _squeezed(o) for o in items))
    return kept


def _squeezed(found: Found) -> str:
    return "".join(found.text.split())


def scan_file_name(path: str, problems: Problems) -> None:
    """A file name is published too (in addresses and downloads): it may not carry a marking."""
    for found in sorted({f.text for view in views(path, one_line=True) for f in markings(view)}):
        problems.add(path, 1, FILE_NAME_MESSAGE.format(found=found))


def _chunks(text: str) -> Iterator[str]:
    start = 0
    while start < len(text):
        end = text.find("\n", start + _CHUNK)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


def _markings_in(text: str, first_line: int = 1, one_line: bool = False) -> set[Found]:
    return {found for view in views(text, first_line, one_line) for found in markings(view)}


def _data(path: str, text: str) -> tuple[str, int] | None:
    """(YAML text, lines before it) of a YAML file or a Markdown page's front matter."""
    if path.endswith(YAML_SUFFIXES):
        return text, 0
    lines = text.split("\n")
    if path.endswith(MARKDOWN_SUFFIXES) and lines[0].strip() == "---":
        closing = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if closing is not None:
            return "\n".join(lines[1:closing]), 1
    return None


def _declared_lines(path: str, text: str) -> set[tuple[int, str, str]]:
    """`密级: 秘密` lines in the data part of a file, read line by line (so a broken YAML file too)."""
    data = _data(path, text)
    if data is None:
        return set()
    yaml_text, offset = data
    declared = set()
    for number, line in enumerate(yaml_text.split("\n"), start=offset + 1):
        folded = fold(line).lower()
        if "密级" not in folded and "classification" not in folded:
            continue  # the common case, decided without the full reading
        match = DECLARED.match(views(line, number, one_line=True)[0].text)
        if match:
            declared.add((number, match["key"], match["level"]))
    return declared


Scalars = list[tuple[yaml.ScalarNode, yaml.ScalarNode | None]]
_BINARY = "tag:yaml.org,2002:binary"
_CAPITALS_ONLY = re.compile(r"[^a-z\u3400-\u9fff]*[A-Z][^a-z\u3400-\u9fff]*")
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: much faster


def _scalars(yaml_text: str) -> Iterator[tuple[yaml.ScalarNode, yaml.ScalarNode | None]]:
    """Every scalar of every document, each value with its key (None for keys and list items)."""
    try:
        check_nesting(yaml_text)
        documents = list(yaml.compose_all(yaml_text, Loader=_COMPOSER))
    except (yaml.YAMLError, YamlError, RecursionError, ValueError):  # ValueError: text libyaml cannot encode
        return  # the file's own loader reports the syntax error; its raw text was scanned
    stack: list[tuple[yaml.Node, yaml.ScalarNode | None]] = [(d, None) for d in documents if d is not None]
    seen: set[int] = set()
    while stack:
        node, key = stack.pop()
        if id(node) in seen:
            continue  # an alias: the same node again
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            yield node, key
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, None) for item in node.value)
        elif isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                stack.append((key_node, None))
                stack.append((value_node, key_node if isinstance(key_node, yaml.ScalarNode) else None))


def _scalar_text(node: yaml.ScalarNode) -> str:
    if node.tag == _BINARY:
        try:
            return base64.b64decode(node.value).decode("utf-8", errors="replace")
        except (binascii.Error, ValueError):
            return ""
    return str(node.value)


def _yaml_markings(scalars: Scalars, offset: int, raw: set[Found]) -> set[Found]:
    """Markings in the loaded values (YAML escapes decoded, folded lines joined), unless the raw
    text already showed the same marking within that value's lines."""
    found: set[Found] = set()
    for node, _ in scalars:
        if not _loads_differently(node):
            continue
        start, end = node.start_mark.line + 1 + offset, node.end_mark.line + 1 + offset
        block = node.style in ("|", ">")
        for item in _markings_in(_scalar_text(node), start + block, one_line=node.style != "|"):
            if not any(r.text == item.text and start <= r.line <= end for r in raw):
                found.add(item)
    return found


def _loads_differently(node: yaml.ScalarNode) -> bool:
    """Whether the loaded value can read otherwise than the raw text: escapes (double quotes),
    folded lines, base64, or a value in capitals that is a banner on its own (`site_name:
    CONFIDENTIAL`). Any other one-line value is the raw text, already scanned."""
    if node.style == '"' or node.tag == _BINARY or node.start_mark.line != node.end_mark.line:
        return True
    return _CAPITALS_ONLY.fullmatch(fold(str(node.value))) is not None


def _yaml_declared(scalars: Scalars, offset: int) -> set[tuple[int, str, str]]:
    """Loaded `key: value` pairs whose key declares a level and whose value is a classified one."""
    declared = set()
    for node, key in scalars:
        if key is None or _plain(key.value).lower() not in _DECLARING_KEYS:
            continue
        if re.fullmatch(_LEVEL_VALUE, _plain(node.value), re.IGNORECASE):
            declared.add((key.start_mark.line + 1 + offset, str(key.value).strip(), str(node.value).strip()))
    return declared


def _plain(text: str) -> str:
    return fold(str(text)).replace(" ", "").strip()


def bank_classification(text: str) -> tuple[str, int] | None:
    """(value, line) of a bank's top-level ``classification`` field, read without parsing the bank."""
    for number, line in enumerate(text.removeprefix("\ufeff").split("\n"), start=1):
        match = _BANK_CLASS.match(line)
        if match:
            return match["value"], number
    return None


def scan_for_markings(root: Path, content: Content, problems: Problems) -> None:
    """Scan every published file (and its name) for classified markings; note which banks are internal.

    What a file's scan found is kept in ``.cache/shuniu/`` under the SHA-256 of its bytes and of
    the scanner's own code, so an unchanged file is not read again character by character on the
    next build (a fifth of the hooks' own time at 1,000 pages, bench/profile.py). A changed file,
    or a changed rule, is scanned afresh, on every core when there are many (a first build); the
    cache is rewritten with what this run saw.
    """
    begin_scan_for_markings(root, content, problems)()


def begin_scan_for_markings(root: Path, content: Content, problems: Problems) -> Callable[[], None]:
    """:func:`scan_for_markings` in two halves: side processes start on the files the cache lacks
    now, and the function handed back does the rest and reports. The check runs its other loaders
    in between (shuniu.check), so on a first build the scan costs the build's process a third of
    its time instead of a half."""
    cache = _ScanCache(root)
    started = cache.begin(published_files(root))

    def finish() -> None:
        cache.finish(started, content, problems)
        cache.save()

    return finish


# The code whose rules decide what a scan finds: a change to any of them invalidates the cache.
_SCANNER_FILES = ("classification.py", "markings.py", "reading.py", "published.py")
SCAN_CACHE = Path(".cache/shuniu/classification-scan.json")
# Files to scan afresh per process before another process is worth its start (a fork and a pipe,
# some milliseconds; a page takes about two to scan).
_FILES_PER_PROCESS = 60


def _scanner_version() -> str:
    digest = hashlib.sha256()
    for name in _SCANNER_FILES:
        digest.update((Path(__file__).with_name(name)).read_bytes())
    digest.update(Path(yamlsrc_file).read_bytes())
    return digest.hexdigest()


# What scanning one file found: (path, [(path, line, message)], whether it is an internal bank).
Finding = tuple[str, list[tuple[str, int, str]], bool]


@dataclass
class _Started:
    """A scan under way: each file's key, its kept entry, and the fresh files' shares."""

    keys: dict[Path, str | None]
    entries: dict[Path, dict[str, Any] | None]
    here: list[Path]  # scanned by this process when the scan finishes
    aside: list[tuple[list[Path], Future[list[Finding]]]]  # each side process's share, being scanned
    pool: ProcessPoolExecutor | None


class _ScanCache:
    """Each published file's findings (problems and whether it is an internal bank) by content hash."""

    def __init__(self, root: Path) -> None:
        self.root, self.file = root, root / SCAN_CACHE
        self.version = _scanner_version()
        self.seen: dict[str, Any] = {}
        try:
            saved = json.loads(self.file.read_text(encoding="utf-8"))
            self.known: dict[str, Any] = saved["files"] if saved.get("version") == self.version else {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.known = {}  # no cache, or a damaged one: scan everything

    def begin(self, files: list[Path]) -> _Started:
        """Read the files' keys and kept entries; start side processes on the fresh files' shares."""
        keys = {file: _digest(file) for file in files}
        entries = {file: self._entry(file, key) for file, key in keys.items() if key is not None}
        fresh = [file for file, entry in entries.items() if entry is None]
        here, shares = _shares(fresh)
        pool = forked_pool(len(shares), 0) if shares else None
        if pool is None:
            return _Started(keys, entries, fresh, [], None)
        return _Started(keys, entries, here, [(share, pool.submit(_scan_share, self.root, share)) for share in shares], pool)

    def finish(self, started: _Started, content: Content, problems: Problems) -> None:
        """Every file's findings into ``problems`` and ``content``, in the order of the files."""
        findings = _scan_share(self.root, started.here)
        for share, future in started.aside:
            try:
                findings += future.result()
            except BrokenProcessPool:  # a process that died (killed for memory, say): its share here
                findings += _scan_share(self.root, share)
        if started.pool is not None:
            started.pool.shutdown()
        found = {path: (items, internal) for path, items, internal in findings}
        for file, key in started.keys.items():
            path = file.relative_to(self.root).as_posix()
            if key is None:
                scan_published_file(self.root, file, content, problems)  # reports the unreadable file
                continue
            entry = started.entries[file]
            if entry is None:
                items, internal = found[path]
                if any(item[0] != path for item in items):  # never so today; then it is not cached
                    for item in items:
                        problems.add(*item)
                    if internal:
                        content.internal_banks.add(path)
                    continue
                entry = {"sha256": key, "problems": [[line, message] for _, line, message in items], "internal": internal}
            for line, message in entry["problems"]:
                problems.add(path, line, message)
            if entry["internal"]:
                content.internal_banks.add(path)
            self.seen[path] = entry

    def _entry(self, file: Path, key: str) -> dict[str, Any] | None:
        entry = self.known.get(file.relative_to(self.root).as_posix())
        return entry if isinstance(entry, dict) and entry.get("sha256") == key and _valid_entry(entry) else None

    def save(self) -> None:
        write_json_whole(self.file, {"version": self.version, "files": self.seen})  # read-only: scanned each time


def _digest(file: Path) -> str | None:
    try:
        return hashlib.sha256(file.read_bytes()).hexdigest()
    except OSError:
        return None


def _shares(files: list[Path]) -> tuple[list[Path], list[list[Path]]]:
    """(this process's share, each side process's) of the files to scan afresh.

    A side process takes two files for each one this process keeps: this process runs the other
    loaders while they scan. Files are dealt out in turn (neighbours are alike in size, so the
    shares are even). Too few files for a side process to be worth its start: all of them here.
    """
    sides = min(len(files) // _FILES_PER_PROCESS, os.cpu_count() or 1) - 1
    if sides < 1:
        return files, []
    turn = 2 * sides + 1  # in each turn of the deal: one here, two for each side process
    here = files[::turn]
    aside = [[f for i, f in enumerate(files) if i % turn in (2 * side + 1, 2 * side + 2)] for side in range(sides)]
    return here, aside


def _scan_share(root: Path, files: list[Path]) -> list[Finding]:
    findings = []
    for file in files:
        path, found, scratch = file.relative_to(root).as_posix(), Problems(), Content()
        scan_published_file(root, file, scratch, found)
        findings.append((path, [(p.path, p.line, p.message) for p in found.items], path in scratch.internal_banks))
    return findings


def _valid_entry(entry: dict[str, Any]) -> bool:
    problems = entry.get("problems")
    return (isinstance(entry.get("internal"), bool) and isinstance(problems, list)
            and all(isinstance(p, list) and len(p) == 2 and isinstance(p[0], int) and isinstance(p[1], str)
                    for p in problems))


def scan_published_file(root: Path, file: Path, content: Content, problems: Problems) -> None:
    """One published file's part of :func:`scan_for_markings` (the preview rescans only what changed)."""
    path = file.relative_to(root).as_posix()
    scan_file_name(path, problems)
    for part, text in read_published(file, path, problems):
        if part:
            _scan_part(path, part, text, problems)
            continue
        scan_text(path, text, problems)
        if path.startswith("quizzes/") and path.endswith(YAML_SUFFIXES):
            _note_bank_classification(path, text, content, problems)


def _scan_part(path: str, part: str, text: str, problems: Problems) -> None:
    """One part of an office document (its lines mean nothing to the author: line 1, the part named)."""
    for found in sorted({f.text for f in _markings_in(text)}):
        problems.add(path, 1, f"in {part}: " + MARKING_MESSAGE.format(found=found))


def scan_commit_messages(content: Content) -> Problems:
    """Commit messages are published (every page's revision history): they may not carry a marking."""
    problems = Problems()
    reported: set[str] = set()
    files = content.history.files if content.history is not None else {}
    for path, commits in sorted(files.items()):
        for commit in commits:
            if commit.message in reported:
                continue
            reported.add(commit.message)
            for found in sorted({f.text for f in _markings_in(commit.message, one_line=True)}):
                problems.add(path, 1, f"the commit of {commit.date} ('{commit.message[:40]}') carries the "
                              + MARKING_MESSAGE.format(found=found) + "; rewrite that commit's message")
    return problems


def _note_bank_classification(path: str, text: str, content: Content, problems: Problems) -> None:
    found = bank_classification(text)
    if found is None:
        return
    value, line = found
    if value == "internal":
        content.internal_banks.add(path)
    elif value != "public" and not DECLARED.match(f"classification: {value}"):
        problems.add(path, line, f"field 'classification' must be one of public, internal, got '{value}'")
