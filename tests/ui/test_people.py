"""The people view from the keyboard: P in the library, filter, Enter, and Enter on a quote."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from reader.store import AnnotationStore
from reader.ui.app import make_app
from reader.ui.screens.people import PeopleScreen, WhoScreen
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.article_view import ArticleView
from tests.index.test_index import HARBOUR, KELLER, KELLER_AGAIN


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def rows(table: DataTable) -> list[str]:
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_people_across_the_library_and_what_they_said(
    store: AnnotationStore, tmp_path: Path
) -> None:
    news = tmp_path / "news"
    news.mkdir()
    for name, text in (("a.txt", KELLER), ("b.txt", KELLER_AGAIN), ("c.txt", HARBOUR)):
        (news / name).write_text(text, encoding="utf-8")
    index = tmp_path / "index.sqlite3"
    app = make_app(store, library=[news], index=index, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        table = app.screen.query_one(DataTable)
        names = rows(table)
        assert "Anna Keller" in names and "Marie Olsen" in names
        await pilot.press("t")  # people only
        await settle(pilot)
        assert "Norway" not in rows(table) and "Anna Keller" in rows(table)
        await pilot.press("slash", *"olsen")
        await settle(pilot)
        assert rows(table) == ["Marie Olsen"]
        await pilot.press("escape")  # clears the filter
        await pilot.press("down")
        await settle(pilot)
        table.move_cursor(row=rows(table).index("Anna Keller"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WhoScreen)
        who_table = app.screen.query_one(DataTable)
        assert who_table.row_count == 2 + 4  # two articles, four quotes
        quote_row = next(
            i
            for i in range(who_table.row_count)
            if "Families have paid" in str(who_table.get_row_at(i)[1])
        )
        who_table.move_cursor(row=quote_row)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        view = app.screen.query_one(ArticleView)
        assert app.screen.article.source.endswith("b.txt")
        assert app.screen.article.text[view.caret :].startswith("Families have paid enough")
    assert index.exists()


async def test_the_entity_card_says_where_else_and_o_goes_there(
    store: AnnotationStore, tmp_path: Path
) -> None:
    from reader.article import load_article
    from reader.index import connect, update
    from reader.ui.widgets.entities_pane import EntitiesPane

    news = tmp_path / "news"
    news.mkdir()
    for name, text in (("a.txt", KELLER), ("b.txt", KELLER_AGAIN), ("c.txt", HARBOUR)):
        (news / name).write_text(text, encoding="utf-8")
    index = tmp_path / "index.sqlite3"
    conn = connect(index)
    update(conn, [news])
    conn.close()
    app = make_app(store, article=load_article(news / "a.txt"), index=index, cursor_blink=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        pane = app.screen.query_one(EntitiesPane)
        assert pane.highlighted is not None and pane.highlighted.name == "Anna Keller"
        card = str(pane.query_one("#entity-card").content)
        assert "in 1 other article" in card
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, WhoScreen)
        assert app.screen.query_one(DataTable).row_count == 2 + 4
