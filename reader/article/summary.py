"""What a library view needs about each article, and the folder walk that finds them.

A folder may hold thousands of articles, so the walk streams (``os.scandir``, one folder at a time)
and a summary skips the per-sentence work that only the reading pane needs.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.article.decode import decode_bytes
from reader.article.load import (
    ARTICLE_EXTENSIONS,
    content_hash,
    count_words,
    derive_title,
    format_for_path,
    paragraph_spans,
    parse_article,
    read_source,
    sniff_format,
)
from reader.article.newswire import parse_header
from reader.article.sentences import split_sentences


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One line of the library: enough to list, sort and identify an article without opening it."""

    path: str
    title: str
    date: _dt.date | None
    place: str | None
    words: int
    content_hash: str
    format: str
    #: The site a web article was saved from (or a page names as its own).
    site: str | None = None


def place_of(dateline: str | None) -> str | None:
    """A dateline in reading case (``BERGEN, Norway`` → ``Bergen, Norway``), as the list shows
    it."""
    if not dateline:
        return None
    parts = [p.strip() for p in dateline.split(",")]
    return ", ".join(p.title() if p.isupper() else p for p in parts)


def summarize(path: str | os.PathLike[str]) -> ArticleSummary:
    """Summarise the article at ``path``; raises :class:`ArticleError` like ``load_article``."""
    data, source = read_source(path)
    text = decode_bytes(data, source)
    fmt = format_for_path(source) if source != "-" else None
    if fmt is None:
        fmt = sniff_format(text)
    if fmt in ("newswire", "text") and not text.startswith("---"):  # no saved copy's block
        # Same result as parse_article, but only the first paragraph is split into sentences.
        text = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
        header = parse_header(text, wire=fmt == "newswire")
        spans = paragraph_spans(text, header.body_start, len(text))
        if spans:
            s, e = spans[0]
            title = header.title
            if not title:
                first = split_sentences(text, s, e)[0]
                title = derive_title(text[first.start : first.end])
            return ArticleSummary(
                path=source,
                title=title,
                date=header.date,
                place=place_of(header.dateline),
                words=count_words(text, s),
                content_hash=content_hash(text),
                format=fmt,
            )
    article = parse_article(text, source=source, fmt=fmt)
    return ArticleSummary(
        path=source,
        title=article.title,
        date=article.date,
        place=article.place,
        words=article.words,
        content_hash=article.content_hash,
        format=article.format,
        site=article.site,
    )


def _sort_key(entry: os.DirEntry[str]) -> tuple[str, str]:
    return (entry.name.casefold(), entry.name)


def iter_article_files(
    root: Path | str,
    on_error: Callable[[Path, str], None] | None = None,
) -> Iterator[Path]:
    """Article files under ``root``, depth first, sorted by name within each folder.

    Hidden files and folders (``.name``) are skipped, symlinked folders are followed once (loops
    are cut), and a folder that cannot be read is reported to ``on_error(path, problem)`` and
    skipped. A ``root`` that is itself a file is yielded as is.
    """
    root = Path(root)
    if root.is_file():
        yield root
        return
    seen: set[tuple[int, int]] = set()

    def report(path: Path, exc: OSError) -> None:
        if on_error is not None:
            problem = (
                "permission denied"
                if isinstance(exc, PermissionError)
                else (exc.strerror or str(exc)).lower()
            )
            on_error(path, problem)

    def walk(folder: Path) -> Iterator[Path]:
        try:
            st = folder.stat()
        except OSError as exc:
            report(folder, exc)
            return
        key = (st.st_dev, st.st_ino)
        if key in seen:
            return
        seen.add(key)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=_sort_key)
        except OSError as exc:
            report(folder, exc)
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
                is_file = not is_dir and entry.is_file()
            except OSError:
                continue
            path = Path(entry.path)
            if is_dir:
                yield from walk(path)
            elif is_file and path.suffix.lower() in ARTICLE_EXTENSIONS:
                yield path

    yield from walk(root)
