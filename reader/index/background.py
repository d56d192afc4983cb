"""Keeping the index up to date from the app: ``reader index`` in a process of its own.

The app must stay quick to every key while the library's new articles are extracted, so the
work goes to a separate ``reader index`` process at a low priority rather than to threads or a
pool inside the app (whose interpreter the extraction would hold, and whose redirected output
a process pool cannot start under). It is detached from the terminal and may outlive the app,
so that an index begun is finished; each batch it writes is one transaction.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

#: Seconds between two looks at the indexing process (and at whether to stop it).
POLL_SECONDS = 0.1


def start_update(index: Path, roots: list[Path], *, jobs: int) -> subprocess.Popen[bytes]:
    """``reader index ROOTS --index INDEX --jobs N --low-priority``, started, output discarded."""
    argv = [sys.executable, "-m", "reader", "index", *map(os.fspath, roots)]
    argv += ["--index", os.fspath(index), "--jobs", str(max(1, jobs)), "--low-priority"]
    return subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # a Ctrl-C in the terminal is the app's to handle
    )


def wait_or_stop(process: subprocess.Popen[bytes], should_stop: Callable[[], bool]) -> int | None:
    """Wait for ``process``, unless ``should_stop`` says to stop waiting first (the app is
    quitting, or the screen waiting has closed). Its exit status, or None when it was left to
    finish on its own: at its low priority it does no harm, and what it indexes is there for
    the next start."""
    while process.poll() is None:
        if should_stop():
            return None
        time.sleep(POLL_SECONDS)
    return process.returncode
