"""QTI 2.1 assessment items: one ``assessmentItem`` per question, scored as the site scores it.

- single / truefalse: ``choiceInteraction``; the right choice scores MAXSCORE (the points).
- multiple: a ``mapping``: each right option is worth points / number of right options, a
  wrong one minus the points, bounded to 0..points (the site's partial credit).
- fill: a ``textEntryInteraction`` at each blank of the stem; each blank's accepted answers
  map to points / number of blanks (case-insensitive; the site also ignores width and
  punctuation, which QTI cannot say).
- short: an ``extendedTextInteraction``, scored by a person; the reference answer is the
  correct response, MAXSCORE the points.

The explanation is a modal feedback shown after answering. Text goes through ElementTree, so
it is escaped (lxml); characters XML cannot hold at all are dropped.
"""

from __future__ import annotations

import re
from decimal import Decimal

from lxml import etree as ET

from shuniu.export.common import fill_groups, right_letters
from shuniu.quiz.model import Question, QuestionType
from shuniu.quiz.points import points_text
from shuniu.quiz.questions import BLANK

QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
QTI_LOCATION = f"{QTI_NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
# Characters XML 1.0 cannot hold (C0 controls but tab/newline/return, surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
NSMAP = {None: QTI_NS, "xsi": XSI_NS}
TRUTH = (("T", "正确"), ("F", "错误"))


def q(tag: str) -> str:
    """A tag in the QTI namespace."""
    return f"{{{QTI_NS}}}{tag}"


def clean(text: str) -> str:
    """Text XML can hold (an untrusted bank may carry control characters)."""
    return _NOT_XML.sub("", text)


def sub(parent: ET._Element, tag: str, text: str | None = None, **attributes: str) -> ET._Element:
    """A child element in the QTI namespace, with cleaned text."""
    element = ET.SubElement(parent, q(tag), attributes)
    if text is not None:
        element.text = clean(text)
    return element


def item_identifier(question: Question) -> str:
    """An XML identifier (NCName) for the question: ids may start with a digit or hold dots."""
    return "item-" + question.id


def assessment_item(question: Question, points: Decimal) -> ET._Element:
    """The question as a QTI 2.1 ``assessmentItem`` element."""
    root = ET.Element(q("assessmentItem"), nsmap=NSMAP, attrib={
        f"{{{XSI_NS}}}schemaLocation": QTI_LOCATION, "identifier": item_identifier(question),
        "title": clean(_title(question.stem)), "adaptive": "false", "timeDependent": "false", XML_LANG: "zh-CN"})
    blanks = _blank_count(question)
    _responses(root, question, points, blanks)
    _outcomes(root, points)
    body = sub(root, "itemBody")
    _body(body, question, blanks)
    _processing(root, question, blanks)
    feedback = sub(root, "modalFeedback", outcomeIdentifier="FEEDBACK", showHide="show", identifier="EXPLANATION")
    feedback.text = clean(question.explanation)
    return root


def _title(stem: str) -> str:
    flat = " ".join(BLANK.sub("（ ）", stem).split())
    return flat if len(flat) <= 40 else flat[:39] + "…"


def _blank_count(question: Question) -> int:
    return len(fill_groups(question)) if question.type is QuestionType.FILL else 0


def _responses(root: ET._Element, question: Question, points: Decimal, blanks: int) -> None:
    kind = question.type
    if kind is QuestionType.FILL:
        share = _decimal(points / blanks)
        for number, accepted in enumerate(fill_groups(question), start=1):
            declaration = _declaration(root, f"RESPONSE_{number}", "single", "string", accepted[:1])
            mapping = sub(declaration, "mapping", defaultValue="0")
            for answer in dict.fromkeys(accepted):  # QTI refuses two entries for one value
                sub(mapping, "mapEntry", mapKey=clean(answer), mappedValue=points_text(share), caseSensitive="false")
        return
    if kind is QuestionType.SHORT:
        declaration = _declaration(root, "RESPONSE", "single", "string", ())
        correct = sub(declaration, "correctResponse", interpretation="参考答案")
        sub(correct, "value", str(question.answer))
        return
    if kind is QuestionType.TRUEFALSE:
        _declaration(root, "RESPONSE", "single", "identifier", ("T" if question.answer else "F",))
        return
    right = right_letters(question)
    declaration = _declaration(root, "RESPONSE", "single" if kind is QuestionType.SINGLE else "multiple", "identifier", right)
    if kind is QuestionType.MULTIPLE:
        mapping = sub(declaration, "mapping", lowerBound="0", upperBound=points_text(points), defaultValue="0")
        for letter, _ in question.options:
            value = points / len(right) if letter in right else -points
            sub(mapping, "mapEntry", mapKey=letter, mappedValue=points_text(_decimal(value)))


