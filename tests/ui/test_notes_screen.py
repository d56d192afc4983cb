"""All highlights and notes across articles: listed, filtered, opened at the highlight."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from reader.article import load_article
from reader.store import AnnotationStore
from reader.store.anchoring import new_highlight
from reader.ui.app import make_app
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.notes import NotesScreen
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.article_view import ArticleView
from tests.ui.test_library import write_library


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
        await pilot.press("slash", *"ferry")
        await pilot.pause()
        assert table.row_count == 1
        assert "ferry timetable" in str(table.get_row_at(0)[1])
        await pilot.press("enter")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.query_one(ArticleView).caret == offset
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        await pilot.press("escape", "escape")
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
        await pilot.press("slash", *"budg")
        await pilot.pause()
        assert app.screen.query_one(DataTable).row_count == 1
