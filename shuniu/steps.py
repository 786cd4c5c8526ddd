"""Procedure steps: read from front matter and checked as a flow (ids, branches, reachability).

``next`` is a list of step ids, or of ``{step: ID, when: LABEL}`` entries that label a choice
(``同意`` / ``不同意``). At a step with several next steps, label every branch or none.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from shuniu.fields import FieldReader, describe
from shuniu.model import CheckItem, Step
from shuniu.problems import Problems
from shuniu.procedures.wrap import text_width
from shuniu.yamlsrc import LineDict, LineList

STEP_FIELDS = {"id", "title", "role", "action", "time_limit", "inputs", "outputs", "basis", "checks", "next"}
_STEP_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
NEXT_FIELDS = {"step", "when"}
CHECK_FIELDS = {"id", "text"}
WHEN_WIDTH = 10  # em: a condition label must fit beside an arrow of the flow diagram
# Placeholder for a step written without `next`: it goes on to the following step, which is
# known only once the whole list is read (no real step id can contain a NUL).
_FOLLOWING = ("\0following",)


def check_item_id(step_id: str, text: str) -> str:
    """A stable id for a checklist item written as plain text.

    It is derived from the text, not the position, so inserting or reordering items never
    moves a saved tick onto another item; rewording an item starts it unticked.
    """
    digest = hashlib.sha1(text.strip().encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
    return f"{step_id}.{digest}"


def read_steps(value: object, line: int, path: str, problems: Problems) -> tuple[Step, ...]:
    """Read and check the ``steps`` field of a procedure page."""
    if not isinstance(value, LineList):
        problems.add(path, line, f"field 'steps' must be a list of steps, got {describe(value)}")
        return ()
    if not value:
        problems.add(path, line, "a procedure needs at least one step")
        return ()
    steps = [_read_step(item, value.line_of(i), path, problems) for i, item in enumerate(value)]
    good = [step for step in steps if step is not None]
    if len(good) == len(steps):
        _check_flow(good, path, problems)
    return tuple(_with_default_next(good))


def _read_step(item: object, line: int, path: str, problems: Problems) -> Step | None:
    if not isinstance(item, LineDict):
        problems.add(path, line, f"a step must be a mapping of fields, got {describe(item)}")
        return None
    step_id = str(item.get("id", "")).strip()
    where = f"step '{step_id}': " if step_id else "step: "
    fields = FieldReader(item, path, problems, where)
    fields.text("id")
    if step_id and not _STEP_ID.match(step_id):
        fields.problem("id", f"step id '{step_id}' must be lower-case letters, digits, '-' or '_'")
    title = fields.text("title")
    role = fields.text("role")
    action = fields.text("action")
    fields.unknown(STEP_FIELDS)
    if not (step_id and title and role and action):
        return None
    next_ids, conditions = _read_next(item, fields)
    return Step(
        id=step_id,
        title=title,
        role=role,
        action=action,
        time_limit=fields.text("time_limit", required=False),
        inputs=fields.text_list("inputs"),
        outputs=fields.text_list("outputs"),
        basis=fields.text_list("basis"),
        checks=_read_checks(item, step_id, fields),
        next=next_ids,
        line=item.line,
        conditions=conditions,
    )


def _read_next(item: LineDict, fields: FieldReader) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The ids of the next steps and the condition label of each ("" where there is none)."""
    value = item.get("next")
    if value is None:
        return _FOLLOWING, ()
    if not isinstance(value, LineList):
        return fields.text_list("next"), ()
    entries = [_next_entry(entry, value.line_of(i), fields) for i, entry in enumerate(value)]
    good = [entry for entry in entries if entry is not None]
    ids, conditions = tuple(e[0] for e in good), tuple(e[1] for e in good)
    _check_branches(ids, conditions, fields)
    return ids, conditions if any(conditions) else ()


def _next_entry(entry: object, line: int, fields: FieldReader) -> tuple[str, str] | None:
    """One ``next`` entry: a step id, or a mapping ``{step: ID, when: LABEL}``."""
    def problem(message: str) -> None:
        fields.problems.add(fields.path, line, f"{fields.where}{message}")

    if isinstance(entry, (str, int)) and not isinstance(entry, bool) and str(entry).strip():
        return str(entry).strip(), ""
    if not isinstance(entry, LineDict):
        problem(f"a next entry must be a step id or a mapping with 'step' and 'when', got {describe(entry)}")
        return None
    for key in entry:
        if key not in NEXT_FIELDS:
            problem(f"unknown field '{key}' in a next entry (allowed: step, when)")
    target, when = entry.get("step"), entry.get("when")
    if not isinstance(target, (str, int)) or isinstance(target, bool) or not str(target).strip():
        problem(f"a next entry needs 'step', the id of a step, got {describe(target)}")
        return None
    if when is not None and (isinstance(when, (dict, list, bool)) or not str(when).strip()):
        problem(f"'when' of the branch to '{target}' must be a short text like 同意, got {describe(when)}")
        when = None
    elif when is not None and text_width(str(when).strip()) > WHEN_WIDTH:
        problem(f"'when' of the branch to '{target}' is too long to label an arrow: keep it to 10 Chinese "
                f"or about 16 Latin characters")
    return str(target).strip(), str(when).strip() if when is not None else ""


