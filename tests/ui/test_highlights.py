"""Highlights and notes from the keyboard: h, v, a, x, c, u, ] and [, the pane, drafts."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from reader.store import AnnotationStore
from reader.store.drafts import DraftBox
from reader.ui.app import make_app
from reader.ui.screens.note_editor import ConfirmDiscard, NoteEditor
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.highlights_pane import HighlightsPane
from tests.ui.articles import short_article
from tests.ui.waiting import settled


async def settle(pilot) -> None:
    await settled(pilot)


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


def stored(store: AnnotationStore, article) -> list:
    return store.annotations_for(store.document_for(article).id)


async def test_h_highlights_the_focused_sentence(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "j", "h")
        view = app.screen.query_one(ArticleView)
        (record,) = stored(store, article)
        sentence = article.sentences[1]
        assert (record.start, record.end) == (sentence.start, sentence.end)
        assert record.target.quote.exact == article.text[sentence.start : sentence.end]
        assert len(record.target.quote.prefix) == 32
        assert view.highlights.at(view.caret) is not None
        pane = app.screen.query_one(HighlightsPane)
        assert len(pane.highlights) == 1


async def test_v_selects_a_span_with_motions(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        start = view.caret
        await press(pilot, "v", "w", "w")
        # Up to the caret, not including the letter under it, and without the space before it.
        assert view.selection() == (start, view.caret - 1)
        await press(pilot, "h")
        assert view.selection() is None
        (record,) = stored(store, article)
        assert record.target.quote.exact == "Harbour pilots"


@pytest.mark.parametrize(
    ("motions", "ends_with"),
    [
        (("w", "w", "w", "w"), "pilots in Halifax"),
        (("j",), "broken channel lights."),
        (("j", "j"), "in a storm last week."),
        (("right_curly_bracket",), "in a storm last week."),
    ],
    ids=["words", "sentence", "two-sentences", "paragraph"],
)
async def test_a_selection_ends_where_the_text_does(
    store: AnnotationStore, motions: tuple[str, ...], ends_with: str
) -> None:
    """No letter of the next word, sentence or paragraph is taken into the highlight."""
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "v", *motions, "h")
        (record,) = stored(store, article)
        assert record.target.quote.exact.startswith("Harbour pilots")
        assert record.target.quote.exact.endswith(ends_with)


async def test_after_highlighting_a_selection_a_notes_that_highlight(
    store: AnnotationStore,
) -> None:
    """The caret goes back to the start of what was selected, so a, x and c act on it."""
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "w", "v", "w", "w", "h")
        view = app.screen.query_one(ArticleView)
        (record,) = stored(store, article)
        assert record.target.quote.exact == "pilots in"
        assert view.caret == record.start
        await press(pilot, "a")
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.passage == "pilots in"
        await pilot.press(*"on the words")
        await press(pilot, "ctrl+s")
        (record,) = stored(store, article)
        assert record.note == "on the words"


async def test_a_selection_made_backwards_keeps_its_first_letter(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "w", "w", "w", "v", "b", "b", "h")
        (record,) = stored(store, article)
        assert record.target.quote.exact == "pilots in"


async def test_escape_cancels_a_selection(store: AnnotationStore) -> None:
    app = make_app(store, article=short_article(), cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        await press(pilot, "v", "w", "escape")
        assert view.selection() is None
        assert isinstance(app.screen, ReadingScreen)


async def test_delete_undo_and_colour(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "h", "c")
        (record,) = stored(store, article)
        assert record.color == "green"
        await press(pilot, "u")
        assert stored(store, article)[0].color == "yellow"
        await press(pilot, "x")
        assert stored(store, article) == []
        await press(pilot, "u")
        (back,) = stored(store, article)
        assert back.id == record.id
        await press(pilot, "u")
        assert stored(store, article) == []
        messages = [n.message for n in app._notifications]
        assert "Highlight deleted (u undoes)" in messages


async def test_c_without_a_highlight_changes_the_pen(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "c", "c", "h")
        assert stored(store, article)[0].color == "blue"


async def test_overlapping_highlights_and_stepping(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        await press(pilot, "h", "v", "w", "h")  # a word inside the highlighted sentence
        await press(pilot, "j", "j", "j", "h")
        assert len(stored(store, article)) == 3
        await press(pilot, "g", "right_square_bracket")
        assert view.caret == article.sentences[3].start
        await press(pilot, "left_square_bracket")
        assert view.caret == article.sentences[0].start


async def test_note_editor_saves_with_tags(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"Pilots are right")
        await pilot.press("tab", *"safety, port")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ReadingScreen)
        (record,) = stored(store, article)
        assert record.note == "Pilots are right"
        assert record.tags == ("safety", "port")
        # a again edits the same highlight's note
        await press(pilot, "a")
        assert app.screen.query_one("#note-text", TextArea).text == "Pilots are right"
        await press(pilot, "escape")
        assert isinstance(app.screen, ReadingScreen)


async def test_escape_asks_before_throwing_a_note_away(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        await pilot.press(*"half a thought")
        await press(pilot, "escape")
        assert isinstance(app.screen, ConfirmDiscard)
        await press(pilot, "n")
        assert isinstance(app.screen, NoteEditor)
        await press(pilot, "escape", "y")
        assert isinstance(app.screen, ReadingScreen)
        # The note was for a sentence not highlighted yet: throwing it away leaves nothing.
        assert stored(store, article) == []


async def test_a_draft_is_kept_and_offered_back(store: AnnotationStore, tmp_path: Path) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        await pilot.press(*"typed before the link dropped")
        await pilot.pause(0.6)
        await settle(pilot)
        (draft,) = DraftBox(store.path).pending()
        assert draft.text == "typed before the link dropped"
    # The app went away without saving; the next start offers the draft back.
    again = make_app(store, article=article, cursor_blink=False)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert isinstance(again.screen, NoteEditor)
        assert again.screen.recovered
        text = again.screen.query_one("#note-text", TextArea).text
        assert text == "typed before the link dropped"
        await press(pilot, "ctrl+s")
    assert stored(store, article)[0].note == "typed before the link dropped"
    assert DraftBox(store.path).pending() == []


async def test_a_hang_up_keeps_what_the_editor_holds_even_before_it_was_reported(
    store: AnnotationStore,
) -> None:
    """The link drops between a key and the message about it: the draft still has the key."""
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        assert isinstance(app.screen, NoteEditor)
        # Straight into the editor, and the hang-up before any message is handled.
        app.screen.query_one("#note-text", TextArea).insert("the very last words")
        app._hang_up()
    (draft,) = DraftBox(store.path).pending()
    assert draft.text == "the very last words"


async def test_highlights_pane_lists_and_jumps(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "j", "j", "j", "h", "g", "H")
        pane = app.screen.query_one(HighlightsPane)
        assert app.focused is pane.query_one("#highlight-list")
        await press(pilot, "enter")
        view = app.screen.query_one(ArticleView)
        assert app.focused is view
        assert view.caret == article.sentences[3].start


async def test_highlights_are_reanchored_when_the_file_changes(
    store: AnnotationStore, tmp_path: Path
) -> None:
    from reader.article import load_article
    from tests.ui.articles import SHORT

    path = tmp_path / "halifax.txt"
    path.write_text(SHORT, encoding="utf-8")
    article = load_article(path)
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "j", "j", "h")
    quote = article.text[article.sentences[2].start : article.sentences[2].end]
    changed = SHORT.replace("Harbour pilots", "Veteran harbour pilots", 1)
    path.write_text(changed, encoding="utf-8")
    moved = load_article(path)
    again = make_app(store, article=moved, cursor_blink=False)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = again.screen.query_one(ArticleView)
        (placed,) = view.highlights.all
        assert placed.anchored
        assert moved.text[placed.start : placed.end] == quote


async def test_a_highlight_whose_words_changed_is_marked_in_the_pane(
    store: AnnotationStore, tmp_path: Path
) -> None:
    from textual.widgets import OptionList

    from reader.article import load_article
    from tests.ui.articles import SHORT

    path = tmp_path / "halifax.txt"
    path.write_text(SHORT, encoding="utf-8")
    app = make_app(store, article=load_article(path), cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "h")
    path.write_text(SHORT.replace("Halifax said Monday", "Halifax stated Monday", 1), "utf-8")
    edited = load_article(path)
    again = make_app(store, article=edited, cursor_blink=False)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        (placed,) = again.screen.query_one(ArticleView).highlights.all
        now = edited.text[placed.start : placed.end]
        assert now.startswith("Harbour pilots in Halifax stated Monday")
        assert now.endswith("two broken channel lights.")
        assert placed.changed and placed.method == "fuzzy"
        assert 90 <= placed.percent_same < 100
        pane = again.screen.query_one(HighlightsPane)
        prompt = pane.query_one("#highlight-list", OptionList).get_option_at_index(0).prompt
        assert f"changed · {placed.percent_same}% same" in str(prompt)
        assert "stated Monday" in str(prompt)
        # Going to it from the pane says that the text there changed, and by how much.
        await press(pilot, "H", "enter")
        assert again.screen.query_one(ArticleView).caret == placed.start
        messages = [n.message for n in again._notifications]
        assert any(f"{placed.percent_same}% of the words are the same" in m for m in messages)
