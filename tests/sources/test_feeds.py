"""Feeds in the core: subscribing, refreshing (conditionally, in parallel, past broken feeds),
marking, pruning and OPML, against feeds served on 127.0.0.1."""

from __future__ import annotations

import datetime as _dt
import json
import threading
from pathlib import Path

import pytest

from reader.sources.feeds import (
    Feed,
    FeedError,
    FeedStore,
    export_opml,
    feeds_path,
    import_opml,
    refresh,
)
from reader.store import StoreError
from tests.sources.feed_docs import (
    ATOM_TYPE,
    JSON_TYPE,
    RSS_TYPE,
    atom,
    json_feed,
    rss,
    rss091,
    stories,
)
from tests.sources.web_server import Answer, LocalWeb


@pytest.fixture
def store(tmp_path: Path) -> FeedStore:
    with FeedStore.open(feeds_path(tmp_path / "reader.json")) as opened:
        yield opened


def test_the_feeds_file_sits_beside_the_database(tmp_path: Path) -> None:
    assert feeds_path(tmp_path / "data" / "reader.json") == tmp_path / "data" / "feeds.json"


@pytest.mark.parametrize(
    ("body", "headers", "title"),
    [
        (rss("The Harwick Courier", stories(3)), RSS_TYPE, "The Harwick Courier"),
        (atom("Brackwell Ledger", stories(3)), ATOM_TYPE, "Brackwell Ledger"),
        (json_feed("Ostby Notes", stories(3)), JSON_TYPE, "Ostby Notes"),
        (rss091("Dunmore Weekly", stories(3)), RSS_TYPE, "Dunmore Weekly"),
    ],
    ids=["rss2", "atom", "json-feed", "rss091"],
)
def test_each_format_subscribes_with_its_items(
    web: LocalWeb, store: FeedStore, body: str, headers: dict[str, str], title: str
) -> None:
    url = web.page("/feed", body, **headers)
    feed = store.add(url)
    assert feed.title == title and feed.url == url and feed.last_error is None
    items = store.items(feed.id)
    assert len(items) == 3
    assert {i.url for i in items} == {f"https://courier.example/s/{n}" for n in range(3)}
    assert all(i.state == "new" and i.summary and "<" not in i.summary for i in items)
    assert store.unread_counts() == {feed.id: 3}
    assert store.feeds() == [feed]


def test_items_are_newest_first(web: LocalWeb, store: FeedStore) -> None:
    feed = store.add(web.page("/feed", atom(items=stories(4)), **ATOM_TYPE))
    dates = [i.published for i in store.items(feed.id)]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2025-05-04T10:00:00Z"
    assert store.items(feed.id)[0].author == "Ana Ruiz"


def test_a_page_that_links_a_feed_subscribes_that_feed(web: LocalWeb, store: FeedStore) -> None:
    feed_url = web.page("/news/feed.xml", rss(items=stories(2)), **RSS_TYPE)
    page = web.page(
        "/news/",
        "<!doctype html><html><head><title>News</title>"
        '<link rel="stylesheet" href="/style.css">'
        '<link rel="alternate" type="application/rss+xml" title="All news" href="feed.xml">'
        "</head><body><p>Welcome.</p></body></html>",
    )
    feed = store.add(page)
    assert feed.url == feed_url
    assert len(store.items(feed.id)) == 2


def test_a_page_without_a_feed_is_named(web: LocalWeb, store: FeedStore) -> None:
    page = web.page("/plain", "<!doctype html><html><body><p>No feeds here.</p></body></html>")
    with pytest.raises(FeedError) as caught:
        store.add(page)
    assert str(caught.value) == f"{page}: no feed found on the page"
    assert not store.path.exists()


def test_a_feed_subscribed_twice_is_the_same_one(web: LocalWeb, store: FeedStore) -> None:
    url = web.page("/feed", rss(items=stories(2)), **RSS_TYPE)
    feed, new = store.subscribe(url)
    assert new
    again, new = store.subscribe(url + "/")  # the same address, written another way
    assert not new and again == feed
    assert store.add(url) == feed
    assert len(store.feeds()) == 1 and web.hits["/feed"] == 1  # known: not fetched again


def test_remove_drops_the_feed_and_its_items(web: LocalWeb, store: FeedStore) -> None:
    first = store.add(web.page("/a", rss("A", stories(2, "a")), **RSS_TYPE))
    second = store.add(web.page("/b", rss("B", stories(3, "b")), **RSS_TYPE))
    assert store.remove(first.url) == first
    assert store.feeds() == [second] and store.items(first.id) == []
    assert store.remove(second.id) == second
    assert json.loads(store.path.read_text())["items"] == {}
    with pytest.raises(FeedError, match="not subscribed"):
        store.remove("https://nowhere.example/feed")


