"""All highlights and notes across articles: listed, filtered, opened at the highlight."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input

from reader.article import load_article
from reader.store import AnnotationStore
from reader.store.anchoring import new_highlight
from reader.ui.app import make_app
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.notes import NotesScreen
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.article_view import ArticleView
from tests.ui.articles import write_library
from tests.ui.screen_text import screen_rows, widget_rows


def annotate(store: AnnotationStore, path: Path, sentence: int, note: str, tags=()) -> int:
    article = load_article(path)
    document = store.document_for(article)
    span = article.sentences[sentence]
    store.add_annotation(
        new_highlight(document.id, article.text, span.start, span.end, note=note, tags=tags)
    )
    return span.start


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_notes_from_every_article_filter_and_open(
    tmp_path: Path, store: AnnotationStore
) -> None:
    paths = write_library(tmp_path)
    annotate(store, paths[0], 0, "check the pier report", ("bridges",))
    offset = annotate(store, paths[2], 1, "ferry timetable", ("transport",))
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == 2
        await pilot.press(*"ferry")
        await pilot.pause()
        assert table.row_count == 1
        assert "ferry timetable" in str(table.get_row_at(0)[1])
        await pilot.press("enter")  # to the table
        await pilot.press("enter")  # opens the highlight
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.query_one(ArticleView).caret == offset
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        await pilot.press("escape", "escape")  # clears the filter, then leaves
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_tags_are_searchable(tmp_path: Path, store: AnnotationStore) -> None:
    paths = write_library(tmp_path)
    annotate(store, paths[0], 0, "", ("bridges",))
    annotate(store, paths[1], 0, "", ("budget",))
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"budg")
        await pilot.pause()
        assert app.screen.query_one(DataTable).row_count == 1


async def test_the_screen_opens_in_the_filter_and_every_key_filters(
    tmp_path: Path, store: AnnotationStore
) -> None:
    """Typing filters at once, letters that are commands elsewhere (n, o, q, t) included; Down
    or Enter goes to the table, ``/`` back to the filter, Escape clears and then leaves."""
    paths = write_library(tmp_path)
    annotate(store, paths[0], 0, "a quotation to check", ("notes",))
    annotate(store, paths[1], 0, "budget", ())
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        filter_input = screen.query_one("#notes-filter", Input)
        table = screen.query_one(DataTable)
        assert app.focused is filter_input
        theme = app.theme
        # A "/" first, out of habit, is not taken for text.
        await pilot.press("slash", *"quotation")
        await pilot.pause()
        assert filter_input.value == "quotation"
        assert app.screen is screen and app.theme == theme
        assert table.row_count == 1
        await pilot.press("down")
        assert app.focused is table
        await pilot.press("slash")
        assert app.focused is filter_input
        await pilot.press("enter")
        assert app.focused is table
        await pilot.press("escape")
        assert filter_input.value == "" and table.row_count == 2
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_the_notes_fit_80x24(tmp_path: Path, store: AnnotationStore) -> None:
    paths = write_library(tmp_path)
    annotate(
        store,
        paths[0],
        0,
        "A long note about the bridge, the piers and the report that the engineers wrote",
        ("bridges", "infrastructure", "follow-up"),
    )
    annotate(store, paths[2], 1, "ferry timetable", ("transport",))
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        table = screen.query_one(DataTable)
        # The filter is one row; the table fills the rest and scrolls no further sideways.
        assert screen.query_one("#notes-filter").region.height == 1
        assert table.max_scroll_x == 0
        assert table.region.right <= 80
        header = widget_rows(app, table)[0]
        for label in ("Highlight", "Note", "Tags", "Article"):
            assert label in header
        rows = screen_rows(app)
        assert rows[0].strip() == "All highlights and notes"
        assert any("2 of 2 highlights" in row for row in rows)
        assert "esc Back" in rows[-1] and rows[-1].rstrip().endswith("^p palette")
        # The columns share the width: the highlighted text keeps a useful part of it.
        widths = {c.key.value: c.width for c in table.columns.values()}
        assert widths["text"] >= 20 and all(w >= 6 for w in widths.values())


async def test_a_highlight_whose_words_changed_says_so(
    tmp_path: Path, store: AnnotationStore
) -> None:
    paths = write_library(tmp_path)
    annotate(store, paths[0], 0, "before the edit")
    text = paths[0].read_text(encoding="utf-8")
    paths[0].write_text(text.replace("would reopen", "might reopen"), encoding="utf-8")
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        cell = str(app.screen.query_one(DataTable).get_row_at(0)[0])
        assert cell.startswith("(changed, ") and "% same) " in cell
        assert "might reopen" in cell
