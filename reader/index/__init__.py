"""The library index: derived data about every article (SQLite, FTS5), rebuilt at will.

No Textual here. :func:`connect` opens (or makes) it; :func:`update` brings it up to date with
folders of articles; :func:`search` and :func:`who` answer questions across them.
"""

from __future__ import annotations

from reader.index.build import Update, update
from reader.index.database import IndexUnavailable, connect
from reader.index.names import name_key
from reader.index.queries import Hit, Who, search, who

__all__ = [
    "Hit",
    "IndexUnavailable",
    "Update",
    "Who",
    "connect",
    "name_key",
    "search",
    "update",
    "who",
]
