"""Every highlight and note in the database, across articles: search them, open one in place."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Footer, Static

from reader.exchange.gather import DocumentHighlights, Highlight, gather
from reader.exchange.notes import matches
from reader.inert import inert_line
from reader.store import AnnotationStore
from reader.ui.fitting import Column, column_widths
from reader.ui.screens.filtered import FilteredListScreen
from reader.ui.widgets.reader_input import ReaderInput

#: The highlighted text takes what the others leave.
COLUMNS = (
    Column("Highlight", "text"),
    Column("Note", "note", share=0.3, least=12, most=40),
    Column("Tags", "tags", share=0.12, least=6, most=18),
    Column("Article", "article", share=0.2, least=10, most=30),
)


def one_line(text: str) -> Text:
    return Text(inert_line(" ".join(text.split())), no_wrap=True, overflow="ellipsis")


class NotesScreen(FilteredListScreen):
    """A table of every highlight; it opens in the filter, so typing filters at once.

    Down or Enter goes to the table, where Enter opens the article at the highlight; ``/``
    comes back to the filter; Escape clears the filter, then leaves.
    """

    #: The screen opens in its filter: typing filters at once.
    AUTO_FOCUS = "#notes-filter"

    BINDINGS = [
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
        self._widths: list[int] = []

    def compose(self) -> ComposeResult:
        yield Static("All highlights and notes", id="library-title")
        yield ReaderInput(placeholder="Filter by text, note, tag or article", id="notes-filter")
        yield DataTable(id="notes", cursor_type="row", zebra_stripes=True)
        yield Static("Loading…", id="library-status")
        yield Footer()

    def on_mount(self) -> None:
        self._fit_columns()
        self.load()

    def on_resize(self) -> None:
        if self._fit_columns():
            self._fill()

    def _fit_columns(self) -> bool:
        table = self.query_one(DataTable)
        # The scrollbar's gutter is kept (styles/reader.tcss): rows never push a column off.
        room = self.size.width - table.styles.scrollbar_size_vertical
        widths = column_widths(COLUMNS, room, 2 * table.cell_padding)
        if widths == self._widths:
            return False
        self._widths = widths
        table.clear(columns=True)
        for column, width in zip(COLUMNS, widths, strict=True):
            table.add_column(column.label, key=column.key, width=width)
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
            if not highlight.anchored:
                text = f"(not found) {highlight.text}"
            elif highlight.changed:
                text = f"(changed, {highlight.percent_same}% same) {highlight.text}"
            else:
                text = highlight.text
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
        self.refresh_bindings()
        self._fill()

    @on(ReaderInput.Submitted, "#notes-filter")
    def done_filtering(self) -> None:
        self.action_focus_table()

    def action_back(self) -> None:
        """Escape: clear the filter (the focus stays where it is); on an empty one, leave."""
        filter_input = self.query_one("#notes-filter", ReaderInput)
        if filter_input.value:
            filter_input.value = ""
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
