"""``reader notes``: every highlight as one line of tab-separated text, for grep, cut and awk.

Columns: path, start, end, status, colour, tags (comma-separated), the highlighted text, the
note. The status is ``anchored``; ``changed:87%`` when the highlighted words were edited in the
article since (with how much of them is the same); ``orphan`` or ``unavailable``. Tabs and line
breaks inside a field become spaces and control characters are shown inert, so each highlight is
exactly one line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.exchange.gather import DocumentHighlights, Highlight
from reader.inert import inert_line

COLUMNS = ("path", "start", "end", "status", "color", "tags", "text", "note")
_SPACE = re.compile(r"\s+")


def matches(group: DocumentHighlights, highlight: Highlight, needle: str) -> bool:
    """Case-insensitive search of the text, note, tags, title and path."""
    record = highlight.record
    haystack = [
        highlight.text,
        record.note,
        *record.tags,
        group.document.title,
        group.document.path,
    ]
    folded = needle.casefold()
    return any(folded in field.casefold() for field in haystack)


def note_lines(documents: list[DocumentHighlights], grep: str | None = None) -> Iterator[str]:
    for group in documents:
        for highlight in group.highlights:
            if grep and not matches(group, highlight, grep):
                continue
            yield _line(group, highlight)


def _line(group: DocumentHighlights, highlight: Highlight) -> str:
    record = highlight.record
    if highlight.changed:
        status = f"changed:{highlight.percent_same}%"
    else:
        status = "anchored" if highlight.anchored else highlight.method
    fields = (
        group.document.path,
        str(highlight.start),
        str(highlight.end),
        status,
        record.color,
        ",".join(record.tags),
        highlight.text,
        record.note,
    )
    return "\t".join(_field(value) for value in fields)


def _field(value: str) -> str:
    return inert_line(_SPACE.sub(" ", value).strip())
