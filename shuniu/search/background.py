"""Search entries made in a second process while the build renders pages (issue #17).

Material's search plugin reads each page's HTML and cuts its Chinese text with jieba in the
build's one process: on a first build a sixth of the build, plus half a second to load jieba's
dictionary. A page the entry cache (shuniu.search.cache) lacks is instead handed over as plain
data to a forked process, which makes its entries with the same code (the index class it is
given: Material's) and sends them back; :meth:`BackgroundIndex.finish` puts them where the
plugin would have put them, before the index is written. The site's vocabulary is worked out
there too (:func:`run_elsewhere`), so a build's own process never loads jieba.

Where there is no second core or no fork, or the process fails, the entries are made in the
build's process, as before: the index is the same either way (tests/test_search_background.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, TypeVar

from shuniu.side_processes import SOONER, forked_pool

Entry = dict[str, Any]
T = TypeVar("T")


@dataclass(frozen=True)
class PageText:
    """What a search index reads of a page (Material's ``add_entry_from_context``), as data."""

    url: str
    title: str
    meta: dict[str, Any]  # the page's search settings, tags and title: nothing else is read
    content: str  # the HTML as the index reads it (generated chrome already marked excluded)
    toc: Any  # the page's table of contents (items with id, url and children)


def entries_of(make_index: Callable[[], Any], prepare: Callable[[], None], page: PageText) -> list[Entry]:
    """The entries ``make_index()`` makes of ``page``, after ``prepare()`` (jieba's dictionary)."""
    prepare()
    index = make_index()
    index.add_entry_from_context(page)
    return list(index.entries)


_pool: ProcessPoolExecutor | None = None


def _shared_pool() -> ProcessPoolExecutor | None:
    """The processes, forked at the first page that needs them and kept for later builds in the
    same process (the other language's, the preview's), so jieba is loaded there once."""
    global _pool
    if _pool is None:
        _pool = forked_pool(min(2, (os.cpu_count() or 1) - 1), SOONER)  # the cores the build leaves, two at most
    return _pool


def _drop_pool() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None


class BackgroundIndex:
    """Pages' entries being made elsewhere, each to go into its index at the place it was asked."""

    def __init__(self, make_index: Callable[[], Any], prepare: Callable[[], None]) -> None:
        self.make_index, self.prepare = make_index, prepare
        # (the index's entry list, the place there, the job, the page, what to do with the entries)
        self._pending: list[tuple[list[Entry], int, Future[list[Entry]] | None, PageText,
                                  Callable[[list[Entry]], None]]] = []

    def add(self, entries: list[Entry], page: PageText, done: Callable[[list[Entry]], None]) -> None:
        """Make ``page``'s entries, to go at the present end of ``entries``; ``done`` gets them there."""
        future = _submit(entries_of, self.make_index, self.prepare, page)
        if future is None:  # no second process: made now, as the plugin would have
            made = entries_of(self.make_index, self.prepare, page)
            entries.extend(made)
            done(made)
            return
        self._pending.append((entries, len(entries), future, page, done))

    def finish(self) -> None:
        """Put every page's entries in place (waiting for those not made yet)."""
        # Last first: an insertion then never moves a place still to be filled.
        for entries, place, future, page, done in reversed(self._pending):
            made = _result(future, entries_of, self.make_index, self.prepare, page)
            entries[place:place] = made
            done(made)
        self._pending.clear()


def run_elsewhere(function: Callable[..., T], *args: Any) -> T:
    """``function(*args)`` in the other process (where jieba is loaded), waited for; here if it cannot."""
    return _result(_submit(function, *args), function, *args)


def _submit(function: Callable[..., T], *args: Any) -> Future[T] | None:
    pool = _shared_pool()
    if pool is None:
        return None
    try:
        return pool.submit(function, *args)
    except (BrokenProcessPool, RuntimeError):  # a process died before: start afresh next time
        _drop_pool()
        return None


def _result(future: Future[T] | None, function: Callable[..., T], *args: Any) -> T:
    if future is not None:
        try:
            return future.result()
        except BrokenProcessPool:
            _drop_pool()  # killed (for memory, say): made here instead; the next pool is new
        except Exception:  # noqa: BLE001, S110 - what failed there is done again here, where it reports
            pass
    return function(*args)
