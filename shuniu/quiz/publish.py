"""The data the browser player reads: ``assets/shuniu/quiz/index.json`` and one JSON per bank.

Made once per content object (the site asks for every language), as plain text the player
shows with ``textContent``. Shapes: /tmp/brief-quiz-contract.md, "Published data".

Each JSON file has a script twin (``x.json`` -> ``x.js``) holding the same data, registered as
``globalThis.__shuniuQuiz["<address of x.json>"]``: browsers refuse ``fetch()`` on pages opened
from disk (file://) but run classic scripts, so the player loads the twins there.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import posixpath
import weakref
from dataclasses import dataclass
from typing import Any

from shuniu.generated import GeneratedFile
from shuniu.model import DEFAULT_LANG, Content
from shuniu.quiz.model import Bank, Question, QuestionType
from shuniu.quiz.points import points_json, points_of, type_points
from shuniu.render.language import english_title

DATA_DIR = "assets/shuniu/quiz"
INDEX_URL = f"{DATA_DIR}/index.json"
ENGLISH_INDEX_URL = f"{DATA_DIR}/index.en.json"  # English pages' index: English data where a bank has it
ENGLISH_HASH_PREFIX = "en-"  # an English version's hash says so, and so does every result file taken on it
VERSION = 1
REGISTRY = "__shuniuQuiz"  # the global the script twins register their data in


def canonical_json(value: Any) -> str:
    """Keys sorted, no whitespace, non-ASCII as-is: the text hashes and checksums are taken of."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def page_url(src: str) -> str:
    """The site-root-relative address of a docs page (``use_directory_urls: false``)."""
    return src[: -len(".md")] + ".html"


def bank_page_url(bank_id: str) -> str:
    return f"quizzes/{bank_id}.html"


@dataclass(frozen=True)
class Published:
    """Every bank's data as published, keyed by bank id, plus the index; the same in English."""

    banks: dict[str, dict[str, Any]]
    index: dict[str, Any]
    english: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict)  # complete translations only
    english_index: dict[str, Any] = dataclasses.field(default_factory=dict)

    def files(self) -> list[GeneratedFile]:
        """Every JSON file and its script twin."""
        data = {INDEX_URL: self.index, ENGLISH_INDEX_URL: self.english_index,
                **{bank_url(bank_id): bank for bank_id, bank in self.banks.items()},
                **{bank_url(bank_id, "en"): bank for bank_id, bank in self.english.items()}}
        made = []
        for url, value in data.items():
            made += [GeneratedFile(url, _encode(value)), GeneratedFile(script_twin(url), _script(url, value))]
        return made


def index_url(lang: str) -> str:
    """The index the player pages of ``lang`` read."""
    return INDEX_URL if lang == DEFAULT_LANG else ENGLISH_INDEX_URL


def bank_url(bank_id: str, lang: str = DEFAULT_LANG) -> str:
    return f"{DATA_DIR}/{bank_id}.json" if lang == DEFAULT_LANG else f"{DATA_DIR}/{bank_id}.{lang}.json"


def script_twin(url: str) -> str:
    """The address of the script that carries the same data as the JSON file ``url``."""
    return url.removesuffix(".json") + ".js"


_cache: tuple[weakref.ref[Content], Published] | None = None


def published(content: Content) -> Published:
    """The published data of ``content``, computed once per content object."""
    global _cache
    if _cache is not None and _cache[0]() is content:
        return _cache[1]
    banks = {bank.id: bank_data(content, bank) for bank in content.banks}
    english = {bank.id: english_data(content, content.english_banks[bank.id], banks[bank.id])
               for bank in content.banks if bank.id in content.english_banks}
    index = {"version": VERSION, "banks": [_index_entry(bank, banks[bank.id], english.get(bank.id)) for bank in content.banks]}
    english_index = {"version": VERSION, "banks": [
        _index_entry(content.english_banks[bank.id], english[bank.id], banks[bank.id], "en") if bank.id in english
        else _untranslated_entry(content, bank, banks[bank.id]) for bank in content.banks]}
    result = Published(banks, index, english, english_index)
    _cache = (weakref.ref(content), result)
    return result


def quiz_data(content: Content, lang: str, today: datetime.date) -> list[GeneratedFile]:
    """The data files (language-neutral: the site writes one copy)."""
    return published(content).files()


def bank_data(content: Content, bank: Bank) -> dict[str, Any]:
    """A bank as the player reads it.

    ``hash`` (sha256 of the canonical JSON of everything else, 16 hex digits) names this
    version of the bank in result files, so a report can tell which questions a learner saw.
    """
    head = {"version": VERSION, "id": bank.id, "title": bank.title, "pass_mark": bank.pass_mark,
            "points": {kind.value: points_json(points) for kind, points in type_points(bank).items()}}
    questions = [question_data(content, bank, question) for question in bank.questions]
    digest = hashlib.sha256(canonical_json({**head, "questions": questions}).encode("utf-8")).hexdigest()[:16]
    return {**head, "hash": digest, "questions": questions}


