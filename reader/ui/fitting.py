"""Text and table columns fitted into a number of terminal cells.

Pure functions over strings and column specs (no widgets), shared by the status line, the
library and the notes screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

ELLIPSIS = "…"
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


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: a fixed ``width`` in cells, or a ``share`` of what the fixed ones leave.

    The column with neither (the title) takes whatever the others leave.
    """

    label: str
    key: str
    width: int = 0
    share: float = 0.0
    least: int = 0
    most: int = 0
    numeric: bool = False


MIN_TITLE_WIDTH = 20
#: How far a shared column gives way before the title goes below MIN_TITLE_WIDTH.
MIN_SHARED_WIDTH = 6


def column_widths(columns: Sequence[Column], room: int, padding: int) -> list[int]:
    """Widths in cells for ``columns`` in ``room`` cells, ``padding`` cells around each one.

    Fixed columns get their width, shared columns their share of the rest (within their bounds)
    and the one column with neither the remainder; shared columns shrink towards
    MIN_SHARED_WIDTH before the remainder drops under MIN_TITLE_WIDTH.
    """
    free = room - padding * len(columns) - sum(c.width for c in columns)
    shared = {
        i: max(c.least, min(c.most, round(free * c.share)))
        for i, c in enumerate(columns)
        if c.share
    }
    while free - sum(shared.values()) < MIN_TITLE_WIDTH:
        widest = max(shared, key=lambda i: shared[i], default=None)
        if widest is None or shared[widest] <= MIN_SHARED_WIDTH:
            break
        shared[widest] -= 1
    rest = max(1, free - sum(shared.values()))
    return [c.width or shared.get(i, rest) for i, c in enumerate(columns)]
