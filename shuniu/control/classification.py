"""The classification guard: no state-secret (涉密) content may enter the repository or the site.

A state secret carries a marking: its level (绝密, 机密, 秘密) followed by ★ and its secrecy
period, e.g. 秘密★10年 (GB/T 9704-2012 7.2.2). Any file under docs/ or quizzes/ that carries
such a marking, or whose front matter / data declares such a level, fails `shuniu check` and
the build in every edition. Teaching text about the rules ("密级★保密期限", "秘密级不超过 10 年",
"绝密级公文") is not a marking and passes: a level word must be followed directly (spaces
allowed) by ★/☆ or by a period such as "10年" / "6个月".
"""

from __future__ import annotations

import re
from pathlib import Path

from shuniu.check import loader
from shuniu.model import Content
from shuniu.problems import Problems

SCANNED_FOLDERS = ("docs", "quizzes")
SCANNED_SUFFIXES = {".md", ".markdown", ".yml", ".yaml", ".txt", ".csv"}

_LEVEL = r"(?:绝密|机密|秘密)"
_SPACE = r"[ \t\u3000]*"
_PERIOD = rf"(?:[0-9０-９]+{_SPACE}(?:年|个月))"
# A marking: level, then ★/☆ (and the period, if any, so the message quotes it whole) or a period.
MARKING = re.compile(rf"{_LEVEL}{_SPACE}(?:[★☆](?:{_SPACE}(?:{_PERIOD}|长期))?|{_PERIOD})")
_LEVEL_VALUE = r"(?:绝密|机密|秘密)级?|top[ _-]?secret|secret|confidential"
# A key declaring a level: `密级: 秘密`, `classification: secret` (also as a list item or quoted).
DECLARED = re.compile(
    rf"""^\s*(?:-\s+)?["']?(?P<key>密级|classification)["']?\s*[:：]\s*["']?(?P<level>{_LEVEL_VALUE})["']?\s*(?:\#.*)?$""",
    re.IGNORECASE,
)
_WORTH_A_LOOK = re.compile(r"绝密|机密|秘密|classification", re.IGNORECASE)
_BANK_CLASS = re.compile(r"^classification\s*:\s*[\"']?(?P<value>[^\"'#\s]*)")

MARKING_MESSAGE = (
    "classification marking '{found}': classified (涉密) information must never be stored in this "
    "repository or published on the site; remove it (teaching text writes the generic form 密级★保密期限)"
)
DECLARED_MESSAGE = (
    "'{key}' declares the classified level '{level}': classified (涉密) documents must never be stored in "
    "this repository; only 'classification: public' or 'classification: internal' are allowed"
)


def scanned_files(root: Path) -> list[Path]:
    """Every text file under docs/ and quizzes/ that people write content in."""
    return [
        file
        for folder in SCANNED_FOLDERS
        for file in sorted((root / folder).rglob("*"))
        if file.suffix.lower() in SCANNED_SUFFIXES and file.is_file() and "__pycache__" not in file.parts
    ]


def scan_text(path: str, text: str, problems: Problems) -> None:
    """Add a problem for every marking and every declared classified level in one file."""
    if not _WORTH_A_LOOK.search(text):
        return  # most files mention no level at all: skip the line-by-line pass
    lines = text.split("\n")
    declared_until = _data_lines(path, lines)
    for number, line in enumerate(lines, start=1):
        for match in MARKING.finditer(line):
            problems.add(path, number, MARKING_MESSAGE.format(found=match.group(0)))
        declared = DECLARED.match(line) if number <= declared_until else None
        if declared:
            problems.add(path, number, DECLARED_MESSAGE.format(key=declared["key"], level=declared["level"]))


def _data_lines(path: str, lines: list[str]) -> int:
    """How many leading lines are data (where a key can declare a level): all of a YAML file,
    the front matter of a Markdown page, none of other text."""
    if path.endswith((".yml", ".yaml")):
        return len(lines)
    if path.endswith((".md", ".markdown")) and lines and lines[0].strip() == "---":
        closing = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), 0)
        return closing
    return 0


def bank_classification(text: str) -> tuple[str, int] | None:
    """(value, line) of a bank's top-level ``classification`` field, read without parsing the bank."""
    for number, line in enumerate(text.split("\n"), start=1):
        match = _BANK_CLASS.match(line)
        if match:
            return match["value"], number
    return None


@loader
def scan_for_markings(root: Path, content: Content, problems: Problems) -> None:
    """Scan every content file for classified markings; note which banks are internal."""
    for file in scanned_files(root):
        path = file.relative_to(root).as_posix()
        try:
            text = file.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # the page and bank loaders report unreadable files
        scan_text(path, text, problems)
        if path.startswith("quizzes/") and path.endswith((".yml", ".yaml")):
            _note_bank_classification(path, text, content, problems)


def _note_bank_classification(path: str, text: str, content: Content, problems: Problems) -> None:
    found = bank_classification(text)
    if found is None:
        return
    value, line = found
    if value == "internal":
        content.internal_banks.add(path)
    elif value != "public" and not DECLARED.match(f"classification: {value}"):
        problems.add(path, line, f"field 'classification' must be one of public, internal, got '{value}'")
