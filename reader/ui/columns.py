"""Table columns fitted into a number of terminal cells (the library and the notes screen).

Pure functions over column specs (no widgets).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


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
