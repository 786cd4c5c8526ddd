"""Typed content objects. Everything downstream of the loaders takes these, never raw dicts."""

from __future__ import annotations

import calendar
import datetime
import enum
import re
from dataclasses import dataclass, field

from shuniu.control.model import History, Plan, Term
from shuniu.quiz.model import Bank


class Status(enum.Enum):
    DRAFT = "draft"
    EFFECTIVE = "effective"
    SUPERSEDED = "superseded"
    REPEALED = "repealed"

    @property
    def is_current(self) -> bool:
        return self is Status.EFFECTIVE


class Classification(enum.Enum):
    PUBLIC = "public"
    INTERNAL = "internal"


class Section(enum.Enum):
    """Where a page lives; it decides which front-matter fields apply."""

    POLICY = "policies"
    PROCEDURE = "procedures"
    STUDY = "study"
    OTHER = ""


_PERIOD = re.compile(r"^\s*(\d+)\s*(month|months|year|years|个月|月|年)\s*$")
REVIEW_PERIOD_PATTERN = _PERIOD.pattern  # the JSON Schema of front matter uses the same rule


@dataclass(frozen=True)
class ReviewPeriod:
    """How often a page must be reviewed, in whole months (``12 months``, ``2 years``)."""

    months: int

    @classmethod
    def parse(cls, text: str) -> ReviewPeriod | None:
        match = _PERIOD.match(text)
        if not match or int(match.group(1)) == 0:
            return None
        count, unit = int(match.group(1)), match.group(2)
        return cls(count * 12 if unit in ("year", "years", "年") else count)

    def after(self, start: datetime.date) -> datetime.date:
        """The date one period after ``start``; a day past the month's end falls to its last day."""
        month_index = start.month - 1 + self.months
        year, month = start.year + month_index // 12, month_index % 12 + 1
        day = min(start.day, calendar.monthrange(year, month)[1])
        return datetime.date(year, month, day)

    def __str__(self) -> str:
        if self.months % 12 == 0:
            years = self.months // 12
            return f"{years} year" + ("s" if years > 1 else "")
        return f"{self.months} months"


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str
    line: int


@dataclass(frozen=True)
class Link:
    """A link written in a page body, as written (``../x.md#a``), with its line."""

    target: str
    line: int


@dataclass(frozen=True)
class CheckItem:
    """One checklist item; ``id`` is stable across edits so saved ticks survive.

    ``legacy_id`` is the id the item's text alone would give (``<step>.<hash>``); it equals
    ``id`` unless the author gave an explicit id, and lets ticks saved before then carry over.
    """

    id: str
    text: str
    legacy_id: str = ""
    line: int = 0

    @property
    def has_own_id(self) -> bool:
        return bool(self.legacy_id) and self.id != self.legacy_id


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    role: str
    action: str
    time_limit: str | None = None
    inputs: tuple[str, ...] = ()
    outputs: tuple[str, ...] = ()
    basis: tuple[str, ...] = ()
    checks: tuple[CheckItem, ...] = ()
    next: tuple[str, ...] = ()
    line: int = 0
    conditions: tuple[str, ...] = ()  # the `when` of each `next` entry, "" where none is given

    @property
    def anchor(self) -> str:
        return f"step-{self.id}"

    def condition(self, target: str) -> str:
        """The label of the branch to ``target`` (``同意``), or "" for an unlabelled one."""
        pairs = dict(zip(self.next, self.conditions, strict=False))
        return pairs.get(target, "")


# Anchors of the sections generated on every procedure page (shuniu.procedures.render).
PROCEDURE_ANCHORS = ("steps", "flow", "roles", "basis")


@dataclass(frozen=True)
class PageMeta:
    """Front matter of a content page (DESIGN.md: page, policy and study fields)."""

    id: str
    title: str
    owner: str | None = None
    status: Status = Status.EFFECTIVE
    effective: datetime.date | None = None
    reviewed: datetime.date | None = None
    review_every: ReviewPeriod | None = None
    basis: tuple[str, ...] = ()
    classification: Classification = Classification.PUBLIC
    tags: tuple[str, ...] = ()
    doc_no: str | None = None
    approver: str | None = None
    supersedes: str | None = None
    banks: tuple[str, ...] = ()

    @property
    def next_review(self) -> datetime.date | None:
        if self.reviewed is None or self.review_every is None:
            return None
        return self.review_every.after(self.reviewed)


