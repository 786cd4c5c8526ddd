"""MkDocs adapter for Shuniu: runs the same checks as `shuniu check` and adds generated parts.

Kept thin on purpose: every rule and every generator lives in the `shuniu` package.
"""

from __future__ import annotations

import datetime
import functools
import html
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from markupsafe import Markup
from markupsafe import escape as escape_markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkPage

from shuniu.check import check_root
from shuniu.control.editions import current_edition, edition_content, excluded_sources
from shuniu.control.review import excluded_from_search
from shuniu.export.downloads import start_exports
from shuniu.features import generate
from shuniu.generated import GeneratedPage
from shuniu.model import Content
from shuniu.pinyin import sort_key
from shuniu.problems import Problems
from shuniu.render.compose import compose_markdown
from shuniu.render.html import escape_theme_fields
from shuniu.render.language import chinese_only_notice, chinese_only_stub, english_title, is_chinese_only, nav_status
from shuniu.render.menu_groups import menu_groups
from shuniu.render.raw_html import restored
from shuniu.render.section_index import reading_order
from shuniu.search.background import BackgroundIndex, PageText, run_elsewhere
from shuniu.search.cache import EntryCache, kept_vocabulary, salt_of
from shuniu.search.index import exclude_chrome, pages_without_copies, publish, secondary_pages
from shuniu.search.words import read_words
from shuniu.search_dict import dictionary_terms, site_vocabulary, use_user_dict, write_user_dict
from shuniu.web.asset_versions import AssetVersions
from shuniu.web.assets import WEB as WEB_SOURCES
from shuniu.web.assets import web_files
from shuniu.web.csp import theme_script_patterns, theme_templates, with_policy

log = get_plugin_logger("shuniu")
SECTION_ORDER = ["policies", "procedures", "study", "quizzes"]


class _State:
    content: Content = Content()
    signature: tuple[Any, ...] = ()
    root: Path = Path(".")
    excluded: frozenset[str] = frozenset()  # sources this edition leaves out
    generated: dict[str, GeneratedPage] = {}  # this language's generated pages, by source
    # The default language's generated pages (every generated page has one): for the search index.
    default_generated: dict[str, GeneratedPage] = {}
    asset_versions: AssetVersions | None = None
    search_cache: EntryCache | None = None  # pages' search entries from earlier builds
    # Entries of the pages the cache lacks, being made in another process: one per build, from
    # its on_pre_build to its on_post_build (the preview's page renders in between have none).
    search_background: BackgroundIndex | None = None
    user_dict: Path = Path()  # the site's words for jieba (shuniu.search_dict)


