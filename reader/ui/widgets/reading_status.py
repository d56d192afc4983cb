"""The line under the reading pane: where the caret is and what the search found."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from reader.inert import inert_line

ELLIPSIS = "…"
#: Cells the file name keeps before the search count gives way.
MIN_NAME_CELLS = 12
#: Cells under which a search count is left out rather than cut.
MIN_SEARCH_CELLS = 12
#: A file extension longer than this is not kept whole by :func:`cut_middle`.
MAX_EXTENSION = 8


def _head(text: str, cells: int) -> str:
    """The longest start of ``text`` that fits in ``cells``."""
    used = 0
    for index, char in enumerate(text):
        used += cell_len(char)
        if used > cells:
            return text[:index]
    return text


def _tail(text: str, cells: int) -> str:
    """The longest end of ``text`` that fits in ``cells``."""
    return _head(text[::-1], cells)[::-1]


def cut_middle(text: str, cells: int, *, keep_extension: bool = True) -> str:
    """``text`` in at most ``cells`` cells, cut in the middle: ``a-very-lo…ile-name.txt``.

    The start and the end stay, since that is where file names differ (``brief-07.txt`` and
    ``brief-08.txt`` in ten cells: ``bri…07.txt``, ``bri…08.txt``). With ``keep_extension`` the
    end holds the whole extension and the rest is shared between the two ends.
    """
    if cell_len(text) <= cells:
        return text
    if cells <= 1:
        return ELLIPSIS[:cells]
    room = cells - 1
    tail_cells = room // 2
    stem, dot, extension = text.rpartition(".")
    extension_cells = cell_len(dot + extension)
    if keep_extension and stem and len(extension) <= MAX_EXTENSION and extension_cells < room:
        tail_cells = extension_cells + (room - extension_cells) // 2
    tail = _tail(text, tail_cells)
    head = _head(text, room - cell_len(tail))
    return f"{head}{ELLIPSIS}{tail}"


class ReadingStatus(Widget):
    """``file · ¶ 3/12 · sentence 7/40 · 23%`` on the left, search results on the right.

    When the line is short of room the file name is cut in the middle first, then the search
    count goes; the position always shows.
    """

    position: reactive[str] = reactive("")
    search: reactive[str] = reactive("")

    def __init__(self, label: str, **kwargs: str) -> None:
        super().__init__(**kwargs)
        self.label = inert_line(label)

    def render(self) -> Text:
        width = max(1, self.size.width)
        position = f" · {self.position}" if self.position else ""
        search = inert_line(self.search)
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
