"""Rules that span banks and pages: question sources that resolve to a heading."""

from __future__ import annotations

from shuniu.links import docs_link_problem
from shuniu.model import Content
from shuniu.problems import Problems


def check_banks(content: Content) -> Problems:
    """Every question's ``source`` link (duplicate ids are found while loading, where questions
    with other problems are seen too: shuniu.quiz.load)."""
    problems = Problems()
    for bank in content.banks:
        for question in bank.questions:
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
