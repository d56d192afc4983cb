"""The library's table adds many rows at once without measuring them: what a reader sees and
what the screen asks of it must be what a plain DataTable gives row by row."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable
from textual.widgets.data_table import DuplicateKey

from reader.ui.widgets.article_table import ArticleTable

ROWS = [(f"/news/{n:03d}.txt", [Text(f"Title {n}"), Text(f"{n * 7:,}")]) for n in range(40)]


class Tables(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.highlighted: list[tuple[str, int]] = []
        self.selected: list[tuple[str, int]] = []

    def compose(self) -> ComposeResult:
        yield ArticleTable(id="fast", cursor_type="row")
        yield DataTable(id="plain", cursor_type="row")

    def on_mount(self) -> None:
        for table in self.query(DataTable):
            table.add_column("Title", key="title", width=20)
            table.add_column("Words", key="words", width=7)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.highlighted.append((event.data_table.id or "", event.cursor_row))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.selected.append((event.data_table.id or "", event.cursor_row))


async def test_add_many_gives_the_rows_add_row_gives() -> None:
    app = Tables()
    async with app.run_test(size=(80, 30)) as pilot:
        fast = app.query_one("#fast", ArticleTable)
        plain = app.query_one("#plain", DataTable)
        fast.add_many(ROWS, list)
        for key, cells in ROWS:
            plain.add_row(*cells, key=key)
        await pilot.pause()
        assert fast.row_count == plain.row_count == 40
        assert fast.virtual_size == plain.virtual_size
        for n in (0, 17, 39):
            assert fast.get_row_at(n) == plain.get_row_at(n)
        assert fast.get_row_index("/news/017.txt") == 17
        # The first rows put the cursor on a row, as they do in a plain table.
        assert ("fast", 0) in app.highlighted and ("plain", 0) in app.highlighted
        fast.focus()
        await pilot.press("down", "down")
        assert fast.cursor_row == 2


async def test_add_many_refuses_a_key_twice() -> None:
    app = Tables()
    async with app.run_test(size=(80, 30)):
        fast = app.query_one("#fast", ArticleTable)
        fast.add_many(ROWS[:2], list)
        with pytest.raises(DuplicateKey):
            fast.add_many(ROWS[1:2], list)


async def test_cells_are_made_when_a_row_is_first_drawn_or_read() -> None:
    app = Tables()
    made: list[int] = []

    def make(n: int) -> list[Text]:
        made.append(n)
        return [Text(f"Title {n}"), Text(str(n))]

    async with app.run_test(size=(80, 30)) as pilot:
        fast = app.query_one("#fast", ArticleTable)
        fast.add_many(((f"/news/{n:04d}.txt", n) for n in range(2000)), make)
        await pilot.pause()
        # Drawn: the rows on the screen (30 lines at most, shared by the two tables).
        assert 0 < len(made) <= 30 and max(made) < 30
        assert [str(cell) for cell in fast.get_row_at(1500)] == ["Title 1500", "1500"]
        assert 1500 in made
        assert made.count(1500) == 1 and fast.get_cell("/news/1500.txt", "words") == Text("1500")
        assert made.count(1500) == 1  # made once, kept
        with pytest.raises(ValueError):
            fast.add_many([("/news/x.txt", 0)], lambda _: [Text("a"), Text("b"), Text("c")])
            fast.get_row_at(fast.row_count - 1)


async def test_a_click_on_any_cell_of_the_cursor_row_selects_it() -> None:
    app = Tables()
    async with app.run_test(size=(80, 30)) as pilot:
        fast = app.query_one("#fast", ArticleTable)
        fast.add_many(ROWS[:3], list)
        await pilot.pause()
        await pilot.click(fast, offset=(24, 1))  # the words of the first row, not its title
        await pilot.pause()
        assert app.selected == [("fast", 0)]
        await pilot.click(fast, offset=(3, 2))  # another row: the cursor moves there
        await pilot.pause()
        assert app.selected == [("fast", 0)] and fast.cursor_row == 1


async def test_rows_keep_their_order_after_a_sort_and_a_refill() -> None:
    app = Tables()
    async with app.run_test(size=(80, 30)) as pilot:
        fast = app.query_one("#fast", ArticleTable)
        fast.add_many(ROWS[:5], list)
        fast.sort("words", key=lambda words: int(str(words).replace(",", "")), reverse=True)
        await pilot.pause()
        assert fast.ordered_rows[0].key.value == "/news/004.txt"
        fast.add_many(ROWS[5:7], list)  # after a sort: in the sorted order, then the new ones
        assert [row.key.value for row in fast.ordered_rows][-2:] == [
            "/news/005.txt",
            "/news/006.txt",
        ]
        assert fast.ordered_rows[0].key.value == "/news/004.txt"
        assert str(fast.get_row_at(0)[0]) == "Title 4"
        fast.clear()
        fast.add_many(ROWS[:3], list)
        assert [row.key.value for row in fast.ordered_rows] == [k for k, _ in ROWS[:3]]


async def test_replace_row_redraws_one_row_in_its_place() -> None:
    from textual.widgets.data_table import RowDoesNotExist

    app = Tables()
    async with app.run_test(size=(80, 30)) as pilot:
        fast = app.query_one("#fast", ArticleTable)
        fast.add_many(ROWS[:5], list)
        await pilot.pause()
        fast.replace_row("/news/002.txt", [Text("Retitled"), Text("9")], list)
        await pilot.pause()
        assert [row.key.value for row in fast.ordered_rows] == [k for k, _ in ROWS[:5]]
        assert [str(cell) for cell in fast.get_row_at(2)] == ["Retitled", "9"]
        assert str(fast.get_row_at(3)[0]) == "Title 3"
        assert "Retitled" in "\n".join(
            "".join(segment.text for segment in fast.render_line(y)) for y in range(8)
        )
        with pytest.raises(RowDoesNotExist):
            fast.replace_row("/news/none.txt", [Text("x")], list)
