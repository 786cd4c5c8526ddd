"""组卷 paper files (format ``shuniu-paper``, version 1), as the 组卷 page writes them.

The same rules as shuniu/web/quiz/paper.js, in Python, for ``shuniu quiz export --format docx --paper``:
the checks (every problem listed), the id (12 hex digits of sha256 over the canonical JSON of the
parameters) and the draw, which must give the questions the members sat, in their order::

    {"format": "shuniu-paper", "version": 1, "id": "3f9c0a1b2c4d", "title": "第一季度测试",
     "banks": [{"id": "gongwen-jichu", "hash": "<16 hex digits: the bank as composed>"}], "tags": [],
     "types": {"single": {"count": 5, "points": 200}}, "minutes": 30, "pass_mark": 60, "seed": "482913"}

``points`` are hundredths of a point (200 = 2 分), as in result files.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from shuniu.model import Content
from shuniu.quiz.model import Bank, Question, QuestionType
from shuniu.quiz.publish import bank_data, canonical_json

FORMAT, VERSION = "shuniu-paper", 1
TYPES = ("single", "multiple", "truefalse", "fill")  # what the exam scores, in paper order
MAX_BYTES = 100_000
FIELDS = ("format", "version", "id", "title", "banks", "tags", "types", "minutes", "pass_mark", "seed")
_BANK_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_HEX16 = re.compile(r"^[0-9a-f]{16}$")
_MASK = 0xFFFFFFFF


class PaperError(Exception):
    """The problems of a paper file, each a line of the message."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Paper:
    data: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.data["id"])

    @property
    def minutes(self) -> int:
        return int(self.data["minutes"])


def paper_id(data: dict[str, Any]) -> str:
    """The id of a paper: sha256 of the canonical JSON of all but format, version and id, 12 hex digits."""
    rest = {key: value for key, value in data.items() if key not in ("format", "version", "id")}
    return hashlib.sha256(canonical_json(rest).encode("utf-8")).hexdigest()[:12]


def _whole(value: Any, low: int, high: int) -> bool:
    return type(value) is int and low <= value <= high


def _text(value: Any, most: int) -> bool:
    return isinstance(value, str) and len(value) <= most


def _bank_problems(banks: Any) -> list[str]:
    if not isinstance(banks, list) or not 1 <= len(banks) <= 50:
        return ["'banks' must be a list of 1 to 50 banks"]
    problems = [f"'banks[{i}]' must be {{\"id\": a bank id, \"hash\": 16 hex digits}}" for i, bank in enumerate(banks)
                if not (isinstance(bank, dict) and set(bank) == {"id", "hash"} and isinstance(bank["id"], str)
                        and _BANK_ID.match(bank["id"]) and isinstance(bank["hash"], str)
                        and (bank["hash"] == "" or _HEX16.match(bank["hash"])))]
    ids = [bank.get("id") if isinstance(bank, dict) else None for bank in banks]
    return problems or ([] if len(set(map(str, ids))) == len(ids) else ["'banks' names a bank twice"])


def _type_problems(types: Any) -> list[str]:
    if not isinstance(types, dict):
        return ["'types' must be an object"]
    problems = []
    for kind, entry in types.items():
        if kind not in TYPES:
            problems.append(f"'types' has an unknown type '{kind[:20]}' (types: {', '.join(TYPES)})")
        elif not (isinstance(entry, dict) and set(entry) == {"count", "points"} and _whole(entry["count"], 1, 500)
                  and _whole(entry["points"], 1, 10000)):
            problems.append(f"'types.{kind}' must be {{\"count\": 1 to 500, \"points\": hundredths from 1 to 10000}}")
    return problems or ([] if types else ["'types' must ask for at least one question"])


def paper_problems(data: Any) -> list[str]:
    """Every problem of a paper object (empty: valid); the 组卷 page (paper.js) says the same."""
    if not isinstance(data, dict):
        return ["not a Shuniu paper: expected a JSON object"]
    if data.get("format") != FORMAT:
        return [f"not a Shuniu paper: 'format' must be \"{FORMAT}\""]
    if data.get("version") != VERSION or type(data.get("version")) is not int:
        return [f"unsupported paper version: this site reads version {VERSION}"]
    problems = [f"unknown field '{key[:30]}'" for key in data if key not in FIELDS]
    if not _text(data.get("title"), 100):
        problems.append("'title' must be text of at most 100 characters")
    problems += _bank_problems(data.get("banks"))
    tags = data.get("tags")
    if not isinstance(tags, list) or len(tags) > 100 or not all(_text(tag, 50) and tag for tag in tags):
        problems.append("'tags' must be a list of at most 100 tags")
    problems += _type_problems(data.get("types"))
    if not _whole(data.get("minutes"), 1, 600):
        problems.append("'minutes' must be a whole number from 1 to 600")
    if not _whole(data.get("pass_mark"), 0, 100):
        problems.append("'pass_mark' must be a whole number from 0 to 100")
    seed = data.get("seed")
    if not _text(seed, 64) or not str(seed).strip():
        problems.append("'seed' must be text of 1 to 64 characters")
    if not problems and data.get("id") != paper_id(data):
        problems.append("'id' does not match the paper's contents: it was changed after it was composed")
    return problems


