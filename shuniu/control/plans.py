"""Study plans (docs/study/plans/<id>.yml): loading, and the checks that need all content.

Format (DESIGN.md): ``id``, ``title``, ``group``, ``sessions``: a list of ``date``, ``topic``,
``read`` (docs-relative page links), ``quiz`` (bank ids), ``notes``, and for the calendar
``id``, ``time``, ``duration``, ``place`` (shuniu.control.session_fields).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from shuniu.control.model import Plan, Ref, Session
from shuniu.control.session_fields import session_duration, session_id, session_time
from shuniu.fields import FieldReader, describe, load_shaped
from shuniu.links import docs_link_problem
from shuniu.model import Content
from shuniu.problems import Problems
from shuniu.yamlsrc import LineDict, LineList, read_source

PLANS_FOLDER = "docs/study/plans"
_SITE_URL = re.compile(r"^site_url:[ \t]*([^#\s]*)", re.M)
_ABSOLUTE_URL = re.compile(r"https?://[^\s\"'<>\\]+")
PLAN_FIELDS = {"id", "title", "group", "sessions"}
SESSION_FIELDS = {"date", "topic", "read", "quiz", "notes", "id", "time", "duration", "place"}


def bank_ids(content: Content) -> set[str] | None:
    """Ids of the loaded banks; None while no banks are loaded (nothing to check against)."""
    banks = getattr(content, "banks", None)
    return {bank.id for bank in banks} if banks else None


@dataclass(frozen=True)
class Unscheduled:
    """A session that cannot go on the calendar (its date is bad, or another session has it):
    its readings and quizzes are still checked, so one bad field hides no other problem."""

    number: int
    read: tuple[Ref, ...] = ()
    quiz: tuple[Ref, ...] = ()


@dataclass(frozen=True)
class LoadedPlan(Plan):
    """A plan as loaded, with the sessions that could not be scheduled (for the checks only)."""

    unscheduled: tuple[Unscheduled, ...] = ()


def load_plans(root: Path, content: Content, problems: Problems) -> None:
    """Read every plan file; each problem is collected with its line."""
    content.site_url = site_url(root, problems)
    for file in sorted((root / PLANS_FOLDER).glob("*.y*ml")):
        path = file.relative_to(root).as_posix()
        text = read_source(file, path, problems)
        plan = read_plan(path, text, problems) if text is not None else None
        if plan:
            content.plans.append(plan)


def site_url(root: Path, problems: Problems) -> str:
    """mkdocs.yml's ``site_url`` (calendar descriptions link to it), read as a line of text: the
    file holds MkDocs' own YAML tags, which a safe loader refuses."""
    settings = root / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8") if settings.is_file() else ""
    match = _SITE_URL.search(text)
    if not match or not match.group(1):
        return ""
    url = match.group(1).strip("\"'")
    if not _ABSOLUTE_URL.fullmatch(url):
        line = text.count("\n", 0, match.start()) + 1
        message = f"site_url must be an http(s) address like https://intranet.example/shuniu/, got '{url}'"
        problems.add("mkdocs.yml", line, message)
        return ""
    return url.rstrip("/") + "/"


def read_plan(path: str, text: str, problems: Problems) -> Plan | None:
    """One plan from its YAML text, or None when it is not a plan at all.

    A plan with bad fields is kept (with what did parse) so its references are still checked.
    """
    data = load_shaped(text, path, problems, LineDict, "a study plan must be a mapping with id, title, group and sessions")
    if data is None:
        return None
    fields = FieldReader(data, path, problems)
    fields.unknown(PLAN_FIELDS)
    plan_id, title, group = fields.text("id"), fields.text("title"), fields.text("group")
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if plan_id and plan_id != stem:
        fields.problem("id", f"id '{plan_id}' must match the file name '{stem}'")
    sessions, unscheduled = _sessions(data, path, problems)
    return LoadedPlan(plan_id or stem, title or "", group or "", path,
                      tuple(sorted(sessions, key=_when)), tuple(unscheduled))


