"""How an article finds its document record: by resolved path, else by the content hash of a
file that has moved. Plain functions over TinyDB rows, shared by the writing and read-only paths.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from tinydb.table import Document

from .records import DocumentRecord, new_id

if TYPE_CHECKING:
    from reader.article.model import Article

#: ``Article.source`` values that mean "read from standard input": such text has no path.
STDIN_SOURCES = frozenset({"-", "<stdin>"})


def _newest(rows: Iterable[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    return max(rows, key=lambda row: str(row.get("last_opened", "")), default=None)


def find_document(rows: Iterable[Document], article: Article, path: str) -> Document | None:
    """The row of ``article`` (``path`` resolved, ``"-"`` for standard input), or None."""
    rows = list(rows)
    stdin = path == "-"
    found = None if stdin else _newest(r for r in rows if r.get("path") == path)
    if found is None:
        same = [r for r in rows if r.get("content_hash") == article.content_hash]
        if not stdin:  # a copy must not take over the original's document
            same = [r for r in same if not _file_exists(r.get("path"))]
        found = _newest(same)
    return found  # type: ignore[return-value]


def new_document(article: Article, path: str, now: str) -> DocumentRecord:
    return DocumentRecord(
        id=new_id(),
        path=path,
        title=article.title,
        content_hash=article.content_hash,
        position=0,
        last_opened=now,
        created=now,
    )


def opened(article: Article, path: str, now: str) -> dict[str, Any]:
    """The fields a document gets each time it is opened (text from stdin keeps its path)."""
    changes: dict[str, Any] = {
        "title": article.title,
        "content_hash": article.content_hash,
        "last_opened": now,
    }
    if path != "-":
        changes["path"] = path
    return changes


def _file_exists(path: object) -> bool:
    return isinstance(path, str) and path not in STDIN_SOURCES and os.path.isfile(path)
