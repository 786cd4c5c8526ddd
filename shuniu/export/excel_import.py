"""``shuniu quiz import``: an Excel sheet to a bank file, all or nothing (or the good rows with --skip-bad).

Rows are read by :mod:`shuniu.export.excel_rows`; then ids are filled in (stable: the bank id
and a hash of type, stem and options), checked for repeats in the sheet and in the project's
other banks, sources are checked against the project's pages, and the YAML is read back by the
bank loader itself, so the file written passes `shuniu check`.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from shuniu.export.bank_yaml import dump_bank
from shuniu.export.excel_read import (
    CellProblem,
    Header,
    Progress,
    SheetProblems,
    bank_sheets,
    data_rows,
    find_header,
    open_workbook,
    read_info,
    sheet_values,
)
from shuniu.export.excel_rows import RowReader, read_row
from shuniu.export.layout import INFO_SHEET, TAG_SPLIT, parse_type_points
from shuniu.model import Content
from shuniu.problems import Problems
from shuniu.quiz.load import load_bank
from shuniu.quiz.points import points_json
from shuniu.quiz.publish import canonical_json
from shuniu.quiz.validate import source_problem
from shuniu.yamlsrc import load_yaml


@dataclass
class Imported:
    """What an import found: the YAML of the good rows and every problem, in sheet order."""

    bank_id: str
    yaml: str | None = None
    good: int = 0
    bad_rows: set[int] = field(default_factory=set)
    problems: list[CellProblem] = field(default_factory=list)
    fatal: bool = False  # the sheet itself is unusable: nothing can be written, even with --skip-bad
    notes: list[str] = field(default_factory=list)
    ids: dict[str, int] = field(default_factory=dict)  # question id -> its row, for checks across sheets


@dataclass(frozen=True)
class BankFields:
    """The bank fields the import writes (command line first, then the 题库信息 sheet)."""

    id: str
    title: str
    description: str = ""
    tags: tuple[str, ...] = ()
    pass_mark: int | None = None
    points: dict[str, int | float] = field(default_factory=dict)  # type -> points, the bank's own


def stable_id(bank_id: str, question: dict[str, Any]) -> str:
    """The id of a question that has none: the same sheet always gives the same ids."""
    key = canonical_json([question["type"], question["stem"], question.get("options", {})])
    return f"{bank_id}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:10]}"


@dataclass(frozen=True)
class SheetData:
    """Everything read from the workbook (it is opened once)."""

    sheet: str
    header: Header
    rows: list[tuple[int, dict[str, str]]]  # (Excel row, field -> text), blank rows left out
    info: dict[str, str]  # the 题库信息 sheet
    info_rows: dict[str, int]
    info_problems: list[CellProblem] = field(default_factory=list)  # formulas there
    special: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column) -> formula or merged cell
    info_column: int = 1  # 0-based column of this bank on the 题库信息 sheet (B; C, D... for more banks)


def _special_problems(data: SheetData) -> list[CellProblem]:
    """Formula and merged cells in the columns and rows that are read: named as what they are."""
    used = set(data.header.columns.values())
    rows = {number for number, _ in data.rows}
    return [CellProblem(data.sheet, row, get_column_letter(column + 1), message)
            for (row, column), message in sorted(data.special.items()) if row in rows and column in used]


def read_banks(path: Path, progress: Progress = lambda rows, count: rows) -> list[SheetData]:
    """Every bank of the workbook (one, or one per sheet named in 题库信息's 工作表 row); raises
    NotAWorkbook when the file is no .xlsx, SheetProblems (all of them) when a sheet is unusable."""
    workbook = open_workbook(path)
    try:
        banks, problems = bank_sheets(workbook)
        read = []
        for sheet, column in banks:
            rows, special = sheet_values(workbook[sheet], progress)
            read.append((sheet, column, rows, special, *read_info(workbook, column)))
    finally:
        workbook.close()
    found = []
    for sheet, column, rows, special, info, info_rows, info_problems in read:
        try:
            header = find_header(sheet, rows)
        except SheetProblems as error:
            problems += error.problems
            continue
        found.append(SheetData(sheet, header, list(data_rows(rows, header)), info, info_rows, info_problems, special, column))
    if problems:
        raise SheetProblems(problems)
    return found


def read_workbook(path: Path, progress: Progress = lambda rows, count: rows) -> SheetData:
    """The first (in most workbooks the only) bank of the workbook; see :func:`read_banks`."""
    return read_banks(path, progress)[0]


def import_sheet(data: SheetData, bank: BankFields, content: Content,
                 reader_of: Callable[[str, int, dict[str, str], Header], RowReader] = RowReader) -> Imported:
    """The bank ``bank`` made of the rows of ``data``; ``content`` is the project (its pages and other banks).

    ``reader_of`` makes the reader of one row (the Word import passes one that places problems by paragraph).
    """
    result = Imported(bank.id, notes=[f"忽略的列：{name}" for name in data.header.ignored])
    questions: list[tuple[int, dict[str, Any]]] = []
    special = _special_problems(data)
    # A row with a formula or merged cell: only those are named (its other messages would follow
    # from the cell read as empty: "答案是B, but option B is empty")
    named = {problem.row for problem in special}
    for number, cells in data.rows:
        reader = reader_of(data.sheet, number, cells, data.header)
        question = read_row(reader)
        result.problems += [problem for problem in reader.problems if problem.row not in named]
        if question is not None:
            questions.append((number, question))
    result.problems += special
    result.problems += _check_project(data.sheet, data.header, questions, bank.id, content)
    result.ids = {question["id"]: number for number, question in questions}
    result.bad_rows = {problem.row for problem in result.problems}
    good = [(number, question) for number, question in questions if number not in result.bad_rows]
    if good:
        _finish(result, data.sheet, bank, good)
    result.problems.sort(key=lambda problem: (problem.row, problem.column))
    return result


def _check_project(sheet: str, header: Header, questions: list[tuple[int, dict[str, Any]]], bank_id: str,
                   content: Content) -> list[CellProblem]:
    """Ids (filled in where empty) unique in the sheet and the project; sources that lead to a heading."""
    elsewhere = {q.id: f"{other.path}:{q.line}" for other in content.banks if other.id != bank_id for q in other.questions}
    seen: dict[str, int] = {}
    problems = []
    for number, question in questions:
        given = question["id"] is not None
        question_id = question["id"] = question["id"] or stable_id(bank_id, question)
        column = header.letter("id") if given else ""
        if question_id in seen:
            repeated = (f"ID“{question_id}”与第 {seen[question_id]} 行重复" if given
                        else f"与第 {seen[question_id]} 行是同一道题（题型、题干和选项都相同）")
            problems.append(CellProblem(sheet, number, column, repeated))
        elif question_id in elsewhere:
            problems.append(CellProblem(sheet, number, column, f"ID“{question_id}”已被 {elsewhere[question_id]} 使用"))
        seen.setdefault(question_id, number)
        source = question.get("source")
        broken = source_problem(content, source) if source else None
        if broken:
            problems.append(CellProblem(sheet, number, header.letter("source"), f"出处无效：{broken}"))
    return problems


def _finish(result: Imported, sheet: str, bank: BankFields, good: list[tuple[int, dict[str, Any]]]) -> None:
    """The YAML of the good rows, read back by the bank loader; what it rejects is reported on its row."""
    data: dict[str, Any] = {"id": bank.id, "title": bank.title}
    if bank.description:
        data["description"] = bank.description
    if bank.tags:
        data["tags"] = list(bank.tags)
    if bank.pass_mark is not None:
        data["pass_mark"] = bank.pass_mark
    if bank.points:
        data["points"] = bank.points
    data["questions"] = [question for _, question in good]
    text = dump_bank(data)
    loaded = _load_back(text, bank.id)
    if loaded:
        starts = load_yaml(text)["questions"].item_lines
        for problem in loaded.sorted():
            row = next((good[i][0] for i in reversed(range(len(starts))) if starts[i] <= problem.line), 0)
            result.problems.append(CellProblem(sheet, row, "", problem.message))
            result.bad_rows.add(row)
        return
    result.yaml, result.good = text, len(good)


def _load_back(text: str, bank_id: str) -> Problems:
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / f"{bank_id}.yml"
        file.write_text(text, encoding="utf-8")
        problems = Problems()
        load_bank(file, f"quizzes/{bank_id}.yml", problems)
    return problems


def bank_fields(data: SheetData, default_title: str, bank_id: str | None, title: str | None
                ) -> tuple[BankFields | None, list[CellProblem]]:
    """The bank's fields: ``bank_id``/``title`` as given, else the 题库信息 sheet, else ``default_title``.

    None when no id is given anywhere.
    """
    info = data.info
    problems = list(data.info_problems)
    column = get_column_letter(data.info_column + 1)
    pass_mark = None
    if "pass_mark" in info:
        text = info["pass_mark"]
        if text.isdigit() and 0 <= int(text) <= 100:
            pass_mark = int(text)
        else:
            message = f"及格线应为 0 到 100 的整数，得到“{text}”"
            problems.append(CellProblem(INFO_SHEET, data.info_rows["pass_mark"], column, message))
    points, wrong = parse_type_points(info.get("points", ""))
    if wrong:
        message = f"各题型分值应写成“单选题 1；多选题 2”（题型和大于 0 的分值，用 ； 分隔），无法识别：{'、'.join(wrong)}"
        problems.append(CellProblem(INFO_SHEET, data.info_rows["points"], column, message))
    chosen = bank_id or info.get("id")
    if not chosen:
        return None, problems
    tags = tuple(tag.strip() for tag in TAG_SPLIT.split(info.get("tags", "")) if tag.strip())
    fields = BankFields(chosen, title or info.get("title") or default_title, info.get("description", ""), tags, pass_mark,
                        {kind.value: points_json(value) for kind, value in points.items()})
    return fields, problems


def import_banks(banks: list[SheetData], content: Content, id_problem: Callable[[str], str | None]
                 ) -> tuple[list[Imported], list[CellProblem]]:
    """Each bank of a workbook of several banks, and the problems that stop them all (even with
    --skip-bad): bank fields, a bank id that is missing, wrong (``id_problem`` says why) or repeated,
    a question id used on two sheets."""
    results: list[Imported] = []
    problems: list[CellProblem] = []
    bank_sheet: dict[str, str] = {}  # bank id -> the sheet that has it
    question_at: dict[str, str] = {}  # question id -> the first sheet!row that has it
    for data in banks:
        column = get_column_letter(data.info_column + 1)
        fields, wrong = bank_fields(data, data.sheet, None, None)
        problems += wrong
        place = data.info_rows.get("id", 0)
        if fields is None:
            problems.append(CellProblem(INFO_SHEET, 1, column, f"工作表 {data.sheet} 的题库没有题库ID"))
            continue
        why = id_problem(fields.id) or (f"题库ID“{fields.id}”与工作表 {bank_sheet[fields.id]} 重复"
                                        if fields.id in bank_sheet else None)
        if why:
            problems.append(CellProblem(INFO_SHEET, place, column, why))
            continue
        bank_sheet[fields.id] = data.sheet
        result = import_sheet(data, fields, content)
        for question_id, row in result.ids.items():
            if question_id in question_at:
                problems.append(CellProblem(data.sheet, row, data.header.letter("id"),
                                            f"ID“{question_id}”已在 {question_at[question_id]} 使用"))
            question_at.setdefault(question_id, f"{data.sheet}!{row}")
        results.append(result)
    return results, problems
