"""What a study plan becomes on the site: a page per plan, a list of plans, and a calendar file.

The calendar (iCalendar, RFC 5545) has one all-day event per session. Its UID is the plan id
plus the date, so re-importing an updated file updates the events instead of duplicating them.
"""

from __future__ import annotations

import datetime
import posixpath
from collections.abc import Iterable

import icalendar

from shuniu.control.model import Plan, Session
from shuniu.generated import Generated, GeneratedFile, GeneratedPage, front_matter
from shuniu.model import DEFAULT_LANG, Content
from shuniu.pinyin import sort_key
from shuniu.render.html import esc, md_escape_cell

PLANS_DIR = "study/plans"

STRINGS = {
    "zh": {
        "plans": "学习计划", "group": "学习小组", "sessions": "学习安排", "date": "日期", "topic": "主题",
        "read": "阅读", "quiz": "测验", "notes": "说明", "state": "进度", "done": "已完成", "next": "下一次",
        "ics": "下载日历文件（.ics）", "ics_hint": "可导入 Outlook、手机日历等，每次学习为一个全天日程。",
        "period": "时间", "count": "次数", "none": "暂无学习计划。", "finished": "已结束",
        "intro": "学习小组的学习计划：每次学习的日期、主题、阅读材料和测验。每个计划都可下载日历文件。",
    },
    "en": {
        "plans": "Study plans", "group": "Group", "sessions": "Sessions", "date": "Date", "topic": "Topic",
        "read": "Reading", "quiz": "Quiz", "notes": "Notes", "state": "Progress", "done": "past", "next": "next",
        "ics": "Download the calendar (.ics)",
        "ics_hint": "Import it into Outlook or a phone calendar: one all-day event per session.",
        "period": "Period", "count": "Sessions", "none": "No study plans yet.", "finished": "finished",
        "intro": "Study groups' plans: the date, topic, readings and quizzes of each session. Each plan has a calendar file.",
    },
}


def _s(lang: str) -> dict[str, str]:
    return STRINGS.get(lang, STRINGS["en"])


def plan_pages(content: Content, lang: str, today: datetime.date) -> Iterable[Generated]:
    """A page per plan and the list of plans; the calendar files once (they are language-neutral)."""
    if not content.plans:
        return
    # The index table lists plans in the menu's order: by title, in pinyin.
    ordered = sorted(content.plans, key=lambda plan: sort_key(plan.title))
    yield GeneratedPage(f"{PLANS_DIR}/index.md", render_plan_index(ordered, lang, today),
                        chinese_only=lang != DEFAULT_LANG)
    for plan in content.plans:
        yield GeneratedPage(f"{PLANS_DIR}/{plan.id}.md", render_plan(content, plan, lang, today),
                            chinese_only=lang != DEFAULT_LANG)  # a plan's topics and notes are Chinese
        if lang == DEFAULT_LANG:
            yield GeneratedFile(f"{PLANS_DIR}/{plan.id}.ics", plan_calendar(content, plan, today))


def render_plan_index(plans: list[Plan], lang: str, today: datetime.date) -> str:
    """A table of every plan: group, period, number of sessions and the next session."""
    s = _s(lang)
    rows = [f"| {s['plans']} | {s['group']} | {s['period']} | {s['count']} | {s['next']} |", "|---|---|---|---|---|"]
    for plan in plans:
        upcoming = plan.next_session(today)
        period = f"{plan.sessions[0].date} – {plan.sessions[-1].date}" if plan.sessions else ""
        upcoming_text = f"{upcoming.date} {md_escape_cell(upcoming.topic)}" if upcoming else s["finished"]
        rows.append(
            f"| [{md_escape_cell(plan.title)}]({plan.id}.md) | {md_escape_cell(plan.group)} | {period} "
            f"| {len(plan.sessions)} | {upcoming_text} |"
        )
    return front_matter(s["plans"]) + s["intro"] + "\n\n" + "\n".join(rows) + "\n"


