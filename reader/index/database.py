"""The library index: an SQLite file of what the reader knows about each article.

It holds derived data only — per article its path, size, modification time, content hash and
metadata, its entities and quotes, and its text for full-text search (FTS5) — so it may be
deleted at any time and is rebuilt. Highlights and notes never go here. A file that is not an
index of this version (damaged, foreign, from an older schema) is moved aside and a new one
made; a folder that cannot be written leaves the reader without an index, saying why once.
WAL mode lets readers read while one process writes; writers wait their turn.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from reader import __version__

#: Bumped whenever the tables change: an index of another version is rebuilt, never migrated.
SCHEMA_VERSION = 3
#: An application id in the file's header, so a foreign SQLite file is told from an index.
APPLICATION_ID = 0x52445258  # "RDRX"
#: Milliseconds a writer waits for another process's write to finish.
BUSY_MS = 30_000

SCHEMA = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT,
    dateline TEXT,
    site TEXT,
    url TEXT,
    words INTEGER NOT NULL,
    format TEXT NOT NULL,
    -- what ``reader extract`` prints for it, as zlib-compressed JSON
    report BLOB NOT NULL
);
-- what the library lists, in an index of its own: a folder's rows are read from it alone,
-- without the pages of the reports
CREATE INDEX articles_listed
    ON articles(path, size, mtime_ns, title, date, dateline, words, hash, format, site);
CREATE TABLE entities (
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    first INTEGER NOT NULL,
    -- a person's surname (the key's last word), so that "Keller" alone finds "anna keller"
    -- through an index instead of a look at every row
    surname TEXT
);
CREATE INDEX entities_by_key ON entities(key);
CREATE INDEX entities_by_surname ON entities(surname) WHERE surname IS NOT NULL;
CREATE INDEX entities_by_article ON entities(article);
CREATE TABLE quotes (
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker TEXT NOT NULL,
    key TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    cue TEXT
);
CREATE INDEX quotes_by_key ON quotes(key);
CREATE INDEX quotes_by_article ON quotes(article);
-- which reader made the rows: another one's extraction is not reused (see EXTRACTOR)
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE VIRTUAL TABLE texts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
"""


#: The extractor whose results the rows hold: an index made by another version is rebuilt,
#: since its entities and quotes may differ from what this one finds.
EXTRACTOR = f"reader {__version__}"


class IndexUnavailable(Exception):
    """The index cannot be used here (a folder that cannot be written, a full disk): the
    reader goes on without it. The message names the file and the problem."""


#: Times an index busy with another process's opening is tried again before going without it.
BUSY_TRIES = 5


def connect(path: Path) -> sqlite3.Connection:
    """The index at ``path``, made (or made again) as needed; :class:`IndexUnavailable` when it
    cannot be.

    Another process opening or writing the same index can make a read fail as busy for a moment
    (SQLite's busy wait does not cover every such case): that is tried again, and never taken for
    a damaged file, which would be moved aside under the other process's feet."""
    for tries in range(1, BUSY_TRIES + 1):
        try:
            return _connect(path)
        except sqlite3.OperationalError as error:
            if not _busy(error) or tries == BUSY_TRIES:
                raise IndexUnavailable(f"{path}: {_problem(error)}") from error
            time.sleep(0.1 * tries)
    raise AssertionError("unreachable")


def _busy(error: sqlite3.Error) -> bool:
    """Whether ``error`` is another connection's lock (SQLITE_BUSY, SQLITE_LOCKED)."""
    return getattr(error, "sqlite_errorcode", 0) & 0xFF in (
        sqlite3.SQLITE_BUSY,
        sqlite3.SQLITE_LOCKED,
    )


def _connect(path: Path) -> sqlite3.Connection:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = _open(path)
        if _version(conn) != (APPLICATION_ID, SCHEMA_VERSION) or extractor(conn) != EXTRACTOR:
            conn.close()
            _set_aside(path)
            conn = _open(path)
            _create(conn)
        return conn
    except sqlite3.DatabaseError as error:
        if _busy(error):
            raise  # not damage: tried again by connect()
        # Not a database at all ("file is not a database"), or damaged past reading its
        # header: it is derived data, so it goes and a new one takes its place.
        if not path.exists() or "readonly" in str(error) or "unable to open" in str(error):
            raise IndexUnavailable(f"{path}: {_problem(error)}") from error
        _set_aside(path)
        try:
            conn = _open(path)
            _create(conn)
            return conn
        except (sqlite3.Error, OSError) as again:
            raise IndexUnavailable(f"{path}: {_problem(again)}") from again
    except OSError as error:
        raise IndexUnavailable(f"{path}: {(error.strerror or str(error)).lower()}") from error


def _open(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=BUSY_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def _version(conn: sqlite3.Connection) -> tuple[int, int]:
    # One read transaction, so that the header and the tables are seen as of one moment: read
    # apart, another process's creation could fall between them and the index look foreign.
    conn.execute("BEGIN")
    try:
        (app,) = conn.execute("PRAGMA application_id").fetchone()
        (version,) = conn.execute("PRAGMA user_version").fetchone()
        tables = _tables(conn)
    finally:
        conn.execute("COMMIT")
    if app == 0 and version == 0 and not tables:
        _create(conn)  # a new, empty file
        return APPLICATION_ID, SCHEMA_VERSION
    return app, version


def extractor(conn: sqlite3.Connection) -> str | None:
    """The extractor that made the index's rows."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'extractor'").fetchone()
    except sqlite3.Error as error:
        if _busy(error):
            raise  # another process's lock says nothing of who made the rows
        return None
    return row[0] if row else None


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT name FROM sqlite_master")]


def _create(conn: sqlite3.Connection) -> None:
    """The tables, in one transaction (another process making them at the same moment wins,
    and this one finds them made)."""
    try:
        conn.executescript(
            "BEGIN IMMEDIATE;"
            + SCHEMA
            + f"PRAGMA application_id = {APPLICATION_ID};"
            + f"PRAGMA user_version = {SCHEMA_VERSION};"
            + f"INSERT INTO meta VALUES ('extractor', '{EXTRACTOR}');"
            + "COMMIT;"
        )
    except sqlite3.OperationalError as error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if "already exists" not in str(error):
            raise


def _set_aside(path: Path) -> None:
    """Move a file that is no index of ours out of the way (kept, in case it was something)."""
    aside = path.with_name(f"{path.name}.invalid-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}")
    path.replace(aside)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _problem(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text[:1].lower() + text[1:]
