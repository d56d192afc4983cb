"""Extracting a corpus too big for one machine, on Dask: a recipe, not an engine of our own.

``reader extract --jobs N`` spreads articles over the cores of one machine. Past that, an
existing engine spreads them over many: this runs :func:`~reader.extract.report.extract_report`
(text in, the ``reader extract`` object out, pure) over a folder with ``dask.bag``, on whatever
cluster the ``distributed`` client given is connected to, and gives back the reports in the
order ``reader extract --format jsonl FOLDER`` prints them, with the same bytes.

Install the extra (``pip install 'newswire-reader[dask]'``), then::

    python -m reader.extract.on_dask FOLDER [--scheduler tcp://host:8786] > corpus.jsonl

or from Python::

    from distributed import Client
    from reader.extract.on_dask import extract_folder
    reports = extract_folder("news/", Client("tcp://host:8786"))

Files are read by the workers (the folder must be visible to them, as on a shared disk); a file
that cannot be read is a line on stderr, as with ``reader extract``. Dask loads only here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

#: Articles per Dask partition: enough to amortise the scheduling, few enough to balance.
PER_PARTITION = 64


def article_paths(folder: str | os.PathLike[str]) -> list[str]:
    """Every article under ``folder``, in the order ``reader extract`` reads them."""
    from reader.article import iter_article_files

    root = Path(folder)
    return [os.fspath(p) for p in iter_article_files(root)] if root.is_dir() else [os.fspath(root)]


def report_for_path(path: str) -> tuple[bool, Any]:
    """``(True, report)`` for the article at ``path``, ``(False, "path: problem")`` if it cannot be
    read. Runs on the workers."""
    from reader.article import ArticleError, load_article
    from reader.extract.report import article_report

    try:
        return True, article_report(load_article(path))
    except ArticleError as error:
        return False, f"{error.path}: {error.problem}"


def extract_folder(folder: str | os.PathLike[str], client: Any = None) -> list[tuple[bool, Any]]:
    """Every article's outcome under ``folder``, in order, computed on ``client``'s cluster (the
    default Dask scheduler when None)."""
    import dask.bag as db

    paths = article_paths(folder)
    if not paths:
        return []
    parts = max(1, -(-len(paths) // PER_PARTITION))
    bag = db.from_sequence(paths, npartitions=parts).map(report_for_path)
    if client is not None:
        return list(client.compute(bag).result())
    return list(bag.compute())


def jsonl(outcomes: list[tuple[bool, Any]]) -> Iterator[tuple[bool, str]]:
    """What ``reader extract --format jsonl`` prints for these outcomes, line by line."""
    for ok, value in outcomes:
        yield (ok, json.dumps(value, ensure_ascii=False) if ok else value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reader.extract.on_dask",
        description="reader extract --format jsonl over a folder, on a Dask cluster.",
    )
    parser.add_argument("folder")
    parser.add_argument("--scheduler", help="the cluster's scheduler address (else a local one)")
    args = parser.parse_args(argv)
    from distributed import Client

    client = Client(args.scheduler) if args.scheduler else Client(processes=True)
    failed = False
    with client:
        for ok, line in jsonl(extract_folder(args.folder, client)):
            if ok:
                print(line)
            else:
                failed = True
                print(f"reader: {line}", file=sys.stderr)
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
