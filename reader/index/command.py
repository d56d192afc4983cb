"""``reader index``, ``reader search`` and ``reader who``: the library index from the shell.

``index`` builds or updates it (a progress bar on a terminal, quiet when piped) and says what it
did; ``search`` and ``who`` only read it. None of them touches the annotation file.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from contextlib import suppress
from pathlib import Path

from reader.cli import BadInput, add_common
from reader.inert import inert_line


def _add_index_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--index",
        metavar="PATH",
        help="the index file (default: $READER_INDEX, else the user cache folder)",
    )


def _format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")


def _index_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader index",
        description="Build or update the library index of articles (derived data: it can be "
        "deleted at any time and is rebuilt).",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="extract in N processes")
    parser.add_argument(
        "--low-priority",
        action="store_true",
        help="run at a low priority (as the app does when it indexes in the background)",
    )
    _add_index_option(parser)
    add_common(parser)
    return parser


def _search_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader search", description="Search the full text of every indexed article."
    )
    parser.add_argument("query", metavar="QUERY", help="words that must all appear")
    parser.add_argument("path", nargs="?", metavar="PATH", help="only articles under PATH")
    parser.add_argument("--limit", type=int, default=50, metavar="N")
    _format_option(parser)
    _add_index_option(parser)
    add_common(parser)
    return parser


def _who_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader who",
        description="A person, organisation or place across the indexed articles: where they "
        "are mentioned and everything they said.",
    )
    parser.add_argument("name", metavar="NAME")
    _format_option(parser)
    _add_index_option(parser)
    add_common(parser)
    return parser


def _connect(args: argparse.Namespace, *, must_exist: bool):
    from reader.index import IndexUnavailable, connect
    from reader.paths import index_path

    path = index_path(args.index)
    if must_exist and not path.exists():
        raise BadInput(f"{path}: no index yet (build one with: reader index FOLDER)")
    try:
        return connect(path)
    except IndexUnavailable as error:
        raise BadInput(str(error)) from error


def run_index(args: argparse.Namespace) -> int:
    from reader.index import update

    if args.jobs < 1:
        raise BadInput(f"--jobs {args.jobs}: give a whole number of processes, 1 or more")
    for raw in args.paths:
        if not Path(raw).exists():
            raise BadInput(f"{raw}: no such file or folder")
    if args.low_priority:
        with suppress(OSError, AttributeError):
            os.nice(10)
    conn = _connect(args, must_exist=False)
    bar = _progress_bar() if sys.stderr.isatty() else None
    try:
        paths = [Path(p) for p in args.paths]
        done = update(conn, paths, jobs=args.jobs, background=args.low_priority, progress=bar)
    finally:
        conn.close()
        if bar is not None:
            print(file=sys.stderr)
    for problem in done.problems:
        print(f"reader: {inert_line(problem)}", file=sys.stderr)
    print(done.summary())
    return 0


def _progress_bar():
    def show(count: int, total: int) -> None:
        width = 30
        filled = width * count // max(1, total)
        bar = "█" * filled + "·" * (width - filled)
        print(f"\r{bar} {count:,}/{total:,}", end="", file=sys.stderr, flush=True)

    return show


def run_search(args: argparse.Namespace) -> int:
    from reader.index import search

    conn = _connect(args, must_exist=True)
    try:
        under = [Path(args.path)] if args.path else None
        hits = search(conn, args.query, under=under, limit=args.limit)
    finally:
        conn.close()
    if args.format == "json":
        print(json.dumps([hit.to_dict() for hit in hits], ensure_ascii=False, indent=2))
        return 0
    for hit in hits:
        print(inert_line(f"{hit.path}:{hit.start}: {hit.title}"))
        print("    " + inert_line(hit.snippet))
    return 0


def run_who(args: argparse.Namespace) -> int:
    from reader.index import who

    conn = _connect(args, must_exist=True)
    try:
        found = who(conn, args.name)
    finally:
        conn.close()
    if found is None:
        raise BadInput(f"{args.name}: not found in the index")
    if args.format == "json":
        print(json.dumps(found.to_dict(), ensure_ascii=False, indent=2))
        return 0
    lines = [f"{found.name} ({found.type.lower()})"]
    if found.aliases:
        lines.append("  also: " + ", ".join(found.aliases))
    lines.append(f"  in {len(found.articles)} article(s):")
    for a in found.articles:
        lines.append(f"    {a.date or '—'}  {a.title}  ×{a.mentions}  {a.path}")
    if found.quotes:
        lines.append(f"  said ({len(found.quotes)}):")
        for q in found.quotes:
            text = q.text if len(q.text) <= 100 else q.text[:99].rstrip() + "…"
            lines.append(f"    {q.date or '—'}  “{text}” ({q.cue or '—'})  {q.path}:{q.start}")
    print("\n".join(inert_line(line) for line in lines))
    return 0


INDEX_COMMANDS = {
    "index": (_index_parser, run_index),
    "search": (_search_parser, run_search),
    "who": (_who_parser, run_who),
}