def _number(text: str) -> int | Decimal:
    """A JSON number with a point or exponent: as JavaScript reads it, whole (30.0) or not; checks refuse the rest."""
    value = Decimal(text)
    return int(value) if value.is_finite() and value == value.to_integral_value() and abs(value) < 10**18 else value


def read_paper(path: Path) -> Paper:
    """The paper in ``path``, or :class:`PaperError` listing every problem (never a traceback)."""
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise PaperError([f"cannot read the file: {error.strerror or error}"]) from None
    if len(raw) > MAX_BYTES:
        raise PaperError([f"too large: over {MAX_BYTES // 1000} KB (a paper is under 1 KB)"])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PaperError(["not UTF-8 text"]) from None
    try:
        data = json.loads(text, parse_float=_number, parse_constant=Decimal)
    except json.JSONDecodeError as error:
        raise PaperError([f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"]) from None
    except (ValueError, RecursionError) as error:
        raise PaperError([f"not a Shuniu paper: {error}"]) from None
    problems = paper_problems(data)
    if problems:
        raise PaperError(problems)
    return Paper(data)


# The draw of shuniu/web/quiz/rng.js, bit for bit: FNV-1a, mulberry32, Fisher-Yates over the pool sorted by id.
def hash32(text: str) -> int:
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & _MASK
    return value


def _mulberry32(seed: int) -> Any:
    state = seed & _MASK

    def random() -> float:
        nonlocal state
        state = (state + 0x6D2B79F5) & _MASK
        t = ((state ^ (state >> 15)) * (1 | state)) & _MASK
        t = ((t + (((t ^ (t >> 7)) * (61 | t)) & _MASK)) & _MASK) ^ t
        return ((t ^ (t >> 14)) & _MASK) / 4294967296
    return random


def draw(pool: list[Question], count: int, seed: str) -> list[Question]:
    """rng.js's drawPaper: ``count`` questions of ``pool`` drawn with the string ``seed``."""
    items = sorted(pool, key=lambda q: q.id)
    random = _mulberry32(hash32(seed))
    for i in range(len(items) - 1, 0, -1):
        j = int(random() * (i + 1))
        items[i], items[j] = items[j], items[i]
    return items[:count]


def changed_banks(content: Content, paper: Paper) -> tuple[list[str], list[str]]:
    """The paper's banks missing from ``content``, and those whose content changed since it was composed."""
    by_id = {bank.id: bank for bank in content.banks}
    missing = [b["id"] for b in paper.data["banks"] if b["id"] not in by_id]
    changed = [b["id"] for b in paper.data["banks"] if b["id"] in by_id and b["hash"]
               and bank_data(content, by_id[b["id"]])["hash"] != b["hash"]]
    return missing, changed


def composed_bank(content: Content, paper: Paper) -> Bank:
    """The paper as one bank: its questions in the members' order, each worth its type's points on the
    paper; :class:`PaperError` when a bank is missing or has too few questions of a type."""
    missing, _ = changed_banks(content, paper)
    if missing:
        raise PaperError([f"no bank {bank_id} under quizzes/: the paper cannot be drawn" for bank_id in missing])
    by_id = {bank.id: bank for bank in content.banks}
    tags = set(paper.data["tags"])
    pool = [q for b in paper.data["banks"] for q in by_id[b["id"]].questions if not tags or tags & set(q.tags)]
    questions: list[Question] = []
    problems = []
    for kind in (k for k in TYPES if k in paper.data["types"]):
        entry = paper.data["types"][kind]
        of_kind = [q for q in pool if q.type is QuestionType(kind)]
        if len(of_kind) < entry["count"]:
            problems.append(f"{kind}: the banks have {len(of_kind)} questions, the paper asks for {entry['count']}")
        worth = Decimal(entry["points"]) / 100
        questions += [replace(q, points=worth) for q in draw(of_kind, entry["count"], f"{paper.data['seed']}:{kind}")]
    if problems:
        raise PaperError(problems)
    title = paper.data["title"] or "组卷"
    return Bank(id=f"paper-{paper.id}", title=title, path=f"paper {paper.id}", questions=tuple(questions))
