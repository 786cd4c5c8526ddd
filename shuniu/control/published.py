"""Which files the site publishes or is built from, and how the classification guard reads them.

All of docs/ and quizzes/, mkdocs.yml and the theme's ``custom_dir``; hidden files are left
out because MkDocs does not publish them. Text must be UTF-8 (a file that is not is an error,
never skipped); known binary files are not text, unless their bytes are (a renamed .txt);
office documents are zipped XML and are read part by part.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from shuniu.problems import Problems

SCANNED_FOLDERS = ("docs", "quizzes")
SITE_SETTINGS = "mkdocs.yml"
# Files that are not text; one that still reads as UTF-8 text (a renamed .txt) is scanned anyway.
BINARY_SUFFIXES = {
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".ico", ".tif", ".tiff", ".avif",
    ".woff", ".woff2", ".ttf", ".otf", ".eot", ".pdf", ".zip", ".gz", ".7z",
    ".docx", ".xlsx", ".pptx", ".doc", ".xls", ".ppt", ".odt", ".ods", ".odp",
    ".mp3", ".mp4", ".m4a", ".wav", ".ogg", ".webm", ".wasm",
}
# Zipped XML: their text is read part by part (a marking in a download is published too).
OFFICE_SUFFIXES = {".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"}
_OFFICE_PART_LIMIT = 50_000_000
YAML_SUFFIXES = (".yml", ".yaml")
NOT_TEXT_MESSAGE = (
    "file is not valid UTF-8 text, so the classification guard cannot read it: save it as UTF-8 "
    "(a binary file needs its usual extension, such as .png or .pdf)"
)
_CUSTOM_DIR = re.compile(r"""^\s*custom_dir\s*:\s*["']?([^"'#\n]+?)["']?\s*(?:#.*)?$""", re.MULTILINE)


def published_files(root: Path) -> list[Path]:
    """Every file that is published or feeds the site: all of docs/ and quizzes/, mkdocs.yml and
    the theme's ``custom_dir`` (its templates are published on every page).

    Hidden files (.DS_Store, .git) are left out: MkDocs does not publish them.
    """
    settings = root / SITE_SETTINGS
    folders = list(SCANNED_FOLDERS)
    if settings.is_file():
        folders += _CUSTOM_DIR.findall(settings.read_text(encoding="utf-8", errors="replace"))
    files = [
        file
        for folder in dict.fromkeys(folders)
        if (root / folder.strip()).resolve().is_relative_to(root.resolve())
        for file in sorted((root / folder.strip()).rglob("*"))
        if file.is_file() and not _hidden(file.relative_to(root))
    ]
    return files + ([settings] if settings.is_file() else [])


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") or part == "__pycache__" for part in relative.parts)


def read_published(file: Path, path: str, problems: Problems) -> list[tuple[str, str]]:
    """(part, text) pairs to scan: ("", the text) of a text file, one pair per XML part of an
    office document, none for a binary file or (with a problem) for text that is not UTF-8."""
    try:
        data = file.read_bytes()
    except OSError as error:
        problems.add(path, 1, f"file cannot be read: {error.strerror}")
        return []
    if file.suffix.lower() in OFFICE_SUFFIXES and zipfile.is_zipfile(file):
        return _office_parts(file, path, problems)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if file.suffix.lower() not in BINARY_SUFFIXES and not _reported_by_its_loader(path):
            problems.add(path, 1, NOT_TEXT_MESSAGE)
        return []
    return [] if file.suffix.lower() in BINARY_SUFFIXES and "\x00" in text else [("", text)]


def _office_parts(file: Path, path: str, problems: Problems) -> list[tuple[str, str]]:
    """Word, Excel, PowerPoint and OpenDocument files are zipped XML: the text of each part."""
    parts = []
    try:
        with zipfile.ZipFile(file) as archive:
            for info in archive.infolist():
                if not info.filename.endswith(".xml"):
                    continue
                if info.file_size > _OFFICE_PART_LIMIT:
                    problems.add(path, 1, f"{info.filename} is too large to check ({info.file_size} bytes)")
                    continue
                parts.append((info.filename, archive.read(info).decode("utf-8", errors="replace")))
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, ValueError):
        pass  # a damaged archive: whatever parts were read are scanned
    return parts


def _reported_by_its_loader(path: str) -> bool:
    """Pages, banks, plans and the glossary say 'not valid UTF-8' themselves: one message is enough."""
    folder, _, name = path.rpartition("/")
    return (
        (path.startswith("docs/") and name.endswith(".md"))
        or (folder == "quizzes" and name.endswith(".yml"))
        or (folder == "docs/study/plans" and name.endswith(YAML_SUFFIXES))
        or path == "docs/glossary.yml"
    )
