"""A translated procedure keeps the original's step ids and check ids, so a run's ticks and
branch choices (saved by id, see docs/assets/shuniu/checklist.js) follow the procedure from
one language to the other; as translated headings keep their anchors (shuniu.content)."""

from __future__ import annotations

from shuniu.model import DEFAULT_LANG, CheckItem, Content, Page, Section, Step
from shuniu.problems import Problems

_NEEDS_ID = (
    "check '{text}' needs an id ('- id: ...' then 'text: ...'): the checks of a translated procedure "
    "carry ids so ticks follow them across languages"
)


def translations_keep_step_and_check_ids(content: Content) -> Problems:
    """Every translated procedure has the original's steps, and each step the original's check ids."""
    problems = Problems()
    for page in content.pages:
        if page.section is not Section.PROCEDURE or page.lang == DEFAULT_LANG or not page.steps:
            continue
        original = content.page(page.base_src)
        if original is not None and original is not page and original.steps:
            _compare(original, page, problems)
    return problems


def _compare(original: Page, page: Page, problems: Problems) -> None:
    theirs = {step.id: step for step in original.steps}
    mine = {step.id: step for step in page.steps}
    for step in original.steps:
        if step.id not in mine:
            problems.add(page.path, page.steps[0].line,
                         f"translation lacks step '{step.id}' of {original.path}:{step.line}")
    for step in page.steps:
        if step.id not in theirs:
            problems.add(page.path, step.line, f"step '{step.id}' is not in the original {original.path}")
        else:
            _compare_checks(theirs[step.id], original.path, step, page.path, problems)


def _compare_checks(original: Step, original_path: str, step: Step, path: str, problems: Problems) -> None:
    for where, checks in ((original_path, original.checks), (path, step.checks)):
        for check in checks:
            if not check.has_own_id:
                problems.add(where, check.line, f"step '{step.id}': " + _NEEDS_ID.format(text=_short(check)))
    theirs = {c.id: c for c in original.checks if c.has_own_id}
    mine = {c.id: c for c in step.checks if c.has_own_id}
    for item, check in theirs.items():
        if item not in mine:
            problems.add(path, step.line, f"step '{step.id}': translation lacks check '{_own(item)}' "
                                          f"of {original_path}:{check.line}")
    for item, check in mine.items():
        if item not in theirs:
            problems.add(path, check.line, f"step '{step.id}': check '{_own(item)}' is not in the original "
                                           f"{original_path}")


def _own(item_id: str) -> str:
    """The id as the author wrote it (``wanzheng``), without its step prefix."""
    return item_id.split(".", 1)[1]


def _short(check: CheckItem) -> str:
    return check.text if len(check.text) <= 20 else check.text[:20] + "…"
