"""The keys the two list screens share: a table with a filter line above it.

``/`` goes to the filter (and, typed first in an empty filter, is not taken for text), ``↓`` goes
from the filter back to the list. The library and the list of every note build on this, so the
same keys do the same thing in both.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Input


class FilteredListScreen(Screen[None]):
    """A screen with one filter :class:`Input` and one :class:`DataTable` below it."""

    BINDINGS = [
        # Priority, so that in an empty filter a "/" typed out of habit is not text (see
        # check_action); from the list it goes to the filter.
        Binding(
            "slash", "focus_filter", "Filter", id="list.filter", key_display="/", priority=True
        ),
        # Priority, or the input's own Down would take it; only in the filter (check_action).
        Binding("down", "focus_table", "List", id="list.table", key_display="↓", priority=True),
    ]

    def filter_input(self) -> Input:
        return self.query_one(Input)

    def table(self) -> DataTable:
        return self.query_one(DataTable)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The filter's own keys work (and show in the footer) only while they do something.
        in_filter = isinstance(self.focused, Input)
        if action == "focus_filter":
            # In the filter "/" is text, except first: there it would mean "to the filter",
            # where the reader already is.
            return not in_filter or not self.filter_input().value
        if action == "focus_table":
            return in_filter
        return True

    # Screen.set_focus moves the focus at once (Widget.focus waits for the next idle moment).

    def action_focus_filter(self) -> None:
        self.set_focus(self.filter_input())

    def action_focus_table(self) -> None:
        self.set_focus(self.table())
