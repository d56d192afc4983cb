"""The ``extract`` subcommand: entities and quotes of articles as JSON or text, no UI.

``reader/__main__.py`` registers it in its ``COMMANDS``. Reading and extracting run in this
process, or in ``--jobs`` worker processes that print nothing themselves: the output is the same,
in the same order, either way.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import deque
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from reader.article import Article, ArticleError, ArticleFacts, load_article_facts
from reader.cli import EXIT_BAD_INPUT, BadInput, add_common
from reader.inert import inert_line
from reader.sources.web import is_url

if TYPE_CHECKING:
    from reader.sources.saved import SavedArticles


def _extract_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader extract",
        description="Print the people, organisations, places and groups in articles (no UI).",
        epilog="Folders are searched recursively. Bad files are reported on stderr and skipped; "
        "the exit status is 2 if any was.",
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="article files or folders, or web addresses (a saved copy is read if there is one)",
    )
    parser.add_argument(
        "--offline", action="store_true", help="never use the network: only saved copies of URLs"
    )
    parser.add_argument(
        "--format",
        choices=("json", "jsonl", "text"),
        default="json",
        help="json: one array; jsonl: one object per line, per article; text: a summary",
    )
    parser.add_argument(
        "--text",
        action="store_true",
        help='json and jsonl: add "text", the article text that every offset indexes, and "url" '
        "(null for a local file)",
    )
    parser.add_argument(
        "--jobs",
        default="1",
        metavar="N",
        help="extract in N processes; the output is the same and in the same order (default 1)",
    )
    parser.add_argument(
        "--index",
        metavar="PATH",
        help="the library index to read unchanged articles from (default: $READER_INDEX, else "
        "the user cache folder); never written",
    )
    add_common(parser)
    return parser


#: What extracting one article gives: ``(True, what to print)`` or ``(False, the complaint)``.
Outcome = tuple[bool, str]

#: A sentence to extract from before the workers fork, so that they share what that loads.
WARM_UP = "“The ferry will run on time,” said Ann Lee, the mayor of Tromsø, on Monday."

#: Articles handed out ahead of the one being printed, per process: enough to keep every process
#: busy, few enough that memory stays flat however large the corpus.
AHEAD_PER_JOB = 4


def _jobs(raw: str) -> int:
    try:
        jobs = int(raw)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise BadInput(f"--jobs {raw}: give a whole number of processes, 1 or more")
    return jobs


def _extract_one(path: str, fmt: str, with_text: bool) -> Outcome:
    """Load and extract the article at ``path`` and format what ``reader extract`` prints for it.

    Under ``--jobs`` this runs in a worker process: it is sent a path, not the text, reads the file
    itself and sends back only the finished output.
    """
    import json

    from reader.extract.report import article_report, report_text

    article: Article | ArticleFacts
    try:
        article = _url_article(path) if is_url(path) else load_article_facts(path)
    except ArticleError as error:
        return False, f"{error.path}: {error.problem}"
    report = article_report(article, with_text=with_text and fmt != "text")
    if fmt == "text":
        return True, report_text(report)
    return True, json.dumps(report, ensure_ascii=False, indent=2 if fmt == "json" else None)


def _url_article(url: str) -> Article:
    """A page fetched now (the command line found no saved copy of it)."""
    from reader.sources.saved import page_article
    from reader.sources.web import fetch

    return page_article(fetch(url))


def _extract_work(
    raws: list[str], saved: SavedArticles | None, offline: bool
) -> Iterator[str | Outcome]:
    """The article paths to extract, in output order, with each folder's problem where it falls.
    A web address becomes its saved copy's path; without one it is fetched (never saved: this
    command changes nothing), unless ``offline``. ``saved`` may be None when no raw is one."""
    from reader.article import iter_article_files

    problems: list[Outcome] = []

    def complain(path: object, problem: str) -> None:
        problems.append((False, f"{path}: {problem}"))

    for raw in raws:
        if is_url(raw):
            assert saved is not None
            found = saved.find(raw)
            if found is not None:
                yield os.fspath(found)
            elif offline:
                yield False, f"{raw}: not saved yet, and the network is off (--offline)"
            else:
                yield raw
            continue
        path = Path(raw)
        files = iter_article_files(path, on_error=complain) if path.is_dir() else [raw]
        for file in files:
            while problems:  # reported by the walk on its way to this file
                yield problems.pop(0)
            yield os.fspath(file)
        while problems:
            yield problems.pop(0)


def _from_index(work: Iterator[str | Outcome], index: Path, fmt: str) -> Iterator[str | Outcome]:
    """Each file unchanged since it was indexed, as what the index kept for it (the same
    output, byte for byte, as extracting it again); the rest as it was."""
    if not index.is_file():  # no index yet: spare loading its modules
        yield from work
        return
    import json

    from reader.extract.report import report_text
    from reader.index.reports import open_read_only, stored_report

    conn = open_read_only(index)
    if conn is None:
        yield from work
        return
    try:
        for item in work:
            kept = None if isinstance(item, tuple) or item == "-" else stored_report(conn, item)
            if kept is None:
                yield item
                continue
            kept["path"] = item
            if fmt == "text":
                yield True, report_text(kept)
            else:
                yield (
                    True,
                    json.dumps(kept, ensure_ascii=False, indent=2 if fmt == "json" else None),
                )
    finally:
        conn.close()


def _extract_here(work: Iterator[str | Outcome], fmt: str, with_text: bool) -> Iterator[Outcome]:
    for item in work:
        yield item if isinstance(item, tuple) else _extract_one(item, fmt, with_text)


def _start_worker() -> None:
    """In each worker: leave Ctrl-C to the parent, and end when the parent ends, however it ends.

    Ctrl-C reaches every process of the terminal's foreground group; the parent handles it by
    stopping the pool. A parent that is killed cannot stop it, and its workers would wait for work
    for ever, so each keeps a thread that waits for the parent to be gone.
    """
    import multiprocessing
    import signal
    import threading
    from multiprocessing.connection import wait

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def end_with_parent() -> None:
        wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=end_with_parent, name="end-with-parent", daemon=True).start()


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold back Ctrl-C while the pool may start a worker, so none starts open to it.

    A worker starts with the signal blocked and ignores it from then on; the parent gets a Ctrl-C
    that came meanwhile as soon as the block is lifted.
    """
    import signal

    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _extract_in_pool(
    work: Iterator[str | Outcome], fmt: str, with_text: bool, jobs: int
) -> Iterator[Outcome]:
    """Extract in ``jobs`` processes, yielding each outcome in order as soon as it and all before
    it are done. At most ``jobs * AHEAD_PER_JOB`` articles are out at a time. Closing the
    generator (Ctrl-C, a closed stdout) cancels what has not started and waits for the rest.
    """
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    from reader.article import parse_article
    from reader.extract.report import article_report

    # Forking starts a worker at once with what the parent has already loaded (the article and
    # extraction modules, never Textual). It is safe here: the parent runs no threads of its own,
    # and the pool forks every worker at its first submit, before it starts its own thread.
    # Elsewhere the platform's way, under which a worker imports this module and what it needs.
    method = "fork" if sys.platform == "linux" else None
    if method == "fork":  # the extractor's word lists and model, loaded once for every worker
        article_report(parse_article(WARM_UP, source="-"))
    pool = ProcessPoolExecutor(
        jobs, mp_context=multiprocessing.get_context(method), initializer=_start_worker
    )
    ahead: deque[Future[Outcome]] = deque()
    try:
        for item in work:
            if isinstance(item, str) and item != "-":  # standard input is the parent's to read
                with _interrupts_held():
                    ahead.append(pool.submit(_extract_one, item, fmt, with_text))
            else:
                done: Future[Outcome] = Future()
                ready = item if isinstance(item, tuple) else _extract_one(item, fmt, with_text)
                done.set_result(ready)
                ahead.append(done)
            while ahead and (ahead[0].done() or len(ahead) >= jobs * AHEAD_PER_JOB):
                yield ahead.popleft().result()
        while ahead:
            yield ahead.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _saved(db: str | None) -> SavedArticles:
    """The saved copies beside the annotation database."""
    from reader.paths import db_path
    from reader.sources import articles_folder
    from reader.sources.saved import SavedArticles

    return SavedArticles(articles_folder(db_path(db)))


