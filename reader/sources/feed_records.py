"""The records of the feeds file: a subscription (:class:`Feed`) and an entry (:class:`Item`).

Both are frozen values with an explicit JSON form, so the store can hand them to other threads
(the app's workers) without sharing anything that changes. Text from a feed is stored as plain
text: the markup, entities and control characters a server sends are gone before it is saved.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from typing import Any

from reader.article.errors import ArticleError

#: What an item can be: not opened yet, opened, or kept by the reader for later.
STATES = ("new", "read", "saved")
#: Longest title and summary kept, in characters (a summary is a teaser, not the article).
MAX_TITLE = 500
MAX_SUMMARY = 2_000

_SPACES = re.compile(r"\s+")
#: Bidi controls: text from a feed must not reorder what is shown around it.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class FeedError(ArticleError):
    """A feed, a feed item or an OPML file that cannot be used: ``"<url or file>: <problem>"``."""


@dataclass(frozen=True, slots=True)
class Feed:
    """A subscription: its address, its title, and how the last check went."""

    id: str
    url: str
    title: str
    site_url: str | None
    etag: str | None
    modified: str | None
    last_checked: str | None
    last_error: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Feed:
        return cls(
            id=_text(data, "id"),
            url=_text(data, "url"),
            title=_text(data, "title", ""),
            site_url=_maybe(data, "site_url"),
            etag=_maybe(data, "etag"),
            modified=_maybe(data, "modified"),
            last_checked=_maybe(data, "last_checked"),
            last_error=_maybe(data, "last_error"),
        )


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of a feed. ``url`` is None for an item that links no page: its summary is then
    all there is to read. ``published`` and ``first_seen`` are ISO 8601 UTC."""

    id: str
    feed_id: str
    guid: str
    url: str | None
    title: str
    summary: str
    published: str | None
    author: str | None
    first_seen: str
    state: str
    saved_path: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Item:
        state = _text(data, "state", "new")
        if state not in STATES:
            raise ValueError(f"unknown state {state!r}")
        return cls(
            id=_text(data, "id"),
            feed_id=_text(data, "feed_id"),
            guid=_text(data, "guid"),
            url=_maybe(data, "url"),
            title=_text(data, "title", ""),
            summary=_text(data, "summary", ""),
            published=_maybe(data, "published"),
            author=_maybe(data, "author"),
            first_seen=_text(data, "first_seen", ""),
            state=state,
            saved_path=_maybe(data, "saved_path"),
        )

    @property
    def when(self) -> str:
        """What "newest first" sorts on: the date the feed gives, else when it was first seen."""
        return self.published or self.first_seen


def _text(data: Mapping[str, Any], key: str, default: str | None = None) -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise ValueError(f"{key!r} must be a string, not {type(value).__name__}")
    return value


def _maybe(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{key!r} must be a string or null, not {type(value).__name__}")
    return value


def item_id(feed_id: str, guid: str) -> str:
    """An item's id: the same guid in the same feed is the same item, in every process."""
    return hashlib.sha1(f"{feed_id}\0{guid}".encode()).hexdigest()[:20]


def utc_stamp(when: _dt.datetime | None = None) -> str:
    """``2025-03-04T08:00:00Z``: one form for every time stamp in the file, so they sort."""
    when = when or _dt.datetime.now(_dt.UTC)
    return when.astimezone(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class _TextOnly(HTMLParser):
    """The character data of an HTML fragment (entities decoded), without scripts or styles."""

    _SKIP = frozenset({"script", "style", "template"})
    _BREAKS = frozenset({"p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BREAKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self._BREAKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def plain_text(value: object, limit: int = MAX_SUMMARY, *, markup: bool = True) -> str:
    """``value`` (HTML from a feed; plain text with ``markup=False``) as one line of plain text:
    tags dropped, entities decoded, control and bidi characters removed, white space collapsed,
    at most ``limit`` characters (an ellipsis marks a cut)."""
    if not isinstance(value, str) or not value:
        return ""
    if markup and ("<" in value or "&" in value):
        parser = _TextOnly()
        try:
            parser.feed(value)
            parser.close()
            value = "".join(parser.parts)
        except Exception:  # html.parser gives up on little; keep the text as it came
            pass
    kept = "".join(
        " " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in value if c not in _BIDI
    )
    text = _SPACES.sub(" ", kept).strip()
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text
