"""The library lists from the index: files unchanged since they were indexed are not read again,
and the index catches up with the rest in the background."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from textual.widgets import DataTable

from reader.index import connect, update
from reader.store import AnnotationStore
from reader.ui.app import make_app
from reader.ui.library_scan import INDEX_AFTER
from reader.ui.screens.library import LibraryScreen
from tests.index.test_index import HARBOUR, KELLER, KELLER_AGAIN


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def titles(table: DataTable) -> set[str]:
    column = list(table.columns).index("title")
    return {str(table.get_row_at(i)[column]) for i in range(table.row_count)}


async def test_rows_come_from_the_index_and_it_catches_up(
    store: AnnotationStore, tmp_path: Path
) -> None:
    news = tmp_path / "news"
    news.mkdir()
    for name, text in (("a.txt", KELLER), ("b.txt", KELLER_AGAIN), ("c.txt", HARBOUR)):
        (news / name).write_text(text, encoding="utf-8")
    # More files than the library reads before it opens the index (named to come first).
    for n in range(INDEX_AFTER):
        (news / f"0-{n:02d}.txt").write_text(KELLER.replace("Monday", f"day {n}"), encoding="utf-8")
    index = tmp_path / "index.sqlite3"
    conn = connect(index)
    update(conn, [news])
    # Proof that a row is the index's: a title planted there is what the library lists.
    conn.execute(
        "UPDATE articles SET title = 'Planted title' WHERE path = ?", (str(news / "a.txt"),)
    )
    conn.close()
    (news / "c.txt").write_text(HARBOUR + "\n\nPilots met again on Sunday.", encoding="utf-8")
    os.utime(news / "c.txt", ns=(1, 1))
    (news / "d.txt").write_text(HARBOUR.replace("Marie Olsen", "Jon Berg"), encoding="utf-8")
    app = make_app(store, library=[news], index=index, cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        shown = titles(app.screen.query_one(DataTable))
        assert "Planted title" in shown  # unchanged: from the index, not read again
        assert app.screen.query_one(DataTable).row_count == 4 + INDEX_AFTER
    rows = sqlite3.connect(index).execute("SELECT path, mtime_ns FROM articles").fetchall()
    by_name = {Path(p).name: m for p, m in rows}
    assert {"a.txt", "b.txt", "c.txt", "d.txt"} <= set(by_name)  # the new file is indexed now
    assert len(by_name) == 4 + INDEX_AFTER
    assert by_name["c.txt"] == 1  # and the changed one again


async def test_without_an_index_the_library_reads_every_file(
    store: AnnotationStore, tmp_path: Path
) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(KELLER, encoding="utf-8")
    app = make_app(store, library=[news], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert len(titles(app.screen.query_one(DataTable))) == 1
    assert not list(tmp_path.glob("*.sqlite3"))


async def test_a_handful_of_files_is_listed_without_the_index(
    store: AnnotationStore, tmp_path: Path
) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(KELLER, encoding="utf-8")
    index = tmp_path / "index.sqlite3"
    app = make_app(store, library=[news], index=index, cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(DataTable).row_count == 1
    assert not index.exists()  # nothing opened, nothing indexed behind the reader's back


async def test_the_filter_searches_the_text_and_enter_opens_at_the_match(
    store: AnnotationStore, tmp_path: Path
) -> None:
    from reader.ui.screens.reading import ReadingScreen
    from reader.ui.widgets.article_view import ArticleView

    news = tmp_path / "news"
    news.mkdir()
    for n in range(INDEX_AFTER):
        (news / f"k-{n:02d}.txt").write_text(KELLER.replace("Monday", f"day {n}"), encoding="utf-8")
    (news / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    index = tmp_path / "index.sqlite3"
    conn = connect(index)
    update(conn, [news])
    conn.close()
    app = make_app(store, library=[news], index=index, cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count == INDEX_AFTER + 1
        await pilot.press("slash", *"sleep")  # only in the harbour story's text, not its title
        await pilot.pause(0.3)  # the filter waits for typing to pause (a timer, then a worker)
        await settle(pilot)
        assert table.row_count == 1
        assert "sleep better" in str(app.screen.query_one("#library-status").render())
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        view = app.screen.query_one(ArticleView)
        assert app.screen.article.text[view.caret :].startswith("sleep better")


async def test_an_indexed_folder_is_listed_at_once_then_checked_for_changes(
    store: AnnotationStore, tmp_path: Path, monkeypatch
) -> None:
    """Every row comes from the index before the folders are walked; what the walk then finds
    (a file added, one changed, one gone) changes the list once, at the end."""
    import threading
    import time

    import reader.ui.library_scan as scan_module
    from reader.article import summarize

    news = tmp_path / "news"
    news.mkdir()
    for n in range(INDEX_AFTER + 2):
        (news / f"k-{n:02d}.txt").write_text(KELLER.replace("Monday", f"day {n}"), encoding="utf-8")
    (news / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    index = tmp_path / "index.sqlite3"
    conn = connect(index)
    update(conn, [news])
    (indexed_hash,) = conn.execute(
        "SELECT hash FROM articles WHERE path = ?", (str(news / "harbour.txt"),)
    ).fetchone()
    conn.close()
    (news / "k-00.txt").unlink()
    (news / "harbour.txt").write_text(HARBOUR.replace("Marie Olsen", "Jon Berg"), encoding="utf-8")
    os.utime(news / "harbour.txt", ns=(1, 1))
    (news / "new.txt").write_text(KELLER_AGAIN, encoding="utf-8")
    release = threading.Event()

    def held_summarize(path: Path):
        release.wait(timeout=10)  # the walk reads the first changed file only when let go
        return summarize(path)

    monkeypatch.setattr(scan_module, "summarize", held_summarize)
    app = make_app(store, library=[news], index=index, cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        deadline = time.monotonic() + 10
        while not (isinstance(app.screen, LibraryScreen) and app.screen.checking):
            assert time.monotonic() < deadline, "the index's rows never came"
            await pilot.pause(0.01)
        screen = app.screen
        table = screen.query_one(DataTable)
        assert table.row_count == INDEX_AFTER + 3  # as indexed, the gone file still there
        assert "looking for changes" in str(screen.query_one("#library-status").render())
        release.set()
        await settle(pilot)
        assert not screen.checking and not screen.scanning
        names = {Path(path).name for path in screen.ordered_paths()}
        assert "k-00.txt" not in names and "new.txt" in names
        assert table.row_count == INDEX_AFTER + 3
        harbour = next(e for e in screen.entries if e.summary.path.endswith("harbour.txt"))
        assert harbour.summary.content_hash == summarize(news / "harbour.txt").content_hash
        assert harbour.summary.content_hash != indexed_hash  # the changed file, read again
        assert "looking for changes" not in str(screen.query_one("#library-status").render())
    rows = sqlite3.connect(index).execute("SELECT path FROM articles").fetchall()
    assert {Path(p).name for (p,) in rows} == names  # and the index has caught up
