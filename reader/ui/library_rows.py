"""A row of the library: an article's summary, its highlights and read state, and how each
column shows and sorts it.

Pure data and Rich text (no Textual): the library screen lists these, the scan makes them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.text import Text

from reader.article import ArticleSummary
from reader.inert import inert_line
from reader.ui.fitting import Column, cut_middle

#: Read states: never opened; opened but its end not reached; finished (or marked read).
NEW, UNREAD, READ = "new", "unread", "read"
#: The mark in the state column (new; opened, not finished): glyphs every console font has.
STATE_MARKS = {NEW: "•", UNREAD: "…", READ: " "}


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the library: an article's summary, its number of highlights, its read state."""

    summary: ArticleSummary
    highlights: int
    state: str = NEW

    @property
    def is_read(self) -> bool:
        return self.state == READ

    def matches(self, needle: str) -> bool:
        s = self.summary
        haystack = f"{s.title}\n{s.place or ''}\n{s.site or ''}\n{s.path}\n{s.date or ''}"
        haystack = haystack.casefold()
        return needle in haystack


def file_name(entry: Entry) -> str:
    # os.path, not Path: once per row, and a Path object costs more than the rest of the row.
    return os.path.basename(entry.summary.path)


#: Sort key by column key: (key, newest/largest first?), in the order ``o`` steps through them.
SORTS: dict[str, tuple[Callable[[Entry], Any], bool]] = {
    "date": (lambda e: (e.summary.date is not None, e.summary.date or 0), True),
    "title": (lambda e: e.summary.title.casefold(), False),
    "place": (lambda e: (e.summary.place or "~").casefold(), False),
    "site": (lambda e: (e.summary.site or "~").casefold(), False),
    "words": (lambda e: e.summary.words, True),
    "highlights": (lambda e: e.highlights, True),
    "file": (lambda e: file_name(e).casefold(), False),
}


COLUMNS = (
    Column("", "state", width=1),
    Column("Title", "title"),
    Column("File", "file", share=0.18, least=12, most=28),
    Column("Site", "site", share=0.14, least=8, most=22),
    Column("Date", "date", width=10),
    Column("Place", "place", share=0.16, least=8, most=24),
    # "123,456": a long report's word count, with its comma.
    Column("Words", "words", width=7, numeric=True),
    Column("Notes", "highlights", width=5, numeric=True),
)
#: Columns left out when no article has a value for them (every cell would read "—").
OPTIONAL_COLUMNS = {
    "date": lambda e: e.summary.date is not None,
    "place": lambda e: bool(e.summary.place),
    "site": lambda e: bool(e.summary.site),
}


def cell(entry: Entry, key: str, width: int) -> Text:
    """One cell as a Text object, never markup: a title like ``[bold]`` must show as written."""
    s = entry.summary
    if key == "state":
        return Text(STATE_MARKS[entry.state], style="" if entry.is_read else "bold")
    if key == "title":
        # New and unread articles stand out in bold, without relying on colour.
        style = "" if entry.is_read else "bold"
        return Text(inert_line(s.title), style=style, no_wrap=True, overflow="ellipsis")
    if key == "file":
        return Text(cut_middle(inert_line(file_name(entry)), width), no_wrap=True)
    if key == "date":
        return Text(s.date.isoformat() if s.date else "—")
    if key == "place":
        return Text(inert_line(s.place or "—"), no_wrap=True, overflow="ellipsis")
    if key == "site":
        return Text(inert_line(s.site or "—"), no_wrap=True, overflow="ellipsis")
    if key == "words":
        return Text(f"{s.words:,}", justify="right")
    return Text(str(entry.highlights) if entry.highlights else "·", justify="right")
