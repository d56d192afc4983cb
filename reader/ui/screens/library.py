"""The library: every article found under the folders given, filled in as the scan goes."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Input, Static

from reader.article import ArticleError, ArticleSummary, iter_article_files, summarize
from reader.inert import inert_line
from reader.store import AnnotationStore
from reader.ui.widgets.reader_input import ReaderInput

#: Seconds between two batches of rows sent from the scanning worker to the table.
BATCH_SECONDS = 0.1
#: Seconds the filter waits for typing to pause before it rebuilds the table.
FILTER_DELAY = 0.15


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the library: an article's summary and its number of highlights."""

    summary: ArticleSummary
    highlights: int

    def matches(self, needle: str) -> bool:
        s = self.summary
        haystack = f"{s.title}\n{s.place or ''}\n{s.path}\n{s.date or ''}".casefold()
        return needle in haystack


#: (label, sort key, newest/largest first?)
SORTS = [
    ("date", lambda e: (e.summary.date is not None, e.summary.date or 0), True),
    ("title", lambda e: e.summary.title.casefold(), False),
    ("place", lambda e: (e.summary.place or "~").casefold(), False),
    ("words", lambda e: e.summary.words, True),
    ("highlights", lambda e: e.highlights, True),
]


#: (label, key, width in cells; 0 = the title, which takes the rest of the line)
COLUMNS = [
    ("Title", "title", 0),
    ("Date", "date", 10),
    ("Place", "place", 18),
    ("Words", "words", 6),
    ("Notes", "highlights", 5),
]
MIN_TITLE_WIDTH = 20


def row_cells(entry: Entry) -> tuple[Text, ...]:
    """Cells as Text objects, never markup: a title like ``[bold]`` must show as written."""
    s = entry.summary
    return (
        Text(inert_line(s.title), no_wrap=True, overflow="ellipsis"),
        Text(s.date.isoformat() if s.date else "—"),
        Text(inert_line(s.place or "—"), no_wrap=True, overflow="ellipsis"),
        Text(f"{s.words:,}", justify="right"),
        Text(str(entry.highlights) if entry.highlights else "·", justify="right"),
    )


