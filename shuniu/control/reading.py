"""Text as a reader sees it: the disguises a classification marking can wear, undone.

The classification guard matches markings in what people *read*, not in the bytes of a file:
escapes and entities are decoded, compatibility and full-width forms folded (NFKD), invisible
and combining characters dropped, traditional forms and look-alike letters mapped to the ones
the patterns use, every star-like sign read as ★. Each character keeps the line it came from,
so a match still points at ``path:line``.

Two views of a file are made: ``raw`` keeps markup (so an attribute such as ``alt="…"`` or a
link title is read), ``visible`` drops it (so ``秘<b>密</b>★`` or ``秘[密](x)★`` reads as 秘密★).
"""

from __future__ import annotations

import base64
import binascii
import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from urllib.parse import unquote


@dataclass(frozen=True)
class Traced:
    """Text whose every character remembers its line in the original file."""

    text: str
    lines: tuple[int, ...]

    @classmethod
    def of(cls, text: str, first_line: int = 1, one_line: bool = False) -> Traced:
        """``text`` starting at ``first_line``; with ``one_line`` every character is on that line."""
        lines, line = [], first_line
        for char in text:
            lines.append(line)
            if char == "\n" and not one_line:
                line += 1
        return cls(text, tuple(lines))

    def line_at(self, index: int) -> int:
        return self.lines[min(index, len(self.lines) - 1)] if self.lines else 1

    def sub(self, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]) -> Traced:
        """Replace every match; the replacement takes the line of the match's first character."""
        parts: list[str] = []
        lines: list[int] = []
        end = 0
        for match in pattern.finditer(self.text):
            parts.append(self.text[end : match.start()])
            lines.extend(self.lines[end : match.start()])
            new = replace(match)
            parts.append(new)
            lines.extend([self.line_at(match.start())] * len(new))
            end = match.end()
        if not parts:
            return self
        parts.append(self.text[end:])
        lines.extend(self.lines[end:])
        return Traced("".join(parts), tuple(lines))

    def map_chars(self, convert: Callable[[str], str]) -> Traced:
        """Replace each character by ``convert(char)`` (which may be empty or longer)."""
        parts: list[str] = []
        lines: list[int] = []
        for char, line in zip(self.text, self.lines, strict=True):
            new = convert(char)
            parts.append(new)
            lines.extend([line] * len(new))
        return Traced("".join(parts), tuple(lines))


# --- decoding: escapes and entities written instead of the character itself -------------------

_ENTITY = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?")
_PERCENT = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
# JSON/JS/YAML/Python escapes (a surrogate pair first), CSS escapes, and Markdown's backslash escapes.
_BACKSLASH = re.compile(
    r"\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})"
    r"|\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})|\\x([0-9a-fA-F]{2})"
    r"|\\([0-9a-fA-F]{1,6}) ?|\\([!-/:-@\[-`{-~])"
)
# A data: address carries a whole file (an SVG with text, say): read its content too.
_DATA_URL = re.compile(r"data:[\w.+/-]*(?:;[\w.+=-]+)*;base64,([A-Za-z0-9+/=\s]{8,})")
# Strings joined in code ('秘' + '密★') read as one.
_CONCATENATION = re.compile(r"([\"'`])\s*\+\s*\1")
# Right-to-left override shows the characters after it in reverse: "\u202e★密秘" reads 秘密★.
_OVERRIDE = re.compile("\u202e([^\u202c\u202e\n]{0,200})\u202c?")


def _code_point(value: str) -> str:
    number = int(value, 16)
    return chr(number) if number <= 0x10FFFF else ""


def _unescape(match: re.Match[str]) -> str:
    high, low = match[1], match[2]
    if high:
        return chr(0x10000 + ((int(high, 16) - 0xD800) << 10) + (int(low, 16) - 0xDC00))
    hexadecimal = next((group for group in match.groups()[2:7] if group), None)
    return _code_point(hexadecimal) if hexadecimal else match[8]


def _percent(match: re.Match[str]) -> str:
    try:
        return unquote(match[0], errors="strict")
    except UnicodeDecodeError:
        return match[0]


