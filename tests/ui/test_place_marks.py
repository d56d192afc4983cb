"""``m`` + letter sets a mark at the caret, ``'`` + letter goes back to it, across restarts."""

from __future__ import annotations

from reader.store import AnnotationStore
from reader.ui.app import make_app
from reader.ui.widgets.reading_status import ReadingStatus
from tests.ui.articles import long_article, short_article
from tests.ui.keys import burst, drain
from tests.ui.test_reading import open_reading


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_set_a_mark_move_and_go_back_to_it(store: AnnotationStore) -> None:
    article = long_article(20)
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_reading(pilot)
        await pilot.press("j", "j", "j")
        marked = view.caret
        await pilot.press("m", "a")
        await pilot.pause()
        assert "Mark a set" in messages(app)
        await pilot.press("space", "space", "j")
        moved = view.caret
        await pilot.press("apostrophe", "a")
        assert view.caret == marked
        await pilot.press("apostrophe", "apostrophe")  # a mark is a jump: '' comes back
        assert view.caret == moved


async def test_the_letter_after_m_does_nothing_else(store: AnnotationStore) -> None:
    # "a" alone opens the note editor, "h" highlights: after m they only name the mark.
    app = make_app(store, article=short_article(), cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_reading(pilot)
        await pilot.press("m", "h", "m", "a")
        await drain(pilot)
        assert app.screen is view.screen
        assert len(view.highlights) == 0
        assert set(view.place_marks) == {"h", "a"}


async def test_m_and_a_typed_in_one_burst_set_the_mark(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_reading(pilot)
        burst(app, "jjma", "G", "'a")
        await drain(pilot)
        assert view.place_marks == {"a": article.sentences[2].start}
        assert view.caret == article.sentences[2].start
        assert app.screen is view.screen  # no note editor opened by the "a"


async def test_marks_survive_a_restart(store: AnnotationStore) -> None:
    article = long_article(20)
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_reading(pilot)
        await pilot.press("j", "j", "j", "j")
        marked = view.caret
        await pilot.press("m", "a", "G")
        await drain(pilot)
        await pilot.press("q")

    with AnnotationStore.open(store.path) as reopened:  # as a new process would
        assert reopened.document_for(article).marks == {"a": marked}
        again = make_app(reopened, article=article, cursor_blink=False)
        async with again.run_test(size=(80, 24)) as pilot:
            view = await open_reading(pilot)
            assert view.caret != marked
            await pilot.press("apostrophe", "a")
            assert view.caret == marked


async def test_a_mark_past_the_end_of_a_shorter_article_is_clamped(
    store: AnnotationStore,
) -> None:
    article = short_article()
    document = store.document_for(article)
    store.save_mark(document.id, "z", len(article.text) + 5000)
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_reading(pilot)
        await pilot.press("apostrophe", "z")
        assert 0 <= view.caret < len(article.text)


async def test_a_mark_not_set_says_so(store: AnnotationStore) -> None:
    app = make_app(store, article=short_article(), cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_reading(pilot)
        caret = view.caret
        await pilot.press("apostrophe", "q")
        await pilot.pause()
        assert view.caret == caret
        assert "Mark q is not set" in messages(app)


async def test_escape_cancels_a_waiting_m(store: AnnotationStore) -> None:
    app = make_app(store, article=short_article(), cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_reading(pilot)
        status = app.screen.query_one(ReadingStatus)
        await pilot.press("m")
        await pilot.pause()
        assert status.pending  # the status line shows that m waits for its letter
        await pilot.press("escape", "a")  # the a after it is the note key again
        await drain(pilot)
        assert status.pending == ""
        assert view.place_marks == {}
        assert app.screen is not view.screen  # the note editor opened
        await pilot.press("escape")


async def test_a_key_that_is_no_letter_cancels_and_says_why(store: AnnotationStore) -> None:
    app = make_app(store, article=short_article(), cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_reading(pilot)
        caret = view.caret
        await pilot.press("m", "1", "apostrophe", "down")
        await pilot.pause()
        assert view.place_marks == {} and view.caret == caret  # down did not move either
        assert any("letters" in m for m in messages(app))


async def test_help_lists_the_jump_keys(store: AnnotationStore) -> None:
    app = make_app(store, article=short_article(), cursor_blink=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_reading(pilot)
        rows = {description: keys for keys, description in app.binding_rows()}
        assert rows["Jump back"] == "^o"
        assert "m" in rows["Set a mark (then a letter)"]
        assert "'" in rows["Go to a mark (then a letter; '' jumps back)"]
