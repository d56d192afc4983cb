"""The status line under the reading pane keeps the position in view at any width."""

from __future__ import annotations

import re

from textual.app import App, ComposeResult

from reader.article import parse_article
from reader.store import AnnotationStore
from reader.ui.app import make_app
from reader.ui.fitting import cut_middle
from reader.ui.widgets.reading_status import ReadingStatus
from tests.ui.articles import SHORT
from tests.ui.screen_text import widget_rows

LONG_NAME = "harbour-pilots-stop-night-guidance-until-channel-lights-are-replaced-2025.txt"


def test_cut_middle_keeps_the_start_and_the_extension() -> None:
    assert cut_middle("a-very-long-file-name.txt", 40) == "a-very-long-file-name.txt"
    cut = cut_middle("a-very-long-file-name.txt", 15)
    assert cut == "a-ver…-name.txt" and len(cut) == 15
    # What tells similar names apart, just before the extension, stays too.
    assert cut_middle("brief-07.txt", 10) == "bri…07.txt"
    # Wide characters are counted in cells.
    assert cut_middle("拉麵拉麵拉麵拉麵.txt", 11) == "拉麵…麵.txt"
    assert cut_middle("anything", 1) == "…"
    assert cut_middle("anything", 0) == ""


async def test_a_long_file_name_is_cut_and_the_position_and_search_count_show(
    store: AnnotationStore,
) -> None:
    article = parse_article(SHORT, source=f"/news/{LONG_NAME}")
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = app.screen.query_one(ReadingStatus)
        (row,) = widget_rows(app, status)
        assert "¶ 1/4 · sentence 1/9 · 0%" in row
        name = row.strip().split(" · ")[0]
        assert name.startswith("harbour-pilots") and name.endswith(".txt") and "…" in name
        await pilot.press("slash", *"port", "enter")
        await pilot.pause()
        (row,) = widget_rows(app, status)
        assert re.search(r"· sentence \d/9 · \d+%", row)
        assert row.rstrip().endswith("“port” 1/3")
        assert row.lstrip().startswith("harbour-")


class StatusApp(App[None]):
    CSS = "ReadingStatus { height: 1; padding: 0 1; }"

    def __init__(self, label: str, position: str, search: str) -> None:
        super().__init__()
        self.status = ReadingStatus(label)
        self.status.position = position
        self.status.search = search

    def compose(self) -> ComposeResult:
        yield self.status


POSITION = "¶ 12/140 · sentence 300/2000 · 100%"


async def test_the_search_count_gives_way_before_the_position() -> None:
    """Wide enough for all: everything; then the name is cut; then the count goes."""
    expected = [
        (150, True, LONG_NAME),
        (80, True, None),
        (60, False, None),
        (50, False, None),
    ]
    for width, shows_search, whole_name in expected:
        app = StatusApp(LONG_NAME, POSITION, "“lights” 12/140")
        async with app.run_test(size=(width, 3)) as pilot:
            await pilot.pause()
            (row,) = widget_rows(app, app.status)
            assert POSITION in row, (width, row)
            assert ("“lights” 12/140" in row) == shows_search, (width, row)
            name = row.strip().split(" · ")[0]
            if whole_name:
                assert name == whole_name
            else:
                assert "…" in name and name.endswith(".txt") and name.startswith("har")


async def test_narrower_than_the_position_shows_its_start() -> None:
    app = StatusApp(LONG_NAME, POSITION, "")
    async with app.run_test(size=(20, 3)) as pilot:
        await pilot.pause()
        (row,) = widget_rows(app, app.status)
        assert row.strip().startswith("¶ 12/140 · sen") and row.rstrip().endswith("…")
