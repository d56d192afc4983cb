"""Highlight and note changes for one article, with undo: the layer between the store and the UI.

Plain Python (no Textual) that the reading screen calls from worker threads. Every change goes
through the store (atomic, locked) and is remembered so that ``u`` can take it back.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from reader.article import Article
from reader.store import AnnotationRecord, AnnotationStore, DocumentRecord
from reader.store.anchoring import new_highlight
from reader.ui.highlighting import COLORS, HighlightSet, place

#: Changes ``u`` can take back, newest last.
UNDO_DEPTH = 100


@dataclass(frozen=True, slots=True)
class Change:
    """One change: the record before (None if it was added) and after (None if deleted)."""

    before: AnnotationRecord | None
    after: AnnotationRecord | None

    @property
    def what(self) -> str:
        if self.before is None:
            return "highlight"
        if self.after is None:
            return "deletion"
        return "edit"


@dataclass(frozen=True, slots=True)
class NoteSaved:
    record: AnnotationRecord
    #: Set when another window changed the note meanwhile: both texts were kept in the note.
    conflict: bool


class Annotator:
    """Adds, edits, deletes and undoes the highlights of one document."""

    def __init__(self, store: AnnotationStore, article: Article, document: DocumentRecord) -> None:
        self.store = store
        self.article = article
        self.document = document
        self.pen = COLORS[0]
        self._undo: list[Change] = []
        self._lock = threading.Lock()

    def load(self) -> HighlightSet:
        """Every stored highlight of the document, re-anchored on the article as it is now."""
        records = self.store.annotations_for(self.document.id)
        return HighlightSet(place(self.article.text, records))

    def add(self, start: int, end: int) -> AnnotationRecord:
        record = new_highlight(self.document.id, self.article.text, start, end, color=self.pen)
        self.store.add_annotation(record)
        self._remember(Change(None, record))
        return record

    def delete(self, record: AnnotationRecord) -> None:
        self.store.delete_annotation(record.id)
        self._remember(Change(record, None))

    def recolor(self, record: AnnotationRecord, color: str) -> AnnotationRecord:
        after = self.store.update_annotation(record.id, color=color)
        self._remember(Change(record, after))
        return after

    def save_note(self, record: AnnotationRecord, note: str, tags: tuple[str, ...]) -> NoteSaved:
        """Write the note; if another window changed it since ``record`` was read, keep both."""
        current = self.store.annotation(record.id)
        conflict = current is not None and current.note != record.note and current.note != note
        if conflict and current is not None:
            note = f"{note}\n\n--- also written in another window ---\n{current.note}"
        after = self.store.update_annotation(record.id, note=note, tags=list(tags))
        self._remember(Change(current or record, after))
        return NoteSaved(after, conflict)

    def undo(self) -> Change | None:
        """Take back the newest change; None when there is nothing to undo."""
        with self._lock:
            if not self._undo:
                return None
            change = self._undo.pop()
        if change.before is None and change.after is not None:
            self.store.delete_annotation(change.after.id)
        elif change.after is None and change.before is not None:
            self.store.add_annotation(change.before)
        elif change.before is not None:
            before = change.before
            self.store.update_annotation(
                before.id, color=before.color, note=before.note, tags=list(before.tags)
            )
        return change

    def _remember(self, change: Change) -> None:
        with self._lock:
            self._undo.append(change)
            del self._undo[:-UNDO_DEPTH]