def _signature(root: Path) -> tuple[Any, ...]:
    """Changes whenever a content file or a player source changes, so `mkdocs serve` rechecks."""
    folders = (root / "docs", root / "quizzes", WEB_SOURCES)
    files = [p for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return str(getattr(i18n, "current_language", None) or "zh")


def today() -> datetime.date:
    """The build date; SHUNIU_TODAY pins it for reproducible builds and tests."""
    pinned = os.environ.get("SHUNIU_TODAY")
    return datetime.date.fromisoformat(pinned) if pinned else datetime.date.today()


@event_priority(100)  # before the search plugin's own on_config
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    signature = _signature(root)
    if signature != _State.signature:  # i18n runs on_config once per language: check once
        content, problems = check_root(root)
        if problems:
            for problem in problems.sorted():
                log.error(str(problem))
            raise PluginError(f"{len(problems)} content problem(s); `shuniu check` lists the same")
        use_checked_content(root, content, signature)
        # Bank exports the cache lacks are made in worker processes while the pages render.
        start_exports(_State.content, today())
    _no_sitemap(config)
    _State.asset_versions = AssetVersions(Path(config.site_dir))  # each build hashes its assets afresh
    search = config.plugins.get("material/search")
    if search is not None:
        _State.user_dict = write_user_dict(root, _State.content)  # given to jieba when a page is cut
        _keep_search_entries(root, search)
    return config


def _keep_search_entries(root: Path, search: Any) -> None:
    """The cache of pages' search entries, for what decides how Material's plugin cuts text:
    its version, jieba's, and the dictionaries (the site's own is named by its text's hash)."""
    import jieba
    from material import __version__ as material_version

    salt = salt_of([material_version, jieba.__version__, str(search.config.get("jieba_dict")), _State.user_dict.name])
    cache = _State.search_cache
    if cache is None or (cache.root, cache.salt) != (root, salt):
        _State.search_cache = EntryCache(root, salt)


def use_checked_content(root: Path, content: Content, signature: tuple[Any, ...]) -> None:
    """Build from ``content``, checked clean (the preview checks it itself, rereading only what changed)."""
    edition = current_edition()  # SHUNIU_EDITION: the public edition leaves internal pages out
    _State.excluded = frozenset(excluded_sources(content, edition))
    _State.content, _State.signature, _State.root = edition_content(content, edition), signature, root


# No sitemap: a sitemap needs the site's absolute address, which an intranet copy or a folder
# opened from disk does not have (MkDocs wrote <loc>None…</loc>), and it listed one language only.
# Material fetches `sitemap.xml` next to each <link rel="alternate"> in the page head, to map a
# page to its translation; mkdocs-static-i18n already gives each page's language links their
# translation's address, so those head links only caused a 404 per page. Both go.
_ALTERNATE_HEAD_LINK = re.compile(r'\n\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def _without_alternate_links(output: str) -> str:
    """The page without those head links. Only the head is searched: the pattern tried at every
    line of a 100 KB page was a third of Shuniu's work on each page (bench/profile.py)."""
    end = output.find("</head>")
    if end < 0:
        return _ALTERNATE_HEAD_LINK.sub("", output)
    return _ALTERNATE_HEAD_LINK.sub("", output[:end]) + output[end:]


def _no_sitemap(config: MkDocsConfig) -> None:
    config.theme.static_templates.discard("sitemap.xml")  # not rendered: then dropped in on_files


@event_priority(-50)  # before mkdocs-static-i18n (-100) pairs pages with their translations
def _drop_excluded(files: Files, config: MkDocsConfig) -> Files:
    for src in (*_State.excluded, "sitemap.xml"):  # the theme's sitemap template, see _no_sitemap
        file = files.get_file_from_path(src)
        if file is not None:
            files.remove(file)
    return files


@event_priority(-200)  # after mkdocs-static-i18n has chosen this language's files
def _add_generated(files: Files, config: MkDocsConfig) -> Files:
    lang, default = language(config), _default_language(config)
    _State.generated = {}
    if lang == default:
        _State.default_generated = {}
    for item in generate(_State.content, lang, today(), late=False):  # late files: on_post_build
        if isinstance(item, GeneratedPage):
            _State.generated[item.src_uri] = item
            if lang == default:
                _State.default_generated[item.src_uri] = item
            files.append(_page_file(config, item, lang, default))
        elif lang == default:  # data files are language-neutral: one copy at the site root
            files.append(File.generated(config, item.src_uri, content=item.data))
    for made in web_files(Path(config.docs_dir)):  # the browser code, joined and minified
        readable = files.get_file_from_path(made.src_uri)  # a theme file of docs/assets/shuniu/
        if readable is not None:
            readable.content_bytes = made.data  # published minified, where the readable one would go
        elif lang == default:
            files.append(File.generated(config, made.src_uri, content=made.data))
    return files


on_files = CombinedEvent(_drop_excluded, _add_generated)


class _Alternate:
    """What the language switcher needs of a translation: its address."""

    def __init__(self, url: str) -> None:
        self.url = url


def _page_file(config: MkDocsConfig, item: GeneratedPage, lang: str, default: str) -> File:
    """A generated page placed as mkdocs-static-i18n places a page of ``lang``."""
    file = File.generated(config, item.src_uri, content=item.markdown)
    if lang != default:
        file.dest_uri = f"{lang}/{file.dest_uri}"
        file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, file.dest_uri))
    elsewhere = dict(item.elsewhere)  # languages with no version of this page: where the switcher leads

    def address(code: str) -> str:
        neutral = File.generated(config, elsewhere.get(code, item.src_uri), content="").url
        return neutral if code == default else f"{code}/{neutral}"

    languages = [default] + [code for code in _languages(config) if code != default]
    file.alternates = {code: _Alternate(address(code)) for code in languages}  # type: ignore[attr-defined]
    file.locale = file.locale_alternate_of = lang  # type: ignore[attr-defined]
    file.localization = None if lang == default else lang  # type: ignore[attr-defined]
    file.norm_src_uri = item.src_uri  # type: ignore[attr-defined]
    return file


