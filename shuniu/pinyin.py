"""Chinese text in pinyin order, as Chinese readers expect lists (not in code-point order).

pypinyin ships its dictionary in the package: no download, works on an air-gapped machine.
"""

from __future__ import annotations

import functools

from pypinyin import Style, lazy_pinyin


@functools.lru_cache(maxsize=4096)
def sort_key(text: str) -> tuple[str, str]:
    """Orders ``text`` by its pinyin (Latin letters as themselves, case ignored), then by the text."""
    syllables = lazy_pinyin(text, style=Style.TONE3, errors="default")
    return (" ".join(s.strip().lower() for s in syllables if s.strip()), text)


def initial(text: str) -> str:
    """The capital letter a list groups ``text`` under: the pinyin initial, or the first Latin
    letter, read as :func:`sort_key` reads it (in context: 长期 under C, 长官 under Z); '#' for
    anything else (digits, symbols)."""
    letter = sort_key(text.strip())[0][:1].upper()
    return letter if "A" <= letter <= "Z" else "#"
