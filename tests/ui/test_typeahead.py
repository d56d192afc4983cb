"""Keys that arrive together reach the widget they were meant for, in order.

Over SSH, from a fast typist or a paste, many keys reach the app in one read. These tests post a
whole burst to the app at once (as the terminal driver does) before anything has had a chance to
run, then let the app work through it.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from reader.store import AnnotationStore
from reader.ui.app import make_app
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.note_editor import NoteEditor
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.article_view import ArticleView
from tests.ui.articles import SHORT, short_article
from tests.ui.keys import burst, drain


def stored(store: AnnotationStore, article) -> list:
    return store.annotations_for(store.document_for(article).id)


async def test_text_typed_with_a_and_ctrl_s_in_one_burst_is_the_note(
    store: AnnotationStore,
) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await drain(pilot)
        burst(app, "aquick burst note", "ctrl+s")
        await drain(pilot)
        assert isinstance(app.screen, ReadingScreen)  # the q did not quit
        (record,) = stored(store, article)
        assert record.note == "quick burst note"
        sentence = article.sentences[0]
        assert (record.start, record.end) == (sentence.start, sentence.end)


async def test_many_bursts_in_a_row_lose_no_character(store: AnnotationStore) -> None:
    """Each burst steps to a sentence, notes it and saves; all of them sent before any runs."""
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await drain(pilot)
        notes = [f"note number {n} typed fast" for n in range(len(article.sentences))]
        for n, note in enumerate(notes):
            burst(app, "j" if n else "", "a", note, "ctrl+s")
        await drain(pilot)
        records = sorted(stored(store, article), key=lambda r: r.start)
        assert [r.note for r in records] == notes
        starts = [s.start for s in article.sentences]
        assert [r.start for r in records] == starts


async def test_h_then_a_in_one_burst_notes_the_highlight_h_made(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await drain(pilot)
        burst(app, "jh", "a", "on the new highlight", "ctrl+s")
        await drain(pilot)
        (record,) = stored(store, article)
        assert record.note == "on the new highlight"
        assert record.start == article.sentences[1].start


async def test_keys_after_ctrl_s_go_back_to_the_reading_pane(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await drain(pilot)
        burst(app, "a", "first", "ctrl+s", "jj", "a", "second", "ctrl+s", "u")
        await drain(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.caret == article.sentences[2].start
        # u, typed right after the second ctrl+s, undid that note's highlight and nothing else.
        (record,) = stored(store, article)
        assert record.note == "first"
        assert any("Undid the highlight and its note" in n.message for n in app._notifications)


async def test_keys_typed_during_start_up_reach_the_article(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        burst(app, "jjh")  # before the reading screen is there
        await drain(pilot)
        (record,) = stored(store, article)
        assert record.start == article.sentences[2].start


async def test_escape_in_the_editor_then_keys_for_the_text(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await drain(pilot)
        burst(app, "a", "escape", "j", "h")
        await drain(pilot)
        (record,) = stored(store, article)  # only the h: the empty note left nothing
        assert record.start == article.sentences[1].start
        assert record.note == ""


async def test_text_after_a_goes_into_an_existing_note(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await drain(pilot)
        burst(app, "a", "one", "ctrl+s", "a", " two", "ctrl+s")
        await drain(pilot)
        (record,) = stored(store, article)
        assert record.note == "one two"


async def test_a_burst_behind_slash_is_the_query(store: AnnotationStore) -> None:
    app = make_app(store, article=short_article(), cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await drain(pilot)
        burst(app, "/port", "enter", "h")
        await drain(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.query == "port"
        assert len(view.matches) == 3
        assert app.focused is view


async def test_the_editor_gets_typed_text_while_its_highlight_is_written(
    store: AnnotationStore, monkeypatch
) -> None:
    """A slow disk: the note editor opens late, and the text typed meanwhile waits for it."""
    import threading

    from reader.ui.annotator import Annotator

    gate = threading.Event()
    target = Annotator.target

    def slow_target(self, *args, **kwargs):
        gate.wait(timeout=10)
        return target(self, *args, **kwargs)

    monkeypatch.setattr(Annotator, "target", slow_target)
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await drain(pilot)
        burst(app, "a", "waited for")
        for _ in range(5):
            await pilot.pause(0.02)
        assert not isinstance(app.screen, NoteEditor)
        assert app.typeahead.waiting == len("waited for")
        gate.set()
        await drain(pilot)
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one("#note-text", TextArea).text == "waited for"


async def test_enter_in_the_library_then_keys_for_the_article(
    store: AnnotationStore, tmp_path: Path
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "halifax.txt").write_text(SHORT, encoding="utf-8")
    app = make_app(store, library=[folder], cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await drain(pilot)
        assert isinstance(app.screen, LibraryScreen)
        burst(app, "enter", "jh")
        await drain(pilot)
        assert isinstance(app.screen, ReadingScreen)
        article = app.screen.article
        (record,) = stored(store, article)
        assert record.start == article.sentences[1].start


async def test_leaving_an_article_before_its_side_column_is_built(
    store: AnnotationStore, tmp_path: Path
) -> None:
    """Enter and Escape in one burst: the reading screen goes before its panes are built."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "halifax.txt").write_text(SHORT, encoding="utf-8")
    app = make_app(store, library=[folder], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await drain(pilot)
        for _ in range(3):
            burst(app, "enter", "escape")
            await drain(pilot)
            assert isinstance(app.screen, LibraryScreen)
        assert app.is_running
    assert app.return_code in (None, 0)
