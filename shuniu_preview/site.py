"""The previewed site: one full MkDocs build, then each save re-renders only the pages it touches.

The full build (both languages, through mkdocs-static-i18n) keeps, per language, MkDocs' own files,
navigation and template environment. A save then re-renders, in each language, the written pages
read from the saved file and the generated pages (bank pages, checklists, plans…) whose Markdown
the save changed, and rewrites the generated data files (practice data, exports) that changed.
Whatever moves the menus (a file added or removed, a title, a section index) takes a full build.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from mkdocs.commands.build import _build_page, _populate_page, build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from shuniu.generated import GeneratedFile, GeneratedPage
from shuniu.model import Content
from shuniu.render.section_index import reading_order
from shuniu_preview.depends import EVERYTHING, Made, all_items, changed_parts, generate_kept

log = logging.getLogger("mkdocs.shuniu.preview")
HOOKS = "hooks/shuniu_hooks.py"


@dataclass
class LanguageBuild:
    """What rendering a page of one language again needs: MkDocs' objects from the full build."""

    files: Files
    nav: Navigation
    generated: dict[str, GeneratedPage]
    env: Any = None


@dataclass
class Snapshot:
    """One full build: its configuration, each language's objects, the data files it wrote."""

    config: MkDocsConfig
    languages: dict[str, LanguageBuild] = field(default_factory=dict)
    data: dict[str, bytes] = field(default_factory=dict)  # generated data files by src_uri
    made: dict[str, dict[str, Made]] = field(default_factory=dict)  # each language's generators' output


class _Keep(BasePlugin):  # type: ignore[type-arg]
    """Keeps each language's files, nav and environment as the full build makes them."""

    def __init__(self, snapshot: Snapshot, hooks: ModuleType) -> None:
        super().__init__()
        self.snapshot, self.hooks = snapshot, hooks

    @event_priority(-1000)  # last: the nav as every plugin left it
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        generated = dict(self.hooks._State.generated)
        self.snapshot.languages[self.hooks.language(config)] = LanguageBuild(files, nav, generated)
        return nav

    @event_priority(-1000)
    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        self.snapshot.languages[self.hooks.language(config)].env = env
        return env


def full_build(config_file: str, site_dir: Path, serve_url: str, content: Content) -> Snapshot:
    """Build the whole site (both languages) into ``site_dir`` from ``content``, checked clean."""
    config = load_config(config_file=config_file, site_dir=str(site_dir))
    config.site_url = serve_url
    config.strict = False  # preview: warnings are shown, `make build` fails on them
    hooks = _hooks(config)
    snapshot = Snapshot(config)
    config.plugins["shuniu-preview"] = _Keep(snapshot, hooks)
    root = Path(str(config.config_file_path)).parent
    hooks.use_checked_content(root, content, hooks._signature(root))
    build(config, serve_url=serve_url)
    for lang in snapshot.languages:  # what each generator read: the next save reruns only those it touches
        snapshot.made[lang] = generate_kept(hooks._State.content, lang, hooks.today(), {}, EVERYTHING)
    default = hooks._default_language(config)
    snapshot.data = {item.src_uri: item.data for item in all_items(snapshot.made[default]) if isinstance(item, GeneratedFile)}
    return snapshot


def _hooks(config: MkDocsConfig) -> ModuleType:
    hooks = config.plugins[HOOKS]
    assert isinstance(hooks, ModuleType)
    return hooks


def rerender(snapshot: Snapshot, saved: set[Path], content: Content) -> list[str]:
    """Re-render in every language what ``saved`` (changed content files) touches; the written
    pages' addresses. Raises :class:`MenusChanged` when only a full build is right."""
    config, hooks = snapshot.config, _hooks(snapshot.config)
    root = Path(str(config.config_file_path)).parent
    before = hooks._State.content
    hooks.use_checked_content(root, content, hooks._signature(root))
    if _menu_titles(before) != _menu_titles(hooks._State.content):
        raise MenusChanged("a page's title or a section index changed")
    parts = changed_parts(before, hooks._State.content, saved, root)
    default = hooks._default_language(config)
    for lang in snapshot.languages:
        snapshot.made[lang] = generate_kept(hooks._State.content, lang, hooks.today(), snapshot.made[lang], parts,
                                            pages_only=lang != default)
    made = {lang: all_items(snapshot.made[lang]) for lang in snapshot.languages}
    fresh = {lang: {i.src_uri: i for i in items if isinstance(i, GeneratedPage)} for lang, items in made.items()}
    for lang, pages in fresh.items():
        if _shape(pages) != _shape(snapshot.languages[lang].generated):
            raise MenusChanged("a generated page was added, removed or retitled")
    written = _write_data(snapshot, default, made)
    for lang in snapshot.languages:
        written += _render_language(snapshot, lang, saved, fresh[lang])
    return written


class MenusChanged(Exception):
    """The save changes the menus (or the set of pages): only a full build shows it right."""


def _menu_titles(content: Content) -> dict[str, tuple[Any, ...]]:
    """What the menus are made of: each page's title, place in its section's reading order
    (status, number) and subject (its first tag: a large folder's menu is grouped by it), and
    each section index page's text."""
    return {page.src: (page.meta.title, reading_order(page), page.meta.tags[:1], page.body if page.is_index else "")
            for page in content.pages}


def _shape(pages: dict[str, GeneratedPage]) -> dict[str, tuple[str, int, bool, bool, str]]:
    return {src: (page.title, page.nav_weight, page.in_nav, page.chinese_only, page.menu_group)
            for src, page in pages.items()}


def _write_data(snapshot: Snapshot, default: str, made: dict[str, list[Any]]) -> list[str]:
    """Rewrite the generated data files whose bytes changed; their addresses."""
    written = []
    for item in made[default]:
        if isinstance(item, GeneratedFile) and snapshot.data.get(item.src_uri) != item.data:
            target = Path(snapshot.config.site_dir) / item.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(item.data)
            snapshot.data[item.src_uri] = item.data
            written.append(item.src_uri)
    return written


def _render_language(snapshot: Snapshot, lang: str, saved: set[Path], pages: dict[str, GeneratedPage]) -> list[str]:
    """Render again, in ``lang``, the pages read from ``saved`` and the generated pages that changed."""
    config, kept, hooks = snapshot.config, snapshot.languages[lang], _hooks(snapshot.config)
    targets = [file for file in kept.files.documentation_pages()
               if file.abs_src_path is not None and Path(file.abs_src_path) in saved]
    for src, page in pages.items():
        if page != kept.generated.get(src):
            file = kept.files.get_file_from_path(src)
            if file is not None:
                file.content_string = page.markdown
                targets.append(file)
    kept.generated = pages
    if not targets:
        return []
    _switch_language(config, lang)
    hooks._State.generated = pages
    doc_files = kept.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
    for file in targets:
        assert file.page is not None
        _populate_page(file.page, config, kept.files)
    for file in targets:
        assert file.page is not None
        _build_page(file.page, config, doc_files, kept.nav, kept.env)
        file.page.validate_anchor_links(files=kept.files, log_level=config.validation.links.anchors)
    return [file.dest_uri for file in targets]


def _switch_language(config: MkDocsConfig, lang: str) -> None:
    """Set the configuration up for ``lang`` as mkdocs-static-i18n does before that language's build."""
    i18n = config.plugins["i18n"]
    if getattr(i18n, "current_language", None) == lang:
        return
    i18n.current_language = lang  # type: ignore[attr-defined]
    theme_dirs = list(config.theme.dirs)
    config.plugins.on_config(config)
    config.theme.dirs[:] = theme_dirs  # i18n inserts its sitemap folder again on each call
