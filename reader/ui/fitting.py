"""Text fitted into a number of terminal cells: names cut in the middle, keeping the extension.

Pure functions over strings (no widgets), shared by the status line and the library; the table
columns are fitted in :mod:`reader.ui.columns`.
"""

from __future__ import annotations

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
