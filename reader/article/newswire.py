"""The header above a text article's body: ``[date YYYY-MM-DD] [title line] [dateline —] body``.

Wire copy carries its metadata in-line before the first paragraph, often on the same line as it.
Recognising it lets the reader show date and place as metadata and start the body (and its first
sentence, and so the derived headline) after the dash instead of at ``date``.

A dateline, ``PLACE[, Region] [(AGENCY)] —``, must open with an all-capitals word (``WASHINGTON``,
``NEW YORK``, ``ST. LOUIS``) and end with a dash, so an ordinary first sentence is never taken for
one.

A *title line* is the file's own headline: a short first line with no final punctuation, then a
blank line, then the body (``Ferry service resumes`` + blank line + ``HARWICK (AP) — The …``). It
becomes the title and is no paragraph, so the headline is shown once. A first paragraph that
ends like a sentence (``.`` ``?`` ``!`` ``。`` …) or a clause (``:`` ``,`` …) is body text, never
a title.
Plain text without a wire header may have a title line too (``parse_header(text, wire=False)``).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from reader.article.sentences import CLOSERS, FINAL_MARKS

_DATE = re.compile(r"\s*date[ \t]+(\d{4})-(\d{2})-(\d{2})(?=\s|$)\s*", re.IGNORECASE)
#: The dash after a dateline: an em or en dash, two hyphens, or one hyphen between spaces
#: before a sentence ("LONDON (Reuters) - Shares fell"; "SOCCER - CUP RESULTS" is a headline).
_DASH = r"(?:—|–|--|(?<=[ \t])-(?=[ \t]+(?:[^\W\d_]+[a-z]|A[ \t])))"
_DATELINE = re.compile(
    r"(?P<place>[^\W\d_][\w'’\-]*\.?(?:[ \t]+[^\W_][\w.'’\-]*){0,4})"  # first part, all caps
    r"(?P<region>(?:,[ \t]*[^\W\d_][\w.'’\-]*(?:[ \t]+[^\W\d_][\w.'’\-]*){0,3}){0,2})"
    r"(?:[ \t]*\((?P<agency>[^\W\d_][\w&.\- ]{0,24})\))?"
    r"[ \t]*" + _DASH + r"\s*"
)
#: Longest dateline we accept (place and region), in characters.
MAX_DATELINE = 60
#: Longest title line, in characters: room for a long headline, less than most first paragraphs.
MAX_TITLE_LINE = 120
#: A line that ends with one of these is a sentence or a clause of the body, not a headline.
NOT_TITLE_ENDS = FINAL_MARKS + ":;,—–-，、：；"


@dataclass(frozen=True, slots=True)
class Header:
    """What the header says and where the body begins (``body_start``, an index into the text)."""

    date: _dt.date | None = None
    dateline: str | None = None
    agency: str | None = None
    body_start: int = 0
    #: The title line, whitespace collapsed, when the file has one above the body.
    title: str | None = None

    @property
    def found(self) -> bool:
        return self.date is not None or self.dateline is not None


def _parse_date(y: str, m: str, d: str) -> _dt.date | None:
    try:
        return _dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def match_dateline(text: str, pos: int = 0) -> tuple[str, str | None, int] | None:
    """``(place[, region], agency, end)`` if a dateline starts exactly at ``pos``, else ``None``."""
    m = _DATELINE.match(text, pos)
    if m is None:
        return None
    place = m.group("place")
    if not place.isupper() or sum(c.isalpha() for c in place) < 2:
        return None
    dateline = (place + m.group("region")).strip()
    if len(dateline) > MAX_DATELINE:
        return None
    agency = m.group("agency")
    return dateline, agency.strip() if agency else None, m.end()


def match_title_line(text: str, pos: int) -> tuple[str, int] | None:
    """``(title, end of line)`` if a title line starts at ``pos``, else ``None``.

    One line of at most :data:`MAX_TITLE_LINE` characters with a letter in it and none of
    :data:`NOT_TITLE_ENDS` at its end (closing quotes aside), then a blank line, then more text.
    """
    end = text.find("\n", pos)
    if end < 0 or end - pos > 2 * MAX_TITLE_LINE:  # spare copying a long first paragraph
        return None
    line = text[pos:end].strip()
    if not line or len(line) > MAX_TITLE_LINE or not any(c.isalpha() for c in line):
        return None
    if line.rstrip(CLOSERS)[-1:] in NOT_TITLE_ENDS:
        return None
    body = end
    while body < len(text) and text[body].isspace():
        body += 1
    if body == len(text) or text.count("\n", end, body) < 2:
        return None
    return " ".join(line.split()), end


def parse_header(
    text: str, *, wire: bool = True, start: int = 0, title_line: bool = True
) -> Header:
    """Read the optional date, title line and dateline at the top of ``text`` (from ``start``).

    ``body_start`` is where the first paragraph begins: after the dateline's dash and the spaces
    that follow it, else after the title line, else after the date, else at the first non-blank
    character. ``wire=False`` (plain text) looks for the title line only; ``title_line=False``
    (a file whose title is given above, in front matter) for none.
    """
    pos = start
    date = None
    m = _DATE.match(text, pos) if wire else None
    if m:
        date = _parse_date(*m.groups())
        if date is not None:
            pos = m.end()
    pos = _skip_space(text, pos)
    title = None
    # A dateline opens the body, so a line that starts with one is never a title line.
    found = match_dateline(text, pos) if wire else None
    if found is None and title_line and (line := match_title_line(text, pos)):
        title, pos = line
        pos = _skip_space(text, pos)
        found = match_dateline(text, pos) if wire else None
    if found is None:
        return Header(date=date, body_start=pos, title=title)
    dateline, agency, end = found
    return Header(date=date, dateline=dateline, agency=agency, body_start=end, title=title)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos
