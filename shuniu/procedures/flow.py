"""The shape of a procedure's flow, computed once for the guide, the diagram and the checklist.

Steps are numbered in the order the author wrote them, GOV.UK step-by-step style: a step that
is an alternative to the steps before it sharing a number (all are choices of the same branch and
none leads to another) shares their number, and alternatives get letters: 3a, 3b. A step that one
of them leads on to is where the ways rejoin: it takes the next plain number, however it is also
reached. This module is
the one place that numbering is made; the guide, diagram, role table, checklist page, its CSV
and print all show ``FlowStep.display``.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, replace

from shuniu.model import Step


@dataclass(frozen=True)
class FlowStep:
    """A step with what the reader needs to place it: its number and where it goes next."""

    step: Step
    number: int
    is_alternative: bool  # an "or" choice to the step listed before it
    follows_on: bool  # its only next step is the one listed after it (nothing to say)
    display: str = ""  # the number readers see: "3", or "3a" / "3b" for alternatives
    reached_when: tuple[tuple[str, str], ...] = ()  # (deciding step id, condition) of labelled branches here

    @property
    def is_end(self) -> bool:
        return not self.step.next

    @property
    def label(self) -> str:
        """How other parts refer to the step: ``4 承办``, ``3a 不予用印``."""
        return f"{self.display} {self.step.title}"

    @property
    def is_decision(self) -> bool:
        """A step where the flow takes one of several ways."""
        return len(self.step.next) > 1


def _reaches(start: str, goal: str, by_id: dict[str, Step], blocked: str) -> bool:
    """Whether a path leads from ``start`` to ``goal`` without passing ``blocked``."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        current = todo.pop()
        if current == goal:
            return True
        if current in seen or current == blocked or current not in by_id:
            continue
        seen.add(current)
        todo.extend(by_id[current].next)
    return False


def _alternatives(first: Step, second: Step, steps: tuple[Step, ...], by_id: dict[str, Step]) -> bool:
    """True when a branch offers both steps as choices and neither leads on to the other.

    Paths back through the branching step itself do not count: "revise, then review again"
    is still a choice against "approve", though it may come round to it later.
    """
    return any(
        len(s.next) > 1 and first.id in s.next and second.id in s.next
        and not _reaches(first.id, second.id, by_id, s.id) and not _reaches(second.id, first.id, by_id, s.id)
        for s in steps
    )


def flow_steps(steps: tuple[Step, ...]) -> tuple[FlowStep, ...]:
    """The steps numbered for readers, in the author's order."""
    by_id: dict[str, Step] = {}
    for step in steps:
        by_id.setdefault(step.id, step)  # with duplicate ids the first one is the one the flow follows
    result: list[FlowStep] = []
    number = 0
    group: list[Step] = []  # the steps sharing the current number
    for index, step in enumerate(steps):
        # A step shares the number only if it is a choice against every step already sharing it:
        # where one of them leads on to it (a detour that rejoins), it is the common step after them.
        alternative = bool(group) and all(_alternatives(other, step, steps, by_id) for other in group)
        number = number if alternative else number + 1
        group = [*group, step] if alternative else [step]
        following = steps[index + 1].id if index + 1 < len(steps) else None
        result.append(FlowStep(step, number, alternative, step.next == (following,)))
    return tuple(_with_display(result, steps))


def _with_display(flow: list[FlowStep], steps: tuple[Step, ...]) -> list[FlowStep]:
    """Give each step its display number (a letter where a number is shared) and its conditions."""
    shared = {n for n in (item.number for item in flow) if sum(i.number == n for i in flow) > 1}
    letters: dict[int, int] = {}
    result = []
    for item in flow:
        display = str(item.number)
        if item.number in shared:
            letters[item.number] = letters.get(item.number, -1) + 1
            display += string.ascii_lowercase[letters[item.number] % 26]
        when = tuple((s.id, s.condition(item.step.id)) for s in steps if s.condition(item.step.id))
        result.append(replace(item, display=display, reached_when=when))
    return result


def loops_back(decision: Step, target: str, steps: tuple[Step, ...]) -> bool:
    """Whether the branch from ``decision`` to ``target`` comes round to ``decision`` again
    ("revise, then review again"): taking it is no choice against the other branches."""
    by_id: dict[str, Step] = {}
    for step in steps:
        by_id.setdefault(step.id, step)
    return _reaches(target, decision.id, by_id, blocked="")


def roles(steps: tuple[Step, ...]) -> tuple[str, ...]:
    """The roles in the order they first act."""
    return tuple(dict.fromkeys(step.role for step in steps))
