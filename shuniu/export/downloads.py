"""Every bank's exports as site downloads (``quizzes/downloads/<bank id><suffix>``), made at build time.

Exporting every bank in every format on every build would slow the build, so each file is
kept in ``.cache/shuniu/exports/`` under the project root, keyed by the bank's published
content (questions, answers, source titles), the format and its exporter version: an unchanged
bank is read back from disk. A cache that cannot be written only costs time, never the build.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import weakref
from pathlib import Path

from shuniu.export.formats import FORMATS, Format, export_moment
from shuniu.generated import GeneratedFile
from shuniu.model import Content
from shuniu.problems import Problems
from shuniu.quiz.model import Bank
from shuniu.quiz.pages import bank_downloads as offer_on_bank_page
from shuniu.quiz.publish import canonical_json, question_data
from shuniu.render.html import esc

FOLDER = "quizzes/downloads"
CACHE = Path(".cache/shuniu/exports")
# Raise when the cache key or file naming changes; each format has its own version too.
CACHE_VERSION = 1
_DESCRIPTIONS = {
    "zh": {"docx": "打印用", "xlsx": "修改后用 shuniu quiz import 导回", "anki": "间隔复习", "gift": "", "aiken": "",
           "moodle-xml": "", "csv": ""},
    "en": {"docx": "for printing", "xlsx": "edit, then bring back with shuniu quiz import", "anki": "spaced review"},
}

_roots: list[tuple[weakref.ref[Content], Path]] = []
_made: tuple[weakref.ref[Content], list[GeneratedFile]] | None = None


def remember_root(root: Path, content: Content, problems: Problems) -> None:
    """Note where ``content`` was loaded from: the export cache lives under that root."""
    _roots[:] = [(ref, path) for ref, path in _roots if ref() is not None] + [(weakref.ref(content), root)]


def project_root(content: Content) -> Path:
    return next((path for ref, path in _roots if ref() is content), Path("."))


def file_name(bank: Bank, format_: Format) -> str:
    return f"{bank.id}{format_.suffix}"


def formats_of(bank: Bank) -> list[Format]:
    """The formats a bank is offered in (Aiken only when it has single-choice questions)."""
    return [format_ for format_ in FORMATS.values() if format_.offered and format_.holds(bank)]


def bank_downloads(content: Content, lang: str, today: datetime.date) -> list[GeneratedFile]:
    """Each bank in each format; made once per content object (the site asks once per language)."""
    global _made
    if _made is not None and _made[0]() is content:
        return _made[1]
    cache = project_root(content) / CACHE
    files = [GeneratedFile(f"{FOLDER}/{file_name(bank, format_)}", exported(content, bank, format_, today, cache))
             for bank in content.banks for format_ in formats_of(bank)]
    _made = (weakref.ref(content), files)
    return files


def cache_key(content: Content, bank: Bank, format_: Format) -> str:
    """Changes whenever anything that goes into the file changes (including source page titles)."""
    head = {"id": bank.id, "title": bank.title, "description": bank.description, "tags": list(bank.tags),
            "pass_mark": bank.pass_mark}
    questions = [question_data(content, bank, question) for question in bank.questions]
    versions = [CACHE_VERSION, format_.name, format_.version]
    text = canonical_json({"bank": head, "questions": questions, "versions": versions})
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def exported(content: Content, bank: Bank, format_: Format, today: datetime.date, cache: Path) -> bytes:
    """The file's bytes: from the cache when this bank, format and version were exported before."""
    prefix = f"{bank.id}.{format_.name}."
    path = cache / f"{prefix}{cache_key(content, bank, format_)}"
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = format_.make(content, [bank], export_moment(today, "SHUNIU_TODAY" in os.environ)).data
    try:
        cache.mkdir(parents=True, exist_ok=True)
        for old in cache.glob(f"{prefix}*"):
            old.unlink()  # an older version of this bank's file: never read again
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        temporary.replace(path)  # atomic: a parallel build never reads half a file
    except OSError:
        pass
    return data


@offer_on_bank_page
def download_links(bank: Bank, lang: str) -> str:
    """Markdown for the bank page's 下载 section: one link per file of ``bank``.

    Links are raw HTML because the files exist once at the site root: the English page
    (``en/quizzes/<id>.html``) reaches them two folders up, and MkDocs would reject a
    Markdown link to a file outside its language's file list.
    """
    base = "downloads/" if lang == "zh" else "../../quizzes/downloads/"
    lines = []
    for format_ in formats_of(bank):
        name = file_name(bank, format_)
        note = _DESCRIPTIONS.get(lang, _DESCRIPTIONS["en"]).get(format_.name, "")
        link = f'<a href="{esc(base + name)}" download>{esc(format_.label(lang))}</a>'
        lines.append(f"- {link}" + (("：" if lang == "zh" else ": ") + esc(note) if note else ""))
    return "\n".join(lines) + "\n"
