"""The bases a procedure cites, page-level and per step, each listed once.

Authors cite the same basis in several forms: with or without the document number, a
revision year, a note (``（2024年修订）``, ``(中办发〔2012〕14号)``); a step may cite one article
of a list the page cites (``第三十二条`` of ``第三十条、第三十二条``). Such citations count as one:
the page's wording is kept, with the steps that cite it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shuniu.procedures.flow import FlowStep

_ASIDE = re.compile(r"[（(][^（）()]*[）)]")
_SEPARATOR = re.compile(r"[、,，;；]")
_ARTICLE = re.compile(r"^(.*?)(第[^第]*[条章款项节])$")  # the name before a final article reference


@dataclass(frozen=True)
class Citation:
    text: str
    steps: tuple[FlowStep, ...] = ()


def basis_key(text: str) -> str:
    """What identifies a citation: its text without bracketed asides, spaces or final stop."""
    previous = None
    while previous != text:  # asides may nest: （见（2024年修订））
        previous, text = text, _ASIDE.sub("", text)
    return re.sub(r"\s+", "", text).rstrip("。.")


def _items(cited: str) -> list[str]:
    """A list citation as separate ones: ``《条例》第三十条、第三十二条`` -> ``《条例》第三十条``, ``《条例》第三十二条``."""
    first, *rest = _SEPARATOR.split(cited)
    article = _ARTICLE.match(first)
    name = article.group(1) if article else ""
    return [first] + [item if item.startswith(name) else name + item for item in rest]


def _covers(cited: str, key: str) -> bool:
    """Whether the citation ``cited`` includes ``key``: the same, or one item of its list."""
    return cited == key or key in _items(cited)


def citations(page_basis: tuple[str, ...], flow: tuple[FlowStep, ...]) -> list[Citation]:
    """Every basis once, in order: the page's first, then those only steps cite."""
    entries: list[tuple[str, str, list[FlowStep]]] = []
    for text in page_basis:
        if all(key != basis_key(text) for key, _, _ in entries):
            entries.append((basis_key(text), text, []))
    for item in flow:
        for text in item.step.basis:
            key = basis_key(text)
            entry = next((e for e in entries if _covers(e[0], key)), None)
            if entry is None:
                entry = (key, text, [])
                entries.append(entry)
            if item not in entry[2]:
                entry[2].append(item)
    return [Citation(text, tuple(steps)) for _, text, steps in entries]
