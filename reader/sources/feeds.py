"""Subscriptions to feeds (RSS, Atom, JSON Feed): the one module the app and the command line
import. No Textual here.

The pieces live in small modules: the records (:mod:`feed_records`), reading a feed's body
(:mod:`feed_parse`), fetching it (:mod:`feed_fetch`), the file (:mod:`feed_store`), refreshing
many at once (:mod:`feed_refresh`) and OPML (:mod:`opml`).
"""

from __future__ import annotations

from reader.sources.feed_records import STATES, Feed, FeedError, Item, plain_text
from reader.sources.feed_refresh import JOBS, RefreshResult, refresh
from reader.sources.feed_store import PRUNE_DAYS, FeedStore, feeds_path
from reader.sources.opml import export_opml, import_opml

__all__ = [
    "JOBS",
    "PRUNE_DAYS",
    "STATES",
    "Feed",
    "FeedError",
    "FeedStore",
    "Item",
    "RefreshResult",
    "export_opml",
    "feeds_path",
    "import_opml",
    "plain_text",
    "refresh",
]
