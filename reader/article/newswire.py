"""The news-wire header: ``[ws] [date YYYY-MM-DD] [PLACE[, Region] [(AGENCY)] —] body``.

Wire copy carries its metadata in-line before the first paragraph, often on the same line as it.
Recognising it lets the reader show date and place as metadata and start the body (and its first
sentence, and so the derived headline) after the dash instead of at ``date``.

A dateline place must open with an all-capitals word (``WASHINGTON``, ``NEW YORK``, ``ST. LOUIS``)
and end with a dash, so an ordinary first sentence is never taken for one.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

_DATE = re.compile(r"\s*date[ \t]+(\d{4})-(\d{2})-(\d{2})(?=\s|$)\s*", re.IGNORECASE)
_DASH = r"(?:—|–|--)"
_DATELINE = re.compile(
    r"(?P<place>[^\W\d_][\w'’\-]*\.?(?:[ \t]+[^\W_][\w.'’\-]*){0,4})"  # first part, all caps
    r"(?P<region>(?:,[ \t]*[^\W\d_][\w.'’\-]*(?:[ \t]+[^\W\d_][\w.'’\-]*){0,3}){0,2})"
    r"(?:[ \t]*\((?P<agency>[^\W\d_][\w&.\- ]{0,24})\))?"
    r"[ \t]*" + _DASH + r"\s*"
)
#: Longest dateline we accept (place and region), in characters.
MAX_DATELINE = 60


@dataclass(frozen=True, slots=True)
class Header:
    """What the header says and where the body begins (``body_start``, an index into the text)."""

    date: _dt.date | None = None
    dateline: str | None = None
    agency: str | None = None
    body_start: int = 0

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


def parse_header(text: str) -> Header:
    """Read the optional date and dateline at the top of ``text``.

    ``body_start`` is where the first paragraph begins: after the dateline's dash and the spaces
    that follow it, else after the date, else at the first non-blank character.
    """
    pos = 0
    date = None
    m = _DATE.match(text)
    if m:
        date = _parse_date(*m.groups())
        if date is not None:
            pos = m.end()
    while pos < len(text) and text[pos].isspace():
        pos += 1
    found = match_dateline(text, pos)
    if found is None:
        return Header(date=date, body_start=pos)
    dateline, agency, end = found
    return Header(date=date, dateline=dateline, agency=agency, body_start=end)
