"""Soft-wrapping an article into screen lines that remember their text offsets.

The reading pane draws one screen line at a time (Textual's Line API), so it needs, for any screen
row, the slice of the article it shows, and for any caret offset, the row that holds it. Wrapping is
pure (no Textual import) so it is tested directly and timed in the benchmarks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from enum import Enum

from rich.cells import cell_len

from reader.article import Article

_TOKEN = re.compile(r"\S+\s*")
# Anything outside these ranges may not be one cell wide (CJK, emoji, combining marks, zero-width
# characters); a paragraph without any is measured with len(), which is many times faster.
# The ranges: printable ASCII, Latin-1 and Latin Extended, and the dashes, quotes and ellipsis
# of General Punctuation. Control characters are drawn as one-cell pictures (reader.inert).
_NOT_SIMPLE = re.compile(r"[^\x00-\x7e\xa0-\u02ff\u2010-\u2027\u2030-\u205e]")


class Row(Enum):
    """What a screen line shows."""

    TEXT = "text"
    HEADING = "heading"
    BLANK = "blank"


@dataclass(frozen=True, slots=True)
class Line:
    """One screen line: ``text[start:end]`` of paragraph ``paragraph`` (or a blank gap)."""

    kind: Row
    start: int
    end: int
    paragraph: int


def _wrap_span(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text[start:end]``; trailing spaces stay on their line."""
    spans: list[tuple[int, int]] = []
    ascii_only = _NOT_SIMPLE.search(text, start, end) is None
    line_start = start
    used = 0
    for match in _TOKEN.finditer(text, start, end):
        tok_start, tok_end = match.span()
        word = match.group().rstrip()
        word_cells = len(word) if ascii_only else cell_len(word)
        if used and used + word_cells > width:
            spans.append((line_start, tok_start))
            line_start, used = tok_start, 0
        if word_cells > width:
            # A word longer than the line (a URL, a long number) is cut by cells.
            pos = tok_start
            while True:
                piece_end, piece_cells = _fit(text, pos, tok_start + len(word), width, ascii_only)
                if piece_end >= tok_start + len(word):
                    used = piece_cells
                    break
                spans.append((line_start, piece_end))
                line_start = pos = piece_end
            used += tok_end - tok_start - len(word)
            continue
        used += word_cells + (tok_end - tok_start - len(word))
    if line_start < end or not spans:
        spans.append((line_start, end))
    return spans


def _fit(text: str, start: int, end: int, width: int, ascii_only: bool) -> tuple[int, int]:
    """How far from ``start`` fits in ``width`` cells (at least one character)."""
    if ascii_only:
        stop = min(end, start + width)
        return stop, stop - start
    cells = 0
    pos = start
    while pos < end:
        w = cell_len(text[pos])
        if cells + w > width and pos > start:
            break
        cells += w
        pos += 1
    return pos, cells


class Layout:
    """The article's paragraphs wrapped to a width, with lookups both ways."""

    def __init__(self, article: Article, width: int) -> None:
        self.width = max(8, width)
        lines: list[Line] = []
        text = article.text
        for index, para in enumerate(article.paragraphs):
            if index:
                lines.append(Line(Row.BLANK, para.start, para.start, index))
            kind = Row.HEADING if para.heading else Row.TEXT
            lines.extend(
                Line(kind, s, e, index)
                for s, e in _wrap_span(text, para.start, para.end, self.width)
            )
        self.lines = lines
        self._text_rows = [y for y, line in enumerate(lines) if line.kind is not Row.BLANK]
        self._text_starts = [lines[y].start for y in self._text_rows]

    def __len__(self) -> int:
        return len(self.lines)

    def row_of(self, offset: int) -> int:
        """The screen line (within the text) that shows ``offset``."""
        if not self._text_rows:
            return 0
        index = max(0, bisect_right(self._text_starts, offset) - 1)
        return self._text_rows[index]

    def rows_between(self, start: int, end: int) -> range:
        """Screen lines that show any part of ``text[start:end]``."""
        first = self.row_of(start)
        last = self.row_of(max(start, end - 1))
        return range(first, last + 1)

    def offset_at_row(self, row: int) -> int:
        """The first text offset shown at or after screen line ``row``."""
        if not self._text_rows:
            return 0
        row = min(max(row, 0), len(self.lines) - 1)
        # A blank gap row starts where the next paragraph does.
        return self.lines[row].start
