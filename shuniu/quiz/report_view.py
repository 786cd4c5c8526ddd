"""How the results report shows things: number and time formats, and the self-contained HTML page
(inline CSS and SVG only, so it opens from disk on a machine without network)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING

from shuniu.quiz.model import QuestionType
from shuniu.quiz.strings import type_label
from shuniu.render.html import esc

if TYPE_CHECKING:
    from shuniu.quiz.report import Report, ScoreStat
    from shuniu.quiz.results import Result

# Learners and leaders read times in China Standard Time; the files keep UTC.
BEIJING = datetime.timezone(datetime.timedelta(hours=8), "北京时间")

STYLE = """
body{font-family:system-ui,"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:2em auto;
max-width:60em;padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;font-size:.92em}th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left}
th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
.fail{color:#b71c1c}.note{color:#555;font-size:.9em}
svg.chart{max-width:100%;height:auto}svg text{font-size:12px;fill:#333}svg .axis{fill:#888}
svg .grid{stroke:#e3e3e3}svg .mark{stroke:#b71c1c;stroke-dasharray:4 3;stroke-width:1.5}svg .mark-label{fill:#b71c1c}
svg .bar-pass{fill:#2e7d32}svg .bar-fail{fill:#c62828}svg .bar-neutral{fill:#1565c0}svg .bar-low{fill:#ef6c00}
@media print{h2{break-after:avoid}svg,tr{break-inside:avoid}}
"""


def points_text(hundredths: int) -> str:
    """Hundredths of a point as a short decimal: 1866 -> 18.66, 1850 -> 18.5, 1800 -> 18."""
    whole, part = divmod(hundredths, 100)
    return f"{whole}.{part:02d}".rstrip("0") if part else str(whole)


def local_time(moment: datetime.datetime) -> str:
    return moment.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M:%S")


def tenths_text(tenths: int) -> str:
    """A whole number of tenths as a decimal with one place: 125 -> 12.5, -5 -> -0.5."""
    return f"{'-' if tenths < 0 else ''}{abs(tenths) // 10}.{abs(tenths) % 10}"


def minutes_taken(result: Result) -> str:
    """Minutes from start to finish, one decimal, rounded half up from whole milliseconds: integers only,
    so the 成绩汇总 page (groupstats.js) gets the same text as float formatting would not."""
    ms = (result.finished - result.started) // datetime.timedelta(milliseconds=1)
    return tenths_text((2 * ms + 6000) // 12000)


def _summary(report: Report) -> str:
    results = report.results
    if not results:
        return f"<p>没有可用的成绩文件：{len(report.skipped)} 个文件未纳入（原因见文末）。</p>"
    people = len({(r.name, r.group) for r in results})
    passed = sum(r.passed for r in results)
    total = sum(r.percent for r in results)
    average = tenths_text((20 * total + len(results)) // (2 * len(results)))  # half up, as groupstats.js
    return (
        f"<p>共 {len(results)} 份成绩（{people} 人）；平均 {average} 分，"
        f"最高 {max(r.percent for r in results)} 分，最低 {min(r.percent for r in results)} 分；"
        f"及格 {passed} 份，及格率 {100 * passed // len(results)}%。</p>"
    )


def _table(head: list[str], rows: list[list[tuple[str, str]]]) -> str:
    """An HTML table; each cell is (already escaped HTML, CSS class)."""
    header = "".join(f"<th>{esc(cell)}</th>" for cell in head)
    body = "".join(
        "<tr>" + "".join(f'<td class="{cls}">{cell}</td>' if cls else f"<td>{cell}</td>" for cell, cls in row) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"


def _members(report: Report) -> str:
    rows = [
        [(esc(r.name), ""), (esc(r.group), ""), (esc(r.seed + (f"（组卷 {r.paper}）" if r.paper else "")), ""),
         (f"{points_text(r.points)} / {points_text(r.max)}", "num"), (str(r.percent), "num"),
         ("是" if r.passed else "否", "" if r.passed else "fail"), (esc(local_time(r.finished)), ""),
         (esc("题库已更新：" + "、".join(report.outdated(r))) if report.outdated(r) else "", "fail")]
        for r in report.results
    ]
    return _table(["姓名", "小组", "试卷种子", "得分", "百分制", "及格", "交卷时间（北京时间）", "题库版本"], rows)


def _questions(report: Report) -> str:
    rows = [
        [(esc(s.id), ""), (esc(s.stem) if s.stem else '<span class="note">（当前题库中已没有此题）</span>', ""),
         (f"{s.right} / {s.total}", "num"), (f"{s.percent}%", "num")]
        for s in report.questions
    ]
    return _table(["题号", "题目", "答对 / 作答", "正确率"], rows)


def _scores(head: str, stats: list[ScoreStat], label: Callable[[str], str]) -> str:
    rows = [[(esc(label(s.key)), ""), (str(s.answers), "num"), (f"{points_text(s.points)} / {points_text(s.max)}", "num"),
             (f"{s.percent}%", "num")] for s in stats]
    return _table([head, "作答题次", "得分 / 满分", "得分率"], rows)


NO_TAGS = '<p class="note">（题目没有标签）</p>'


def _type_name(key: str) -> str:
    known = {kind.value: kind for kind in QuestionType}
    return type_label("zh", known[key]) if key in known else key


def _papers(report: Report) -> str:
    """Results of different papers are merged per question only with this said (groupview.js says it too)."""
    papers = report.papers()
    named = "、".join(f"{label}：{count} 份" for label, count in papers)
    return (f'<p class="fail">注意：这些成绩来自 {len(papers)} 份不同的试卷（{esc(named)}），'
            "各题正确率按题目合并统计。</p>" if len(papers) > 1 else "")


def _english(report: Report) -> str:
    """Said plainly: English sittings are merged with Chinese ones by question id (groupview.js says it too)."""
    count = report.english()
    return (f'<p class="note">其中 {count} 份成绩是用英文版题库作答的：英文版与中文版是同一批题（题号、题型、答案相同），'
            "按题号合并统计。</p>" if count else "")


def _skipped(report: Report) -> str:
    if not report.skipped:
        return ""
    items = "".join(f"<li><code>{esc(s.file)}</code>：{esc(s.reason)}</li>" for s in report.skipped)
    return f"<h2>未纳入的文件（{len(report.skipped)}）</h2><ul>{items}</ul>"


def render_html(report: Report, charts: list[str]) -> str:
    """The whole report page; every value from a file is escaped."""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>测验成绩汇总报告</title><style>{STYLE}</style></head><body>"
        "<h1>测验成绩汇总报告</h1>"
        f"{_summary(report)}"
        '<p class="note">成绩文件由学员的浏览器生成。校验码能发现无意或随手的修改，但不能防止有意伪造：'
        "本报告适合学习和自测，不适合作为高风险考试的依据。</p>"
        f"{_papers(report)}{_english(report)}"
        f"<h2>成员成绩</h2>{charts[0]}{_members(report)}"
        f"<h2>各题正确率</h2>{charts[1]}{_questions(report)}"
        f"<h2>各题型得分</h2>{_scores('题型', report.types, _type_name)}"
        f"<h2>各标签得分</h2>{_scores('标签', report.tags, str) if report.tags else NO_TAGS}"
        f"{_skipped(report)}"
        "</body></html>\n"
    )
