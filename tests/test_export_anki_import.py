"""Anki export read by Anki itself (the `anki` package from PyPI, the library inside Anki 26.9):
a deck imports, an edit exported the same day reaches the cards, an unchanged re-import changes nothing."""

from __future__ import annotations

import datetime
from pathlib import Path

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition

from shuniu.check import check_root
from shuniu.export import anki
from tests.export_sample import SAMPLE_IDS, sample_content

FIRST = datetime.datetime(2026, 11, 29, 9, 0, tzinfo=datetime.UTC)
SAME_DAY_LATER = FIRST + datetime.timedelta(hours=2)


def import_package(collection: Collection, data: bytes, folder: Path) -> tuple[int, int, int]:
    """Import as Anki's own "Import" does by default (update notes if newer): (new, updated, unchanged)."""
    path = folder / f"deck-{len(list(folder.iterdir()))}.apkg"
    path.write_bytes(data)
    options = ImportAnkiPackageOptions(
        with_scheduling=False,
        update_notes=ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER)
    log = collection.import_anki_package(ImportAnkiPackageRequest(package_path=str(path), options=options)).log
    return len(log.new), len(log.updated), len(log.duplicate)


def test_an_edit_exported_the_same_day_reaches_anki(tmp_path: Path) -> None:
    content = sample_content(tmp_path)
    decks = tmp_path / "decks"
    decks.mkdir()
    collection = Collection(str(tmp_path / "learner.anki2"))
    try:
        assert import_package(collection, anki.export(content, content.banks, FIRST).data, decks) == (len(SAMPLE_IDS), 0, 0)
        bank = tmp_path / "quizzes" / "demo.yml"
        bank.write_text(bank.read_text(encoding="utf-8").replace("甲和丙。", "甲和丙（修订后的解析）。"), encoding="utf-8")
        edited, problems = check_root(tmp_path)
        assert not problems
        again = anki.export(edited, edited.banks, SAME_DAY_LATER).data
        new, updated, _ = import_package(collection, again, decks)
        assert (new, updated) == (0, len(SAMPLE_IDS))
        backs = [collection.get_note(note_id).fields[1] for note_id in collection.find_notes("")]
        assert any("甲和丙（修订后的解析）。" in back for back in backs)
        assert import_package(collection, again, decks) == (0, 0, len(SAMPLE_IDS))  # nothing newer: nothing changes
        assert collection.card_count() == len(SAMPLE_IDS)  # updated in place, never duplicated
    finally:
        collection.close()
