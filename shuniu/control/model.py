"""Typed objects of document control and study planning (no imports from shuniu: no cycles)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Commit:
    """One commit that touched a file: its date and the first line of its message."""

    date: datetime.date
    message: str


@dataclass(frozen=True)
class History:
    """What git knows about the files under docs/: root-relative path -> commits, newest first.

    A file that is not in ``files`` exists only in the working tree: it was never committed.
    """

    files: Mapping[str, tuple[Commit, ...]] = field(default_factory=dict)

    def of(self, path: str) -> tuple[Commit, ...]:
        return self.files.get(path, ())


@dataclass(frozen=True)
class Ref:
    """A reference written in a data file (a page link or a bank id) with its line."""

    target: str
    line: int


@dataclass(frozen=True)
class Session:
    """One meeting of a study plan."""

    date: datetime.date
    topic: str
    read: tuple[Ref, ...] = ()
    quiz: tuple[Ref, ...] = ()
    notes: str = ""
    line: int = 0
    id: str = ""  # stable within the plan: the calendar's UID is plan id + session id
    time: datetime.time | None = None  # start, Asia/Shanghai; None: an all-day event
    duration: datetime.timedelta | None = None
    place: str = ""


@dataclass(frozen=True)
class Plan:
    """A study plan read from ``docs/study/plans/<id>.yml``; sessions in date order."""

    id: str
    title: str
    group: str
    path: str  # root-relative, for messages
    sessions: tuple[Session, ...] = ()

    def next_session(self, today: datetime.date) -> Session | None:
        """The first session on or after ``today``: the one a group prepares for."""
        return next((s for s in self.sessions if s.date >= today), None)


@dataclass(frozen=True)
class Term:
    """A glossary entry read from ``docs/glossary.yml``."""

    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    source: str | None = None
    line: int = 0
    source_line: int = 0
    aliases_line: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        """The term and its aliases: every word a reader may meet it by."""
        return (self.term, *self.aliases)
