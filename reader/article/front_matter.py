"""The metadata block at the top of a saved web article: ``---``, ``key: value`` lines, ``---``.

A web article is saved as a plain text file so that it reads in any editor and opens like any
other article; what the page said about itself (title, site, author, date, address) goes in a
front-matter block above the text, in the form Markdown files use. Values are one line each:
whatever the page held is written with its line breaks and control characters collapsed, so a
value can never end the block or start a key of its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

#: The keys a saved copy writes, in the order it writes them (``source``: the address asked
#: for, when the page gives another as its own; ``headings``: which paragraphs, counted from 0,
#: are headings, so that the text itself carries no markup).
KEYS = ("title", "site", "author", "date", "url", "source", "fetched", "headings")
#: How far into a file the closing ``---`` is looked for (a block is a few short lines).
MAX_BLOCK = 8 * 1024
_LINE = re.compile(r"([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*\Z")
_BLANKS = re.compile(r"[\x00-\x20\x7f-\x9f\u2028\u2029]+")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The block's values by key (lower case), and where the text after it starts."""

    fields: Mapping[str, str]
    end: int


def read_front_matter(text: str) -> FrontMatter | None:
    """The block at the very start of ``text``, or None when there is none.

    Only a block of ``key: value`` lines counts: a file that opens with a rule of dashes and
    then prose is prose."""
    if not text.startswith("---\n"):
        return None
    close = text.find("\n---", 3, MAX_BLOCK)
    while close >= 0 and text[close + 4 : close + 5] not in ("\n", ""):
        close = text.find("\n---", close + 4, MAX_BLOCK)
    if close < 0:
        return None
    fields: dict[str, str] = {}
    for line in text[4:close].split("\n"):
        if not line.strip():
            continue
        m = _LINE.match(line)
        if m is None:
            return None
        fields[m[1].lower()] = m[2]
    return FrontMatter(fields, min(len(text), close + 5))


def one_line(value: str) -> str:
    """``value`` with every run of blanks and control characters made one space."""
    return _BLANKS.sub(" ", value).strip()


def write_front_matter(fields: Mapping[str, str | None]) -> str:
    """The block for ``fields`` (empty values left out), ending with a blank line."""
    lines = ["---"]
    for key in KEYS:
        value = fields.get(key)
        if value and (value := one_line(value)):
            lines.append(f"{key}: {value}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"
