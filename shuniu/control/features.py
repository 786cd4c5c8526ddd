"""Importing this registers every loader, checker, body transform and generator of the package."""

from shuniu.control import (  # noqa: F401 - imported for their registrations
    classification,
    editions,
    glossary,
    glossary_page,
    history,
    history_block,
    plan_page,
    plans,
    review,
    sources,
)
