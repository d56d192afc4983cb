"""A one-line prompt that searches or filters as you type; Escape gives it up."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message

from reader.ui.widgets.reader_input import ReaderInput


class SearchBar(ReaderInput):
    """Typing searches as you go; Enter keeps the matches, Escape puts everything back."""

    BINDINGS = [Binding("escape", "cancel", "Cancel search", id="search.cancel")]

    class Cancelled(Message):
        """The reader gave up the search."""

        def __init__(self, bar: SearchBar) -> None:
            super().__init__()
            self.bar = bar

        @property
        def control(self) -> SearchBar:
            return self.bar

    def __init__(
        self, placeholder: str = "Search (Enter keeps, Esc cancels)", **kwargs: str
    ) -> None:
        super().__init__(placeholder=placeholder, **kwargs)

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled(self))
