"""Whether the database can be written here, and if not why: decided before anything is written.

A store writes by creating a temporary file beside the database, renaming it over the old one and
locking ``<name>.lock``, so it needs the folder as well as the file. A file its owner made
read-only is read-only to us too, even though a rename could replace it: that is the owner's intent.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from .errors import StoreError

#: What a write that fails for want of permission (or a writable disk) raises.
READ_ONLY_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})

#: The reason given by a store opened with ``mode="read"``.
FOR_READING = "opened for reading only"

# The kernel checks the effective ids when it opens files, so ask about those.
_EFFECTIVE = os.access in os.supports_effective_ids


def may(path: str | os.PathLike[str], mode: int) -> bool:
    """Whether this process may ``mode`` (``os.W_OK`` and so on) ``path``."""
    return os.access(path, mode, effective_ids=_EFFECTIVE)


def nearest_folder(path: Path) -> Path:
    """The closest existing ancestor of ``path``: where its folders would be created."""
    folder = path.parent
    while not os.path.lexists(folder) and folder != folder.parent:
        folder = folder.parent
    return folder


def check_usable(path: Path) -> None:
    """Raise StoreError when ``path`` can never hold the database (a folder, a file as folder)."""
    if os.path.isdir(path):
        raise StoreError(path, "is a folder, not a file")
    folder = nearest_folder(path)
    if not os.path.isdir(folder):
        raise StoreError(path, f"{folder} is not a folder")


def unwritable_reason(path: Path) -> str | None:
    """Why the database at ``path`` cannot be written (short, lowercase), or None if it can."""
    folder = nearest_folder(path)
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "read-only file system"
    except OSError:
        pass  # not every file system answers; the permission checks below still do
    if os.path.lexists(path) and not may(path, os.W_OK):
        return "no permission to write the file"
    lock = path.with_name(path.name + ".lock")
    if folder == path.parent and os.path.lexists(lock) and not may(lock, os.W_OK):
        return f"no permission to write {lock.name}"
    if not may(folder, os.W_OK | os.X_OK):
        return f"no permission to write in {folder}"
    return None
