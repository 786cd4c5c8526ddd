"""``shuniu quiz template|import|export``: thin click commands over :mod:`shuniu.export`."""

from __future__ import annotations

import datetime
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

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
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The .xlsx or .docx file to write.")
@click.option("--format", "format_name", type=click.Choice(["xlsx", "docx"]), default="xlsx", show_default=True)
def template(output: Path, format_name: str) -> None:
    """Write the Excel template (sheets 题库, 题库信息 and 说明 with examples) or the Word one."""
    if format_name == "docx":
        from shuniu.export.docx_template import template_bytes  # python-docx: imported when used

        data = template_bytes()
    else:
        from shuniu.export.excel_template import new_workbook, workbook_bytes  # openpyxl: imported when used

        data = workbook_bytes(new_workbook())
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
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
    """Import an Excel bank (every bad cell listed as FILE:SHEET!ROW:COLUMN: message) or a Word
    paper (.docx: every bad paragraph listed as FILE:段落 N: message)."""
    if file.suffix.lower() == ".docx":
        _import_docx(file, output, bank_id, title, skip_bad, root)
        return
    from shuniu.export.excel_import import import_sheet, read_banks  # openpyxl: imported when used
    from shuniu.export.excel_read import NotAWorkbook, SheetProblems

    shown = str(file)
    try:
        banks = read_banks(file, _progress)
    except NotAWorkbook as error:
        _fail([f"{shown}: {error}"])
    except SheetProblems as error:
        _fail([problem.render(shown) for problem in error.problems])
    if len(banks) > 1:
        _import_banks(banks, file, output, (bank_id, title), skip_bad, root)
        return
    data = banks[0]
    if not data.rows:
        raise click.ClickException(f"{shown}: sheet {data.sheet} has no question under its header row")
    target, fields = _target(data, file, output, bank_id, title, shown)
    content, _ = check_root(root)
    result = import_sheet(data, fields, content)
    _report(result, shown, skip_bad)
    _write(result, target)


def _import_banks(banks: list[SheetData], file: Path, output: Path, given: tuple[str | None, str | None],
                  skip_bad: bool, root: Path) -> None:
    """A workbook of several banks (a sheet each) into the folder ``output``: all checked before any is written."""
    from shuniu.export.excel_import import import_banks

    if output.suffix or any(given):
        raise click.UsageError(f"{file} holds {len(banks)} banks: -o must be a folder (each bank is written as <id>.yml), "
                               "and the ids and titles come from sheet 题库信息 (no --id or --title)")
    shown = str(file)
    content, _ = check_root(root)
    results, problems = import_banks(banks, content, _bank_id_problem)
    if problems:  # the banks cannot be written apart: every problem listed, nothing written
        _fail([problem.render(shown) for problem in problems + [p for result in results for p in result.problems]])
    for data, result in zip(banks, results, strict=True):
        _report(result, shown, skip_bad, sheet=data.sheet)
    if not skip_bad and any(result.problems for result in results):
        count = sum(len(result.problems) for result in results)
        click.echo(f"{count} problem(s) in {len(results)} banks; nothing written "
                   "(fix them, or use --skip-bad to import the good rows)", err=True)
        sys.exit(1)
    empty = [data.sheet for data, result in zip(banks, results, strict=True) if result.yaml is None]
    if empty:  # checked before the first file is written: all banks or none
        _fail([f"{shown}: sheet {sheet} has no question to write" for sheet in empty])
    for result in results:
        _write(result, output / f"{result.bank_id}.yml")


def _import_docx(file: Path, output: Path, bank_id: str | None, title: str | None, skip_bad: bool, root: Path) -> None:
    from shuniu.export.docx_import import NotWord, import_document, read_document  # python-docx: imported when used

    shown = str(file)
    try:
        paper, data = read_document(file)
    except NotWord as error:
        _fail([f"{shown}: {error}"])
    if not data.rows:
        raise click.ClickException(f"{shown}: no numbered question (like “1. 题干”) found")
    target, fields = _target(data, file, output, bank_id, title, shown)
    content, _ = check_root(root)
    result = import_document(paper, data, fields, content)
    _report(result, shown, skip_bad, "question(s)")
    _write(result, target)


def _write(result: Imported, target: Path) -> None:
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
    wrong = _bank_id_problem(fields.id)
    if wrong:
        raise click.UsageError(wrong)
    return (output / f"{fields.id}.yml" if folder else output), fields


def _bank_id_problem(bank_id: str) -> str | None:
    if _BANK_ID.match(bank_id) and bank_id not in RESERVED_IDS:
        return None
    return (f"bank id '{bank_id}' must be lower-case letters and digits joined by '-', "
            f"e.g. gongwen-jichu, and not one of {', '.join(sorted(RESERVED_IDS))}")


