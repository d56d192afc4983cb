"""The reading screen driven from the keyboard, as a reader would."""

from __future__ import annotations

from reader.store import AnnotationStore
from reader.ui.app import make_app
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.reading_status import ReadingStatus
from reader.ui.widgets.side_panel import SidePanel
from tests.ui.articles import long_article, short_article
from tests.ui.keys import drain


async def open_reading(pilot) -> ArticleView:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(pilot.app.screen, ReadingScreen)
    return pilot.app.screen.query_one(ArticleView)


async def test_sentence_paragraph_and_word_keys(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_reading(pilot)
        assert view.caret == article.body_start
        await pilot.press("j", "j")
        assert view.caret == article.sentences[2].start
        await pilot.press("k")
        assert view.caret == article.sentences[1].start
        await pilot.press("down")
        assert view.caret == article.sentences[2].start
        await pilot.press("right_curly_bracket")
        assert view.caret == article.paragraphs[2].start
        await pilot.press("left_curly_bracket")
        assert view.caret == article.paragraphs[1].start
        await pilot.press("w")
        assert article.text[view.caret - 1] == " "
        await pilot.press("b")
        assert view.caret == article.paragraphs[1].start
        await pilot.press("G")
        assert view.caret == article.sentences[-1].start
        await pilot.press("g")
        assert view.caret == article.body_start


async def test_status_line_follows_the_caret(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_reading(pilot)
        await pilot.press("j", "j", "j")
        await pilot.pause()
        status = app.screen.query_one(ReadingStatus)
        assert f"sentence 4/{len(article.sentences)}" in status.position
        assert status.position.startswith("¶ 2/")


async def test_paging_moves_caret_and_view(store: AnnotationStore) -> None:
    article = long_article(60)
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_reading(pilot)
        height = view.scrollable_content_region.height
        await pilot.press("space")
        assert view.scroll_y == height - 2
        first_visible = view.layout_.offset_at_row(round(view.scroll_y))
        assert view.caret >= first_visible
        await pilot.press("pageup")
        assert view.scroll_y == 0
        await pilot.press("ctrl+d")
        assert view.scroll_y == height // 2
        await pilot.press("ctrl+u")
        assert view.scroll_y == 0
        await pilot.press("G")
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y
        row = view.layout_.row_of(view.caret)
        assert view.scroll_y <= row < view.scroll_y + height


async def test_caret_is_always_on_screen(store: AnnotationStore) -> None:
    article = long_article(30)
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_reading(pilot)
        for _ in range(40):
            await pilot.press("j")
            row = view.layout_.row_of(view.caret)
            assert view.scroll_y <= row < view.scroll_y + view.scrollable_content_region.height


async def test_search_highlights_counts_and_steps(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_reading(pilot)
        await pilot.press("slash", *"port", "enter")
        await pilot.pause()
        status = app.screen.query_one(ReadingStatus)
        assert len(view.matches) == 3
        assert status.search == "“port” 1/3"
        assert article.text[view.caret : view.caret + 4] == "port"
        await pilot.press("n")
        assert view.current_match == 1
        await pilot.press("N", "N")
        await pilot.pause()
        assert view.current_match == 2
        assert status.search == "“port” 3/3"
        assert view.caret == view.matches[2][0]


async def test_search_escape_puts_the_caret_back(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_reading(pilot)
        await pilot.press("j")
        before = view.caret
        await pilot.press("slash", *"rotterdam")
        assert view.caret != before
        await pilot.press("escape")
        await pilot.pause()
        assert view.caret == before
        assert view.matches == []
        assert app.focused is view


async def test_search_with_no_match_says_so(store: AnnotationStore) -> None:
    app = make_app(store, article=short_article(), cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_reading(pilot)
        await pilot.press("slash", *"zeppelin", "enter")
        await pilot.pause()
        assert app.screen.query_one(ReadingStatus).search == "“zeppelin” not found"


async def test_resize_rewraps_and_keeps_the_place(store: AnnotationStore) -> None:
    article = long_article(40)
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_reading(pilot)
        for _ in range(30):
            await pilot.press("j")
        caret_before = view.caret
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert view.caret == caret_before
        assert view.layout_.width < 80
        row = view.layout_.row_of(view.caret)
        assert view.scroll_y <= row < view.scroll_y + view.scrollable_content_region.height
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        screen_row_before = view.layout_.row_of(view.caret) - view.scroll_y
        await pilot.resize_terminal(100, 40)
        await pilot.pause()
        assert view.caret == caret_before
        assert view.layout_.row_of(view.caret) - view.scroll_y == screen_row_before


async def test_side_column_hidden_at_80_columns_and_toggles(store: AnnotationStore) -> None:
    app = make_app(store, article=short_article(), cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reading(pilot)
        side = app.screen.query_one(SidePanel)
        assert not side.display or side.region.width == 0
        await pilot.press("s")
        await pilot.pause()
        assert side.region.width > 0
        await pilot.press("s")
        await pilot.pause()
        assert side.region.width == 0


async def test_outline_jumps_to_a_paragraph(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_reading(pilot)
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "entity-list"
        await pilot.press("i")
        assert app.focused is not None and app.focused.id == "outline"
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert view.caret == article.paragraphs[2].start
        assert app.focused is view


async def test_reading_position_is_saved_and_restored(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_reading(pilot)
        await pilot.press("j", "j", "j", "j")
        await pilot.press("q")
    document = store.document_for(article)
    assert document.position == article.sentences[4].start

    again = make_app(store, article=article, cursor_blink=False)
    async with again.run_test(size=(100, 30)) as pilot:
        view = await open_reading(pilot)
        assert view.caret == article.sentences[4].start


async def test_help_lists_every_binding(store: AnnotationStore) -> None:
    app = make_app(store, article=short_article(), cursor_blink=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_reading(pilot)
        rows = dict((d, k) for k, d in app.binding_rows())
        for description in (
            "Next sentence",
            "Previous paragraph",
            "Next word",
            "Page down",
            "Half page up",
            "Start of article",
            "Search",
            "Next match",
            "Quit",
        ):
            assert description in rows
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)


async def test_theme_toggles_between_dark_and_light(store: AnnotationStore) -> None:
    app = make_app(store, article=short_article(), cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_reading(pilot)
        dark = app.theme
        await pilot.press("t")
        assert app.theme != dark
        await pilot.press("t")
        assert app.theme == dark


async def test_markup_and_escapes_in_an_article_are_inert(store: AnnotationStore) -> None:
    from reader.article import parse_article

    article = parse_article(
        "Officials said [bold]nothing[/bold] and [@click=app.quit]pressed[/] it.\x1b[2J\x9b31m "
        "A second sentence follows.",
        source="hostile.txt",
    )
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_reading(pilot)
        lines = "".join(seg.text for y in range(6) for seg in view.render_line(y))
        assert "[bold]nothing[/bold]" in lines
        assert "\x1b" not in lines and "\x9b" not in lines
        assert "␛" in lines
        assert app.is_running


async def test_keys_typed_right_behind_slash_go_into_the_query(store: AnnotationStore) -> None:
    """Over SSH keys arrive together: all of ``/port`` is queued before the bar opens."""
    from textual import events

    app = make_app(store, article=short_article(), cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_reading(pilot)
        for char in "/port":
            app.post_message(events.Key("slash" if char == "/" else char, char))
        await drain(pilot)
        bar = app.screen.query_one("#search")
        assert bar.value == "port"
        assert app.focused is bar
        assert len(view.matches) == 3
        # The next key, typed after the bar took the focus, adds to the query.
        await pilot.press("s")
        assert bar.value == "ports"


async def test_annotation_keys_wait_for_the_stored_highlights(
    store: AnnotationStore, monkeypatch
) -> None:
    """``h`` pressed before the stored highlights are loaded is kept, then done once."""
    import threading

    from reader.ui.annotator import Annotator

    release = threading.Event()
    load = Annotator.load

    def slow_load(self: Annotator):
        release.wait(timeout=10)
        return load(self)

    monkeypatch.setattr(Annotator, "load", slow_load)
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        while not isinstance(app.screen, ReadingScreen):
            await pilot.pause(0.01)
        await pilot.pause()
        await pilot.press("h")
        document = store.document_for(article)
        assert store.annotations_for(document.id) == []
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert len(store.annotations_for(document.id)) == 1


async def test_plain_terminals_get_plain_borders(store: AnnotationStore, monkeypatch) -> None:
    """TERM=linux: the console font has no rounded corners or heavy lines."""
    monkeypatch.setenv("TERM", "linux")
    app = make_app(store, article=short_article(), cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_reading(pilot)
        assert app.has_class("-plain-glyphs")
        await pilot.press("question_mark")
        await pilot.pause()
        border = app.screen.query_one("#help-body").styles.border
        assert {edge[0] for edge in border} == {"solid"}


async def test_help_lists_only_the_panes_own_keys(store: AnnotationStore) -> None:
    app = make_app(store, article=short_article(), cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_reading(pilot)
        descriptions = [description for _, description in app.binding_rows()]
        assert "Scroll Left" not in descriptions
        assert "Next sentence" in descriptions