def _when(session: Session) -> tuple[datetime.date, datetime.time]:
    return session.date, session.time or datetime.time(0)


def _sessions(data: LineDict, path: str, problems: Problems) -> tuple[list[Session], list[Unscheduled]]:
    items = data.get("sessions")
    if not isinstance(items, LineList) or not items:
        problems.add(path, data.line_of("sessions"), "field 'sessions' must be a list of at least one session")
        return [], []
    sessions: list[Session] = []
    unscheduled: list[Unscheduled] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if not isinstance(item, LineDict):
            problems.add(path, items.line_of(index), f"a session must be a mapping with date and topic, got {describe(item)}")
            continue
        session = _session(item, path, problems, index + 1)
        if isinstance(session, Session) and session.id in seen:
            # The calendar identifies events by plan and session id: two sessions would share an event.
            problems.add(path, session.line, _duplicate(index + 1, session, item, seen))
            session = Unscheduled(index + 1, session.read, session.quiz)
        if isinstance(session, Session):
            seen[session.id] = session.line
            sessions.append(session)
        else:
            unscheduled.append(session)
    return sessions, unscheduled


def _session(item: LineDict, path: str, problems: Problems, number: int) -> Session | Unscheduled:
    fields = FieldReader(item, path, problems, where=f"session {number}: ")
    fields.unknown(SESSION_FIELDS)
    day, topic = fields.date("date"), fields.text("topic")
    read, quiz = _refs(fields, "read"), _refs(fields, "quiz")
    notes = fields.text("notes", required=False) or ""
    place = fields.text("place", required=False) or ""
    ident, time, duration = session_id(fields, topic), session_time(fields), session_duration(fields)
    if duration and time is None:
        fields.problem("duration", "field 'duration' needs a 'time' (an all-day session has no duration)")
    if day is None or topic is None or not ident:
        return Unscheduled(number, read, quiz)
    return Session(day, topic, read, quiz, notes, item.line, ident, time, duration, place)


def _duplicate(number: int, session: Session, item: LineDict, seen: dict[str, int]) -> str:
    if "id" in item:
        return f"session {number}: id '{session.id}' is already used by the session on line {seen[session.id]}"
    return (f"session {number}: the session on line {seen[session.id]} has the same topic; "
            "give both an 'id' so each has its own calendar event")


def _refs(fields: FieldReader, key: str) -> tuple[Ref, ...]:
    """A list of targets, each with its own line (a flow list shares the key's line)."""
    values = fields.text_list(key)
    raw = fields.data.get(key)
    lines = [raw.line_of(i) for i in range(len(values))] if isinstance(raw, LineList) else [fields.line(key)] * len(values)
    return tuple(Ref(value, line) for value, line in zip(values, lines, strict=True))


def check_plans(content: Content) -> Problems:
    """Readings must be pages of this site; quizzes must be loaded banks."""
    problems = Problems()
    banks = bank_ids(content)
    for plan in content.plans:
        labelled = [(f"session {s.date}", s.read, s.quiz) for s in plan.sessions]
        labelled += [(f"session {u.number}", u.read, u.quiz) for u in getattr(plan, "unscheduled", ())]
        for label, read, quiz in labelled:
            for ref in read:
                message = docs_link_problem(content, ref.target)
                if message:
                    problems.add(plan.path, ref.line, f"{label}: {message}")
            for ref in quiz:
                if banks is not None and ref.target not in banks:
                    problems.add(plan.path, ref.line, f"{label}: unknown bank '{ref.target}'")
    return problems


def check_study_units(content: Content) -> Problems:
    """Every bank a study unit lists (front matter ``banks``) must exist."""
    problems = Problems()
    banks = bank_ids(content)
    if banks is None:
        return problems
    for page in content.pages:
        for bank in page.meta.banks:
            if bank not in banks:
                # PageMeta keeps no line per field: line 2 is the front matter, as for duplicate ids.
                problems.add(page.path, 2, f"field 'banks': unknown bank '{bank}'")
    return problems
