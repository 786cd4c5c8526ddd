"""Reading typed fields out of a YAML mapping, collecting a problem for each bad one."""

from __future__ import annotations

import datetime
import enum
from typing import Any, TypeVar

from shuniu.problems import Problems
from shuniu.yamlsrc import LineDict, LineList, YamlError, is_date, load_yaml

E = TypeVar("E", bound=enum.Enum)


def describe(value: Any) -> str:
    """How a wrong value is named in a message: short and recognisable."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"


def load_shaped(text: str, path: str, problems: Problems, shape: type, expected: str,
                *, list_line: bool = False) -> Any:
    """The YAML ``text`` of ``path`` when it parses into a ``shape`` (LineDict or LineList); else
    None, with the problem added: the syntax error's line, or "``expected``, got …" at line 1 (at
    the list's own line with ``list_line``). Every content file's reader starts this way."""
    try:
        data = load_yaml(text)
    except YamlError as error:
        problems.add(path, error.line, error.message)
        return None
    if not isinstance(data, shape):
        line = data.line if list_line and isinstance(data, LineList) else 1
        problems.add(path, line, f"{expected}, got {describe(data)}")
        return None
    return data


class FieldReader:
    """Reads fields from one mapping; every problem is added with the field's line.

    ``where`` prefixes messages (e.g. ``step 'qianshou': ``) so a problem inside a nested
    item says which item it is in.
    """

    def __init__(self, data: LineDict, path: str, problems: Problems, where: str = "") -> None:
        self.data = data
        self.path = path
        self.problems = problems
        self.where = where

    def line(self, key: str) -> int:
        return self.data.line_of(key)

    def problem(self, key: str | None, message: str) -> None:
        line = self.line(key) if key else self.data.line
        self.problems.add(self.path, line, self.where + message)

    def _value(self, key: str, required: bool) -> Any:
        value = self.data.get(key)
        if value is None and required:
            self.problem(None, f"missing required field '{key}'")
        return value

    def text(self, key: str, required: bool = True) -> str | None:
        value = self._value(key, required)
        if value is None:
            return None
        if isinstance(value, (dict, list, bool)):
            self.problem(key, f"field '{key}' must be text, got {describe(value)}")
            return None
        text = str(value).strip()
        if not text and required:
            self.problem(key, f"field '{key}' must not be empty")
            return None
        return text

    def date(self, key: str, required: bool = True) -> datetime.date | None:
        value = self._value(key, required)
        if value is None:
            return None
        if not is_date(value):
            self.problem(key, f"field '{key}' must be a date like 2025-03-01, got {describe(value)}")
            return None
        return value  # type: ignore[no-any-return]

    def choice(self, key: str, kind: type[E], default: E | None = None) -> E | None:
        value = self._value(key, default is None)
        if value is None:
            return default
        try:
            return kind(str(value))
        except ValueError:
            allowed = ", ".join(str(member.value) for member in kind)
            self.problem(key, f"field '{key}' must be one of {allowed}, got {describe(value)}")
            return default

    def text_list(self, key: str, required: bool = False) -> tuple[str, ...]:
        """A list of strings; a single string is accepted as a list of one."""
        value = self._value(key, required)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value.strip(),)
        if not isinstance(value, list) or not all(
            isinstance(item, (str, int, float)) and not isinstance(item, bool) for item in value
        ):
            self.problem(key, f"field '{key}' must be a list of text, got {describe(value)}")
            return ()
        return tuple(str(item).strip() for item in value)

    def tags(self, key: str = "tags") -> tuple[str, ...]:
        """A list of tags. A comma inside one (``tags: 公文, 格式`` written without brackets is one
        text) is reported: the quiz pages' links list tags joined by commas, so such a tag could
        never be chosen, and the author almost always meant two tags."""
        tags = self.text_list(key)
        for tag in tags:
            if "," in tag:
                parts = ", ".join(part.strip() for part in tag.split(",") if part.strip())
                self.problem(key, f"tag '{tag}' holds a comma: write each tag as its own list item, e.g. {key}: [{parts}]")
        return tuple(tag for tag in tags if "," not in tag)

    def integer(self, key: str, low: int, high: int, default: int | None = None) -> int | None:
        value = self._value(key, default is None)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.problem(key, f"field '{key}' must be a whole number from {low} to {high}, got {describe(value)}")
            return default
        return value

    def unknown(self, allowed: set[str]) -> None:
        """Report fields that are not part of the format (usually typos)."""
        for key in self.data:
            if key not in allowed:
                self.problem(str(key), f"unknown field '{key}'")
