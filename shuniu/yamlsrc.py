"""YAML loading that keeps line numbers, so every error can point at its line.

Mappings load as :class:`LineDict` and sequences as :class:`LineList`; both remember the
1-based line of each key or item. Plain dicts and lists behave the same for everything else.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import yaml

from shuniu.problems import Problems

NOT_UTF8 = "file is not valid UTF-8 text"


class LineDict(dict):  # type: ignore[type-arg]
    """A dict that knows the line of each key and of itself."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        """The line of ``key`` if present, else the mapping's own line."""
        return self.key_lines.get(key, self.line)


class LineList(list):  # type: ignore[type-arg]
    """A list that knows the line of each item and of itself."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class YamlError(Exception):
    """A YAML syntax error with its 1-based line and a short message."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class _LineConstruction:
    """Constructors that build LineDict/LineList and keep dates as dates (mixed into a loader)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        self.flatten_mapping(node)  # type: ignore[attr-defined]
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)  # type: ignore[attr-defined]
            if isinstance(key, (list, dict)):
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark
                )
            if key in result.key_lines:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key '{key}'", key_node.start_mark
                )
            result[key] = self.construct_object(value_node, deep=True)  # type: ignore[attr-defined]
            result.key_lines[key] = key_node.start_mark.line + 1
        return result

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LineList:
        result = LineList(self.construct_object(child, deep=True) for child in node.value)  # type: ignore[attr-defined]
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        # An impossible date such as 2025-02-30 matches YAML's timestamp pattern and makes
        # the stock constructor raise a bare ValueError. Keep it as text instead, so the
        # field check reports it with its line, next to every other problem in the file.
        try:
            return yaml.constructor.SafeConstructor.construct_yaml_timestamp(self, node)  # type: ignore[arg-type]
        except ValueError:
            return str(node.value)


class _LineLoader(_LineConstruction, yaml.SafeLoader):
    """The pure-Python loader: its error messages are the ones users see."""


# libyaml's parser is about six times faster on a large site; it is used whenever present, and a
# file it rejects is read again by the pure-Python loader so the message and line stay the same.
_FastLineLoader: Any = None
if getattr(yaml, "CSafeLoader", None) is not None:

    class _FastLineLoader(_LineConstruction, yaml.CSafeLoader):  # type: ignore[no-redef]
        """The libyaml-based loader with the same constructors."""


for _loader in (_LineLoader, _FastLineLoader):
    if _loader is not None:
        _loader.add_constructor("tag:yaml.org,2002:timestamp", _LineConstruction.construct_yaml_timestamp)  # type: ignore[type-var]
        _loader.add_constructor("tag:yaml.org,2002:map", _LineConstruction.construct_mapping)  # type: ignore[type-var]
        _loader.add_constructor("tag:yaml.org,2002:seq", _LineConstruction.construct_sequence)  # type: ignore[type-var]


def read_source(file: Path, path: str, problems: Problems) -> str | None:
    """A content file's text with Windows line ends and a UTF-8 byte order mark (as Notepad
    saves it) removed; None, with a problem, when it is not UTF-8 text."""
    try:
        data = file.read_bytes()
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        problems.add(path, 1, NOT_UTF8 + encoding_hint(data))
        return None
    except OSError as error:
        problems.add(path, 1, f"file cannot be read: {error.strerror}")
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def encoding_hint(data: bytes) -> str:
    """What a file that is not UTF-8 probably is, so the author knows how to save it instead."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return " (it is UTF-16, Notepad's 'Unicode'): save it as UTF-8"
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return ": save it as UTF-8"
    return " (it looks like GBK/GB18030): save it as UTF-8"


MAX_NESTING = 100


def check_nesting(text: str) -> None:
    """Raise :class:`YamlError` when flow collections (``[``, ``{``) nest deeper than MAX_NESTING.

    A hostile file such as ``[`` repeated 100,000 times makes the YAML parsers take minutes
    (libyaml) or overflow the stack (the Python one); no content file nests more than a few levels.
    Quoted text and comments are skipped, roughly: this only has to catch absurd depths.
    """
    depth, line, closing, escaped = 0, 1, "", False
    previous = "\n"
    for char in text:
        line += char == "\n"
        if closing:  # inside a quoted scalar (until its quote) or a comment (until the line end)
            if escaped:
                escaped = False
            elif char == "\\" and closing == '"':
                escaped = True
            elif char == closing:
                closing = ""
        elif char in "\"'" and previous in " \t\n[{,:-":
            closing = char
        elif char == "#" and previous in " \t\n":
            closing = "\n"
        elif char in "[{":
            depth += 1
            if depth > MAX_NESTING:
                raise YamlError(line, f"YAML nested deeper than {MAX_NESTING} levels")
        elif char in "]}":
            depth = max(depth - 1, 0)
        previous = char


def load_yaml(text: str) -> Any:
    """Parse YAML text; raise :class:`YamlError` with the line on any syntax error."""
    text = text.removeprefix("\ufeff")
    check_nesting(text)
    if _FastLineLoader is not None:
        try:
            return yaml.load(text, Loader=_FastLineLoader)  # noqa: S506 - a CSafeLoader subclass
        except yaml.YAMLError:
            pass  # read again below, for the pure-Python loader's message
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        reason = error.problem or error.context or "invalid YAML"
        raise YamlError(line, f"YAML syntax error: {reason}") from None
    except yaml.YAMLError as error:
        raise YamlError(1, f"YAML syntax error: {error}") from None


def is_date(value: Any) -> bool:
    """True for a real date (YAML ``2025-03-01``), not a datetime or a string."""
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
