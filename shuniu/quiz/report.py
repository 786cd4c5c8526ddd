"""`shuniu results report`: merge learners' result files into report.html (tables, SVG charts) and
report.csv, offline. Bad files are listed with a reason and left out; the rest still make a report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from shuniu.content import load_content
from shuniu.csvsafe import Cell, csv_text
from shuniu.model import Content
from shuniu.problems import Problems
from shuniu.quiz.charts import Bar, bar_chart
from shuniu.quiz.load import load_banks
from shuniu.quiz.publish import ENGLISH_HASH_PREFIX, published
from shuniu.quiz.report_view import local_time, minutes_taken, render_html
from shuniu.quiz.results import AnswerRecord, Result, ResultError, read_result
from shuniu.quiz.translation import load_translations

CSV_HEAD = ["姓名", "小组", "试卷种子", "题库", "得分", "满分", "百分制成绩", "是否及格", "及格线",
            "开始时间（北京时间）", "交卷时间（北京时间）", "用时（分钟）", "自动交卷", "文件", "试卷编号"]
# 试卷编号 (a composed paper's id, empty for an exam of the builder) comes last: earlier columns keep their letters.


@dataclass(frozen=True)
class Skipped:
    file: str
    reason: str


@dataclass(frozen=True)
class QuestionStat:
    id: str
    stem: str | None  # from the current banks; None when no bank has the question any more
    right: int
    total: int

    @property
    def percent(self) -> int:
        return 100 * self.right // self.total if self.total else 0


@dataclass(frozen=True)
class ScoreStat:
    """Points earned on every answer of one kind (a question type, or a tag)."""

    key: str
    answers: int
    points: int  # hundredths
    max: int  # hundredths the answers were worth

    @property
    def percent(self) -> int:
        return 100 * self.points // self.max if self.max else 0


@dataclass(frozen=True)
class Report:
    results: list[Result]
    skipped: list[Skipped]
    questions: list[QuestionStat]
    types: list[ScoreStat]
    tags: list[ScoreStat]
    current: dict[str, set[str]]  # bank id -> content hashes of the bank as the site publishes it now (zh, en)

    def outdated(self, result: Result) -> list[str]:
        """The banks ``result`` was taken on in a version other than a current one (in either language)."""
        return [bank for bank, digest in zip(result.banks, result.hashes, strict=True)
                if bank in self.current and digest not in self.current[bank]]

    def english(self) -> int:
        """How many results were taken on an English version of a bank (same questions, same ids)."""
        return sum(any(digest.startswith(ENGLISH_HASH_PREFIX) for digest in r.hashes) for r in self.results)

    def papers(self) -> list[tuple[str, int]]:
        """Each paper the results come from, named as the report shows it, with its number of results, in
        order of first appearance: a composed paper (组卷) by its id, an exam of the builder by seed and banks."""
        counts: Counter[str] = Counter(paper_label(r) for r in self.results)
        return list(counts.items())


def paper_label(result: Result) -> str:
    """A result's paper as the report names it (groupview.js names it the same way)."""
    return f"组卷 {result.paper}" if result.paper else f"种子 {result.seed}（{'、'.join(result.banks)}）"


# The order the question types are shown in (groupstats.js shows them the same way).
TYPE_ORDER = ("single", "multiple", "truefalse", "fill", "short")


def result_paths(arguments: list[Path]) -> list[tuple[Path, str]]:
    """(path, name as shown) of every file named; a folder stands for the .json files in it,
    which helps where the shell does not expand ``*.json`` (Windows)."""
    paths: list[tuple[Path, str]] = []
    for argument in arguments:
        if argument.is_dir():
            paths += [(file, str(file)) for file in sorted(argument.glob("*.json"))]
        else:
            paths.append((argument, str(argument)))
    return paths


def read_results(arguments: list[Path]) -> tuple[list[Result], list[Skipped]]:
    """Every usable result, and every file left out with its reason (a repeated file counts once)."""
    results: list[Result] = []
    skipped = [Skipped(str(folder), "a folder with no .json file in it")
               for folder in arguments if folder.is_dir() and not any(folder.glob("*.json"))]
    seen: dict[str, str] = {}
    for path, shown in result_paths(arguments):
        try:
            result = read_result(path, shown)
        except ResultError as error:
            skipped.append(Skipped(shown, str(error)))
            continue
        if result.checksum in seen:
            skipped.append(Skipped(shown, f"the same result as {seen[result.checksum]}"))
            continue
        seen[result.checksum] = shown
        results.append(result)
    results.sort(key=lambda r: (r.group, r.name, r.finished))
    return results, skipped


@dataclass(frozen=True)
class Known:
    """A question as the banks have it now."""

    stem: str
    tags: tuple[str, ...]


