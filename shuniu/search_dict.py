"""The jieba user dictionary for Chinese search: office terms kept whole when segmenting."""

from __future__ import annotations

import functools
import hashlib
import re
import tempfile
from importlib import resources
from pathlib import Path

from shuniu.model import Content
from shuniu.search.index import vocabulary

# jieba only joins runs of these characters into words (its re_han_default); a name with
# spaces or punctuation could never match, and a single character gains nothing.
_SEGMENTABLE = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]{2,}")


def dictionary_terms(content: Content) -> list[str]:
    """Office terms shipped with the package, then glossary terms and aliases, without duplicates."""
    shipped = resources.files("shuniu").joinpath("data/office_terms.txt").read_text(encoding="utf-8")
    terms = [line.split()[0] for line in shipped.splitlines() if line.strip() and not line.startswith("#")]
    terms += [name for term in content.glossary for name in term.names if _SEGMENTABLE.fullmatch(name)]
    return list(dict.fromkeys(terms))


def write_user_dict(root: Path, content: Content) -> Path:
    """Write the dictionary where jieba can read it; the path depends only on its text.

    The build hands it to jieba itself (:func:`use_user_dict`) rather than through Material's
    ``jieba_dict_user``, which would load jieba on every build, even one with nothing to cut.
    """
    text = "".join(f"{term} 2000 n\n" for term in dictionary_terms(content))
    digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]
    path = Path(tempfile.gettempdir()) / f"shuniu-jieba-{digest}.txt"
    if not path.exists():
        path.write_text(text, encoding="utf-8")
    return path


@functools.cache
def use_user_dict(path: Path) -> None:
    """Give jieba the dictionary at ``path``, once a process. Loading it loads jieba's own dictionary
    first (half a second), so the build calls this only when a page is cut afresh."""
    import jieba

    jieba.load_userdict(str(path))


def site_vocabulary(path: Path, texts: list[str], known: list[str]) -> list[str]:
    """:func:`shuniu.search.index.vocabulary` with the dictionary at ``path`` given to jieba first."""
    use_user_dict(path)
    return vocabulary(texts, known)
