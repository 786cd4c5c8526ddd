"""A bank mapping written as a readable bank file, laid out like the hand-written ones:
block style, Chinese as is, short lists in brackets, multi-line text as ``|`` blocks,
a blank line between questions."""

from __future__ import annotations

import textwrap
from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    """SafeDumper (only plain data) with the layout above."""

    def choose_scalar_style(self) -> str:
        # Text that cannot stand plain ("10", "a: b") is double-quoted, as in the hand-written banks.
        style: str = super().choose_scalar_style()
        return '"' if style == "'" else style


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


def _scalar(item: Any) -> bool:
    return isinstance(item, (str, int, float, bool)) and "\n" not in str(item)


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    """In brackets when it holds one-line scalars, or lists of them (fill answers ``[[a, b], [c]]``)."""
    flat = all(_scalar(item) or (isinstance(item, list) and all(_scalar(inner) for inner in item)) for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flat)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(list, _list)


def _dump(value: Any) -> str:
    # A wide line: PyYAML would fold long Chinese sentences at spaces otherwise.
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000)


def dump_bank(bank: dict[str, Any]) -> str:
    """The YAML text of ``bank`` (fields in the authoring order, ``questions`` last)."""
    head = {key: value for key, value in bank.items() if key != "questions"}
    questions = [textwrap.indent(_dump([question]), "  ") for question in bank["questions"]]
    return _dump(head) + "questions:\n" + "\n".join(questions)
