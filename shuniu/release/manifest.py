"""The manifest of a release: every file of the built site with its size and SHA-256, and where
the release came from (build date, git commit, edition).

Office IT checks a copy against it after every transfer (USB stick, file share, server), so a
truncated, altered or half-copied site is found before readers see it.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

FORMAT = "shuniu-release"
VERSION = 1
MANIFEST_NAME = "MANIFEST.json"
SITE_DIR = "site"  # the built site sits in this folder of a package


@dataclass(frozen=True)
class FileEntry:
    path: str  # package-relative, with "/" separators
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    release: str  # e.g. "2026.12.01-5dc1d3c"
    edition: str  # "public" or "internal"
    built: str  # ISO 8601 time with its offset
    commit: str  # full git commit, "" outside a repository
    dirty: bool  # the working tree had uncommitted changes
    files: tuple[FileEntry, ...]

    def to_json(self) -> str:
        data = {
            "format": FORMAT, "version": VERSION, "release": self.release, "edition": self.edition,
            "built": self.built, "commit": self.commit, "dirty": self.dirty,
            "files": [{"path": f.path, "size": f.size, "sha256": f.sha256} for f in self.files],
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class Origin:
    commit: str
    dirty: bool


def git_origin(root: Path) -> Origin:
    """The commit the project is at and whether its tree has uncommitted changes."""
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True,
                              check=False, timeout=30)
        status = subprocess.run(["git", "status", "--porcelain", "--", "docs", "quizzes", "shuniu", "mkdocs.yml"],
                                cwd=root, capture_output=True, text=True, check=False, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return Origin("", False)
    if head.returncode != 0:
        return Origin("", False)
    return Origin(head.stdout.strip(), bool(status.stdout.strip()))


def release_name(built: datetime.datetime, origin: Origin) -> str:
    """A release name that sorts by date and says which commit it is: ``2026.12.01-5dc1d3c``."""
    name = built.strftime("%Y.%m.%d")
    if origin.commit:
        name += f"-{origin.commit[:7]}"
    return name + ("-dirty" if origin.dirty else "")
