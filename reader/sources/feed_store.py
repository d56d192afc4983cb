"""The feeds file: subscriptions and their items, beside the annotation file but not in it.

``feeds.json`` is a file of its own so that saving a highlight never costs more as feed history
grows. It is written by the annotation store's storage (atomic replace, a lock on
``feeds.json.lock``, other processes' writes noticed), and every change is one read-modify-write
under that lock: subscribing writes once, a feed's refresh writes once, however many items came.

Items are kept by id, a hash of the feed and the item's guid, so an item seen again is found in
one step and keeps its state. States: ``new`` (never opened), ``read`` (opened), ``saved`` (kept by
the reader for later, set only by :meth:`FeedStore.mark`). Fetching and saving an item's article
records its ``saved_path`` and leaves the state alone; opening it marks it ``read``, so an article
saved ahead of reading still counts as unread.
"""

from __future__ import annotations

import datetime as _dt
import os
import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, Self

from reader.sources.feed_fetch import FeedAnswer, fetch_feed
from reader.sources.feed_parse import Entry
from reader.sources.feed_records import STATES, Feed, FeedError, Item, item_id, utc_stamp
from reader.sources.saved import _same_address as same_address
from reader.sources.web import TIMEOUT, is_url
from reader.store.access import FOR_READING, check_usable, unwritable_reason
from reader.store.errors import StoreError
from reader.store.storage import AtomicJSONStorage, Data

FEEDS_FILENAME = "feeds.json"
FEEDS, ITEMS = "feeds", "items"
#: Items never opened are dropped by :meth:`FeedStore.prune` after this many days.
PRUNE_DAYS = 90
#: A feed record's list of pruned item ids still in the feed (so they do not come back as new).
_FORGOTTEN = "forgotten"
#: An item record's place in its feed when first seen (orders items the feed gives no date).
_SEQ = "seq"

Mode = Literal["write", "read"]


def feeds_path(db: Path) -> Path:
    """``feeds.json`` beside the annotation file (so ``--db`` and ``READER_DB`` move it too)."""
    return Path(db).parent / FEEDS_FILENAME


class _Batch:
    """The file's data during one change; written at the end only if something changed."""

    def __init__(self, data: Data) -> None:
        self.data = data
        self.dirty = False

    def table(self, name: str) -> dict[str, Any]:
        return self.data.setdefault(name, {})

    def put(self, name: str, key: str, record: dict[str, Any]) -> None:
        self.table(name)[key] = record
        self.dirty = True

    def drop(self, name: str, key: str) -> None:
        self.table(name).pop(key, None)
        self.dirty = True


