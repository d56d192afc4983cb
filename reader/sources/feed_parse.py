"""What a feed's body holds: its title, its site and its entries, as plain values.

RSS 0.9x/1.0/2.0 and Atom are read by feedparser, which copes with the broken feeds found in the
wild (undeclared entities, bad dates, wrong encodings). feedparser 6.0 does not read JSON Feed,
so that small format is read here with :mod:`json`. An HTML page is not a feed, but it may name
one: :func:`feed_links` finds its ``<link rel="alternate">`` feeds.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import io
import json
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

from reader.sources.feed_records import MAX_SUMMARY, MAX_TITLE, plain_text, utc_stamp

#: The ``type`` of a ``<link rel="alternate">`` that names a feed.
FEED_LINK_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/feed+json", "application/json"}
)
JSON_FEED_VERSION = "https://jsonfeed.org/version/"


class NotAFeed(Exception):
    """The body is not a feed; ``str()`` says why, in a few words."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry as the feed gives it. ``guid`` is what identifies it: its id, else its link,
    else its title (an entry with none of them cannot be told apart from the next: skipped)."""

    guid: str
    url: str | None
    title: str
    summary: str
    published: str | None
    author: str | None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str
    site_url: str | None
    entries: tuple[Entry, ...]


def looks_like_html(body: bytes, content_type: str) -> bool:
    """Whether a body that is not a feed is a web page (which may link its feeds)."""
    if content_type in ("text/html", "application/xhtml+xml"):
        return True
    head = body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def parse_feed(body: bytes, *, url: str, content_type: str = "") -> ParsedFeed:
    """The feed in ``body`` (fetched from ``url``, which relative links resolve against).
    Raises NotAFeed when it holds no feed (an HTML page, broken XML with no entries)."""
    if _looks_like_json(body, content_type):
        return _json_feed(body, url)
    import feedparser

    # A file-like object, never the bytes themselves: feedparser would read a local file
    # whose name a hostile server sent as the body.
    parsed = feedparser.parse(
        io.BytesIO(body),
        response_headers={
            "content-type": content_type or "application/xml",
            "content-location": url,
        },
    )
    if not parsed.entries and (parsed.bozo or not parsed.version):
        raise NotAFeed(_bozo_reason(parsed))
    feed = parsed.feed
    entries = [_feedparser_entry(e) for e in parsed.entries]
    return ParsedFeed(
        title=plain_text(feed.get("title"), MAX_TITLE),
        site_url=_link(feed.get("link"), url),
        entries=tuple(e for e in entries if e is not None),
    )


def _bozo_reason(parsed: Any) -> str:
    error = parsed.get("bozo_exception")
    if error is None:
        return "no RSS, Atom or JSON Feed in it"
    text = str(error).strip().splitlines()[:1] or [type(error).__name__]
    return text[0].removeprefix("<unknown>:")


def _feedparser_entry(entry: Mapping[str, Any]) -> Entry | None:
    link = entry.get("link") or None
    title = plain_text(entry.get("title"), MAX_TITLE)
    summary = entry.get("summary")
    if not summary and entry.get("content"):
        summary = entry["content"][0].get("value")
    guid = entry.get("id") or link or title
    if not guid:
        return None
    return Entry(
        guid=str(guid),
        url=link if isinstance(link, str) and link.startswith(("http://", "https://")) else None,
        title=title,
        summary=plain_text(summary, MAX_SUMMARY),
        published=_stamp(entry.get("published_parsed") or entry.get("updated_parsed")),
        author=plain_text(entry.get("author"), MAX_TITLE) or None,
    )


def _stamp(parsed: time.struct_time | None) -> str | None:
    """feedparser's dates are UTC ``struct_time``s."""
    if not parsed:
        return None
    try:
        when = _dt.datetime.fromtimestamp(calendar.timegm(parsed), _dt.UTC)
    except (OverflowError, ValueError, OSError):
        return None
    return utc_stamp(when)


def _looks_like_json(body: bytes, content_type: str) -> bool:
    start = body[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return content_type.endswith("json") or start.startswith(b"{")


def _json_feed(body: bytes, url: str) -> ParsedFeed:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise NotAFeed(f"JSON that cannot be read: {error}") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(JSON_FEED_VERSION):
        raise NotAFeed("JSON, but not a JSON Feed (no jsonfeed.org version)")
    items = data.get("items")
    if not isinstance(items, list):
        raise NotAFeed("a JSON Feed without an items list")
    entries = [_json_entry(item, url) for item in items if isinstance(item, dict)]
    return ParsedFeed(
        title=plain_text(data.get("title"), MAX_TITLE),
        site_url=_link(data.get("home_page_url"), url),
        entries=tuple(e for e in entries if e is not None),
    )


def _json_entry(item: Mapping[str, Any], base: str) -> Entry | None:
    link = _link(item.get("url") or item.get("external_url"), base)
    title = plain_text(item.get("title"), MAX_TITLE)
    summary = item.get("summary") or item.get("content_text") or item.get("content_html")
    raw_id = item.get("id")
    guid = str(raw_id) if isinstance(raw_id, str | int) and raw_id != "" else (link or title)
    if not guid:
        return None
    authors = item.get("authors") or [item.get("author")]
    if not isinstance(authors, list):
        authors = []
    names = [a["name"] for a in authors if isinstance(a, dict) and isinstance(a.get("name"), str)]
    return Entry(
        guid=guid,
        url=link,
        title=title,
        summary=plain_text(summary, MAX_SUMMARY),
        published=_iso_stamp(item.get("date_published") or item.get("date_modified")),
        author=plain_text(", ".join(names), MAX_TITLE) or None,
    )


def _iso_stamp(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        when = _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.UTC)
    return utc_stamp(when)


def _link(value: object, base: str) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    link = urljoin(base, value.strip())
    return link if link.startswith(("http://", "https://")) else None


class _FeedLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "link":
            return
        values = {k.lower(): (v or "") for k, v in attrs}
        rel = values.get("rel", "").lower().split()
        kind = values.get("type", "").split(";")[0].strip().lower()
        if "alternate" in rel and kind in FEED_LINK_TYPES and values.get("href", "").strip():
            self.found.append((values["href"].strip(), kind))


def feed_links(html: str, base: str) -> list[str]:
    """The feeds a page names with ``<link rel="alternate" type="application/rss+xml" ...>``
    (or Atom, or JSON Feed), as absolute addresses, in the page's order."""
    parser = _FeedLinks()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # a page too broken to read: it names no feed
        return []
    return _unique(link for href, _ in parser.found if (link := _link(href, base)))


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
