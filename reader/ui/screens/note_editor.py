"""The note editor: a typed dialog that returns the note and tags, or None when cancelled.

``ctrl+e`` hands what is typed to the reader's own editor; what it leaves is saved as ``ctrl+s``
saves, and if it fails the note editor stays open with the text as it was.

The text is reported as it is typed (``DraftChanged``) so the screen can keep a draft on disk: a
note survives a dropped SSH link. Escape on a changed, non-empty note asks before throwing it away.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from reader.inert import inert, inert_line
from reader.store.tags import format_tags, parse_tags
from reader.ui.widgets.reader_input import ReaderInput

#: Characters of the highlighted passage shown above the note.
PASSAGE_CHARS = 240

__all__ = ["ConfirmDiscard", "NoteEditor", "NoteResult", "parse_tags"]


@dataclass(frozen=True, slots=True)
class NoteResult:
    note: str
    tags: tuple[str, ...]

    def as_args(self) -> tuple[str, tuple[str, ...]]:
        return self.note, self.tags


class ConfirmDiscard(ModalScreen[bool]):
    """Asks whether to throw away a note that was typed."""

    BINDINGS = [
        Binding("y", "answer(True)", "Discard", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "Keep editing", id="confirm.no"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static("Throw away this note?", classes="pane-title")
            yield Static(Text("y discards it · n or Esc goes back to editing", style="dim"))

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class NoteEditor(ModalScreen[NoteResult | None]):
    """Multi-line note and a tags line for one highlight; ctrl+s saves, Escape cancels."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save note", id="note.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
        # priority: the text area and the tags line take ctrl+e for "end of line".
        Binding(
            "ctrl+e", "external", "Edit in your editor", id="note_editor.external", priority=True
        ),
    ]

    class DraftChanged(Message):
        """The note text changed (the screen keeps a draft on disk)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, passage: str, note: str, tags: tuple[str, ...], *, recovered: bool) -> None:
        super().__init__()
        self.passage = passage
        self.original = note
        self.tags = tags
        self.recovered = recovered

    def compose(self) -> ComposeResult:
        passage = inert_line(self.passage)
        if len(passage) > PASSAGE_CHARS:
            passage = passage[:PASSAGE_CHARS].rstrip() + "…"
        with Vertical(id="note-box"):
            title = "Note (recovered from an unsaved draft)" if self.recovered else "Note"
            yield Static(title, classes="pane-title")
            yield Static(Text(f"“{passage}”", style="italic"), id="note-passage")
            # A stored note or draft may hold control characters: shown as stand-ins, never raw.
            yield TextArea(
                inert(self.original), id="note-text", soft_wrap=True, show_line_numbers=False
            )
            yield ReaderInput(
                inert_line(format_tags(self.tags)),
                placeholder="tags, separated by commas",
                id="note-tags",
            )
            with Horizontal(id="note-buttons"):
                hint = "ctrl+s saves · Esc cancels · tab moves to tags · ctrl+e opens your editor"
                yield Static(Text(hint, style="dim"))
                yield Button("Save", id="note-save", variant="primary", compact=True)

    def on_mount(self) -> None:
        area = self.query_one("#note-text", TextArea)
        area.cursor_blink = bool(getattr(self.app, "cursor_blink", True))
        area.focus()
        area.move_cursor(area.document.end)

    @on(TextArea.Changed, "#note-text")
    def report_draft(self, event: TextArea.Changed) -> None:
        area = event.text_area
        text = area.text
        clean = inert(text)
        if clean != text:
            # Pasted or typed control characters never reach the terminal. inert() maps one
            # character to one, so the cursor stays where it was.
            cursor = area.cursor_location
            area.text = clean
            area.move_cursor(cursor)
        self.post_message(self.DraftChanged(clean))

    @on(Button.Pressed, "#note-save")
    def save_pressed(self) -> None:
        self.action_save()

    def typed(self) -> str:
        """The note as typed so far (control characters made inert)."""
        return inert(self.query_one("#note-text", TextArea).text)

    def typed_tags(self) -> tuple[str, ...]:
        return parse_tags(inert_line(self.query_one("#note-tags", ReaderInput).value))

    def action_save(self) -> None:
        self.dismiss(NoteResult(self.typed().strip(), self.typed_tags()))

    def action_external(self) -> None:
        """``ctrl+e``: what is typed, to the reader's own editor; saved when it comes back."""
        from reader.ui.external_edit import edit_outside

        kept = "the note is still here, unsaved"
        edit = edit_outside(self.app, self.passage, self.typed(), self.typed_tags(), kept=kept)
        if edit is not None:
            self.dismiss(NoteResult(edit.note, edit.tags))

    def action_cancel(self) -> None:
        text = self.query_one("#note-text", TextArea).text.strip()
        if not text or text == inert(self.original).strip():
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmDiscard(), answered)
