"""The feeds: each subscription as a group (its title, how many items are new), its items below.

``r`` refreshes every feed in a worker, a line of progress per feed as each finishes; Enter on an
item fetches and saves its article (the full page, where the item links one) and opens it;
``m`` marks an item read or new again; ``u`` shows only what is new. Items that arrive while the
reader is in the list never move the cursor off the row it is on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from reader.inert import inert_line

if TYPE_CHECKING:
    from reader.article import Article
    from reader.sources.feeds import Feed, FeedStore, Item, RefreshResult

#: Feeds fetched at once by ``r``.
REFRESH_JOBS = 4
FEED_KEY, ITEM_KEY = "feed:", "item:"


def item_date(item: Item) -> str:
    return (item.published or item.first_seen or "")[:10]


class FeedsScreen(Screen[None]):
    """Subscriptions and their items, one table; the feed file is read and written off the UI
    thread."""

    AUTO_FOCUS = "#feed-items"

    BINDINGS = [
        Binding("enter", "open", "Open", id="feeds.open"),
        Binding("r", "refresh", "Refresh", id="feeds.refresh"),
        Binding("m", "toggle_read", "Read/new", id="feeds.toggle_read"),
        Binding("u", "only_new", "Only new", id="feeds.only_new"),
        Binding("escape", "back", "Back", id="feeds.back"),
    ]

    class Opened(Message):
        """An item's saved article, to open."""

        def __init__(self, path: str) -> None:
            super().__init__()
            self.path = path

    class OpenedText(Message):
        """An item with no page of its own: its summary, to read as the article."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    def __init__(self, feeds_file: Path, articles: Path, *, can_go_back: bool) -> None:
        super().__init__()
        self.feeds_file = feeds_file
        self.articles = articles
        self.can_go_back = can_go_back
        self.store: FeedStore | None = None
        self.feeds: list[Feed] = []
        self.items: dict[str, list[Item]] = {}
        self.only_new = False
        self.refreshing = False
        self._progress = ""

    def compose(self) -> ComposeResult:
        yield Static(Text("Feeds"), id="library-title")
        yield DataTable(id="feed-items", cursor_type="row", zebra_stripes=True)
        yield Static(id="library-status")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Title", key="title")
        table.add_column("Date", key="date", width=10)
        table.add_column("New", key="new", width=9)
        self._show_status("Reading the feeds…")
        self.load()

    # -- the feed file, off the UI thread ------------------------------------------------------

    @work(thread=True, exit_on_error=False, exclusive=True, group="feeds", description="Feeds")
    def load(self) -> None:
        from reader.sources.feeds import FeedStore

        try:
            if self.store is None:
                self.store = FeedStore.open(self.feeds_file)
            feeds = self.store.feeds()
            items = {feed.id: self.store.items(feed.id) for feed in feeds}
        except Exception as error:  # a damaged or unreadable file: say so, keep the app
            self.app.call_from_thread(self._failed, f"{self.feeds_file}: {error}")
            return
        self.app.call_from_thread(self._show, feeds, items)

    def _failed(self, problem: str) -> None:
        self.notify(inert_line(problem), severity="error", markup=False, timeout=10)
        self._show_status("The feeds could not be read")

    def _show(self, feeds: list[Feed], items: dict[str, list[Item]]) -> None:
        self.feeds, self.items = feeds, items
        self._rebuild()

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()

    # -- the table -----------------------------------------------------------------------------

    def _rebuild(self) -> None:
        """Every feed and its items again, the cursor kept on the row it was on."""
        table = self.query_one(DataTable)
        selected = self.selected_key()
        table.clear()
        for feed in self.feeds:
            items = self.items.get(feed.id, [])
            new = sum(1 for item in items if item.state == "new")
            title = Text(inert_line(feed.title or feed.url), style="bold")
            if feed.last_error:
                title.append(f"  ⚠ {inert_line(feed.last_error)}", style="italic")
            checked = (feed.last_checked or "")[:10]
            count = Text(f"{new} new" if new else "·")
            table.add_row(title, Text(checked), count, key=FEED_KEY + feed.id)
            for item in items:
                if self.only_new and item.state != "new":
                    continue
                style = "bold" if item.state == "new" else ""
                label = Text("  ")  # an item stands under its feed
                label.append(inert_line(item.title or item.url or "(untitled)"), style=style)
                mark = "new" if item.state == "new" else ("saved" if item.saved_path else "")
                table.add_row(label, Text(item_date(item)), Text(mark), key=ITEM_KEY + item.id)
        if selected is not None and selected in table.rows:
            table.move_cursor(row=table.get_row_index(selected), animate=False)
        self._show_status()

    def selected_key(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return key.value

    def _selected_item(self) -> Item | None:
        key = self.selected_key()
        if key is None or not key.startswith(ITEM_KEY):
            return None
        wanted = key[len(ITEM_KEY) :]
        for items in self.items.values():
            for item in items:
                if item.id == wanted:
                    return item
        return None

    def _show_status(self, text: str | None = None) -> None:
        if text is None:
            new = sum(1 for items in self.items.values() for item in items if item.state == "new")
            feeds = "1 feed" if len(self.feeds) == 1 else f"{len(self.feeds)} feeds"
            text = f"{feeds} · {new} new"
            if not self.feeds:
                text = "No feeds yet: reader feeds add URL (or import an OPML file)"
            if self.only_new:
                text += " · only new"
            if self._progress:
                text += f" · {self._progress}"
        self.query_one("#library-status", Static).update(Text(inert_line(text)))

    # -- keys ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return self.can_go_back
        if action == "refresh":
            return not self.refreshing and bool(self.feeds)
        if action == "toggle_read":
            return self._selected_item() is not None
        return True

    def on_data_table_row_highlighted(self) -> None:
        self.refresh_bindings()

    def action_back(self) -> None:
        self.dismiss()

    def action_only_new(self) -> None:
        self.only_new = not self.only_new
        self._rebuild()

    @on(DataTable.RowSelected, "#feed-items")
    def open_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        item = self._selected_item()
        if item is not None:
            self.notify(f"Opening {item.title or item.url} …", markup=False, timeout=3)
            self._open_item(item)

    def action_toggle_read(self) -> None:
        item = self._selected_item()
        if item is not None:
            state = "new" if item.state != "new" else "read"
            self._change(lambda store: store.mark(item.id, state))

    # -- work ----------------------------------------------------------------------------------

    @work(thread=True, exit_on_error=False, group="feeds-write", description="Saving feeds")
    def _change(self, change: Callable[[FeedStore], object]) -> None:
        if self.store is None:
            return
        try:
            change(self.store)
        except Exception as error:
            self.app.call_from_thread(self._failed, f"{self.feeds_file}: {error}")
            return
        self.load()

    @work(thread=True, exit_on_error=False, group="feeds-open", description="Opening an item")
    def _open_item(self, item: Item) -> None:
        from reader.article import ArticleError, parse_article
        from reader.sources.saved import SavedArticles

        store = self.store
        if store is None:
            return
        try:
            if item.saved_path and Path(item.saved_path).is_file():
                path: str | None = item.saved_path
            elif item.url:
                path = str(SavedArticles(self.articles).open(item.url))
                store.set_saved(item.id, path)
            else:  # no page to fetch: the feed's own text is the article
                path = None
                text = f"{item.title}\n\n{item.summary}" if item.summary else item.title
                article = parse_article(text, source=item.title or "feed item", fmt="text")
            store.mark(item.id, "read")
        except ArticleError as error:
            self.app.call_from_thread(
                self.notify, inert_line(str(error)), severity="error", markup=False, timeout=8
            )
            return
        if path is not None:
            self.post_message(self.Opened(path))
        else:
            self.post_message(self.OpenedText(article))
        self.load()

    def action_refresh(self) -> None:
        self.refreshing = True
        self._progress = f"refreshing 0 of {len(self.feeds)} feeds"
        self.refresh_bindings()
        self._show_status()
        self._refresh_all(len(self.feeds))

    @work(thread=True, exit_on_error=False, group="feeds-refresh", description="Refreshing feeds")
    def _refresh_all(self, total: int) -> None:
        from reader.sources.feeds import refresh

        store = self.store
        if store is None:
            return
        done: list[RefreshResult] = []

        def on_done(result: RefreshResult) -> None:
            done.append(result)
            self.app.call_from_thread(self._feed_done, result, len(done), total)

        try:
            results = refresh(store, jobs=REFRESH_JOBS, on_done=on_done)
        except Exception as error:
            results = []
            self.app.call_from_thread(self._failed, f"{self.feeds_file}: {error}")
        self.app.call_from_thread(self._refreshed, results)

    def _feed_done(self, result: RefreshResult, count: int, total: int) -> None:
        title = result.feed.title or result.feed.url
        what = result.error or f"{result.new} new"
        self._progress = f"refreshing {count} of {total} feeds · {title}: {what}"
        self._show_status()

    def _refreshed(self, results: list[RefreshResult]) -> None:
        self.refreshing = False
        failed = [r for r in results if r.error]
        new = sum(r.new for r in results)
        items = "1 item" if new == 1 else f"{new} items"
        self._progress = f"refreshed: {items} came in" + (
            f", {len(failed)} failed" if failed else ""
        )
        if failed:
            first = failed[0]
            self.notify(
                inert_line(f"{len(failed)} feed(s) failed; {first.feed.url}: {first.error}"),
                severity="warning",
                markup=False,
                timeout=10,
            )
        self.refresh_bindings()
        self.load()
