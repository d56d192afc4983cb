"""The article's highlights as the reading pane needs them: placed on today's text, in order.

Pure Python (no Textual): placing re-anchors every stored highlight on the text as it is now, so a
changed article file keeps its highlights where they belong. One whose words were edited is
placed on the new words and says how much of it changed; one that cannot be placed is an orphan,
kept and listed but not drawn.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from reader.store import AnnotationRecord
from reader.store.anchoring import Method, anchor, percent_same
from reader.store.records import COLORS  # the colours ``c`` cycles through


@dataclass(frozen=True, slots=True)
class Placed:
    """A stored highlight and where it lies in the current text."""

    record: AnnotationRecord
    start: int
    end: int
    anchored: bool
    #: How it was found: "position", "quote", "fuzzy" or "orphan" (see :func:`anchor`).
    method: Method = "position"
    #: How much of the highlighted text is still the same, 0..1 (1.0: unchanged; 0.0: orphan).
    similarity: float = 1.0

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def changed(self) -> bool:
        """Placed on text that is no longer what was highlighted (the article was edited)."""
        return self.anchored and self.similarity < 1.0

    @property
    def percent_same(self) -> int:
        """:attr:`similarity` in whole percent, never 100 for changed text."""
        return percent_same(self.similarity)


def place(text: str, records: list[AnnotationRecord]) -> list[Placed]:
    """Re-anchor each record on ``text`` (by position, quote, fuzzy match, else orphan)."""
    placed = []
    for record in records:
        found = anchor(text, record.target)
        placed.append(
            Placed(record, found.start, found.end, found.anchored, found.method, found.similarity)
        )
    return placed


def next_color(color: str) -> str:
    index = COLORS.index(color) if color in COLORS else -1
    return COLORS[(index + 1) % len(COLORS)]


class HighlightSet:
    """Highlights in text order, with the lookups the caret and the renderer need."""

    def __init__(self, placed: list[Placed] | None = None) -> None:
        self.all: list[Placed] = sorted(placed or [], key=lambda p: (p.start, p.end, p.id))
        self._drawn = [p for p in self.all if p.anchored and p.end > p.start]
        self._starts = [p.start for p in self._drawn]
        self._longest = max((p.end - p.start for p in self._drawn), default=0)

    def __len__(self) -> int:
        return len(self.all)

    @property
    def orphans(self) -> list[Placed]:
        return [p for p in self.all if not p.anchored]

    def overlapping(self, start: int, end: int) -> list[Placed]:
        """Drawn highlights that touch ``[start, end)``, in order."""
        hi = bisect_left(self._starts, end)
        lo = bisect_left(self._starts, start - self._longest)
        return [p for p in self._drawn[lo:hi] if p.end > start]

    def at(self, offset: int) -> Placed | None:
        """The highlight under ``offset``; where several overlap, the shortest (the innermost)."""
        under = self.overlapping(offset, offset + 1)
        return min(under, key=lambda p: (p.end - p.start, p.start)) if under else None

    def step(self, offset: int, direction: int) -> Placed | None:
        """The next highlight starting after ``offset`` (``direction`` 1) or before it (-1)."""
        if not self._drawn:
            return None
        if direction > 0:
            index = bisect_right(self._starts, offset)
            return self._drawn[index] if index < len(self._drawn) else None
        index = bisect_left(self._starts, offset) - 1
        return self._drawn[index] if index >= 0 else None

    def with_record(self, text: str, record: AnnotationRecord) -> HighlightSet:
        """A new set with ``record`` added or replaced (placed on ``text``)."""
        others = [p for p in self.all if p.id != record.id]
        return HighlightSet([*others, *place(text, [record])])

    def without(self, annotation_id: str) -> HighlightSet:
        return HighlightSet([p for p in self.all if p.id != annotation_id])

    def get(self, annotation_id: str) -> Placed | None:
        return next((p for p in self.all if p.id == annotation_id), None)
