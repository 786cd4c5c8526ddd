"""Wrapping mixed Chinese and Latin text into lines of a given width, for SVG boxes.

SVG has no line breaking, so the build estimates widths: a full-width character is one em,
any other about 0.6 em. Chinese breaks between any two characters, Latin only at spaces;
closing punctuation never starts a line and opening punctuation never ends one (禁则).
"""

from __future__ import annotations

import re
import unicodedata

NO_LINE_START = set("，。、；：？！）》」』】〕…—,.;:!?)]}%”’·")
NO_LINE_END = set("（《「『【〔“‘([{")
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-/.,:;%&+]*|\s+|.", re.S)


def char_width(char: str) -> float:
    """Width of one character in em."""
    return 1.0 if unicodedata.east_asian_width(char) in ("W", "F") else 0.6


def text_width(text: str) -> float:
    return sum(char_width(c) for c in text)


def _tokens(text: str) -> list[str]:
    """Unbreakable pieces: Latin words (with trailing punctuation), spaces, single characters."""
    return _TOKEN.findall(" ".join(text.split()))


def _split_long(token: str, width: float) -> list[str]:
    """A word longer than a line, cut into pieces that fit."""
    pieces, current = [], ""
    for char in token:
        if current and text_width(current + char) > width:
            pieces.append(current)
            current = ""
        current += char
    return pieces + [current]


def wrap(text: str, width: float) -> list[str]:
    """Lines of ``text`` no wider than ``width`` em (punctuation may hang over by one character)."""
    lines: list[str] = []
    current = ""
    tokens = [piece for token in _tokens(text) for piece in _split_long(token, width)]
    for token in tokens:
        if token.isspace():
            current += " " if current else ""
            continue
        fits = text_width(current + token) <= width
        if fits or not current.strip() or token in NO_LINE_START:
            current += token
            continue
        carried = ""
        while current and current[-1] in NO_LINE_END:
            current, carried = current[:-1], current[-1] + carried
        lines.append(current.rstrip())
        current = carried + token
    if current.strip():
        lines.append(current.rstrip())
    return lines or [""]
