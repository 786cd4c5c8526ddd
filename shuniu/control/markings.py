"""What a classification marking looks like once its disguises are undone (shuniu.control.reading).

Chinese: a level (绝密, 机密, 秘密) followed by ★ (its period, if any) or directly by a period
such as 10年 / 6个月 / 十年 (GB/T 9704-2012 7.2.2). Spaces, line breaks and dots may sit between
the characters. Teaching text is not a marking: "密级★保密期限", "秘密级不超过 10 年",
"绝密级公文", "国家秘密", "商业秘密", "机密性" -- a level word followed by 级, 性 or any other
word, or a four-digit year, does not match.

English: TOP SECRET (in capitals) anywhere; SECRET / CONFIDENTIAL with ``//`` (any case) or a
dissemination control (NOFORN, REL TO ...); a banner: a line or table cell holding SECRET or
CONFIDENTIAL in capitals and no lower-case letter or Chinese character. "Secretary", "secret ballot", "Top Secret (绝密)
level", "confidential information" are ordinary English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from shuniu.control.reading import Traced

# What may stand between the characters of a marking: spaces, line breaks, dots and dashes.
_FILL = r"[\s·•・‧∙⋅.\-_~^]*"
_LEVEL = rf"(?:绝{_FILL}密|机{_FILL}密|秘{_FILL}密)"
_NINE = "一二两三四五六七八九"
_FORMAL = "壹贰叁肆伍陆柒捌玖"  # the financial forms of the digits
_NUMBER = "(?:" + "|".join((
    rf"\d(?:{_FILL}\d){{0,2}}(?!\d)",  # up to three digits: a four-digit year (国家秘密2024年) is no period
    "半",  # 半年
    f"[{_NINE}]?十[{_NINE}]?", f"[廿卅][{_NINE}]?",  # 十, 二十, 十五, 廿
    f"[{_NINE}][〇零{_NINE}]?",  # 五, 一〇 (digit by digit, two at most)
    f"[{_FORMAL}]?拾[{_FORMAL}]?", f"[{_FORMAL}]",
)) + ")"
_PERIOD = rf"(?:{_NUMBER}{_FILL}(?:年|个{_FILL}月))"
_STAR = rf"★(?:{_FILL}★)*"
# A bracket or quote may sit between the level and its star: （秘密）★, 秘密【★】.
_BRACKET = rf"""(?:[()（）【】\[\]「」『』"“”'‘’<>《》〈〉]{_FILL})?"""
# The period may be labelled, as in a document's header: 秘密　保密期限：10年.
_LABEL = rf"(?:[,，、;；]{_FILL})?保{_FILL}密{_FILL}期{_FILL}限{_FILL}(?:[:：]{_FILL})?"
CHINESE = re.compile(
    rf"{_LEVEL}{_FILL}(?:(?:级{_FILL})?{_BRACKET}{_STAR}(?:{_FILL}(?:{_PERIOD}|长{_FILL}期))?|(?:{_LABEL})?{_PERIOD})"
)
# Word edges for English words: Chinese characters count as edges too (秘密SECRET//NF).
_A, _Z = r"(?<![A-Za-z0-9_])", r"(?![A-Za-z0-9_])"
_ENGLISH = re.compile(
    rf"(?i:{_A}(?:top\W{{0,3}}secret|secret|confidential)\s*//+\s*[A-Za-z]*)"
    rf"|{_A}TOP[\s_-]*SECRET{_Z}(?:\s*//+\s*[A-Za-z]*)?"
    r"|\((?:TS|S|C)//[A-Z]+"
    rf"|{_A}(?:SECRET|CONFIDENTIAL)[\s/,-]*(?:NOFORN|ORCON|NOCONTRACT|PROPIN|REL\s+TO|EYES\s+ONLY){_Z}"
)
_BANNER_WORD = re.compile(rf"{_A}(?:SECRET|CONFIDENTIAL){_Z}")
_BANNER_LETTERS = re.compile(r"(?:TOP)?SECRET|CONFIDENTIAL")
# A banner is English in capitals: a cell with lower case or Chinese is a sentence (机密（CONFIDENTIAL）).
_LOWER_OR_HAN = re.compile(r"[a-z\u3400-\u9fff\uf900-\ufaff]")
_NOT_LETTER = re.compile(r"[^A-Z]")
_SPACING = re.compile(r"[\s.·・\-_]")
_COLLAPSE = re.compile(rf"{_FILL}")


@dataclass(frozen=True, order=True)
class Found:
    """One marking: the line it starts on and how it reads (spaces and fillers removed)."""

    line: int
    text: str


def _found(view: Traced, start: int, text: str) -> Found:
    return Found(view.line_at(start), _COLLAPSE.sub("", text) if not text.isascii() else " ".join(text.split()))


def markings(view: Traced) -> Iterator[Found]:
    """Every Chinese marking, English marking and English banner in one reading of a text."""
    for match in CHINESE.finditer(view.text):
        if not _is_bullet(view.text, match):
            yield _found(view, match.start(), match[0])
    for match in _ENGLISH.finditer(view.text):
        yield _found(view, match.start(), match[0])
    yield from _banners(view)


_BULLET_TEXT = re.compile(r"[ \t]+[^\s★]")


def _is_bullet(text: str, match: re.Match[str]) -> bool:
    """A ★ that begins the next line, followed by text, is a bullet after a line ending in a level
    word ("……国家秘密" / "★ 重点……"), not a marking broken across the lines."""
    star = match[0].find("★")
    return (
        star > 0 and match[0].endswith("★") and "\n" in match[0][:star]
        and _BULLET_TEXT.match(text, match.end()) is not None
    )


def _banners(view: Traced) -> Iterator[Found]:
    """Lines (or table cells) with SECRET / CONFIDENTIAL in capitals and no lower case or Chinese."""
    start = 0
    for line in view.text.split("\n"):
        cell_start = start
        for cell in line.split("|"):
            if not _LOWER_OR_HAN.search(cell) and (_BANNER_WORD.search(cell) or _is_spaced_banner(cell)):
                yield _found(view, cell_start + len(cell) - len(cell.lstrip()), cell.strip())
            cell_start += len(cell) + 1
        start += len(line) + 1


def _is_spaced_banner(cell: str) -> bool:
    """S E C R E T, S.E.C.R.E.T, C-O-N-F-I-D-E-N-T-I-A-L, S E C R E T // N F: a banner written
    letter by letter."""
    if _BANNER_LETTERS.fullmatch(_NOT_LETTER.sub("", cell)):
        return True
    return _ENGLISH.search(_SPACING.sub("", cell)) is not None
