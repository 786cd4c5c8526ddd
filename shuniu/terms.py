"""The zh→en term list (docs/terms.en.yml): how translations render each Chinese term.

One entry per line, ``- {zh: 公文, en: official document}``, optionally with ``note``. It is a
translator's reference, not a page (mkdocs.yml leaves *.yml out of the site); `shuniu check`
keeps it usable: every entry has both sides, and no Chinese term is given twice.

The site uses it too: a page shown in Chinese on the English site (no translation, a bank of
Chinese questions) whose title is in the list gets the English title in menus and heading.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from shuniu.fields import FieldReader, describe
from shuniu.model import Content
from shuniu.problems import Problems
from shuniu.yamlsrc import LineDict, LineList, YamlError, load_yaml

TERMS_FILE = "docs/terms.en.yml"
ENTRY_FIELDS = {"zh", "en", "note"}


@dataclass(frozen=True)
class TermPair:
    """A Chinese term and the English every translation uses for it."""

    zh: str
    en: str
    line: int


def load_terms(root: Path, content: Content, problems: Problems) -> None:
    """Check the term list if there is one; every problem is reported with its line."""
    file = root / TERMS_FILE
    if not file.is_file():
        return
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.add(TERMS_FILE, 1, "file is not valid UTF-8 text")
        return
    content.english_terms.update((pair.zh, pair.en) for pair in read_terms(TERMS_FILE, text, problems))


def read_terms(path: str, text: str, problems: Problems) -> list[TermPair]:
    """The entries of a term list, in file order; broken entries are reported and skipped."""
    try:
        data = load_yaml(text)
    except YamlError as error:
        problems.add(path, error.line, error.message)
        return []
    if data is None:
        return []
    if not isinstance(data, LineList):
        problems.add(path, 1, f"the term list must be a list of entries (- {{zh: ..., en: ...}}), got {describe(data)}")
        return []
    pairs: list[TermPair] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(data):
        if not isinstance(item, LineDict):
            problems.add(path, data.line_of(index), f"an entry must be a mapping {{zh: ..., en: ...}}, got {describe(item)}")
            continue
        fields = FieldReader(item, path, problems)
        fields.unknown(ENTRY_FIELDS)
        zh, en = fields.text("zh"), fields.text("en")
        fields.text("note", required=False)
        if not zh or not en:
            continue
        if zh in seen:
            problems.add(path, item.line, f"duplicate term '{zh}' (also on line {seen[zh]})")
            continue
        seen[zh] = item.line
        pairs.append(TermPair(zh, " ".join(en.split()), item.line))  # one line: it ends up in tooltips
    return pairs
