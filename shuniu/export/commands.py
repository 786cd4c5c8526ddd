"""``shuniu quiz template|import|export``: thin click commands over :mod:`shuniu.export`."""

from __future__ import annotations

import datetime
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from shuniu.check import check_root
from shuniu.export.downloads import file_name
from shuniu.export.formats import FORMATS, Format, export_moment
from shuniu.model import Content
from shuniu.quiz.load import RESERVED_IDS
from shuniu.quiz.model import Bank

if TYPE_CHECKING:
    from shuniu.export.excel_import import BankFields, Imported, SheetData

BIG_SHEET = 500  # rows; bigger sheets show a progress bar on stderr
_BANK_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ROOT = click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True,
                    help="The project folder (holding docs/ and quizzes/).")


@click.group()
def quiz() -> None:
    """Question banks: the Excel template, importing Excel banks, exporting banks."""


@quiz.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The .xlsx file to write.")
def template(output: Path) -> None:
    """Write the Excel template (sheets 题库, 题库信息 and 说明 with examples)."""
    from shuniu.export.excel_template import new_workbook, workbook_bytes  # openpyxl: imported when used

    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(workbook_bytes(new_workbook()))
    click.echo(f"wrote {output}")


@quiz.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="The bank file (quizzes/<id>.yml), or a folder (a name without suffix) to write <id>.yml into.")
@click.option("--id", "bank_id", help="The bank id (default: the output file name, or 题库ID on sheet 题库信息).")
@click.option("--title", help="The bank title (default: 题库名称 on sheet 题库信息, or the Excel file name).")
@click.option("--skip-bad", is_flag=True,
              help="Write the good rows and list the bad ones (default: write nothing if any row is bad).")
@ROOT
def import_(file: Path, output: Path, bank_id: str | None, title: str | None, skip_bad: bool, root: Path) -> None:
    """Import an Excel bank; every bad cell is listed as FILE:SHEET!ROW:COLUMN: message."""
    from shuniu.export.excel_import import import_sheet, read_workbook  # openpyxl: imported when used
    from shuniu.export.excel_read import NotAWorkbook, SheetProblems

    shown = str(file)
    try:
        data = read_workbook(file, _progress)
    except NotAWorkbook as error:
        _fail([f"{shown}: {error}"])
    except SheetProblems as error:
        _fail([problem.render(shown) for problem in error.problems])
    if not data.rows:
        raise click.ClickException(f"{shown}: sheet {data.sheet} has no question under its header row")
    target, fields = _target(data, file, output, bank_id, title, shown)
    content, _ = check_root(root)
    result = import_sheet(data, fields, content)
    _report(result, shown, skip_bad)
    if result.yaml is None:
        raise click.ClickException("no question to write")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(result.yaml, encoding="utf-8")
    click.echo(f"wrote {target}: {result.good} question(s)")


def _progress(rows: Iterable[Any], count: int) -> Iterable[Any]:
    if count <= BIG_SHEET:
        return rows
    return _with_bar(rows, count)


def _with_bar(rows: Iterable[Any], count: int) -> Iterable[Any]:
    with click.progressbar(rows, length=count, label="reading rows", file=sys.stderr) as bar:
        yield from bar


def _target(data: SheetData, file: Path, output: Path, bank_id: str | None, title: str | None,
            shown: str) -> tuple[Path, BankFields]:
    """The file to write and the bank's fields; a bank's id is its file name."""
    from shuniu.export.excel_import import bank_fields

    folder = output.is_dir() or not output.suffix
    if not folder and output.suffix != ".yml":
        raise click.UsageError(f"-o {output}: a bank file ends in .yml (quizzes/<id>.yml); a name without a suffix is a folder")
    if not folder and bank_id and bank_id != output.stem:
        raise click.UsageError(f"--id {bank_id} differs from the file name {output.name}: a bank's id is its file name")
    fields, problems = bank_fields(data, file.stem, bank_id or (None if folder else output.stem), title)
    if problems:
        _fail([problem.render(shown) for problem in problems])
    if fields is None:
        raise click.UsageError("no bank id: give --id, fill 题库ID on sheet 题库信息, or name the file with -o quizzes/<id>.yml")
    if not _BANK_ID.match(fields.id) or fields.id in RESERVED_IDS:
        raise click.UsageError(f"bank id '{fields.id}' must be lower-case letters and digits joined by '-', "
                               f"e.g. gongwen-jichu, and not one of {', '.join(sorted(RESERVED_IDS))}")
    return (output / f"{fields.id}.yml" if folder else output), fields


