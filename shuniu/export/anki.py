"""Anki decks (.apkg via genanki): one deck per bank, one note per question.

Model and deck ids are fixed (the deck id comes from the bank id) and each note's guid is
``genanki.guid_for(question id)``, so importing a newer export updates the notes instead of
adding copies. Anki updates a note only when the imported one is newer, so notes carry the
moment of the export (to the second): an edit exported an hour after the last export reaches
Anki. The site's downloads are cached by content, so an unchanged bank keeps its file and its
times. The collection is written in memory and zipped with fixed dates: the same bank and
moment give the same bytes.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import itertools
import json
import sqlite3
import zipfile
from collections.abc import Sequence

import genanki

from shuniu.export.common import ZIP_DATE, Export, Skips, answer_text, source_title
from shuniu.model import Content
from shuniu.quiz.model import Bank, Question
from shuniu.quiz.strings import type_label
from shuniu.render.html import esc

MODEL_ID = 1_734_020_517  # fixed forever: Anki matches note types by id
MODEL = genanki.Model(
    MODEL_ID,
    "枢纽题库 Shuniu question",
    fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "ID"}],
    templates=[{
        "name": "Card 1",
        "qfmt": "{{Question}}",
        "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}",
    }],
    css=".card { font-family: sans-serif; font-size: 20px; text-align: left; }\n.option { margin: .3em 0; }\n",
)


def deck_id(bank_id: str) -> int:
    """A deck id that depends only on the bank id (Anki ids are positive 63-bit integers)."""
    return 1 << 40 | int(hashlib.sha256(f"shuniu-deck:{bank_id}".encode()).hexdigest()[:10], 16)


def timestamp_of(moment: datetime.datetime) -> int:
    """The export moment in whole seconds: what Anki compares to decide that a note is newer."""
    return int(moment.timestamp())


def _lines(text: str) -> str:
    return esc(text).replace("\n", "<br>")


def front(question: Question) -> str:
    """The stem (with its type) and the options."""
    parts = [f"<div>【{type_label('zh', question.type)}】{_lines(question.stem)}</div>"]
    parts += [f'<div class="option">{letter}. {_lines(text)}</div>' for letter, text in question.options]
    return "".join(parts)


def back(content: Content, question: Question) -> str:
    """The answer, the explanation and the title of the source page."""
    parts = [f"<div><b>答案：</b>{_lines(answer_text(question))}</div>",
             f"<div><b>解析：</b>{_lines(question.explanation)}</div>"]
    title = source_title(content, question)
    if title:
        parts.append(f"<div><b>出处：</b>{esc(title)}</div>")
    return "".join(parts)


def note(content: Content, bank: Bank, question: Question) -> genanki.Note:
    tags = [tag.replace(" ", "_") for tag in (bank.id, *question.tags)]
    return genanki.Note(model=MODEL, fields=[front(question), back(content, question), esc(question.id)],
                        guid=genanki.guid_for(question.id), tags=tags)


def export(content: Content, banks: Sequence[Bank], moment: datetime.datetime) -> Export:
    """Every bank as a deck named ``枢纽题库::<title>`` in one package."""
    decks = []
    for bank in banks:
        deck = genanki.Deck(deck_id(bank.id), f"枢纽题库::{bank.title}", description=esc(bank.description))
        for question in bank.questions:
            deck.add_note(note(content, bank, question))
        decks.append(deck)
    return Export(_package(decks, timestamp_of(moment)), sum(len(d.notes) for d in decks), Skips())


def _package(decks: list[genanki.Deck], timestamp: int) -> bytes:
    connection = sqlite3.connect(":memory:")
    try:
        genanki.Package(decks).write_to_db(connection.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
        connection.commit()
        collection = connection.serialize()
    finally:
        connection.close()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in (("collection.anki2", collection), ("media", json.dumps({}).encode())):
            package.writestr(zipfile.ZipInfo(name, date_time=ZIP_DATE), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()
