"""CSV that spreadsheets cannot turn into formulas: every CSV file the project writes goes through here.

Excel, WPS and LibreOffice run a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a formula (and
some trim a leading tab or carriage return first, so ``\\t=1+2`` is one too). Following OWASP's rule
for CSV injection, such text gets a leading ``'``: the spreadsheet shows the cell as text. Numbers the
project itself writes (``int``, ``float``, ``Decimal``) are left as they are, so they stay numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | Decimal


def safe_cell(value: Cell) -> str:
    """The text of one cell: a number as itself, text that a spreadsheet would run prefixed with ``'``."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        text = str(value)
        return f"'{text}" if text.startswith(FORMULA_STARTS) else text
    return str(value)


def csv_text(rows: Iterable[Sequence[Cell]]) -> str:
    """Rows as CSV text with CRLF line ends (what Excel writes), every cell made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()
