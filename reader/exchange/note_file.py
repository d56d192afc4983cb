"""A note as a text file for the reader's own editor (``E``), and the note read back from it.

The file opens with comment lines (``#`` in the first column) that quote the highlighted passage
and say how the file is read; then the note; then a ``tags: a, b`` line. Reading it back leaves
out every comment line and takes every ``tags:`` line as tags, wherever it is, so a reader may
move or retype it. A note line that would read as either (``# heading``, ``tags: …``) is written
with a backslash before it and loses that backslash when read back, so any note survives the trip.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from reader.inert import inert, inert_line
from reader.store.tags import format_tags, parse_tags

COMMENT = "#"
TAGS = "tags:"
#: Columns the quoted passage is wrapped to, so that it reads in an 80-column editor.
QUOTE_WIDTH = 76
INSTRUCTIONS = (
    "# Lines starting with # are left out; the tags: line holds comma-separated tags. "
    "An empty note is saved empty; quit without saving to change nothing."
)
#: A note line that would read as a comment or a tags line, after any backslashes of its own.
_SPECIAL = re.compile(r"\\*(#|tags:)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class NoteText:
    """What the file holds, once read: the note (stripped as the note editor strips it), tags."""

    note: str
    tags: tuple[str, ...]


def compose(passage: str, note: str, tags: tuple[str, ...] | list[str]) -> str:
    """The file's text: the passage quoted in comments, the instructions, the note, the tags."""
    header = ["# Note on:"]
    for line in inert(passage).splitlines() or [""]:
        wrapped = textwrap.wrap(line, QUOTE_WIDTH) or [""]
        header.extend(f"# > {part}".rstrip() for part in wrapped)
    header.append(INSTRUCTIONS)
    body = [_escape(line) for line in _lines(inert(note).strip())] or [""]
    tags_line = f"{TAGS} {inert_line(format_tags(tags))}".rstrip()
    return "\n".join([*header, *body, tags_line]) + "\n"


def parse(text: str) -> NoteText:
    """The note and tags a file holds; comment lines and the tags lines are not the note."""
    note: list[str] = []
    tags: list[str] = []
    for line in _lines(text.removeprefix("\ufeff")):
        if line.startswith(COMMENT):
            continue
        if line[: len(TAGS)].lower() == TAGS:
            tags.append(line[len(TAGS) :])
            continue
        note.append(_unescape(line))
    return NoteText(inert("\n".join(note)).strip(), parse_tags(inert_line(",".join(tags))))


def _lines(text: str) -> list[str]:
    """Lines split at ``\\n``, ``\\r\\n`` or ``\\r`` only (a form feed in a note stays put)."""
    if not text:
        return []
    return text.replace("\r\n", "\n").replace("\r", "\n").removesuffix("\n").split("\n")


def _escape(line: str) -> str:
    return "\\" + line if _SPECIAL.match(line) else line


def _unescape(line: str) -> str:
    return line[1:] if line.startswith("\\") and _SPECIAL.match(line) else line