def test_refresh_stores_new_items_and_then_none(web: LocalWeb, store: FeedStore) -> None:
    url = web.page("/feed", rss(items=stories(2)), **RSS_TYPE)
    feed = store.add(url)
    first = store.items(feed.id)[0]
    store.mark(first.id, "read")
    web.page("/feed", rss(items=stories(5)), **RSS_TYPE)
    [result] = refresh(store)
    assert (result.new, result.error) == (3, None)
    assert store.item(first.id).state == "read"  # known items keep their state
    assert store.unread_counts() == {feed.id: 4}
    [again] = refresh(store)
    assert (again.new, again.error) == (0, None)
    assert len(store.items(feed.id)) == 5


def test_validators_are_sent_back_and_a_304_is_nothing_new(web: LocalWeb, store: FeedStore) -> None:
    body = rss(items=stories(2)).encode()
    validators = {"ETag": '"v7"', "Last-Modified": "Tue, 01 Apr 2025 08:00:00 GMT", **RSS_TYPE}

    def answer() -> Answer:
        sent = web.requests[-1]
        if sent.get("If-None-Match") == '"v7"':
            return Answer(304, b"", {"ETag": '"v7"'})
        return Answer(body=body, headers=validators)

    feed = store.add(web.answer("/feed", answer))
    assert (feed.etag, feed.modified) == ('"v7"', "Tue, 01 Apr 2025 08:00:00 GMT")
    [result] = refresh(store)
    sent = web.requests[-1]
    assert sent["If-None-Match"] == '"v7"'
    assert sent["If-Modified-Since"] == "Tue, 01 Apr 2025 08:00:00 GMT"
    assert (result.new, result.error) == (0, None)
    assert result.feed.last_checked and len(store.items(feed.id)) == 2


def test_one_broken_feed_does_not_stop_the_others(web: LocalWeb, store: FeedStore) -> None:
    good = [
        web.page(f"/good{n}", rss(f"Good {n}", stories(1, f"g{n}")), **RSS_TYPE) for n in (1, 2)
    ]
    store.add_unfetched([(url, "", None) for url in good])
    store.add_unfetched(
        [
            (web.page("/broken", "<rss version='2.0'><channel><title>x</ti", **RSS_TYPE), "", None),
            (web.answer("/error", Answer(500, b"oops")), "", None),
            (web.answer("/slow", Answer(body=b"<rss/>", delay=2.0)), "", None),
        ]
    )
    seen: list[str] = []
    results = refresh(store, timeout=0.3, on_done=lambda r: seen.append(r.feed.url))
    by_url = {r.feed.url: r for r in results}
    assert sorted(seen) == sorted(by_url)
    assert [by_url[u].new for u in good] == [1, 1]
    assert by_url[web.url("/broken")].error.startswith("not a feed (")
    assert by_url[web.url("/error")].error == "the server answered 500 Internal Server Error"
    assert by_url[web.url("/slow")].error == "no answer within 0.3 s"
    stored = {f.url: f for f in store.feeds()}
    assert stored[web.url("/error")].last_error == "the server answered 500 Internal Server Error"
    assert stored[good[0]].last_error is None and stored[good[0]].title == "Good 1"
    assert all("\n" not in (f.last_error or "") for f in stored.values())


