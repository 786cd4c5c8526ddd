"""The `shuniu` command: a thin layer over the package."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import click

from shuniu.check import check_root, summary
from shuniu.export.commands import quiz
from shuniu.release.commands import package, verify_package
from shuniu.templates import KINDS, write_template


@click.group()
@click.version_option(package_name="shuniu")
def main() -> None:
    """Shuniu (枢纽): check, scaffold and export the office knowledge base."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True,
              help="The project folder (holding docs/ and quizzes/).")
def check(paths: tuple[Path, ...], root: Path) -> None:
    """Validate every content file; print each problem as path:line: message.

    With PATHS (as the pre-commit hook passes the files a commit changes), everything is still
    loaded and checked, but only the problems in those files are listed and decide the exit status;
    the problems found elsewhere are counted on stderr.
    """
    content, problems = check_root(root)
    shown = [p for p in problems.sorted() if not paths or p.path in _named(paths, root)]
    for problem in shown:
        click.echo(str(problem))
    others = len(problems.sorted()) - len(shown)
    if others:
        click.echo(f"{others} more problem(s) in files not named: `shuniu check` lists them", err=True)
    if shown:
        click.echo(f"{len(shown)} problem(s) found", err=True)
        sys.exit(1)
    click.echo(summary(content))


def _named(paths: tuple[Path, ...], root: Path) -> set[str]:
    """The named files as problems spell them: relative to the root, with forward slashes."""
    base = root.resolve()
    named = set()
    for path in paths:
        full = path.resolve() if path.is_absolute() or path.exists() else (root / path).resolve()
        named.add(full.relative_to(base).as_posix() if full.is_relative_to(base) else path.as_posix())
    return named


@main.command()
@click.option("-o", "--output", "folder", type=click.Path(file_okay=False, path_type=Path), default="schemas",
              show_default=True, help="Folder to write the *.schema.json files into.")
def schemas(folder: Path) -> None:
    """Write the JSON Schemas of front matter, banks, plans, glossary, term list and word list.

    Editors use them to complete and check fields while typing (see the maintainers' guide);
    they are generated from the loaders' field lists, so regenerate after changing a format.
    """
    from shuniu.schemas import write_schemas

    for path in write_schemas(folder):
        click.echo(f"wrote {path.as_posix()}")


@main.command()
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("slug")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True)
def new(kind: str, slug: str, root: Path) -> None:
    """Write a starting file for a new page (or bank): `shuniu check` lists its 【待填写】 placeholders
    until each is replaced."""
    try:
        path = write_template(root, kind, slug)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"wrote {path.relative_to(root).as_posix()}")


@main.group()
def results() -> None:
    """Merge the result files learners download after a mock exam."""


@results.command("report")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write report.html and report.csv into (created if missing).")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True,
              help="The project folder; question stems are looked up in its quizzes/.")
def report(files: tuple[Path, ...], out: Path, root: Path) -> None:
    """Merge result FILES (or folders of .json files) into OUT/report.html and OUT/report.csv.

    Each file is checked (size, JSON limits, format, version, every field's type, checksum, score).
    A file that fails is printed on stderr as `FILE: reason` and left out; the report is always
    written, listing the files left out.

    Exit status: 0 when the report holds at least one result (even if some files were left out);
    1 when no file was usable (the report then only lists the files left out) or it cannot be written.
    """
    from shuniu.quiz.report import build_report, write_report

    merged = build_report(list(files), root)
    for skipped in merged.skipped:
        click.echo(f"{skipped.file}: {skipped.reason}", err=True)
    try:
        html_path, csv_path = write_report(merged, out)
    except OSError as error:
        raise click.ClickException(f"{out}: cannot write the report: {error.strerror or error}") from None
    click.echo(f"wrote {html_path.as_posix()} and {csv_path.as_posix()} "
               f"({len(merged.results)} result(s), {len(merged.skipped)} left out)")
    if not merged.results:
        raise click.ClickException("no usable result file: the report only lists the files left out")


@main.command()
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True,
              help="The project folder (holding docs/).")
@click.option("--today", "day", type=click.DateTime(formats=["%Y-%m-%d"]), envvar="SHUNIU_TODAY",
              show_envvar=True, help="Count from this date (YYYY-MM-DD) instead of today.")
@click.option("--strict", is_flag=True, help="Exit 1 when any page is overdue (for CI).")
def review(root: Path, day: datetime.datetime | None, strict: bool) -> None:
    """List pages whose review is due within 30 days or overdue, by owner.

    Internal pages are listed too: maintainers review both editions. Exit status 0, or 1
    with --strict when any page is overdue.
    """
    from shuniu.content import load_content
    from shuniu.control.review import format_review, review_items

    content, problems = load_content(root)
    if problems:
        click.echo(f"{len(problems)} content problem(s): pages with a bad field are listed by the fields that could be "
                   "read; `shuniu check` lists the problems", err=True)
    today = day.date() if day else datetime.date.today()
    items = review_items(content, today)
    click.echo(format_review(items, today))
    if strict and any(item.overdue for item in items):
        sys.exit(1)


main.add_command(quiz)  # shuniu quiz template|import|export (issue #5)
main.add_command(package)  # release packages and their check (issue #16)
main.add_command(verify_package)
