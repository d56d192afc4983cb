"""Read state in the library (new, unread, read; ``m``, ``u``) and ``>``/``<`` between articles."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from reader.store import AnnotationStore
from reader.ui.app import make_app
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.article_view import ArticleView
from tests.ui.articles import short_article, write_library


async def settled(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def states(table: DataTable) -> dict[str, str]:
    """Each row's state mark by its place (the rows differ by place)."""
    keys = [key.value for key in table.columns]
    out = {}
    for i in range(table.row_count):
        row = dict(zip(keys, table.get_row_at(i), strict=True))
        out[str(row["place"])] = str(row["state"])
    return out


def title_line(screen: LibraryScreen) -> str:
    return str(screen.query_one("#library-title", Static).render())


def status_line(screen: LibraryScreen) -> str:
    return str(screen.query_one("#library-status", Static).render())


async def test_new_until_opened_unread_until_the_end_then_read(
    tmp_path: Path, store: AnnotationStore
) -> None:
    write_library(tmp_path)
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settled(pilot)
        library = app.screen
        assert isinstance(library, LibraryScreen)
        table = library.query_one(DataTable)
        assert set(states(table).values()) == {"•"}
        assert "3 new" in title_line(library) and "unread" not in title_line(library)
        # Opened and left before the end: unread.
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("escape")
        await settled(pilot)
        assert states(table)["Porto, Portugal"] == "…"
        assert "2 new · 1 unread" in title_line(library)
        # Opened again and read to the end: read.
        await pilot.press("enter")
        await settled(pilot)
        await pilot.press("G")
        await settled(pilot)
        await pilot.press("escape")
        await settled(pilot)
        assert states(table)["Porto, Portugal"] == " "
        assert "2 new" in title_line(library) and "unread" not in title_line(library)
    # Kept in the database: a new start knows.
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settled(pilot)
        table = app.screen.query_one(DataTable)
        assert states(table) == {
            "Porto, Portugal": " ",
            "Oslo, Norway": "•",
            "Lyon, France": "•",
        }


async def test_m_marks_read_and_unread_and_u_lists_only_what_is_not_read(
    tmp_path: Path, store: AnnotationStore
) -> None:
    write_library(tmp_path)
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settled(pilot)
        library = app.screen
        table = library.query_one(DataTable)
        await pilot.press("m")  # a new article, never opened: read
        await settled(pilot)
        assert states(table)["Porto, Portugal"] == " "
        await pilot.press("u")
        await settled(pilot)
        assert set(states(table)) == {"Oslo, Norway", "Lyon, France"}
        assert "2 of 3 articles" in status_line(library) and "unread only" in status_line(library)
        await pilot.press("u")
        await settled(pilot)
        assert table.row_count == 3
        await pilot.press("m")  # read again: not read any more
        await settled(pilot)
        assert states(table)["Porto, Portugal"] == "…"
    reopened = store.document_by_path(str(tmp_path / "c" / "deep" / "ferry.txt"))
    assert reopened is not None and not reopened.is_read


async def test_greater_and_less_than_step_through_the_library_in_its_order(
    tmp_path: Path, store: AnnotationStore
) -> None:
    write_library(tmp_path)
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settled(pilot)
        library = app.screen
        assert isinstance(library, LibraryScreen)
        await pilot.press("enter")
        await settled(pilot)
        assert app.screen.article.place == "Porto, Portugal"
        view = app.screen.query_one(ArticleView)
        await pilot.press("j", "j")
        left_at = view.caret
        assert left_at > 0
        await pilot.press("greater_than_sign")
        await settled(pilot)
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.article.place == "Oslo, Norway"
        # One reading screen at a time over the library, whose cursor follows.
        assert [type(s) for s in app.screen_stack[1:]] == [LibraryScreen, ReadingScreen]
        assert library.selected_path() == app.screen.article.source
        await pilot.press("less_than_sign")
        await settled(pilot)
        assert app.screen.article.place == "Porto, Portugal"
        assert app.screen.query_one(ArticleView).caret == left_at  # where it was left
        await pilot.press("less_than_sign")  # the first: stays, and says so
        await settled(pilot)
        assert app.screen.article.place == "Porto, Portugal"
        assert any("first article" in n.message for n in app._notifications)
        # The library's sort is the order: by place, Lyon, Oslo, Porto (by date the reverse).
        await pilot.press("escape")
        await settled(pilot)
        while library.sort_label() != "place":
            await pilot.press("o")
        library.select_path(str(tmp_path / "b" / "piers.txt"))  # Lyon, first by place
        await pilot.press("enter")
        await settled(pilot)
        await pilot.press("greater_than_sign")
        await settled(pilot)
        assert app.screen.article.place == "Oslo, Norway"
        await pilot.press("greater_than_sign")
        await settled(pilot)
        assert app.screen.article.place == "Porto, Portugal"
        await pilot.press("greater_than_sign")
        await settled(pilot)
        assert app.screen.article.place == "Porto, Portugal"
        assert any("last article" in n.message for n in app._notifications)


async def test_keys_typed_right_after_greater_than_reach_the_next_article(
    tmp_path: Path, store: AnnotationStore
) -> None:
    write_library(tmp_path)
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)
        first = app.screen
        await pilot.press("greater_than_sign", "j")
        await settled(pilot)
        assert app.screen is not first and app.screen.article.place == "Oslo, Norway"
        view = app.screen.query_one(ArticleView)
        assert view.caret == app.screen.article.sentences[1].start


async def test_without_a_library_greater_than_says_what_it_is_for(store: AnnotationStore) -> None:
    app = make_app(store, article=short_article(), cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        screen = app.screen
        await pilot.press("greater_than_sign")
        await settled(pilot)
        assert app.screen is screen
        assert any("library" in n.message for n in app._notifications)
