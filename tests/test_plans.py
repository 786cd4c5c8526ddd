"""Study plans: validation, the plan pages and the calendar files."""

import datetime

from shuniu.check import check_root
from shuniu.control.model import Plan, Ref, Session
from shuniu.control.plan_page import plan_pages
from shuniu.control.plans import read_plan
from shuniu.model import Content
from shuniu.problems import Problems
from tests.conftest import PROJECT, write

PLAN = """id: xinren
title: 新入职人员学习计划
group: 新入职人员学习小组
sessions:
  - date: 2026-11-06
    topic: 公文处理工作条例导读
    read: [policies/yinzhang.md]
    notes: 集中学习。
  - date: 2026-11-13
    topic: 印章管理
    read:
      - policies/yinzhang.md#印章保管
"""


def problems_of(path, text):
    problems = Problems()
    plan = read_plan(path, text, problems)
    return plan, [str(p) for p in problems.sorted()]


def test_a_valid_plan_loads_in_date_order():
    plan, problems = problems_of("docs/study/plans/xinren.yml", PLAN.replace("2026-11-06", "2026-11-20"))
    assert problems == []
    assert [(s.date.isoformat(), s.topic) for s in plan.sessions] == [
        ("2026-11-13", "印章管理"), ("2026-11-20", "公文处理工作条例导读")]
    assert plan.sessions[0].read == (Ref("policies/yinzhang.md#印章保管", 12),)


def test_every_problem_of_a_plan_is_reported_with_its_line():
    text = """id: other
title: 计划
group: 组
owner: 我
sessions:
  - date: 2026-02-30
    topic: 日期不存在
  - date: 2026-03-02
  - date: 2026-03-09
    topic: 第一次
    quiz: jilv
    where: 会议室
  - date: 2026-03-16
    topic: 第一次
  - date: 2026-03-23
    topic: 时间不对
    id: shijian
    time: "25:00"
    duration: 2 小时
  - date: 2026-03-30
    topic: 重复的 id
    id: shijian
  - date: 2026-04-06
    topic: 全天
    id: Bad_Id
    duration: PT1H
"""
    plan, problems = problems_of("docs/study/plans/xinren.yml", text)
    assert problems == [
        "docs/study/plans/xinren.yml:1: id 'other' must match the file name 'xinren'",
        "docs/study/plans/xinren.yml:4: unknown field 'owner'",
        "docs/study/plans/xinren.yml:6: session 1: field 'date' must be a date like 2025-03-01, got '2026-02-30'",
        "docs/study/plans/xinren.yml:8: session 2: missing required field 'topic'",
        "docs/study/plans/xinren.yml:12: session 3: unknown field 'where'",
        "docs/study/plans/xinren.yml:13: session 4: the session on line 9 has the same topic; "
        "give both an 'id' so each has its own calendar event",
        "docs/study/plans/xinren.yml:18: session 5: field 'time' must be a time like 14:30 (00:00 to 23:59), got '25:00'",
        "docs/study/plans/xinren.yml:19: session 5: field 'duration' must be minutes from 1 to 1440 or ISO 8601 like "
        "PT1H30M, got '2 小时'",
        "docs/study/plans/xinren.yml:20: session 6: id 'shijian' is already used by the session on line 15",
        "docs/study/plans/xinren.yml:25: session 7: field 'id' must be lower-case letters, digits and hyphens "
        "(at most 64), got 'Bad_Id'",
        "docs/study/plans/xinren.yml:26: session 7: field 'duration' needs a 'time' (an all-day session has no duration)",
    ]
    assert [s.topic for s in plan.sessions] == ["第一次", "时间不对"]