def _languages(config: MkDocsConfig) -> list[str]:
    i18n = config.plugins.get("i18n")
    return list(getattr(i18n, "build_languages", None) or ["zh"])


def _default_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return str(getattr(i18n, "default_language", None) or "zh")


def _escape(text: str) -> str:
    """HTML-escaped once, as Markup so the theme's own `| e` keeps it as it is. Quotes as the
    named entity: Shuniu's search worker decodes that one when it reads titles and tags."""
    return Markup(str(escape_markup(text)).replace("&#34;", "&quot;"))  # noqa: S704 - escaped just now


@event_priority(-200)  # after mkdocs-static-i18n has arranged the nav for this language
def on_nav(nav: Navigation, config: MkDocsConfig, files: Any) -> Navigation:
    lang = language(config)
    _arrange(nav.items, lang)
    nav.items.sort(key=_top_position)
    _relink(list(_menu_pages(nav.items)))
    for page in nav.pages:
        if not _in_nav(page):  # reached through links only: no footer neighbours of its own
            page.previous_page = page.next_page = None
    return nav


def _menu_pages(items: list[Any]) -> Iterator[Any]:
    """The pages the menus show, top to bottom (MkDocs' own list follows the file names)."""
    for item in items:
        if isinstance(item, Section):
            yield from _menu_pages(item.children)
        elif isinstance(item, MkPage) and _in_nav(item):
            yield item


def _top_position(item: Any) -> int:
    """Home first, then the sections in reading order, then other top-level pages and folders."""
    if not isinstance(item, Section):
        return 0 if getattr(getattr(item, "file", None), "name", "") == "index" else len(SECTION_ORDER) + 1
    return 1 + SECTION_ORDER.index(_folder(item)) if _folder(item) in SECTION_ORDER else len(SECTION_ORDER) + 2


def _in_nav(page: Any) -> bool:
    generated = _State.generated.get(getattr(getattr(page, "file", None), "src_uri", ""))
    return generated is None or generated.in_nav


def _relink(pages: list[Any]) -> None:
    """Previous/next links (the page footer) over the pages the menus show."""
    for i, page in enumerate(pages):
        page.previous_page = pages[i - 1] if i > 0 else None
        page.next_page = pages[i + 1] if i + 1 < len(pages) else None


def _arrange(items: list[Any], lang: str) -> None:
    """Name each section after its index page's title, and order each section's pages."""
    for item in items:
        if isinstance(item, Section):
            index = next((c for c in item.children if isinstance(c, MkPage) and c.file.name == "index"), None)
            title = _title(index.file.src_uri, lang) if index is not None else ""
            # The theme prints section titles unescaped; Markup (escaped once) survives its `| e`.
            item.title = _escape(title) if title else item.title
            item.children = _grouped(item, sorted((c for c in item.children if _in_nav(c)),
                                                  key=lambda child: _weight(child, lang)), lang)
            _arrange(item.children, lang)