class LibraryScreen(Screen[None]):
    """A sortable, filterable table of articles; Enter opens one."""

    BINDINGS = [
        Binding("enter", "open", "Open", id="library.open", show=True),
        Binding("slash", "focus_filter", "Filter", id="library.filter", key_display="/"),
        Binding("o", "sort", "Sort", id="library.sort"),
        Binding("n", "app.notes", "All notes", id="library.notes"),
        Binding("O", "reverse", "Reverse", id="library.reverse", show=False),
        Binding("escape", "clear_filter", "Clear filter", id="library.clear", show=False),
    ]

    class Found(Message):
        """A batch of articles from the scanning worker."""

        def __init__(self, entries: list[Entry], problems: list[str], done: bool) -> None:
            super().__init__()
            self.entries = entries
            self.problems = problems
            self.done = done

    class Opened(Message):
        """The reader asked to open this article."""

        def __init__(self, path: str) -> None:
            super().__init__()
            self.path = path

    def __init__(self, roots: list[Path], store: AnnotationStore, *, title: str) -> None:
        super().__init__()
        self.roots = roots
        self.store = store
        self.library_title = title
        self.entries: list[Entry] = []
        self.problems: list[str] = []
        self.scanning = True
        self.sort_index = 0
        self.sort_reverse = False
        self.needle = ""
        self._filter_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text(inert_line(self.library_title)), id="library-title")
        yield ReaderInput(
            placeholder="Filter by title, place, date or file (type to filter)", id="filter"
        )
        yield DataTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield Static(id="library-status")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self._title_width = 0
        self._fit_columns()
        table.focus()
        self._show_status()
        self.scan()

    def on_resize(self) -> None:
        if self._fit_columns():
            self._rebuild()

    def _fit_columns(self) -> bool:
        """Give the title whatever the other columns leave; True when the columns were rebuilt."""
        table = self.query_one(DataTable)
        fixed = sum(width + 2 * table.cell_padding for _, _, width in COLUMNS if width)
        title_width = max(MIN_TITLE_WIDTH, self.size.width - fixed - 2 * table.cell_padding - 1)
        if title_width == self._title_width:
            return False
        self._title_width = title_width
        table.clear(columns=True)
        for label, key, width in COLUMNS:
            table.add_column(label, key=key, width=width or title_width)
        return True

    # -- scanning ----------------------------------------------------------------------------

    @work(
        thread=True,
        exit_on_error=False,
        exclusive=True,
        group="scan",
        description="Scanning for articles",
    )
    def scan(self) -> None:
        """Walk the folders, summarising each article, and send rows up in timed batches."""
        worker_started = time.monotonic()
        known = {doc.path: doc.id for doc in self.store.documents()}
        counts = self.store.annotation_counts()
        batch: list[Entry] = []
        problems: list[str] = []
        last_sent = worker_started

        def report(path: str, problem: str) -> None:
            problems.append(f"{path}: {problem}")

        for root in self.roots:
            files = [root] if root.is_file() else iter_article_files(root, on_error=report)
            for path in files:
                try:
                    summary = summarize(path)
                except ArticleError as error:
                    problems.append(str(error))
                    continue
                doc_id = known.get(str(Path(summary.path).resolve()))
                batch.append(Entry(summary, counts.get(doc_id, 0) if doc_id else 0))
                if time.monotonic() - last_sent >= BATCH_SECONDS:
                    self.post_message(self.Found(batch, problems, done=False))
                    batch, problems, last_sent = [], [], time.monotonic()
        self.post_message(self.Found(batch, problems, done=True))

    @on(Found)
    def add_found(self, event: Found) -> None:
        self.entries.extend(event.entries)
        self.problems.extend(event.problems)
        table = self.query_one(DataTable)
        for entry in event.entries:
            if entry.matches(self.needle):
                table.add_row(*row_cells(entry), key=entry.summary.path)
        if event.done:
            self.scanning = False
            self._rebuild()
            if self.problems:
                self.notify(
                    f"{len(self.problems)} file(s) skipped; first: {inert_line(self.problems[0])}",
                    severity="warning",
                    markup=False,
                    timeout=8,
                )
        self._show_status()

    def _show_status(self) -> None:
        shown = self.query_one(DataTable).row_count
        label, _, newest_first = SORTS[self.sort_index]
        direction = "↓" if newest_first != self.sort_reverse else "↑"
        if self.scanning:
            text = f"Scanning… {len(self.entries):,} articles found"
        elif not self.entries:
            text = "No articles found (looked for .txt, .md, .html files)"
        else:
            text = f"{shown:,} of {len(self.entries):,} articles · sorted by {label} {direction}"
        if self.problems:
            text += f" · {len(self.problems)} skipped"
        self.query_one("#library-status", Static).update(Text(text))

    # -- sorting and filtering ----------------------------------------------------------------

    def _rebuild(self) -> None:
        """Refill the table from the entries, filtered and sorted, keeping the selected row."""
        table = self.query_one(DataTable)
        # Follow the row the reader moved to; a cursor left on the first row stays on the first row.
        selected = self.selected_path() if table.cursor_row > 0 else None
        _, key, newest_first = SORTS[self.sort_index]
        entries = (
            [e for e in self.entries if e.matches(self.needle)] if self.needle else self.entries
        )
        entries = sorted(entries, key=key, reverse=newest_first != self.sort_reverse)
        table.clear()
        for entry in entries:
            table.add_row(*row_cells(entry), key=entry.summary.path)
        if selected is not None and selected in table.rows:
            table.move_cursor(row=table.get_row_index(selected), animate=False)
        self._show_status()

    def selected_path(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return key.value

    def action_sort(self) -> None:
        self.sort_index = (self.sort_index + 1) % len(SORTS)
        self.sort_reverse = False
        self._rebuild()

    def action_reverse(self) -> None:
        self.sort_reverse = not self.sort_reverse
        self._rebuild()

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        filter_input.value = ""
        self.query_one(DataTable).focus()

    def on_key(self, event: events.Key) -> None:
        # Typing a letter in the table starts filtering, as in most list views; bound keys
        # (o to sort, q to quit, ...) keep their meaning.
        table = self.query_one(DataTable)
        filter_input = self.query_one("#filter", Input)
        if self.focused is filter_input and event.character and event.is_printable:
            # A letter queued for the table before the first one moved the focus: the input
            # itself stops the keys it takes, so this one came from behind.
            filter_input.insert_text_at_cursor(event.character)
            event.stop()
            return
        if (
            self.focused is table
            and event.character
            and event.character.isalnum()
            and event.key not in self.app.active_bindings
        ):
            # At once: the letters typed right after this one must follow it into the filter.
            self.set_focus(filter_input)
            filter_input.insert_text_at_cursor(event.character)
            event.stop()

    @on(Input.Changed, "#filter")
    def filter_as_typed(self, event: Input.Changed) -> None:
        self.needle = event.value.strip().casefold()
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._filter_timer = self.set_timer(FILTER_DELAY, self._rebuild)

    @on(Input.Submitted, "#filter")
    def open_first(self) -> None:
        """Enter in the filter opens the first article that matches."""
        table = self.query_one(DataTable)
        self.set_focus(table)
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._rebuild()
        if table.row_count:
            table.move_cursor(row=0, animate=False)
            self.action_open()

    # -- opening ------------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#articles")
    def open_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.post_message(self.Opened(event.row_key.value))

    def action_open(self) -> None:
        path = self.selected_path()
        if path is not None:
            self.post_message(self.Opened(path))

    def update_highlights(self, path: str, count: int) -> None:
        """Show a new highlight count for one article (after the reader comes back to the list)."""
        for index, entry in enumerate(self.entries):
            if entry.summary.path == path and entry.highlights != count:
                self.entries[index] = Entry(entry.summary, count)
                self._rebuild()
                return
