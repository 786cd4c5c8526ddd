"""JSON Schemas of the authoring formats, generated from the loaders' own field lists.

Editors (VS Code's YAML extension, JetBrains) read them to complete field names and flag a
wrong value while typing; `shuniu check` stays the judge. The field *names* come from the sets
the loaders enforce (``COMMON_FIELDS``, ``BANK_FIELDS``, ``SESSION_FIELDS`` ...), the enum values
from the model's enums, so the schemas cannot drift from what the check accepts: a field added
to a loader without a shape here makes :func:`schemas` raise, and the committed files under
``schemas/`` are compared with a fresh generation by the tests.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from shuniu.control.glossary import TERM_FIELDS
from shuniu.control.plans import PLAN_FIELDS, SESSION_FIELDS
from shuniu.model import REVIEW_PERIOD_PATTERN, Classification, Status
from shuniu.pages import COMMON_FIELDS, SECTION_FIELDS, THEME_FIELDS
from shuniu.quiz.load import BANK_FIELDS
from shuniu.quiz.model import OPTION_LETTERS, QuestionType
from shuniu.quiz.points import MAX_POINTS
from shuniu.quiz.questions import QUESTION_FIELDS
from shuniu.quiz.translation import FROM_CHINESE, TRANSLATION_FIELDS
from shuniu.search.words import WORD_LIST_FIELDS
from shuniu.steps import CHECK_FIELDS, NEXT_FIELDS, STEP_FIELDS
from shuniu.terms import ENTRY_FIELDS

DRAFT = "https://json-schema.org/draft/2020-12/schema"
ID_PREFIX = "https://shuniu.invalid/schemas/"  # an identifier, never fetched (.invalid is reserved)

Schema = dict[str, Any]


def _text(description: str) -> Schema:
    return {"type": "string", "minLength": 1, "description": description}


def _texts(description: str) -> Schema:
    """What FieldReader.text_list accepts: a list of text (numbers read as text), or one text."""
    item = {"type": ["string", "number"]}
    return {"anyOf": [{"type": "array", "items": item}, item], "description": description}


def _enum(kind: Iterable[Any], description: str) -> Schema:
    return {"enum": [member.value for member in kind], "description": description}


_DATE = {"type": "string", "format": "date", "description": "a date like 2025-03-01"}
_SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$"
_POINTS = {"type": "number", "exclusiveMinimum": 0, "maximum": int(MAX_POINTS), "multipleOf": 0.01,
           "description": "points (分值): a positive number with at most 2 decimals"}

_CHECK_SHAPES: Mapping[str, Schema] = {
    "id": {"type": "string", "pattern": "^[a-z0-9_-]+$", "description": "stable id: ticks follow it; translations reuse it"},
    "text": _text("what to check"),
}
_NEXT_SHAPES: Mapping[str, Schema] = {
    "step": _text("the id of the step this branch leads to"),
    "when": _text("the condition label shown on the arrow, e.g. 同意"),
}


def _check_item() -> Schema:
    return {"oneOf": [_text("what to check, as the checklist shows it"),
                      _object(CHECK_FIELDS, _CHECK_SHAPES, "check", required=["id", "text"])]}


def _next_item() -> Schema:
    return {"oneOf": [_text("the id of the next step"), _object(NEXT_FIELDS, _NEXT_SHAPES, "next", required=["step"])]}


_STEP_SHAPES: Mapping[str, Schema] = {
    "id": {"type": "string", "pattern": "^[a-z0-9_-]+$", "description": "step id: lower-case letters, digits, - or _"},
    "title": _text("the step's short title"), "role": _text("who does it (a role, not a name)"),
    "action": _text("what to do, in a sentence or two"), "time_limit": _text("the time limit, or 按本单位规定"),
    "inputs": _texts("papers or data the step needs"), "outputs": _texts("what the step produces"),
    "basis": _texts("the rule behind this step"),
}
_STEP = {"type": "object", "required": ["id", "title", "role", "action"], "additionalProperties": False}

# Front matter: the page fields, then what MkDocs and Material read themselves.
_PAGE_SHAPES: Mapping[str, Schema] = {
    "id": _text("the page id: stable, used by supersedes and the 依据索引"),
    "title": _text("the page title"), "owner": _text("the section that keeps the page current"),
    "status": _enum(Status, "draft, effective, superseded or repealed"),
    "effective": _DATE, "reviewed": _DATE,
    "review_every": {"type": "string", "pattern": REVIEW_PERIOD_PATTERN, "description": "like 12 months or 2 years"},
    "basis": _texts("the texts behind the page's rules"),
    "classification": _enum(Classification, "public, or internal (internal edition only)"),
    "tags": _texts("tags"), "doc_no": _text("the policy's document number"),
    "approver": _text("who approved the policy"), "supersedes": _text("the id of the page this one replaces"),
    "steps": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/step"}},
    "banks": _texts("ids of the question banks that practise this unit"),
    "hide": {"type": "array", "items": {"enum": ["navigation", "toc", "footer", "path", "tags", "feedback"]}},
    "template": _text("a theme template"), "icon": _text("a theme icon"),
    "description": _text("the page description (search engines, link previews)"),
    "search": {"type": "object", "properties": {"exclude": {"type": "boolean"}, "boost": {"type": "number"}}},
    "status_note": _text("a note shown with the page's status"),
}
# Index pages need only a title; the check asks the rest of content pages by section and status.
_REQUIRED_PAGE = ["title"]

_QUESTION_SHAPES: Mapping[str, Schema] = {
    "id": _text("unique in all banks; never change it after publishing"),
    "type": _enum(QuestionType, "single, multiple, truefalse, fill or short"),
    "stem": _text("the question"),
    "options": {"type": "object", "propertyNames": {"pattern": f"^[{OPTION_LETTERS}]$"},
                "additionalProperties": {"type": ["string", "number"]}},
    "answer": {"description": "single: a letter; multiple: a list of letters; truefalse: true/false; "
                              "fill: a list per blank of accepted answers; short: the model answer"},
    "explanation": _text("why the answer is right, and where the rule is"),
    "source": {"type": "string", "pattern": r"^[^#\s]+\.md#.+$", "description": "the page and anchor that teach it"},
    "difficulty": {"type": "integer", "minimum": 1, "maximum": 3},
    "tags": _texts("knowledge points"), "points": _POINTS,
}
_QUESTION = {"type": "object", "required": ["id", "type", "stem", "answer"], "additionalProperties": False}

_BANK_SHAPES: Mapping[str, Schema] = {
    "id": {"type": "string", "pattern": _SLUG, "description": "the file name without .yml"},
    "title": _text("the bank's title"), "description": _text("what the bank tests, for whom"),
    "tags": _texts("tags"), "pass_mark": {"type": "integer", "minimum": 0, "maximum": 100},
    "questions": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/question"}},
    "classification": _enum(Classification, "public, or internal (internal edition only)"),
    "points": {"type": "object", "propertyNames": {"enum": [t.value for t in QuestionType]},
               "additionalProperties": _POINTS},
}

_TRANSLATION_SHAPES: Mapping[str, Schema] = {
    "id": {"type": "string", "pattern": _SLUG, "description": "the Chinese bank's id (the file name without .en.yml)"},
    "title": _text("the bank's title in English"), "description": _text("what the bank tests, in English"),
    "partial": {"type": "boolean", "description": "true while not every question is translated: checked, not published"},
    "questions": _BANK_SHAPES["questions"],
}

_SESSION_SHAPES: Mapping[str, Schema] = {
    "date": _DATE, "topic": _text("the session's topic"),
    "read": _texts("pages to read (paths under docs/)"), "quiz": _texts("ids of banks to practise"),
    "notes": _text("notes for the group"),
    "id": {"type": "string", "pattern": "^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$",
           "description": "stable session id: the calendar event's UID (default: from the topic)"},
    "time": {"type": ["string", "integer"], "pattern": "^([01]?[0-9]|2[0-3]):[0-5][0-9]$",
             "description": "start time, Beijing time, like 14:30 (none: an all-day event)"},
    "duration": {"type": ["integer", "string"], "minimum": 1, "maximum": 1440, "pattern": "^PT(\\d+H)?(\\d+M)?$",
                 "description": "minutes, or ISO 8601 like PT1H30M (needs time)"},
    "place": _text("where the group meets"),
}
_PLAN_SHAPES: Mapping[str, Schema] = {
    "id": {"type": "string", "pattern": _SLUG, "description": "the file name without .yml"},
    "title": _text("the plan's title"), "group": _text("the study group"),
    "sessions": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/session"}},
}

_TERM_SHAPES: Mapping[str, Schema] = {
    "term": _text("the term"), "aliases": _texts("other ways of writing it"),
    "definition": _text("its definition"), "source": _text("the page and anchor that define it"),
}
_ENTRY_SHAPES: Mapping[str, Schema] = {
    "zh": _text("the Chinese term"), "en": _text("the English every translation uses"), "note": _text("why"),
}
_WORD_SHAPES: Mapping[str, Schema] = {
    "ignore": _texts("question and filler words a query drops"),
    "synonyms": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}},
                 "description": "a word as the pages write it: the ways people say it"},
}


def _object(fields: Iterable[str], shapes: Mapping[str, Schema], where: str, **extra: Any) -> Schema:
    """An object schema with exactly ``fields``; a field without a shape is a programming error."""
    missing = sorted(set(fields) - set(shapes))
    if missing:
        raise KeyError(f"{where}: no schema shape for field(s) {', '.join(missing)}: add them to shuniu/schemas.py")
    return {"type": "object", "additionalProperties": False, **extra,
            "properties": {name: shapes[name] for name in sorted(fields)}}


def _document(name: str, title: str, body: Schema) -> Schema:
    return {"$schema": DRAFT, "$id": f"{ID_PREFIX}{name}.schema.json", "title": title, **body}


def _front_matter() -> Schema:
    """One schema for every page: every section's fields are allowed; the check says which apply where."""
    fields = COMMON_FIELDS | THEME_FIELDS | set().union(*SECTION_FIELDS.values())
    body = _object(fields, _PAGE_SHAPES, "front matter", required=_REQUIRED_PAGE)
    shapes = {**_STEP_SHAPES, "checks": {"type": "array", "items": _check_item()},
              "next": {"type": "array", "items": _next_item(),
                       "description": "where the flow goes; [] ends it; left out: the step below"}}
    body["$defs"] = {"step": {**_STEP, **_object(STEP_FIELDS, shapes, "step")}}
    body["description"] = ("Front matter of a page under docs/ (policies also need doc_no and approver; "
                           f"procedures steps). Section fields: {_section_note()}")
    return _document("front-matter", "Shuniu page front matter", body)


