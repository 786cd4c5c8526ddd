"""`shuniu check` on every save, fast: the same loaders and checkers as :func:`shuniu.check.check_root`,
with the per-file parts (reading pages and banks, scanning for classified markings) remembered per
file until the file changes. The cross-file rules run in full each time, so the problems are the same."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from shuniu.content import DOCS, SKIP_DIRS, check_pages
from shuniu.control.classification import begin_scan_for_markings, scan_published_file
from shuniu.control.published import published_files
from shuniu.features import CHECKERS, LOADERS
from shuniu.model import Content, Page
from shuniu.pages import load_page
from shuniu.placeholders import find_placeholders
from shuniu.problems import Problems
from shuniu.quiz.load import QUIZZES, load_bank, load_banks
from shuniu.quiz.model import Bank

Stamp = tuple[int, int]  # a file's modification time (ns) and size


def _stamp(file: Path) -> Stamp:
    status = file.stat()
    return status.st_mtime_ns, status.st_size


@dataclass(frozen=True)
class _PageRead:
    stamp: Stamp
    page: Page
    problems: Problems


@dataclass(frozen=True)
class _Scan:
    stamp: Stamp
    problems: Problems
    internal_banks: frozenset[str]


@dataclass(frozen=True)
class _BankRead:
    stamp: Stamp
    bank: Bank | None
    problems: Problems
    question_ids: frozenset[str]  # every question id the file declares (even on a question with problems)


class IncrementalCheck:
    """Checks one content root again and again, rereading only the files that changed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._pages: dict[Path, _PageRead] = {}
        self._scans: dict[Path, _Scan] = {}
        self._banks: dict[Path, _BankRead] = {}

    def run(self) -> tuple[Content, Problems]:
        """Everything `shuniu check` loads and reports for the root as it is now."""
        content, problems = self._load_content()
        for load in LOADERS:
            if load is begin_scan_for_markings:
                self._scan_markings(content, problems)
            elif load is load_banks:
                self._load_banks(content, problems)
            else:
                load(self.root, content, problems)
        for check in (check_pages, *CHECKERS):
            problems.extend(check(content))
        problems.extend(find_placeholders(self.root))  # a plain text search of every file: cheap
        return content, problems

    def _load_content(self) -> tuple[Content, Problems]:
        """:func:`shuniu.content.load_content`, reading only changed pages."""
        problems = Problems()
        docs = self.root / DOCS
        if not docs.is_dir():
            problems.add(DOCS, 0, "no docs folder here (use --root to name the project folder)")
            return Content(), problems
        pages: list[Page] = []
        assets: set[str] = set()
        seen: dict[Path, _PageRead] = {}
        for file in sorted(docs.rglob("*")):
            if not file.is_file() or SKIP_DIRS & set(file.relative_to(docs).parts):
                continue
            if file.suffix != ".md":
                assets.add(file.relative_to(docs).as_posix())
                continue
            read = self._pages.get(file)
            if read is None or read.stamp != _stamp(file):
                stamp, own = _stamp(file), Problems()
                read = _PageRead(stamp, load_page(docs, file, self.root, own), own)
            seen[file] = read
            pages.append(read.page)
            problems.extend(read.problems)
        self._pages = seen
        return Content(pages, assets), problems

    def _scan_markings(self, content: Content, problems: Problems) -> None:
        """:func:`shuniu.control.classification.scan_for_markings`, rescanning only changed files."""
        seen: dict[Path, _Scan] = {}
        for file in published_files(self.root):
            scan = self._scans.get(file)
            if scan is None or scan.stamp != _stamp(file):
                stamp, own, found = _stamp(file), Problems(), Content()
                scan_published_file(self.root, file, found, own)
                scan = _Scan(stamp, own, frozenset(found.internal_banks))
            seen[file] = scan
            problems.extend(scan.problems)
            content.internal_banks.update(scan.internal_banks)
        self._scans = seen

    def _load_banks(self, content: Content, problems: Problems) -> None:
        """:func:`shuniu.quiz.load.load_banks`, rereading only changed banks. Each bank is read on its
        own; a question id in two files is reported by reading them all together, as the check does."""
        folder = self.root / QUIZZES
        if not folder.is_dir():
            return
        seen: dict[Path, _BankRead] = {}
        own = Problems()
        for file in sorted(folder.iterdir()):
            path = f"{QUIZZES}/{file.name}"
            if file.suffix == ".yaml":
                own.add(path, 1, f"bank files end in .yml: rename it to {file.stem}.yml")
            elif file.suffix == ".yml" and file.is_file():
                read = self._banks.get(file)
                if read is None or read.stamp != _stamp(file):
                    stamp, found, ids = _stamp(file), Problems(), dict[str, str]()
                    read = _BankRead(stamp, load_bank(file, path, found, ids), found, frozenset(ids))
                seen[file] = read
        self._banks = seen
        declared = [read.question_ids for read in seen.values()]
        if sum(map(len, declared)) != len(frozenset().union(*declared)):
            load_banks(self.root, content, problems)  # an id in two banks: the shared reading reports it
            return
        problems.extend(own)
        for file, read in seen.items():
            problems.extend(read.problems)
            content.banks.append(read.bank if read.bank is not None else Bank(file.stem, "", f"{QUIZZES}/{file.name}", ()))
