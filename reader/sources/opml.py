"""OPML, the file feed readers exchange subscriptions in: read one in, write them all out.

An import subscribes to every ``<outline xmlUrl=...>`` at any depth (folders are outlines
holding outlines) with the title the file gives, without fetching anything: the next refresh
fills the feeds in. The file is read with :mod:`xml.etree.ElementTree`, and a document that
declares a DOCTYPE or entities is refused outright, since that parser would expand them.
"""

from __future__ import annotations

import datetime as _dt
import os
import xml.etree.ElementTree as ET
from pathlib import Path

from reader.sources.feed_records import MAX_TITLE, Feed, FeedError, plain_text
from reader.sources.feed_store import FeedStore
from reader.sources.web import is_url

#: Larger than any list of subscriptions; a bound so that a wrong file is not read whole.
MAX_OPML_BYTES = 8 * 1024 * 1024


def read_opml(path: str | os.PathLike[str]) -> list[tuple[str, str, str | None]]:
    """The feeds of the OPML file at ``path`` as ``(url, title, site_url)``, in document order;
    a FeedError naming the file for anything that makes it unusable."""
    name = os.fspath(path)
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_OPML_BYTES + 1)
    except OSError as error:
        problem = (error.strerror or str(error)).lower()
        raise FeedError(name, f"cannot read it ({problem})") from None
    if len(raw) > MAX_OPML_BYTES:
        raise FeedError(name, f"over {MAX_OPML_BYTES // (1024 * 1024)} MB, too large for OPML")
    head = raw.lower()
    if b"<!doctype" in head or b"<!entity" in head:
        raise FeedError(name, "declares a DOCTYPE or entities, which an OPML file never needs")
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as error:
        raise FeedError(name, f"not valid XML ({error})") from None
    if root.tag.lower() != "opml":
        raise FeedError(name, f"not an OPML file (its root is <{root.tag}>)")
    feeds = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if not is_url(url):
            continue
        title = outline.get("title") or outline.get("text") or ""
        title = plain_text(title, MAX_TITLE, markup=False)  # an attribute: text, not HTML
        site = (outline.get("htmlUrl") or outline.get("htmlurl") or "").strip()
        feeds.append((url, title, site if is_url(site) else None))
    if not feeds:
        raise FeedError(name, "no feeds in it (no outline with an http or https xmlUrl)")
    return feeds


def import_opml(store: FeedStore, path: str | os.PathLike[str]) -> list[Feed]:
    """Subscribe to the feeds of the OPML file at ``path``, in one write, without fetching them.
    Returns the new subscriptions (feeds already subscribed are left as they are)."""
    return store.add_unfetched(read_opml(Path(path)))


def export_opml(store: FeedStore) -> str:
    """Every subscription as an OPML 2.0 document (titles and addresses escaped)."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = "reader feeds"
    stamp = _dt.datetime.now(_dt.UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")
    ET.SubElement(head, "dateCreated").text = stamp
    body = ET.SubElement(root, "body")
    for feed in store.feeds():
        title = feed.title or feed.url
        attributes = {"type": "rss", "text": title, "title": title, "xmlUrl": feed.url}
        if feed.site_url:
            attributes["htmlUrl"] = feed.site_url
        ET.SubElement(body, "outline", attributes)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
