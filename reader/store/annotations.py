"""The one object the UI and the command line use to keep documents, positions and highlights.

Every change runs under the file lock on the newest version of the file and touches records only by
their UUID, so several ``reader`` processes on one file see each other's changes and never undo
them. A file that cannot be read is repaired (:mod:`reader.store.recovery`); ``notice`` then says
so in one line for the UI to show.

A database this process may not write (file or folder permissions, a read-only file system) opens
read-only, as does one that refuses its first write: everything reads, every change raises
ReadOnlyStore before touching the disk, and ``notice`` says so once. Commands that only read open
with ``mode="read"``, which never writes, creates, moves or repairs anything.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Self, TypeVar

from tinydb import TinyDB
from tinydb.table import Document, Table

from .access import FOR_READING, READ_ONLY_ERRNOS, check_usable, unwritable_reason
from .documents import STDIN_SOURCES, find_document, new_document, opened
from .errors import InvalidStoreFile, ReadOnlyStore, StoreError, describe_os_error
from .place_marks import is_mark_name, parse_marks
from .records import (
    ANNOTATIONS,
    DOCUMENTS,
    AnnotationRecord,
    DocumentRecord,
    Target,
    new_id,
    utc_now,
)
from .recovery import Recovery
from .storage import AtomicJSONStorage

if TYPE_CHECKING:
    from reader.article.model import Article

log = logging.getLogger(__name__)

T = TypeVar("T")
Mode = Literal["write", "read"]

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


def _parse_rows(rows: Iterable[Document], kind: type[T]) -> list[T]:
    """Records that parse; a malformed one is skipped (and kept in the file untouched)."""
    records = []
    for row in rows:
        try:
            records.append(kind.from_dict({**row, "id": row.doc_id}))  # type: ignore[attr-defined]
        except (ValueError, TypeError) as err:
            log.warning("skipping malformed %s %s: %s", kind.__name__, row.doc_id, err)
    return records


class AnnotationStore:
    """Documents and annotations in one TinyDB file; thread-safe. Use ``AnnotationStore.open``."""

    def __init__(self, storage: AtomicJSONStorage, *, repair: bool = True) -> None:
        self._storage = storage
        self._db = _Database(storage=lambda: storage)
        self._documents = self._db.table(DOCUMENTS, cache_size=0)
        self._annotations = self._db.table(ANNOTATIONS, cache_size=0)
        self._lock = threading.RLock()
        self._closed = False
        #: False: a damaged file raises InvalidStoreFile and is left exactly as it is.
        self._repair = repair
        #: Documents as this session sees them when they cannot be written: id -> row.
        self._unsaved: dict[str, Document] = {}
        self._recovery = Recovery(storage)

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, mode: Mode = "write") -> AnnotationStore:
        """Open (not create: that happens on the first change) the database at ``path``.

        ``mode="write"``, for the reader: a damaged file is repaired, and a file or folder this
        process may not write opens read-only; ``notice`` reports either. ``mode="read"``, for
        commands that only read: nothing on disk is ever written, created, moved or repaired, and
        a damaged file raises InvalidStoreFile. StoreError when the file cannot be used at all.
        """
        if mode not in ("write", "read"):
            raise ValueError(f"unknown mode {mode!r}: use 'write' or 'read'")
        path = Path(path).expanduser()
        check_usable(path)
        reason = FOR_READING if mode == "read" else unwritable_reason(path)
        store = cls(AtomicJSONStorage(path, read_only_reason=reason), repair=mode == "write")
        if mode == "write" and reason is not None:
            store.notice = str(ReadOnlyStore(path, reason))
        try:
            store._read(store._storage.read)
        except BaseException:
            store.close()
            raise
        return store

    @property
    def notice(self) -> str | None:
        """One line for the user when the file had to be repaired or is read-only; else None."""
        return self._recovery.notice

    @notice.setter
    def notice(self, notice: str | None) -> None:
        self._recovery.notice = notice

    @property
    def path(self) -> Path:
        return self._storage.path

    @property
    def read_only(self) -> bool:
        """True when nothing can be saved: every change raises ReadOnlyStore."""
        return self._storage.read_only_reason is not None

    @property
    def read_only_reason(self) -> str | None:
        """Why the store is read-only (``"no permission to write the file"``...), else None."""
        return self._storage.read_only_reason

    def ensure_writable(self) -> None:
        """Raise ReadOnlyStore (its text is the line to show) when changes cannot be saved."""
        reason = self._storage.read_only_reason
        if reason is not None:
            raise ReadOnlyStore(self.path, reason)

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
        file). Text from standard input has no path and is found by content hash only. On a
        read-only store nothing is written: the record (found, or new) is kept for this session.
        """
        stdin = article.source in STDIN_SOURCES
        path = "-" if stdin else str(Path(article.source).expanduser().resolve())

        def change() -> DocumentRecord:
            found = find_document(_rows(self._documents), article, path)
            now = utc_now()
            if found is None:
                record = new_document(article, path, now)
                self._documents.insert(Document(record.to_dict(), doc_id=record.id))
                return record
            changes = opened(article, path, now)
            self._documents.update(changes, doc_ids=[found.doc_id])
            return DocumentRecord.from_dict({**found, **changes, "id": found.doc_id})

        if not self.read_only:
            try:
                return self._mutate(change)
            except ReadOnlyStore:
                pass  # the file has just refused a write: open the article all the same
        return self._document_unsaved(article, path)

    def documents(self) -> list[DocumentRecord]:
        """All documents, most recently opened first."""
        records = _parse_rows(self._document_rows(), DocumentRecord)
        return sorted(records, key=lambda d: d.last_opened, reverse=True)

    def document(self, document_id: str) -> DocumentRecord | None:
        row = self._document_row(document_id)
        parsed = _parse_rows([row], DocumentRecord) if row is not None else []
        return parsed[0] if parsed else None

    def document_by_path(self, path: str) -> DocumentRecord | None:
        """The document last opened from ``path`` (``"-"``: the latest from standard input)."""
        wanted = "-" if path in STDIN_SOURCES else str(Path(path).expanduser().resolve())
        matches = [d for d in self.documents() if d.path == wanted]
        return matches[0] if matches else None

    def save_position(self, document_id: str, offset: int) -> None:
        """Remember the reading position; raises KeyError for an unknown document.

        On a read-only store this never fails for want of writing: the position is kept for this
        session only (``position`` and the next ``document_for`` give it back).
        """
        if offset < 0:
            raise ValueError(f"negative position {offset}")
        self._update_document(document_id, lambda row: {"position": offset})

    def set_read(self, document_id: str, read: bool) -> DocumentRecord:
        """Mark an article read (now) or not read yet; raises KeyError for an unknown document.

        An article is *new* until it is first opened (it has no record), *unread* while it is
        opened but not finished, and *read* once its end was reached or it was marked so.
        """
        self._update_document(document_id, lambda row: {"read": utc_now() if read else ""})
        record = self.document(document_id)
        if record is None:
            raise KeyError(document_id)
        return record

    def save_mark(self, document_id: str, name: str, offset: int) -> None:
        """Set place mark ``name`` (a letter) of a document to ``offset``; KeyError if unknown.

        Merged into the marks as stored now, so marks another window set meanwhile are kept;
        a read-only store keeps it for this session, as it does the position.
        """
        if not is_mark_name(name):
            raise ValueError(f"a mark is a letter a-z or A-Z, not {name!r}")
        if offset < 0:
            raise ValueError(f"negative mark offset {offset}")
        self._update_document(
            document_id, lambda row: {"marks": {**parse_marks(row.get("marks")), name: offset}}
        )

    def marks(self, document_id: str) -> dict[str, int]:
        """The place marks of a document (none for an unknown one): letter -> offset."""
        row = self._document_row(document_id)
        return parse_marks(row.get("marks")) if row is not None else {}

    def position(self, document_id: str) -> int:
        """The saved reading position, 0 for an unknown document or an unreadable value."""
        row = self._document_row(document_id)
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

    def _document_rows(self) -> list[Document]:
        """The file's document rows, with this session's unsaved versions in place of theirs."""
        with self._lock:
            rows = {row.doc_id: row for row in self._read(lambda: _rows(self._documents))}
            rows.update(self._unsaved)
            return list(rows.values())

    def _document_row(self, document_id: str) -> Document | None:
        with self._lock:
            row = self._unsaved.get(document_id)
            if row is None:
                row = self._read(lambda: self._documents.get(doc_id=document_id))
            return row

    def _update_document(
        self, document_id: str, fields: Callable[[Mapping[str, Any]], dict[str, Any]]
    ) -> None:
        """Write ``fields(row)`` into a document row (other fields untouched), or keep them in
        memory when the store is read-only. KeyError for an unknown document."""

        def change() -> None:
            row = self._documents.get(doc_id=document_id)
            if row is None:
                raise KeyError(document_id)
            changes = fields(row)
            if any(row.get(key) != value for key, value in changes.items()):  # else spare a write
                self._documents.update(changes, doc_ids=[document_id])

        if not self.read_only:
            try:
                self._mutate(change)
                return
            except ReadOnlyStore:
                pass  # the file has just refused a write: keep the change in memory
        with self._lock:
            row = self._document_row(document_id)
            if row is None:
                raise KeyError(document_id)
            self._unsaved[document_id] = Document({**row, **fields(row)}, doc_id=document_id)

    def _document_unsaved(self, article: Article, path: str) -> DocumentRecord:
        """``document_for`` when nothing can be written: the same record, kept in memory."""
        with self._lock:
            found = find_document(self._document_rows(), article, path)
            now = utc_now()
            if found is None:
                record = new_document(article, path, now)
                self._unsaved[record.id] = Document(record.to_dict(), doc_id=record.id)
                return record
            row = Document({**found, **opened(article, path, now)}, doc_id=found.doc_id)
            self._unsaved[found.doc_id] = row
            return DocumentRecord.from_dict({**row, "id": found.doc_id})

    def _read(self, read: Callable[[], T]) -> T:
        with self._lock:
            self._check_open()
            try:
                return read()
            except InvalidStoreFile:
                if not self._repair:
                    raise
                if self.read_only:
                    self._recovery.stand_in()
                else:
                    self._recovery.repair()
                return read()

    def _mutate(self, change: Callable[[], T]) -> T:
        """Run ``change`` under the file lock; a read-only store refuses before touching disk."""
        with self._lock:
            self._check_open()
            self.ensure_writable()
            try:
                with self._storage.locked():
                    try:
                        return change()
                    except InvalidStoreFile:
                        self._recovery.repair()
                        return change()
            except OSError as err:
                reason = describe_os_error(err)
                if err.errno not in READ_ONLY_ERRNOS:
                    raise StoreError(self.path, f"could not save: {reason}") from None
                self._recovery.become_read_only(reason)
                raise ReadOnlyStore(self.path, reason) from None

    def _check_open(self) -> None:
        if self._closed:
            raise ValueError(f"annotation store {self.path} is closed")


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