def _check_branches(ids: tuple[str, ...], conditions: tuple[str, ...], fields: FieldReader) -> None:
    """A step's branches: none twice, and labelled all or none (a choice names every outcome)."""
    for twice in sorted({i for i in ids if ids.count(i) > 1}):
        fields.problem("next", f"next names step '{twice}' twice")
    labelled = [c for c in conditions if c]
    if labelled and len(ids) == 1:
        fields.problem("next", "'when' labels a choice, but this step has only one next step: leave it out")
    elif labelled and len(labelled) < len(ids):
        fields.problem("next", f"label every branch with 'when' or none ({len(labelled)} of {len(ids)} are labelled)")
    for twice in sorted({c for c in labelled if labelled.count(c) > 1}):
        fields.problem("next", f"two branches are labelled '{twice}'")


def _read_checks(item: LineDict, step_id: str, fields: FieldReader) -> tuple[CheckItem, ...]:
    value = item.get("checks")
    if value is None:
        return ()
    if not isinstance(value, LineList):
        fields.problem("checks", f"field 'checks' must be a list, got {describe(value)}")
        return ()
    checks = [
        check for index, entry in enumerate(value)
        if (check := _read_check(entry, value.line_of(index), step_id, fields)) is not None
    ]
    ids = [c.id for c in checks]
    for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
        fields.problem("checks", f"duplicate check '{duplicate.split('.', 1)[1]}'")
    return tuple(checks)


def _read_check(entry: object, line: int, step_id: str, fields: FieldReader) -> CheckItem | None:
    """One check: plain text (its id made from the text) or ``{id: ..., text: ...}``."""
    def problem(message: str) -> None:
        fields.problems.add(fields.path, line, f"{fields.where}{message}")

    if isinstance(entry, str) and entry.strip():
        legacy = check_item_id(step_id, entry)
        return CheckItem(legacy, entry.strip(), legacy, line)
    if not (isinstance(entry, LineDict) and entry.get("id") and entry.get("text")):
        problem("a check must be text or a mapping with 'id' and 'text'")
        return None
    for key in entry:
        if key not in CHECK_FIELDS:
            problem(f"unknown field '{key}' in a check (allowed: id, text)")
    own, text = str(entry["id"]).strip(), str(entry["text"]).strip()
    if not _STEP_ID.match(own):
        problem(f"check id '{own}' must be lower-case letters, digits, '-' or '_'")
    return CheckItem(f"{step_id}.{own}", text, check_item_id(step_id, text), line)


def _following(steps: list[Step], index: int) -> tuple[str, ...]:
    return (steps[index + 1].id,) if index + 1 < len(steps) else ()


def _with_default_next(steps: list[Step]) -> list[Step]:
    return [
        replace(step, next=_following(steps, i)) if step.next == _FOLLOWING else step
        for i, step in enumerate(steps)
    ]


def _check_flow(steps: list[Step], path: str, problems: Problems) -> None:
    """Duplicate ids, branches to unknown steps, steps no path reaches, and no way to an end."""
    seen: dict[str, Step] = {}
    for step in steps:
        if step.id in seen:
            problems.add(path, step.line, f"duplicate step id '{step.id}' (first at line {seen[step.id].line})")
        else:
            seen[step.id] = step
    resolved = _with_default_next(steps)
    unknown = [(step, target) for step in resolved for target in step.next if target not in seen]
    for step, target in unknown:
        problems.add(path, step.line, f"step '{step.id}': next names unknown step '{target}'")
    by_id: dict[str, Step] = {}
    for step in resolved:  # with duplicate ids, the first one is the step the flow follows
        by_id.setdefault(step.id, step)
    reached = _reachable(resolved[0].id, by_id)
    for step in resolved:
        if step.id not in reached:
            problems.add(path, step.line, f"step '{step.id}' is not reached from the first step")
    if not unknown and not any(not by_id[i].next for i in reached):
        problems.add(
            path, resolved[0].line,
            "no path from the first step reaches an end: some step must end the procedure "
            "(the last step without 'next', or 'next: []')",
        )


def _reachable(start: str, by_id: dict[str, Step]) -> set[str]:
    """The ids of every step some path from ``start`` passes through."""
    reached: set[str] = set()
    todo = [start]
    while todo:
        current = todo.pop()
        if current in reached or current not in by_id:
            continue
        reached.add(current)
        todo.extend(by_id[current].next)
    return reached
