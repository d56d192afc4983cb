"""Refreshing feeds: several at once, each stored as soon as it is in, none stopping the others.

Each feed is fetched in a worker thread (at most ``jobs`` at a time), conditionally. The thread
that called :func:`refresh` stores what they bring: the feeds that finished while it was writing
go into the next write together, so the file is written at most once per feed, and less often
when the history is large and writes take longer than fetches. A feed that fails keeps what it
had and gets its one-line error in ``last_error``. Nothing holds the file lock while waiting for
the network.
"""

from __future__ import annotations

import queue
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

from reader.article.errors import ArticleError
from reader.sources.feed_fetch import fetch_feed
from reader.sources.feed_records import Feed, FeedError
from reader.sources.feed_store import Check, FeedStore
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
    is called with each result as soon as its feed is stored, from the thread that called
    ``refresh`` (the app runs it in a worker, and marshals the call). Returns the results in the
    order of the feeds. An unknown id is a FeedError before anything is fetched."""
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

    finished: queue.Queue[tuple[Feed, Check]] = queue.Queue()

    def fetch(feed: Feed) -> None:
        check = Check(feed.id, None, "the refresh was interrupted")
        try:
            check = _check(feed, timeout)
        finally:  # always an answer, so that the loop below never waits for ever
            finished.put((feed, check))

    results: dict[str, RefreshResult] = {}
    with ThreadPoolExecutor(max_workers=max(1, jobs), thread_name_prefix="feed") as pool:
        for feed in feeds:
            pool.submit(fetch, feed)
        while len(results) < len(feeds):
            done = [finished.get()]
            while True:  # and every other feed that finished meanwhile: one write for all
                try:
                    done.append(finished.get_nowait())
                except queue.Empty:
                    break
            for result in _store(store, done):
                results[result.feed.id] = result
                if on_done is not None:
                    on_done(result)
    return [results[feed.id] for feed in feeds]


def _check(feed: Feed, timeout: float) -> Check:
    """Fetch one feed (in a worker thread); whatever goes wrong is its error, in one line."""
    try:
        answer = fetch_feed(feed.url, etag=feed.etag, modified=feed.modified, timeout=timeout)
    except ArticleError as error:
        return Check(feed.id, None, error.problem)
    except Exception as error:  # a parser's surprise must not stop the other feeds
        return Check(feed.id, None, f"the feed could not be read ({type(error).__name__})")
    return Check(feed.id, answer, None)


def _store(store: FeedStore, done: list[tuple[Feed, Check]]) -> list[RefreshResult]:
    try:
        stored = store.record_refreshes([check for _, check in done])
    except StoreError as error:
        return [RefreshResult(feed, 0, check.error or error.problem) for feed, check in done]
    results = []
    for (feed, check), outcome in zip(done, stored, strict=True):
        if outcome is None:  # removed while it was being fetched
            results.append(RefreshResult(replace(feed, last_error=check.error), 0, check.error))
        else:
            results.append(RefreshResult(outcome[0], outcome[1], check.error))
    return results
