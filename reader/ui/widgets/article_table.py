"""The library's table of articles: a DataTable that does not measure what it already knows,
nor make what nobody looks at.

Every column of the library has a width given to it (fitted to the screen, ``ui.fitting``)
and every row is one line. A plain DataTable still measures each cell of each new row, to
widen columns that size themselves; at 10,000 articles that measuring was most of the time
the library took to open. Here it is left out while no column sizes itself. And a row's cells
are made the first time they are asked for (drawn, or read): of 100,000 articles only the
screenful being looked at ever has its cells made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import zip_longest
from typing import Any

from rich.text import Text
from textual import events
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import DuplicateKey, Row, RowDoesNotExist, RowKey

#: What makes a row's cells (in the order of the columns) from what the row shows.
CellMaker = Callable[[Any], Sequence[Text]]


class LazyCells(dict[Any, Any]):
    """One row's cells by column key, made from ``item`` when one is first asked for.

    DataTable reads a row's cells by subscript (``cells[column_key]``) when it draws or returns
    the row; the first such read makes them all.
    """

    __slots__ = ("_columns", "_item", "_make")

    def __init__(self, columns: Sequence[Any], make: CellMaker, item: Any) -> None:
        super().__init__()
        self._columns = columns
        self._make: CellMaker | None = make
        self._item = item

    def __missing__(self, key: Any) -> Any:
        make, self._make = self._make, None
        if make is None:
            raise KeyError(key)
        cells = make(self._item)
        if len(cells) > len(self._columns):
            raise ValueError("More values provided than there are columns.")
        self.update(zip_longest(self._columns, cells))
        return self[key]


class ArticleTable(DataTable):
    """Rows of fixed height under columns of fixed width, added without measuring."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: Whether the rows' order on screen is the order they were added in (until a sort).
        self._in_added_order = True

    def add_many(self, rows: Iterable[tuple[str, Any]], make: CellMaker) -> None:
        """Add rows (key, what the row shows) at the bottom, each row's cells made by
        ``make`` only when the row is first drawn or read: what ``add_row`` does for each,
        with the cursor checked once for them all instead of once per row.

        At 100,000 rows every object made per row counts: a row here is its key, its
        ``Row`` and its (empty) cells, nothing measured (``_new_rows``, unless a column
        sizes itself) and nothing looked up twice.
        """
        was_empty = self.row_count == 0
        columns = [column.key for column in self.ordered_columns]
        measured = any(column.auto_width for column in self.columns.values())
        data, table_rows, new_rows = self._data, self.rows, self._new_rows
        # The two halves of the table's row-key <-> index map, filled directly.
        forward, reverse = self._row_locations._forward, self._row_locations._reverse
        index = len(table_rows)
        for key, item in rows:
            row_key = RowKey(key)
            if row_key in table_rows:
                raise DuplicateKey(f"The row key {row_key!r} already exists.")
            forward[row_key] = index
            reverse[index] = row_key
            data[row_key] = LazyCells(columns, make, item)
            table_rows[row_key] = Row(row_key, 1, None, False)
            if measured:
                new_rows.add(row_key)
            index += 1
        self._require_update_dimensions = True
        self._update_count += 1
        if self._in_added_order:
            # The rows in screen order are the rows as added: no lookup of each by index.
            self._ordered_row_cache[(len(table_rows), self._update_count)] = list(
                table_rows.values()
            )
        self.cursor_coordinate = self.cursor_coordinate
        visible_cursor = self.show_cursor and self.cursor_type != "none"
        if was_empty and self.row_count and columns and visible_cursor:
            self._highlight_cursor()
        self.check_idle()

    def replace_row(self, key: str, item: Any, make: CellMaker) -> None:
        """New cells for the row ``key``, made from ``item`` when drawn, the row staying where
        it is: one row redrawn instead of a table refilled (100,000 rows take a second)."""
        row_key = RowKey(key)
        if row_key not in self.rows:
            raise RowDoesNotExist(f"Row key {row_key!r} is not valid.")
        ordered = self.ordered_rows  # the order stands: carried over to the next count
        columns = [column.key for column in self.ordered_columns]
        self._data[row_key] = LazyCells(columns, make, item)
        self._update_count += 1  # what the drawing caches are keyed on
        self._ordered_row_cache[(len(self.rows), self._update_count)] = ordered
        self.refresh()

    def clear(self, columns: bool = False) -> ArticleTable:
        self._in_added_order = True
        super().clear(columns)
        return self

    def sort(self, *args: Any, **kwargs: Any) -> ArticleTable:
        self._in_added_order = False
        super().sort(*args, **kwargs)
        return self

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        if any(column.auto_width for column in self.columns.values()):
            super()._update_dimensions(new_rows)
            return
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(
            width + self._row_label_column_width, self._total_row_height + header
        )

    async def _on_click(self, event: events.Click) -> None:
        """A click anywhere on the row under the cursor opens it, as Enter does.

        DataTable selects only on a click on the very cell the cursor is at; with a row
        cursor the reader sees the whole row as one thing, so the clicked cell becomes the
        cursor's before DataTable's own handler (called next, up the class tree) compares.
        """
        meta = event.style.meta
        row, column = meta.get("row"), meta.get("column")
        on_cursor_row = self.cursor_type == "row" and row == self.cursor_row
        if on_cursor_row and isinstance(column, int) and 0 <= column != self.cursor_column:
            self.cursor_coordinate = Coordinate(self.cursor_row, column)