def _decimal(value: Decimal) -> Decimal:
    """A share of the points to 5 places (2 / 3 would otherwise print 28 digits)."""
    return value.quantize(Decimal("0.00001"))


def _declaration(root: ET._Element, identifier: str, cardinality: str, base_type: str,
                 values: tuple[str, ...]) -> ET._Element:
    declaration = sub(root, "responseDeclaration", identifier=identifier, cardinality=cardinality, baseType=base_type)
    if values:
        correct = sub(declaration, "correctResponse")
        for value in values:
            sub(correct, "value", value)
    return declaration


def _outcomes(root: ET._Element, points: Decimal) -> None:
    for identifier, value in (("SCORE", "0"), ("MAXSCORE", points_text(points))):
        extra = {"normalMaximum": points_text(points), "normalMinimum": "0"} if identifier == "SCORE" else {}
        declaration = sub(root, "outcomeDeclaration", identifier=identifier, cardinality="single", baseType="float", **extra)
        sub(sub(declaration, "defaultValue"), "value", value)
    sub(root, "outcomeDeclaration", identifier="FEEDBACK", cardinality="single", baseType="identifier")


def _body(body: ET._Element, question: Question, blanks: int) -> None:
    kind = question.type
    if kind is QuestionType.FILL:
        _fill_stem(sub(body, "p"), question.stem, blanks)
        return
    if kind is QuestionType.SHORT:
        sub(body, "p", question.stem)
        sub(body, "extendedTextInteraction", responseIdentifier="RESPONSE", expectedLines="6")
        return
    options = TRUTH if kind is QuestionType.TRUEFALSE else question.options
    most = "0" if kind is QuestionType.MULTIPLE else "1"
    interaction = sub(body, "choiceInteraction", responseIdentifier="RESPONSE", shuffle="false", maxChoices=most)
    sub(interaction, "prompt", question.stem)
    for letter, text in options:
        sub(interaction, "simpleChoice", text, identifier=letter)


def _fill_stem(paragraph: ET._Element, stem: str, blanks: int) -> None:
    """The stem with a text entry at each blank; blanks the stem does not mark go at its end."""
    pieces = BLANK.split(stem)
    paragraph.text = clean(pieces[0])
    for number in range(1, blanks + 1):
        entry = sub(paragraph, "textEntryInteraction", responseIdentifier=f"RESPONSE_{number}", expectedLength="12")
        entry.tail = clean(pieces[number] if number < len(pieces) else " ")
    if len(pieces) > blanks + 1:  # more marks than answers: keep the rest of the text
        entry.tail = (entry.tail or "") + clean("____".join(pieces[blanks + 1:]))


def _processing(root: ET._Element, question: Question, blanks: int) -> None:
    processing = sub(root, "responseProcessing")
    kind = question.type
    if kind in (QuestionType.SINGLE, QuestionType.TRUEFALSE):
        condition = sub(sub(processing, "responseCondition"), "responseIf")
        match = sub(condition, "match")
        sub(match, "variable", identifier="RESPONSE")
        sub(match, "correct", identifier="RESPONSE")
        sub(sub(condition, "setOutcomeValue", identifier="SCORE"), "variable", identifier="MAXSCORE")
    elif kind is QuestionType.MULTIPLE:
        sub(sub(processing, "setOutcomeValue", identifier="SCORE"), "mapResponse", identifier="RESPONSE")
    elif kind is QuestionType.FILL:
        total = sub(sub(processing, "setOutcomeValue", identifier="SCORE"), "sum")
        for number in range(1, blanks + 1):
            sub(total, "mapResponse", identifier=f"RESPONSE_{number}")
    sub(sub(processing, "setOutcomeValue", identifier="FEEDBACK"), "baseValue", "EXPLANATION", baseType="identifier")
