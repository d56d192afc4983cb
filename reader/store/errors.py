"""Errors of the annotation store: each names the file and says what is wrong, in one line."""

from __future__ import annotations

import os
import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """``text`` with control characters escaped: a message never breaks a line or the terminal."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class StoreError(Exception):
    """The annotation file cannot be used. ``str(error)`` is ``"<path>: <problem>"``, one line."""

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        self.path = os.fspath(path)
        self.problem = one_line(problem)
        super().__init__(f"{one_line(self.path)}: {self.problem}")


class InvalidStoreFile(StoreError):
    """The file exists but its content is not a database we can read (bad bytes, JSON or shape).

    The store recovers from this (moves the file aside, restores the backup); it only reaches
    callers that use the storage directly.
    """


class ReadOnlyStore(StoreError):
    """A change was asked of a database that is open read-only; nothing was written.

    ``reason`` says why it is read-only (``"no permission to write the file"``, ``"read-only file
    system"``, ...); ``str(error)`` is the one line to show the user.
    """

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.reason = one_line(reason)
        super().__init__(path, f"read-only ({self.reason}); highlights and notes cannot be saved")


def describe_os_error(err: OSError) -> str:
    """A short lowercase reason for an OS error, without the path Python appends."""
    reason = err.strerror or type(err).__name__
    return reason[:1].lower() + reason[1:]
