"""The feeds in the app: groups with counts, Enter fetches and opens, r refreshes in place."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from reader.sources import articles_folder
from reader.sources.feeds import FeedStore, feeds_path
from reader.store import AnnotationStore
from reader.ui.app import make_app
from reader.ui.screens.feeds import FeedsScreen
from reader.ui.screens.reading import ReadingScreen
from tests.sources.web_server import LocalWeb, article_page

#: Each item's day of March: later items are newer.
DAYS = {"First": 1, "Second": 2, "Third": 3}


def rss(web: LocalWeb, items: list[tuple[str, str | None, str]]) -> str:
    """An RSS 2.0 feed of ``(title, path or None, summary)`` items."""
    entries = []
    for title, path, summary in items:
        link = f"<link>{web.url(path)}</link>" if path else ""
        day = DAYS.get(title, 1)
        entries.append(
            f"<item><title>{title}</title>{link}<guid isPermaLink='false'>item-{title}</guid>"
            f"<pubDate>{day:02d} Mar 2025 08:00:00 GMT</pubDate>"
            f"<description>{summary}</description></item>"
        )
    return (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Harwick Courier</title>"
        f"<link>{web.url('/')}</link><description>News</description>{''.join(entries)}"
        "</channel></rss>"
    )


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def cells(table: DataTable) -> list[str]:
    return [str(table.get_row_at(i)[0]).strip() for i in range(table.row_count)]


def subscribe(web: LocalWeb, store: AnnotationStore, items) -> None:
    url = web.page("/feed.xml", rss(web, items), **{"Content-Type": "application/rss+xml"})
    with FeedStore.open(feeds_path(store.path)) as feeds:
        feeds.add(url)


async def test_an_item_is_fetched_saved_and_opened(web: LocalWeb, store: AnnotationStore) -> None:
    web.page("/ferry", article_page())
    subscribe(web, store, [("Ferry crews return", "/ferry", "Crews are back.")])
    app = make_app(store, feeds=True, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, FeedsScreen)
        table = app.screen.query_one(DataTable)
        assert cells(table) == ["Harwick Courier", "Ferry crews return"]
        assert "1 new" in str(table.get_row_at(0)[2])
        table.move_cursor(row=1)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.article.title == "Ferry crews return to the island route"
        assert app.screen.article.source.startswith(str(articles_folder(store.path)))
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, FeedsScreen)
        assert "new" not in str(app.screen.query_one(DataTable).get_row_at(1)[2])
    with FeedStore.open(feeds_path(store.path), mode="read") as feeds:
        (item,) = feeds.items(feeds.feeds()[0].id)
        assert item.state == "read" and item.saved_path is not None
    assert web.hits["/ferry"] == 1


async def test_refresh_adds_items_without_moving_the_cursor(
    web: LocalWeb, store: AnnotationStore
) -> None:
    subscribe(web, store, [("Second", "/b", "B."), ("First", "/a", "A.")])
    app = make_app(store, feeds=True, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=cells(table).index("First"))
        web.page(
            "/feed.xml",
            rss(web, [("Third", "/c", "C."), ("Second", "/b", "B."), ("First", "/a", "A.")]),
            **{"Content-Type": "application/rss+xml"},
        )
        await pilot.press("r")
        await settle(pilot)
        assert cells(table) == ["Harwick Courier", "Third", "Second", "First"]
        assert cells(table)[table.cursor_row] == "First"  # still where the reader was
        await pilot.press("m")  # First is marked read…
        await settle(pilot)
        assert "new" not in str(table.get_row_at(table.cursor_row)[2])
        await pilot.press("u")  # …and hidden when only new items are shown
        await settle(pilot)
        assert "First" not in cells(table)


async def test_a_failing_feed_says_so_and_keeps_its_items(
    web: LocalWeb, store: AnnotationStore
) -> None:
    subscribe(web, store, [("Only", "/a", "A.")])
    app = make_app(store, feeds=True, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        web.answers.pop("/feed.xml")  # now a 404
        await pilot.press("r")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert "404" in str(table.get_row_at(0)[0])
        assert "Only" in cells(table)
        assert any("404" in n.message for n in app._notifications)


async def test_an_item_without_a_link_reads_its_summary(
    web: LocalWeb, store: AnnotationStore
) -> None:
    subscribe(web, store, [("Notice", None, "The ferry office opens at nine on Monday.")])
    app = make_app(store, feeds=True, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=1)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        assert "The ferry office opens at nine on Monday." in app.screen.article.text


async def test_no_feeds_says_how_to_add_one(store: AnnotationStore, tmp_path: Path) -> None:
    app = make_app(store, feeds=True, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        status = str(app.screen.query_one("#library-status").render())
        assert "reader feeds add URL" in status
    assert not feeds_path(store.path).exists()
