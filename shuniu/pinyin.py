"""Chinese text in pinyin order, as Chinese readers expect lists (not in code-point order).

pypinyin ships its dictionary in the package: no download, works on an air-gapped machine.
"""

from __future__ import annotations

import functools
import re

from pypinyin import Style, lazy_pinyin

_NUMBER = re.compile(r"\d+")


@functools.lru_cache(maxsize=4096)
def sort_key(text: str) -> tuple[str, str]:
    """Orders ``text`` by its pinyin (Latin letters as themselves, case ignored), then by the text.
    Numbers go by their value, as a reader counts: 流程（2） before 流程（10） before 流程（110）."""
    syllables = lazy_pinyin(text, style=Style.TONE3, errors="default")
    spoken = " ".join(s.strip().lower() for s in syllables if s.strip())
    return (numbers_by_value(spoken), text)


def numbers_by_value(text: str) -> str:
    """``text`` with each run of digits padded, so text order puts 3 before 12 (〔2024〕3号, 〔2024〕12号)."""
    return _NUMBER.sub(lambda number: number.group().zfill(20), text)


def initial(text: str) -> str:
    """The capital letter a list groups ``text`` under: the pinyin initial, or the first Latin
    letter, read as :func:`sort_key` reads it (in context: 长期 under C, 长官 under Z); '#' for
    anything else (digits, symbols)."""
    letter = sort_key(text.strip())[0][:1].upper()
    return letter if "A" <= letter <= "Z" else "#"
