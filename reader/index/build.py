"""Bringing the index up to date with folders of articles: only what changed is read again.

A start compares each file's size and modification time with what the index holds; new and
changed files are read and extracted (in worker processes with ``jobs`` > 1), removed ones
dropped, and a file that only moved (same text under another name) keeps its rows under the
new path without being extracted again. Rows are written in batches, each in one transaction,
so that a second process indexing the same folder waits its turn and never sees half a batch.
"""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.article import ArticleError, iter_article_files, load_article
from reader.article.decode import decode_bytes
from reader.article.load import content_hash, read_source
from reader.index.names import name_key, surname_of

#: Articles written per transaction.
BATCH = 50


@dataclass
class Update:
    """What one update did: counts, and a line for each file that could not be read."""

    added: int = 0
    changed: int = 0
    moved: int = 0
    removed: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [
            f"{self.added} added",
            f"{self.changed} changed",
            f"{self.moved} moved",
            f"{self.removed} removed",
            f"{self.unchanged} unchanged",
        ]
        if self.problems:
            parts.append(f"{len(self.problems)} skipped")
        return ", ".join(parts)


Progress = Callable[[int, int], None]


def update(
    conn: sqlite3.Connection,
    roots: Iterable[Path],
    *,
    jobs: int = 1,
    background: bool = False,
    progress: Progress | None = None,
) -> Update:
    """Index every article under ``roots`` (files or folders) that is new or changed since the
    last update, and forget those that are gone.

    Extraction runs in ``jobs`` worker processes when ``jobs`` > 1, else in this one;
    ``background`` runs those processes at a low priority, so that they only use what the
    reader leaves idle."""
    done = Update()
    roots = [Path(os.path.abspath(root)) for root in roots]
    seen: dict[str, os.stat_result] = {}
    for root in roots:
        for path in _files(root, done.problems):
            try:
                seen[str(path)] = path.stat()
            except OSError as error:
                done.problems.append(f"{path}: {(error.strerror or str(error)).lower()}")
    known = {
        row[0]: row[1:]
        for row in conn.execute("SELECT path, size, mtime_ns, hash, id FROM articles")
        if any(_under(row[0], root) for root in roots)
    }
    todo = [
        path
        for path, st in seen.items()
        if path not in known or known[path][:2] != (st.st_size, st.st_mtime_ns)
    ]
    done.unchanged = len(seen) - len(todo)
    gone = {path: known[path] for path in known if path not in seen}
    gone_by_hash = {row[2]: path for path, row in gone.items()}
    fresh: list[str] = []
    for path in todo:  # a moved file keeps its rows: read, hashed, never extracted again
        old = gone_by_hash.get(_hash(path) or "") if path not in known else None
        if old is not None:
            st = seen[path]
            _write(conn, lambda c, o=old, p=path, s=st: _move(c, o, p, s))
            del gone[old]
            del gone_by_hash[known[old][2]]
            done.moved += 1
        else:
            fresh.append(path)
    if gone:
        ids = [row[3] for row in gone.values()]
        _write(conn, lambda c: _forget(c, ids))
        done.removed = len(gone)
    batch: list[dict[str, Any]] = []
    for count, outcome in enumerate(_extracted(fresh, jobs, background), start=1):
        if isinstance(outcome, str):
            done.problems.append(outcome)
        else:
            outcome["stat"] = seen[outcome["path"]]
            if outcome["path"] in known:
                done.changed += 1
            else:
                done.added += 1
            batch.append(outcome)
        if len(batch) >= BATCH:
            _write(conn, lambda c, b=batch: _store(c, b))
            batch = []
        if progress is not None:
            progress(count, len(fresh))
    if batch:
        _write(conn, lambda c: _store(c, batch))
    # The log of this update into the file itself, so that the index is one file between runs.
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return done


def _files(root: Path, problems: list[str]) -> Iterator[Path]:
    if root.is_file():
        yield root
        return
    if not root.exists():
        problems.append(f"{root}: no such file or folder")
        return

    def report(path: object, problem: str) -> None:
        problems.append(f"{path}: {problem}")

    for path in iter_article_files(root, on_error=report):
        yield Path(os.path.abspath(path))


def _under(path: str, root: Path) -> bool:
    text = str(root)
    return path == text or path.startswith(text.rstrip(os.sep) + os.sep)


