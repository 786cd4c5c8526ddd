"""Every bank's exports as site downloads (``quizzes/downloads/<bank id><suffix>``), made at build time.

Exporting every bank in every format on every build would slow the build, so each file is
kept in ``.cache/shuniu/exports/`` under the project root, keyed by the bank's published
content (questions, answers, source titles), the format and its exporter version: an unchanged
bank is read back from disk. A cache that cannot be written only costs time, never the build.

A site build calls :func:`start_exports` as soon as the content is checked: the files the cache
lacks are made in worker processes while the pages render, and :func:`bank_downloads` (a late
generator, asked after the pages) collects them.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import weakref
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from shuniu.export.formats import FORMATS, Format, export_moment
from shuniu.generated import GeneratedFile
from shuniu.model import Content
from shuniu.problems import Problems
from shuniu.quiz.model import Bank
from shuniu.quiz.pages import bank_downloads as offer_on_bank_page
from shuniu.quiz.publish import canonical_json, question_data
from shuniu.render.html import esc
from shuniu.side_processes import LAST, forked_pool

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
    versions = canonical_json([CACHE_VERSION, format_.name, format_.version])
    return hashlib.sha256((_bank_text(content, bank) + versions).encode("utf-8")).hexdigest()[:24]


_bank_texts: tuple[weakref.ref[Content], dict[str, str]] | None = None  # the latest content's, by bank id


def _bank_text(content: Content, bank: Bank) -> str:
    """What goes into every file of ``bank``, as canonical JSON; worked out once per bank and content."""
    global _bank_texts
    if _bank_texts is None or _bank_texts[0]() is not content:
        _bank_texts = (weakref.ref(content), {})
    texts = _bank_texts[1]
    if bank.id not in texts:
        head = {"id": bank.id, "title": bank.title, "description": bank.description, "tags": list(bank.tags),
                "pass_mark": bank.pass_mark if bank.pass_mark_written else None}  # the xlsx leaves a default blank
        questions = [question_data(content, bank, question) for question in bank.questions]
        texts[bank.id] = canonical_json({"bank": head, "questions": questions})
    return texts[bank.id]


def _cache_path(content: Content, bank: Bank, format_: Format, cache: Path) -> Path:
    return cache / f"{bank.id}.{format_.name}.{cache_key(content, bank, format_)}"


_pending: dict[Path, Future[bytes]] = {}  # files being made in worker processes, by cache path
_job: tuple[Content, datetime.date, Path] | None = None  # what forked workers export from
_pool: ProcessPoolExecutor | None = None


def start_exports(content: Content, today: datetime.date) -> int:
    """Begin making, in worker processes, every file of ``content`` the cache lacks; how many.

    Workers are forked (they share the loaded content without copying it through a pipe); where
    fork is not available, or on one core, nothing starts and the files are made when asked for.
    """
    global _job, _pool
    cancel_exports()
    workers = min(4, (os.cpu_count() or 1) - 1)
    cache = project_root(content) / CACHE
    missing = [(number, format_) for number, bank in enumerate(content.banks) for format_ in formats_of(bank)
               if not _cache_path(content, bank, format_, cache).exists()]
    _pool = forked_pool(min(workers, len(missing)), LAST)  # none for no files; the files go after the pages
    if _pool is None:
        return 0
    _job = (content, today, cache)  # before the first submit forks the workers: they find it there
    for number, format_ in missing:
        path = _cache_path(content, content.banks[number], format_, cache)
        _pending[path] = _pool.submit(_export_in_worker, number, format_.name)
    return len(missing)


def cancel_exports() -> None:
    """Forget files still being made (the content changed) and let the workers go."""
    global _pool
    _pending.clear()
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None


def _export_in_worker(number: int, format_name: str) -> bytes:
    assert _job is not None, "workers are forked after start_exports sets the job"
    content, today, cache = _job
    return exported(content, content.banks[number], FORMATS[format_name], today, cache)


def _from_worker(path: Path) -> bytes | None:
    """The file a worker made for ``path``, waiting for it; None if none was asked or it failed."""
    future = _pending.pop(path, None)
    try:
        return future.result() if future is not None else None
    except Exception:  # noqa: BLE001 - a failed worker only means the file is made here instead
        return None


def exported(content: Content, bank: Bank, format_: Format, today: datetime.date, cache: Path) -> bytes:
    """The file's bytes: from the cache when this bank, format and version were exported before."""
    prefix = f"{bank.id}.{format_.name}."
    path = _cache_path(content, bank, format_, cache)
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = _from_worker(path)
    if data is not None:
        return data
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
