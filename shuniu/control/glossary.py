"""The glossary (docs/glossary.yml): a list of ``term``, ``aliases``, ``definition``, ``source``.

Terms feed the glossary page, tooltips on content pages and the search dictionary, so every
name (term or alias) must be unique: a reader hovering a word must get one definition.
"""

from __future__ import annotations

from pathlib import Path

from shuniu.control.model import Term
from shuniu.fields import FieldReader, describe, load_shaped
from shuniu.links import docs_link_problem
from shuniu.model import Content
from shuniu.problems import Problems
from shuniu.yamlsrc import LineDict, LineList, read_source

GLOSSARY_FILE = "docs/glossary.yml"
TERM_FIELDS = {"term", "aliases", "definition", "source"}
# Characters that would end an abbreviation definition (*[term]: ...) early.
_FORBIDDEN = set("[]\n")


def load_glossary(root: Path, content: Content, problems: Problems) -> None:
    """Read the glossary if there is one; every problem is collected with its line."""
    file = root / GLOSSARY_FILE
    if not file.is_file():
        return
    text = read_source(file, GLOSSARY_FILE, problems)
    if text is not None:
        content.glossary.extend(read_glossary(GLOSSARY_FILE, text, problems))


def read_glossary(path: str, text: str, problems: Problems) -> list[Term]:
    """The terms of a glossary file, in file order; broken entries are reported and skipped."""
    data = load_shaped(text, path, problems, LineList, "the glossary must be a list of terms (- term: ...)")
    if data is None:
        return []
    terms: list[Term] = []
    for index, item in enumerate(data):
        if not isinstance(item, LineDict):
            message = f"a glossary entry must be a mapping with term and definition, got {describe(item)}"
            problems.add(path, data.line_of(index), message)
            continue
        term = _term(item, path, problems)
        if term:
            terms.append(term)
    _check_names(terms, path, problems)
    return terms


def _term(item: LineDict, path: str, problems: Problems) -> Term | None:
    fields = FieldReader(item, path, problems)
    fields.unknown(TERM_FIELDS)
    name, definition = fields.text("term"), fields.text("definition")
    aliases = tuple(a for a in fields.text_list("aliases") if a)
    source = fields.text("source", required=False)
    if not name:
        return None
    # Kept without a definition (reported above): its aliases and source are still checked.
    for bad in (n for n in (name, *aliases) if _FORBIDDEN & set(n)):
        fields.problem("term" if bad == name else "aliases", f"'{bad}' must not contain '[' or ']'")
    definition = " ".join((definition or "").split())  # one line: a tooltip definition ends at the line end
    return Term(name, definition, aliases, source, item.line, item.line_of("source"), item.line_of("aliases"))


def _check_names(terms: list[Term], path: str, problems: Problems) -> None:
    """Each term and alias names one entry only."""
    owner: dict[str, Term] = {}
    for term in terms:  # terms first: an alias clashing with a term is reported at the alias
        if term.term in owner:
            problems.add(path, term.line, f"duplicate term '{term.term}' (also on line {owner[term.term].line})")
        else:
            owner[term.term] = term
    for term in terms:
        own = {term.term}
        for alias in term.aliases:
            if alias in own:
                clash = "repeats the term or another of its aliases"
            else:
                own.add(alias)
                other = owner.setdefault(alias, term)
                if other is term:
                    continue
                clash = f"is another term (line {other.line})" if other.term == alias else (
                    f"is also an alias of '{other.term}' (line {other.line})")
            problems.add(path, term.aliases_line, f"term '{term.term}': alias '{alias}' {clash}")


def check_glossary_sources(content: Content) -> Problems:
    """Each source must be a page (and anchor) of this site."""
    problems = Problems()
    for term in content.glossary:
        if term.source is not None:
            message = docs_link_problem(content, term.source)
            if message:
                problems.add(GLOSSARY_FILE, term.source_line, f"term '{term.term}': {message}")
    return problems