class FeedStore:
    """Subscriptions and items in ``feeds.json``; thread-safe. Use :meth:`FeedStore.open`."""

    def __init__(self, storage: AtomicJSONStorage, *, notice: str | None = None) -> None:
        self._storage = storage
        self._lock = threading.RLock()
        self._index: tuple[Data, dict[str, list[Item]]] | None = None
        #: One line for the user when the file opened read-only in write mode; else None.
        self.notice = notice

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, mode: Mode = "write") -> FeedStore:
        """Open (not create: that happens on the first change) the feeds file at ``path``.

        ``mode="read"`` never writes, creates or moves anything (a missing file holds no
        feeds); ``mode="write"`` opens read-only, saying why in ``notice``, when the file or
        folder cannot be written. A damaged file raises StoreError and is left as it is.
        """
        if mode not in ("write", "read"):
            raise ValueError(f"unknown mode {mode!r}: use 'write' or 'read'")
        path = Path(path).expanduser()
        check_usable(path)
        reason = FOR_READING if mode == "read" else unwritable_reason(path)
        notice = str(_read_only(path, reason)) if mode == "write" and reason else None
        store = cls(AtomicJSONStorage(path, read_only_reason=reason), notice=notice)
        try:
            store._read()
        except BaseException:
            store.close()
            raise
        return store

    @property
    def path(self) -> Path:
        return self._storage.path

    @property
    def read_only(self) -> bool:
        return self._storage.read_only_reason is not None

    def close(self) -> None:
        with self._lock:
            self._storage.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------------

    def _read(self) -> Data:
        return self._storage.read() or {}

    def feeds(self) -> list[Feed]:
        """Every subscription, by title."""
        with self._lock:
            feeds = [Feed.from_dict(r) for r in self._read().get(FEEDS, {}).values()]
        return sorted(feeds, key=lambda f: ((f.title or f.url).casefold(), f.url))

    def feed(self, feed_id: str) -> Feed | None:
        with self._lock:
            record = self._read().get(FEEDS, {}).get(feed_id)
        return Feed.from_dict(record) if record is not None else None

    def items(self, feed_id: str) -> list[Item]:
        """The items of a feed, newest first (by the date the feed gives, else first seen)."""
        with self._lock:
            return list(self._items_by_feed().get(feed_id, []))

    def item(self, item_id: str) -> Item | None:
        with self._lock:
            record = self._read().get(ITEMS, {}).get(item_id)
        return Item.from_dict(record) if record is not None else None

    def unread_counts(self) -> dict[str, int]:
        """Items never opened (state ``new``), for every feed."""
        with self._lock:
            data = self._read()
            counts = dict.fromkeys(data.get(FEEDS, {}), 0)
            for record in data.get(ITEMS, {}).values():
                if record.get("state") == "new" and record.get("feed_id") in counts:
                    counts[record["feed_id"]] += 1
        return counts

    def _items_by_feed(self) -> dict[str, list[Item]]:
        """Every item grouped by feed and sorted, kept until the file changes."""
        data = self._read()
        if self._index is not None and self._index[0] is data:
            return self._index[1]
        grouped: dict[str, list[tuple[tuple[str, int], Item]]] = {}
        for record in data.get(ITEMS, {}).values():
            item = Item.from_dict(record)
            grouped.setdefault(item.feed_id, []).append(((item.when, -record.get(_SEQ, 0)), item))
        index = {
            feed_id: [item for _, item in sorted(pairs, key=lambda p: p[0], reverse=True)]
            for feed_id, pairs in grouped.items()
        }
        self._index = (data, index)
        return index

    def find(self, feed_id_or_url: str) -> Feed | None:
        """The subscription with this id, or at this address (compared without a fragment or
        a trailing slash, scheme and host in any case)."""
        with self._lock:
            feeds = self._read().get(FEEDS, {})
            if feed_id_or_url in feeds:
                return Feed.from_dict(feeds[feed_id_or_url])
            return _by_url(feeds.values(), feed_id_or_url)

    # -- changing ------------------------------------------------------------------------------

    @contextmanager
    def _changing(self) -> Iterator[_Batch]:
        """One read-modify-write under the file lock; the file is written once, at the end, and
        only when something changed."""
        self._check_writable()
        with self._lock, self._storage.locked():
            batch = _Batch(self._read())
            self._index = None
            yield batch
            if batch.dirty:
                self._storage.write(batch.data)
            self._index = None

    def _check_writable(self) -> None:
        reason = self._storage.read_only_reason
        if reason is not None:
            raise _read_only(self.path, reason)

    def add(self, url: str, *, timeout: float = TIMEOUT) -> Feed:
        """Subscribe to the feed at ``url`` (or the feed a web page at ``url`` links to), with the
        items it has now. A feed already subscribed is returned as it is; :meth:`subscribe` also
        says which happened."""
        return self.subscribe(url, timeout=timeout)[0]

    def subscribe(self, url: str, *, timeout: float = TIMEOUT) -> tuple[Feed, bool]:
        """Like :meth:`add`, returning ``(feed, True)`` for a new subscription and
        ``(feed, False)`` when it was subscribed already (then nothing is fetched or written)."""
        url = url.strip()
        if not is_url(url):
            raise FeedError(url, "not a web address (give one starting http:// or https://)")
        self._check_writable()
        found = self.find(url)
        if found is not None:
            return found, False
        answer = fetch_feed(url, timeout=timeout, discover=True)
        now = utc_stamp()
        with self._changing() as batch:
            feeds = batch.table(FEEDS)
            found = _by_url(feeds.values(), answer.url) or _by_url(feeds.values(), url)
            if found is not None:
                return found, False
            parsed = answer.feed
            feed = Feed(
                id=uuid.uuid4().hex[:16],
                url=answer.url,
                title=(parsed.title if parsed else "") or answer.url,
                site_url=parsed.site_url if parsed else None,
                etag=answer.etag,
                modified=answer.modified,
                last_checked=now,
                last_error=None,
            )
            batch.put(FEEDS, feed.id, feed.to_dict())
            _merge(batch, feed.id, parsed.entries if parsed else (), now)
        return feed, True

    def add_unfetched(self, feeds: Iterable[tuple[str, str, str | None]]) -> list[Feed]:
        """Subscribe to each ``(url, title, site_url)`` without fetching anything (an OPML
        import: the next refresh fills them in), in one write. Returns the new subscriptions;
        addresses already subscribed, or given twice, are skipped."""
        added: list[Feed] = []
        with self._changing() as batch:
            table = batch.table(FEEDS)
            for url, title, site_url in feeds:
                if _by_url(table.values(), url) is not None:
                    continue
                feed = Feed(uuid.uuid4().hex[:16], url, title or url, site_url, *(None,) * 4)
                batch.put(FEEDS, feed.id, feed.to_dict())
                added.append(feed)
        return added

    def record_refresh(
        self,
        feed_id: str,
        answer: FeedAnswer | None = None,
        *,
        error: str | None = None,
        now: str | None = None,
    ) -> tuple[Feed, int] | None:
        """Store one check of a feed, in one write: what ``answer`` brought (None with an
        ``error``), the validators for next time, when it was checked and how it went. Returns
        the feed as stored and how many items were new; None when it was removed meanwhile."""
        return self.record_refreshes([Check(feed_id, answer, error)], now=now)[0]

    def record_refreshes(
        self, checks: Sequence[Check], *, now: str | None = None
    ) -> list[tuple[Feed, int] | None]:
        """Store several checks (see :meth:`record_refresh`) in one write: a refresh stores
        together the feeds that finished while the last write was under way."""
        now = now or utc_stamp()
        with self._changing() as batch:
            return [_record_check(batch, check, now) for check in checks]

    def remove(self, feed_id_or_url: str) -> Feed:
        """Unsubscribe (by id or address) and drop the feed's items; a FeedError naming it when
        it is not subscribed."""
        with self._changing() as batch:
            feeds = batch.table(FEEDS)
            record = feeds.get(feed_id_or_url)
            feed = Feed.from_dict(record) if record else _by_url(feeds.values(), feed_id_or_url)
            if feed is None:
                raise FeedError(feed_id_or_url, "not subscribed (see reader feeds list)")
            batch.drop(FEEDS, feed.id)
            items = batch.table(ITEMS)
            for key in [k for k, r in items.items() if r.get("feed_id") == feed.id]:
                batch.drop(ITEMS, key)
        return feed

    def mark(self, item_id: str, state: str) -> Item:
        """Set an item's state (``new``, ``read`` or ``saved``)."""
        if state not in STATES:
            raise ValueError(f"unknown state {state!r}: use one of {', '.join(STATES)}")
        return self._change_item(item_id, state=state)

    def set_saved(self, item_id: str, path: str) -> Item:
        """Record where the item's article was saved; its state is left as it is (opening the
        article is what marks it ``read``)."""
        return self._change_item(item_id, saved_path=str(path))

    def _change_item(self, item_id: str, **changes: str) -> Item:
        with self._changing() as batch:
            record = batch.table(ITEMS).get(item_id)
            if record is None:
                raise FeedError(item_id, "no such feed item")
            if any(record.get(k) != v for k, v in changes.items()):
                record = {**record, **changes}
                batch.put(ITEMS, item_id, record)
        return Item.from_dict(record)

    def prune(self, days: int = PRUNE_DAYS, now: _dt.datetime | None = None) -> int:
        """Drop the items never opened (state ``new``) first seen more than ``days`` ago; returns
        how many. Items read or saved are kept. A pruned item still in its feed is remembered,
        so the next refresh does not bring it back as new."""
        now = now or _dt.datetime.now(_dt.UTC)
        cutoff = utc_stamp(now - _dt.timedelta(days=days))
        with self._changing() as batch:
            items = batch.table(ITEMS)
            old = [
                (key, r["feed_id"])
                for key, r in items.items()
                if r.get("state") == "new" and r.get("first_seen", "") < cutoff
            ]
            feeds = batch.table(FEEDS)
            for key, feed_id in old:
                batch.drop(ITEMS, key)
                if feed_id in feeds:
                    record = feeds[feed_id]
                    feeds[feed_id] = {**record, _FORGOTTEN: [*record.get(_FORGOTTEN, []), key]}
        return len(old)


