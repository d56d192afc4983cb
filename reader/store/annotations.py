"""The one object the UI and the command line use to keep documents, positions and highlights.

Every change runs under the file lock on the newest version of the file and touches records only by
their UUID, so several ``reader`` processes on one file see each other's changes and never undo
them. A file that cannot be read is moved aside (never written over) and the last good copy is
restored; ``notice`` then says so in one line for the UI to show.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar

from tinydb import TinyDB
from tinydb.table import Document, Table

from .errors import InvalidStoreFile, StoreError, describe_os_error, one_line
from .records import (
    ANNOTATIONS,
    DOCUMENTS,
    AnnotationRecord,
    DocumentRecord,
    Target,
    new_id,
    utc_now,
)
from .storage import AtomicJSONStorage

if TYPE_CHECKING:
    from reader.article.model import Article

log = logging.getLogger(__name__)

T = TypeVar("T")

#: ``Article.source`` values that mean "read from standard input": such text has no path.
STDIN_SOURCES = frozenset({"-", "<stdin>"})
_EDITABLE = frozenset({"color", "note", "tags", "target"})


class _UUIDTable(Table):
    """TinyDB table keyed by UUID strings (its integer ids collide between processes).

    Open it with ``cache_size=0``: TinyDB's query cache would hide changes that other processes
    write to the file.
    """

    document_id_class = str  # type: ignore[assignment]

    def _get_next_id(self) -> str:  # type: ignore[override]
        return new_id()


class _Database(TinyDB):
    table_class = _UUIDTable


def _rows(table: Table) -> list[Document]:
    return table.all()


def _newest(rows: Iterable[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    return max(rows, key=lambda row: str(row.get("last_opened", "")), default=None)


def _parse_rows(rows: Iterable[Document], kind: type[T]) -> list[T]:
    """Records that parse; a malformed one is skipped (and kept in the file untouched)."""
    records = []
    for row in rows:
        try:
            records.append(kind.from_dict({**row, "id": row.doc_id}))  # type: ignore[attr-defined]
        except (ValueError, TypeError) as err:
            log.warning("skipping malformed %s %s: %s", kind.__name__, row.doc_id, err)
    return records


def _check_usable(path: Path) -> None:
    """Raise StoreError when ``path`` can never hold the database (folder, unwritable place)."""
    if path.is_dir():
        raise StoreError(path, "is a folder, not a file")
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise StoreError(path, f"{folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(path, f"cannot write in {folder}: permission denied")


class AnnotationStore:
    """Documents and annotations in one TinyDB file; thread-safe. Use ``AnnotationStore.open``."""

    def __init__(self, storage: AtomicJSONStorage) -> None:
        self._storage = storage
        self._db = _Database(storage=lambda: storage)
        self._documents = self._db.table(DOCUMENTS, cache_size=0)
        self._annotations = self._db.table(ANNOTATIONS, cache_size=0)
        self._lock = threading.RLock()
        self._closed = False
        #: One line for the user when the file had to be repaired; None when all was well.
        self.notice: str | None = None

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> AnnotationStore:
        """Open (not create: that happens on the first change) the database at ``path``.

        A damaged file is repaired and reported in ``notice``; StoreError only when the file
        cannot be used at all.
        """
        path = Path(path).expanduser()
        _check_usable(path)
        store = cls(AtomicJSONStorage(path))
        try:
            store._read(store._storage.read)
        except BaseException:
            store.close()
            raise
        return store

    @property
    def path(self) -> Path:
        return self._storage.path

    def take_notice(self) -> str | None:
        """The pending notice, cleared, so the UI shows each one once."""
        with self._lock:
            notice, self.notice = self.notice, None
            return notice

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- documents -------------------------------------------------------------------------------

    def document_for(self, article: Article) -> DocumentRecord:
        """The document record of ``article``, created on first sight, stamped as opened now.

        Found by resolved path; else by content hash if that document's file is gone (a moved
        file). Text from standard input has no path and is found by content hash only.
        """
        stdin = article.source in STDIN_SOURCES
        path = "-" if stdin else str(Path(article.source).expanduser().resolve())

        def change() -> DocumentRecord:
            rows = _rows(self._documents)
            found = None if stdin else _newest(r for r in rows if r.get("path") == path)
            if found is None:
                same = [r for r in rows if r.get("content_hash") == article.content_hash]
                if not stdin:  # a copy must not take over the original's document
                    same = [r for r in same if not _file_exists(r.get("path"))]
                found = _newest(same)
            now = utc_now()
            if found is None:
                record = DocumentRecord(
                    id=new_id(),
                    path=path,
                    title=article.title,
                    content_hash=article.content_hash,
                    position=0,
                    last_opened=now,
                    created=now,
                )
                self._documents.insert(Document(record.to_dict(), doc_id=record.id))
                return record
            changes: dict[str, Any] = {
                "title": article.title,
                "content_hash": article.content_hash,
                "last_opened": now,
            }
            if not stdin:
                changes["path"] = path
            doc_id = found.doc_id  # type: ignore[union-attr]
            self._documents.update(changes, doc_ids=[doc_id])
            return DocumentRecord.from_dict({**found, **changes, "id": doc_id})

        return self._mutate(change)

    def documents(self) -> list[DocumentRecord]:
        """All documents, most recently opened first."""
        records = self._read(lambda: _parse_rows(_rows(self._documents), DocumentRecord))
        return sorted(records, key=lambda d: d.last_opened, reverse=True)

    def document(self, document_id: str) -> DocumentRecord | None:
        row = self._read(lambda: self._documents.get(doc_id=document_id))
        parsed = _parse_rows([row], DocumentRecord) if row is not None else []
        return parsed[0] if parsed else None

    def document_by_path(self, path: str) -> DocumentRecord | None:
        """The document last opened from ``path`` (``"-"``: the latest from standard input)."""
        wanted = "-" if path in STDIN_SOURCES else str(Path(path).expanduser().resolve())
        matches = [d for d in self.documents() if d.path == wanted]
        return matches[0] if matches else None

    def save_position(self, document_id: str, offset: int) -> None:
        """Remember the reading position; raises KeyError for an unknown document."""
        if offset < 0:
            raise ValueError(f"negative position {offset}")

        def change() -> None:
            row = self._documents.get(doc_id=document_id)
            if row is None:
                raise KeyError(document_id)
            if row.get("position") != offset:  # unchanged: spare a write
                self._documents.update({"position": offset}, doc_ids=[document_id])

        self._mutate(change)

    def position(self, document_id: str) -> int:
        """The saved reading position, 0 for an unknown document or an unreadable value."""
        row = self._read(lambda: self._documents.get(doc_id=document_id))
        value = row.get("position") if row is not None else 0
        return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0

    # -- annotations -----------------------------------------------------------------------------

    def changed_on_disk(self) -> bool:
        """Whether another process changed the file since this store last saw it.

        Cheap (one ``stat``): a reading screen polls it to show another window's highlights.
        """
        return self._storage.changed_since_read()

    def annotation_counts(self) -> dict[str, int]:
        """Document id → number of its annotations (documents without any are absent)."""

        def count() -> dict[str, int]:
            counts: dict[str, int] = {}
            for row in self._annotations._read_table().values():
                document = row.get("document")
                if isinstance(document, str):
                    counts[document] = counts.get(document, 0) + 1
            return counts

        return self._read(count)

    def annotations_for(self, document_id: str) -> list[AnnotationRecord]:
        """The document's annotations in text order."""

        def rows() -> list[Document]:
            return [
                Document(row, doc_id)
                for doc_id, row in self._annotations._read_table().items()
                if row.get("document") == document_id
            ]

        records = _parse_rows(self._read(rows), AnnotationRecord)
        return sorted(records, key=lambda a: (a.start, a.end, a.created, a.id))

    def annotation(self, annotation_id: str) -> AnnotationRecord | None:
        row = self._read(lambda: self._annotations.get(doc_id=annotation_id))
        parsed = _parse_rows([row], AnnotationRecord) if row is not None else []
        return parsed[0] if parsed else None

    def add_annotation(self, record: AnnotationRecord) -> AnnotationRecord:
        """Store a new annotation. KeyError: unknown document; ValueError: the id is taken."""

        def change() -> AnnotationRecord:
            if self._documents.get(doc_id=record.document) is None:
                raise KeyError(record.document)
            self._annotations.insert(Document(record.to_dict(), doc_id=record.id))
            return record

        return self._mutate(change)

    def update_annotation(self, annotation_id: str, **changes: Any) -> AnnotationRecord:
        """Change some of ``color``, ``note``, ``tags``, ``target``; stamps ``updated``.

        Only the given fields are written, so a concurrent change to another field survives.
        KeyError if the annotation is gone (deleted, perhaps by another process).
        """
        unknown = set(changes) - _EDITABLE
        if unknown:
            raise TypeError(f"cannot change {', '.join(sorted(unknown))}")
        fields = _normalise(changes)
        fields["updated"] = utc_now()

        def change() -> AnnotationRecord:
            row = self._annotations.get(doc_id=annotation_id)
            if row is None:
                raise KeyError(annotation_id)
            self._annotations.update(fields, doc_ids=[annotation_id])
            return AnnotationRecord.from_dict({**row, **fields, "id": annotation_id})

        return self._mutate(change)

    def delete_annotation(self, annotation_id: str) -> bool:
        """Remove an annotation; False if it was already gone."""
        return bool(self._mutate(lambda: self._annotations.remove(doc_ids=[annotation_id])))

    # -- plumbing --------------------------------------------------------------------------------

    def _read(self, read: Callable[[], T]) -> T:
        with self._lock:
            self._check_open()
            try:
                return read()
            except InvalidStoreFile:
                self._recover()
                return read()

    def _mutate(self, change: Callable[[], T]) -> T:
        with self._lock:
            self._check_open()
            try:
                with self._storage.locked():
                    try:
                        return change()
                    except InvalidStoreFile:
                        self._recover()
                        return change()
            except OSError as err:
                raise StoreError(self.path, f"could not save: {describe_os_error(err)}") from None

    def _recover(self) -> None:
        """Move the unusable file aside and restore the backup (under the lock, once per damage)."""
        try:
            with self._storage.locked():
                try:
                    self._storage.read()
                    return  # another process has repaired it meanwhile
                except InvalidStoreFile as err:
                    problem = err.problem
                aside = self._storage.move_aside()
                backup = self._storage.read_backup()
                if backup is None:
                    outcome = "no usable backup, so starting empty"
                else:
                    self._storage.write(backup)
                    n = len(backup.get(ANNOTATIONS, {}))
                    outcome = f"restored {n} annotation{'' if n == 1 else 's'} from the backup"
        except OSError as err:
            reason = describe_os_error(err)
            raise StoreError(self.path, f"unusable and cannot be repaired: {reason}") from None
        self.notice = one_line(f"{self.path}: {problem}; moved aside to {aside.name}; {outcome}")
        log.warning("%s", self.notice)

    def _check_open(self) -> None:
        if self._closed:
            raise ValueError(f"annotation store {self.path} is closed")


def _file_exists(path: object) -> bool:
    return isinstance(path, str) and path not in STDIN_SOURCES and os.path.isfile(path)


def _normalise(changes: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON form of the editable fields, type-checked before anything is written."""
    fields: dict[str, Any] = {}
    for key in ("color", "note"):
        if key in changes:
            if not isinstance(changes[key], str):
                raise TypeError(f"{key} must be a string")
            fields[key] = changes[key]
    if "tags" in changes:
        tags = list(changes["tags"])
        if not all(isinstance(t, str) for t in tags):
            raise TypeError("tags must be strings")
        fields["tags"] = tags
    if "target" in changes:
        target = changes["target"]
        if isinstance(target, Mapping):
            target = Target.from_dict(target)
        if not isinstance(target, Target):
            raise TypeError("target must be a Target or its dict form")
        fields["target"] = target.to_dict()
    return fields