def _grouped(section: Section, children: list[Any], lang: str) -> list[Any]:
    """A large folder's ordinary pages (weight 50) under their subjects; the pages that lead the
    menu (index, players) and what follows them keep their places (shuniu.render.menu_groups)."""
    ordinary = [c for c in children if isinstance(c, MkPage) and _weight(c, lang)[:2] == (1, 50)]
    groups = menu_groups(ordinary, lambda page: _subject(page, lang), lang)
    if groups is None:
        return children
    made: list[Any] = []
    for label, pages in groups:
        group = Section(_escape(label), list[Any](pages))
        group.parent = section
        for page in pages:
            page.parent = group
        made.append(group)
    at = children.index(ordinary[0])  # the ordinary pages sort together: what comes before them leads
    grouped = {id(page) for page in ordinary}
    rest = [c for c in children if id(c) not in grouped]
    return rest[:at] + made + rest[at:]


def _subject(page: MkPage, lang: str) -> str:
    """A page's first tag (a bank page's: its bank's), in the site's language where the term list has it."""
    src_uri = page.file.src_uri
    generated = _State.generated.get(src_uri)
    written = _State.content.page(src_uri, lang) if generated is None else None
    tag = generated.menu_group if generated is not None else (written.meta.tags[0] if written and written.meta.tags else "")
    return (english_title(_State.content, tag, lang) if tag else None) or tag


def _title(src_uri: str, lang: str) -> str:
    page = _State.content.page(src_uri, lang)
    if page is not None:
        return page.meta.title
    generated = _State.generated.get(src_uri)
    return generated.title if generated else ""


def _weight(item: Any, lang: str) -> tuple[int, int, Any]:
    """Index page first, then pages by weight, then in the section index's reading order (written
    pages) or by title (generated ones), then subsections."""
    if isinstance(item, Section):
        return (2, 0, ())
    file = getattr(item, "file", None)
    if file is not None and file.name == "index":
        return (0, 0, ())
    src_uri = getattr(file, "src_uri", "")
    generated = _State.generated.get(src_uri)
    if generated is not None:
        return (1, generated.nav_weight, (0, "", sort_key(generated.title)))
    page = _State.content.page(src_uri, lang)
    return (1, 50, reading_order(page) if page is not None else (0, "", sort_key(str(item.title or ""))))


def _folder(item: Section) -> str:
    first = item.children[0] if item.children else None
    return str(getattr(getattr(first, "file", None), "src_uri", "")).split("/", 1)[0]


def on_page_markdown(markdown: str, page: MkPage, config: MkDocsConfig, files: Any) -> str:
    lang = language(config)
    # MkDocs' templates print title and description unescaped: hand them over escaped, as Markup
    # so the theme's own `| e` does not escape them twice.
    escape_theme_fields(page.meta, _escape)
    generated = _State.generated.get(page.file.src_uri)
    if generated is not None and generated.chinese_only:
        # Chinese data shown on another language's site (bank questions, glossary terms): the one
        # shared search index lists such a page once, from the Chinese site.
        page.meta["search"] = {"exclude": True}
    content_page = _State.content.page(page.file.src_uri)
    if content_page is None:
        if generated is not None and generated.chinese_only:
            page.meta["status"] = nav_status(deprecated=False, chinese_only=True)
            _title_in(page, lang)
            return chinese_only_notice() + markdown
        return markdown
    shown = _State.content.page(content_page.base_src, lang) or content_page
    if shown.lang != lang:
        # A page with no translation is shown as-is on the other language's site; indexing that
        # copy too would list every such page twice in the one shared search index.
        page.meta["search"] = {"exclude": True}
    if excluded_from_search(shown):  # superseded and repealed pages: readable, never found by search
        page.meta["search"] = {"exclude": True}
    # Material reads `status` as its own nav badge: no longer in force, Chinese only, or both.
    page.meta.pop("status", None)
    deprecated = not shown.meta.status.is_current and shown.meta.status.value != "draft"
    status = nav_status(deprecated=deprecated, chinese_only=is_chinese_only(shown.lang, lang))
    if status:
        page.meta["status"] = status
    if is_chinese_only(shown.lang, lang):
        _title_in(page, lang)
        # Its English copy is a marked page of its own that leads to the Chinese one, not the
        # Chinese text a second time (a full render for nobody who reads English; issue #17).
        return chinese_only_stub(shown)
    return compose_markdown(_State.content, shown, markdown, lang, today())


