"""The line under the reading pane: where the caret is and what the search found."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from reader.inert import inert_line


class ReadingStatus(Widget):
    """``file · ¶ 3/12 · sentence 7/40 · 23%`` on the left, search results on the right."""

    position: reactive[str] = reactive("")
    search: reactive[str] = reactive("")

    def __init__(self, label: str, **kwargs: str) -> None:
        super().__init__(**kwargs)
        self.label = inert_line(label)

    def render(self) -> Text:
        left = Text(self.label, style="bold")
        if self.position:
            left.append(" · " + self.position)
        if self.search:
            right = Text(inert_line(self.search))
            gap = max(1, self.size.width - left.cell_len - right.cell_len)
            left.append(" " * gap)
            left.append_text(right)
        left.truncate(max(1, self.size.width), overflow="ellipsis")
        return left
