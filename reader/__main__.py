"""The ``reader`` command: parses arguments and starts the app, or runs a subcommand.

Textual is imported only when the interface is about to start, so ``--help``, ``--version`` and the
subcommands stay quick and work without a terminal.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from reader.article import Article, ArticleError, load_article
from reader.cli import BadInput, add_common, reporting
from reader.inert import inert_line
from reader.paths import config_path, db_path, index_path, samples_dir


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read news articles in the terminal; highlight and annotate from the keyboard.",
        epilog="With no PATH, opens the bundled sample articles. A folder opens as a library. "
        "Subcommands: reader extract PATH..., reader fetch URL..., reader feeds ACTION, "
        "reader export, reader notes (see reader SUBCOMMAND --help).",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files (.txt, .md, .html), folders, or web addresses (http, https); "
        "- reads standard input",
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="never use the network: a web address opens its saved copy or not at all",
    )
    parser.add_argument(
        "--index",
        metavar="PATH",
        help="the library index (default: $READER_INDEX, else the user cache folder)",
    )
    parser.add_argument(
        "--no-mouse",
        action="store_true",
        help="do not turn on mouse reporting (for terminals and multiplexers that misbehave)",
    )
    parser.add_argument(
        "--config",
        metavar="PATH",
        help="the settings file (default: $READER_CONFIG, else config.toml in the user config "
        "folder)",
    )
    parser.add_argument(
        "--print-config",
        action="store_true",
        help="print the settings in effect as a commented config.toml, and exit",
    )
    add_common(parser)
    return parser


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


def _saved_copies(raws: list[str], db: Path, offline: bool) -> list[str]:
    """The arguments with each web address replaced by its saved copy's path, fetching and
    saving the pages not saved yet (before the screen is taken, so that a failure is a line
    in the shell)."""
    from reader.sources import articles_folder, is_url

    if not any(is_url(raw) for raw in raws):
        return raws
    from reader.sources.saved import SavedArticles

    saved = SavedArticles(articles_folder(db))
    out = []
    for raw in raws:
        if not is_url(raw):
            out.append(raw)
            continue
        if saved.find(raw) is None and not offline and sys.stderr.isatty():
            print(f"reader: fetching {inert_line(raw)} …", file=sys.stderr, flush=True)
        try:
            out.append(str(saved.open(raw, offline=offline)))
        except ArticleError as error:
            raise BadInput(str(error)) from error
    return out


def print_config(path: Path) -> int:
    """The settings in effect, every binding id with its keys: a config.toml to start from.

    Problems in the file go to stderr, one line each; what is printed leaves them out.
    """
    from textual.theme import BUILTIN_THEMES

    from reader.config import check_names, load_config, render_config
    from reader.ui.bindings import binding_infos

    config, problems = load_config(path)
    bindings = binding_infos()
    config, more = check_names(
        config, path, themes=BUILTIN_THEMES, binding_ids={info.id for info in bindings}
    )
    for line in problems + more:
        print(f"reader: {inert_line(line)}", file=sys.stderr)
    sys.stdout.write(render_config(config, bindings, BUILTIN_THEMES))
    return 0


def run_reader(args: argparse.Namespace) -> int:
    """Open the library (folders, several files, or the samples) or a single article."""
    from reader.store import AnnotationStore, StoreError

    settings = config_path(args.config)
    if args.print_config:
        return print_config(settings)

    args.paths = _saved_copies(args.paths, db_path(args.db), args.offline)
    article: Article | None = None
    library: list[Path] | None = None
    title = "Library"
    if getattr(args, "feeds", False):
        pass  # the app starts on the feeds
    elif not args.paths:
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
        app = make_app(
            store,
            library=library,
            library_title=title,
            article=article,
            feeds=getattr(args, "feeds", False),
            index=index_path(args.index),
            config_path=settings,
        )
        app.run(mouse=not args.no_mouse and app.config.mouse)
    # Non-zero after a crash, a hang-up or SIGTERM, so scripts and shells can tell.
    return app.return_code or 0


#: The subcommands. Their modules are imported only when one of them runs, so that
#: ``reader ARTICLE`` starts without them.
COMMANDS = ("extract", "export", "import", "notes", "fetch", "feeds", "index", "search", "who")


def subcommand(name: str) -> tuple[Callable[[], argparse.ArgumentParser], Callable[..., int]]:
    """The parser factory and the run function of a subcommand."""
    if name == "extract":
        from reader.extract.command import EXTRACT_COMMANDS as commands
    elif name == "fetch":
        from reader.sources.command import FETCH_COMMANDS as commands
    elif name in ("index", "search", "who"):
        from reader.index.command import INDEX_COMMANDS as commands
    elif name == "feeds":
        from reader.sources.feeds_command import FEEDS_COMMANDS as commands
    else:
        from reader.exchange.commands import EXCHANGE_COMMANDS as commands
    return commands[name]


def _opens_feeds(argv: list[str]) -> bool:
    """``reader feeds`` with no subcommand (only options such as ``--db``): the app, on the
    feeds."""
    subcommands = {"add", "list", "remove", "refresh", "prune", "import", "export"}
    return bool(argv) and argv[0] == "feeds" and not subcommands & set(argv[1:])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if _opens_feeds(argv) and "-h" not in argv and "--help" not in argv:
        args = _parser().parse_args(argv[1:])
        args.feeds = True
        return reporting(lambda: run_reader(args))
    if argv and argv[0] in COMMANDS:
        make_parser, run = subcommand(argv[0])
        argv = argv[1:]
    else:
        make_parser, run = _parser, run_reader
    args = make_parser().parse_args(argv)
    return reporting(lambda: run(args))


if __name__ == "__main__":
    sys.exit(main())