def english_data(content: Content, english: Bank, chinese: dict[str, Any]) -> dict[str, Any]:
    """An English bank as the player reads it: the Chinese shape plus ``lang``, each question's
    ``qhash`` (the 错题本's hash of the Chinese question: the same question in either language) and
    a hash of its own, ``en-`` and 16 hex digits, so a result file says it was taken in English."""
    head = {"version": VERSION, "id": english.id, "lang": "en", "title": english.title,
            "pass_mark": chinese["pass_mark"], "points": chinese["points"]}
    original = {question["id"]: question for question in chinese["questions"]}
    questions = [{**question_data(content, english, q, "en"), "tags": english_tags(content, q.tags),
                  "qhash": question_hash(original[q.id])} for q in english.questions]
    digest = hashlib.sha256(canonical_json({**head, "questions": questions}).encode("utf-8")).hexdigest()[:16]
    return {**head, "hash": ENGLISH_HASH_PREFIX + digest, "questions": questions}


def english_tags(content: Content, tags: tuple[str, ...]) -> list[str]:
    """Tags in English from the term list (a tag not in it stays as written): English pages filter by these."""
    return [content.english_terms.get(tag, tag) for tag in tags]


def question_hash(question: dict[str, Any]) -> str:
    """What the player's questionHash (asked.js) computes of a published question: type, stem, options, key."""
    key = [question["type"], question["stem"], question.get("options"), question.get("answer")]
    return hashlib.sha256(canonical_json(key).encode("utf-8")).hexdigest()[:16]


def question_data(content: Content, bank: Bank, question: Question, lang: str = DEFAULT_LANG) -> dict[str, Any]:
    """A question of ``bank`` as the player reads it (``points``: what it is worth, see points_of)."""
    data: dict[str, Any] = {"id": question.id, "type": question.type.value, "stem": question.stem}
    if question.type.is_choice:
        data["options"] = [[letter, text] for letter, text in question.options]
    data["answer"] = _plain(question.answer)
    if question.type is QuestionType.FILL:
        data["blanks"] = question.blanks
    data["explanation"] = question.explanation
    data.update(source_data(content, question.source, lang))
    data["difficulty"] = question.difficulty
    data["tags"] = list(question.tags)
    data["points"] = points_json(points_of(bank, question))
    return data


def source_data(content: Content, source: str | None, lang: str = DEFAULT_LANG) -> dict[str, str | None]:
    """``source`` as site addresses: the zh page, the English page when one exists, and the title
    (the English page's for ``lang`` en when there is one).

    Headings are translated, so the zh anchor is kept on the English address only when the
    English page has a heading with the same anchor (an explicit ``{#id}``); else it opens at the top.
    """
    empty: dict[str, str | None] = {"source": None, "source_en": None, "source_title": None}
    if not source:
        return empty
    path, _, anchor = source.strip().partition("#")
    path = posixpath.normpath(path)
    page = content.page(path)
    if page is None:
        return empty
    english = content.page(path, "en")
    suffix = f"#{anchor}" if anchor else ""
    source_en = None
    if english is not None and english.lang == "en":
        source_en = "en/" + page_url(page.base_src) + (suffix if anchor in english.anchors else "")
    title = english.meta.title if source_en and lang != DEFAULT_LANG and english is not None else page.meta.title
    return {"source": page_url(page.base_src) + suffix, "source_en": source_en, "source_title": title}


def _untranslated_entry(content: Content, bank: Bank, data: dict[str, Any]) -> dict[str, Any]:
    """A bank with no English version, in the English index: its Chinese data, titled as its English
    page and the menus title it (from the term list, where the list has it). Tags stay Chinese:
    they are what the Chinese questions carry, and the exam builder filters questions by them."""
    entry = _index_entry(bank, data)
    return entry | {"title": english_title(content, bank.title, "en") or bank.title}


def _index_entry(bank: Bank, data: dict[str, Any], other: dict[str, Any] | None = None,
                 lang: str = DEFAULT_LANG) -> dict[str, Any]:
    """A bank in an index; ``versions``: the hashes of every language's current version, so a result
    taken in either language is known as current (``other``: the bank's data in the other language)."""
    return {
        "id": bank.id,
        "title": bank.title,
        "description": bank.description,
        "tags": list(bank.tags),
        "pass_mark": bank.pass_mark,
        "count": len(bank.questions),
        "hash": data["hash"],
        "versions": [data["hash"]] + ([other["hash"]] if other else []),
        "url": bank_url(bank.id, lang),
        "page": ("" if lang == DEFAULT_LANG else f"{lang}/") + bank_page_url(bank.id),
    }


def _plain(value: Any) -> Any:
    """Tuples (multiple and fill answers) as JSON lists, nested ones too."""
    return [_plain(item) for item in value] if isinstance(value, tuple) else value


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _encode(value: Any) -> bytes:
    return (_json(value) + "\n").encode("utf-8")


def _script(url: str, value: Any) -> bytes:
    """``value`` as a classic script registering it under ``url`` (JSON is valid JavaScript since ES2019)."""
    return f"(globalThis.{REGISTRY} ||= {{}})[{_json(url)}] = {_json(value)};\n".encode()

