"""Procedure steps: read from front matter and checked as a flow (ids, branches, reachability)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from shuniu.fields import FieldReader, describe
from shuniu.model import CheckItem, Step
from shuniu.problems import Problems
from shuniu.yamlsrc import LineDict, LineList

STEP_FIELDS = {"id", "title", "role", "action", "time_limit", "inputs", "outputs", "basis", "checks", "next"}
_STEP_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
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
    next_ids = item.get("next")
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
        next=fields.text_list("next") if next_ids is not None else _FOLLOWING,
        line=item.line,
    )


def _read_checks(item: LineDict, step_id: str, fields: FieldReader) -> tuple[CheckItem, ...]:
    value = item.get("checks")
    if value is None:
        return ()
    if not isinstance(value, LineList):
        fields.problem("checks", f"field 'checks' must be a list, got {describe(value)}")
        return ()
    checks: list[CheckItem] = []
    for index, entry in enumerate(value):
        if isinstance(entry, str) and entry.strip():
            checks.append(CheckItem(check_item_id(step_id, entry), entry.strip()))
        elif isinstance(entry, LineDict) and entry.get("id") and entry.get("text"):
            checks.append(CheckItem(f"{step_id}.{entry['id']}", str(entry["text"]).strip()))
        else:
            line = value.line_of(index)
            fields.problems.add(
                fields.path, line, f"{fields.where}a check must be text or a mapping with 'id' and 'text'"
            )
    ids = [c.id for c in checks]
    for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
        fields.problem("checks", f"duplicate check '{duplicate.split('.', 1)[1]}'")
    return tuple(checks)


def _following(steps: list[Step], index: int) -> tuple[str, ...]:
    return (steps[index + 1].id,) if index + 1 < len(steps) else ()


def _with_default_next(steps: list[Step]) -> list[Step]:
    return [
        replace(step, next=_following(steps, i)) if step.next == _FOLLOWING else step
        for i, step in enumerate(steps)
    ]


def _check_flow(steps: list[Step], path: str, problems: Problems) -> None:
    """Duplicate ids, branches to unknown steps, and steps no path reaches."""
    seen: dict[str, Step] = {}
    for step in steps:
        if step.id in seen:
            problems.add(path, step.line, f"duplicate step id '{step.id}' (first at line {seen[step.id].line})")
        else:
            seen[step.id] = step
    resolved = _with_default_next(steps)
    for step in resolved:
        for target in step.next:
            if target not in seen:
                problems.add(path, step.line, f"step '{step.id}': next names unknown step '{target}'")
    reached, todo = set(), [resolved[0].id]
    by_id: dict[str, Step] = {}
    for step in resolved:  # with duplicate ids, the first one is the step the flow follows
        by_id.setdefault(step.id, step)
    while todo:
        current = todo.pop()
        if current in reached or current not in by_id:
            continue
        reached.add(current)
        todo.extend(by_id[current].next)
    for step in resolved:
        if step.id not in reached:
            problems.add(path, step.line, f"step '{step.id}' is not reached from the first step")
