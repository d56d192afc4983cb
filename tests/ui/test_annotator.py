"""The annotator: changes with undo, and two windows on one database file."""

from __future__ import annotations

from pathlib import Path

from reader.store import AnnotationStore
from reader.ui.annotator import Annotator
from reader.ui.app import make_app
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.article_view import ArticleView
from tests.ui.articles import short_article


def two_windows(tmp_path: Path) -> tuple[Annotator, Annotator, AnnotationStore, AnnotationStore]:
    article = short_article()
    first = AnnotationStore.open(tmp_path / "reader.json")
    second = AnnotationStore.open(tmp_path / "reader.json")
    document = first.document_for(article)
    return Annotator(first, article, document), Annotator(second, article, document), first, second


def test_a_note_edited_in_two_windows_keeps_both_texts(tmp_path: Path) -> None:
    one, two, first, second = two_windows(tmp_path)
    sentence = one.article.sentences[0]
    record = one.add(sentence.start, sentence.end)
    seen_by_two = second.annotation(record.id)
    assert seen_by_two is not None
    one.save_note(record, "written in the first window", ())
    saved = two.save_note(seen_by_two, "written in the second window", ())
    assert saved.conflict
    final = first.annotation(record.id)
    assert final is not None
    assert "written in the first window" in final.note
    assert "written in the second window" in final.note
    first.close()
    second.close()


def test_undo_takes_back_each_kind_of_change(tmp_path: Path) -> None:
    one, _, first, second = two_windows(tmp_path)
    sentence = one.article.sentences[1]
    record = one.add(sentence.start, sentence.end)
    one.recolor(record, "blue")
    one.save_note(first.annotation(record.id), "a note", ("tag",))
    assert one.undo() == "Undid the note “a note” (ctrl+r brings it back)"
    assert first.annotation(record.id).note == ""
    assert one.undo() == "Undid the edit (ctrl+r redoes)"
    assert first.annotation(record.id).color == "yellow"
    assert one.undo() == "Undid the highlight (ctrl+r redoes)"
    assert first.annotation(record.id) is None
    assert one.undo() == "Nothing to undo"
    first.close()
    second.close()


def test_undoing_a_highlight_with_a_note_says_so_and_redo_brings_both_back(
    tmp_path: Path,
) -> None:
    one, _, first, second = two_windows(tmp_path)
    sentence = one.article.sentences[2]
    record = one.add(sentence.start, sentence.end, "keep this thought", ("port",))
    message = one.undo()
    assert "its note “keep this thought”" in message
    assert "ctrl+r" in message
    assert first.annotation(record.id) is None
    assert one.redo() == "Redid the highlight"
    back = first.annotation(record.id)
    assert back is not None
    assert (back.note, back.tags) == ("keep this thought", ("port",))
    assert one.redo() == "Nothing to redo"
    first.close()
    second.close()


def test_redo_follows_undo_back_and_forth_and_a_new_change_ends_it(tmp_path: Path) -> None:
    one, _, first, second = two_windows(tmp_path)
    sentence = one.article.sentences[0]
    record = one.add(sentence.start, sentence.end)
    one.save_note(record, "first words", ())
    one.undo()
    one.undo()
    assert first.annotation(record.id) is None
    one.redo()
    assert first.annotation(record.id).note == ""
    one.redo()
    assert first.annotation(record.id).note == "first words"
    one.undo()
    one.recolor(first.annotation(record.id), "pink")  # a new change: nothing left to redo
    assert one.redo() == "Nothing to redo"
    first.close()
    second.close()


def test_h_on_an_exact_highlight_makes_no_duplicate(tmp_path: Path) -> None:
    one, _, first, second = two_windows(tmp_path)
    sentence = one.article.sentences[1]
    made = one.highlight(sentence.start, sentence.end)
    again = one.highlight(sentence.start, sentence.end)
    assert made.created and not again.created
    assert again.record.id == made.record.id
    assert len(first.annotations_for(one.document.id)) == 1
    first.close()
    second.close()


async def test_another_windows_highlight_shows_up(tmp_path: Path) -> None:
    article = short_article()
    with AnnotationStore.open(tmp_path / "reader.json") as mine:
        app = make_app(mine, article=article, cursor_blink=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ReadingScreen)
            view = screen.query_one(ArticleView)
            assert len(view.highlights) == 0
            with AnnotationStore.open(tmp_path / "reader.json") as theirs:
                other = Annotator(theirs, article, theirs.document_for(article))
                span = article.sentences[2]
                other.add(span.start, span.end)
            screen._watch_other_windows()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert len(view.highlights) == 1
