"""The pieces of a Word paper that python-docx has no call for: Chinese fonts and language,
page-number fields, underlined blanks, ruled answer lines, option tab stops and grids.

Fonts: Word uses ``w:rFonts/@w:eastAsia`` for Chinese text and ignores the plain name, so every
style names its Chinese font there, and the document defaults drop python-docx's theme fonts
(whose East Asian face is Japanese). The language ``zh-CN`` (``w:lang/@w:eastAsia``) makes
LibreOffice and WPS pick Simplified Chinese glyph shapes where the named font is missing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Length, Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml.etree import SubElement

LATIN_FONT = "Times New Roman"
# Chinese fonts every Windows and WPS installation has, by their English names: Word and WPS
# find 宋体 and 黑体 by them, and LibreOffice (fontconfig) maps them to a serif and a sans
# Chinese face where they are missing (Noto Serif/Sans CJK SC), which it does not for the
# Chinese names. The font table adds the Chinese names, the script (charset 86, GB2312) and the family.
CHINESE_FONTS = {"SimSun": ("宋体", "roman"), "SimHei": ("黑体", "swiss")}
_AFTER_PAGE_NUMBERS = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi",
                       "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")
NBSP = "\u00a0"  # no line break at or inside it (Word, WPS, LibreOffice)


# What a paper needs of python-docx's default document: the default styles and those Word
# names in a header or footer. The rest (164 built-in styles, 800 KB of XML counting the copy
# in stylesWithEffects.xml) would be parsed, searched at every style lookup and written again
# by every export.
KEPT_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "Header", "Footer"}
_DROPPED_PARTS = ("/stylesWithEffects", "/customXml", "/thumbnail")  # relationship types, by their ends


def trim(document: Document) -> None:
    """Drop from ``document`` the styles a paper does not use and the parts it does not need
    (Word 2010's copy of the styles, the bibliography's custom XML, the template's thumbnail)."""
    styles = document.styles.element
    for element in list(styles):
        if element.tag == qn("w:latentStyles") or (element.tag == qn("w:style")
                                                     and element.get(qn("w:styleId")) not in KEPT_STYLES):
            styles.remove(element)
    for owner in (document.part, document.part.package):
        for rel_id, relationship in list(owner.rels.items()):
            if relationship.reltype.endswith(_DROPPED_PARTS):
                owner.rels.pop(rel_id)


def text_width(text: str) -> float:
    """Width in ems of the body font: Chinese and full-width characters 1, others 1/2."""
    return sum(1.0 if unicodedata.east_asian_width(char) in "WF" else 0.5 for char in text)


def set_font(style: ParagraphStyle, east_asia: str, size: float, bold: bool = False) -> None:
    """The style's Latin and Chinese font, its size, and bold."""
    style.font.name = LATIN_FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asia)