def test_readings_must_resolve_and_quizzes_must_be_banks(content_root):
    write(content_root, "docs/study/plans/xinren.yml", PLAN + "    quiz: [no-such-bank]\n  - date: 2026-11-20\n"
          "    topic: 缺页\n    read: [policies/missing.md, policies/yinzhang.md#nowhere]\n")
    _, problems = check_root(content_root)
    found = [str(p) for p in problems.sorted()]
    assert found[:2] == [
        "docs/study/plans/xinren.yml:16: session 2026-11-20: link 'policies/missing.md' points to a missing page "
        "'policies/missing.md'",
        "docs/study/plans/xinren.yml:16: session 2026-11-20: link 'policies/yinzhang.md#nowhere' points to a missing "
        "anchor '#nowhere' in policies/yinzhang.md",
    ]


def test_quizzes_are_checked_against_loaded_banks():
    from shuniu.control.plans import check_plans
    from shuniu.quiz.model import Bank

    session = Session(datetime.date(2026, 12, 1), "保密", quiz=(Ref("baomi", 7), Ref("nope", 7)))
    content = Content(banks=[Bank("baomi", "保密", "quizzes/baomi.yml", ())])
    content.plans.append(Plan("p", "计划", "组", "docs/study/plans/p.yml", (session,)))
    assert [str(p) for p in check_plans(content).sorted()] == [
        "docs/study/plans/p.yml:7: session 2026-12-01: unknown bank 'nope'"]


def real_plan(plan_id):
    content, problems = check_root(PROJECT)
    assert not problems
    return content, next(p for p in content.plans if p.id == plan_id)


def test_plan_pages_and_calendars_are_generated():
    content, _ = real_plan("xinren-rumen-2026")
    day = datetime.date(2026, 11, 29)
    zh = {item.src_uri for item in plan_pages(content, "zh", day)}
    en = {item.src_uri for item in plan_pages(content, "en", day)}
    # Every plan file in the project gets a page on both sites and a calendar on the Chinese one;
    # the ids come from the files on disk so that adding a plan does not mean editing this test.
    ids = sorted(path.stem for path in (PROJECT / "docs/study/plans").glob("*.yml"))
    assert {"xinren-rumen-2026", "lilun-xuexi-2027"} <= set(ids)
    pages = {f"study/plans/{plan_id}.md" for plan_id in ids}
    assert zh == {"study/plans/index.md"} | pages | {f"study/plans/{plan_id}.ics" for plan_id in ids}
    assert en == {"study/plans/index.md"} | pages


def test_built_plan_page_marks_past_and_next_sessions(built_site):
    html = (built_site / "study/plans/xinren-rumen-2026.html").read_text(encoding="utf-8")
    assert html.count('<tr class="shuniu-plan__past">') == 4  # before the build date 2026-11-29
    assert '<tr class="shuniu-plan__next"><td><time datetime="2026-12-04">' in html
    assert html.count("<td>已完成</td>") == 4 and "<td><strong>下一次</strong></td>" in html
    assert 'href="../../study/plans/xinren-rumen-2026.ics" download' in html  # resolves to the one copy
    assert '<a href="../../policies/baomi-guanli.html">' in html
    assert (built_site / "study/plans/xinren-rumen-2026.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    english = (built_site / "en/study/plans/xinren-rumen-2026.html").read_text(encoding="utf-8")
    assert 'href="../../../study/plans/xinren-rumen-2026.ics" download' in english
    index = (built_site / "study/plans/index.html").read_text(encoding="utf-8")
    assert 'href="xinren-rumen-2026.html"' in index


def test_every_link_on_the_built_plan_pages_resolves(built_site):
    import posixpath
    import re

    for page in ("study/plans/xinren-rumen-2026.html", "en/study/plans/lilun-xuexi-2027.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        table = html[html.index('<div class="shuniu-plan">'):]
        hrefs = re.findall(r'href="([^"#]+)', table[: table.index("</table>")])
        hrefs.append(re.search(r'class="md-button shuniu-plan__ics" href="([^"]+)"', html).group(1))
        assert len(hrefs) > 10
        folder = posixpath.dirname(page)
        missing = [h for h in hrefs if not (built_site / posixpath.normpath(posixpath.join(folder, h))).is_file()]
        assert missing == []
