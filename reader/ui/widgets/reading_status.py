"""The line under the reading pane: where the caret is and what the search found."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from reader.inert import inert_line
from reader.ui.fitting import cut_middle

#: Cells the file name keeps before the search count gives way.
MIN_NAME_CELLS = 12
#: Cells under which a search count is left out rather than cut.
MIN_SEARCH_CELLS = 12


class ReadingStatus(Widget):
    """``file · ¶ 3/12 · sentence 7/40 · 23%`` on the left, search results on the right.

    When the line is short of room the file name is cut in the middle first, then the search
    count goes; the position always shows.
    """

    position: reactive[str] = reactive("")
    search: reactive[str] = reactive("")
    #: What a key waits for (``m``'s letter), shown in place of the search count meanwhile.
    pending: reactive[str] = reactive("")

    def __init__(self, label: str, **kwargs: str) -> None:
        super().__init__(**kwargs)
        self.label = inert_line(label)

    def render(self) -> Text:
        width = max(1, self.size.width)
        position = f" · {self.position}" if self.position else ""
        search = inert_line(self.pending or self.search)
        room = width - cell_len(position)
        label_cells = cell_len(self.label)
        if search and label_cells + 1 + cell_len(search) > room:
            # Both do not fit: the name keeps a readable start, the search what is left.
            search_cells = room - 1 - min(label_cells, MIN_NAME_CELLS)
            if search_cells >= min(cell_len(search), MIN_SEARCH_CELLS):
                search = cut_middle(search, search_cells, keep_extension=False)
            else:
                search = ""
        if search:
            room -= 1 + cell_len(search)
        name = cut_middle(self.label, max(0, room))
        line = Text(name, style="bold")
        line.append(position if name else self.position)
        if search:
            line.append(" " * max(1, width - line.cell_len - cell_len(search)))
            line.append(search)
        # Narrower than the position itself: its start is the most telling part.
        line.truncate(width, overflow="ellipsis")
        return line