def _hash(path: str) -> str | None:
    try:
        data, source = read_source(path)
        return content_hash(decode_bytes(data, source).replace("\r\n", "\n").replace("\r", "\n"))
    except ArticleError:
        return None


def index_one(path: str) -> dict[str, Any] | str:
    """What the index keeps of one article (or the line saying why it cannot be read). Runs in
    a worker process under ``jobs`` > 1: it is sent a path and sends back plain data."""
    from reader.extract.report import article_report

    try:
        article = load_article(path)
    except ArticleError as error:
        return str(error)
    report = article_report(article)
    return {
        "path": path,
        "hash": article.content_hash,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "dateline": article.dateline,
        "site": article.site,
        "url": article.url,
        "words": article.words,
        "format": article.format,
        "body": article.prose,
        "report": report,
    }


def _extracted(paths: list[str], jobs: int, background: bool) -> Iterator[dict[str, Any] | str]:
    if not paths:
        return
    if jobs <= 1 or len(paths) < 2:
        for path in paths:
            yield index_one(path)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Started afresh, not forked: a fork copies the locks of any other thread in whatever
    # state they are in.
    context = multiprocessing.get_context("spawn")
    initializer = _lower_priority if background else None
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=initializer) as pool:
        yield from pool.map(index_one, paths, chunksize=4)


def _lower_priority() -> None:
    """In a background worker: yield the processor to everything else."""
    with suppress(OSError, AttributeError):
        os.nice(10)


def _write(conn: sqlite3.Connection, change: Callable[[sqlite3.Connection], object]) -> None:
    """One change in one transaction: whole or not at all."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        change(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def pack_report(report: dict[str, Any]) -> bytes:
    """A report as kept: JSON, compressed (it is the largest part of an article's rows)."""
    return zlib.compress(json.dumps(report, ensure_ascii=False).encode("utf-8"), 6)


def unpack_report(blob: bytes) -> dict[str, Any]:
    return json.loads(zlib.decompress(blob))


def _span(quote: dict[str, Any]) -> tuple[object, ...]:
    return quote["start"], quote["end"], quote["text"], quote["cue"]


def _forget(conn: sqlite3.Connection, ids: list[int]) -> None:
    conn.executemany("DELETE FROM texts WHERE rowid = ?", [(i,) for i in ids])
    conn.executemany("DELETE FROM articles WHERE id = ?", [(i,) for i in ids])


def _move(conn: sqlite3.Connection, old: str, new: str, st: os.stat_result) -> None:
    conn.execute(
        "UPDATE articles SET path = ?, size = ?, mtime_ns = ? WHERE path = ?",
        (new, st.st_size, st.st_mtime_ns, old),
    )


def _store(conn: sqlite3.Connection, batch: list[dict[str, Any]]) -> None:
    for item in batch:
        old = conn.execute("SELECT id FROM articles WHERE path = ?", (item["path"],)).fetchone()
        if old is not None:
            conn.execute("DELETE FROM texts WHERE rowid = ?", old)
            conn.execute("DELETE FROM articles WHERE id = ?", old)
        report = item["report"]
        st = item["stat"]
        cursor = conn.execute(
            "INSERT INTO articles (path, size, mtime_ns, hash, title, date, dateline, site, url,"
            " words, format, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                item["path"],
                st.st_size,
                st.st_mtime_ns,
                item["hash"],
                item["title"],
                item["date"],
                item["dateline"],
                item["site"],
                item["url"],
                item["words"],
                item["format"],
                pack_report(report),
            ),
        )
        article = cursor.lastrowid
        conn.execute(
            "INSERT INTO texts (rowid, title, body) VALUES (?, ?, ?)",
            (article, item["title"], item["body"]),
        )
        keys = [name_key(e["name"]) for e in report["entities"]]
        conn.executemany(
            "INSERT INTO entities (article, name, key, type, aliases, mentions, first, surname)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article,
                    e["name"],
                    key,
                    e["type"],
                    json.dumps(e["aliases"], ensure_ascii=False),
                    len(e["mentions"]),
                    e["mentions"][0]["start"] if e["mentions"] else 0,
                    surname_of(key, e["type"]),
                )
                for e, key in zip(report["entities"], keys, strict=True)
            ],
        )
        conn.executemany(
            "INSERT INTO quotes (article, speaker, key, start, end, text, cue)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (article, q["speaker"], name_key(q["speaker"]), *_span(q))
                for q in report["quotes"]
                if q["speaker"]
            ],
        )
