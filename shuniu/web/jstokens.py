"""A small JavaScript tokenizer, and a minifier that only removes what cannot matter.

It knows where comments, strings, template literals (nested ones too) and regular expression
literals begin and end: the places where a plain text search goes wrong. It does not parse.
A ``/`` is a regular expression where an expression may begin (after an operator, ``(``,
``,``, ``return``...) and a division after a value (a name, a number, ``)``, ``]``, ``}``);
``if (x) /re/`` and a statement that begins with a regular expression after a block's ``}``
are read as divisions, as most simple tools do: do not write them.

Why not a minifier from PyPI: rjsmin 1.3.0 removed ``/* ... */`` text from inside a template
literal nested in another (it changed a string), and the player nests templates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

SPACE, COMMENT, NAME, NUMBER, STRING, TEMPLATE, REGEX, PUNCT = (
    "space", "comment", "name", "number", "string", "template", "regex", "punct")

# JavaScript's white space and line terminators (not Python's \s, which has more).
_SPACE = re.compile("[\t\v\f \u00a0\ufeff\u1680\u2000-\u200a\u202f\u205f\u3000\n\r\u2028\u2029]+")
_LINE_BREAK = re.compile("\r\n?|[\n\u2028\u2029]")
_ESCAPE = r"\\u(?:[0-9a-fA-F]{4}|\{[0-9a-fA-F]+\})"
_NAME = re.compile(rf"(?:[A-Za-z_$#]|[^\x00-\x7f]|{_ESCAPE})(?:[\w$]|[^\x00-\x7f]|{_ESCAPE})*")
_NUMBER = re.compile(r"(?:0[xX][\da-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?)n?")
# Longest first; "/" and "/=" are read apart (division or regular expression).
_PUNCT = re.compile(r">>>=|\.\.\.|===|!==|\*\*=|<<=|>>=|>>>|&&=|\|\|=|\?\?=|=>|==|!=|<=|>=|&&|\|\||\?\?|\?\.(?!\d)|\+\+|--"
                    r"|[-+*%&|^]=|\*\*|<<|>>|[{}()\[\];,<>+\-*%&|^!~?:=.@]")
# After these keywords an expression begins, so "/" opens a regular expression.
_BEFORE_EXPRESSION = frozenset(
    "return typeof instanceof in of new delete void throw case do else yield await".split())


@dataclass(frozen=True)
class Token:
    """One token: its kind, its exact text and the line it starts on (1-based)."""

    kind: str
    text: str
    line: int

    @property
    def significant(self) -> bool:
        """Whether the token is code (not white space or a comment)."""
        return self.kind not in (SPACE, COMMENT)

    @property
    def end_line(self) -> int:
        """The line the token ends on (templates, comments and white space may span lines)."""
        return self.line + len(_LINE_BREAK.findall(self.text))

    @property
    def breaks_line(self) -> bool:
        """White space or a comment holding a line break: it ends a statement where a newline would."""
        return not self.significant and bool(_LINE_BREAK.search(self.text))


class SourceError(ValueError):
    """Source text that cannot be read; ``line`` is where the unfinished token (string, comment...) began."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def tokenize(text: str) -> list[Token]:
    """Every token of ``text``, white space and comments included, in order.

    Joining the texts of the tokens gives ``text`` back exactly.
    """
    return list(_Scanner(text).tokens())


def significant(tokens: Iterable[Token]) -> list[Token]:
    """The code tokens only: what a minified copy must keep, in the same order."""
    return [token for token in tokens if token.significant]


