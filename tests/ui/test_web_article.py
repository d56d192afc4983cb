"""A saved web article in the reading screen: its site in the header, R fetches it again."""

from __future__ import annotations

from pathlib import Path

from reader.article import load_article
from reader.sources import articles_folder
from reader.sources.saved import SavedArticles
from reader.store import AnnotationStore
from reader.ui.app import make_app
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.article_header import ArticleHeader
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.reading_status import ReadingStatus
from tests.sources.web_server import LocalWeb, article_page
from tests.ui.articles import short_article
from tests.ui.screen_text import screen_rows


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def saved_copy(web: LocalWeb, store: AnnotationStore) -> Path:
    url = web.page("/story", article_page())
    return SavedArticles(articles_folder(store.path)).open(url)


async def test_the_header_names_the_site_and_the_author(
    web: LocalWeb, store: AnnotationStore
) -> None:
    app = make_app(store, article=load_article(saved_copy(web, store)), cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        meta = str(app.screen.query_one(ArticleHeader).query_one(".meta").render())
        assert meta.startswith("The Harwick Courier · by Lena Brandt · Harwick, England · AP")
        assert "127.0.0.1" in str(app.screen.query_one(ReadingStatus).render())
        assert not any("title: " in row for row in screen_rows(app))  # no front matter shown


async def test_r_fetches_the_page_again_and_the_highlight_follows(
    web: LocalWeb, store: AnnotationStore
) -> None:
    path = saved_copy(web, store)
    app = make_app(store, article=load_article(path), cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "h")  # the second sentence: “The boats are full again, …”
        await settle(pilot)
        old = app.screen
        changed = article_page(
            paragraphs=(
                "HARWICK, England (AP) — Ferry crews went back to the island route on "
                "Tuesday after a two-week strike over rosters ended on Monday night.",
                "“The boats are full again, and that is what we wanted,” said Owen Marsh, who "
                "speaks for the crews’ union. He said the new rosters give every crew two "
                "weekends a month.",
            )
        )
        web.page("/story", changed)
        await pilot.press("R")
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen) and app.screen is not old
        assert "went back to the island route" in app.screen.article.text
        assert "went back to the island route" in path.read_text(encoding="utf-8")
        view = app.screen.query_one(ArticleView)
        (placed,) = view.highlights.all
        assert app.screen.article.text[placed.start : placed.end].startswith("“The boats")
        assert web.hits["/story"] == 2


async def test_a_failed_fetch_keeps_the_article_and_says_why(
    web: LocalWeb, store: AnnotationStore
) -> None:
    path = saved_copy(web, store)
    before = path.read_bytes()
    app = make_app(store, article=load_article(path), cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        old = app.screen
        web.answers.pop("/story")
        await pilot.press("R")
        await settle(pilot)
        assert app.screen is old
        messages = [n.message for n in app._notifications]
        assert any("404" in m and web.url("/story") in m for m in messages), messages
    assert path.read_bytes() == before


async def test_r_does_nothing_for_a_file_that_is_not_from_the_web(store: AnnotationStore) -> None:
    app = make_app(store, article=short_article(), cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        old = app.screen
        assert old.check_action("fetch_again", ()) is False
        await pilot.press("R")
        await settle(pilot)
        assert app.screen is old and not list(app._notifications)
