"""Finding the library's articles: from the index when it knows the folders, else by walking
them and reading each file; what is found goes up in batches.

No Textual: the library screen runs :class:`LibraryScan` in a worker thread and turns what it
reports (``found``) into messages.
"""

from __future__ import annotations

import gc
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from reader.article import ArticleError, ArticleSummary, iter_article_files, summarize
from reader.store import AnnotationStore
from reader.ui.library_rows import NEW, READ, UNREAD, Entry

#: Files read directly before the library index is opened (and kept up to date): a folder of
#: fewer lists without it.
INDEX_AFTER = 32
#: Seconds between two batches of rows sent from the scanning worker to the table.
BATCH_SECONDS = 0.1
LATER_BATCH_SECONDS = 0.5


@dataclass(slots=True)
class Batch:
    """What the scan found since it last reported."""

    entries: list[Entry]
    problems: list[str]
    done: bool
    #: Every article the index holds: the whole list at once, before the check.
    listed: bool = False
    #: Articles listed that are no longer on disk.
    removed: list[str] = field(default_factory=list)
    #: With ``done``: whether the index is behind the folders (it should catch up).
    index_behind: bool = False


#: What the index holds of one file: its size and modification time then, and its summary.
Kept = tuple[int, int, ArticleSummary]


def _unchanged(kept: Kept, path: Path) -> bool:
    """Whether the file at ``path`` is as the index saw it (same size and time)."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    return (st.st_size, st.st_mtime_ns) == kept[:2]


def _from_index(indexed: dict[str, Kept], path: Path) -> ArticleSummary | None:
    """The indexed summary of ``path`` if the file is unchanged since it was indexed."""
    if not indexed:
        return None
    kept = indexed.get(os.path.abspath(path))
    if kept is None or not _unchanged(kept, path):
        return None
    return replace(kept[2], path=os.fspath(path))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a large library's rows are made: each of its passes
    walks every object alive, and making 100,000 rows would set off dozens of them (over
    half the time the rows took). Nothing made here is garbage to collect."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class Documents:
    """What the database knows of the articles listed: their highlights and read state.

    Looked up by path as the index and the walk give it (absolute); a path not found that way
    is resolved (symlinks) only when a known article has its file name, so that a library of
    100,000 articles never opened costs no resolving at all.
    """

    def __init__(self, store: AnnotationStore) -> None:
        self._by_path = {doc.path: doc for doc in store.documents()}
        self._names = {os.path.basename(path) for path in self._by_path}
        self._counts = store.annotation_counts()

    def entries(self, summaries: Iterable[ArticleSummary]) -> list[Entry]:
        by_path, names, counts = self._by_path, self._names, self._counts
        out = []
        for summary in summaries:
            path = summary.path
            doc = by_path.get(path) if by_path else None
            if doc is None and os.path.basename(path) in names:
                doc = by_path.get(os.path.realpath(path))
            if doc is None:
                out.append(Entry(summary, 0, NEW))
            else:
                out.append(Entry(summary, counts.get(doc.id, 0), READ if doc.is_read else UNREAD))
        return out


class LibraryScan:
    """One look through the library's folders; ``found`` hears of each batch."""

    def __init__(
        self,
        roots: list[Path],
        index: Path | None,
        store: AnnotationStore,
        found: Callable[[Batch], None],
    ) -> None:
        self.roots = roots
        self.index = index
        self.store = store
        self.found = found

    def run(self) -> None:
        """List the articles: at once from the index when it knows the folders (then look for
        what changed on disk), else by walking the folders and summarising each file; rows go
        up in timed batches."""
        self._documents = Documents(self.store)
        with collector_paused():
            indexed = self._indexed() if self.index is not None and self.index.exists() else {}
        if indexed:
            self._list_then_check(indexed)
        else:
            self._walk_and_read()

    def _list_then_check(self, indexed: dict[str, Kept]) -> None:
        """Every article the index holds, listed in one go; then the folders walked for files
        added, changed or removed since, which come up together as changes to the list (one
        refill of the table, not one per batch)."""
        with collector_paused():
            entries = self._documents.entries(summary for _, _, summary in indexed.values())
        self.found(Batch(entries, [], done=False, listed=True))
        found: list[Entry] = []
        problems: list[str] = []
        unchanged = 0

        def report(path: str, problem: str) -> None:
            problems.append(f"{path}: {problem}")

        seen: set[str] = set()
        for root in self.roots:
            files = [root] if root.is_file() else iter_article_files(root, on_error=report)
            for path in files:
                absolute = os.path.abspath(path)
                seen.add(absolute)
                kept = indexed.get(absolute)
                if kept is not None and _unchanged(kept, path):  # listed already, as it is
                    unchanged += 1
                    continue
                try:
                    summary = replace(summarize(path), path=absolute)
                except ArticleError as error:
                    problems.append(str(error))
                    continue
                found.extend(self._documents.entries([summary]))
        gone = [path for path in indexed if path not in seen]
        behind = bool(gone) or unchanged != len(indexed) or bool(found)
        self.found(Batch(found, problems, done=True, removed=gone, index_behind=behind))

    def _walk_and_read(self) -> None:
        """Walk the folders, summarising each article; past a few files, rows of files the
        index holds unchanged come from it."""
        known = self._documents
        # The index is read once the folders prove larger than a few files: for a handful,
        # reading them is quicker than opening it.
        indexed: dict[str, Kept] | None = None
        read_before: list[Path] = []  # files summarised before the index was read
        stale = False
        used = 0  # files whose row came from the index, or that it holds as they are
        batch: list[Entry] = []
        problems: list[str] = []
        last_sent = time.monotonic()
        sent = False

        def report(path: str, problem: str) -> None:
            problems.append(f"{path}: {problem}")

        for root in self.roots:
            files = [root] if root.is_file() else iter_article_files(root, on_error=report)
            for path in files:
                if indexed is None and self.index is not None and len(read_before) >= INDEX_AFTER:
                    indexed = self._indexed()
                    held = sum(1 for p in read_before if _from_index(indexed, p) is not None)
                    used += held
                    stale = held < len(read_before)
                summary = _from_index(indexed, path) if indexed is not None else None
                if summary is not None:
                    used += 1
                else:
                    if indexed is None:
                        read_before.append(path)
                    else:
                        stale = True
                    try:
                        summary = summarize(path)
                    except ArticleError as error:
                        problems.append(str(error))
                        continue
                batch.extend(known.entries([summary]))
                # The first rows soon, the rest in fewer, larger batches: every batch is a
                # repaint of the table, and repaints take the time the scan needs.
                if time.monotonic() - last_sent >= (LATER_BATCH_SECONDS if sent else BATCH_SECONDS):
                    self.found(Batch(batch, problems, done=False))
                    batch, problems, last_sent = [], [], time.monotonic()
                    sent = True
        # New, changed or removed files: the index catches up, for the next start.
        behind = indexed is not None and (stale or used != len(indexed))
        self.found(Batch(batch, problems, done=True, index_behind=behind))

    def _indexed(self) -> dict[str, Kept]:
        """The rows the index holds for the library's folders (none without an index)."""
        if self.index is None:
            return {}
        from reader.index.queries import summaries
        from reader.index.reports import open_read_only

        conn = open_read_only(self.index)
        if conn is None:
            return {}
        try:
            return summaries(conn, self.roots)
        except sqlite3.Error:
            return {}
        finally:
            conn.close()
