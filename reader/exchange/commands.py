"""The ``export``, ``import`` and ``notes`` subcommands: parsers and run functions.

``reader/__main__.py`` registers them in its ``COMMANDS`` and reports their ``BadInput``. ``export``
and ``notes`` only read: they open the database with ``mode="read"``, so a damaged or unreadable
file is reported (one line, exit status 2) and left exactly as it is, and a missing one is empty.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli import EXIT_BAD_INPUT, BadInput, add_common
from reader.inert import inert_line
from reader.paths import db_path

if TYPE_CHECKING:
    from reader.store import AnnotationStore
    from reader.store.annotations import Mode

FORMATS = ("markdown", "json", "w3c")


def export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader export",
        description="Print highlights and notes, re-anchored against the article files as they "
        "are now. Highlights whose text is gone (orphans) are kept and marked.",
    )
    parser.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="only the highlights of this article file, or of the articles under this folder",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="markdown",
        help="markdown (default): grouped by article, with links back; json: current start/end "
        "and anchored true/false; w3c: W3C Web Annotation JSON-LD",
    )
    add_common(parser)
    return parser


def import_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader import",
        description="Read a json or w3c export back into the database. Annotations are matched by "
        "id, so importing a file twice adds nothing.",
    )
    parser.add_argument("file", metavar="FILE", help="a file written by reader export")
    add_common(parser)
    return parser


def notes_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader notes",
        description="List highlights and notes, one per line, tab-separated: path, start, end, "
        "status (anchored, orphan or unavailable), colour, tags, text, note.",
    )
    parser.add_argument(
        "--grep", metavar="TEXT", help="only lines whose text, note, tags or article match TEXT"
    )
    add_common(parser)
    return parser


def run_export(args: argparse.Namespace) -> int:
    from reader.exchange.gather import gather
    from reader.exchange.json_export import export_json
    from reader.exchange.markdown import export_markdown
    from reader.exchange.w3c import export_w3c

    if args.path is not None and not Path(args.path).exists():
        raise BadInput(f"{args.path}: no such file or folder")
    render = {"markdown": export_markdown, "json": export_json, "w3c": export_w3c}
    with _open_store(args.db, "read") as store:
        documents = gather(store, args.path)
    sys.stdout.write(render[args.format](documents))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from reader.exchange.importing import ImportFormatError, import_data, read_export

    try:
        data = read_export(args.file)
    except ImportFormatError as error:
        raise BadInput(f"{args.file}: {error}") from None
    with _open_store(args.db, "write") as store:
        store.ensure_writable()  # a read-only database: say so before changing anything
        try:
            result = import_data(store, data)
        except ImportFormatError as error:
            raise BadInput(f"{args.file}: {error}") from None
    for problem in result.skipped:
        print(f"reader: {inert_line(f'{args.file}: skipped {problem}')}", file=sys.stderr)
    print(f"{args.file}: {result.summary()}")
    return EXIT_BAD_INPUT if result.skipped else 0


def run_notes(args: argparse.Namespace) -> int:
    from reader.exchange.gather import gather
    from reader.exchange.notes import note_lines

    with _open_store(args.db, "read") as store:
        documents = gather(store)
    for line in note_lines(documents, args.grep):
        print(line)
    return 0


def _open_store(explicit: str | None, mode: Mode) -> AnnotationStore:
    """The database for a command: ``"read"`` for those that must never change it."""
    from reader.store import AnnotationStore, StoreError

    try:
        return AnnotationStore.open(db_path(explicit), mode=mode)
    except StoreError as error:
        raise BadInput(str(error)) from None


EXCHANGE_COMMANDS = {
    "export": (export_parser, run_export),
    "import": (import_parser, run_import),
    "notes": (notes_parser, run_notes),
}
