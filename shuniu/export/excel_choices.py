"""Choice questions as exam systems (问卷星, 考试星 and the like) lay them out: every option in one
cell, and the answer given as an option's text instead of its letter.

One cell: ``A.甲 B.乙 C.丙``, ``A、甲|B、乙``, ``（A）甲；（B）乙``, one option a line, with half- or
full-width letters and punctuation. A letter starts an option only at the start of the cell or
after a space, line break, ``|`` or ``；``, and only as the next letter (A, then B...): "A.甲 C.乙"
is one option A, "甲 C.乙".
"""

from __future__ import annotations

import re
import unicodedata

from shuniu.quiz.model import OPTION_LETTERS

_MARK = re.compile(r"(?:^|(?<=[\s|｜;；]))[(（]?([A-HＡ-Ｈ])\s*(?:[)）]\s*[.．、:：]?|[.．、:：])")
_FIRST = re.compile(r"[(（]?[AＡ]\s*(?:[)）]\s*[.．、:：]?|[.．、:：])")  # an A anywhere, to say what stands before it
_BETWEEN = re.compile(r"^[\s|｜;；]+|[\s|｜;；]+$")
# An answer naming several options by their text: parts between | ； or lines, and within a part
# that is no option's text, between 、 and ，
_ANSWER_SPLIT = re.compile(r"\s*[|｜;；\n]\s*")
_ANSWER_SPLIT_MORE = re.compile(r"\s*[、,，]\s*")
SHAPE = "应写成 A.选项一 B.选项二（或 A、选项一|B、选项二，一行一个也可以）"


def split_options(text: str) -> tuple[dict[str, str], str | None]:
    """The options of a one-cell list, and what is wrong with it (None when nothing is)."""
    marks: list[re.Match[str]] = []
    for match in _MARK.finditer(text):
        letter = unicodedata.normalize("NFKC", match.group(1))
        if len(marks) < len(OPTION_LETTERS) and letter == OPTION_LETTERS[len(marks)]:
            marks.append(match)
    if not marks:
        first = _FIRST.search(text)
        if first and first.start():
            return {}, f"选项A前面有其他文字“{text[:first.start()].strip()}”：{SHAPE}"
        return {}, f"选项无法识别：{SHAPE}"
    if _BETWEEN.sub("", text[:marks[0].start()]):
        return {}, f"选项A前面有其他文字“{text[:marks[0].start()].strip()}”：{SHAPE}"
    options = {}
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        options[OPTION_LETTERS[index]] = _BETWEEN.sub("", text[mark.end():end])
    empty = [letter for letter, option in options.items() if not option]
    if empty:
        return {}, f"选项{'、'.join(empty)}为空：{SHAPE}"
    return options, None


def letters_by_text(answer: str, options: dict[str, str]) -> tuple[list[str] | None, str | None]:
    """The letters of the options whose text the answer gives (exactly, after trimming), as a whole
    or in parts separated by ``|``, ``；``, ``、``, ``，`` or lines; None and why when it cannot tell."""
    by_text: dict[str, list[str]] = {}
    for letter, option in options.items():
        by_text.setdefault(option.strip(), []).append(letter)
    parts = []
    for part in (part for part in _ANSWER_SPLIT.split(answer.strip()) if part):
        if part in by_text:
            parts.append(part)
            continue
        inside = [text for text in by_text if _ANSWER_SPLIT_MORE.search(text) and text in part]
        if inside:  # "甲、乙、丙" with an option "甲、乙": A, B, C or "甲、乙" and C?
            return None, f"答案“{part}”可以有几种分法（选项“{inside[0]}”本身含有分隔符）：请写选项字母"
        parts += [piece for piece in _ANSWER_SPLIT_MORE.split(part) if piece]
    letters = []
    for part in parts:
        found = by_text.get(part, [])
        if len(found) > 1:
            return None, f"答案“{part}”与选项{'、'.join(found)}的内容相同，无法确定是哪一个：请写选项字母"
        if not found:
            return None, f"答案“{part}”既不是选项字母，也与任何选项的内容不同（按选项原文比较）"
        letters.append(found[0])
    return letters, None
