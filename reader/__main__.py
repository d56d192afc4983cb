"""The ``reader`` command: parses arguments and starts the app, or runs a subcommand.

Textual is imported only when the interface is about to start, so ``--help``, ``--version`` and the
subcommands stay quick and work without a terminal.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reader import __version__
from reader.article import Article, ArticleError, load_article
from reader.inert import inert_line
from reader.paths import db_path, samples_dir

EXIT_BAD_INPUT = 2


class BadInput(Exception):
    """A problem with what the user gave us: printed as one line, exit status 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read news articles in the terminal; highlight and annotate from the keyboard.",
        epilog="With no PATH, opens the bundled sample articles. A folder opens as a library.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files (.txt, .md, .html) or folders; - reads standard input",
    )
    add_common(parser)
    return parser


def add_common(parser: argparse.ArgumentParser) -> None:
    """The options every command takes."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="annotation database (default: $READER_DB, else the user data folder)",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")


def _check_path(raw: str) -> Path:
    path = Path(raw)
    if not path.exists():
        raise BadInput(f"{raw}: no such file or folder")
    if path.is_dir() and not os.access(path, os.R_OK | os.X_OK):
        raise BadInput(f"{raw}: permission denied")
    return path


def _reattach_terminal() -> None:
    """After reading an article from a pipe, read keys from the terminal instead."""
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError as error:
        raise BadInput("-: no terminal to read keys from after reading standard input") from error
    os.dup2(tty, 0)
    os.close(tty)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115 - fd 0 outlives this function by design


def run_reader(args: argparse.Namespace) -> int:
    """Open the library (folders, several files, or the samples) or a single article."""
    from reader.store import AnnotationStore, StoreError

    article: Article | None = None
    library: list[Path] | None = None
    title = "Library"
    if not args.paths:
        library, title = [samples_dir()], "Sample articles"
    elif len(args.paths) == 1 and (args.paths[0] == "-" or Path(args.paths[0]).is_file()):
        try:
            article = load_article(args.paths[0])
        except ArticleError as error:
            raise BadInput(str(error)) from error
        if args.paths[0] == "-" and not sys.stdin.isatty():
            _reattach_terminal()
    else:
        library = [_check_path(raw) for raw in args.paths]
        title = ", ".join(args.paths) if len(args.paths) <= 3 else f"{len(args.paths)} locations"

    try:
        store = AnnotationStore.open(db_path(args.db))
    except StoreError as error:
        raise BadInput(str(error)) from error

    from reader.ui.app import make_app

    with store:
        make_app(store, library=library, library_title=title, article=article).run()
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return run_reader(args)
    except BadInput as error:
        print(f"reader: {inert_line(str(error))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