def chinese_defaults(document: Document, east_asia: str) -> None:
    """Document defaults: explicit fonts instead of theme fonts, and zh-CN for East Asian text."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults is not None  # python-docx's template has them
    properties = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert properties is not None
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = _child(properties, "w:rFonts")
    for name in list(fonts.attrib):
        del fonts.attrib[name]
    for key, value in (("w:ascii", LATIN_FONT), ("w:hAnsi", LATIN_FONT), ("w:eastAsia", east_asia), ("w:cs", LATIN_FONT)):
        fonts.set(qn(key), value)
    language = properties.find(qn("w:lang"))
    if language is None:
        language = _child(properties, "w:lang")
    language.set(qn("w:val"), "en-US")
    language.set(qn("w:eastAsia"), "zh-CN")


def font_table_entries() -> str:
    """``w:font`` entries for the font table: each Chinese font with its English name and script."""
    return "".join(f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
                   f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
                   for name, (alt, family) in CHINESE_FONTS.items())


def page_number_footer(section: Section, size: float, last_page: str) -> None:
    """The footer "第 X 页 共 Y 页", centred, counting the pages of ``section`` alone.

    X is PAGE with numbering restarted at 1 in the section; Y is PAGEREF to the bookmark
    ``last_page`` at the section's end (see :func:`mark_section_end`), that is the number of its
    last page. Not NUMPAGES (the whole file, key included) and not SECTIONPAGES, which LibreOffice
    does not compute (it shows the stored value).
    """
    section.footer.is_linked_to_previous = False
    properties = section._sectPr
    number_type = properties.find(qn("w:pgNumType"))
    if number_type is None:  # in the schema's order: before w:cols, w:formProt, ..., w:docGrid
        number_type = OxmlElement("w:pgNumType")
        properties.insert_element_before(number_type, *_AFTER_PAGE_NUMBERS)
    number_type.set(qn("w:start"), "1")
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text, field in (("第 ", False), ("PAGE", True), (" 页 共 ", False), (f"PAGEREF {last_page} \\h", True), (" 页", False)):
        if field:
            _field(paragraph, text, size)
        else:
            paragraph.add_run(text).font.size = Pt(size)


def mark_section_end(document: Document, section: Section, name: str, number: int) -> None:
    """An empty bookmark ``name`` in the last paragraph of ``section`` (the one that holds its
    section break, or the document's last paragraph for the last section)."""
    holder = section._sectPr.getparent()  # w:pPr of the break's paragraph, or the body for the last section
    paragraph = holder.getparent() if holder.tag == qn("w:pPr") else document.element.body.findall(qn("w:p"))[-1]
    for tag in ("w:bookmarkStart", "w:bookmarkEnd"):
        mark = _child(paragraph, tag)
        mark.set(qn("w:id"), str(number))
        if tag == "w:bookmarkStart":
            mark.set(qn("w:name"), name)


def _field(paragraph: Paragraph, code: str, size: float) -> None:
    """A field (begin, code, separate, shown value, end): Word, WPS and LibreOffice update it."""
    for kind in ("begin", "code", "separate", "shown", "end"):
        run = paragraph.add_run()
        run.font.size = Pt(size)
        if kind == "code":
            instruction = _child(run._r, "w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = f" {code} "
        elif kind == "shown":
            run.text = "1"  # until the reader updates the field
        else:
            _child(run._r, "w:fldChar").set(qn("w:fldCharType"), kind)


def blank(paragraph: Paragraph, ems: float) -> None:
    """:func:`blank_run` added to a python-docx paragraph."""
    text, _ = blank_run(ems)
    paragraph.add_run(text).font.underline = True


def ruled_lines(document: Document, count: int, height_mm: float) -> Table:
    """``count`` lines to write on: a borderless one-column table whose rows are underlined.

    Paragraphs with the same bottom border would merge into one box with a single line (Word
    draws a border around a group of like paragraphs), so each line is a table row instead.
    """
    table = document.add_table(rows=count, cols=1)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borders(table, {"top": "nil", "left": "nil", "right": "nil", "insideV": "nil", "bottom": "single",
                     "insideH": "single"})
    for row in table.rows:
        row.height = Mm(height_mm)
        row.height_rule = 2  # WD_ROW_HEIGHT_RULE.EXACTLY
    return table


def grid(document: Document, rows: list[list[str]], size: float) -> Table:
    """A table with every border, cells centred: the 得分表."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borders(table, dict.fromkeys(("top", "left", "bottom", "right", "insideH", "insideV"), "single"))
    for values, row in zip(rows, table.rows, strict=True):
        row.height = Mm(9)
        for value, cell in zip(values, row.cells, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run(value).font.size = Pt(size)
            cell.vertical_alignment = 1  # WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return table


def _borders(table: Table, sides: dict[str, str]) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")  # before the properties the schema puts after it
    properties.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
                                     "w:tblCaption", "w:tblDescription", "w:tblPrChange")
    for side, value in sides.items():
        edge = _child(borders, f"w:{side}")
        edge.set(qn("w:val"), value)
        if value != "nil":
            for key, setting in (("w:sz", "6"), ("w:space", "0"), ("w:color", "auto")):
                edge.set(qn(key), setting)


_RUN_BREAKS = re.compile(r"([\t\r\n])")
PLAIN, BOLD, UNDERLINED = "", "b", "u"  # how a run of add_text_paragraph is set (w:b, w:u)


def add_text_paragraph(document: Document, runs: Iterable[tuple[str, str]], *, style_id: str | None = None,
                       keep_next: bool = False, tab_stops: Iterable[Length] = (), space_before: Length | None = None,
                       left_indent: Length | None = None) -> None:
    """A paragraph of (text, PLAIN/BOLD/UNDERLINED) runs at the end of the body, with the
    properties a paper sets: the same elements, in the schema's order, that python-docx's
    add_paragraph, add_run and paragraph_format make, built with lxml directly. (python-docx
    finds each child's place in the schema by XPath: that was most of an export's time.)
    A tab is ``w:tab`` and a line break ``w:br``, and an empty text an empty run, as there."""
    paragraph = document.element.body.add_p()
    stops = list(tab_stops)
    if style_id or keep_next or stops or space_before is not None or left_indent is not None:
        properties = SubElement(paragraph, qn("w:pPr"))
        if style_id:
            SubElement(properties, qn("w:pStyle")).set(qn("w:val"), style_id)
        if keep_next:
            SubElement(properties, qn("w:keepNext"))
        if stops:
            tabs = SubElement(properties, qn("w:tabs"))
            for stop in stops:
                tab = SubElement(tabs, qn("w:tab"))
                tab.set(qn("w:pos"), str(stop.twips))
                tab.set(qn("w:val"), "left")
        if space_before is not None:
            SubElement(properties, qn("w:spacing")).set(qn("w:before"), str(space_before.twips))
        if left_indent is not None:
            SubElement(properties, qn("w:ind")).set(qn("w:left"), str(left_indent.twips))
    for text, kind in runs:
        run = SubElement(paragraph, qn("w:r"))
        if kind:
            mark = SubElement(SubElement(run, qn("w:rPr")), qn(f"w:{kind}"))
            if kind == UNDERLINED:
                mark.set(qn("w:val"), "single")
        for piece in _RUN_BREAKS.split(text):
            if piece in ("\t", "\r", "\n"):
                SubElement(run, qn("w:tab" if piece == "\t" else "w:br"))
            elif piece:
                element = SubElement(run, qn("w:t"))
                element.text = piece
                if len(piece.strip()) < len(piece):
                    element.set(qn("xml:space"), "preserve")


def blank_run(ems: float) -> tuple[str, str]:
    """An underlined blank about ``ems`` wide that never breaks across lines (no-break spaces)."""
    return NBSP * max(1, round(ems * 4)), UNDERLINED  # a no-break space is 1/4 em in Times New Roman


def column_stops(count: int, width_mm: float, indent_mm: float) -> list[Length]:
    """Left tab stops dividing the text width (after ``indent_mm``) into ``count`` columns."""
    step = (width_mm - indent_mm) / count
    return [Mm(indent_mm + step * index) for index in range(1, count)]


def _child(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    element: BaseOxmlElement = OxmlElement(tag)
    parent.append(element)
    return element
