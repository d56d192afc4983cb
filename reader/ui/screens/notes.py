"""Every highlight and note in the database, across articles: search them, open one in place."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from reader.exchange.gather import DocumentHighlights, Highlight, gather
from reader.exchange.notes import matches
from reader.inert import inert_line
from reader.store import AnnotationStore
from reader.ui.widgets.reader_input import ReaderInput

#: (label, width in cells; 0 = the highlighted text, which takes the rest)
COLUMNS = [("Highlight", 0), ("Note", 30), ("Tags", 14), ("Article", 24)]
MIN_TEXT_WIDTH = 20


def one_line(text: str) -> Text:
    return Text(inert_line(" ".join(text.split())), no_wrap=True, overflow="ellipsis")


class NotesScreen(Screen[None]):
    """A table of every highlight; typing filters it; Enter opens the article at the highlight."""

    BINDINGS = [
        Binding("slash", "focus_filter", "Filter", id="notes.filter", key_display="/"),
        Binding("escape", "back", "Back", id="notes.back"),
    ]

    class Opened(Message):
        """Open this article with the caret on the highlight."""

        def __init__(self, path: str, offset: int) -> None:
            super().__init__()
            self.path = path
            self.offset = offset

    def __init__(self, store: AnnotationStore) -> None:
        super().__init__()
        self.store = store
        self.rows: list[tuple[DocumentHighlights, Highlight]] = []
        self.needle = ""
        self._text_width = 0

    def compose(self) -> ComposeResult:
        yield Static("All highlights and notes", id="library-title")
        yield ReaderInput(placeholder="Filter by text, note, tag or article", id="notes-filter")
        yield DataTable(id="notes", cursor_type="row", zebra_stripes=True)
        yield Static("Loading…", id="library-status")
        yield Footer()

    def on_mount(self) -> None:
        self._fit_columns()
        self.query_one(DataTable).focus()
        self.load()

    def on_resize(self) -> None:
        if self._fit_columns():
            self._fill()

    def _fit_columns(self) -> bool:
        table = self.query_one(DataTable)
        pad = 2 * table.cell_padding
        fixed = sum(width + pad for _, width in COLUMNS if width)
        width = max(MIN_TEXT_WIDTH, self.size.width - fixed - pad - 1)
        if width == self._text_width:
            return False
        self._text_width = width
        table.clear(columns=True)
        for label, column_width in COLUMNS:
            table.add_column(label, width=column_width or width)
        return True

    @work(thread=True, exit_on_error=False, exclusive=True, description="Reading all highlights")
    def load(self) -> None:
        """Re-anchor every highlight on its article as it is now (reads each article once)."""
        groups = gather(self.store)
        rows = [(group, highlight) for group in groups for highlight in group.highlights]
        self.app.call_from_thread(self._loaded, rows)

    def _loaded(self, rows: list[tuple[DocumentHighlights, Highlight]]) -> None:
        self.rows = rows
        self._fill()

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        shown = 0
        for index, (group, highlight) in enumerate(self.rows):
            if self.needle and not matches(group, highlight, self.needle):
                continue
            record = highlight.record
            text = highlight.text if highlight.anchored else f"(not found) {highlight.text}"
            table.add_row(
                one_line(text),
                one_line(record.note),
                one_line(" ".join(f"#{tag}" for tag in record.tags)),
                one_line(group.document.title or group.document.path),
                key=str(index),
            )
            shown += 1
        total = len(self.rows)
        status = f"{shown} of {total} highlights" if total else "No highlights yet"
        self.query_one("#library-status", Static).update(Text(status))

    @on(ReaderInput.Changed, "#notes-filter")
    def filter_as_typed(self, event: ReaderInput.Changed) -> None:
        self.needle = event.value.strip()
        self._fill()

    @on(ReaderInput.Submitted, "#notes-filter")
    def done_filtering(self) -> None:
        self.query_one(DataTable).focus()

    def action_focus_filter(self) -> None:
        self.query_one("#notes-filter", ReaderInput).focus()

    def action_back(self) -> None:
        filter_input = self.query_one("#notes-filter", ReaderInput)
        if filter_input.value:
            filter_input.value = ""
            self.query_one(DataTable).focus()
            return
        self.dismiss()

    @on(DataTable.RowSelected, "#notes")
    def open_highlight(self, event: DataTable.RowSelected) -> None:
        group, highlight = self.rows[int(event.row_key.value or 0)]
        if not group.available:
            self.notify(
                inert_line(f"{group.document.path}: {group.problem}"),
                severity="error",
                markup=False,
            )
            return
        self.post_message(self.Opened(group.document.path, highlight.start))
