"""The search word list (docs/search/synonyms.yml): how staff talk, mapped to how rules are written.

    ignore: [怎么, 什么, 能不能, 吗]     # question and filler words dropped from a query
    synonyms:                          # a word as the pages write it: the ways people say it
      印章: [公章, 章, 图章]
      遗失: [丢, 丢了, 弄丢]
      函: []                           # a single character worth searching for on its own

The browser widens each word of a query by its written forms before searching; glossary aliases
are added both ways. `shuniu check` validates the file with the line of every problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from shuniu.fields import describe, load_shaped
from shuniu.model import Content
from shuniu.problems import Problems
from shuniu.yamlsrc import LineDict, LineList

WORDS_FILE = "docs/search/synonyms.yml"
WORD_LIST_FIELDS = ("ignore", "synonyms")
LONGEST = 12  # the browser cuts queries into words of at most this many characters


@dataclass
class SearchWords:
    """The word list as the browser needs it: spoken word -> written words, and ignored words."""

    synonyms: dict[str, list[str]] = field(default_factory=dict)
    ignore: list[str] = field(default_factory=list)

    def add(self, spoken: str, written: str) -> None:
        forms = self.synonyms.setdefault(spoken, [])
        if written != spoken and written not in forms:
            forms.append(written)

    def words(self) -> set[str]:
        """Every word the list names, spoken or written."""
        return set(self.synonyms) | {w for forms in self.synonyms.values() for w in forms} | set(self.ignore)


def read_words(root: Path, content: Content, problems: Problems) -> SearchWords:
    """The word list of ``root`` with the glossary's aliases; problems are added, never raised."""
    words = SearchWords()
    file = root / WORDS_FILE
    if file.is_file():
        try:
            _read(file.read_text(encoding="utf-8"), words, problems)
        except UnicodeDecodeError:
            problems.add(WORDS_FILE, 1, "file is not valid UTF-8 text")
    for term in content.glossary:
        for alias in term.aliases:
            words.add(alias.lower(), term.term.lower())
            words.add(term.term.lower(), alias.lower())
    return words


def check_words(root: Path, content: Content, problems: Problems) -> None:
    """Validate the word list (`shuniu check` and every build)."""
    read_words(root, content, problems)


def _read(text: str, words: SearchWords, problems: Problems) -> None:
    data = load_shaped(text, WORDS_FILE, problems, LineDict, "the word list must be a mapping with 'ignore' and 'synonyms'")
    if data is None:
        return
    for key in data:
        if key not in WORD_LIST_FIELDS:
            problems.add(WORDS_FILE, data.line_of(key), f"unknown field '{key}' (expected 'ignore' and 'synonyms')")
    ignore = _word_list(data.get("ignore"), data.line_of("ignore"), "ignore", problems)
    words.ignore.extend(dict.fromkeys(w for w, _ in ignore))
    synonyms = data.get("synonyms")
    if synonyms is None:
        return
    if not isinstance(synonyms, LineDict):
        message = f"'synonyms' must map a written word to a list of spoken words, got {describe(synonyms)}"
        problems.add(WORDS_FILE, data.line_of("synonyms"), message)
        return
    ignored = {w: line for w, line in ignore}
    for written, spoken in synonyms.items():
        line = synonyms.line_of(written)
        if _bad_word(written, line, f"written word {written!r}", problems):
            continue
        for word, word_line in _word_list(spoken, line, f"'{written}'", problems):
            if word == str(written):
                problems.add(WORDS_FILE, word_line, f"'{written}' lists itself as a spoken word")
            elif word in ignored:
                message = f"'{word}' is also an ignored word (line {ignored[word]}): a query would drop it"
                problems.add(WORDS_FILE, word_line, message)
            else:
                words.add(word.lower(), str(written).lower())
        words.synonyms.setdefault(str(written).lower(), [])


def _word_list(value: object, line: int, where: str, problems: Problems) -> list[tuple[str, int]]:
    """The words of a YAML list with their lines; bad and repeated items are reported."""
    if value is None:
        return []
    if not isinstance(value, LineList):
        problems.add(WORDS_FILE, line, f"{where} must be a list of words like [公章, 章], got {describe(value)}")
        return []
    found: dict[str, int] = {}
    for index, item in enumerate(value):
        item_line = value.line_of(index)
        if _bad_word(item, item_line, f"{where}: item {index + 1}", problems):
            continue
        if str(item) in found:
            problems.add(WORDS_FILE, item_line, f"{where}: '{item}' is listed twice (also line {found[str(item)]})")
            continue
        found[str(item)] = item_line
    return list(found.items())


def _bad_word(word: object, line: int, where: str, problems: Problems) -> bool:
    if not isinstance(word, (str, int)) or isinstance(word, bool):
        problems.add(WORDS_FILE, line, f"{where} must be a word, got {describe(word)}")
        return True
    text = str(word)
    if not text.strip() or any(c.isspace() for c in text):
        problems.add(WORDS_FILE, line, f"{where} must be one word without spaces, got {text!r}")
        return True
    if len(text) > LONGEST:
        problems.add(WORDS_FILE, line, f"{where} is longer than {LONGEST} characters: {text!r}")
        return True
    return False
