"""A study plan as an iCalendar file (RFC 5545), written by hand so escaping and folding are ours.

- UID: plan id + session id (never the date), so a moved session updates its event when the
  file is imported again instead of adding a second one.
- A session with ``time`` is a timed event in Asia/Shanghai (TZID with its VTIMEZONE block:
  China has kept UTC+8 without summer time since 1991); without ``time`` it is an all-day event.
- Descriptions link to the site: absolute addresses when mkdocs.yml sets ``site_url``, else
  site-relative page addresses (``study/x.html``), never repository paths.
- Text is escaped (``\\`` ``;`` ``,`` newlines) and lines are folded at 75 octets without
  splitting a UTF-8 character.
"""

from __future__ import annotations

import datetime
import posixpath

from shuniu.control.model import Plan, Session
from shuniu.model import DEFAULT_LANG, Content

TZID = "Asia/Shanghai"
VTIMEZONE = (
    "BEGIN:VTIMEZONE", f"TZID:{TZID}", "BEGIN:STANDARD", "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0800", "TZOFFSETTO:+0800", "TZNAME:CST", "END:STANDARD", "END:VTIMEZONE",
)
LINE_OCTETS = 75


def escape_text(value: str) -> str:
    """A TEXT value as RFC 5545 3.3.11 writes it: backslash first, then ``;`` ``,`` and newlines."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded into lines of at most 75 octets (RFC 5545 3.1); a continuation
    starts with a space, and a multi-byte character is never cut."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > LINE_OCTETS:
            parts.append(current)
            current, size = " ", 1
        current += char
        size += width
    parts.append(current)
    return "\r\n".join(parts)


def html_target(target: str) -> str:
    """A docs-relative ``x.md#a`` as the built page's address ``x.html#a``."""
    path, _, anchor = target.strip().partition("#")
    html = path[: -len(".md")] + ".html" if path.endswith(".md") else path
    return html + (f"#{anchor}" if anchor else "")


def page_title(content: Content, target: str, lang: str) -> str:
    """The title of the page a docs-relative link points to (its file name if it is unknown)."""
    path = target.strip().partition("#")[0]
    page = content.page(path, lang)
    return page.meta.title if page else posixpath.basename(path)


def bank_title(content: Content, bank_id: str) -> str:
    """The title of a loaded bank (its id if it is not loaded)."""
    bank = next((b for b in getattr(content, "banks", []) if b.id == bank_id), None)
    return bank.title if bank else bank_id


def plan_calendar(content: Content, plan: Plan, today: datetime.date) -> bytes:
    """The plan as an iCalendar file: one event per session, stable UIDs, same input same bytes."""
    stamp = f"{today:%Y%m%d}T000000Z"  # the build day, not the clock: reproducible builds
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Shuniu//Study plans//ZH", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{escape_text(plan.title)}"]
    if any(session.time for session in plan.sessions):
        lines += VTIMEZONE
    for session in plan.sessions:
        lines += _event(content, plan, session, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")


def _event(content: Content, plan: Plan, session: Session, stamp: str) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{plan.id}-{session.id}@shuniu", f"DTSTAMP:{stamp}", *_when(session),
             f"SUMMARY:{escape_text(session.topic)}", f"DESCRIPTION:{escape_text(_description(content, plan, session))}"]
    if session.place:
        lines.append(f"LOCATION:{escape_text(session.place)}")
    if content.site_url:
        lines.append(f"URL:{content.site_url}study/plans/{plan.id}.html")
    return [*lines, "END:VEVENT"]


def _when(session: Session) -> list[str]:
    if session.time is None:
        end = session.date + datetime.timedelta(days=1)
        return [f"DTSTART;VALUE=DATE:{session.date:%Y%m%d}", f"DTEND;VALUE=DATE:{end:%Y%m%d}"]
    start = datetime.datetime.combine(session.date, session.time)
    lines = [f"DTSTART;TZID={TZID}:{start:%Y%m%dT%H%M%S}"]
    if session.duration:
        lines.append(f"DTEND;TZID={TZID}:{start + session.duration:%Y%m%dT%H%M%S}")
    return lines


def _description(content: Content, plan: Plan, session: Session) -> str:
    lines = [f"{plan.title}（{plan.group}）"]
    if session.read:
        lines.append("阅读：")
        lines += [f"- {page_title(content, r.target, DEFAULT_LANG)}：{_address(content, html_target(r.target))}"
                  for r in session.read]
    if session.quiz:
        lines.append("测验：")
        lines += [f"- {bank_title(content, r.target)}：{_address(content, f'quizzes/{r.target}.html')}"
                  for r in session.quiz]
    if session.notes:
        lines.append(session.notes)
    return "\n".join(lines)


def _address(content: Content, site_path: str) -> str:
    """A page's address: absolute under ``site_url``, else relative to the site's root."""
    return content.site_url + site_path if content.site_url else site_path
