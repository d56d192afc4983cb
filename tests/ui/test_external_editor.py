"""``E`` and the note editor's ``ctrl+e``: a note written in the reader's own editor.

A headless app cannot hand its terminal over, so these tests put a fake editor in the app's
``run_editor``: it is given the command and the file, as the real one is, and edits the file.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from textual.widgets import TextArea

from reader.store import AnnotationStore
from reader.store.drafts import DraftBox
from reader.ui.app import make_app
from reader.ui.external_edit import NO_TERMINAL
from reader.ui.screens.note_editor import NoteEditor
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.article_view import ArticleView
from tests.ui.articles import short_article
from tests.ui.keys import burst, drain
from tests.ui.test_read_only import deny_writing


class FakeEditor:
    """Appends ``append`` to the file and exits with ``status``; remembers what it was given."""

    def __init__(self, append: str = "", status: int = 0) -> None:
        self.append, self.status = append, status
        self.calls: list[list[str]] = []
        self.seen = ""

    def __call__(self, argv: list[str]) -> int:
        self.calls.append(argv)
        path = Path(argv[-1])
        self.seen = path.read_text(encoding="utf-8")
        if self.append:
            with path.open("a", encoding="utf-8") as file:
                file.write(self.append)
        return self.status


def stored(store: AnnotationStore, article) -> list:
    return store.annotations_for(store.document_for(article).id)


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


def reader_app(store: AnnotationStore, editor: FakeEditor | None, command: str = "fake-ed -w"):
    app = make_app(store, article=short_article(), cursor_blink=False, editor=command)
    app.run_editor = editor
    return app


async def test_without_a_terminal_to_hand_over_nothing_changes(store: AnnotationStore) -> None:
    app = reader_app(store, None)
    async with app.run_test(size=(100, 30)) as pilot:
        await drain(pilot)
        burst(app, "E")
        await drain(pilot)
        assert isinstance(app.screen, ReadingScreen)
        assert messages(app) == [NO_TERMINAL]
        assert stored(store, app.screen.article) == []

        burst(app, "a", "typed in place", "ctrl+e")
        await drain(pilot)
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one("#note-text", TextArea).text == "typed in place"
        assert messages(app) == [NO_TERMINAL, NO_TERMINAL]
    assert stored(store, short_article()) == []


async def test_e_saves_the_note_and_tags_and_u_takes_them_back(store: AnnotationStore) -> None:
    editor = FakeEditor("The lights matter.\ntags: port, night\n")
    app = reader_app(store, editor)
    async with app.run_test(size=(100, 30)) as pilot:
        await drain(pilot)
        article = app.screen.article
        burst(app, "j", "E")
        await drain(pilot)
        (argv,) = editor.calls
        assert argv[:2] == ["fake-ed", "-w"]
        assert argv[-1].endswith(".md") and not Path(argv[-1]).exists()
        assert "# > The lights failed in a storm last week." in editor.seen
        (record,) = stored(store, article)
        sentence = article.sentences[1]
        assert (record.start, record.end) == (sentence.start, sentence.end)
        assert record.note == "The lights matter."
        assert record.tags == ("port", "night")
        assert messages(app)[-1] == "Highlighted with a note"

        burst(app, "u")
        await drain(pilot)
        assert stored(store, article) == []


async def test_e_on_a_highlight_edits_its_note(store: AnnotationStore) -> None:
    editor = FakeEditor("second thoughts\n")
    app = reader_app(store, editor)
    async with app.run_test(size=(100, 30)) as pilot:
        await drain(pilot)
        article = app.screen.article
        burst(app, "h", "a", "first thoughts", "tab", "a, b", "ctrl+s")
        await drain(pilot)
        # The caret is on the highlight: E edits its note, and the editor sees note and tags.
        burst(app, "w", "E")
        await drain(pilot)
        assert "first thoughts\ntags: a, b\n" in editor.seen
        (record,) = stored(store, article)
        assert record.note == "first thoughts\nsecond thoughts"
        assert record.tags == ("a", "b")
        assert messages(app)[-1] == "Note saved"
        burst(app, "u")
        await drain(pilot)
        (record,) = stored(store, article)
        assert (record.note, record.tags) == ("first thoughts", ("a", "b"))


async def test_an_editor_that_changes_nothing_saves_nothing(store: AnnotationStore) -> None:
    app = reader_app(store, FakeEditor())
    async with app.run_test(size=(100, 30)) as pilot:
        await drain(pilot)
        burst(app, "E")
        await drain(pilot)
        assert messages(app) == ["Note unchanged"]
        assert stored(store, app.screen.article) == []


async def test_a_failing_editor_changes_nothing_and_says_so(store: AnnotationStore) -> None:
    app = reader_app(store, FakeEditor("lost words\n", status=1))
    async with app.run_test(size=(100, 30)) as pilot:
        await drain(pilot)
        burst(app, "E")
        await drain(pilot)
        assert isinstance(app.screen, ReadingScreen)
        assert messages(app) == ["Editor fake-ed -w exited with status 1: nothing changed"]
        assert stored(store, app.screen.article) == []


async def test_a_missing_editor_changes_nothing_and_says_so(
    store: AnnotationStore, tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-editor"
    app = make_app(store, article=short_article(), cursor_blink=False, editor=str(missing))
    app.run_editor = lambda argv: subprocess.run(argv, check=False).returncode
    async with app.run_test(size=(100, 30)) as pilot:
        await drain(pilot)
        burst(app, "E")
        await drain(pilot)
        (said,) = messages(app)
        assert said == f"Editor not found: {missing}: nothing changed"
        assert stored(store, app.screen.article) == []


async def test_ctrl_e_in_the_note_editor_saves_and_closes(store: AnnotationStore) -> None:
    editor = FakeEditor("and more from outside\ntags: extra\n")
    app = reader_app(store, editor)
    async with app.run_test(size=(100, 30)) as pilot:
        await drain(pilot)
        article = app.screen.article
        burst(app, "a", "typed in place", "tab", "port")
        await drain(pilot)
        await pilot.pause(0.6)  # the draft is written once typing pauses
        await drain(pilot)
        assert DraftBox(store.path).pending()
        burst(app, "ctrl+e")
        await drain(pilot)
        assert "typed in place\ntags: port\n" in editor.seen
        assert isinstance(app.screen, ReadingScreen)
        (record,) = stored(store, article)
        assert record.note == "typed in place\nand more from outside"
        assert record.tags == ("port", "extra")
        assert messages(app)[-1] == "Highlighted with a note"
        assert DraftBox(store.path).pending() == []


async def test_ctrl_e_with_a_failing_editor_keeps_the_note_editor(store: AnnotationStore) -> None:
    app = reader_app(store, FakeEditor("not kept\n", status=2))
    async with app.run_test(size=(100, 30)) as pilot:
        await drain(pilot)
        burst(app, "a", "typed in place", "ctrl+e")
        await drain(pilot)
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one("#note-text", TextArea).text == "typed in place"
        (said,) = messages(app)
        assert said.startswith("Editor fake-ed -w exited with status 2")
        burst(app, "ctrl+s")
        await drain(pilot)
        (record,) = stored(store, app.screen.article)
        assert record.note == "typed in place"


async def test_keys_typed_after_e_wait_for_the_editor(store: AnnotationStore) -> None:
    carets: list[int] = []
    app = reader_app(store, None)

    def editor(argv: list[str]) -> int:
        carets.append(app.screen.query_one(ArticleView).caret)
        return FakeEditor("a note\n")(argv)

    app.run_editor = editor
    async with app.run_test(size=(100, 30)) as pilot:
        await drain(pilot)
        view = app.screen.query_one(ArticleView)
        start = view.caret
        burst(app, "E", "j")
        await drain(pilot)
        assert carets == [start]
        assert view.caret == app.screen.article.sentences[1].start
        (record,) = stored(store, app.screen.article)
        assert record.note == "a note"


async def test_a_read_only_database_refuses_e(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "reader.json"
    with AnnotationStore.open(db) as writable:
        writable.document_for(short_article())
    deny_writing(monkeypatch, db)
    editor = FakeEditor("never asked\n")
    with AnnotationStore.open(db) as store:
        app = reader_app(store, editor)
        async with app.run_test(size=(100, 30)) as pilot:
            await drain(pilot)
            burst(app, "E")
            await drain(pilot)
            assert isinstance(app.screen, ReadingScreen)
            assert editor.calls == []
            assert any("cannot be saved" in m for m in messages(app))
