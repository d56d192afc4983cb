"""Feeds: refreshing many over loopback, and what feed history costs the rest of the reader.

Run from the repository root::

    python benchmarks/bench_feeds.py                  # 50 feeds x 20 items, 7 runs of each
    python benchmarks/bench_feeds.py --quick          # 20 feeds, 3 runs
    python benchmarks/bench_feeds.py --quick --check  # exit 1 past the generous bounds below

Three measurements, each printed as medians (with the fastest and slowest):

* *refresh*: ``refresh(store)`` of N feeds of 20 items each, every one new, served by
  ``http.server`` on 127.0.0.1 in this process (each answer waits 5 ms, a stand-in for a server
  that has to think), into a fresh feeds file each run: with ``jobs=1`` and with the default,
  interleaved.
* *highlight save*: ``AnnotationStore.add_annotation`` on an annotation file holding one
  document, beside a ``feeds.json`` of 50 feeds x 1,000 items and beside none, interleaved. The
  feeds file is a file of its own, so the two should be the same.
* *refresh write*: ``FeedStore.record_refresh`` of one feed bringing 20 new items into that
  50,000-item history (the one write a feed's refresh costs).

``--check`` fails when a highlight save beside the history takes over 2x the save without it
(both are a few milliseconds; the bound catches the feeds ending up in the annotation file), when
a refresh write takes over 2 s, or when a refresh with the default jobs takes over 1.25x the
time of ``jobs=1`` (it should be well under it; the bound leaves room for a busy machine).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.sources.feed_fetch import FeedAnswer  # noqa: E402
from reader.sources.feed_parse import Entry, ParsedFeed  # noqa: E402
from reader.sources.feed_records import Feed, Item, item_id  # noqa: E402
from reader.sources.feeds import JOBS, FeedStore, feeds_path, refresh  # noqa: E402
from reader.store import AnnotationRecord, AnnotationStore, DocumentRecord  # noqa: E402
from reader.store.records import DOCUMENTS  # noqa: E402

ITEMS_PER_FEED = 20
HISTORY_FEEDS, HISTORY_ITEMS = 50, 1_000
SERVER_DELAY = 0.005
TEXT = "The harbour board met on Tuesday and agreed to reopen the old quay in spring. " * 20


def feed_body(n: int) -> bytes:
    items = "".join(
        f"<item><title>Harbour story {n}-{i}</title>"
        f"<link>https://courier.example/{n}/{i}</link><guid>{n}-{i}</guid>"
        f"<description>The board met about quay {i} of town {n}.</description>"
        f"<pubDate>Tue, 01 Apr 2025 {i % 24:02d}:00:00 GMT</pubDate></item>"
        for i in range(ITEMS_PER_FEED)
    )
    return (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>Town {n}</title>"
        f"<link>https://courier.example/{n}/</link>{items}</channel></rss>"
    ).encode()


def serve(feeds: int) -> tuple[ThreadingHTTPServer, list[str]]:
    bodies = {f"/feed/{n}": feed_body(n) for n in range(feeds)}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            body = bodies.get(self.path, b"")
            time.sleep(SERVER_DELAY)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return server, [f"http://{host}:{port}{path}" for path in bodies]


def time_refresh(urls: list[str], jobs: int) -> float:
    with tempfile.TemporaryDirectory() as folder, FeedStore.open(Path(folder) / "f.json") as s:
        s.add_unfetched([(url, "", None) for url in urls])
        began = time.perf_counter()
        results = refresh(s, jobs=jobs)
        elapsed = time.perf_counter() - began
    assert all(r.error is None and r.new == ITEMS_PER_FEED for r in results), results[:3]
    return elapsed


def write_history(path: Path) -> str:
    """A feeds file of HISTORY_FEEDS x HISTORY_ITEMS items, written at once; one feed's id."""
    feeds, items = {}, {}
    for n in range(HISTORY_FEEDS):
        feed = Feed(f"feed{n:03d}", f"https://town{n}.example/rss", f"Town {n}", None, *[None] * 4)
        feeds[feed.id] = feed.to_dict()
        for i in range(HISTORY_ITEMS):
            guid = f"{n}-{i}"
            item = Item(
                item_id(feed.id, guid),
                feed.id,
                guid,
                f"https://town{n}.example/{i}",
                f"Harbour story {n}-{i}",
                "The board met about the quay and agreed on a date for the works. " * 3,
                f"2025-04-{i % 28 + 1:02d}T08:00:00Z",
                "Ana Ruiz",
                "2025-04-30T08:00:00Z",
                "read" if i % 3 else "new",
                None,
            )
            items[item.id] = {**item.to_dict(), "seq": i}
    path.write_text(json.dumps({"feeds": feeds, "items": items}), encoding="utf-8")
    return "feed000"


def annotation_file(path: Path) -> str:
    document = DocumentRecord(id="doc", path="/bench/article.txt", title="t", content_hash="h")
    with AnnotationStore.open(path) as store:
        store._storage.write({DOCUMENTS: {document.id: document.to_dict()}})
    return document.id


