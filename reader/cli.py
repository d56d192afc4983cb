"""What every command shares: the common options and how bad input is reported.

Kept out of ``reader/__main__.py`` because under ``python -m reader`` that module runs as
``__main__``: importing it from a subcommand's module would load a second copy with a second
``BadInput`` class that the entry point would not catch.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from reader import __version__
from reader.inert import inert_line

#: Exit status for bad input: a missing or unreadable file, a damaged database, a bad export.
EXIT_BAD_INPUT = 2


class BadInput(Exception):
    """A problem with what the user gave us: printed as one line naming the file, exit status 2."""


def add_common(parser: argparse.ArgumentParser) -> None:
    """The options every command takes."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="annotation database (default: $READER_DB, else the user data folder)",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")


def reporting(run: Callable[[], int]) -> int:
    """Run a command; bad input becomes one line on stderr and exit status 2, never a traceback."""
    try:
        return run()
    except BrokenPipeError:  # `reader notes | head`: stop quietly, as other tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if not (isinstance(error, BadInput) or _is_store_error(error)):
            raise
        print(f"reader: {inert_line(str(error))}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _is_store_error(error: Exception) -> bool:
    """Whether ``error`` is the annotation store's. Only a command that loaded the store can
    raise one, so the store is not imported here for the commands that never use it."""
    errors = sys.modules.get("reader.store.errors")
    return errors is not None and isinstance(error, errors.StoreError)
