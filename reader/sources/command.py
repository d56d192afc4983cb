"""The ``fetch`` subcommand: save web articles (or fetch their saved copies again), no UI.

``reader fetch URL...`` prints the path of each saved copy, one per line, so that a script can
open, grep or extract it. ``--refresh`` fetches pages already saved again and rewrites their
copies; highlights re-anchor to the new text when the article is next opened.
"""

from __future__ import annotations

import argparse
import sys

from reader.article import ArticleError
from reader.cli import EXIT_BAD_INPUT, BadInput, add_common
from reader.inert import inert_line


def _fetch_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader fetch",
        description="Fetch web articles and save them for reading, offline too.",
        epilog="Each saved copy's path is printed on its own line. A page that cannot be fetched "
        "is one line on stderr and does not stop the others; the exit status is 2 if any failed.",
    )
    parser.add_argument("urls", nargs="+", metavar="URL", help="http or https addresses")
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="fetch pages already saved again and rewrite their saved copies",
    )
    add_common(parser)
    return parser


def run_fetch(args: argparse.Namespace) -> int:
    from reader.paths import db_path
    from reader.sources import articles_folder, is_url
    from reader.sources.saved import SavedArticles

    saved = SavedArticles(articles_folder(db_path(args.db)))
    failed = False
    for url in args.urls:
        if not is_url(url):
            raise BadInput(f"{url}: not a web address (give one starting http:// or https://)")
    for url in args.urls:
        try:
            path = saved.open(url, refresh=args.refresh)
        except ArticleError as error:
            failed = True
            print(f"reader: {inert_line(str(error))}", file=sys.stderr)
            continue
        print(path, flush=True)
    return EXIT_BAD_INPUT if failed else 0


FETCH_COMMANDS = {"fetch": (_fetch_parser, run_fetch)}
