"""Study-plan calendars, read back by two independent parsers (icalendar and vobject)."""

import dataclasses
import datetime
import functools
import zoneinfo

import icalendar
import pytest
import vobject

from shuniu.check import check_root
from shuniu.control.plan_calendar import fold, plan_calendar
from shuniu.control.plans import read_plan
from shuniu.model import Content
from shuniu.problems import Problems
from tests.conftest import PROJECT

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
TODAY = datetime.date(2026, 11, 29)

TIMED = """id: p
title: 计划, 含; 逗号\\反斜杠
group: 组
sessions:
  - date: 2027-03-05
    id: kaiban
    topic: 开班, 动员; 说明 \\ 第一讲
    time: 14:30
    duration: PT1H30M
    place: 三楼会议室, 东侧
    notes: "第一行\\n第二行"
  - date: 2027-03-12
    topic: 全天自学
"""


@functools.cache
def project():
    content, problems = check_root(PROJECT)
    assert not problems
    return content


def parse_both(data):
    """The events as icalendar and vobject read them: (uid, start, end, summary, description, location)."""
    first = [(str(e["uid"]), e.decoded("dtstart"), e.decoded("dtend", None), str(e["summary"]),
              str(e["description"]), str(e.get("location", ""))) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")]
    second = [(e.uid.value, e.dtstart.value, e.dtend.value if hasattr(e, "dtend") else None, e.summary.value,
               e.description.value, e.location.value if hasattr(e, "location") else "")
              for e in vobject.readOne(data.decode("utf-8")).vevent_list]
    assert first == second, "the two parsers disagree"
    return first


def timed_plan(text=TIMED):
    problems = Problems()
    plan = read_plan("docs/study/plans/p.yml", text, problems)
    assert not problems, problems.sorted()
    return plan


@pytest.mark.parametrize("plan_id", ["xinren-rumen-2026", "houqin-baozhang-2027", "lilun-xuexi-2027", "zuofeng-jianshe-2027"])
def test_real_plans_give_all_day_events_with_site_links(plan_id):
    content = project()
    plan = next(p for p in content.plans if p.id == plan_id)
    events = parse_both(plan_calendar(content, plan, TODAY))
    assert [e[1] for e in events] == [s.date for s in plan.sessions]
    assert all(end - start == datetime.timedelta(days=1) for _, start, end, *_ in events)
    assert [e[0] for e in events] == [f"{plan_id}-{s.id}@shuniu" for s in plan.sessions]
    assert len({e[0] for e in events}) == len(events)
    for session, event in zip(plan.sessions, events, strict=True):
        assert event[3] == session.topic
        description = event[4]
        assert ".md" not in description  # site addresses, never repository paths
        for ref in session.read:
            assert ref.target.split("#")[0].replace(".md", ".html") in description
        for ref in session.quiz:
            assert f"quizzes/{ref.target}.html" in description


def test_site_url_makes_the_links_absolute():
    content = dataclasses.replace(project(), site_url="https://intranet.example/shuniu/")
    plan = content.plans[0]
    data = plan_calendar(content, plan, TODAY)
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    first_reading = plan.sessions[0].read[0].target.replace(".md", ".html")
    assert f"https://intranet.example/shuniu/{first_reading}" in str(event["description"])
    assert str(event["url"]) == f"https://intranet.example/shuniu/study/plans/{plan.id}.html"


def test_moving_a_session_keeps_its_uid():
    content = project()
    plan = next(p for p in content.plans if p.id == "xinren-rumen-2026")
    moved = dataclasses.replace(plan.sessions[1], date=plan.sessions[1].date + datetime.timedelta(days=3))
    before = parse_both(plan_calendar(content, plan, TODAY))
    moved_plan = dataclasses.replace(plan, sessions=(plan.sessions[0], moved, *plan.sessions[2:]))
    after = parse_both(plan_calendar(content, moved_plan, TODAY))
    assert [e[0] for e in before] == [e[0] for e in after]
    assert after[1][1] == before[1][1] + datetime.timedelta(days=3)


def test_timed_sessions_are_in_shanghai_time_and_hostile_text_survives():
    plan = timed_plan()
    data = plan_calendar(Content(), plan, TODAY)
    timed, whole_day = parse_both(data)
    assert timed[0] == "p-kaiban@shuniu"
    assert timed[1] == datetime.datetime(2027, 3, 5, 14, 30, tzinfo=SHANGHAI)
    assert timed[1].astimezone(datetime.UTC) == datetime.datetime(2027, 3, 5, 6, 30, tzinfo=datetime.UTC)
    assert timed[2] - timed[1] == datetime.timedelta(minutes=90)
    assert timed[3] == "开班, 动员; 说明 \\ 第一讲"
    assert timed[5] == "三楼会议室, 东侧"
    assert timed[4].endswith("第一行\n第二行")
    assert timed[4].startswith("计划, 含; 逗号\\反斜杠（组）")
    assert whole_day[1] == datetime.date(2027, 3, 12) and whole_day[2] == datetime.date(2027, 3, 13)
    assert b"BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai" in data


def test_a_session_keeps_its_uid_when_its_date_and_time_change():
    moved = TIMED.replace("2027-03-05", "2027-04-02").replace("14:30", '"09:00"')
    before, after = parse_both(plan_calendar(Content(), timed_plan(), TODAY)), parse_both(
        plan_calendar(Content(), timed_plan(moved), TODAY))
    assert {e[0] for e in before} == {e[0] for e in after}
    assert next(e for e in after if e[0] == "p-kaiban@shuniu")[1] == datetime.datetime(2027, 4, 2, 9, 0, tzinfo=SHANGHAI)


def test_long_chinese_lines_fold_at_75_octets_without_cutting_a_character():
    long_topic = "公文处理" * 40 + "，；\\"
    data = plan_calendar(Content(), timed_plan(TIMED.replace("全天自学", long_topic)), TODAY)
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # each physical line is whole UTF-8: raises if a character was cut
    assert parse_both(data)[1][3] == long_topic
    assert fold("a" * 75) == "a" * 75 and fold("a" * 76) == "a" * 75 + "\r\n a"


def test_same_plan_same_bytes():
    content = project()
    assert plan_calendar(content, content.plans[0], TODAY) == plan_calendar(content, content.plans[0], TODAY)


def test_site_url_is_read_from_mkdocs_yml_and_checked(content_root):
    from tests.conftest import write

    write(content_root, "mkdocs.yml", "site_name: 枢纽\nsite_url: 'https://intranet.example/shuniu'\n")
    content, problems = check_root(content_root)
    assert not problems and content.site_url == "https://intranet.example/shuniu/"
    write(content_root, "mkdocs.yml", "site_name: 枢纽\n\nsite_url: javascript:alert(1)\n")
    content, problems = check_root(content_root)
    assert [str(p) for p in problems.sorted()] == [
        "mkdocs.yml:3: site_url must be an http(s) address like https://intranet.example/shuniu/, got 'javascript:alert(1)'"]
    assert content.site_url == ""
