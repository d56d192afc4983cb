"""What the annotation store does when its file is damaged or refuses a write.

A file that cannot be read is moved aside (never written over) and the last good copy is restored.
On a read-only store the damaged file is left as it is and its backup is shown instead. A write
refused for want of permission (EACCES, EPERM, EROFS) turns the store read-only: everything still
reads, every change raises ReadOnlyStore. Each of these leaves one line in ``notice`` for the UI.
"""

from __future__ import annotations

import logging
from pathlib import Path

from .access import READ_ONLY_ERRNOS
from .errors import InvalidStoreFile, ReadOnlyStore, StoreError, describe_os_error, one_line
from .records import ANNOTATIONS
from .storage import AtomicJSONStorage

log = logging.getLogger(__name__)


class Recovery:
    """Repair and read-only fallback for one storage; call it under the store's lock."""

    def __init__(self, storage: AtomicJSONStorage) -> None:
        self._storage = storage
        self._told_damage = False
        #: One line for the user when the file had to be repaired or is read-only; else None.
        self.notice: str | None = None

    def become_read_only(self, reason: str) -> None:
        """A write was refused (EACCES, EPERM, EROFS): stop writing, keep reading, say so once."""
        if self._storage.read_only_reason is not None:
            return
        self._storage.make_read_only(reason)
        self.notice = str(ReadOnlyStore(self._storage.path, reason))

    def repair(self) -> None:
        """Move the unusable file aside and restore the backup (under the lock, once per damage).

        When the file turns out not to be writable, the store becomes read-only instead and shows
        the backup, leaving the damaged file as it is.
        """
        path = self._storage.path
        aside: Path | None = None
        problem = "unusable"
        try:
            with self._storage.locked():
                try:
                    self._storage.read()
                    return  # another process has repaired it meanwhile
                except InvalidStoreFile as err:
                    problem = err.problem
                aside = self._storage.move_aside()
                backup = self._storage.read_backup()
                if backup is None:
                    outcome = "no usable backup, so starting empty"
                else:
                    self._storage.write(backup)
                    n = len(backup.get(ANNOTATIONS, {}))
                    outcome = f"restored {n} annotation{'' if n == 1 else 's'} from the backup"
        except OSError as err:
            reason = describe_os_error(err)
            if err.errno not in READ_ONLY_ERRNOS:
                raise StoreError(path, f"unusable and cannot be repaired: {reason}") from None
            self.become_read_only(reason)
            if aside is None:
                self.stand_in()
                return
            outcome = f"the backup could not be restored ({reason}), so read-only and empty"
        self.notice = one_line(f"{path}: {problem}; moved aside to {aside.name}; {outcome}")
        log.warning("%s", self.notice)

    def stand_in(self) -> None:
        """A damaged file on a read-only store: leave it as it is and show its backup instead."""
        try:
            self._storage.read()
            return  # repaired meanwhile, by another process
        except InvalidStoreFile as err:
            problem = err.problem
        backup = self._storage.read_backup()
        self._storage.stand_in(backup)
        if self._told_damage:
            return
        self._told_damage = True
        if backup is None:
            shown = "there is no usable backup, so no highlights are shown"
        else:
            n = len(backup.get(ANNOTATIONS, {}))
            shown = f"showing the {n} annotation{'' if n == 1 else 's'} of the backup"
        path, reason = self._storage.path, self._storage.read_only_reason
        self.notice = one_line(
            f"{path}: {problem}; read-only ({reason}), so it is left as it is; {shown}"
        )