def render_plan(content: Content, plan: Plan, lang: str, today: datetime.date) -> str:
    """The plan's page: who, the calendar download, and the sessions table (raw HTML so the
    past and next sessions can be marked; every value escaped)."""
    s = _s(lang)
    # Pages of other languages live under "<lang>/", the calendar file once at the site root.
    to_root = "../../" + ("" if lang == DEFAULT_LANG else "../")
    ics = f"{to_root}{PLANS_DIR}/{plan.id}.ics"
    upcoming = plan.next_session(today)
    head = "".join(f"<th>{esc(s[k])}</th>" for k in ("date", "topic", "read", "quiz", "notes", "state"))
    rows = "\n".join(_session_row(content, session, lang, today, session is upcoming) for session in plan.sessions)
    return (
        front_matter(plan.title)
        + f'<p class="shuniu-plan__group"><strong>{esc(s["group"])}</strong>：{esc(plan.group)}</p>\n\n'
        + f'<p><a class="md-button shuniu-plan__ics" href="{esc(ics)}" download>{esc(s["ics"])}</a> {esc(s["ics_hint"])}</p>\n\n'
        + f"## {s['sessions']}\n\n"
        + f'<div class="shuniu-plan">\n<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>\n</div>\n'
    )


def _session_row(content: Content, session: Session, lang: str, today: datetime.date, is_next: bool) -> str:
    s = _s(lang)
    if session.date < today:
        state, row_class = s["done"], "shuniu-plan__past"
    elif is_next:
        state, row_class = s["next"], "shuniu-plan__next"
    else:
        state, row_class = "", "shuniu-plan__later"
    readings = "<br>".join(
        f'<a href="../../{esc(_html_target(ref.target))}">{esc(_page_title(content, ref.target, lang))}</a>'
        for ref in session.read
    )
    quizzes = "<br>".join(
        f'<a href="../../quizzes/{esc(ref.target)}.html">{esc(_bank_title(content, ref.target))}</a>' for ref in session.quiz
    )
    cells = [f'<time datetime="{session.date}">{session.date}</time>', esc(session.topic), readings, quizzes,
             esc(session.notes), f"<strong>{esc(state)}</strong>" if is_next else esc(state)]
    return f'<tr class="{row_class}">' + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def _html_target(target: str) -> str:
    """A docs-relative ``x.md#a`` as the built page's address ``x.html#a``."""
    path, _, anchor = target.strip().partition("#")
    html = path[: -len(".md")] + ".html" if path.endswith(".md") else path
    return html + (f"#{anchor}" if anchor else "")


def _page_title(content: Content, target: str, lang: str) -> str:
    path = target.strip().partition("#")[0]
    page = content.page(path, lang)
    return page.meta.title if page else posixpath.basename(path)


def _bank_title(content: Content, bank_id: str) -> str:
    bank = next((b for b in getattr(content, "banks", []) if b.id == bank_id), None)
    return bank.title if bank else bank_id


def plan_calendar(content: Content, plan: Plan, today: datetime.date) -> bytes:
    """The plan as an iCalendar file: one all-day event per session, stable UIDs."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Shuniu//Study plans//ZH")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", plan.title)
    stamp = datetime.datetime(today.year, today.month, today.day, tzinfo=datetime.UTC)  # reproducible builds
    for session in plan.sessions:
        event = icalendar.Event()
        event.add("uid", f"{plan.id}-{session.date:%Y%m%d}@shuniu")
        event.add("dtstamp", stamp)
        event.add("dtstart", session.date)
        event.add("dtend", session.date + datetime.timedelta(days=1))
        event.add("summary", session.topic)
        event.add("description", _description(content, plan, session))
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def _description(content: Content, plan: Plan, session: Session) -> str:
    lines = [f"{plan.title}（{plan.group}）"]
    if session.read:
        lines.append("阅读：" + "；".join(f"{_page_title(content, r.target, DEFAULT_LANG)}（{r.target}）" for r in session.read))
    if session.quiz:
        lines.append("测验：" + "；".join(_bank_title(content, r.target) for r in session.quiz))
    if session.notes:
        lines.append(session.notes)
    return "\n".join(lines)
