"""The optional calendar fields of a study-plan session: ``id``, ``time``, ``duration``, ``place``.

The calendar's UID is plan id + session id, never the date, so moving a session updates its
event. A session without ``id`` gets one derived from its topic (see ``default_session_id``):
moving or reordering it keeps the UID; rewording the topic makes a new event, so a plan whose
topics may change should give ids.
"""

from __future__ import annotations

import datetime
import hashlib
import re

from shuniu.fields import FieldReader, describe

SESSION_ID = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")
_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
_ISO_DURATION = re.compile(r"PT(?:(\d+)H)?(?:(\d+)M)?", re.I)
MAX_MINUTES = 24 * 60


def default_session_id(topic: str) -> str:
    """The id of a session that gives none: a short hash of its topic (not of its date or place
    in the file, so moving or reordering the session keeps its calendar event)."""
    return "t" + hashlib.sha256(topic.strip().encode("utf-8")).hexdigest()[:12]


def session_id(fields: FieldReader, topic: str | None) -> str:
    """The session's own ``id`` (lower-case letters, digits, hyphens), else the topic's default."""
    raw = fields.data.get("id")
    if raw is None:
        return default_session_id(topic) if topic else ""
    if not isinstance(raw, str) or not SESSION_ID.fullmatch(raw):
        fields.problem("id", "field 'id' must be lower-case letters, digits and hyphens (at most 64), "
                       f"got {describe(raw)}")
        return ""
    return raw


def session_time(fields: FieldReader) -> datetime.time | None:
    """``time: 14:30`` (24-hour, Beijing time). YAML 1.1 reads an unquoted 14:30 as the base-60
    number 870, so a whole number below 24 * 60 is read back as hours and minutes."""
    raw = fields.data.get("time")
    if raw is None:
        return None
    if isinstance(raw, int) and not isinstance(raw, bool) and 0 <= raw < MAX_MINUTES:
        return datetime.time(raw // 60, raw % 60)
    match = _TIME.fullmatch(raw.strip()) if isinstance(raw, str) else None
    if not match:
        fields.problem("time", f"field 'time' must be a time like 14:30 (00:00 to 23:59), got {describe(raw)}")
        return None
    return datetime.time(int(match.group(1)), int(match.group(2)))


def session_duration(fields: FieldReader) -> datetime.timedelta | None:
    """``duration``: minutes (``90``) or ISO 8601 (``PT1H30M``), more than 0 and at most a day."""
    raw = fields.data.get("duration")
    if raw is None:
        return None
    minutes = _minutes(raw)
    if minutes is None or not 0 < minutes <= MAX_MINUTES:
        fields.problem("duration", "field 'duration' must be minutes from 1 to 1440 or ISO 8601 like PT1H30M, "
                       f"got {describe(raw)}")
        return None
    return datetime.timedelta(minutes=minutes)


def _minutes(raw: object) -> int | None:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    match = _ISO_DURATION.fullmatch(raw.strip()) if isinstance(raw, str) else None
    if not match or not any(match.groups()):
        return None
    return int(match.group(1) or 0) * 60 + int(match.group(2) or 0)
