"""Study leads to practice: each study unit shows the banks its front matter names (``banks``),
with question counts and buttons that start practice or an exam on that bank; each bank page
lists the study units that teach it (see :func:`teaching_units`, used by the bank pages)."""

from __future__ import annotations

import datetime

from shuniu.model import DEFAULT_LANG, Content, Page, Section
from shuniu.quiz.model import Bank
from shuniu.quiz.strings import qt
from shuniu.render.html import md_link_text
from shuniu.render.language import bank_has_page, chinese_page_link, english_title
from shuniu.render.page_header import relative_link
from shuniu.render.section_index import reading_order

FOLDER = "quizzes"  # where the bank and player pages are (shuniu.quiz.pages)

STRINGS = {
    "zh": {"heading": "配套练习", "intro": "学完本单元，可以用下面的题库练习或模拟考试：", "taught_by": "相关学习单元",
           "taught_intro": "本题库考查以下学习单元的内容：", "count": "（{n} 题）"},
    "en": {"heading": "Practice", "intro": "After this unit, practise with these question banks or sit a mock exam:",
           "taught_by": "Study units", "taught_intro": "The questions in this bank are taught in these study units:",
           "count": " ({n} questions)"},
}


def _s(lang: str, key: str) -> str:
    return STRINGS.get(lang, STRINGS["en"])[key]


def bank_buttons(bank: Bank, lang: str, to_quizzes: str) -> str:
    """The start-practice and start-exam buttons for one bank; ``to_quizzes`` leads to the quizzes folder."""
    return (f"[{qt(lang, 'start_practice')}]({to_quizzes}practice.md?bank={bank.id}){{ .md-button .md-button--primary }} "
            f"[{qt(lang, 'start_exam')}]({to_quizzes}exam.md?bank={bank.id}){{ .md-button }}")


def bank_link(content: Content, bank: Bank, lang: str, from_src: str, text: str) -> str:
    """A link from the page of ``from_src`` on ``lang``'s site to ``bank``'s page: Markdown to the
    page in that language, or raw HTML to the Chinese page where the bank has no English one."""
    target = f"{FOLDER}/{bank.id}.md"
    if bank_has_page(content, bank.id, lang):
        return f"[{md_link_text(text)}]({relative_link(from_src, target)})"
    return chinese_page_link(target, from_src, text)


def render_unit_banks(content: Content, page: Page, lang: str) -> str:
    """The 配套练习 section of a study unit: each of its banks (in this edition) with its count and buttons."""
    by_id = {bank.id: bank for bank in content.banks}
    banks = [by_id[bank_id] for bank_id in page.meta.banks if bank_id in by_id]  # internal banks leave the public edition
    if not banks:
        return ""
    to_quizzes = relative_link(page.src, f"{FOLDER}/index.md").removesuffix("index.md")
    items = [
        f"- {bank_link(content, bank, lang, page.base_src, _title(content, bank, lang))}"
        f"{_s(lang, 'count').format(n=len(bank.questions))}"
        f"　{bank_buttons(bank, lang, to_quizzes)}"
        for bank in banks
    ]
    return f"## {_s(lang, 'heading')} {{ #shuniu-practice }}\n\n{_s(lang, 'intro')}\n\n" + "\n".join(items) + "\n"


def _title(content: Content, bank: Bank, lang: str) -> str:
    """A bank's title for a reader of ``lang``: its English version's, else the term list's, else its own."""
    english = content.english_banks.get(bank.id) if lang != DEFAULT_LANG else None
    return english.title if english else english_title(content, bank.title, lang) or bank.title


def unit_banks(content: Content, page: Page, markdown: str, lang: str, today: datetime.date) -> str:
    if page.section is not Section.STUDY or page.is_index or not page.meta.banks:
        return markdown
    section = render_unit_banks(content, page, lang)
    if not section:
        return markdown
    # After the tooltip definitions (*[term]: ...) is fine: abbr reads them wherever they are.
    return markdown.rstrip("\n") + "\n\n" + section


def teaching_units(content: Content, bank: Bank, lang: str) -> str:
    """Markdown for a bank page (in ``quizzes/``): the study units whose ``banks`` name it, in reading order."""
    units = sorted((p for p in content.pages_in(lang) if p.section is Section.STUDY and bank.id in p.meta.banks),
                   key=reading_order)
    if not units:
        return ""
    links = [f"- [{md_link_text(p.meta.title)}]({relative_link(f'{FOLDER}/{bank.id}.md', p.base_src)})" for p in units]
    return f"## {_s(lang, 'taught_by')}\n\n{_s(lang, 'taught_intro')}\n\n" + "\n".join(links) + "\n\n"
