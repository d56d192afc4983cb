"""The one-line search prompt that ``/`` opens under the reading pane."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message

from reader.ui.widgets.reader_input import ReaderInput


class SearchBar(ReaderInput):
    """Typing searches as you go; Enter keeps the matches, Escape puts everything back."""

    BINDINGS = [Binding("escape", "cancel", "Cancel search", id="search.cancel")]

    class Cancelled(Message):
        """The reader gave up the search."""

    def __init__(self, **kwargs: str) -> None:
        super().__init__(placeholder="Search (Enter keeps, Esc cancels)", **kwargs)

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