def on_page_content(html: str, page: MkPage, config: MkDocsConfig, files: Any) -> str:
    # Generated HTML kept out of Markdown's way (shuniu/render/raw_html.py) goes back in; MkDocs
    # learns its anchors, so links to #step-… are checked as before.
    html, ids = restored(html)
    if ids and page.present_anchor_ids is not None:
        page.present_anchor_ids |= ids
    return html


@functools.lru_cache(maxsize=2)
def _theme_scripts(theme_dirs: tuple[str, ...]) -> tuple[Any, ...]:
    return theme_script_patterns(theme_templates(theme_dirs))


def _with_policy(output: str, where: str, config: MkDocsConfig) -> str:
    html, refused = with_policy(output, _theme_scripts(tuple(config.theme.dirs)))
    if refused:
        snippet = " ".join(refused[0].split())[:80]
        raise PluginError(f"{where}: holds an inline script the theme did not write, refused by the "
                          f"page's Content-Security-Policy: <script>{snippet}")
    return html


@event_priority(-500)  # last: the policy hashes the inline scripts in the page as written
def on_post_page(output: str, page: MkPage, config: MkDocsConfig) -> str:
    # Versioned asset addresses: a new release is never hidden by a cached script or style sheet.
    versions = _State.asset_versions
    if versions is None or versions.site_dir != Path(config.site_dir):
        versions = _State.asset_versions = AssetVersions(Path(config.site_dir))
    return _with_policy(versions.apply(_without_alternate_links(output), page.file.dest_uri), page.file.src_uri, config)


@event_priority(-500)
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    # Theme templates written as pages of their own (404.html) get the policy too.
    if not template_name.endswith(".html"):
        return output
    return _with_policy(_without_alternate_links(output), template_name, config)


def _title_in(page: MkPage, lang: str) -> None:
    """A Chinese-only page keeps its Chinese text but takes its English title from the term list."""
    title = english_title(_State.content, html.unescape(str(page.meta.get("title", ""))), lang)
    if title:
        page.meta["title"] = _escape(title)  # escaped like every title the theme prints


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    # The quiz player's sources live in the package, outside docs/: rebuild when they change too.
    server.watch(str(WEB_SOURCES))
    return server


_shown_html: dict[int, str] = {}  # a page's HTML while the search plugin reads a copy without chrome
_own_settings: dict[int, Any] = {}  # a page's own search settings while the plugin is told to skip it


def on_pre_build(config: MkDocsConfig) -> None:
    search, cache = config.plugins.get("material/search"), _State.search_cache
    _State.search_background = None
    if search is not None and cache is not None:
        # Material's own index class makes the entries, with the site's words in jieba.
        index_class: Any = type(search.search_index)
        index = functools.partial(index_class, **dict(search.search_index.config))
        _State.search_background = BackgroundIndex(index, functools.partial(use_user_dict, _State.user_dict))


@event_priority(100)  # before the search plugin (0) indexes the page
def _hide_chrome_from_search(context: Any, page: MkPage, config: MkDocsConfig, nav: Any) -> Any:
    # Generated chrome (the status block, history, flow diagram) is not searched; the page shows it unchanged.
    _shown_html[id(page)] = page.content or ""
    page.content = exclude_chrome(page.content or "")
    _index_elsewhere(page, config)
    return context


