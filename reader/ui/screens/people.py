"""People (and organisations, places) across the library, from the index: who is in it, in how
many articles, with how many quotes; and for one of them, every article and everything said.

The index is brought up to date for the library's folders first, in a worker (extraction in
worker processes), with progress on the status line; the list can be filtered as you type.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Footer, Input, Static
from textual.worker import get_current_worker

from reader.inert import inert_line
from reader.ui.screens.filtered import FilteredListScreen
from reader.ui.widgets.reader_input import ReaderInput

if TYPE_CHECKING:
    from reader.index.queries import Known, Who

#: The types ``t`` steps through, and what the status line calls them.
TYPES = (None, "PERSON", "ORG", "PLACE", "GROUP")
TYPE_NAMES = {
    None: "everyone",
    "PERSON": "people",
    "ORG": "organisations",
    "PLACE": "places",
    "GROUP": "groups",
}
#: What one of each type is called in the list.
TYPE_LABELS = {"PERSON": "person", "ORG": "organisation", "PLACE": "place", "GROUP": "group"}


class PeopleScreen(FilteredListScreen):
    """Every entity across the library; Enter shows one across its articles."""

    AUTO_FOCUS = "#people"

    BINDINGS = [
        Binding("enter", "show", "Show", id="people.show"),
        Binding("t", "next_type", "Type", id="people.type"),
        Binding("escape", "back", "Back", id="people.back"),
    ]

    class Opened(Message):
        """An article to open (at ``offset``, for a quote)."""

        def __init__(self, path: str, offset: int | None = None) -> None:
            super().__init__()
            self.path = path
            self.offset = offset

    def __init__(self, index_file: Path, roots: list[Path] | None) -> None:
        super().__init__()
        self.index_file = index_file
        self.roots = roots
        self.known: list[Known] = []
        self.kind: str | None = None
        self.needle = ""
        self.ready = False

    def compose(self) -> ComposeResult:
        yield Static(Text("People, organisations and places"), id="library-title")
        yield ReaderInput(placeholder="/ filters by name", id="filter")
        yield DataTable(id="people", cursor_type="row", zebra_stripes=True)
        yield Static(id="library-status")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Name", key="name")
        table.add_column("Type", key="type", width=14)
        table.add_column("Articles", key="articles", width=8)
        table.add_column("Quotes", key="quotes", width=6)
        self._status("Bringing the index up to date…")
        self.gather()

    @work(thread=True, exit_on_error=False, exclusive=True, group="people", description="People")
    def gather(self) -> None:
        from reader.index import IndexUnavailable, connect
        from reader.index.background import start_update, wait_or_stop
        from reader.index.queries import everyone

        if self.roots:  # in a process of its own, on every core, while this screen waits
            worker = get_current_worker()
            try:
                process = start_update(self.index_file, self.roots, jobs=os.cpu_count() or 1)
            except OSError as error:
                self.app.call_from_thread(self._failed, f"{self.index_file}: {error}")
                return
            if wait_or_stop(process, lambda: worker.is_cancelled) is None:
                return
        try:
            conn = connect(self.index_file)
        except IndexUnavailable as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        try:
            known = everyone(conn, self.roots)
        finally:
            conn.close()
        self.app.call_from_thread(self._show, known)

    def _failed(self, problem: str) -> None:
        self.notify(inert_line(problem), severity="error", markup=False, timeout=10)
        self._status("No index: the people across articles need one")

    def _show(self, known: list[Known]) -> None:
        self.known = known
        self.ready = True
        self._rebuild()

    def _rebuild(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        shown = 0
        for k in self.known:
            if self.kind is not None and k.type != self.kind:
                continue
            if self.needle and self.needle not in k.name.casefold():
                continue
            table.add_row(
                Text(inert_line(k.name)),
                Text(TYPE_LABELS.get(k.type, k.type.lower())),
                Text(f"{k.articles:,}", justify="right"),
                Text(f"{k.quotes:,}" if k.quotes else "·", justify="right"),
                key=k.name,
            )
            shown += 1
        self._status(
            f"{shown:,} of {len(self.known):,} · {TYPE_NAMES.get(self.kind, self.kind)}"
            " · t: type · Enter: articles and quotes"
        )

    def _status(self, text: str) -> None:
        self.query_one("#library-status", Static).update(Text(inert_line(text)))

    @on(Input.Changed, "#filter")
    def filter_as_typed(self, event: Input.Changed) -> None:
        self.needle = event.value.strip().casefold()
        if self.ready:
            self._rebuild()

    @on(Input.Submitted, "#filter")
    def to_the_list(self) -> None:
        self.set_focus(self.query_one(DataTable))

    def action_next_type(self) -> None:
        self.kind = TYPES[(TYPES.index(self.kind) + 1) % len(TYPES)]
        self._rebuild()

    def action_back(self) -> None:
        if isinstance(self.focused, Input) and self.needle:
            self.query_one(Input).value = ""
            return
        self.dismiss()

    @on(DataTable.RowSelected, "#people")
    def show_selected(self) -> None:
        self.action_show()

    def action_show(self) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        if key.value is not None:
            self.app.push_screen(WhoScreen(self.index_file, key.value))


class WhoScreen(FilteredListScreen):
    """One entity across the library: the articles that mention it, then what it said."""

    AUTO_FOCUS = "#who"

    BINDINGS = [
        Binding("enter", "open", "Open", id="who.open"),
        Binding("escape", "back", "Back", id="who.back"),
    ]

    def __init__(self, index_file: Path, name: str) -> None:
        super().__init__()
        self.index_file = index_file
        self.entity_name = name
        self.rows: dict[str, tuple[str, int | None]] = {}

    def compose(self) -> ComposeResult:
        yield Static(Text(inert_line(self.entity_name)), id="library-title")
        yield ReaderInput(placeholder="/ filters", id="filter")
        yield DataTable(id="who", cursor_type="row", zebra_stripes=True)
        yield Static(id="library-status")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Date", key="date", width=10)
        table.add_column("", key="what")
        self.look_up()

    @work(thread=True, exit_on_error=False, exclusive=True, group="who", description="Who")
    def look_up(self) -> None:
        from reader.index import IndexUnavailable, connect, who

        try:
            conn = connect(self.index_file)
        except IndexUnavailable as error:
            self.app.call_from_thread(self.notify, inert_line(str(error)), severity="error")
            return
        try:
            found = who(conn, self.entity_name)
        finally:
            conn.close()
        self.app.call_from_thread(self._show, found)

    def _show(self, found: Who | None) -> None:
        table = self.query_one(DataTable)
        status = self.query_one("#library-status", Static)
        if found is None:
            status.update(Text(inert_line(f"{self.entity_name}: not in the index")))
            return
        for n, article in enumerate(found.articles):
            key = f"a{n}"
            self.rows[key] = (article.path, None)
            label = Text(inert_line(article.title), style="bold")
            label.append(f"  ×{article.mentions}", style="dim")
            table.add_row(Text(article.date or "—"), label, key=key)
        for n, quote in enumerate(found.quotes):
            key = f"q{n}"
            self.rows[key] = (quote.path, quote.start)
            said = Text("  “" + inert_line(" ".join(quote.text.split())) + "”", style="italic")
            if quote.cue:
                said.append(f" ({inert_line(quote.cue)})", style="dim")
            table.add_row(Text(quote.date or "—"), said, key=key)
        also = f" · also {', '.join(found.aliases)}" if found.aliases else ""
        status.update(
            Text(
                inert_line(
                    f"{found.name}{also} · {len(found.articles)} articles · "
                    f"{len(found.quotes)} quotes · Enter opens"
                )
            )
        )

    def action_back(self) -> None:
        self.dismiss()

    @on(DataTable.RowSelected, "#who")
    def open_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        row = self.rows.get(key.value or "")
        if row is not None:
            self.post_message(PeopleScreen.Opened(*row))
