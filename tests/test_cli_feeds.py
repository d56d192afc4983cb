"""``reader feeds``: add, list, remove, refresh, import and export on the command line."""

from __future__ import annotations

import json
import os
from pathlib import Path

from reader.sources.feeds import feeds_path
from tests.sources.feed_docs import RSS_TYPE, atom, rss, stories
from tests.sources.web_server import Answer, LocalWeb
from tests.test_cli import assert_one_line_error, run


def db() -> Path:
    return Path(os.environ["READER_DB"])


def test_add_list_refresh_remove(web: LocalWeb) -> None:
    url = web.page("/feed", rss("Harbour News", stories(2)), **RSS_TYPE)
    added = run("feeds", "add", url)
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == f"subscribed: Harbour News ({url}), 2 items"
    again = run("feeds", "add", url)
    assert again.returncode == 0 and again.stdout.startswith("already subscribed: Harbour News")

    listed = run("feeds", "list")
    assert listed.returncode == 0 and listed.stdout == f"2\tHarbour News\t{url}\n"

    web.page("/feed", rss("Harbour News", stories(3)), **RSS_TYPE)
    refreshed = run("feeds", "refresh", "--jobs", "2")
    assert refreshed.returncode == 0, refreshed.stderr
    assert refreshed.stdout == "Harbour News: 1 new\n"
    assert run("feeds", "refresh").stdout == "Harbour News: 0 new\n"

    removed = run("feeds", "remove", url)
    assert removed.returncode == 0 and removed.stdout.startswith("removed: Harbour News")
    assert run("feeds", "list").stdout == ""
    assert feeds_path(db()).is_file()
    assert not db().exists()  # the annotation file is never touched by feeds


def test_refresh_reports_each_feed_and_fails_if_one_did(web: LocalWeb) -> None:
    good = web.page("/good", atom("Ledger", stories(1)), **{"Content-Type": "application/xml"})
    bad = web.page("/bad", rss("Courier", stories(1)), **RSS_TYPE)
    for url in (good, bad):
        assert run("feeds", "add", url).returncode == 0
    web.answer("/bad", Answer(500, b"down"))
    result = run("feeds", "refresh")
    assert result.returncode == 2
    assert result.stdout == "Ledger: 0 new\n"
    assert result.stderr == f"reader: {bad}: the server answered 500 Internal Server Error\n"
    listed = run("feeds", "list").stdout.splitlines()
    assert f"1\tCourier\t{bad}\tthe server answered 500 Internal Server Error" in listed


def test_bad_input_is_one_line(web: LocalWeb, tmp_path: Path) -> None:
    page = web.page("/page", "<!doctype html><html><body><p>Hello.</p></body></html>")
    assert_one_line_error(run("feeds", "add", page), page, "no feed found on the page")
    assert_one_line_error(run("feeds", "add", "news/feed.xml"), "news/feed.xml", "not a web")
    gone = web.url("/gone")
    assert_one_line_error(run("feeds", "add", gone), gone, "404")
    assert_one_line_error(
        run("feeds", "remove", "https://nowhere.example/rss"), "nowhere.example", "not subscribed"
    )
    opml = tmp_path / "subs.opml"
    opml.write_text("<opml><body>", encoding="utf-8")
    assert_one_line_error(run("feeds", "import", str(opml)), str(opml), "not valid XML")
    missing = tmp_path / "missing.opml"
    assert_one_line_error(run("feeds", "import", str(missing)), str(missing), "cannot read")


def test_list_and_export_on_a_missing_file_create_nothing(tmp_path: Path) -> None:
    where = tmp_path / "data" / "reader.json"
    listed = run("feeds", "list", "--db", str(where))
    assert (listed.returncode, listed.stdout, listed.stderr) == (0, "", "")
    exported = run("feeds", "export", "--db", str(where))
    assert exported.returncode == 0 and "<opml" in exported.stdout
    assert not (tmp_path / "data").exists()


def test_list_on_a_damaged_file_is_one_line_and_leaves_it(tmp_path: Path) -> None:
    path = feeds_path(db())
    path.write_bytes(b'{"feeds": {"x": ')
    assert_one_line_error(run("feeds", "list"), str(path), "truncated")
    assert_one_line_error(run("feeds", "refresh"), str(path), "truncated")
    assert path.read_bytes() == b'{"feeds": {"x": '


def test_import_then_export(tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(
        "<opml version='2.0'><body><outline text='Folder'>"
        "<outline text='Courier' xmlUrl='https://courier.example/rss'/>"
        "<outline text='Ledger' xmlUrl='https://ledger.example/atom'/>"
        "</outline></body></opml>",
        encoding="utf-8",
    )
    result = run("feeds", "import", str(opml))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].startswith("imported 2 feeds")
    again = run("feeds", "import", str(opml)).stdout
    assert again == "imported 0 feeds, 2 already subscribed; reader feeds refresh fetches them\n"
    exported = run("feeds", "export").stdout
    assert 'xmlUrl="https://courier.example/rss"' in exported and 'text="Ledger"' in exported
    assert not db().exists()


def test_hostile_titles_print_inert(web: LocalWeb) -> None:
    title = "Evil \x1b[2J\x1b]0;pwned\x07 [bold]feed[/bold]"
    body = json.dumps(
        {"version": "https://jsonfeed.org/version/1", "title": title, "items": []}
    ).encode()
    url = web.answer("/feed", Answer(body=body, headers={"Content-Type": "application/json"}))
    added = run("feeds", "add", url)
    assert added.returncode == 0, added.stderr
    listed = run("feeds", "list").stdout
    assert "\x1b" not in added.stdout + listed and "\x07" not in listed
    assert "[bold]feed[/bold]" in listed


def test_feeds_db_option_after_the_action(web: LocalWeb, tmp_path: Path) -> None:
    url = web.page("/feed", rss("Harbour News", stories(1)), **RSS_TYPE)
    where = tmp_path / "elsewhere" / "reader.json"
    assert run("feeds", "add", url, "--db", str(where)).returncode == 0
    assert (tmp_path / "elsewhere" / "feeds.json").is_file()
    assert run("feeds", "--db", str(where), "list").stdout.startswith("1\tHarbour News")
    assert run("feeds", "list").stdout == ""
