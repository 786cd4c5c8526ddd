"""Loading Markdown pages: front matter into typed metadata, body into headings and links."""

from __future__ import annotations

from pathlib import Path

from shuniu.fields import FieldReader, describe
from shuniu.markdown import scan
from shuniu.model import Classification, Page, PageMeta, ReviewPeriod, Section, Status, Step, lang_of
from shuniu.problems import Problems
from shuniu.steps import read_steps
from shuniu.yamlsrc import LineDict, YamlError, load_yaml, read_source

COMMON_FIELDS = {
    "id", "title", "owner", "status", "effective", "reviewed", "review_every",
    "basis", "classification", "tags",
}
# Fields MkDocs or Material themselves read from front matter; allowed on any page.
THEME_FIELDS = {"hide", "template", "icon", "description", "search", "status_note"}
SECTION_FIELDS = {
    Section.POLICY: {"doc_no", "approver", "supersedes"},
    Section.PROCEDURE: {"steps"},
    Section.STUDY: {"banks"},
    Section.OTHER: set(),
}


def section_of(src: str) -> Section:
    top = src.split("/", 1)[0] if "/" in src else ""
    return next((s for s in Section if s.value == top and s is not Section.OTHER), Section.OTHER)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter text or None, body, line where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    return None, text, 1


def load_page(docs: Path, file: Path, root: Path, problems: Problems) -> Page:
    """Load one page, adding a problem for everything wrong with it.

    A page is kept whatever is wrong with it, with the fields that did parse, so links to it
    and its anchors still resolve: one bad field gives one error, not one per link. The
    problems (recorded here) fail the check and the build.
    """
    src = file.relative_to(docs).as_posix()
    path = file.relative_to(root).as_posix()
    text = read_source(file, path, problems)
    if text is None:  # reported; read what can be read so its headings still count for links
        text, problems = file.read_bytes().decode("utf-8", errors="replace"), Problems()
    front, body, body_line = split_front_matter(text)
    is_index = file.name.split(".")[0] == "index"
    section = section_of(src)
    data = _front_matter(front, path, problems)
    meta = _read_meta(data, path, problems, section, relaxed=is_index) if data is not None else PageMeta("", "")
    steps: tuple[Step, ...] = ()
    if data is not None and section is Section.PROCEDURE and not is_index:
        if "steps" in data:
            steps = read_steps(data["steps"], data.line_of("steps"), path, problems)
        else:
            problems.add(path, data.line, "missing required field 'steps'")
    headings, links = scan(body, body_line)
    return Page(src, path, lang_of(src), section, meta, body, body_line, headings, links, steps, is_index)


def _front_matter(front: str | None, path: str, problems: Problems) -> LineDict | None:
    """The front matter's fields with their file lines; None (reported) when there are none to read."""
    if front is None:
        problems.add(path, 1, "missing front matter (a '---' block with at least 'id' and 'title')")
        return None
    try:
        data = load_yaml(front)
    except YamlError as error:
        problems.add(path, error.line + 1, error.message)
        return None
    if not isinstance(data, LineDict):
        problems.add(path, 2, f"front matter must be a mapping of fields, got {describe(data)}")
        return None
    _shift_lines(data, 1)  # the YAML starts on the file's second line
    return data


def _read_meta(data: LineDict, path: str, problems: Problems, section: Section, relaxed: bool) -> PageMeta:
    """Front matter into PageMeta; a bad field is reported and left at its default, the others
    are still read (and none is required because another one failed). Index pages need only a
    title: they are navigation."""
    fields = FieldReader(data, path, problems)
    allowed = COMMON_FIELDS | THEME_FIELDS | (set() if relaxed else SECTION_FIELDS[section])
    fields.unknown(allowed)
    required = not relaxed
    title = fields.text("title")
    status = fields.choice("status", Status, None if required else Status.EFFECTIVE)
    # A draft needs no dates; an unreadable status might have meant draft, so it asks for none either.
    dated = required and status is not None and status is not Status.DRAFT
    meta = PageMeta(
        id=fields.text("id", required) or "",
        title=title or "",
        owner=fields.text("owner", required),
        status=status or Status.EFFECTIVE,
        effective=fields.date("effective", dated),
        reviewed=fields.date("reviewed", dated),
        review_every=_review_period(fields, required),
        basis=fields.text_list("basis"),
        classification=fields.choice("classification", Classification, None if required else Classification.PUBLIC)
        or Classification.PUBLIC,
        tags=fields.text_list("tags"),
        doc_no=fields.text("doc_no", required and section is Section.POLICY),
        approver=fields.text("approver", required and section is Section.POLICY),
        supersedes=fields.text("supersedes", required=False),
        banks=fields.text_list("banks"),
    )
    return meta


def _review_period(fields: FieldReader, required: bool) -> ReviewPeriod | None:
    text = fields.text("review_every", required)
    if text is None:
        return None
    period = ReviewPeriod.parse(text)
    if period is None:
        fields.problem("review_every", f"field 'review_every' must be like '12 months' or '2 years', got '{text}'")
    return period


def _shift_lines(node: object, offset: int) -> None:
    """Move recorded YAML lines by ``offset`` so they are lines of the whole file."""
    if isinstance(node, LineDict):
        node.line += offset
        node.key_lines = {k: v + offset for k, v in node.key_lines.items()}
        for value in node.values():
            _shift_lines(value, offset)
    elif isinstance(node, list) and hasattr(node, "item_lines"):
        node.line += offset  # type: ignore[attr-defined]
        node.item_lines = [v + offset for v in node.item_lines]  # type: ignore[attr-defined]
        for value in node:
            _shift_lines(value, offset)