@event_priority(-100)  # after the search plugin has indexed the page, before the page is rendered
def _restore_chrome(context: Any, page: MkPage, config: MkDocsConfig, nav: Any) -> Any:
    page.content = _shown_html.pop(id(page), page.content)
    if id(page) in _own_settings:
        settings = _own_settings.pop(id(page))
        if settings is None:
            page.meta.pop("search", None)
        else:
            page.meta["search"] = settings
    return context


def _index_elsewhere(page: MkPage, config: MkDocsConfig) -> None:
    """The page's entries from the cache when an earlier build made them of the same page, else
    made in another process (shuniu.search.background); Material's plugin skips the page (it reads
    ``search.exclude`` before anything else). Both give the entries Material would make, in its order."""
    search, cache = config.plugins.get("material/search"), _State.search_cache
    settings = page.meta.get("search")
    if search is None or cache is None or (settings or {}).get("exclude"):
        return
    # What Material's entries are made of besides the HTML (the heading ids in page.toc only
    # repeat the HTML's ids: Material makes the same address either way).
    fields = [page.url, str(page.meta.get("title", page.title)), page.meta.get("tags"), settings]
    key = cache.key(fields, page.content or "")
    entries = cache.get(key)
    if entries is not None:
        search.search_index.entries.extend(entries)
    elif _State.search_background is not None:
        read = {name: page.meta[name] for name in ("search", "tags", "title") if name in page.meta}
        text = PageText(page.url, page.title, read, page.content or "", page.toc)
        _State.search_background.add(search.search_index.entries, text, functools.partial(cache.put, key))
    # else: the preview renders a page again outside a build; no index is written then.
    _own_settings[id(page)] = settings
    page.meta["search"] = {**(settings or {}), "exclude": True}
    page.content = ""  # nothing for the plugin to read (or clean of its marks): _restore_chrome puts it back


on_page_context = CombinedEvent(_hide_chrome_from_search, _restore_chrome)


@event_priority(50)  # before the search plugin (0) writes this language's index
def _place_search_entries(config: MkDocsConfig) -> None:
    if _State.search_background is not None:
        _State.search_background.finish()
        _State.search_background = None


@event_priority(-300)  # after mkdocs-static-i18n (-100) has merged every language's search entries
def _publish_search(config: MkDocsConfig) -> None:
    # mkdocs-static-i18n builds the other languages inside the first one's on_post_build (it is
    # `building` meanwhile), so this runs once a language: the site is whole only the last time.
    if getattr(config.plugins.get("i18n"), "building", False):
        return
    cache = _State.search_cache  # there is one whenever Material's search plugin is
    if cache is not None:
        # Material's offline plugin inlines the search index for file:// use, but it does so before
        # i18n merges the languages; Shuniu's search worker also needs its word data in the index.
        words = read_words(_State.root, _State.content, Problems())  # checked in on_config already
        generated = _State.default_generated
        secondary = secondary_pages(_State.content, generated)
        chinese_only = pages_without_copies(generated.values())
        inline = config.plugins.get("material/offline") is not None
        # Worked out where jieba is loaded already (shuniu.search.background), unless the cache has it.
        vocabulary_of = kept_vocabulary(cache.root, cache.salt,
                                        functools.partial(run_elsewhere, site_vocabulary, _State.user_dict))
        publish(Path(config.site_dir), words, secondary, dictionary_terms(_State.content), inline, vocabulary_of,
                chinese_only)
        cache.save()
    _write_late_files(Path(config.site_dir), _default_language(config))


on_post_build = CombinedEvent(_place_search_entries, _publish_search)


def _write_late_files(site_dir: Path, lang: str) -> None:
    """Files no page needed while it was built (bank downloads), made after the pages: one copy
    at the site root."""
    for item in generate(_State.content, lang, today(), late=True):
        if not isinstance(item, GeneratedPage):
            target = site_dir / item.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(item.data)