class _Scanner:
    """Reads tokens one after another; a template literal reads its ``${...}`` parts as code."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1

    def tokens(self, in_template: bool = False) -> Iterator[Token]:
        """Tokens up to the end, or (inside a template's ``${``) up to the ``}`` that closes it."""
        depth = 0
        previous: Token | None = None
        start_line = self.line
        while self.pos < len(self.text):
            if in_template and depth == 0 and self.text[self.pos] == "}":
                self.pos += 1
                return
            token = self._token(previous)
            self.line = token.end_line
            if token.significant:
                previous = token
                depth += {"{": 1, "}": -1}.get(token.text, 0) if token.kind == PUNCT else 0
            yield token
        if in_template:
            raise SourceError(start_line, "unterminated template literal")

    def _token(self, previous: Token | None) -> Token:
        text, pos, char = self.text, self.pos, self.text[self.pos]
        if match := _SPACE.match(text, pos):
            return self._take(SPACE, match.end())
        if text.startswith("//", pos):
            line_end = _LINE_BREAK.search(text, pos)
            return self._take(COMMENT, line_end.start() if line_end else len(text))
        if text.startswith("/*", pos):
            close = text.find("*/", pos + 2)
            if close < 0:
                raise SourceError(self.line, "unterminated comment")
            return self._take(COMMENT, close + 2)
        if char in "'\"":
            return self._take(STRING, self._string_end(char))
        if char == "`":
            return self._take(TEMPLATE, self._template_end())
        if char == "/":
            if _regex_allowed(previous):
                return self._take(REGEX, self._regex_end())
            return self._take(PUNCT, pos + (2 if text.startswith("/=", pos) else 1))
        for kind, pattern in ((NUMBER, _NUMBER), (NAME, _NAME), (PUNCT, _PUNCT)):
            if match := pattern.match(text, pos):
                return self._take(kind, match.end())
        raise SourceError(self.line, f"unexpected character {char!r}")

    def _take(self, kind: str, end: int) -> Token:
        token = Token(kind, self.text[self.pos:end], self.line)
        self.pos = end
        return token

    def _string_end(self, quote: str) -> int:
        text, i = self.text, self.pos + 1
        while i < len(text):
            if text[i] == "\\":
                i += 3 if text.startswith("\r\n", i + 1) else 2
            elif text[i] == quote:
                return i + 1
            elif text[i] in "\r\n":
                break
            else:
                i += 1
        raise SourceError(self.line, "unterminated string")

    def _template_end(self) -> int:
        start_pos, start_line = self.pos, self.line
        text, i = self.text, self.pos + 1
        try:
            while i < len(text):
                if text[i] == "\\":
                    i += 2
                elif text[i] == "`":
                    return i + 1
                elif text.startswith("${", i):
                    # The expression inside is code: scan it (its strings may hold "}" or "`").
                    self.pos, self.line = i + 2, start_line + len(_LINE_BREAK.findall(text[start_pos:i]))
                    for _ in self.tokens(in_template=True):
                        pass
                    i = self.pos
                else:
                    i += 1
            raise SourceError(start_line, "unterminated template literal")
        finally:
            self.pos, self.line = start_pos, start_line

    def _regex_end(self) -> int:
        text, i, in_class = self.text, self.pos + 1, False
        while i < len(text) and text[i] not in "\r\n\u2028\u2029":
            if text[i] == "\\":
                i += 2
                continue
            if text[i] == "/" and not in_class:
                flags = _NAME.match(text, i + 1)
                return flags.end() if flags else i + 1
            in_class = (in_class and text[i] != "]") or (not in_class and text[i] == "[")
            i += 1
        raise SourceError(self.line, "unterminated regular expression")


def _regex_allowed(previous: Token | None) -> bool:
    """Whether a ``/`` after ``previous`` begins a regular expression (else it divides)."""
    if previous is None:
        return True
    if previous.kind == NAME:
        return previous.text in _BEFORE_EXPRESSION
    if previous.kind == PUNCT:
        return previous.text not in (")", "]", "}", "++", "--")
    return False  # after a number, string, template or regular expression: a value


def minify(tokens: Iterable[Token]) -> str:
    """The code without comments, indentation, blank lines or spaces that separate nothing.

    Line breaks between statements are kept (one per line), so automatic semicolon insertion
    reads the code as before; strings, templates and regular expressions are kept verbatim.
    Tokenizing the result gives the same code tokens as the input (tests check it).
    """
    out: list[str] = []
    previous: Token | None = None
    gap = ""  # what stood between the previous code token and this one: "", " " or "\n"
    for token in tokens:
        if not token.significant:
            gap = "\n" if token.breaks_line else (gap or " ")
            continue
        if previous is not None:
            if gap == "\n":
                out.append("\n")
            elif gap == " " and _needs_space(previous, token):
                out.append(" ")
        out.append(token.text)
        previous, gap = token, ""
    return "".join(out) + ("\n" if out else "")


def _needs_space(left: Token, right: Token) -> bool:
    """Whether two tokens written together would read as something else."""
    a, b = left.text[-1], right.text[0]
    if _is_word(a) and _is_word(b):
        return True  # `return x`, `1 in y`
    if left.kind == NUMBER and b == ".":
        return True  # `1 .toString()`
    return (a, b) in {("+", "+"), ("-", "-"), ("/", "/"), ("/", "*"), ("<", "!"), ("-", ">")}


def _is_word(char: str) -> bool:
    return char.isalnum() or char in "_$#\\" or ord(char) > 0x7F
