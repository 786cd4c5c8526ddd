"""QTI 2.1 export: every file of the package validated against IMS's own XSDs (vendored in
tests/schemas/ims, see its README), points and answers read back from the XML."""

import functools
import io
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from shuniu.check import check_root
from shuniu.cli import main
from shuniu.export.qti_package import export
from shuniu.model import Content
from shuniu.quiz.model import Bank, Question, QuestionType
from shuniu.quiz.points import points_of
from tests.conftest import PROJECT

SCHEMAS = Path(__file__).parent / "schemas" / "ims"
NS = {"q": "http://www.imsglobal.org/xsd/imsqti_v2p1", "cp": "http://www.imsglobal.org/xsd/imscp_v1p1"}
HOSTILE = '<script>alert("x")</script> & ]]> \x01\x0b 第“一”条；\\ {1:MC:=a}'


@functools.cache
def schema(name):
    # The XSDs import their neighbours by relative path (xml.xsd, MathML, ...): all local, and
    # lxml's parser refuses the network anyway (no_network defaults to True).
    parser = etree.XMLParser(no_network=True)
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name), parser))


def validate(name, data):
    document = etree.fromstring(data)
    xsd = schema("imscp_v1p1.xsd" if name == "imsmanifest.xml" else "qtiv2p1/imsqti_v2p1.xsd")
    assert xsd.validate(document), f"{name}: {xsd.error_log.last_error}"
    return document


@functools.cache
def project():
    content, problems = check_root(PROJECT)
    assert not problems
    return content


def package(content, banks):
    archive = zipfile.ZipFile(io.BytesIO(export(content, banks).data))
    return {name: archive.read(name) for name in archive.namelist()}


def test_every_real_bank_exports_a_package_valid_against_the_ims_schemas():
    content = project()
    files = package(content, content.banks)
    documents = {name: validate(name, data) for name, data in files.items()}
    questions = [q for bank in content.banks for q in bank.questions]
    assert {q.type for q in questions} == set(QuestionType)  # all five types are in the real banks
    assert len([n for n in files if n.startswith("items/")]) == len(questions)
    manifest = documents["imsmanifest.xml"]
    hrefs = manifest.xpath("//cp:resource/cp:file/@href", namespaces=NS)
    assert sorted(hrefs) == sorted(name for name in files if name != "imsmanifest.xml")
    for bank in content.banks:
        test = documents[f"tests/{bank.id}.xml"]
        refs = test.xpath("//q:assessmentItemRef/@href", namespaces=NS)
        assert refs == [f"../items/{q.id}.xml" for q in bank.questions]
    for name, data in files.items():  # Chinese as UTF-8 bytes, not character references
        assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>") and b"&#" not in data, name
    first = questions[0]
    assert first.stem.encode() in files[f"items/{first.id}.xml"]


def values(document, path):
    return document.xpath(path, namespaces=NS)


@pytest.mark.parametrize("kind", list(QuestionType))
def test_answers_and_points_read_back_from_the_items(kind):
    content = project()
    bank, question = next((b, q) for b in content.banks for q in b.questions if q.type is kind)
    item = validate("item", package(content, [bank])[f"items/{question.id}.xml"])
    points = points_of(bank, question)
    assert Decimal(values(item, "//q:outcomeDeclaration[@identifier='MAXSCORE']//q:value/text()")[0]) == points
    correct = values(item, "//q:correctResponse/q:value/text()")
    if kind is QuestionType.SINGLE:
        assert correct == [question.answer]
        assert len(values(item, "//q:simpleChoice")) == len(question.options)
    elif kind is QuestionType.TRUEFALSE:
        assert correct == ["T" if question.answer else "F"]
    elif kind is QuestionType.MULTIPLE:
        assert correct == list(question.answer)
        mapped = {e.get("mapKey"): Decimal(e.get("mappedValue")) for e in values(item, "//q:mapEntry")}
        assert abs(sum(mapped[letter] for letter in question.answer) - points) < Decimal("0.0001")
        assert all(mapped[letter] == -points for letter, _ in question.options if letter not in question.answer)
    elif kind is QuestionType.FILL:
        entries = values(item, "//q:textEntryInteraction/@responseIdentifier")
        assert entries == [f"RESPONSE_{n}" for n in range(1, len(question.answer) + 1)]
        for number, accepted in enumerate(question.answer, start=1):
            keys = values(item, f"//q:responseDeclaration[@identifier='RESPONSE_{number}']//q:mapEntry/@mapKey")
            assert keys == list(dict.fromkeys(accepted))
        shares = values(item, "//q:responseDeclaration/q:mapping/q:mapEntry[1]/@mappedValue")
        assert abs(sum(Decimal(s) for s in shares) - points) < Decimal("0.0001")
    else:
        assert correct == [question.answer]
        assert values(item, "//q:extendedTextInteraction/@responseIdentifier") == ["RESPONSE"]
    assert values(item, "//q:modalFeedback/text()") == [question.explanation]


