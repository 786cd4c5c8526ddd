"""The search index as the browser worker reads it, rewritten after Material and i18n wrote it.

Material's search plugin writes site/search/search_index.json (and, with the offline plugin,
search_index.js for file:// pages). The build then adds ``config.shuniu``, what the worker knows
about words: the site's vocabulary (jieba's search mode, so a compound's parts are words too),
the synonym list, the ignored question words and the pages to rank last. Material passes
``config`` to its worker untouched, so this reaches the worker from http:// and file:// alike.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from shuniu.generated import GeneratedPage
from shuniu.model import DEFAULT_LANG, LANGS, Content, Section
from shuniu.search.words import SearchWords

HAN_WORD = re.compile("^[\u3400-\u4dbf\u4e00-\u9fff]{2,12}$")
_TAG = re.compile(r"<[^>]+>")
_HAN_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]+")  # between Material's zero-width spaces: one jieba word

# Generated chrome left out of the search text: the document-control block at the top of each page,
# its change history, a procedure's flow diagram (it repeats the step names), the checklist button
# and "next step" links. Matched by class, so a change of wording never lets them back in.
CHROME_CLASSES = ("shuniu-meta", "shuniu-history", "shuniu-flow", "shuniu-checklist-link", "shuniu-step__next")
_CHROME_NAMES = "|".join(re.escape(c) for c in CHROME_CLASSES)
_CLASS_ATTR = rf"\bclass=\"(?:[^\"]*\s)?(?:{_CHROME_NAMES})(?:\s[^\"]*)?\""  # one of them among the classes
_CHROME_TAG = re.compile(rf"<(?P<tag>[a-z][a-z0-9]*)(?P<attrs>\s[^>]*{_CLASS_ATTR}[^>]*)>")
_BUTTON_PARAGRAPH = re.compile(r"<p>(?=\s*<a\b[^>]*\bshuniu-checklist-link\b)")


def exclude_chrome(html: str) -> str:
    """``html`` with generated chrome marked ``data-search-exclude`` (Material's search skips it)."""
    html = _BUTTON_PARAGRAPH.sub("<p data-search-exclude>", html)
    return _CHROME_TAG.sub(lambda m: f"<{m['tag']} data-search-exclude{m['attrs']}>", html)


def vocabulary(texts: Iterable[str], known: Iterable[str]) -> list[str]:
    """Words of two or more Chinese characters: jieba's words in ``texts`` (Material's search
    plugin has already cut them: its zero-width spaces separate jieba's words), ``known`` words,
    and, as jieba's search mode does, the two- and three-character parts of each word that are
    words of jieba's dictionary (督查督办 -> 督查, 督办). Reusing Material's cut keeps this fast:
    only the distinct words are looked at."""
    import jieba

    jieba.dt.check_initialized()
    dictionary = jieba.dt.FREQ
    found = {w for text in texts for w in _HAN_RUN.findall(text)} | set(known)
    words = {w for w in found if HAN_WORD.match(w)}
    for word in list(words):
        for size in (2, 3):
            words.update(word[i:i + size] for i in range(len(word) - size + 1)
                         if size < len(word) and dictionary.get(word[i:i + size]))
    return sorted(words)


Vocabulary = Callable[[Iterable[str], Iterable[str]], list[str]]  # vocabulary(), or one that remembers


def rewrite_index(data: dict[str, Any], words: SearchWords, secondary: Iterable[str], known: Iterable[str],
                  vocabulary_of: Vocabulary = vocabulary, chinese_only: Iterable[str] = ()) -> dict[str, Any]:
    """The index with ``config.shuniu`` for the worker.

    The zero-width spaces Material puts between jieba's words stay: Material's own worker needs
    them (it is what search falls back to, and what `make search-quality` compares with); Shuniu's
    worker removes them from everything it shows.
    """
    docs = data.get("docs", [])
    texts = (_TAG.sub(" ", f"{doc.get('title', '')}\u200b{doc.get('text', '')}") for doc in docs
             if not str(doc.get("location", "")).startswith("en/"))
    data.setdefault("config", {})["shuniu"] = {
        "vocabulary": vocabulary_of(texts, set(known) | words.words()),
        "synonyms": words.synonyms,
        "ignore": words.ignore,
        "secondary": sorted(set(secondary)),
        "chinese_only": sorted(set(chinese_only)),  # Chinese pages with no en/ copy: listed as they are
    }
    return data


def publish(site_dir: Path, words: SearchWords, secondary: Iterable[str], known: Iterable[str], inline: bool,
            vocabulary_of: Vocabulary = vocabulary, chinese_only: Iterable[str] = ()) -> None:
    """Rewrite site/search/search_index.json, and search_index.js (``inline``: for file:// pages)."""
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return
    data = rewrite_index(json.loads(index.read_text(encoding="utf-8")), words, secondary, known, vocabulary_of,
                         chinese_only)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    index.write_text(text, encoding="utf-8")
    if inline:
        index.with_suffix(".js").write_text("var __index = " + text, encoding="utf-8")


def secondary_pages(content: Content, generated_sources: Iterable[str]) -> set[str]:
    """Site paths of pages that never crowd out an answer: generated pages (glossary, checklists,
    banks, plans, review list), section and home indexes, and pages outside the content sections
    (the maintainers' guide)."""
    sources = set(generated_sources)
    sources |= {p.base_src for p in content.pages if p.is_index or p.section is Section.OTHER}
    paths = {source.removesuffix(".md") + ".html" for source in sources}
    # English generated pages are indexed under their own en/ address (those in Chinese only are not).
    return paths | {f"{lang}/{path}" for lang in LANGS if lang != DEFAULT_LANG for path in paths}


def pages_without_copies(generated: Iterable[GeneratedPage]) -> set[str]:
    """Site paths of generated Chinese pages that have no copy in another language (a bank with no
    English version): the English site's search lists them under their own address."""
    return {page.src_uri.removesuffix(".md") + ".html" for page in generated if page.elsewhere}
