"""Highlight and note changes for one article, with undo and redo: between the store and the UI.

Plain Python (no Textual) that the reading screen calls from worker threads, one change at a time
and in the order the keys were typed. Every change goes through the store (atomic, locked) and is
remembered so that ``u`` can take it back and ``ctrl+r`` can do it again. The annotator keeps the
highlights as they are after its last change, so a key is always applied to what the store holds,
never to what the screen showed a moment before (``h`` then ``a`` typed together note the
highlight ``h`` made).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from reader.article import Article
from reader.store import AnnotationRecord, AnnotationStore, DocumentRecord
from reader.store.anchoring import new_highlight
from reader.ui.highlighting import COLORS, HighlightSet, Placed, place

#: Changes ``u`` can take back, newest last.
UNDO_DEPTH = 100
#: Characters of a note quoted in a message.
NOTE_PREVIEW = 30


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
        if self.before.note != self.after.note or self.before.tags != self.after.tags:
            return "note"
        return "edit"


@dataclass(frozen=True, slots=True)
class NoteSaved:
    record: AnnotationRecord
    #: Set when another window changed the note meanwhile: both texts were kept in the note.
    conflict: bool


@dataclass(frozen=True, slots=True)
class Highlighted:
    """What ``h`` did: a new highlight, or the one that already covers exactly that span."""

    record: AnnotationRecord
    created: bool


def preview(note: str) -> str:
    """A note cut to a few words for a one-line message."""
    flat = " ".join(note.split())
    return flat if len(flat) <= NOTE_PREVIEW else flat[: NOTE_PREVIEW - 1].rstrip() + "…"


class Annotator:
    """Adds, edits, deletes, undoes and redoes the highlights of one document."""

    def __init__(self, store: AnnotationStore, article: Article, document: DocumentRecord) -> None:
        self.store = store
        self.article = article
        self.document = document
        self.pen = COLORS[0]
        #: The highlights as the store held them after the last load or change.
        self.current = HighlightSet()
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self._lock = threading.Lock()

    def load(self) -> HighlightSet:
        """Every stored highlight of the document, re-anchored on the article as it is now."""
        records = self.store.annotations_for(self.document.id)
        self.current = HighlightSet(place(self.article.text, records))
        return self.current

    # -- what a key acts on -------------------------------------------------------------------

    def same_span(self, start: int, end: int) -> Placed | None:
        """The highlight that covers exactly ``[start, end)``, if there is one."""
        return next(
            (p for p in self.current.overlapping(start, end) if (p.start, p.end) == (start, end)),
            None,
        )

    def target(self, start: int, end: int, caret: int, *, selected: bool) -> Placed | None:
        """The highlight ``a``, ``x`` and ``c`` act on.

        With a selection: the highlight of exactly that span. Otherwise the one under the caret
        (the innermost where several overlap).
        """
        if selected:
            return self.same_span(start, end)
        return self.current.at(caret)

    # -- changes ------------------------------------------------------------------------------

    def highlight(self, start: int, end: int) -> Highlighted:
        """Highlight ``[start, end)``, unless a highlight of exactly that span exists already."""
        existing = self.same_span(start, end)
        if existing is not None:
            return Highlighted(existing.record, created=False)
        return Highlighted(self.add(start, end), created=True)

    def add(
        self, start: int, end: int, note: str = "", tags: tuple[str, ...] = ()
    ) -> AnnotationRecord:
        record = new_highlight(
            self.document.id, self.article.text, start, end, color=self.pen, note=note, tags=tags
        )
        self.store.add_annotation(record)
        self._remember(Change(None, record))
        self.load()
        return record

    def delete(self, record: AnnotationRecord) -> None:
        current = self.store.annotation(record.id) or record
        self.store.delete_annotation(record.id)
        self._remember(Change(current, None))
        self.load()

    def recolor(self, record: AnnotationRecord, color: str) -> AnnotationRecord:
        before = self.store.annotation(record.id) or record
        after = self.store.update_annotation(record.id, color=color)
        self._remember(Change(before, after))
        self.load()
        return after

    def save_note(self, record: AnnotationRecord, note: str, tags: tuple[str, ...]) -> NoteSaved:
        """Write the note; if another window changed it since ``record`` was read, keep both."""
        current = self.store.annotation(record.id)
        conflict = current is not None and current.note != record.note and current.note != note
        if conflict and current is not None:
            note = f"{note}\n\n--- also written in another window ---\n{current.note}"
        after = self.store.update_annotation(record.id, note=note, tags=list(tags))
        self._remember(Change(current or record, after))
        self.load()
        return NoteSaved(after, conflict)

    # -- undo and redo ------------------------------------------------------------------------

    def undo(self) -> str:
        """Take back the newest change; a message that says what was undone (and lost)."""
        with self._lock:
            if not self._undo:
                return "Nothing to undo"
            change = self._undo.pop()
        message = self._undo_message(change)
        self._apply(change.after, change.before)
        with self._lock:
            self._redo.append(change)
        self.load()
        return message

    def redo(self) -> str:
        """Do again the change the last undo took back."""
        with self._lock:
            if not self._redo:
                return "Nothing to redo"
            change = self._redo.pop()
        self._apply(change.before, change.after)
        with self._lock:
            self._undo.append(change)
        self.load()
        return f"Redid the {change.what}"

    def _undo_message(self, change: Change) -> str:
        if change.before is None and change.after is not None:
            # Undoing a creation deletes the highlight as it is now, note and all.
            now = self.store.annotation(change.after.id) or change.after
            if now.note.strip():
                return (
                    f"Undid the highlight and its note “{preview(now.note)}” (ctrl+r brings "
                    "them back)"
                )
            return "Undid the highlight (ctrl+r redoes)"
        if change.what == "note" and change.after is not None and change.after.note.strip():
            return f"Undid the note “{preview(change.after.note)}” (ctrl+r brings it back)"
        return f"Undid the {change.what} (ctrl+r redoes)"

    def _apply(self, now: AnnotationRecord | None, wanted: AnnotationRecord | None) -> None:
        """Make the store hold ``wanted`` where it holds ``now`` (either may be None)."""
        if wanted is None:
            if now is not None:
                self.store.delete_annotation(now.id)
        elif self.store.annotation(wanted.id) is None:
            self.store.add_annotation(wanted)  # deleted (here or in another window): back it comes
        else:
            self.store.update_annotation(
                wanted.id, color=wanted.color, note=wanted.note, tags=list(wanted.tags)
            )

    def _remember(self, change: Change) -> None:
        with self._lock:
            self._undo.append(change)
            del self._undo[:-UNDO_DEPTH]
            self._redo.clear()
