"""The `shuniu` command: a thin layer over the package."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import click

from shuniu.check import check_root, summary
from shuniu.export.commands import quiz
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
