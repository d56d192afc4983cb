"""Refreshing feeds: several at once, each written as soon as it is in, none stopping the others.

Each feed is fetched in a worker thread (at most ``jobs`` at a time), conditionally, and its new
items are stored in one write as soon as it has answered; a feed that fails keeps what it had
and gets its one-line error in ``last_error``. Nothing here holds the file lock while waiting
for the network.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

from reader.article.errors import ArticleError
from reader.sources.feed_fetch import fetch_feed
from reader.sources.feed_records import Feed, FeedError
from reader.sources.feed_store import FeedStore
from reader.sources.web import TIMEOUT
from reader.store.errors import StoreError

#: Feeds fetched at once by default.
JOBS = 4


@dataclass(frozen=True, slots=True)
class RefreshResult:
    """How one feed's refresh went: the feed as stored now, how many items were new, and the
    problem in one line (None when it went well; a 304 is 0 new and no error)."""

    feed: Feed
    new: int
    error: str | None


def refresh(
    store: FeedStore,
    feed_ids: Iterable[str] | None = None,
    *,
    jobs: int = JOBS,
    timeout: float = TIMEOUT,
    on_done: Callable[[RefreshResult], object] | None = None,
) -> list[RefreshResult]:
    """Fetch the feeds (every one, or those of ``feed_ids``) and store what is new. ``on_done``
    is called with each result as its feed finishes, from a worker thread. Returns the results
    in the order of the feeds. An unknown id is a FeedError before anything is fetched."""
    feeds = store.feeds()
    if feed_ids is not None:
        wanted = list(dict.fromkeys(feed_ids))
        known = {feed.id: feed for feed in feeds}
        for feed_id in wanted:
            if feed_id not in known:
                raise FeedError(feed_id, "no such feed")
        feeds = [known[feed_id] for feed_id in wanted]
    if not feeds:
        return []

    def one(feed: Feed) -> RefreshResult:
        result = _refresh_one(store, feed, timeout)
        if on_done is not None:
            on_done(result)
        return result

    with ThreadPoolExecutor(max_workers=max(1, jobs), thread_name_prefix="feed") as pool:
        return list(pool.map(one, feeds))


def _refresh_one(store: FeedStore, feed: Feed, timeout: float) -> RefreshResult:
    try:
        answer = fetch_feed(feed.url, etag=feed.etag, modified=feed.modified, timeout=timeout)
    except ArticleError as error:
        return _stored(store, feed, None, error.problem)
    except Exception as error:  # a parser's surprise must not stop the other feeds
        return _stored(store, feed, None, f"the feed could not be read ({type(error).__name__})")
    return _stored(store, feed, answer, None)


def _stored(store: FeedStore, feed: Feed, answer: object, error: str | None) -> RefreshResult:
    try:
        done = store.record_refresh(feed.id, answer, error=error)  # type: ignore[arg-type]
    except StoreError as store_error:
        return RefreshResult(feed, 0, error or store_error.problem)
    if done is None:  # removed while it was being fetched
        return RefreshResult(replace(feed, last_error=error), 0, error)
    stored, new = done
    return RefreshResult(stored, new, error)
