"""Release packages of a built site: one for web servers and one for opening from disk.

=====================================  ===========================================================
dist/shuniu-RELEASE-EDITION.zip        for a web server (also .tar.gz): site/, deploy/ (nginx,
                                       Apache, IIS configuration), MANIFEST.json, 部署说明.txt
dist/shuniu-RELEASE-EDITION-disk.zip   for a shared drive or a USB stick: 打开知识库.html (the
                                       start page), site/, MANIFEST.json
dist/SHA256SUMS                        the archives' checksums, for the transfer itself
=====================================  ===========================================================

Archives are reproducible: entries in a stable order, every time stamp set to the build time.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import tarfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from shuniu.release.deploy_files import deploy_files
from shuniu.release.manifest import MANIFEST_NAME, SITE_DIR, FileEntry, Manifest, Origin, release_name

START_PAGE = "打开知识库.html"
GUIDE_NAME = "部署说明.txt"
_GUIDE = Path(__file__).with_name("guide.txt")
_START = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=site/index.html">
<title>枢纽 · 办公室工作知识库</title>
</head>
<body>
<p><a href="site/index.html">打开枢纽知识库 · Open Shuniu</a></p>
</body>
</html>
"""


@dataclass(frozen=True)
class Member:
    """One file of a package: its name inside the package and its bytes (or the file holding them)."""

    name: str
    source: Path | None = None
    data: bytes = b""

    def read(self) -> bytes:
        return self.source.read_bytes() if self.source is not None else self.data


@dataclass(frozen=True)
class Release:
    """Everything about one release but its archives."""

    name: str
    edition: str
    built: datetime.datetime
    origin: Origin


def new_release(edition: str, origin: Origin, built: datetime.datetime | None = None) -> Release:
    moment = (built or datetime.datetime.now(datetime.UTC)).replace(microsecond=0)
    return Release(release_name(moment, origin), edition, moment, origin)


def write_packages(root: Path, site: Path, dist: Path, release: Release) -> list[Path]:
    """Write the server package (zip and tar.gz), the disk package (zip) and SHA256SUMS into ``dist``.

    ``root`` is the project folder: its deploy/ holds the web server configuration.
    """
    dist.mkdir(parents=True, exist_ok=True)
    base = f"shuniu-{release.name}-{release.edition}"
    configs = [Member(name, data=data) for name, data in deploy_files(root)]
    server = _with_manifest(_site_members(site) + configs + [_guide()], release)
    disk = _with_manifest(_site_members(site) + [Member(START_PAGE, data=_START.encode("utf-8"))], release)
    written = [
        _write_zip(dist / f"{base}.zip", base, server, release.built),
        _write_tar(dist / f"{base}.tar.gz", base, server, release.built),
        _write_zip(dist / f"{base}-disk.zip", f"{base}-disk", disk, release.built),
    ]
    sums = "".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n" for p in written)
    (dist / "SHA256SUMS").write_text(sums, encoding="utf-8")
    return written


def _site_members(site: Path) -> list[Member]:
    return [Member(f"{SITE_DIR}/{p.relative_to(site).as_posix()}", source=p)
            for p in sorted(site.rglob("*")) if p.is_file()]


def _guide() -> Member:
    return Member(GUIDE_NAME, data=_GUIDE.read_bytes())


def _with_manifest(members: list[Member], release: Release) -> list[Member]:
    entries = tuple(_entry(m) for m in sorted(members, key=lambda m: m.name))
    manifest = Manifest(release.name, release.edition, release.built.isoformat(), release.origin.commit,
                        release.origin.dirty, entries)
    return [Member(MANIFEST_NAME, data=manifest.to_json().encode("utf-8")), *sorted(members, key=lambda m: m.name)]


def _entry(member: Member) -> FileEntry:
    data = member.read()
    return FileEntry(member.name, len(data), hashlib.sha256(data).hexdigest())


def _write_zip(path: Path, top: str, members: Iterable[Member], built: datetime.datetime) -> Path:
    stamp = built.timetuple()[:6]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member in members:
            info = zipfile.ZipInfo(f"{top}/{member.name}", date_time=stamp)  # type: ignore[arg-type]
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, member.read())
    return path


def _write_tar(path: Path, top: str, members: Iterable[Member], built: datetime.datetime) -> Path:
    with tarfile.open(path, "w:gz", format=tarfile.PAX_FORMAT) as archive:
        for member in members:
            data = member.read()
            info = tarfile.TarInfo(f"{top}/{member.name}")
            info.size, info.mtime, info.mode = len(data), int(built.timestamp()), 0o644
            archive.addfile(info, io.BytesIO(data))
    return path