def hostile_bank():
    questions = (
        Question("h.1", QuestionType.SINGLE, HOSTILE, "A", HOSTILE, options=(("A", HOSTILE), ("B", "乙"))),
        Question("2-h", QuestionType.FILL, f"{HOSTILE}（ ）后", (("a<b", "A<B", "&amp;"),), HOSTILE),
        Question("h3", QuestionType.SHORT, HOSTILE, HOSTILE, HOSTILE, points=Decimal("2.5")),
    )
    return Bank("hostile", HOSTILE, "quizzes/hostile.yml", questions)


def test_hostile_text_is_escaped_and_kept():
    files = package(Content(), [hostile_bank()])
    kept = HOSTILE.replace("\x01", "").replace("\x0b", "")  # XML cannot hold these control characters
    for name, data in files.items():
        validate(name, data)
        assert b"<script>" not in data
    single = etree.fromstring(files["items/h.1.xml"])
    assert values(single, "//q:prompt/text()") == [kept]
    assert values(single, "//q:simpleChoice[@identifier='A']/text()") == [kept]
    fill = etree.fromstring(files["items/2-h.xml"])
    assert values(fill, "//q:mapEntry/@mapKey") == ["a<b", "A<B", "&amp;"]
    assert "".join(values(fill, "//q:itemBody/q:p//text()")).strip() == kept + "后"
    short = etree.fromstring(files["items/h3.xml"])
    assert values(short, "//q:correctResponse/q:value/text()") == [kept]
    assert values(short, "//q:outcomeDeclaration[@identifier='MAXSCORE']//q:value/text()") == ["2.5"]


def test_the_schemas_do_reject_a_broken_item():
    files = package(Content(), [hostile_bank()])
    item = etree.fromstring(files["items/h.1.xml"])
    body = item.find("q:itemBody", NS)
    item.remove(body)
    item.insert(0, body)  # itemBody before the declarations: not QTI 2.1
    assert not schema("qtiv2p1/imsqti_v2p1.xsd").validate(item)


def test_the_command_writes_a_zip_or_a_folder(tmp_path):
    runner = CliRunner()
    zipped = runner.invoke(main, ["quiz", "export", "--format", "qti", "--bank", "wuzi-caigou", "-o",
                                  str(tmp_path / "p.zip"), "--root", str(PROJECT)])
    assert zipped.exit_code == 0, zipped.output
    names = zipfile.ZipFile(tmp_path / "p.zip").namelist()
    assert names[0] == "imsmanifest.xml" and "tests/wuzi-caigou.xml" in names
    folder = runner.invoke(main, ["quiz", "export", "--format", "qti", "--bank", "wuzi-caigou", "-o",
                                  str(tmp_path / "pkg"), "--root", str(PROJECT)])
    assert folder.exit_code == 0, folder.output
    assert sorted(p.relative_to(tmp_path / "pkg").as_posix() for p in (tmp_path / "pkg").rglob("*.xml")) == sorted(names)
    (tmp_path / "notes.txt").write_text("x")
    refused = runner.invoke(main, ["quiz", "export", "--format", "qti", "-o", str(tmp_path / "notes.txt"),
                                   "--root", str(PROJECT)])
    assert refused.exit_code == 2 and "a .zip file or a folder" in refused.output
    assert (tmp_path / "notes.txt").read_text() == "x"
