"""Rules that span banks and pages: question ids unique across all banks, sources that resolve."""

from __future__ import annotations

from shuniu.check import checker
from shuniu.links import docs_link_problem
from shuniu.model import Content
from shuniu.problems import Problems
from shuniu.quiz.model import Bank, Question


@checker
def check_banks(content: Content) -> Problems:
    """Duplicate question ids (naming where the first one is) and every ``source`` link."""
    problems = Problems()
    first: dict[str, tuple[Bank, Question]] = {}
    for bank in content.banks:
        for question in bank.questions:
            seen = first.setdefault(question.id, (bank, question))
            if seen[1] is not question:
                problems.add(bank.path, question.line,
                             f"question id '{question.id}' is already used at {seen[0].path}:{seen[1].line}")
            if question.source is not None:
                message = source_problem(content, question.source)
                if message:
                    problems.add(bank.path, question.source_line, f"question '{question.id}': source {message}")
    return problems


def source_problem(content: Content, source: str) -> str | None:
    """Why ``source`` does not name a heading of an existing page, or None.

    A source must lead the learner to the paragraph that teaches the answer, so a page
    without an anchor is not enough.
    """
    message = docs_link_problem(content, source)
    if message:
        return message
    path, _, anchor = source.strip().partition("#")
    if not path.endswith(".md") or not anchor:
        return f"link '{source}' must name a page and a heading anchor, like 'policies/x.md#anchor'"
    return None