def _report(result: Imported, shown: str, skip_bad: bool, unit: str = "row(s)", sheet: str = "") -> None:
    """The notes and problems of ``result``; without --skip-bad a problem ends the command, unless
    ``sheet`` names the bank's sheet in a workbook of several banks (the caller sums them up)."""
    for note in result.notes:
        click.echo(note, err=True)
    for problem in result.problems:
        click.echo(problem.render(shown))
    if not result.problems:
        return
    rows = len(result.bad_rows)
    if not skip_bad:
        if not sheet:
            click.echo(f"{len(result.problems)} problem(s) in {rows} {unit}; nothing written "
                       f"(fix them, or use --skip-bad to import the good {unit.removesuffix('(s)')}s)", err=True)
            sys.exit(1)
        return
    click.echo(f"skipped {rows} bad {unit}" + (f" on sheet {sheet}" if sheet else ""), err=True)


def _fail(lines: list[str]) -> NoReturn:
    for line in lines:
        click.echo(line)
    click.echo(f"{len(lines)} problem(s); nothing written", err=True)
    sys.exit(1)


@quiz.command()
@click.option("--format", "format_name", type=click.Choice(list(FORMATS)), required=True)
@click.option("--bank", "bank_ids", multiple=True, help="A bank id; repeat for several (default: every bank).")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="The file to write; a folder when several banks go to a one-bank format (aiken, docx, csv; "
                   "xlsx: a file gets a sheet per bank, a folder a file per bank; qti: NAME.zip, or a folder "
                   "to get the package unpacked).")
@click.option("--minutes", type=click.IntRange(1, 1440),
              help="docx: the time allowed, in 注意事项 (default: a blank to fill in).")
@click.option("--answer-lines", type=click.IntRange(1, 40), default=6, show_default=True,
              help="docx: lines to write on under each 简答题.")
@click.option("--subtitle", default="测试卷", show_default=True, help="docx: the line under the title (empty: none).")
@click.option("--paper", "paper_file", type=click.Path(path_type=Path),
              help="docx: the paper composed on the 组卷 page (its paper file): the same questions, order and points.")
@ROOT
def export(format_name: str, bank_ids: tuple[str, ...], output: Path, root: Path, minutes: int | None,
           answer_lines: int, subtitle: str, paper_file: Path | None) -> None:
    """Export banks. gift, moodle-xml and anki hold several banks in one file, xlsx a sheet per bank;
    aiken, docx and csv hold one, so several banks go into a folder as <bank id><suffix>."""
    format_ = FORMATS[format_name]
    content, banks = _banks(root, bank_ids)
    if paper_file is not None:
        banks, minutes = _paper_banks(content, paper_file, format_name, bank_ids, minutes)
    moment = export_moment(_today(), "SHUNIU_TODAY" in os.environ)
    options: dict[str, Any] = {}
    if format_name == "docx":
        from shuniu.export.docx import PaperOptions

        options["options"] = PaperOptions(minutes, answer_lines, subtitle)
    for target, group in plan(format_, banks, output):
        result = format_.make(content, group, moment, **options)
        _write_export(format_name, target, result.data)
        click.echo(f"wrote {target}")
        click.echo(result.summary(format_name), err=True)


def _paper_banks(content: Content, paper_file: Path, format_name: str, bank_ids: tuple[str, ...],
                 minutes: int | None) -> tuple[list[Bank], int]:
    """The composed paper as the one bank to export, and its time (``--minutes`` overrides it)."""
    from shuniu.quiz.paper import PaperError, changed_banks, composed_bank, read_paper

    if format_name != "docx" or bank_ids:
        raise click.UsageError("--paper goes with --format docx and without --bank (the paper names its banks)")
    try:
        paper = read_paper(paper_file)
        bank = composed_bank(content, paper)
    except PaperError as error:
        _fail([f"{paper_file}: {problem}" for problem in error.problems])
    for bank_id in changed_banks(content, paper)[1]:
        click.echo(f"{paper_file}: bank {bank_id} changed since the paper was composed: "
                   "the questions may differ from those the members sat", err=True)
    return [bank], minutes or paper.minutes


def _write_export(format_name: str, target: Path, data: bytes) -> None:
    if format_name == "qti":  # a .zip, or the package unpacked into a folder
        from shuniu.export.qti_package import write_package

        write_package(data, target)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def plan(format_: Format, banks: list[Bank], output: Path) -> list[tuple[Path, list[Bank]]]:
    """Which banks go into which file."""
    if format_.name == "qti":  # -o names the zip or the folder of the package
        if output.exists() and not output.is_dir() and output.suffix.lower() != ".zip":
            raise click.UsageError(f"-o {output}: the qti package is a .zip file or a folder")
        return [(output, banks)]
    names_a_file = (output.exists() and not output.is_dir()) or output.name.endswith(format_.suffix)
    if format_.bundles or len(banks) == 1 or (format_.sheets and names_a_file):
        name = file_name(banks[0], format_) if len(banks) == 1 else f"banks{format_.suffix}"
        return [(output / name if output.is_dir() else output, banks)]
    # "-o all.docx" names a file, not a folder: refuse rather than make a folder called all.docx
    if names_a_file:
        raise click.UsageError(f"{format_.name} holds one bank per file: -o must be a folder for {len(banks)} banks "
                               "(or choose one with --bank)")
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
