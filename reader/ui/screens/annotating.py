"""The reading screen's highlights and notes: keys in the reading pane become stored records.

:class:`AnnotatingScreen` is the base of the reading screen. It owns the
:class:`~reader.ui.annotator.Annotator` (store changes and undo, run in workers), the note editor
and its drafts, and keeps the reading pane and the highlights pane showing what is stored,
including changes made in another window.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on, work
from textual.screen import Screen
from textual.timer import Timer

from reader.article import Article
from reader.store import AnnotationRecord, AnnotationStore, DocumentRecord
from reader.store.drafts import DraftBox
from reader.ui.annotator import Annotator, NoteSaved
from reader.ui.highlighting import HighlightSet, next_color
from reader.ui.screens.note_editor import NoteEditor, NoteResult
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.highlights_pane import HighlightsPane
from reader.ui.widgets.side_panel import SidePanel

#: Seconds of stillness in the note editor before the draft is written.
DRAFT_DELAY = 0.4


class AnnotatingScreen(Screen[None]):
    """Highlights, notes, drafts and undo for one article."""

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
        self._editing: AnnotationRecord | None = None
        self._highlights_ready = False
        self._waiting_asks: list[ArticleView.AnnotationAsked] = []
        self._draft_text: str | None = None
        self._draft_timer: Timer | None = None

    @work(thread=True, exit_on_error=False, group="annotate", description="Loading highlights")
    def load_highlights(self) -> None:
        if self.annotator is None:
            return
        highlights = self.annotator.load()
        self.app.call_from_thread(self._show_highlights, highlights)
        draft = (
            next(
                (d for d in self.drafts.pending() if d.document_id == self.annotator.document.id),
                None,
            )
            if self.drafts
            else None
        )
        if draft is not None and draft.annotation_id:
            record = highlights.get(draft.annotation_id)
            if record is not None:
                self.app.call_from_thread(self._edit_note, record.record, draft.text)

    @work(thread=True, exit_on_error=False, group="watch", description="Checking the database")
    def _watch_other_windows(self) -> None:
        if self.annotator is not None and self._highlights_ready and self.store.changed_on_disk():
            self.app.call_from_thread(self._show_highlights, self.annotator.load())

    def _show_highlights(self, highlights: HighlightSet, message: str = "") -> None:
        first_load = not self._highlights_ready
        self._highlights_ready = True
        self.query_one(ArticleView).set_highlights(highlights)
        self.query_one(SidePanel).set_highlights(highlights)
        if message:
            self.notify(message, timeout=3, markup=False)
        if first_load:
            waiting, self._waiting_asks = self._waiting_asks, []
            for ask in waiting:
                self.annotate(ask)

    @work(thread=True, exit_on_error=False, group="annotate", description="Saving highlights")
    def _change(self, change: Callable[[Annotator], str]) -> None:
        """Run one store change off the UI thread, then show the highlights as they now are."""
        assert self.annotator is not None
        message = change(self.annotator)
        self.app.call_from_thread(self._show_highlights, self.annotator.load(), message)

    @on(ArticleView.AnnotationAsked)
    def annotate(self, event: ArticleView.AnnotationAsked) -> None:
        annotator = self.annotator
        if annotator is None:
            self.notify("Highlights are not available for this article", severity="warning")
            return
        if not self._highlights_ready:
            # Acting before the stored highlights are known could duplicate one of them:
            # keep the key and act on it the moment they are loaded.
            self._waiting_asks.append(event)
            return
        under, start, end = event.under, event.start, event.end
        if event.kind == "highlight":
            self._change(lambda a: f"Highlighted ({a.add(start, end).color})")
        elif event.kind == "note":
            if under is not None:
                self._edit_note(under.record)
            else:
                self._highlight_then_note(start, end)
        elif event.kind == "delete":
            if under is None:
                self.notify("No highlight under the caret", timeout=2)
            else:
                self._change(lambda a: (a.delete(under.record), "Highlight deleted (u undoes)")[1])
        elif event.kind == "color":
            if under is None:
                annotator.pen = next_color(annotator.pen)
                self.notify(f"New highlights will be {annotator.pen}", timeout=2)
            else:
                color = next_color(under.record.color)
                self._change(lambda a: f"Colour: {a.recolor(under.record, color).color}")
        elif event.kind == "undo":
            self._change(
                lambda a: f"Undid the last {c.what}" if (c := a.undo()) else "Nothing to undo"
            )

    @work(thread=True, exit_on_error=False, group="annotate", description="Saving a highlight")
    def _highlight_then_note(self, start: int, end: int) -> None:
        assert self.annotator is not None
        record = self.annotator.add(start, end)
        self.app.call_from_thread(self._show_highlights, self.annotator.load())
        self.app.call_from_thread(self._edit_note, record)

    def _edit_note(self, record: AnnotationRecord, recovered: str | None = None) -> None:
        self._editing = record
        self._draft_text = recovered
        passage = record.target.quote.exact
        note = record.note if recovered is None else recovered
        editor = NoteEditor(passage, note, record.tags, recovered=recovered is not None)
        self.app.push_screen(editor, self._note_done)

    def _note_done(self, result: NoteResult | None) -> None:
        record, self._editing = self._editing, None
        self._draft_text = None
        if record is None:
            return
        self._forget_draft(record.id)
        if result is not None:
            self._change(lambda a: self._saved_message(a.save_note(record, *result.as_args())))

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

    def flush_draft(self) -> None:
        """Write the note being typed to the drafts file (also called on hang-up and SIGTERM)."""
        record, text = self._editing, self._draft_text
        if self.drafts is None or record is None or text is None:
            return
        self.drafts.save(record.id, text, record.id, record.document)

    @work(thread=True, exit_on_error=False, group="draft", description="Clearing the note draft")
    def _forget_draft(self, key: str) -> None:
        if self.drafts is not None:
            self.drafts.discard(key)

    @on(HighlightsPane.Chosen)
    def jump_to_highlight(self, event: HighlightsPane.Chosen) -> None:
        view = self.query_one(ArticleView)
        if not event.placed.anchored:
            self.notify("This highlight's text is no longer in the article", timeout=3)
            return
        view.move_to(event.placed.start)
        view.focus()
