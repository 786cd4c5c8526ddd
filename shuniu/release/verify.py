"""Checking a release against its manifest: an archive as received, or a folder as unpacked.

Everything in the package is untrusted until checked: the manifest is size-limited and
type-checked, archive members that would land outside the package (absolute names, ``..``,
links, devices) are refused without being read, and every problem is listed, not just the first.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import tarfile
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from shuniu.release.manifest import FORMAT, MANIFEST_NAME, VERSION

MAX_MANIFEST_BYTES = 50 * 1024 * 1024
_HEX = set("0123456789abcdef")


@dataclass
class Verdict:
    """What the check found: the manifest's summary line and every problem."""

    summary: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(path: Path) -> Verdict:
    """Check the package at ``path`` (.zip, .tar.gz or an unpacked folder) against its manifest."""
    verdict = Verdict()
    try:
        files = dict(_members(path, verdict))
    except (OSError, zipfile.BadZipFile, tarfile.TarError, EOFError) as error:
        verdict.problems.append(f"cannot read the package: {error}")
        return verdict
    manifest = files.pop(MANIFEST_NAME, None)
    if manifest is None:
        verdict.problems.append(f"no {MANIFEST_NAME} in the package")
        return verdict
    listed = _read_manifest(manifest.read(), verdict)
    if listed is None:
        return verdict
    for name, (size, digest) in sorted(listed.items()):
        member = files.pop(name, None)
        if member is None:
            verdict.problems.append(f"{name}: missing")
            continue
        # The size first: a member much larger than listed (a zip bomb, say) is never read.
        if member.size != size or hashlib.sha256(member.read()).hexdigest() != digest:
            verdict.problems.append(f"{name}: changed (size or SHA-256 differs from the manifest)")
    verdict.problems.extend(f"{name}: not in the manifest" for name in sorted(files))
    return verdict


class _Source:
    """A member's bytes, read only when needed (a package holds thousands of files)."""

    def __init__(self, reader: object, key: object, size: int) -> None:
        self.reader, self.key, self.size = reader, key, size

    def read(self) -> bytes:
        if isinstance(self.reader, Path):
            return (self.reader / str(self.key)).read_bytes()
        if isinstance(self.reader, zipfile.ZipFile):
            return self.reader.read(self.key)  # type: ignore[arg-type]
        stream = self.reader.extractfile(self.key)  # type: ignore[attr-defined]
        return stream.read() if stream else b""


def _members(path: Path, verdict: Verdict) -> Iterator[tuple[str, _Source]]:
    if path.is_dir():
        for file in sorted(p for p in path.rglob("*") if p.is_file() or p.is_symlink()):
            name = file.relative_to(path).as_posix()
            if file.is_symlink():
                verdict.problems.append(f"{name}: a link, not a file (refused)")
            else:
                yield name, _Source(path, name, file.stat().st_size)
    elif zipfile.is_zipfile(path):
        archive = zipfile.ZipFile(path)
        entries: list[tuple[str, object, bool, int]] = [(i.filename, i, i.is_dir(), i.file_size) for i in archive.infolist()]
        yield from _inside_top(entries, archive, verdict, lambda info: (info.external_attr >> 16) & 0o170000 == 0o120000)
    elif tarfile.is_tarfile(path):
        tar = tarfile.open(path)
        members: list[tuple[str, object, bool, int]] = [(m.name, m, m.isdir(), m.size) for m in tar.getmembers()]
        yield from _inside_top(members, tar, verdict, lambda member: not (member.isfile() or member.isdir()))
    else:
        raise OSError(f"{path.name} is neither a folder, a .zip nor a .tar.gz")


def _inside_top(entries: Sequence[tuple[str, object, bool, int]], reader: object, verdict: Verdict,
                is_special: object) -> Iterator[tuple[str, _Source]]:
    """Members named relative to the package's one top folder; unsafe names refused unread."""
    tops = {name.split("/", 1)[0] for name, _, _, _ in entries}
    top = tops.pop() if len(tops) == 1 else ""
    if not top:
        verdict.problems.append("the archive must hold exactly one top folder")
    for name, key, is_dir, size in entries:
        if is_dir:
            continue
        normal = posixpath.normpath(name)
        if name.startswith("/") or "\\" in name or normal.startswith("..") or "/../" in f"/{name}/":
            verdict.problems.append(f"{name}: unsafe name (refused)")
        elif is_special(key):  # type: ignore[operator]
            verdict.problems.append(f"{name}: a link or device, not a file (refused)")
        elif top and name.startswith(top + "/"):
            yield name[len(top) + 1 :], _Source(reader, key, size)


def _read_manifest(data: bytes, verdict: Verdict) -> dict[str, tuple[int, str]] | None:
    if len(data) > MAX_MANIFEST_BYTES:
        verdict.problems.append(f"{MANIFEST_NAME}: larger than {MAX_MANIFEST_BYTES // 1024 // 1024} MB")
        return None
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        verdict.problems.append(f"{MANIFEST_NAME}: not valid JSON ({type(error).__name__})")
        return None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        verdict.problems.append(f"{MANIFEST_NAME}: not a {FORMAT} manifest of version {VERSION}")
        return None
    files = manifest.get("files")
    if not isinstance(files, list):
        verdict.problems.append(f"{MANIFEST_NAME}: 'files' must be a list")
        return None
    listed: dict[str, tuple[int, str]] = {}
    for index, entry in enumerate(files):
        checked = _entry(entry)
        if checked is None:
            verdict.problems.append(f"{MANIFEST_NAME}: files[{index}] must have a path, a size and a SHA-256")
        else:
            listed[checked[0]] = checked[1:]
    verdict.summary = (f"release {manifest.get('release')!s}, edition {manifest.get('edition')!s}, "
                       f"commit {str(manifest.get('commit') or '-')[:12]}, built {manifest.get('built')!s}, "
                       f"{len(listed)} files")
    return listed


def _entry(entry: object) -> tuple[str, int, str] | None:
    if not isinstance(entry, dict):
        return None
    path, size, digest = entry.get("path"), entry.get("size"), entry.get("sha256")
    if not isinstance(path, str) or not path or type(size) is not int or size < 0:
        return None
    if not isinstance(digest, str) or len(digest) != 64 or not set(digest) <= _HEX:
        return None
    return path, size, digest
