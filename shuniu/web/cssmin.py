"""CSS without comments and without the white space that separates nothing.

Only the safe cases: comments go; runs of white space become one space; the space next to
``{ } ; ,`` and after ``:`` goes (never before ``:``, where ``a :hover`` differs from
``a:hover``), and so does the last ``;`` of a block. Strings are kept as they are.
"""

from __future__ import annotations

import re

from shuniu.web.jstokens import SourceError

_TOKEN = re.compile(r"""/\*.*?\*/|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|\s+|[{};,:]|[^"'/\s{};,:]+|/(?!\*)""", re.S)
_TIGHT_AFTER = "{};,:"
_TIGHT_BEFORE = "{};,"


def minify_css(text: str) -> str:
    """The style sheet ``text``, smaller; an unclosed comment or string raises :class:`SourceError`."""
    out: list[str] = []
    gap = False
    pos = 0
    for match in _TOKEN.finditer(text):
        if match.start() != pos:
            break
        pos, piece = match.end(), match.group()
        if piece.isspace() or piece.startswith("/*"):
            gap = True
            continue
        if piece == "}" and out and out[-1] == ";":
            out.pop()
        elif gap and out and out[-1][-1] not in _TIGHT_AFTER and piece[0] not in _TIGHT_BEFORE:
            out.append(" ")
        out.append(piece)
        gap = False
    if pos != len(text):
        raise SourceError(text.count("\n", 0, pos) + 1, "unterminated comment or string")
    return "".join(out) + "\n"
