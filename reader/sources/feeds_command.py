"""The ``feeds`` subcommand: subscribe, list, remove, refresh, import and export OPML, no UI.

``reader feeds list`` and ``reader feeds export`` only read: they never create or change the
feeds file (a missing one lists nothing). Everything else writes ``feeds.json`` beside the
annotation file, never the annotation file itself. A feed or file that cannot be used is one
line on stderr naming it and the problem, and the exit status is 2.
"""

from __future__ import annotations

import argparse
import sys
import threading
from typing import TYPE_CHECKING

from reader.article import ArticleError
from reader.cli import EXIT_BAD_INPUT, BadInput, add_common
from reader.inert import inert_line

if TYPE_CHECKING:
    from reader.sources.feeds import Feed, FeedStore, RefreshResult


def _feeds_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader feeds",
        description="Subscribe to news feeds (RSS, Atom, JSON Feed) and fetch what is new.",
        epilog="The subscriptions and their items are kept in feeds.json beside the annotation "
        "database. Errors are one line on stderr, and the exit status is then 2.",
    )
    add_common(parser)
    below = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="annotation database; feeds.json sits beside it",
    )
    add = below.add_parser(
        "add", parents=[common], help="subscribe to a feed, or to the feed a page links"
    )
    add.add_argument("urls", nargs="+", metavar="URL", help="a feed's or a web page's address")
    below.add_parser("list", parents=[common], help="one line per feed: new items, title, URL")
    remove = below.add_parser("remove", parents=[common], help="unsubscribe and drop its items")
    remove.add_argument("feed", metavar="URL", help="the feed's address (or its id)")
    refresh = below.add_parser("refresh", parents=[common], help="fetch what is new in every feed")
    refresh.add_argument(
        "--jobs", type=_positive, default=4, metavar="N", help="feeds fetched at once (4)"
    )
    refresh.add_argument(
        "--timeout", type=float, default=10.0, metavar="S", help="seconds to wait (10)"
    )
    prune = below.add_parser("prune", parents=[common], help="drop old items never opened")
    prune.add_argument(
        "--days", type=_positive, default=90, metavar="N", help="older than N days (90)"
    )
    opml_in = below.add_parser("import", parents=[common], help="subscribe to an OPML file's feeds")
    opml_in.add_argument("file", metavar="FILE.opml")
    below.add_parser("export", parents=[common], help="print every subscription as OPML 2.0")
    return parser


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} is not 1 or more")
    return number


def _say(text: str, *, error: bool = False) -> None:
    stream = sys.stderr if error else sys.stdout
    print(f"reader: {inert_line(text)}" if error else inert_line(text), file=stream, flush=True)


def _title(feed: Feed) -> str:
    return feed.title or feed.url


def _open(args: argparse.Namespace, mode: str) -> FeedStore:
    from reader.paths import db_path
    from reader.sources.feeds import FeedStore, feeds_path

    return FeedStore.open(feeds_path(db_path(args.db)), mode=mode)  # type: ignore[arg-type]


def run_feeds(args: argparse.Namespace) -> int:
    action = args.action
    try:
        if action in ("list", "export"):
            with _open(args, "read") as store:
                return _list(store) if action == "list" else _export(store)
        with _open(args, "write") as store:
            return ACTIONS[action](store, args)
    except ArticleError as error:  # FeedError included: it names the feed or the file
        raise BadInput(str(error)) from error


def _list(store: FeedStore) -> int:
    counts = store.unread_counts()
    for feed in store.feeds():
        fields = [str(counts.get(feed.id, 0)), _title(feed), feed.url]
        if feed.last_error:
            fields.append(feed.last_error)
        # tab-separated for scripts; inert_line makes any tab inside a field a space
        print("\t".join(inert_line(f) for f in fields), flush=True)
    return 0


def _export(store: FeedStore) -> int:
    from reader.sources.feeds import export_opml

    sys.stdout.write(export_opml(store))
    return 0


def _add(store: FeedStore, args: argparse.Namespace) -> int:
    failed = False
    for url in args.urls:
        try:
            feed, new = store.subscribe(url)
        except ArticleError as error:
            failed = True
            _say(str(error), error=True)
            continue
        if new:
            items = len(store.items(feed.id))
            _say(f"subscribed: {_title(feed)} ({feed.url}), {items} items")
        else:
            _say(f"already subscribed: {_title(feed)} ({feed.url})")
    return EXIT_BAD_INPUT if failed else 0


def _remove(store: FeedStore, args: argparse.Namespace) -> int:
    feed = store.remove(args.feed)
    _say(f"removed: {_title(feed)} ({feed.url})")
    return 0


def _refresh(store: FeedStore, args: argparse.Namespace) -> int:
    from reader.sources.feeds import refresh

    printing = threading.Lock()

    def done(result: RefreshResult) -> None:
        with printing:
            if result.error:
                _say(f"{result.feed.url}: {result.error}", error=True)
            else:
                _say(f"{_title(result.feed)}: {result.new} new")

    results = refresh(store, jobs=args.jobs, timeout=args.timeout, on_done=done)
    pruned = store.prune()
    if pruned:
        _say(f"pruned {pruned} items never opened and first seen over 90 days ago")
    return EXIT_BAD_INPUT if any(r.error for r in results) else 0


def _prune(store: FeedStore, args: argparse.Namespace) -> int:
    pruned = store.prune(days=args.days)
    _say(f"pruned {pruned} items never opened and first seen over {args.days} days ago")
    return 0


def _import(store: FeedStore, args: argparse.Namespace) -> int:
    from reader.sources.opml import read_opml

    listed = read_opml(args.file)
    added = store.add_unfetched(listed)  # what import_opml does, counting the ones skipped
    for feed in added:
        _say(f"subscribed: {_title(feed)} ({feed.url})")
    skipped = len(listed) - len(added)
    note = f", {skipped} already subscribed" if skipped else ""
    _say(f"imported {len(added)} feeds{note}; reader feeds refresh fetches them")
    return 0


ACTIONS = {
    "add": _add,
    "remove": _remove,
    "refresh": _refresh,
    "prune": _prune,
    "import": _import,
}

FEEDS_COMMANDS = {"feeds": (_feeds_parser, run_feeds)}
