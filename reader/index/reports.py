"""What ``reader extract`` prints for an article, read back from the index when the file is
unchanged since it was indexed (same size, same modification time), instead of extracting it
again. Read-only: a command that only reads never writes the index, and without an index (or
with one it cannot read) it simply extracts.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from reader.index.build import unpack_report
from reader.index.database import APPLICATION_ID, EXTRACTOR, SCHEMA_VERSION, extractor


def open_read_only(path: Path) -> sqlite3.Connection | None:
    """The index at ``path`` for reading, or None when there is none this version can read."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        app = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        made_by = extractor(conn)
    except (sqlite3.Error, OSError):
        return None
    if (app, version) != (APPLICATION_ID, SCHEMA_VERSION) or made_by != EXTRACTOR:
        conn.close()  # another reader's extraction: extracting again gives this one's
        return None
    return conn


def stored_report(conn: sqlite3.Connection, path: str) -> dict[str, Any] | None:
    """The report kept for the file at ``path``, if it has not changed since; else None."""
    absolute = os.path.abspath(path)
    try:
        st = os.stat(absolute)
        row = conn.execute(
            "SELECT size, mtime_ns, report FROM articles WHERE path = ?", (absolute,)
        ).fetchone()
    except (OSError, sqlite3.Error):
        return None
    if row is None or (row[0], row[1]) != (st.st_size, st.st_mtime_ns):
        return None
    try:
        return unpack_report(row[2])
    except (ValueError, TypeError, OSError):
        return None
