"""Anki export: the .apkg opened as what it is, a zip holding an SQLite collection."""

from __future__ import annotations

import datetime
import io
import json
import sqlite3
import zipfile

import genanki

from shuniu.export import anki
from tests.export_sample import SAMPLE_IDS, sample_content

MOMENT = datetime.datetime(2026, 11, 29, 9, 30, 15, tzinfo=datetime.UTC)


def collection(data: bytes, tmp_path) -> sqlite3.Connection:
    package = zipfile.ZipFile(io.BytesIO(data))
    assert package.namelist() == ["collection.anki2", "media"]
    assert json.loads(package.read("media")) == {}
    path = tmp_path / "collection.anki2"
    path.write_bytes(package.read("collection.anki2"))
    return sqlite3.connect(path)


def test_one_note_per_question_with_guids_from_question_ids(tmp_path):
    content = sample_content(tmp_path)
    result = anki.export(content, content.banks, MOMENT)
    db = collection(result.data, tmp_path)
    try:
        assert db.execute("SELECT count(*) FROM notes").fetchone() == (8,)
        guids = {row[0] for row in db.execute("SELECT guid FROM notes")}
        assert guids == {genanki.guid_for(question_id) for question_id in SAMPLE_IDS}
        assert {row[0] for row in db.execute("SELECT mid FROM notes")} == {anki.MODEL_ID}
        assert {row[0] for row in db.execute("SELECT did FROM cards")} == {anki.deck_id("demo")}
        decks = json.loads(db.execute("SELECT decks FROM col").fetchone()[0])
        assert decks[str(anki.deck_id("demo"))]["name"] == "枢纽题库::演示题库"
        assert {row[0] for row in db.execute("SELECT mod FROM notes")} == {int(anki.timestamp_of(MOMENT))}
    finally:
        db.close()
    assert result.summary("anki") == "anki: exported 8, skipped 0"


def test_front_has_stem_and_options_back_has_answer_explanation_and_source(tmp_path):
    content = sample_content(tmp_path)
    db = collection(anki.export(content, content.banks, MOMENT).data, tmp_path)
    try:
        fields = dict((row[0], row[1]) for row in db.execute("SELECT guid, flds FROM notes"))
    finally:
        db.close()
    front, back, question_id = fields[genanki.guid_for("demo-single")].split("\x1f")
    assert front == ("<div>【单选题】特殊字符 ~ = # { } : \\ 都要转义<br>第二行</div>"
                     '<div class="option">A. 对 {a}</div><div class="option">B. 错</div>'
                     '<div class="option">C. 也错: 是</div>')
    assert back == "<div><b>答案：</b>A</div><div><b>解析：</b>解析 #1: 见印章保管</div><div><b>出处：</b>印章管理办法</div>"
    assert question_id == "demo-single"
    assert "&lt;b&gt;不是粗体&lt;/b&gt;" in fields[genanki.guid_for("demo-multi2")]


def test_the_same_bank_and_moment_give_the_same_bytes(tmp_path):
    content = sample_content(tmp_path)
    assert anki.export(content, content.banks, MOMENT).data == anki.export(content, content.banks, MOMENT).data
    assert anki.deck_id("demo") == anki.deck_id("demo") != anki.deck_id("demo2")
