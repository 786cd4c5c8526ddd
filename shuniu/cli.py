"""The `shuniu` command: a thin layer over the package."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from shuniu.check import check_root, summary
from shuniu.templates import KINDS, write_template


@click.group()
@click.version_option(package_name="shuniu")
def main() -> None:
    """Shuniu (枢纽): check, scaffold and export the office knowledge base."""


@main.command()
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True,
              help="The project folder (holding docs/ and quizzes/).")
def check(root: Path) -> None:
    """Validate every content file; print each problem as path:line: message."""
    content, problems = check_root(root)
    if problems:
        for problem in problems.sorted():
            click.echo(str(problem))
        click.echo(f"{len(problems)} problem(s) found", err=True)
        sys.exit(1)
    click.echo(summary(content))


@main.command()
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("slug")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True)
def new(kind: str, slug: str, root: Path) -> None:
    """Write a valid starting file for a new page (or bank) from a template."""
    try:
        path = write_template(root, kind, slug)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"wrote {path.relative_to(root).as_posix()}")
