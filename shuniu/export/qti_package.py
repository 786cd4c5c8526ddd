"""QTI 2.1 content package (IMS CP 1.1): ``imsmanifest.xml``, ``items/<question id>.xml`` and
an ``assessmentTest`` per bank (``tests/<bank id>.xml``, its SCORE the sum of the items'), zipped.

``shuniu quiz export --format qti -o NAME.zip`` writes the zip; ``-o FOLDER`` the same files
unpacked (some LMSs take a folder, most the zip).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from lxml import etree as ET

from shuniu.export.common import ZIP_DATE, Export, Skips
from shuniu.export.qti import NSMAP, QTI_LOCATION, XSI_NS, assessment_item, clean, item_identifier, q, sub
from shuniu.model import Content
from shuniu.quiz.model import Bank
from shuniu.quiz.points import points_of

CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_LOCATION = f"{CP_NS} http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
ITEM_TYPE, TEST_TYPE = "imsqti_item_xmlv2p1", "imsqti_test_xmlv2p1"


def export(content: Content, banks: Sequence[Bank]) -> Export:
    """The banks as one zipped QTI 2.1 package (the same banks give the same bytes)."""
    files: dict[str, bytes] = {}
    resources: list[tuple[str, str, str, list[str]]] = []  # identifier, type, href, dependencies
    for bank in banks:
        refs = []
        for question in bank.questions:
            href = f"items/{question.id}.xml"
            files[href] = _xml(assessment_item(question, points_of(bank, question)))
            resources.append((item_identifier(question), ITEM_TYPE, href, []))
            refs.append((item_identifier(question), href))
        test_href = f"tests/{bank.id}.xml"
        files[test_href] = _xml(assessment_test(bank, refs))
        resources.append((f"test-{bank.id}", TEST_TYPE, test_href, [ref for ref, _ in refs]))
    files = {"imsmanifest.xml": _xml(manifest(banks, resources)), **files}
    return Export(_zip(files), sum(len(bank.questions) for bank in banks), Skips())


def assessment_test(bank: Bank, refs: list[tuple[str, str]]) -> ET._Element:
    """The bank as a test: one part, one section, every item; SCORE sums the items' SCOREs."""
    root = ET.Element(q("assessmentTest"), nsmap=NSMAP, attrib={f"{{{XSI_NS}}}schemaLocation": QTI_LOCATION,
                                             "identifier": f"test-{bank.id}", "title": clean(bank.title)})
    sub(root, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    part = sub(root, "testPart", identifier="part-1", navigationMode="nonlinear", submissionMode="simultaneous")
    section = sub(part, "assessmentSection", identifier=f"section-{bank.id}", title=clean(bank.title), visible="true")
    for identifier, href in refs:
        sub(section, "assessmentItemRef", identifier=identifier, href=f"../{href}")
    total = sub(sub(sub(root, "outcomeProcessing"), "setOutcomeValue", identifier="SCORE"), "sum")
    sub(total, "testVariables", variableIdentifier="SCORE")
    return root


def manifest(banks: Sequence[Bank], resources: list[tuple[str, str, str, list[str]]]) -> ET._Element:
    """The package's ``imsmanifest.xml``: a resource per item and per test."""
    def cp(tag: str) -> str:
        return f"{{{CP_NS}}}{tag}"

    identifier = "manifest-" + "-".join(bank.id for bank in banks)
    attributes = {f"{{{XSI_NS}}}schemaLocation": CP_LOCATION, "identifier": identifier[:200]}
    root = ET.Element(cp("manifest"), nsmap={None: CP_NS, "xsi": XSI_NS}, attrib=attributes)
    metadata = ET.SubElement(root, cp("metadata"))
    ET.SubElement(metadata, cp("schema")).text = "QTIv2.1 Package"
    ET.SubElement(metadata, cp("schemaversion")).text = "1.0.0"
    ET.SubElement(root, cp("organizations"))
    listed = ET.SubElement(root, cp("resources"))
    for ident, kind, href, dependencies in resources:
        resource = ET.SubElement(listed, cp("resource"), {"identifier": ident, "type": kind, "href": href})
        ET.SubElement(resource, cp("file"), {"href": href})
        for dependency in dependencies:
            ET.SubElement(resource, cp("dependency"), {"identifierref": dependency})
    return root


def _xml(root: ET._Element) -> bytes:
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="UTF-8", xml_declaration=True)) + b"\n"


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.external_attr = 0o644 << 16
            package.writestr(info, data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def write_package(data: bytes, target: Path) -> None:
    """The package at ``target``: the zip itself for a ``.zip`` name, else unpacked into that folder."""
    if target.suffix.lower() == ".zip":
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():  # our own names (items/<id>.xml): no path leaves the folder
            path = target / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(package.read(name))