@dataclass(frozen=True, slots=True)
class Check:
    """One check of a feed, to store: what the fetch gave (None after an error) and the error."""

    feed_id: str
    answer: FeedAnswer | None = None
    error: str | None = None


def _record_check(batch: _Batch, check: Check, now: str) -> tuple[Feed, int] | None:
    record = batch.table(FEEDS).get(check.feed_id)
    if record is None:
        return None
    feed = replace(Feed.from_dict(record), last_checked=now, last_error=check.error)
    new = 0
    forgotten = record.get(_FORGOTTEN, [])
    answer = check.answer
    if answer is not None:
        feed = replace(feed, etag=answer.etag, modified=answer.modified)
        if answer.feed is not None:
            parsed = answer.feed
            feed = replace(
                feed, title=parsed.title or feed.title, site_url=parsed.site_url or feed.site_url
            )
            new, forgotten = _merge(batch, feed.id, parsed.entries, now, forgotten)
    stored = feed.to_dict()
    if forgotten:
        stored[_FORGOTTEN] = forgotten
    batch.put(FEEDS, feed.id, stored)
    return feed, new


def _read_only(path: Path, reason: str) -> StoreError:
    """The line for a change refused, in the feeds' words (not the annotation store's)."""
    return StoreError(path, f"read-only ({reason}); feed subscriptions cannot be saved")


def _by_url(records: Iterable[dict[str, Any]], url: str) -> Feed | None:
    wanted = same_address(url)
    for record in records:
        if same_address(record.get("url", "")) == wanted:
            return Feed.from_dict(record)
    return None


def _merge(
    batch: _Batch,
    feed_id: str,
    entries: Iterable[Entry],
    now: str,
    forgotten: list[str] | None = None,
) -> tuple[int, list[str]]:
    """Add the entries not known yet as new items; known ones keep their state and text.
    Returns how many were new and which pruned ids are still in the feed."""
    items = batch.table(ITEMS)
    gone = set(forgotten or ())
    still_gone: list[str] = []
    new = 0
    for seq, entry in enumerate(entries):
        key = item_id(feed_id, entry.guid)
        if key in gone:
            still_gone.append(key)
            continue
        if key in items:
            continue
        item = Item(
            id=key,
            feed_id=feed_id,
            guid=entry.guid,
            url=entry.url,
            title=entry.title,
            summary=entry.summary,
            published=entry.published,
            author=entry.author,
            first_seen=now,
            state="new",
            saved_path=None,
        )
        batch.put(ITEMS, key, {**item.to_dict(), _SEQ: seq})
        new += 1
    return new, list(dict.fromkeys(still_gone))