def _report(result: Imported, shown: str, skip_bad: bool) -> None:
    for note in result.notes:
        click.echo(note, err=True)
    for problem in result.problems:
        click.echo(problem.render(shown))
    if not result.problems:
        return
    rows = len(result.bad_rows)
    if not skip_bad:
        click.echo(f"{len(result.problems)} problem(s) in {rows} row(s); nothing written "
                   "(fix them, or use --skip-bad to import the good rows)", err=True)
        sys.exit(1)
    click.echo(f"skipped {rows} bad row(s)", err=True)


def _fail(lines: list[str]) -> None:
    for line in lines:
        click.echo(line)
    click.echo(f"{len(lines)} problem(s); nothing written", err=True)
    sys.exit(1)


@quiz.command()
@click.option("--format", "format_name", type=click.Choice(list(FORMATS)), required=True)
@click.option("--bank", "bank_ids", multiple=True, help="A bank id; repeat for several (default: every bank).")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="The file to write; a folder when several banks go to a one-bank format (aiken, docx, csv, xlsx).")
@ROOT
def export(format_name: str, bank_ids: tuple[str, ...], output: Path, root: Path) -> None:
    """Export banks. gift, moodle-xml and anki hold several banks in one file; aiken, docx, csv
    and xlsx hold one, so several banks go into a folder as <bank id><suffix>."""
    format_ = FORMATS[format_name]
    content, banks = _banks(root, bank_ids)
    moment = export_moment(_today(), "SHUNIU_TODAY" in os.environ)
    for target, group in plan(format_, banks, output):
        result = format_.make(content, group, moment)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(result.data)
        click.echo(f"wrote {target}")
        click.echo(result.summary(format_name), err=True)


def plan(format_: Format, banks: list[Bank], output: Path) -> list[tuple[Path, list[Bank]]]:
    """Which banks go into which file."""
    if format_.bundles or len(banks) == 1:
        name = file_name(banks[0], format_) if len(banks) == 1 else f"banks{format_.suffix}"
        return [(output / name if output.is_dir() else output, banks)]
    if output.exists() and not output.is_dir():
        raise click.UsageError(f"{format_.name} holds one bank per file: -o must be a folder for {len(banks)} banks")
    return [(output / file_name(bank, format_), [bank]) for bank in banks]


def _banks(root: Path, wanted: tuple[str, ...]) -> tuple[Content, list[Bank]]:
    """The project's banks (those asked for, in that order); bank file problems stop the export."""
    content, problems = check_root(root)
    in_banks = [problem for problem in problems.sorted() if problem.path.startswith("quizzes/")]
    if in_banks:
        _fail([str(problem) for problem in in_banks])
    by_id = {bank.id: bank for bank in content.banks}
    missing = [bank_id for bank_id in wanted if bank_id not in by_id]
    if missing:
        known = ", ".join(by_id) or "none"
        raise click.UsageError(f"no bank {', '.join(missing)} under {root / 'quizzes'} (banks: {known})")
    banks = [by_id[bank_id] for bank_id in wanted] if wanted else list(content.banks)
    if not banks:
        raise click.ClickException(f"no question banks under {root / 'quizzes'}")
    return content, banks


def _today() -> datetime.date:
    """The export date; SHUNIU_TODAY pins it (and the Anki note times), as for the build."""
    pinned = os.environ.get("SHUNIU_TODAY")
    return datetime.date.fromisoformat(pinned) if pinned else datetime.date.today()
