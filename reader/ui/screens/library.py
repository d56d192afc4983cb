"""The library: every article found under the folders given, filled in as the scan goes."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Input, Static
from textual.worker import get_current_worker

from reader.article import ArticleError
from reader.inert import inert_line
from reader.store import AnnotationStore
from reader.ui.fitting import Column, column_widths
from reader.ui.library_rows import (
    COLUMNS,
    NEW,
    OPTIONAL_COLUMNS,
    READ,
    SORTS,
    UNREAD,
    Entry,
    cell,
)
from reader.ui.library_scan import Batch, LibraryScan, collector_paused
from reader.ui.screens.filtered import FilteredListScreen
from reader.ui.widgets.article_table import ArticleTable
from reader.ui.widgets.reader_input import ReaderInput

if TYPE_CHECKING:
    from reader.index.queries import Hit

#: Letters typed in the filter before the articles' text is searched too, and how many of
#: the best matches are kept.
TEXT_SEARCH_FROM = 3
TEXT_HITS = 500
#: Seconds the filter waits for typing to pause before it rebuilds the table.
FILTER_DELAY = 0.15
#: Seconds a hint ("Type / to filter") stays up; the same hint is not repeated meanwhile.
HINT_SECONDS = 2.0
#: Rows shown while the folders are still being read (more than a tall screen holds); the
#: rest are added once, sorted, when the scan is over.
ROWS_WHILE_SCANNING = 300


class LibraryScreen(FilteredListScreen):
    """A sortable, filterable table of articles; Enter opens one.

    Letters are commands here; ``/`` opens the filter, which then takes every key typed.
    """

    #: The keyboard starts in the list (keys typed during start-up are delivered there).
    AUTO_FOCUS = "#articles"

    BINDINGS = [
        Binding("enter", "open", "Open", id="library.open", show=True),
        Binding("o", "sort", "Sort", id="library.sort"),
        Binding("n", "app.notes", "All notes", id="library.notes"),
        Binding("F", "app.feeds", "Feeds", id="library.feeds"),
        Binding("P", "app.people", "People", id="library.people"),
        Binding("O", "reverse", "Reverse", id="library.reverse", show=False),
        Binding("u", "unread_only", "Unread only", id="library.unread_only", show=False),
        Binding("m", "toggle_read", "Read/unread", id="library.toggle_read", show=False),
        Binding("g", "to_row('first')", "First article", id="library.first", show=False),
        Binding("G", "to_row('last')", "Last article", id="library.last", show=False),
        Binding("escape", "clear_filter", "Clear", id="library.clear"),
    ]

    class Found(Message):
        """A batch of articles from the scanning worker (an article already listed comes
        again when its file changed)."""

        def __init__(self, batch: Batch) -> None:
            super().__init__()
            self.batch = batch

    class Opened(Message):
        """The reader asked to open this article."""

        def __init__(self, path: str, offset: int | None = None) -> None:
            super().__init__()
            self.path = path
            #: Where to put the caret: a match of the filter in the article's text.
            self.offset = offset

    def __init__(
        self,
        roots: list[Path],
        store: AnnotationStore,
        *,
        title: str,
        index: Path | None = None,
    ) -> None:
        super().__init__()
        self.roots = roots
        #: The library index: rows of files unchanged since they were indexed come from it,
        #: without reading the files; None lists without one.
        self.index = index
        self._index_behind = False
        #: Articles whose text holds the filter's words (from the index), by absolute path.
        self.text_hits: dict[str, Hit] = {}
        self.store = store
        self.library_title = title
        self.entries: list[Entry] = []
        self.problems: list[str] = []
        self.scanning = True
        #: Listed from the index, the folders still being looked through for changes.
        self.checking = False
        #: The sort the reader chose with ``o``; None until then (date, or title when undated).
        self.sort_by: str | None = None
        self.sort_reverse = False
        self.needle = ""
        #: Whether only new and unread articles are listed (``u``).
        self.unread_only = False
        self._filter_timer: Timer | None = None
        self._layout: tuple[tuple[str, int], ...] = ()
        self._hinted_at = 0.0

    def compose(self) -> ComposeResult:
        yield Static(Text(inert_line(self.library_title)), id="library-title")
        yield ReaderInput(placeholder="/ filters by title, place, date or file", id="filter")
        yield ArticleTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield Static(id="library-status")
        yield Footer()

    def on_mount(self) -> None:
        self._fit_columns()
        self._show_status()
        self.scan()

    def on_resize(self) -> None:
        if self._fit_columns():
            self._rebuild()

    # -- columns -----------------------------------------------------------------------------

    def visible_columns(self) -> list[Column]:
        """Every column, less those no article has a value for (all of them until one is found)."""
        if not self.entries:
            return list(COLUMNS)
        return [
            column
            for column in COLUMNS
            if column.key not in OPTIONAL_COLUMNS
            or any(OPTIONAL_COLUMNS[column.key](e) for e in self.entries)
        ]

    def _fit_columns(self) -> bool:
        """Size the columns to the screen; True when they changed (the rows must be refilled)."""
        table = self.query_one(DataTable)
        columns = self.visible_columns()
        # The scrollbar's gutter is kept (styles/reader.tcss), so rows never push the
        # last column off when they outgrow the screen.
        room = self.size.width - table.styles.scrollbar_size_vertical
        widths = column_widths(columns, room, 2 * table.cell_padding)
        layout = tuple((c.key, w) for c, w in zip(columns, widths, strict=True))
        if layout == self._layout:
            return False
        self._layout = layout
        table.clear(columns=True)
        for column, width in zip(columns, widths, strict=True):
            label = Text(column.label, justify="right" if column.numeric else "left")
            table.add_column(label, key=column.key, width=width)
        return True

    def _cells(self) -> Callable[[Entry], list[Text]]:
        """What makes an entry's cells in the columns as they are now (when its row is drawn)."""
        layout = self._layout
        return lambda entry: [cell(entry, key, width) for key, width in layout]

    # -- scanning ----------------------------------------------------------------------------

    @work(
        thread=True,
        exit_on_error=False,
        exclusive=True,
        group="scan",
        description="Scanning for articles",
    )
    def scan(self) -> None:
        """Find the articles (see :class:`LibraryScan`), each batch a message to the screen."""
        LibraryScan(self.roots, self.index, self.store, self._report).run()

    def _report(self, batch: Batch) -> None:
        self.post_message(self.Found(batch))

    @work(
        thread=True,
        exit_on_error=False,
        exclusive=True,
        group="index",
        description="Indexing the library",
    )
    def index_in_background(self) -> None:
        """Bring the index up to date for the library's folders, so the next open is quick:
        ``reader index`` in a process of its own at a low priority, one core left free for
        reading (it finishes even if the reader quits first)."""
        from reader.index.background import start_update, wait_or_stop

        if self.index is None:
            return
        worker = get_current_worker()
        try:
            process = start_update(self.index, self.roots, jobs=max(1, (os.cpu_count() or 2) - 1))
        except OSError:
            return  # derived data: the next start tries again
        wait_or_stop(process, lambda: worker.is_cancelled)

    @on(Found)
    def add_found(self, event: Found) -> None:
        batch = event.batch
        self.problems.extend(batch.problems)
        # Listed from the index already: this is what the look through the folders found.
        checked = self.checking
        changed = False
        if batch.listed:
            self.entries = list(batch.entries)
            self.checking = True
        elif checked:
            changed = self._apply_changes(batch.entries, batch.removed)
        else:
            self.entries.extend(batch.entries)
        if batch.done:
            self.scanning = self.checking = False
            if batch.index_behind:
                self.index_in_background()
        if batch.listed or changed:
            self._fit_columns()
            self._rebuild()
        elif checked:
            pass  # nothing changed on disk: the list shown stands
        elif self._fit_columns() or batch.done:
            # A column came or went (or the scan is over): every row again, sorted.
            self._rebuild()
        else:
            # Rows as they come while they fill the screen; past that they wait for the
            # sorted refill at the end, so that no row is added (and drawn) twice.
            table = self.query_one(ArticleTable)
            room = max(0, ROWS_WHILE_SCANNING - table.row_count)
            shown = [e for e in batch.entries if self._listed(e)][:room]
            table.add_many(((entry.summary.path, entry) for entry in shown), self._cells())
        if batch.done and self.problems:
            self.notify(
                f"{len(self.problems)} file(s) skipped; first: {inert_line(self.problems[0])}",
                severity="warning",
                markup=False,
                timeout=8,
            )
        self._show_status()

    def _apply_changes(self, entries: list[Entry], removed: list[str]) -> bool:
        """Files added or changed since they were indexed, and files gone, into the list;
        False when there were none."""
        if not entries and not removed:
            return False
        fresh = {entry.summary.path: entry for entry in entries}
        gone = set(removed)
        kept = [
            fresh.pop(entry.summary.path, entry)
            for entry in self.entries
            if entry.summary.path not in gone
        ]
        self.entries = kept + list(fresh.values())
        return True

    def _show_status(self) -> None:
        self._show_title()
        shown = self.query_one(DataTable).row_count
        label = self.sort_label()
        _, newest_first = SORTS[label]
        direction = "↓" if newest_first != self.sort_reverse else "↑"
        if self.scanning and not self.checking:
            text = f"Scanning… {len(self.entries):,} articles found"
        elif not self.entries:
            text = "No articles found (looked for .txt, .md, .html files)"
        else:
            text = f"{shown:,} of {len(self.entries):,} articles · sorted by {label} {direction}"
            if self.unread_only:
                text += " · new and unread only"
            if self.checking:  # listed from the index; the folders are still looked through
                text += " · looking for changes…"
        if self.problems:
            text += f" · {len(self.problems)} skipped"
        self.query_one("#library-status", Static).update(Text(text))

    def _show_title(self) -> None:
        """The library's name, and how many of its articles are new and unread."""
        counts = {NEW: 0, UNREAD: 0}
        for entry in self.entries:
            if entry.state in counts:
                counts[entry.state] += 1
        parts = [inert_line(self.library_title)]
        parts += [f"{n:,} {state}" for state, n in counts.items() if n]
        self.query_one("#library-title", Static).update(Text(" · ".join(parts)))

    # -- sorting and filtering ----------------------------------------------------------------

    def _listed(self, entry: Entry) -> bool:
        """Whether the filter (typed, and ``u``) lets the entry through."""
        if self.unread_only and entry.is_read:
            return False
        return not self.needle or entry.matches(self.needle) or self._text_hit(entry) is not None

    def sort_label(self) -> str:
        """The column the rows are sorted by: the chosen one, else date, else (none dated) title."""
        if self.sort_by is not None:
            return self.sort_by
        shown = {key for key, _ in self._layout}
        return "date" if "date" in shown else "title"

    def _rebuild(self) -> None:
        """Refill the table from the entries, filtered and sorted, keeping the selected row."""
        table = self.query_one(ArticleTable)
        # Follow the row the reader moved to; a cursor left on the first row stays on the first row.
        selected = self.selected_path() if table.cursor_row > 0 else None
        key, newest_first = SORTS[self.sort_label()]
        entries = (
            [e for e in self.entries if self._listed(e)]
            if self.needle or self.unread_only
            else self.entries
        )
        with collector_paused():
            entries = sorted(entries, key=key, reverse=newest_first != self.sort_reverse)
            table.clear()
            table.add_many(((entry.summary.path, entry) for entry in entries), self._cells())
        if selected is not None and selected in table.rows:
            table.move_cursor(row=table.get_row_index(selected), animate=False)
        self._show_status()

    def _text_hit(self, entry: Entry) -> Hit | None:
        return self.text_hits.get(os.path.abspath(entry.summary.path)) if self.text_hits else None

    # -- the filter's words in the articles' text (the index's full-text search) ---------------

    @work(
        thread=True,
        exit_on_error=False,
        exclusive=True,
        group="text-search",
        description="Searching the text",
    )
    def search_text(self, needle: str) -> None:
        from reader.index.queries import search
        from reader.index.reports import open_read_only

        conn = open_read_only(self.index) if self.index is not None else None
        if conn is None:
            return
        try:
            hits = search(conn, needle, under=self.roots, limit=TEXT_HITS)
        except sqlite3.Error:
            return
        finally:
            conn.close()
        self.app.call_from_thread(self._text_found, needle, {hit.path: hit for hit in hits})

    def _text_found(self, needle: str, hits: dict[str, Hit]) -> None:
        if needle != self.needle:
            return  # typed on meanwhile: another search is coming
        self.text_hits = hits
        self._rebuild()

    @on(DataTable.RowHighlighted, "#articles")
    def show_match(self, event: DataTable.RowHighlighted) -> None:
        """On an article found by its text: the words around the match, on the status line."""
        if not self.text_hits or event.row_key.value is None:
            return
        hit = self.text_hits.get(os.path.abspath(event.row_key.value))
        if hit is not None:
            self.query_one("#library-status", Static).update(Text(inert_line(hit.snippet)))
        else:
            self._show_status()

    def selected_path(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return key.value

    def action_sort(self) -> None:
        """The next sort, skipping the columns that are not shown."""
        shown = [key for key in SORTS if key in {k for k, _ in self._layout}]
        current = self.sort_label()
        index = shown.index(current) if current in shown else -1
        self.sort_by = shown[(index + 1) % len(shown)]
        self.sort_reverse = False
        self._rebuild()

    def action_reverse(self) -> None:
        self.sort_reverse = not self.sort_reverse
        self._rebuild()

    def action_unread_only(self) -> None:
        """List only the new and unread articles, or every article again."""
        self.unread_only = not self.unread_only
        self._rebuild()

    def ordered_paths(self) -> list[str]:
        """The articles as listed now (sorted and filtered), for ``>`` and ``<`` when reading."""
        return [key.value for key in self.query_one(DataTable).rows if key.value is not None]

    def cursor_row(self) -> int:
        return self.query_one(DataTable).cursor_row

    def select_path(self, path: str) -> None:
        """Put the cursor on ``path``'s row, if it is listed (the article read last)."""
        table = self.query_one(DataTable)
        if path in table.rows:
            table.move_cursor(row=table.get_row_index(path), animate=False)

    def action_toggle_read(self) -> None:
        """Mark the article under the cursor read, or not read yet."""
        path = self.selected_path()
        if path is not None:
            entry = next((e for e in self.entries if e.summary.path == path), None)
            if entry is not None:
                self._write_read_state(path, not entry.is_read)

    @work(thread=True, exit_on_error=False, group="read-state", description="Marking an article")
    def _write_read_state(self, path: str, read: bool) -> None:
        from reader.article import load_article

        document = self.store.document_by_path(path)
        if document is None:  # never opened: its record is made now, as opening would
            try:
                document = self.store.document_for(load_article(path))
            except ArticleError as error:
                self.app.call_from_thread(
                    self.notify, inert_line(str(error)), severity="error", markup=False
                )
                return
        self.store.set_read(document.id, read)
        self.app.call_from_thread(self.update_entry, path, state=READ if read else UNREAD)

    def action_to_row(self, which: str) -> None:
        """To the first or last row, as ``g``/``G`` in less and in the reading pane."""
        table = self.query_one(DataTable)
        if table.row_count:
            table.move_cursor(row=0 if which == "first" else table.row_count - 1, animate=False)
            table.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            return isinstance(self.focused, Input) or bool(self.needle)
        return super().check_action(action, parameters)

    def action_clear_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        filter_input.value = ""
        self.set_focus(self.query_one(DataTable))

    def on_key(self, event: events.Key) -> None:
        """A letter that is no command says how to filter, instead of doing nothing."""
        char = event.character
        if (
            self.focused is self.query_one(DataTable)
            and event.is_printable
            and char is not None
            and not char.isspace()
            and event.key not in self.app.active_bindings
        ):
            event.stop()
            now = time.monotonic()
            if now - self._hinted_at >= HINT_SECONDS:
                self._hinted_at = now
                hint = f"Type {self._filter_key()} to filter"
                self.notify(hint, timeout=HINT_SECONDS, markup=False)

    def _filter_key(self) -> str:
        for active in self.active_bindings.values():
            if active.binding.action == "focus_filter":
                return self.app.get_key_display(active.binding)
        return "/"

    @on(Input.Changed, "#filter")
    def filter_as_typed(self, event: Input.Changed) -> None:
        self.needle = event.value.strip().casefold()
        self.refresh_bindings()
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self.text_hits = {}
        self._filter_timer = self.set_timer(FILTER_DELAY, self._filter_pause)

    def _filter_pause(self) -> None:
        self._rebuild()
        if self.index is not None and len(self.needle) >= TEXT_SEARCH_FROM:
            self.search_text(self.needle)

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
            self.action_open()

    def action_open(self) -> None:
        path = self.selected_path()
        if path is not None:
            hit = self.text_hits.get(os.path.abspath(path)) if self.text_hits else None
            self.post_message(self.Opened(path, hit.start if hit is not None else None))

    def update_entry(
        self, path: str, *, highlights: int | None = None, state: str | None = None
    ) -> None:
        """Show one article's new highlight count or read state (after it was read)."""
        for index, entry in enumerate(self.entries):
            if entry.summary.path == path:
                changed = replace(
                    entry,
                    highlights=entry.highlights if highlights is None else highlights,
                    state=entry.state if state is None else state,
                )
                if changed != entry:
                    self.entries[index] = changed
                    self._show_change(entry, changed)
                return

    def _show_change(self, before: Entry, after: Entry) -> None:
        """One entry changed: its row redrawn where it stands when the sort and the filter
        leave it there, else the table refilled."""
        key, _ = SORTS[self.sort_label()]
        table = self.query_one(ArticleTable)
        path = after.summary.path
        stays = key(after) == key(before) and self._listed(after) == self._listed(before)
        if stays and path in table.rows:
            table.replace_row(path, after, self._cells())
            self._show_status()
        elif stays and not self._listed(after):
            self._show_status()  # not listed before or after: only the counts change
        else:
            self._rebuild()
