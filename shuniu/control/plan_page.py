"""What a study plan becomes on the site: a page per plan, a list of plans, and a calendar file.

The calendar file is written by shuniu.control.plan_calendar (one event per session, UIDs from
plan id + session id).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from shuniu.control.model import Plan, Session
from shuniu.control.plan_calendar import bank_title, html_target, page_title, plan_calendar
from shuniu.generated import Generated, GeneratedFile, GeneratedPage, front_matter
from shuniu.model import DEFAULT_LANG, Content
from shuniu.pinyin import sort_key
from shuniu.render.html import esc, md_escape_cell
from shuniu.render.language import CHINESE_ONLY_MARK, bank_has_page, chinese_page_url

PLANS_DIR = "study/plans"

STRINGS = {
    "zh": {
        "plans": "学习计划", "group": "学习小组", "sessions": "学习安排", "date": "日期", "topic": "主题",
        "read": "阅读", "quiz": "测验", "notes": "说明", "place": "地点", "state": "进度", "done": "已完成", "next": "下一次",
        "ics": "下载日历文件（.ics）", "ics_hint": "可导入 Outlook、手机日历等；计划调整后重新导入，会更新原日程。",
        "period": "时间", "count": "次数", "none": "暂无学习计划。", "finished": "已结束",
        "intro": "学习小组的学习计划：每次学习的日期、主题、阅读材料和测验。每个计划都可下载日历文件。",
    },
    "en": {
        "plans": "Study plans", "group": "Group", "sessions": "Sessions", "date": "Date", "topic": "Topic",
        "read": "Reading", "quiz": "Quiz", "notes": "Notes", "place": "Place",
        "state": "Progress", "done": "past", "next": "next",
        "ics": "Download the calendar (.ics)",
        "ics_hint": "Import it into Outlook or a phone calendar; import it again after a change to update the events.",
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


def _bank_link(content: Content, bank_id: str, lang: str) -> str:
    """A session's bank, linked from the plan page (``study/plans/``) of ``lang``'s site: to the Chinese
    page, marked, where the bank has no English version and so no English page."""
    title = esc(bank_title(content, bank_id))
    if bank_has_page(content, bank_id, lang):
        return f'<a href="../../quizzes/{esc(bank_id)}.html">{title}</a>'
    url = chinese_page_url(f"quizzes/{bank_id}.md", f"{PLANS_DIR}/plan.md")
    return f'<a href="{esc(url)}" hreflang="zh">{title}</a> {CHINESE_ONLY_MARK}'


def _session_row(content: Content, session: Session, lang: str, today: datetime.date, is_next: bool) -> str:
    s = _s(lang)
    if session.date < today:
        state, row_class = s["done"], "shuniu-plan__past"
    elif is_next:
        state, row_class = s["next"], "shuniu-plan__next"
    else:
        state, row_class = "", "shuniu-plan__later"
    readings = "<br>".join(
        f'<a href="../../{esc(html_target(ref.target))}">{esc(page_title(content, ref.target, lang))}</a>'
        for ref in session.read
    )
    quizzes = "<br>".join(_bank_link(content, ref.target, lang) for ref in session.quiz)
    when = f"{session.date} {session.time:%H:%M}" if session.time else str(session.date)
    notes = esc(session.notes) + (f"<br>{esc(s['place'])}：{esc(session.place)}" if session.place else "")
    cells = [f'<time datetime="{when.replace(" ", "T")}">{when}</time>', esc(session.topic), readings, quizzes, notes,
             f"<strong>{esc(state)}</strong>" if is_next else esc(state)]
    return f'<tr class="{row_class}">' + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"
