"""Processes that do a build's work on the side (bank exports, search entries): forked, so they
start with what the build has loaded, and at a lower priority, so they use the cores the build's
own process leaves and never slow the pages: on two cores the build, the exports and the search
entries would otherwise share them evenly (bench/, issue #17)."""

from __future__ import annotations

import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor

# Linux's scheduler gives a process of niceness 10 a tenth of the build's share of a busy core, and
# one of 19 a seventieth. Work the build needs sooner runs at the first (search entries: when the
# last page of a language is done), work it needs last at the second (bank files: after every page).
SOONER, LAST = 10, 19


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def lower_priority(niceness: int) -> None:
    """Run first in each side process. Ctrl-C in `make serve` reaches every process of the
    terminal: the build's process stops its side processes itself, so they ignore it (and print
    no traceback of their own)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        os.nice(niceness)
    except OSError:
        pass  # not allowed here: the work is only done at the same priority


def forked_pool(workers: int, niceness: int) -> ProcessPoolExecutor | None:
    """A pool of ``workers`` side processes at ``niceness``, or None where there can be none."""
    if workers < 1 or not can_fork():
        return None
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=lower_priority, initargs=(niceness,))