def current_banks(root: Path) -> Content:
    """The pages and banks under ``root`` as they are now (empty when there are none)."""
    content = load_content(root)[0] if (root / "docs").is_dir() else Content()
    load_banks(root, content, Problems())
    load_translations(root, content, Problems())  # an English sitting is of the same questions, by id
    return content


def bank_questions(content: Content) -> dict[str, Known]:
    """Question id -> stem and tags, from the banks as they are now."""
    return {q.id: Known(q.stem, q.tags) for bank in content.banks for q in bank.questions}


def bank_hashes(content: Content) -> dict[str, set[str]]:
    """Bank id -> the content hashes the site publishes for it (index.json ``versions``: Chinese and English)."""
    return {entry["id"]: set(entry["versions"]) for entry in published(content).index["banks"]}


def question_stats(results: list[Result], known: dict[str, Known]) -> list[QuestionStat]:
    """Per question: how many answered it right of how many answered it; hardest first."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for result in results:
        for answer in result.answers:
            total[answer.id] += 1
            right[answer.id] += answer.correct
    stats = [QuestionStat(qid, known[qid].stem if qid in known else None, right[qid], total[qid]) for qid in total]
    return sorted(stats, key=lambda s: (s.percent, s.id))


def _score_by(results: list[Result], keys_of: Callable[[AnswerRecord], Iterable[str]]) -> list[ScoreStat]:
    answers: Counter[str] = Counter()
    points: Counter[str] = Counter()
    worth: Counter[str] = Counter()
    for answer in (a for r in results for a in r.answers):
        for key in keys_of(answer):
            answers[key] += 1
            points[key] += answer.points
            worth[key] += answer.max
    return [ScoreStat(key, answers[key], points[key], worth[key]) for key in answers]


def type_stats(results: list[Result]) -> list[ScoreStat]:
    """Points earned per question type, in the types' usual order."""
    def rank(stat: ScoreStat) -> tuple[int, str]:
        return (TYPE_ORDER.index(stat.key) if stat.key in TYPE_ORDER else len(TYPE_ORDER), stat.key)
    return sorted(_score_by(results, lambda answer: [answer.type]), key=rank)


def tag_stats(results: list[Result], known: dict[str, Known]) -> list[ScoreStat]:
    """Points earned per tag of the questions as the banks have them now, weakest first."""
    stats = _score_by(results, lambda answer: known[answer.id].tags if answer.id in known else ())
    return sorted(stats, key=lambda s: (s.percent, s.key))


def build_report(arguments: list[Path], root: Path) -> Report:
    results, skipped = read_results(arguments)
    content = current_banks(root)
    known = bank_questions(content)
    return Report(results, skipped, question_stats(results, known), type_stats(results), tag_stats(results, known),
                  bank_hashes(content))


def csv_rows(results: list[Result]) -> list[list[Cell]]:
    """One row a result, in the order of :data:`CSV_HEAD`; the numbers as numbers, so they stay numbers."""
    return [
        [r.name, r.group, r.seed, "、".join(r.banks), Decimal(r.points) / 100, Decimal(r.max) / 100, r.percent,
         "是" if r.passed else "否", r.pass_mark, local_time(r.started), local_time(r.finished),
         Decimal(minutes_taken(r)), "是" if r.auto_submitted else "否", r.file, r.paper or ""]
        for r in results
    ]


def render_csv(results: list[Result]) -> str:
    """report.csv: the head and one row a result; learners' text can never become a formula."""
    return csv_text([CSV_HEAD, *csv_rows(results)])


def charts(report: Report) -> list[str]:
    """Member scores against the (most common) pass mark, and per-question correctness."""
    marks = Counter(r.pass_mark for r in report.results)
    mark = marks.most_common(1)[0][0] if marks else None
    members = [
        Bar(r.name, r.percent, "pass" if r.passed else "fail", f"{r.name}（{r.group}）：{r.percent} 分 · {r.file}")
        for r in report.results
    ]
    questions = [
        Bar(s.id, s.percent, "low" if s.percent < 60 else "neutral",
            f"{s.id}：{s.right}/{s.total} 答对" + (f" · {s.stem}" if s.stem else ""))
        for s in report.questions
    ]
    return [
        bar_chart("成员成绩（百分制）与及格线", members, mark, f"及格线 {mark}"),
        bar_chart("各题正确率（%），由难到易", questions),
    ]


def write_report(report: Report, out: Path) -> tuple[Path, Path]:
    """Write report.html and report.csv into ``out`` (created when missing)."""
    out.mkdir(parents=True, exist_ok=True)
    html_path, csv_path = out / "report.html", out / "report.csv"
    html_path.write_text(render_html(report, charts(report)), encoding="utf-8")
    # Excel reads a CSV as the local code page unless it starts with a byte order mark.
    csv_path.write_text(render_csv(report.results), encoding="utf-8-sig", newline="")
    return html_path, csv_path
