"""Generated quiz pages (bank pages, practice, exam, 错题本, 学习进度) and the bank table of the
quizzes index. The browser player fills the ``shuniu-*`` containers; these pages only frame them."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Iterable
from urllib.parse import quote

from shuniu.generated import GeneratedPage, front_matter
from shuniu.model import DEFAULT_LANG, Content, Page
from shuniu.pinyin import sort_key
from shuniu.quiz.model import Bank, QuestionType
from shuniu.quiz.publish import INDEX_URL, english_tags, index_url
from shuniu.quiz.strings import difficulty_label, qt, type_label
from shuniu.quiz.study_links import bank_buttons, bank_link, teaching_units
from shuniu.render.html import esc, md_escape_cell
from shuniu.render.language import bank_has_page, english_for, english_title
from shuniu.render.page_header import relative_link

FOLDER = "quizzes"
BANK_INDEX_MARKER = "<!-- shuniu:bank-index -->"
# (page name, container id): the player looks the container up by id.
PLAYER_PAGES = (("practice", "shuniu-practice"), ("exam", "shuniu-exam"),
                ("wrongbook", "shuniu-wrongbook"), ("progress", "shuniu-progress"))

# Generated pages skip the body transforms, so features that offer files for a bank (exports)
# register here: ``(bank, lang) -> Markdown`` placed under the bank page's 下载 heading.
DownloadLinks = Callable[[Bank, str], str]
DOWNLOAD_LINKS: list[DownloadLinks] = []


def bank_downloads(function: DownloadLinks) -> DownloadLinks:
    """Register a maker of download links for bank pages (used as a decorator)."""
    DOWNLOAD_LINKS.append(function)
    return function


def count_table(head: str, rows: Iterable[tuple[str, int]], lang: str) -> str:
    """A two-column Markdown table; labels are Markdown already escaped by the caller."""
    lines = [f"| {head} | {qt(lang, 'count')} |", "|---|---:|"]
    lines += [f"| {label} | {count} |" for label, count in rows]
    return "\n".join(lines)


def tag_link(bank: Bank, tag: str) -> str:
    """A tag as a link that starts practice on just the questions with that tag."""
    return f"[{md_escape_cell(tag)}](practice.md?bank={bank.id}&tag={quote(tag)})"


def render_bank_page(bank: Bank, lang: str, taught_by: str = "",
                     tags_of: Callable[[tuple[str, ...]], list[str]] = list) -> str:
    """A bank's page: what is in it (by type, difficulty and tag), its pass mark, where to start and
    (``taught_by``, Markdown) the study units that teach it. ``tags_of``: a question's tags as the page's
    player data has them (English for an English version), so the tag links filter by them."""
    types = Counter(q.type for q in bank.questions)
    levels = Counter(q.difficulty for q in bank.questions)
    tags = Counter(tag for q in bank.questions for tag in tags_of(q.tags))
    parts = [front_matter(bank.title, hide_toc=True)]
    if bank.description:
        parts.append(md_escape_cell(bank.description) + "\n\n")
    parts.append(bank_buttons(bank, lang, "") + "\n\n")
    parts.append(qt(lang, "summary", count=len(bank.questions), pass_mark=bank.pass_mark) + "\n\n")
    parts.append(taught_by)
    if types[QuestionType.SHORT]:
        parts.append(qt(lang, "short_note") + "\n\n")
    type_rows = [(type_label(lang, kind), types[kind]) for kind in QuestionType if types[kind]]
    parts.append(f"## {qt(lang, 'by_type')}\n\n{count_table(qt(lang, 'by_type'), type_rows, lang)}\n\n")
    level_rows = [(difficulty_label(lang, level), levels[level]) for level in (1, 2, 3) if levels[level]]
    parts.append(f"## {qt(lang, 'by_difficulty')}\n\n{count_table(qt(lang, 'by_difficulty'), level_rows, lang)}\n\n")
    by_count = sorted(tags.items(), key=lambda item: (-item[1], item[0]))
    tag_rows = [(tag_link(bank, tag), count) for tag, count in by_count]
    tag_part = count_table(qt(lang, "by_tag"), tag_rows, lang) if tag_rows else qt(lang, "no_tags")
    parts.append(f"## {qt(lang, 'by_tag')}\n\n{tag_part}\n\n")
    if DOWNLOAD_LINKS:
        parts.append(f"## {qt(lang, 'downloads')}\n")
        parts += ["\n" + links(bank, lang) for links in DOWNLOAD_LINKS]
    return "".join(parts)


# Scripts a player page links itself, after its container (quiz.js, on every page, runs the rest):
# ts-fsrs where the review queue is shown (FSRS scheduling, vendored), the 错题本's own view.
FSRS_SCRIPT = "assets/vendor/ts-fsrs/ts-fsrs.js"
PAGE_SCRIPTS = {"practice": (FSRS_SCRIPT,), "progress": (FSRS_SCRIPT,),
                "wrongbook": (FSRS_SCRIPT, "assets/shuniu/wrongbook.js")}


def render_player_page(name: str, container: str, lang: str) -> str:
    """A page holding one player container; the intro says what the page is for."""
    parts = [front_matter(qt(lang, name), hide_toc=True), qt(lang, f"{name}_intro") + "\n\n"]
    if name == "exam":
        body = qt(lang, "exam_rules_body").replace("\n", "\n    ")
        parts.append(f'!!! info "{qt(lang, "exam_rules")}"\n    {body}\n\n')
        parts.append(f'!!! warning "{qt(lang, "caveat_title")}"\n    {qt(lang, "caveat")}\n\n')
    # The player replaces this line; it stays when scripts are off or did not load.
    fallback = f'<p class="shuniu-note">{esc(qt(lang, "player_fallback"))}</p>'
    parts.append(f'<div id="{container}" data-index="{index_url(lang)}">{fallback}</div>\n')
    up = "../" * (2 if lang == "en" else 1)  # relative to the page: en pages sit one folder deeper
    parts += [f'<script src="{up}{script}" defer></script>\n' for script in PAGE_SCRIPTS.get(name, ())]
    return "".join(parts)


GROUP_REPORT = "group-report"


def render_group_report_page(lang: str) -> str:
    """成绩汇总: the leader's report from result files, in the browser. The page links its own script
    and styles (relative to the page: en pages sit one folder deeper)."""
    up = "../" * (2 if lang == "en" else 1)
    fallback = f'<p class="shuniu-note">{esc(qt(lang, "player_fallback"))}</p>'
    return "".join([
        front_matter(qt(lang, "group_report"), hide_toc=True), qt(lang, "group_report_intro") + "\n\n",
        f'!!! warning "{qt(lang, "caveat_title")}"\n    {qt(lang, "group_report_caveat")}\n\n',
        f'<link rel="stylesheet" href="{up}assets/shuniu/group-report.css">\n',
        f'<div id="shuniu-group-report" data-index="{index_url(lang)}">{fallback}</div>\n',
        f'<script src="{up}assets/shuniu/group-report.js" defer></script>\n',
    ])


COMPOSE = "compose"


def render_compose_page(lang: str) -> str:
    """组卷: the leader composes a paper and shares it; members open its link here and sit it. Both
    languages read the Chinese banks, so a paper (its bank hashes, its draw) is the same paper in
    either language and in the Word export."""
    up = "../" * (2 if lang == "en" else 1)
    fallback = f'<p class="shuniu-note">{esc(qt(lang, "player_fallback"))}</p>'
    return "".join([
        front_matter(qt(lang, "compose"), hide_toc=True), qt(lang, "compose_intro") + "\n\n",
        f'<div id="shuniu-compose" data-index="{INDEX_URL}">{fallback}</div>\n',
        f'<script src="{up}assets/shuniu/compose.js" defer></script>\n',
    ])


def quiz_pages(content: Content, lang: str, today: datetime.date) -> list[GeneratedPage]:
    """Every bank's page (in English: of the banks with an English version) and the four player pages,
    for a reader of ``lang``."""
    pages = [_bank_page(content, bank, lang) for bank in content.banks if bank_has_page(content, bank.id, lang)]
    # The player pages lead the section's menu, in the order a learner uses them.
    pages += [GeneratedPage(f"{FOLDER}/{name}.md", render_player_page(name, container, lang), nav_weight=10 + i)
              for i, (name, container) in enumerate(PLAYER_PAGES)]
    pages.append(GeneratedPage(f"{FOLDER}/{GROUP_REPORT}.md", render_group_report_page(lang), nav_weight=10 + len(PLAYER_PAGES)))
    pages.append(GeneratedPage(f"{FOLDER}/{COMPOSE}.md", render_compose_page(lang), nav_weight=11 + len(PLAYER_PAGES)))
    return pages


def _bank_page(content: Content, bank: Bank, lang: str) -> GeneratedPage:
    """A bank's page in ``lang``: in English from its English version. The Chinese page of a bank
    with none sends the language switcher to the English bank index, which links back here."""
    english = content.english_banks.get(bank.id) if lang != DEFAULT_LANG else None
    shown = english or bank
    page = render_bank_page(shown, lang, teaching_units(content, shown, lang),
                            (lambda tags: english_tags(content, tags)) if english else list)
    elsewhere = () if bank_has_page(content, bank.id, "en") else (("en", f"{FOLDER}/index.md"),)
    return GeneratedPage(f"{FOLDER}/{bank.id}.md", page, menu_group=shown.tags[0] if shown.tags else "",
                         elsewhere=elsewhere)


def render_bank_index(content: Content, page: Page, lang: str) -> str:
    """A table of every bank (title linked to its page, count, pass mark, tags) and the player pages."""
    if not content.banks:
        return qt(lang, "no_banks")
    head = [qt(lang, "bank"), qt(lang, "count"), qt(lang, "pass_mark"), qt(lang, "tags")]
    rows = ["| " + " | ".join(head) + " |", "|---|---:|---:|---|"]
    def page_title(bank: Bank) -> str:  # the bank page's own title, which the menu sorts by
        english = content.english_banks.get(bank.id) if lang != DEFAULT_LANG else None
        return english.title if english else bank.title

    for bank in sorted(content.banks, key=lambda bank: sort_key(page_title(bank))):  # as the menu lists them
        tags = md_escape_cell("、".join(bank.tags) if lang == "zh" else ", ".join(_english(content, t, lang) for t in bank.tags))
        shown = page_title(bank)
        title = shown if shown != bank.title else english_title(content, bank.title, lang) or bank.title
        link = bank_link(content, bank, lang, page.base_src, title)
        rows.append(f"| {link} | {len(bank.questions)} | {bank.pass_mark} | {tags} |")
    players = " · ".join(
        f"[{qt(lang, name)}]({relative_link(page.base_src, f'{FOLDER}/{name}.md')})" for name, _ in PLAYER_PAGES
    )
    return "\n".join(rows) + "\n\n" + players


def _english(content: Content, text: str, lang: str) -> str:
    """A bank's title or tag as the term list gives it for ``lang`` (the bank's own words if none)."""
    return english_for(content, text, lang) or text


def bank_index(content: Content, page: Page, markdown: str, lang: str, today: datetime.date) -> str:
    if BANK_INDEX_MARKER not in markdown:
        return markdown
    return markdown.replace(BANK_INDEX_MARKER, render_bank_index(content, page, lang))
