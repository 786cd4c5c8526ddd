"""Large folders' menus in groups: a reader scans thirty entries, not three hundred.

Each page carries its own folder's menu, so a folder of N pages costs N entries on each of its
N pages (issue #17): a handbook's size would grow the pages, and the build, as N². Past
:data:`MENU_LIMIT` entries, a folder's pages are shown under their subject (a page's or bank's
first tag) in pinyin order, with the rest last under 其他; a subject that is still too long is
cut into numbered parts in reading order (a folder with no subjects at all into runs named by
their numbers, 1–30, 31–60). The menus stay bounded however large the folder grows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

from shuniu.pinyin import sort_key

MENU_LIMIT = 30  # the real handbook's largest folder holds 24 pages: it is not grouped
OTHER = {"zh": "其他", "en": "Other"}

Entry = TypeVar("Entry")


def menu_groups(entries: Sequence[Entry], subject: Callable[[Entry], str], lang: str,
                limit: int = MENU_LIMIT) -> list[tuple[str, list[Entry]]] | None:
    """``entries`` (in reading order) as (label, entries) groups, or None when they fit one menu.

    ``subject`` gives an entry's subject ('' for none); entries keep their order inside a group.
    A subject of one page is no group, and past ``limit`` subjects the smallest join the others
    too: a menu shows at most ``limit`` subjects (a long one in parts) and ``limit`` pages of the
    reader's own group.
    """
    if len(entries) <= limit:
        return None
    labelled = [(entry, subject(entry).strip()) for entry in entries]
    sizes = Counter(label for _, label in labelled)
    largest = [label for label, size in sizes.most_common() if label and size > 1]
    named = sorted(largest[: limit - 1], key=sort_key)
    if not named:
        return [(f"{start + 1}–{start + len(run)}", run) for start, run in _runs(list(entries), limit)]
    kept = set(named)
    ordered = [(label, [entry for entry, own in labelled if own == label]) for label in named]
    others = [entry for entry, own in labelled if own not in kept]
    if others:
        ordered.append((OTHER.get(lang, OTHER["en"]), others))
    groups: list[tuple[str, list[Entry]]] = []
    for label, members in ordered:
        if len(members) <= limit:
            groups.append((label, members))
            continue
        groups += [(f"{label}（{number}）" if lang == "zh" else f"{label} ({number})", run)
                   for number, (_, run) in enumerate(_runs(members, limit), start=1)]
    return groups


def _runs(members: list[Entry], limit: int) -> list[tuple[int, list[Entry]]]:
    """``members`` cut into runs of at most ``limit``, each with the index it starts at."""
    return [(start, members[start:start + limit]) for start in range(0, len(members), limit)]
