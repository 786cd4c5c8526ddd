"""Moodle XML: a ``<quiz>`` with one category per bank (``$course$/top/<bank id>``) and its questions.

Choice questions become ``multichoice`` (partial credit from Moodle's weight list), true/false
``truefalse``, fill with one blank ``shortanswer``, fill with several blanks ``cloze`` (one
SHORTANSWER field per blank) and short answers ``essay`` with the reference answer as grader
information. Texts are HTML (escaped content) in CDATA sections.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from shuniu.export.common import Export, Skips, feedback_text, fill_groups, multiple_weights, right_letters
from shuniu.model import Content
from shuniu.quiz.model import Bank, Question, QuestionType
from shuniu.quiz.points import points_of, points_text
from shuniu.quiz.questions import BLANK
from shuniu.render.html import esc

_TYPES = {QuestionType.SINGLE: "multichoice", QuestionType.MULTIPLE: "multichoice", QuestionType.TRUEFALSE: "truefalse",
          QuestionType.SHORT: "essay"}
# How a character of a fill answer must be written inside {1:SHORTANSWER:=...} so that Moodle's
# importer (question/type/multianswer, qtype_multianswer_extract_question) stores it as written:
# it ends an answer at an unescaped ~ # or }, then decodes HTML entities and unescapes only \} and
# \#. Entities (&#NN;) never end an answer (a # after & is not a separator), so every special
# character is written as one; * is Moodle's short-answer wildcard and is written \* (literal).
_CLOZE_ANSWER = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\\": "&#92;",
                 "~": "&#126;", "#": "&#35;", "}": "&#125;", "{": "&#123;", "*": "\\*"}


def html(text: str) -> str:
    """Content as an HTML paragraph in a CDATA section (escaping leaves no ``]]>`` inside)."""
    return f"<![CDATA[<p>{esc(text).replace(chr(10), '<br>')}</p>]]>"


def text_element(tag: str, text: str, indent: str = "    ") -> str:
    return f'{indent}<{tag} format="html">\n{indent}  <text>{html(text)}</text>\n{indent}</{tag}>'


def export(content: Content, banks: Sequence[Bank]) -> Export:
    skips = Skips()
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    exported = 0
    for bank in banks:
        parts.append(_category(bank))
        for question in bank.questions:
            block = question_element(question, skips, points_of(bank, question))
            if block is not None:
                parts.append(block)
                exported += 1
    parts.append("</quiz>\n")
    return Export("\n".join(parts).encode("utf-8"), exported, skips)


def _category(bank: Bank) -> str:
    return (f'  <question type="category">\n    <category>\n      <text>$course$/top/{esc(bank.id)}</text>\n'
            f"    </category>\n{text_element('info', bank.description or bank.title)}\n  </question>")


def question_element(question: Question, skips: Skips, points: Decimal = Decimal(1)) -> str | None:
    """One ``<question>`` worth ``points`` (its defaultgrade), or None (counted in ``skips``) when
    Moodle has no weights for it."""
    body = _body(question, skips)
    if body is None:
        return None
    kind = _TYPES.get(question.type) or ("shortanswer" if question.blanks == 1 else "cloze")
    stem = _cloze_stem(question, points) if kind == "cloze" else html(question.stem)
    head = [
        f'  <question type="{kind}">',
        f"    <name>\n      <text>{esc(question.id)}</text>\n    </name>",
        f'    <questiontext format="html">\n      <text>{stem}</text>\n    </questiontext>',
        text_element("generalfeedback", feedback_text(question)),
        f"    <defaultgrade>{points_text(points)}</defaultgrade>",
        "    <penalty>0</penalty>",
        "    <hidden>0</hidden>",
        f"    <idnumber>{esc(question.id)}</idnumber>",
    ]
    tags = "".join(f"<tag><text>{esc(tag)}</text></tag>" for tag in question.tags)
    tail = [f"    <tags>{tags}</tags>"] if tags else []
    return "\n".join([*head, *body, *tail, "  </question>"])


def _body(question: Question, skips: Skips) -> list[str] | None:
    kind = question.type
    if kind.is_choice:
        return _choices(question, skips)
    if kind is QuestionType.TRUEFALSE:
        right = bool(question.answer)
        return [_plain_answer("100" if right else "0", "true"), _plain_answer("0" if right else "100", "false")]
    if kind is QuestionType.FILL:
        if question.blanks != 1:
            return []  # cloze: the answers are embedded in the question text
        return ["    <usecase>0</usecase>",
                *(_plain_answer("100", literal_wildcards(text)) for text in fill_groups(question)[0])]
    return ["    <responseformat>editor</responseformat>", "    <responserequired>1</responserequired>",
            "    <responsefieldlines>10</responsefieldlines>", text_element("graderinfo", str(question.answer)),
            '    <responsetemplate format="html">\n      <text></text>\n    </responsetemplate>']


def _choices(question: Question, skips: Skips) -> list[str] | None:
    if question.type is QuestionType.SINGLE:
        right, wrong = "100", "0"
    else:
        weights = multiple_weights(question)
        if weights is None:
            skips.add("multiple with a right-option count Moodle has no weight for")
            return None
        right, wrong = weights
    single = "true" if question.type is QuestionType.SINGLE else "false"
    # Options keep their order: "以上都对" and similar options depend on it.
    lines = [f"    <single>{single}</single>", "    <shuffleanswers>false</shuffleanswers>",
             "    <answernumbering>ABCD</answernumbering>"]
    for letter, text in question.options:
        fraction = right if letter in right_letters(question) else wrong
        lines.append(f'    <answer fraction="{fraction}" format="html">\n      <text>{html(text)}</text>\n'
                     '      <feedback format="html">\n        <text></text>\n      </feedback>\n    </answer>')
    return lines


def literal_wildcards(text: str) -> str:
    """A short-answer answer with each ``*`` written ``\\*``: Moodle reads a bare ``*`` as "anything"."""
    return text.replace("*", "\\*")


def _plain_answer(fraction: str, text: str) -> str:
    return (f'    <answer fraction="{fraction}" format="moodle_auto_format">\n      <text>{esc(text)}</text>\n'
            '      <feedback format="html">\n        <text></text>\n      </feedback>\n    </answer>')


def _cloze_stem(question: Question, points: Decimal) -> str:
    """The stem with each blank replaced by ``{W:SHORTANSWER:=a~=b}`` (Moodle's embedded answers).

    Moodle ignores a cloze question's defaultgrade and adds up the blanks' weights W, which must
    be whole numbers: each blank weighs points / blanks when that is whole, else 1 (equal shares).
    """
    groups = iter(fill_groups(question))
    pieces = BLANK.split(question.stem)
    share = points / question.blanks
    weight = int(share) if share == share.to_integral_value() else 1
    out = [_cloze_text(pieces[0])]
    for piece in pieces[1:]:
        accepted = "~".join("=" + cloze_answer(text) for text in next(groups))
        out.append(f"{{{weight}:SHORTANSWER:{accepted}}}{_cloze_text(piece)}")
    return f"<![CDATA[<p>{''.join(out).replace(chr(10), '<br>')}</p>]]>"


def cloze_answer(text: str) -> str:
    """An accepted answer as written inside ``{1:SHORTANSWER:...}`` (see :data:`_CLOZE_ANSWER`)."""
    return "".join(_CLOZE_ANSWER.get(char, char) for char in text)


def _cloze_text(text: str) -> str:
    """Stem text around the blanks: HTML, with ``{`` as an entity so no text reads as a field."""
    return esc(text).replace("{", "&#123;")
