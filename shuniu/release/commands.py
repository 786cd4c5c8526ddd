"""`shuniu package` and `shuniu verify-package`: thin commands over :mod:`shuniu.release`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from shuniu.control.editions import current_edition
from shuniu.release.manifest import git_origin
from shuniu.release.package import new_release, write_packages
from shuniu.release.verify import verify


@click.command("package")
@click.option("--site", type=click.Path(file_okay=False, path_type=Path), default="site", show_default=True,
              help="The built site (make build writes it).")
@click.option("-o", "--output", "dist", type=click.Path(file_okay=False, path_type=Path), default="dist",
              show_default=True, help="Folder to write the packages into.")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True,
              help="The project folder (its deploy/ holds the web server configuration).")
@click.option("--edition", type=click.Choice(["public", "internal"]), default=None,
              help="The edition the site was built as (default: SHUNIU_EDITION, else public).")
def package(site: Path, dist: Path, root: Path, edition: str | None) -> None:
    """Package the built SITE as a release: for web servers (zip, tar.gz) and for opening from disk (zip)."""
    if not (site / "index.html").is_file():
        raise click.ClickException(f"{site}: no built site here (run `make build` first)")
    release = new_release(edition or current_edition().value, git_origin(root))
    for path in write_packages(root, site, dist, release):
        click.echo(f"wrote {path.as_posix()}")
    click.echo(f"release {release.name} ({release.edition}); checksums in {(dist / 'SHA256SUMS').as_posix()}")


@click.command("verify-package")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def verify_package(paths: tuple[Path, ...]) -> None:
    """Check each package (.zip, .tar.gz or unpacked folder) against its MANIFEST.json.

    Prints `PATH: ok (...)` or every problem as `PATH: file: problem`; exit 1 if any.
    """
    failed = False
    for path in paths:
        verdict = verify(path)
        if verdict.ok:
            click.echo(f"{path.as_posix()}: ok ({verdict.summary})")
            continue
        failed = True
        for problem in verdict.problems:
            click.echo(f"{path.as_posix()}: {problem}")
    if failed:
        sys.exit(1)
