"""Saved copies of web articles: fetched once, kept as text files, read from then on.

A page changes, moves or goes away; highlights must not drift because of it, and a saved
article must read offline. So the first fetch writes the article (its text, and above it a
front-matter block with title, site, author, date and address) to ``articles/`` beside the
annotation file, one file per article, named from its site and title. That file is what opens,
what highlights anchor to, and what a refresh rewrites (and re-anchors against).
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import tempfile
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from reader.article.errors import ArticleError
from reader.article.front_matter import MAX_BLOCK, read_front_matter, write_front_matter
from reader.article.model import Article
from reader.sources.web import Fetched, fetch, is_url

#: Longest file name made from a site and a title (before ``.txt`` and any ``-2``).
MAX_NAME = 80
_NOT_NAME = re.compile(r"[^a-z0-9]+")


class SavedArticles:
    """The folder of saved copies: find the copy of an address, save one, refresh one."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def find(self, url: str) -> Path | None:
        """The saved copy of ``url`` (the address asked for, or the page's own), or None."""
        if not self.folder.is_dir():
            return None
        wanted = _same_address(url)
        for path in sorted(self.folder.glob("*.txt")):
            if wanted in self._addresses(path):
                return path
        return None

    def _addresses(self, path: Path) -> set[str]:
        fields = _front_fields(path)
        return {_same_address(fields[k]) for k in ("url", "source") if fields.get(k)}

    def open(self, url: str, *, refresh: bool = False, offline: bool = False) -> Path:
        """The saved copy of ``url``, fetched and saved first when there is none (or when
        ``refresh``). ``offline`` never touches the network."""
        found = self.find(url)
        if found is not None and not refresh:
            return found
        if offline:
            raise ArticleError(url, "not saved yet, and the network is off (--offline)")
        return self.save(fetch(url), into=found)

    def refresh(self, path: Path) -> Path:
        """Fetch the page of the saved copy at ``path`` again (from the address it was fetched
        from) and rewrite the copy with its new text."""
        url = _front_fields(path).get("source") or _front_fields(path).get("url")
        if not url:
            raise ArticleError(str(path), "not a saved web article (it names no address)")
        return self.save(fetch(url), into=path)

    def article(self, url: str, *, offline: bool = False) -> Article:
        """The article at ``url`` without saving anything: the saved copy if there is one,
        else the page as fetched now (for read-only commands such as ``reader extract``)."""
        from reader.article import load_article

        found = self.find(url)
        if found is not None:
            return load_article(found)
        if offline:
            raise ArticleError(url, "not saved yet, and the network is off (--offline)")
        return page_article(fetch(url))

    def save(self, page: Fetched, *, into: Path | None = None) -> Path:
        """Extract the article of ``page`` and write its saved copy (``into`` an existing one,
        on a refresh); the page is read in full before anything is written."""
        article = page_article(page)
        text = saved_text(article, page)
        path = into or self._new_path(article)
        _write_atomic(path, text)
        return path

    def _new_path(self, article: Article) -> Path:
        stem = file_stem(article.site, article.title)
        path = self.folder / f"{stem}.txt"
        n = 2
        while path.exists():
            path = self.folder / f"{stem}-{n}.txt"
            n += 1
        return path


def _front_fields(path: Path) -> Mapping[str, str]:
    """The front-matter values of the file at ``path`` (none when it has no block)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            head = f.read(MAX_BLOCK)
    except OSError:
        return {}
    front = read_front_matter(head)
    return front.fields if front is not None else {}


def page_article(page: Fetched) -> Article:
    """The article of a fetched page (its text, or an :class:`ArticleError` naming it)."""
    from reader.article.load import parse_article

    fmt = None if page.content_type == "text/plain" else "html"
    return parse_article(page.text, source=page.url, fmt=fmt, url=page.final_url)


def saved_text(article: Article, page: Fetched) -> str:
    """A saved copy's text: the front matter, then the article's text (its paragraphs, a blank
    line between two)."""
    url = article.url or page.final_url
    fields = {
        "title": article.title,
        "site": article.site,
        "author": article.author,
        "date": article.date.isoformat() if article.date else None,
        "url": url,
        # asked for by another address (a short link, a redirect): found by that one too
        "source": page.url if _same_address(page.url) != _same_address(url) else None,
        "fetched": _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "headings": ", ".join(str(i) for i, p in enumerate(article.paragraphs) if p.heading),
    }
    body = article.text[article.body_start :] if article.format != "html" else article.text
    return write_front_matter(fields) + body.strip() + "\n"


def file_stem(site: str | None, title: str) -> str:
    """``site-title`` in lower-case ASCII letters, digits and hyphens, at most MAX_NAME long."""
    words = f"{site or ''} {title}"
    ascii_only = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode()
    stem = _NOT_NAME.sub("-", ascii_only.lower()).strip("-")[:MAX_NAME].rstrip("-")
    return stem or "article"


def _same_address(url: str) -> str:
    """An address as compared: without a fragment or a trailing slash, scheme and host in lower
    case."""
    url = url.split("#", 1)[0].strip()
    scheme, sep, rest = url.partition("://")
    host, slash, path = rest.partition("/")
    return f"{scheme.lower()}{sep}{host.lower()}{slash}{path}".rstrip("/")


def _write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (a temporary file, then a rename)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".saving-", suffix=".txt")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        problem = (error.strerror or str(error)).lower()
        raise ArticleError(str(path), f"cannot save the article ({problem})") from error


__all__ = ["SavedArticles", "file_stem", "is_url", "page_article", "saved_text"]
