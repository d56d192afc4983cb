"""What is lit up in the reading pane: search matches, an entity's mentions or a quote.

(Not the marks of ``m``/``'``, which name places: see :mod:`reader.store.place_marks`.)

Pure (no Textual): the spans in text order, which one is current, and the lookups the renderer
and ``n``/``N`` need.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field


@dataclass
class LitSpans:
    """Spans lit up together under one label (a query, an entity's name)."""

    label: str = ""
    kind: str = "search"  # search | mentions
    spans: list[tuple[int, int]] = field(default_factory=list)
    current: int = -1

    def __post_init__(self) -> None:
        self.spans = sorted(self.spans)
        self._starts = [start for start, _ in self.spans]

    def __bool__(self) -> bool:
        return bool(self.spans)

    def touching(self, start: int, end: int) -> list[tuple[int, int, bool]]:
        """Spans that overlap ``[start, end)``, each with whether it is the current one."""
        found = []
        index = max(0, bisect_left(self._starts, start) - 1)
        while index < len(self.spans) and self.spans[index][0] < end:
            m_start, m_end = self.spans[index]
            if m_end > start:
                found.append((m_start, m_end, index == self.current))
            index += 1
        return found

    def first_from(self, offset: int) -> int:
        """Index of the first span starting at or after ``offset``, wrapping to the first."""
        return bisect_left(self._starts, offset) % len(self.spans)

    def step(self, offset: int, direction: int) -> int:
        """Index of the next span strictly after ``offset`` (or before it), wrapping around."""
        if direction > 0:
            return bisect_right(self._starts, offset) % len(self.spans)
        return (bisect_left(self._starts, offset) - 1) % len(self.spans)