def time_save(store: AnnotationStore, document: str, n: int) -> float:
    record = AnnotationRecord.new(document, n, n + 40, TEXT[n : n + 40], TEXT[max(0, n - 32) : n])
    began = time.perf_counter()
    store.add_annotation(record)
    elapsed = time.perf_counter() - began
    store.delete_annotation(record.id)  # keep the file as it was
    return elapsed


def time_refresh_write(store: FeedStore, feed_id: str, run: int) -> float:
    entries = tuple(
        Entry(f"new-{run}-{i}", f"https://town0.example/new/{run}/{i}", f"New {i}", "", None, None)
        for i in range(ITEMS_PER_FEED)
    )
    answer = FeedAnswer(
        "https://town0.example/rss", ParsedFeed("Town 0", None, entries), None, None
    )
    began = time.perf_counter()
    _, new = store.record_refresh(feed_id, answer) or (None, 0)
    elapsed = time.perf_counter() - began
    assert new == ITEMS_PER_FEED
    return elapsed


def row(label: str, times: list[float]) -> str:
    ms = [t * 1000 for t in times]
    med = statistics.median(ms)
    return f"{label:<44} {med:>9.1f} {min(ms):>9.1f} {max(ms):>9.1f}"


def interleaved(runs: int, *steps: Callable[[int], float]) -> list[list[float]]:
    """Each step once per run, the order alternating, so a busy machine slows both alike."""
    times: list[list[float]] = [[] for _ in steps]
    for run in range(runs):
        order = list(enumerate(steps))
        if run % 2:
            order.reverse()
        for index, step in order:
            times[index].append(step(run))
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20 feeds and 3 runs, not 50 and 7")
    parser.add_argument("--check", action="store_true", help="exit 1 past the bounds")
    args = parser.parse_args(argv)
    feeds, runs = (20, 3) if args.quick else (50, 7)
    saves = 15 if args.quick else 41

    server, urls = serve(feeds)
    try:
        time_refresh(urls[:2], 1)  # warm-up: imports, the first connections
        serial, parallel = interleaved(
            runs, lambda _: time_refresh(urls, 1), lambda _: time_refresh(urls, JOBS)
        )
    finally:
        server.shutdown()
        server.server_close()

    with tempfile.TemporaryDirectory() as folder:
        with_feeds, without = Path(folder) / "with", Path(folder) / "without"
        with_feeds.mkdir()
        without.mkdir()
        began = time.perf_counter()
        feed_id = write_history(feeds_path(with_feeds / "reader.json"))
        built = time.perf_counter() - began
        size = feeds_path(with_feeds / "reader.json").stat().st_size
        docs = {p: annotation_file(p / "reader.json") for p in (with_feeds, without)}
        with (
            AnnotationStore.open(with_feeds / "reader.json") as beside,
            AnnotationStore.open(without / "reader.json") as alone,
        ):
            for store, path in ((beside, with_feeds), (alone, without)):
                time_save(store, docs[path], 0)  # warm-up
            save_beside, save_alone = interleaved(
                saves,
                lambda n: time_save(beside, docs[with_feeds], n),
                lambda n: time_save(alone, docs[without], n),
            )
        with FeedStore.open(feeds_path(with_feeds / "reader.json")) as history:
            history.feeds()
            writes = [time_refresh_write(history, feed_id, n) for n in range(max(runs, 5))]

    print(f"Feeds over loopback: {feeds} feeds x {ITEMS_PER_FEED} items, {runs} runs (ms)")
    print(f"{'':<44} {'median':>9} {'min':>9} {'max':>9}")
    print(row("refresh, jobs=1", serial))
    print(row(f"refresh, jobs={JOBS} (the default)", parallel))
    ratio = statistics.median(parallel) / statistics.median(serial)
    print(f"{'  ratio jobs=' + str(JOBS) + ' / jobs=1':<44} {ratio:>9.2f}")
    label = f"{HISTORY_FEEDS} x {HISTORY_ITEMS:,} items"
    print(f"\nHistory: feeds.json of {label}, {size / 1e6:.1f} MB (written in {built:.1f} s)")
    print(row("highlight save, beside feeds.json", save_beside))
    print(row("highlight save, no feeds file", save_alone))
    save_ratio = statistics.median(save_beside) / statistics.median(save_alone)
    print(f"{'  ratio':<44} {save_ratio:>9.2f}")
    print(row(f"refresh write: one feed, {ITEMS_PER_FEED} new items", writes))

    failures = []
    if save_ratio > 2.0:
        failures.append(f"a highlight save beside the history is {save_ratio:.2f}x (bound 2.0)")
    if statistics.median(writes) > 2.0:
        failures.append("a refresh write is over 2 s")
    if ratio > 1.25:
        failures.append(f"jobs={JOBS} is {ratio:.2f}x of jobs=1 (bound 1.25)")
    print("\nCheck: " + ("PASS" if not failures else "FAIL: " + "; ".join(failures)))
    return 1 if failures and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