@dataclass(frozen=True)
class Page:
    """A Markdown page: where it is, its front matter, body and what the body contains."""

    src: str  # docs-relative, as MkDocs names it: "policies/yinzhang-guanli.en.md"
    path: str  # root-relative, for messages: "docs/policies/yinzhang-guanli.en.md"
    lang: str  # "zh" or "en"
    section: Section
    meta: PageMeta
    body: str
    body_line: int  # file line of the body's first line
    headings: tuple[Heading, ...] = ()
    links: tuple[Link, ...] = ()
    steps: tuple[Step, ...] = ()
    is_index: bool = False

    @property
    def base_src(self) -> str:
        """The source path without a language suffix: the zh page and its translation share it."""
        return base_src(self.src)

    @property
    def anchors(self) -> frozenset[str]:
        """Every anchor a link may point at: headings plus generated step and section anchors."""
        generated = PROCEDURE_ANCHORS if self.steps else ()
        return frozenset(h.anchor for h in self.headings) | {s.anchor for s in self.steps} | set(generated)


LANGS = ("zh", "en")
DEFAULT_LANG = "zh"


def lang_of(src: str) -> str:
    """``x.en.md`` is English; every other page is in the default language."""
    stem = src.rsplit("/", 1)[-1][: -len(".md")]
    suffix = stem.rsplit(".", 1)[-1] if "." in stem else ""
    return suffix if suffix in LANGS else DEFAULT_LANG


def base_src(src: str) -> str:
    lang = lang_of(src)
    return src if lang == DEFAULT_LANG else src[: -len(f".{lang}.md")] + ".md"


@dataclass
class Content:
    """Everything loaded from a content root; built once, read everywhere."""

    pages: list[Page] = field(default_factory=list)
    assets: set[str] = field(default_factory=set)  # docs-relative non-Markdown files
    banks: list[Bank] = field(default_factory=list)  # quizzes/*.yml, by file name
    plans: list[Plan] = field(default_factory=list)  # docs/study/plans/*.yml
    glossary: list[Term] = field(default_factory=list)  # docs/glossary.yml, in file order
    history: History | None = None  # git history of docs/; None outside a git repository
    internal_banks: set[str] = field(default_factory=set)  # quizzes/*.yml marked classification: internal
    english_terms: dict[str, str] = field(default_factory=dict)  # docs/terms.en.yml: Chinese term -> English
    english_banks: dict[str, Bank] = field(default_factory=dict)  # quizzes/<id>.en.yml, complete ones, by bank id
    site_url: str = ""  # mkdocs.yml site_url (ends in /), or "" when the site has no fixed address

    def __post_init__(self) -> None:
        # Pages are fixed once loaded (the loaders add banks, plans… never pages): indexes hold.
        self._by_src = {p.src: p for p in self.pages}
        self._pages_in: dict[str, tuple[Page, ...]] = {}

    def page(self, src: str, lang: str = DEFAULT_LANG) -> Page | None:
        """The page at docs-relative ``src`` in ``lang``, falling back to the default language."""
        base = base_src(src)
        if lang != DEFAULT_LANG:
            translated = self._by_src.get(base[: -len(".md")] + f".{lang}.md")
            if translated:
                return translated
        return self._by_src.get(base)

    def pages_in(self, lang: str) -> list[Page]:
        """The pages a reader of ``lang`` sees: translations where they exist, else the original."""
        if lang not in self._pages_in:  # asked once per bank page and per section: computed once
            bases = sorted({p.base_src for p in self.pages})
            self._pages_in[lang] = tuple(page for page in (self.page(b, lang) for b in bases) if page)
        return list(self._pages_in[lang])