def _section_note() -> str:
    return "; ".join(f"{s.value}: {', '.join(sorted(f))}" for s, f in SECTION_FIELDS.items() if f)


def schemas() -> dict[str, Schema]:
    """Every authoring format's schema by file stem (``bank`` → ``bank.schema.json``)."""
    bank = _object(BANK_FIELDS, _BANK_SHAPES, "bank", required=["id", "title", "questions"])
    bank["$defs"] = {"question": {**_QUESTION, **_object(QUESTION_FIELDS, _QUESTION_SHAPES, "question")}}
    english = _object(TRANSLATION_FIELDS, _TRANSLATION_SHAPES, "English bank", required=["id", "title", "questions"])
    english["$defs"] = {"question": {**_QUESTION, **_object(QUESTION_FIELDS - set(FROM_CHINESE), _QUESTION_SHAPES,
                                                            "English question")}}
    plan = _object(PLAN_FIELDS, _PLAN_SHAPES, "plan", required=["id", "title", "group", "sessions"])
    plan["$defs"] = {"session": _object(SESSION_FIELDS, _SESSION_SHAPES, "session", required=["date", "topic"])}
    term = _object(TERM_FIELDS, _TERM_SHAPES, "glossary term", required=["term", "definition"])
    entry = _object(ENTRY_FIELDS, _ENTRY_SHAPES, "term-list entry", required=["zh", "en"])
    return {
        "front-matter": _front_matter(),
        "bank": _document("bank", "Shuniu question bank (quizzes/*.yml)", bank),
        "bank-en": _document("bank-en", "Shuniu English version of a bank (quizzes/*.en.yml)", english),
        "plan": _document("plan", "Shuniu study plan (docs/study/plans/*.yml)", plan),
        "glossary": _document("glossary", "Shuniu glossary (docs/glossary.yml)", {"type": "array", "items": term}),
        "terms-en": _document("terms-en", "Shuniu zh→en term list (docs/terms.en.yml)", {"type": "array", "items": entry}),
        "synonyms": _document("synonyms", "Shuniu search word list (docs/search/synonyms.yml)",
                              _object(WORD_LIST_FIELDS, _WORD_SHAPES, "word list")),
    }


def render(schema: Schema) -> str:
    """The committed form: stable key order, UTF-8, a final newline (clean git diffs)."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / f"{name}.schema.json"
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written