def _data_content(match: re.Match[str]) -> str:
    try:
        return base64.b64decode("".join(match[1].split()), validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        return match[0]


def decoded(text: Traced) -> Traced:
    """Entities, percent-encoding and backslash escapes decoded, also when nested (``&amp;#9733;``)."""
    text = text.sub(_DATA_URL, _data_content).sub(_CONCATENATION, lambda _: "")
    for _ in range(3):
        before = text.text
        text = text.sub(_ENTITY, lambda m: html.unescape(m[0]))
        text = text.sub(_PERCENT, _percent)
        text = text.sub(_BACKSLASH, _unescape)
        if text.text == before:
            break
    return text.sub(_OVERRIDE, lambda m: m[1][::-1])


# --- characters: how each one reads ----------------------------------------------------------

# Traditional and variant forms of the characters in a marking (NFKD leaves them alone).
_HAN = dict(zip("機絕絶祕宻級個長", "机绝绝秘密级个长", strict=True))
# Every sign that can stand for the ★ of a marking.
_STARS = "★☆⭐⭑⭒✡✢✣✤✥⊛⁕⚹✦✧✩✪✫✬✭✮✯✰✱✲✳✴✵✶✷✸✹✺✻✼✽✾✿❀❁❂❃❄❅❆❇❈❉❊❋⋆∗⁎⁑⁂٭⍟⚝🌟🌠🟀🟁🟂🟃🟄🟅🟆🟇🟈🟉🟊🟋🟌🟍🟎🟏🟐🟑🟒🟓🟔"
# Greek and Cyrillic capitals (and lower-case forms) that look like the Latin letters of SECRET etc.
_LOOKALIKE = dict(zip(
    "АВСЕНІЈКМОРЅТХУасеіјорѕхуΑΒΕΗΙΚΜΝΟΡΤΥΧΖ",
    "ABCEHIJKMOPSTXYaceijopsxyABEHIKMNOPTYXZ",
    strict=True,
))
# Small capitals and Cherokee letters that look like Latin capitals (ᴛᴏᴘ ꜱᴇᴄʀᴇᴛ).
_LOOKALIKE.update(zip("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ", "ABCDEFGHIJKLMNOPRSTUVWYZ", strict=True))
_LOOKALIKE.update(zip("ᎪᏴᏟᎠᎬᏀᎻᎫᏦᏞᎷᏢᎡᏚᎢᏙᏔ", "ABCDEGHJKLMPRSTVW", strict=True))
_SLASHES = "⁄∕⧸╱"
_FOLD = {**_HAN, **dict.fromkeys(_STARS, "★"), **_LOOKALIKE, **dict.fromkeys(_SLASHES, "/")}
# Characters that show nothing although they are letters or symbols (Hangul fillers, Braille blank).
_BLANK = {"\u3164": "", "\u115f": "", "\u1160": "", "\uffa0": "", "\u2800": " "}
_DROPPED_CATEGORIES = {"Mn", "Me", "Cf", "Cc", "Co", "Cs"}


@cache
def reading_of(char: str) -> str:
    """How one character reads: '' for invisible ones, ' ' for any space, else its folded form."""
    if char == "\n":
        return "\n"
    if char in _BLANK:
        return _BLANK[char]
    if char.isspace():
        return " "
    parts = []
    for part in unicodedata.normalize("NFKD", char):
        if part.isspace():
            parts.append(" ")
        elif unicodedata.category(part) not in _DROPPED_CATEGORIES and part not in _BLANK:
            parts.append(_FOLD.get(part, part))
    return "".join(parts)


class _ReadingTable(dict):  # type: ignore[type-arg]
    """A str.translate table filled on demand with :func:`reading_of`."""

    def __missing__(self, code: int) -> str:
        self[code] = reading_of(chr(code))
        return self[code]  # type: ignore[no-any-return]


_TABLE = _ReadingTable()


def fold(text: str) -> str:
    """Plain text as it reads, character by character (no decoding, no lines kept)."""
    return text.translate(_TABLE)


def read_characters(text: Traced) -> Traced:
    """Every character as it reads; the fast path keeps the lines when each one stays one."""
    if all(len(_TABLE[ord(char)]) == 1 for char in set(text.text)):
        return Traced(text.text.translate(_TABLE), text.lines)
    return text.map_chars(reading_of)


# --- markup: what a browser does not show ----------------------------------------------------

# Markdown emphasis pairs (**x**, __x__, ~~x~~, ==x==, *x*) show their text only: their asterisks
# are no stars. A lone asterisk is one (秘密*10年).
# Spans are bounded (here and below) so that hostile input cannot make matching quadratic.
_EMPHASIS = re.compile(r"(\*\*\*|\*\*|__|~~|==)(?=[^\s*])(.{1,120}?)(?<=[^\s*])\1|\*(?=[^\s*])([^*\n]{1,120}?)(?<=[^\s*])\*")
_ASTERISK = re.compile(r"\*")
# A list item's marker (* item, - item, 1. item) is no star and no dash inside a word: it separates.
_LIST_MARKER = re.compile(r"^([ \t>]*)(?:[*+-]|[0-9]{1,9}[.)])(?=[ \t])", re.MULTILINE)
_RUBY = re.compile(r"<(rt|rp)\b[^<>]*>[^<]{0,200}</\1\s*>", re.IGNORECASE)
# An element styled to show nothing hides what it holds (秘<span hidden>x</span>密★ reads 秘密★).
_HIDDEN = re.compile(
    r"<([A-Za-z][A-Za-z0-9]*)\b[^<>]*?(?:\bhidden\b|display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0"
    r"(?![.0-9]*[1-9]))[^<>]*>[^<]{0,200}</\1\s*>",
    re.IGNORECASE,
)
# An image shows its alternative text where it stands (秘密<img alt="★">).
_IMAGE = re.compile(r"""<img\b[^<>]*?\balt\s*=\s*["']([^"'<>]*)["'][^<>]*>""", re.IGNORECASE)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|hr|li|ul|ol|dl|dt|dd|tr|td|th|table|thead|tbody|h[1-6]|section|article|blockquote|pre)\b[^<>]*>",
    re.IGNORECASE,
)
_LINE_BREAK_TAG = re.compile(r"<(?:br|wbr)\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_LINK = re.compile(r"!?\[([^\[\]\n]{0,300})\](?:\([^()\n]{0,500}\)|\[[^\[\]\n]{0,100}\])")
_CODE = re.compile(r"`+")


def _without_emphasis(text: Traced) -> Traced:
    text = text.sub(_LIST_MARKER, lambda m: m[1] + "|")
    text = text.sub(_EMPHASIS, lambda m: m[2] if m[2] is not None else m[3])
    return text.sub(_ASTERISK, lambda _: "★")


def _without_comments(text: Traced) -> Traced:
    """HTML comments removed, in one pass (a regex would rescan an unclosed ``<!--`` each time)."""
    kept: list[tuple[int, int]] = []
    position, start = 0, text.text.find("<!--")
    while start >= 0:
        end = text.text.find("-->", start + 4)
        if end < 0:
            break  # no comment closes after this one, so none of the later ones does either
        kept.append((position, start))
        position = end + 3
        start = text.text.find("<!--", position)
    if not kept:
        return text
    kept.append((position, len(text.text)))
    return Traced("".join(text.text[a:b] for a, b in kept), tuple(n for a, b in kept for n in text.lines[a:b]))


def visible(text: Traced) -> Traced:
    """``text`` without HTML tags, comments, ruby annotations, link targets and code ticks."""
    text = _without_comments(text).sub(_RUBY, lambda _: "").sub(_LINE_BREAK_TAG, lambda _: " ")
    text = text.sub(_HIDDEN, lambda _: "").sub(_IMAGE, lambda m: m[1])
    text = text.sub(_BLOCK_TAG, lambda _: " | ").sub(_TAG, lambda _: "")
    return text.sub(_LINK, lambda m: m[1]).sub(_CODE, lambda _: "")


def views(text: str, first_line: int = 1, one_line: bool = False) -> tuple[Traced, Traced]:
    """(raw, visible) readings of ``text``: decoded, folded, emphasis undone."""
    read = read_characters(decoded(Traced.of(text, first_line, one_line)))
    return _without_emphasis(read), _without_emphasis(visible(read))
