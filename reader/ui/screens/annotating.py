"""The reading screen's highlights and notes: keys in the reading pane become stored records.

:class:`AnnotatingScreen` is the base of the reading screen. It owns the
:class:`~reader.ui.annotator.Annotator` (store changes, undo and redo), the note editor and its
drafts, and keeps the reading pane and the highlights pane showing what is stored, including
changes made in another window.

Every change runs off the UI thread, one at a time, in the order the keys were typed (a queue of
jobs, each a worker): ``h`` then ``a`` typed together note the highlight ``h`` made, and ``u``
right after ``ctrl+s`` undoes that note. A note for a sentence that is not highlighted yet is
written only when it is saved: cancelling it leaves nothing behind. ``E`` picks its highlight as
``a`` does and hands the note to the reader's own editor; what comes back is saved as ``ctrl+s``
saves.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer

from reader.article import Article
from reader.inert import inert_line
from reader.store import (
    AnnotationRecord,
    AnnotationStore,
    DocumentRecord,
    ReadOnlyStore,
    StoreError,
)
from reader.store.drafts import Draft, DraftBox
from reader.ui.annotator import Annotator, NoteSaved
from reader.ui.highlighting import HighlightSet, next_color
from reader.ui.typeahead import KeyHold
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from reader.ui.screens.note_editor import NoteResult
    from reader.ui.widgets.highlights_pane import HighlightsPane

#: Seconds of stillness in the note editor before the draft is written.
DRAFT_DELAY = 0.4
#: Draft keys of notes for a span that is not highlighted yet: ``span:START-END``.
SPAN_DRAFT = "span:"
#: Keys that change what is stored: refused at once on a read-only database.
WRITING_KINDS = frozenset({"highlight", "note", "external", "delete", "undo", "redo"})


@dataclass(frozen=True, slots=True)
class Editing:
    """What an open note editor writes to: a stored highlight, or a span not highlighted yet."""

    record: AnnotationRecord | None
    start: int
    end: int

    @property
    def draft_key(self) -> str:
        return self.record.id if self.record else f"{SPAN_DRAFT}{self.start}-{self.end}"


@dataclass(frozen=True, slots=True)
class Done:
    """What a job asks of the UI once it has run: a message, and perhaps a note to edit."""

    message: str = ""
    severity: str = "information"
    edit: Editing | None = None
    #: The note is edited in the reader's own editor rather than the note editor.
    external: bool = False
    recovered: str | None = None
    recovered_tags: tuple[str, ...] | None = None


#: A job runs on a worker thread with the annotator; what it returns is shown on the UI thread.
Job = Callable[[Annotator], Done]


def span_of_draft(draft: Draft, text: str) -> tuple[int, int] | None:
    """The span a ``span:START-END`` draft was typed for, if it still fits the text."""
    if not draft.key.startswith(SPAN_DRAFT):
        return None
    start, _, end = draft.key.removeprefix(SPAN_DRAFT).partition("-")
    if not (start.isdigit() and end.isdigit()):
        return None
    begin, finish = int(start), int(end)
    return (begin, finish) if 0 <= begin < finish <= len(text) else None


class AnnotatingScreen(Screen[None]):
    """Highlights, notes, drafts, undo and redo for one article."""

    BINDINGS = [
        Binding("Y", "copy_notes", "Copy all highlights and notes", id="copy.notes", show=False),
    ]

    def __init__(
        self,
        article: Article,
        document: DocumentRecord | None,
        store: AnnotationStore,
        drafts: DraftBox | None,
    ) -> None:
        super().__init__()
        self.article = article
        self.document = document
        self.store = store
        self.drafts = drafts
        self.annotator = Annotator(store, article, document) if document else None
        self._jobs: deque[tuple[Job, KeyHold | None]] = deque()
        self._job_running = False
        #: The highlights the panes show now (redrawn only when a job changed them).
        self._shown: HighlightSet | None = None
        self._editing: Editing | None = None
        self._draft_text: str | None = None
        self._draft_timer: Timer | None = None
        # Held while a draft is written or the editor closes, so a late write never brings
        # back a draft that was just saved into its highlight.
        self._draft_lock = threading.Lock()

    def use_pen(self, color: str) -> None:
        """The colour of the next highlights (the config file's ``default_color``)."""
        if self.annotator is not None:
            self.annotator.pen = color

    # -- the queue of jobs ----------------------------------------------------------------------

    def load_highlights(self) -> None:
        """The first jobs: the stored highlights, then a draft left by a dropped connection."""
        if self.annotator is not None:
            self._enqueue(self._load)
            self._enqueue(self._recover_draft)

    def _enqueue(self, job: Job, hold: KeyHold | None = None) -> None:
        self._jobs.append((job, hold))
        if not self._job_running:
            self._next_job()

    def _next_job(self) -> None:
        if not self._jobs:
            self._job_running = False
            return
        self._job_running = True
        job, hold = self._jobs.popleft()
        self._run_job(job, hold)

    @work(thread=True, exit_on_error=False, group="annotate", description="Saving highlights")
    def _run_job(self, job: Job, hold: KeyHold | None) -> None:
        done: Done | None = None
        try:
            done = self._attempt(job)
        finally:
            # Whatever happened, the UI shows the highlights as stored and takes the next job.
            self.app.call_from_thread(self._job_done, done, hold)

    def _attempt(self, job: Job) -> Done:
        assert self.annotator is not None
        try:
            return job(self.annotator)
        except StoreError as error:
            # A database that turned read-only says so once: its notice, else the error.
            return Done(inert_line(self.store.take_notice() or str(error)), "error")
        except KeyError:
            self.annotator.load()
            return Done("That highlight was deleted in another window", "warning")

    def _job_done(self, done: Done | None, hold: KeyHold | None) -> None:
        if not self.is_attached:  # closed meanwhile (the reader quit): nothing left to show
            if hold is not None:
                hold.release()
            return
        try:
            if self.annotator is not None and self.annotator.current is not self._shown:
                self._show_highlights(self.annotator.current)
            if done is not None:
                if done.message:
                    self.notify(done.message, severity=done.severity, timeout=3, markup=False)
                if done.edit is not None and done.external:
                    self._edit_outside(done.edit)
                elif done.edit is not None:
                    self._open_editor(done.edit, done.recovered, done.recovered_tags)
        finally:
            if hold is not None:
                hold.release()
            self._next_job()

    def _show_highlights(self, highlights: HighlightSet) -> None:
        self._shown = highlights
        self.query_one(ArticleView).set_highlights(highlights)
        self.query_one(SidePanel).set_highlights(highlights)

    def _watch_other_windows(self) -> None:
        """Another reader on the same file: show its changes (between two of ours)."""
        if self.annotator is not None and not self._job_running:
            self._enqueue(self._reload_if_changed)

    def _reload_if_changed(self, annotator: Annotator) -> Done:
        if self.store.changed_on_disk():
            annotator.load()
        notice = self.store.take_notice()  # e.g. the database became read-only meanwhile
        return Done(inert_line(notice), "warning") if notice else Done()

    @staticmethod
    def _load(annotator: Annotator) -> Done:
        annotator.load()
        return Done()

    def _recover_draft(self, annotator: Annotator) -> Done:
        """A note left unsaved when the link dropped: its editor opens again, with the text."""
        highlights = annotator.current
        drafts = self.drafts.pending() if self.drafts else []
        for draft in drafts:
            if draft.document_id != annotator.document.id:
                continue
            if draft.annotation_id:
                placed = highlights.get(draft.annotation_id)
                if placed is not None:
                    editing = Editing(placed.record, placed.start, placed.end)
                    return Done(edit=editing, recovered=draft.text)
            elif (span := span_of_draft(draft, self.article.text)) is not None:
                return Done(edit=Editing(None, *span), recovered=draft.text)
        return Done()

    # -- keys from the reading pane -------------------------------------------------------------

    @on(ArticleView.AnnotationAsked)
    def annotate(self, event: ArticleView.AnnotationAsked) -> None:
        refusal = self._refusal(event.kind)
        if refusal:
            self.notify(refusal, severity="warning", timeout=6, markup=False)
            if event.hold is not None:
                event.hold.release()
            return
        start, end, caret, selected = event.start, event.end, event.caret, event.selected
        jobs: dict[str, Job] = {
            "highlight": lambda a: self._highlight(a, start, end),
            "note": lambda a: self._note(a, start, end, caret, selected),
            "external": lambda a: self._note(a, start, end, caret, selected, external=True),
            "delete": lambda a: self._delete(a, start, end, caret, selected),
            "color": lambda a: self._recolor(a, start, end, caret, selected),
            "undo": lambda a: Done(a.undo()),
            "redo": lambda a: Done(a.redo()),
        }
        self._enqueue(jobs[event.kind], event.hold)

    def _refusal(self, kind: str) -> str:
        """Why this key cannot be acted on, before anything is typed or written; else ""."""
        if self.annotator is None:
            return "Highlights are not available for this article"
        if kind in WRITING_KINDS:
            try:
                self.store.ensure_writable()
            except ReadOnlyStore as error:
                return inert_line(self.store.take_notice() or str(error))
        return ""

    @staticmethod
    def _highlight(annotator: Annotator, start: int, end: int) -> Done:
        made = annotator.highlight(start, end)
        if made.created:
            return Done(f"Highlighted ({made.record.color})")
        return Done("Already highlighted: a writes its note, x deletes it")

    @staticmethod
    def _note(
        annotator: Annotator,
        start: int,
        end: int,
        caret: int,
        selected: bool,
        *,
        external: bool = False,
    ) -> Done:
        placed = annotator.target(start, end, caret, selected=selected)
        if placed is None:
            placed = annotator.same_span(start, end)
        if placed is None:
            return Done(edit=Editing(None, start, end), external=external)
        return Done(edit=Editing(placed.record, placed.start, placed.end), external=external)

    @staticmethod
    def _delete(annotator: Annotator, start: int, end: int, caret: int, selected: bool) -> Done:
        placed = annotator.target(start, end, caret, selected=selected)
        if placed is None:
            return Done("No highlight under the caret")
        annotator.delete(placed.record)
        return Done("Highlight deleted (u undoes)")

    @staticmethod
    def _recolor(annotator: Annotator, start: int, end: int, caret: int, selected: bool) -> Done:
        placed = annotator.target(start, end, caret, selected=selected)
        if placed is None:
            annotator.pen = next_color(annotator.pen)
            return Done(f"New highlights will be {annotator.pen}")
        changed = annotator.recolor(placed.record, next_color(placed.record.color))
        return Done(f"Colour: {changed.color}")

    # -- the note editor ------------------------------------------------------------------------

    def _open_editor(
        self,
        editing: Editing,
        recovered: str | None = None,
        recovered_tags: tuple[str, ...] | None = None,
    ) -> None:
        if self._editing is not None:
            return  # one note at a time; the open editor keeps the keyboard
        self._editing = editing
        self._draft_text = recovered
        record = editing.record
        passage = self._passage(editing)
        note = recovered if recovered is not None else (record.note if record else "")
        tags = recovered_tags if recovered_tags is not None else (record.tags if record else ())
        from reader.ui.screens.note_editor import NoteEditor  # loaded with the first note

        editor = NoteEditor(passage, note, tags, recovered=recovered is not None)
        self.app.push_screen(editor, self._note_done)

    def _passage(self, editing: Editing) -> str:
        record = editing.record
        return (
            record.target.quote.exact if record else self.article.text[editing.start : editing.end]
        )

    def _edit_outside(self, editing: Editing) -> None:
        """``E``: the note in the reader's own editor, then saved as the note editor saves it."""
        if self._editing is not None:
            return  # the note editor is open: it keeps the note (its ctrl+e hands it over)
        from reader.ui.external_edit import edit_outside

        record = editing.record
        note, tags = (record.note, record.tags) if record else ("", ())
        edit = edit_outside(self.app, self._passage(editing), note, tags, kept="nothing changed")
        if edit is None:
            return
        if not edit.changed:
            self.notify("Note unchanged", timeout=3)
            return
        self._enqueue(lambda a: self._save_note(a, editing, edit.note, edit.tags))

    def _note_done(self, result: NoteResult | None) -> None:
        with self._draft_lock:
            editing, self._editing = self._editing, None
            self._draft_text = None
        if self._draft_timer is not None:
            self._draft_timer.stop()
        if editing is None:
            return
        if result is None:
            self._forget_draft(editing.draft_key)
            return
        note, tags = result.as_args()
        self._enqueue(lambda a: self._save_note(a, editing, note, tags))

    def _save_note(
        self, annotator: Annotator, editing: Editing, note: str, tags: tuple[str, ...]
    ) -> Done:
        record = editing.record
        if record is None:
            existing = annotator.same_span(editing.start, editing.end)
            record = existing.record if existing is not None else None
        try:
            if record is None:
                annotator.add(editing.start, editing.end, note, tags)
                message = "Highlighted with a note" if note else "Highlighted"
            else:
                message = self._saved_message(annotator.save_note(record, note, tags))
        except StoreError as error:
            # Never lose what was typed: the editor comes back with it, and says why.
            problem = inert_line(self.store.take_notice() or str(error))
            return Done(
                f"Not saved: {problem}", "error", edit=editing, recovered=note, recovered_tags=tags
            )
        # Saved into its highlight: only now may the draft go.
        if self.drafts is not None:
            self.drafts.discard(editing.draft_key)
        return Done(message)

    @staticmethod
    def _saved_message(saved: NoteSaved) -> str:
        if saved.conflict:
            return "The note was also changed in another window: both texts are kept"
        return "Note saved"

    def keep_draft(self, text: str) -> None:
        """The note editor's text changed: write it as a draft once typing pauses."""
        self._draft_text = text
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_DELAY, self.flush_draft_async)

    def flush_draft_async(self) -> None:
        self._write_draft()

    @work(thread=True, exit_on_error=False, group="draft", description="Saving the note draft")
    def _write_draft(self) -> None:
        self.flush_draft()

    def flush_draft(self, typed: str | None = None) -> None:
        """Write the note being typed to the drafts file (also called on hang-up and SIGTERM).

        ``typed``: the editor's text as it is now, when the caller has it (on hang-up).
        """
        with self._draft_lock:
            editing = self._editing
            text = typed if typed is not None and editing is not None else self._draft_text
            if self.drafts is None or editing is None or text is None:
                return
            record_id = editing.record.id if editing.record else None
            document_id = self.document.id if self.document else ""
            self.drafts.save(editing.draft_key, text, record_id, document_id)

    @work(thread=True, exit_on_error=False, group="draft", description="Clearing the note draft")
    def _forget_draft(self, key: str) -> None:
        if self.drafts is not None:
            self.drafts.discard(key)

    def action_copy_notes(self) -> None:
        """``Y``: every highlight and note, as Markdown, to the clipboard (OSC 52, like ``y``)."""
        highlights = self.query_one(ArticleView).highlights
        if self.document is None or not len(highlights):
            self.notify("No highlights to copy", timeout=2)
            return
        from reader.ui.notes_copy import notes_markdown  # loaded with the first copy

        self.app.copy_to_clipboard(notes_markdown(self.document, self.article.text, highlights))
        n = len(highlights)
        self.notify(f"Copied {n} highlight{'' if n == 1 else 's'}", timeout=2)

    def on_highlights_pane_chosen(self, event: HighlightsPane.Chosen) -> None:
        """To the highlight chosen in the highlights pane (built after the first frame)."""
        view = self.query_one(ArticleView)
        placed = event.placed
        if not placed.anchored:
            self.notify("This highlight's text is no longer in the article", timeout=3)
            return
        view.jump_to(placed.start)
        view.focus()
        if placed.changed:
            self.notify(
                f"The article changed here since it was highlighted: {placed.percent_same}% "
                "of the words are the same",
                timeout=4,
            )