def run_extract(args: argparse.Namespace) -> int:
    """Stream one report per article; a bad file is one line on stderr and does not stop the run."""
    from reader.paths import index_path

    jobs = _jobs(args.jobs)
    # The saved copies' modules load only for a web address.
    saved = _saved(args.db) if any(is_url(raw) for raw in args.paths) else None
    work = _extract_work(args.paths, saved, args.offline)
    if not args.text:  # the index keeps no text: with --text every article is read again
        work = _from_index(work, index_path(args.index), args.format)
    broken: tuple[type[Exception], ...] = ()  # nothing to catch without a pool
    if jobs == 1:
        outcomes = _extract_here(work, args.format, args.text)
    else:
        from concurrent.futures.process import BrokenProcessPool

        broken = (BrokenProcessPool,)
        outcomes = _extract_in_pool(work, args.format, args.text, jobs)
    failed = False
    first = True
    with closing(outcomes):
        try:
            for ok, text in outcomes:
                if not ok:
                    failed = True
                    print(f"reader: {inert_line(text)}", file=sys.stderr)
                    continue
                if args.format == "jsonl":
                    print(text, flush=True)
                elif args.format == "text":
                    print(("" if first else "\n") + text, flush=True)
                else:
                    print(("[\n" if first else ",\n") + text, end="", flush=True)
                first = False
        except broken:  # a worker killed from outside, or out of memory
            print("reader: extract: a worker process ended unexpectedly", file=sys.stderr)
            return 1
    if args.format == "json":
        print("[]" if first else "\n]", flush=True)
    return EXIT_BAD_INPUT if failed else 0


EXTRACT_COMMANDS = {"extract": (_extract_parser, run_extract)}
