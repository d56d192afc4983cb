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

from reader.article.load import ARTICLE_EXTENSIONS, content_hash, load_article_facts
from reader.article.model import place_of


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


def summarize(path: str | os.PathLike[str]) -> ArticleSummary:
    """Summarise the article at ``path``; raises :class:`ArticleError` like ``load_article``.

    Made from the article's facts, which split no sentence but the one a derived title needs."""
    facts = load_article_facts(path)
    return ArticleSummary(
        path=facts.source,
        title=facts.title,
        date=facts.date,
        place=place_of(facts.dateline),
        words=facts.words,
        content_hash=content_hash(facts.text),
        format=facts.format,
        site=facts.site,
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
