"""``''`` and ``ctrl+o``: back to where the caret was before the last jump, and back again."""

from __future__ import annotations

from pathlib import Path

from reader.store import AnnotationStore
from reader.ui.app import make_app
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.article_view import ArticleView
from tests.ui.articles import SHORT, long_article, short_article
from tests.ui.keys import drain
from tests.ui.test_reading import open_reading


async def test_apostrophe_twice_returns_from_G_and_toggles(store: AnnotationStore) -> None:
    article = long_article(20)
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_reading(pilot)
        await pilot.press("j", "j")
        before = view.caret
        await pilot.press("G")
        end = view.caret
        assert end != before
        await pilot.press("apostrophe", "apostrophe")
        assert view.caret == before
        row = view.layout_.row_of(view.caret)
        assert view.scroll_y <= row < view.scroll_y + view.scrollable_content_region.height
        await pilot.press("apostrophe", "apostrophe")
        assert view.caret == end
        await pilot.press("apostrophe", "apostrophe")
        assert view.caret == before


async def test_ctrl_o_jumps_back_and_steps_are_not_jumps(store: AnnotationStore) -> None:
    article = long_article(20)
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_reading(pilot)
        start = view.caret
        await pilot.press("j", "w", "right_curly_bracket", "space")
        stepped = view.caret
        await pilot.press("ctrl+o")  # no jump yet: nothing to go back to
        assert view.caret == stepped
        await pilot.press("g")
        assert view.caret == start
        await pilot.press("ctrl+o")
        assert view.caret == stepped
        await pilot.press("ctrl+o")
        assert view.caret == start


async def test_no_earlier_place_says_so(store: AnnotationStore) -> None:
    app = make_app(store, article=short_article(), cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_reading(pilot)
        caret = view.caret
        await pilot.press("apostrophe", "apostrophe")
        await pilot.pause()
        assert view.caret == caret
        assert any("No earlier place" in n.message for n in app._notifications)


async def test_back_from_a_search_and_from_n(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_reading(pilot)
        await pilot.press("j")
        origin = view.caret
        await pilot.press("slash", *"port", "enter")
        await pilot.pause()
        landed = view.current_match
        first = view.matches[landed][0]
        assert view.caret == first != origin
        await pilot.press("apostrophe", "apostrophe")
        assert view.caret == origin  # not to a match passed while typing
        await pilot.press("apostrophe", "apostrophe")
        assert view.caret == first
        await pilot.press("n")
        assert view.caret == view.matches[(landed + 1) % len(view.matches)][0]
        await pilot.press("ctrl+o")
        assert view.caret == first


async def test_back_from_a_highlight_step(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_reading(pilot)
        await pilot.press("j", "j", "h")
        await drain(pilot)
        await pilot.press("g", "j")
        here = view.caret
        await pilot.press("right_square_bracket")
        assert view.caret == article.sentences[2].start
        await pilot.press("ctrl+o")
        assert view.caret == here


async def test_back_from_the_outline(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_reading(pilot)
        await pilot.press("j")
        here = view.caret
        await pilot.press("i")
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert view.caret == article.paragraphs[2].start and app.focused is view
        await pilot.press("apostrophe", "apostrophe")
        assert view.caret == here


async def test_back_from_a_quote_chosen_in_its_pane(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_reading(pilot)
        await pilot.press("G")
        here = view.caret
        await pilot.press("quotation_mark")
        await drain(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert view.caret != here
        quote_at = view.caret
        await pilot.press("tab")  # back to the text
        await pilot.pause()
        assert app.focused is view
        await pilot.press("ctrl+o")
        assert view.caret == here
        await pilot.press("ctrl+o")
        assert view.caret == quote_at


async def test_opened_at_a_match_goes_back_to_the_place_left(
    store: AnnotationStore, tmp_path: Path
) -> None:
    path = tmp_path / "halifax.txt"
    path.write_text(SHORT, encoding="utf-8")
    from reader.article import load_article

    article = load_article(path)
    document = store.document_for(article)
    store.save_position(document.id, article.sentences[1].start)
    match = SHORT.index("Rotterdam")
    app = make_app(store, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        app.load(str(path), match)
        await drain(pilot)
        assert isinstance(app.screen, ReadingScreen)
        view = app.screen.query_one(ArticleView)
        assert view.caret == match
        await pilot.press("apostrophe", "apostrophe")
        assert view.caret == article.sentences[1].start
