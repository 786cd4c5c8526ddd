"""Release packages: what `shuniu package` writes, what `shuniu verify-package` says of good,
damaged and hostile packages, and the disk package opened from disk in Chromium."""

from __future__ import annotations

import io
import json
import subprocess
import tarfile
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PROJECT

from shuniu.cli import main
from shuniu.release.manifest import MANIFEST_NAME


@pytest.fixture(scope="module")
def dist(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    result = CliRunner().invoke(main, ["package", "--site", str(built_site), "-o", str(out), "--root", str(PROJECT)])
    assert result.exit_code == 0, result.output
    return out


def archives(dist: Path) -> dict[str, Path]:
    found = {p.name: p for p in dist.iterdir() if p.name != "SHA256SUMS"}
    assert len(found) == 3, sorted(found)
    return {
        "server-zip": next(p for n, p in found.items() if n.endswith("-public.zip")),
        "server-tar": next(p for n, p in found.items() if n.endswith("-public.tar.gz")),
        "disk": next(p for n, p in found.items() if n.endswith("-public-disk.zip")),
    }


def verify(*paths: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["verify-package", *map(str, paths)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_packages_verify_and_say_where_they_came_from(dist: Path, built_site: Path) -> None:
    made = archives(dist)
    code, output = verify(*made.values())
    assert code == 0, output
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=PROJECT, capture_output=True, text=True).stdout.strip()
    for line in output.splitlines():
        assert ": ok (release " in line and "edition public" in line and f"commit {commit[:12]}" in line
    with zipfile.ZipFile(made["server-zip"]) as archive:
        names = archive.namelist()
        top = names[0].split("/")[0]
        manifest = json.loads(archive.read(f"{top}/{MANIFEST_NAME}"))
    site_files = sorted("site/" + p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file())
    listed = [entry["path"] for entry in manifest["files"]]
    assert [p for p in listed if p.startswith("site/")] == site_files
    assert {"deploy/nginx/shuniu.conf", "deploy/nginx/shuniu-headers.conf", "deploy/apache/shuniu.conf",
            "deploy/iis/web.config", "部署说明.txt"} <= set(listed)
    assert (manifest["format"], manifest["edition"], manifest["commit"]) == ("shuniu-release", "public", commit)
    assert manifest["built"][:4].isdigit() and ("+" in manifest["built"] or manifest["built"].endswith("Z"))
    sums = (dist / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert sorted(line.split("  ")[1] for line in sums) == sorted(p.name for p in made.values())


def test_configuration_in_the_package_carries_the_site_policy(dist: Path) -> None:
    with zipfile.ZipFile(archives(dist)["server-zip"]) as archive:
        top = archive.namelist()[0].split("/")[0]
        headers = archive.read(f"{top}/deploy/nginx/shuniu-headers.conf").decode("utf-8")
        iis = archive.read(f"{top}/deploy/iis/web.config").decode("utf-8")
    assert "@CSP@" not in headers and "@CSP@" not in iis
    assert "add_header Content-Security-Policy \"frame-ancestors 'none'" in headers


def unpack(archive: Path, into: Path) -> Path:
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(into)
    return next(into.iterdir())


def test_damage_to_an_unpacked_copy_is_listed_in_full(dist: Path, tmp_path: Path) -> None:
    folder = unpack(archives(dist)["server-zip"], tmp_path)
    (folder / "site" / "index.html").write_text("changed", encoding="utf-8")
    (folder / "site" / "glossary.html").unlink()
    (folder / "site" / "extra.html").write_text("x", encoding="utf-8")
    code, output = verify(folder)
    assert code == 1
    assert output.splitlines() == [
        f"{folder.as_posix()}: site/glossary.html: missing",
        f"{folder.as_posix()}: site/index.html: changed (size or SHA-256 differs from the manifest)",
        f"{folder.as_posix()}: site/extra.html: not in the manifest",
    ]


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_hostile_and_broken_packages_get_a_message_not_a_traceback(tmp_path: Path) -> None:
    manifest = json.dumps({"format": "shuniu-release", "version": 1, "files": []}).encode()
    cases = {
        "escape.zip": ({"p/MANIFEST.json": manifest, "p/../../evil.txt": b"x"}, "p/../../evil.txt: unsafe name (refused)"),
        "absolute.zip": ({"p/MANIFEST.json": manifest, "/etc/passwd": b"x"}, "/etc/passwd: unsafe name (refused)"),
        "deep.zip": ({"p/MANIFEST.json": b"[" * 100_000}, "MANIFEST.json: not valid JSON (RecursionError)"),
        "notjson.zip": ({"p/MANIFEST.json": b"\xff\xfe"}, "MANIFEST.json: not valid JSON (UnicodeDecodeError)"),
        "types.zip": ({"p/MANIFEST.json": json.dumps({"format": "shuniu-release", "version": 1, "files": [
            {"path": "a", "size": "1", "sha256": "0" * 64}]}).encode()},
            "MANIFEST.json: files[0] must have a path, a size and a SHA-256"),
        "nomanifest.zip": ({"p/index.html": b"x"}, "no MANIFEST.json in the package"),
    }
    for name, (members, expected) in cases.items():
        code, output = verify(_zip(tmp_path / name, members))
        assert code == 1 and expected in output, (name, output)
    link = tmp_path / "link.tar.gz"
    with tarfile.open(link, "w:gz") as archive:
        info = tarfile.TarInfo("p/MANIFEST.json")
        info.size = len(manifest)
        archive.addfile(info, io.BytesIO(manifest))
        sym = tarfile.TarInfo("p/site/index.html")
        sym.type, sym.linkname = tarfile.SYMTYPE, "/etc/shadow"
        archive.addfile(sym)
    code, output = verify(link)
    assert code == 1 and "site/index.html: a link or device, not a file (refused)" in output
    (tmp_path / "random.bin").write_bytes(b"\x00garbage" * 100)
    code, output = verify(tmp_path / "random.bin")
    assert code == 1 and "cannot read the package: random.bin is neither a folder, a .zip nor a .tar.gz" in output


@pytest.mark.browser
def test_the_disk_package_opens_from_its_start_page_and_searches(dist: Path, tmp_path: Path, page) -> None:
    from test_site_browser import open_search

    folder = unpack(archives(dist)["disk"], tmp_path)
    start = folder / "打开知识库.html"
    assert start.is_file() and not (folder / "deploy").exists()
    page.goto(start.as_uri())
    page.wait_for_url("**/site/index.html")
    assert page.locator("h1").first.inner_text().strip()
    open_search(page)
    page.locator("input.md-search__input").fill("印章")
    page.locator("input.md-search__input").press("End")
    page.wait_for_selector(".md-search-result__item", state="attached", timeout=30000)
