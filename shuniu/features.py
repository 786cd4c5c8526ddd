"""The feature modules the site and `shuniu check` run. Importing them registers their
loaders, checkers, body transforms and generators; add one import line per feature."""
from shuniu import (
    html_safety,  # noqa: F401 - raw HTML in page bodies: only harmless elements (issue #10)
    terms,  # noqa: F401 - the zh→en term list translations follow (issue #15)
)
from shuniu.control import features as control  # noqa: F401 - document control, plans, glossary (issue #6)
from shuniu.export import downloads  # noqa: F401 - bank exports offered for download (issue #5)
from shuniu.procedures import feature  # noqa: F401 - procedure guides, diagrams, checklists (issue #3)
from shuniu.quiz import (  # noqa: F401 - question banks (issue #4)
    load,
    pages,
    publish,
    translation,  # noqa: F401 - English versions of banks (issue #15)
    validate,
)
from shuniu.search import words  # noqa: F401 - the search word list, checked like content (issue #11)
from shuniu.web import assets  # noqa: F401 - the quiz player, bundled into one classic script at build time
