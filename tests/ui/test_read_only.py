"""A database the reader may read but not write: it opens, says so once, and refuses to change."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from textual.widgets import TextArea

from reader.store import AnnotationStore
from reader.store import access as access_module
from reader.store.storage import AtomicJSONStorage
from reader.ui.app import make_app
from reader.ui.screens.note_editor import NoteEditor
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.article_view import ArticleView
from tests.ui.articles import short_article
from tests.ui.keys import burst, drain


def deny_writing(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """The kernel says "no write permission" on ``denied`` (tests run as root, which may)."""
    real = access_module.may

    def may(path: str | os.PathLike[str], mode: int) -> bool:
        if mode & os.W_OK and Path(path) == denied:
            return False
        return real(path, mode)

    monkeypatch.setattr(access_module, "may", may)


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_read_only_database_opens_the_article_and_refuses_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "reader.json"
    article = short_article()
    with AnnotationStore.open(db) as writable:
        document = writable.document_for(article)
        sentence = article.sentences[1]
        from reader.store.anchoring import new_highlight

        writable.add_annotation(
            new_highlight(document.id, article.text, sentence.start, sentence.end, note="kept")
        )
    before = db.read_bytes()
    deny_writing(monkeypatch, db)
    store = AnnotationStore.open(db)
    assert store.read_only
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await drain(pilot)
        assert isinstance(app.screen, ReadingScreen)
        view = app.screen.query_one(ArticleView)
        assert len(view.highlights) == 1  # what is stored still shows
        said = [m for m in messages(app) if "read-only" in m]
        assert len(said) == 1  # once, at the start
        burst(app, "j", "a", "typed into nothing", "ctrl+s", "h")
        await drain(pilot)
        assert isinstance(app.screen, ReadingScreen)  # no editor for a note it cannot keep
        assert app.is_running
        refusals = [m for m in messages(app) if "cannot be saved" in m]
        assert refusals
        assert "no permission to write the file" in refusals[-1]
    store.close()
    assert db.read_bytes() == before


async def test_a_note_that_cannot_be_saved_comes_back_in_the_editor(
    store: AnnotationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk turns read-only while a note is typed: the text is not lost."""
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await drain(pilot)
        burst(app, "a", "words worth keeping")
        await drain(pilot)
        assert isinstance(app.screen, NoteEditor)

        def write(self: AtomicJSONStorage, data: object) -> None:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(self.path))

        monkeypatch.setattr(AtomicJSONStorage, "write", write)
        burst(app, "ctrl+s")
        await drain(pilot)
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one("#note-text", TextArea).text == "words worth keeping"
        assert any(m.startswith("Not saved:") and "read-only" in m for m in messages(app))