def test_a_refresh_writes_the_file_at_most_once_per_feed(
    web: LocalWeb, store: FeedStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    urls = [web.page(f"/f{n}", rss(f"F{n}", stories(10, f"f{n}")), **RSS_TYPE) for n in range(3)]
    store.add_unfetched([(url, "", None) for url in urls])
    writes: list[int] = []
    storage = store._storage
    write = storage.write
    monkeypatch.setattr(storage, "write", lambda data: (writes.append(1), write(data)))
    results = refresh(store, jobs=3)
    assert [r.new for r in results] == [10, 10, 10]
    assert 1 <= len(writes) <= 3


def test_at_most_jobs_feeds_are_fetched_at_once(web: LocalWeb, store: FeedStore) -> None:
    jobs = 2
    together = threading.Barrier(jobs, timeout=5)
    lock = threading.Lock()
    state = {"now": 0, "most": 0, "broken": 0}

    def counted(n: int):  # type: ignore[no-untyped-def]
        def answer() -> Answer:
            with lock:
                state["now"] += 1
                state["most"] = max(state["most"], state["now"])
            try:
                together.wait()  # passes only when `jobs` requests are in the server at once
            except threading.BrokenBarrierError:
                state["broken"] += 1
            with lock:
                state["now"] -= 1
            return Answer(body=rss(f"F{n}", stories(1, f"f{n}")).encode(), headers=RSS_TYPE)

        return answer

    store.add_unfetched([(web.answer(f"/f{n}", counted(n)), "", None) for n in range(6)])
    results = refresh(store, jobs=jobs)
    assert [r.error for r in results] == [None] * 6
    assert state["most"] == jobs and state["broken"] == 0


def test_prune_drops_old_items_never_opened(web: LocalWeb, store: FeedStore) -> None:
    feed = store.add(web.page("/feed", rss(items=stories(3)), **RSS_TYPE))
    kept = store.items(feed.id)[0]
    store.mark(kept.id, "read")
    seen = _dt.datetime.fromisoformat(kept.first_seen.replace("Z", "+00:00"))
    assert store.prune(now=seen + _dt.timedelta(days=89)) == 0
    assert store.prune(now=seen + _dt.timedelta(days=91)) == 2
    assert [i.id for i in store.items(feed.id)] == [kept.id]
    [result] = refresh(store)  # still in the feed, but pruned: not new again
    assert result.new == 0 and len(store.items(feed.id)) == 1


def test_mark_and_saved_path(web: LocalWeb, store: FeedStore, tmp_path: Path) -> None:
    feed = store.add(web.page("/feed", rss(items=stories(1)), **RSS_TYPE))
    [item] = store.items(feed.id)
    saved = store.set_saved(item.id, str(tmp_path / "copy.txt"))
    assert saved.saved_path == str(tmp_path / "copy.txt") and saved.state == "new"
    assert store.mark(item.id, "read").state == "read"
    assert store.mark(item.id, "saved").state == "saved"
    with pytest.raises(ValueError, match="unknown state"):
        store.mark(item.id, "starred")
    with pytest.raises(FeedError, match="no such feed item"):
        store.mark("nope", "read")


def test_an_item_without_a_link_is_kept_with_its_text(web: LocalWeb, store: FeedStore) -> None:
    feed = store.add(web.page("/feed", rss091(items=[("Ferry note", "Ferry note", None)])))
    [item] = store.items(feed.id)
    assert item.url is None and item.title == "Ferry note" and item.summary == "Ferry note"


def test_hostile_titles_are_stored_as_plain_text(web: LocalWeb, store: FeedStore) -> None:
    title = "Quay \x1b]0;owned\x07 news [bold red]now[/] <script>alert(1)</script>&amp; more"
    body = json_feed(
        "Hostile \x1b[2J feed \u202e", [("h1", title, "https://courier.example/h")]
    ).encode()
    feed = store.add(web.answer("/feed", Answer(body=body, headers=JSON_TYPE)))
    [item] = store.items(feed.id)
    for text in (feed.title, item.title, item.summary):
        assert not any(ord(c) < 32 or c == "\u202e" for c in text)
        assert "<" not in text
    assert item.title == "Quay ]0;owned news [bold red]now[/] & more"


def test_a_second_store_sees_the_first_ones_changes(web: LocalWeb, tmp_path: Path) -> None:
    path = feeds_path(tmp_path / "reader.json")
    with FeedStore.open(path) as one, FeedStore.open(path, mode="read") as reader:
        assert reader.feeds() == []
        feed = one.add(web.page("/feed", rss(items=stories(2)), **RSS_TYPE))
        assert reader.feeds() == [feed] and len(reader.items(feed.id)) == 2


def test_read_mode_creates_nothing(tmp_path: Path) -> None:
    path = feeds_path(tmp_path / "reader.json")
    with FeedStore.open(path, mode="read") as store:
        assert store.feeds() == [] and store.unread_counts() == {}
        with pytest.raises(StoreError, match="feed subscriptions cannot be saved"):
            store.add_unfetched([("https://courier.example/rss", "Courier", None)])
    assert list(tmp_path.iterdir()) == []


def test_opml_import_of_nested_outlines_and_export_round_trip(
    store: FeedStore, tmp_path: Path
) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>'
        '<outline text="News">'
        '<outline text="Courier &amp; Co" type="rss" xmlUrl="https://courier.example/rss"'
        ' htmlUrl="https://courier.example/"/>'
        '<outline text="Deeper"><outline title="Ledger &lt;daily&gt;"'
        ' xmlUrl="https://ledger.example/atom.xml"/></outline>'
        "</outline>"
        '<outline text="Not a feed"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    added = import_opml(store, opml)
    assert [(f.title, f.url) for f in added] == [
        ("Courier & Co", "https://courier.example/rss"),
        ("Ledger <daily>", "https://ledger.example/atom.xml"),
    ]
    assert import_opml(store, opml) == []  # already subscribed
    exported = export_opml(store)
    assert "Ledger &lt;daily&gt;" in exported and "Courier &amp; Co" in exported
    again = tmp_path / "again.opml"
    again.write_text(exported, encoding="utf-8")
    with FeedStore.open(tmp_path / "other" / "feeds.json") as other:
        assert [(f.title, f.url, f.site_url) for f in import_opml(other, again)] == [
            (f.title, f.url, f.site_url) for f in store.feeds()
        ]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("<opml><body><outline", "not valid XML"),
        ('<!DOCTYPE x [<!ENTITY a "b">]><opml/>', "DOCTYPE"),
        ("<rss version='2.0'/>", "not an OPML file"),
        ("<opml version='2.0'><body><outline text='x'/></body></opml>", "no feeds in it"),
    ],
)
def test_a_bad_opml_file_is_named(
    store: FeedStore, tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "bad.opml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FeedError) as caught:
        import_opml(store, path)
    assert caught.value.path == str(path) and problem in caught.value.problem
    assert "\n" not in str(caught.value)


def test_records_round_trip() -> None:
    feed = Feed("f", "https://x.example/rss", "X", None, '"e"', None, None, "late")
    assert Feed.from_dict(feed.to_dict()) == feed
