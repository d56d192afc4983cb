"""A TinyDB storage that never leaves a half-written file and lets several processes share one.

TinyDB's JSONStorage rewrites the file in place: killed mid-write it leaves unparseable JSON, and
two processes overwrite each other. Here every write goes to a temporary file in the same folder
that is fsynced and renamed over the old one, so the file is always the old or the new version.
Read-modify-write cycles run under an exclusive ``flock`` on a separate ``<name>.lock`` file (the
data file itself is replaced on every write, so a lock on it would not exclude anybody). A file
changed by another process is noticed by its identity and read again.

POSIX only (``fcntl``).
"""

from __future__ import annotations

import datetime as _dt
import errno
import fcntl
import json
import logging
import os
import random
import re
import secrets
import stat
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from tinydb import Storage

from .errors import InvalidStoreFile, ReadOnlyStore, StoreError, describe_os_error
from .records import META_ID, META_TABLE, SCHEMA_VERSION, meta_record

log = logging.getLogger(__name__)

#: Temporary files younger than this are left alone: their writer may still be running.
TEMP_MAX_AGE = 60.0
#: How long to wait for another process to release the lock before giving up.
LOCK_TIMEOUT = 10.0

_TEMP_NAME = re.compile(r"^\.(?P<base>.+)\.(?P<pid>\d+)\.[0-9a-f]{8}\.tmp$")
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}

Data = dict[str, dict[str, Any]]
_FileKey = tuple[int, int, int, int]


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _short(name: str) -> str:
    return repr(name if len(name) <= 40 else name[:37] + "...")


def parse(raw: bytes, path: str | os.PathLike[str]) -> Data:
    """The database in ``raw``; raises InvalidStoreFile saying what is wrong with it."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        byte = raw[err.start]
        problem = f"not UTF-8 text (byte 0x{byte:02x} at offset {err.start})"
        raise InvalidStoreFile(path, problem) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InvalidStoreFile(path, "blank (only white space)")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        where = f"line {err.lineno}, column {err.colno}"
        if err.pos >= len(text.rstrip()) or err.msg.startswith("Unterminated string"):
            raise InvalidStoreFile(path, f"truncated JSON (it stops at {where})") from None
        raise InvalidStoreFile(path, f"not valid JSON ({err.msg} at {where})") from None
    except RecursionError:
        raise InvalidStoreFile(path, "not valid JSON (nested too deeply)") from None
    validate(data, path)
    return data


def validate(data: object, path: str | os.PathLike[str]) -> None:
    """Raise InvalidStoreFile unless ``data`` is an object of tables of records we can read."""
    if not isinstance(data, dict):
        problem = f"the top level is {_json_type(data)}, not an object of tables"
        raise InvalidStoreFile(path, problem)
    for name, table in data.items():
        if not isinstance(table, dict):
            problem = f"table {_short(name)} is {_json_type(table)}, not an object of records"
            raise InvalidStoreFile(path, problem)
        for key, record in table.items():
            if not isinstance(record, dict):
                problem = f"record {_short(key)} in table {_short(name)} is {_json_type(record)}"
                raise InvalidStoreFile(path, problem + ", not an object")
    meta = data.get(META_TABLE, {}).get(META_ID)
    if meta is None:
        return  # a file from before the schema record, or a fresh TinyDB file
    version = meta.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InvalidStoreFile(path, f"unreadable schema version {version!r}")
    if version > SCHEMA_VERSION:
        raise InvalidStoreFile(
            path,
            f"written by a newer reader (schema {version}; this one reads up to {SCHEMA_VERSION})",
        )


_dumps = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode


class _Record(dict):  # type: ignore[type-arg]
    """A record that remembers its encoded row (``"key":{...}`` as UTF-8) until it is changed.

    A save then encodes only the records that changed: at 10,000 annotations, encoding the whole
    file took most of a save. Every top-level mutation forgets the row; TinyDB changes records
    only that way (``update``, and ``__setitem__`` in its operations). Nested values must not be
    changed in place.
    """

    __slots__ = ("key", "row")

    def __init__(self, record: dict[str, Any], key: str, row: bytes) -> None:
        super().__init__(record)
        self.key = key
        self.row: bytes | None = row

    def _forget(name: str) -> Any:
        method = getattr(dict, name)

        def changed(self: _Record, *args: Any, **kwargs: Any) -> Any:
            self.row = None
            return method(self, *args, **kwargs)

        changed.__name__ = name
        return changed

    __setitem__ = _forget("__setitem__")
    __delitem__ = _forget("__delitem__")
    __ior__ = _forget("__ior__")
    update = _forget("update")
    pop = _forget("pop")
    popitem = _forget("popitem")
    clear = _forget("clear")
    setdefault = _forget("setdefault")
    del _forget


def _encode_row(table: dict[str, Any], key: str) -> bytes:
    record = table[key]
    row = f"{_dumps(key)}:{_dumps(record)}".encode()
    if isinstance(record, dict):  # keep the row for the next save (data is cached after a write)
        table[key] = _Record(record, key, row)
    return row


def encode(data: Data) -> bytes:
    """Compact, stable JSON (sorted keys, UTF-8) so equal data gives equal bytes.

    Assembled from per-record rows that unchanged records keep between saves (see _Record); the
    bytes are exactly those of ``json.dumps(data, sort_keys=True, ensure_ascii=False, ...)``.
    """
    try:
        tables = []
        for name in sorted(data):
            table = data[name]
            rows = []
            for key in sorted(table):
                record = table[key]
                if type(record) is _Record and record.row is not None and record.key == key:
                    rows.append(record.row)
                else:
                    rows.append(_encode_row(table, key))
            tables.append(b"%s:{%s}" % (_dumps(name).encode(), b",".join(rows)))
        return b"{%s}" % b",".join(tables)
    except UnicodeEncodeError:
        # A lone surrogate cannot be UTF-8; \u escapes keep it and keep the file valid UTF-8.
        return json.dumps(data, sort_keys=True, ensure_ascii=True, separators=(",", ":")).encode()


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # EPERM: alive, owned by someone else
    return True


def remove_stale_temp_files(path: Path, max_age: float = TEMP_MAX_AGE) -> list[Path]:
    """Delete temporary files a killed writer left beside ``path``; returns those removed.

    Only our own pattern, only if older than ``max_age`` and the writer's pid is gone: the age guard
    covers a writer in another pid namespace (a container sharing the folder).
    """
    bases = {path.name, path.name + ".bak"}
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if not match or match["base"] not in bases:
            continue
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
            if age < max_age or pid_alive(int(match["pid"])):
                continue
            os.unlink(entry.path)
        except FileNotFoundError:
            continue
        except OSError as err:
            log.warning("could not remove stale %s: %s", entry.path, err)
            continue
        removed.append(Path(entry.path))
    return removed


def _file_key(st: os.stat_result) -> _FileKey:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as err:
        if err.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _write_file(target: Path, payload: bytes) -> tuple[int, os.stat_result]:
    """Atomically replace ``target`` with ``payload``: temp file, fsync, rename.

    Returns the still-open descriptor of the new file and its stat; the folder is not fsynced here.
    """
    temp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        with suppress(FileNotFoundError):
            os.fchmod(fd, stat.S_IMODE(os.stat(target).st_mode))
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
        os.replace(temp, target)
        return fd, os.fstat(fd)
    except BaseException:
        os.close(fd)
        with suppress(OSError):
            os.unlink(temp)
        raise


class AtomicJSONStorage(Storage):
    """TinyDB storage: atomic replace on write, file lock for read-modify-write, rolling ``.bak``.

    ``read()`` returns the parsed file (``None`` when it is missing or empty) and raises
    InvalidStoreFile when its content is unusable; it never writes. Wrap every read-modify-write in
    ``with storage.locked():`` so reads inside see the latest file and no other process writes
    between the read and the write.

    With ``read_only_reason`` set (at creation or by :meth:`make_read_only`) it touches nothing on
    disk: no stale temporary files are tidied, and ``locked()`` (so every write, every move)
    raises ReadOnlyStore before it would create the folder or the lock file.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        lock_timeout: float = LOCK_TIMEOUT,
        backup: bool = True,
        read_only_reason: str | None = None,
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.backup_path = self.path.with_name(self.path.name + ".bak")
        self.lock_timeout = lock_timeout
        self.backup = backup
        self._mutex = threading.RLock()
        self._depth = 0
        self._lock_fd: int | None = None
        self._data: Data | None = None
        self._key: _FileKey | None = None
        # The file we last read or wrote stays open so its inode cannot be freed and reused by a
        # newer version: an equal (device, inode, size, mtime) then really means "unchanged".
        self._pinned: int | None = None
        self._closed = False
        #: Why this storage must not write (None: it may).
        self.read_only_reason = read_only_reason
        if read_only_reason is None:
            remove_stale_temp_files(self.path)

    # -- reading ---------------------------------------------------------------------------------

    def read(self) -> Data | None:
        with self._mutex:
            self._check_open()
            try:
                fd = os.open(self.path, os.O_RDONLY | os.O_CLOEXEC)
            except FileNotFoundError:
                self._remember(None, None, None)
                return None
            except OSError as err:
                raise StoreError(self.path, f"cannot read: {describe_os_error(err)}") from None
            try:
                st = os.fstat(fd)
                if stat.S_ISDIR(st.st_mode):
                    raise StoreError(self.path, "is a folder, not a file")
                key = _file_key(st)
                if key == self._key:
                    os.close(fd)
                    return self._data
                try:
                    raw = _read_all(fd)
                except OSError as err:
                    raise StoreError(self.path, f"cannot read: {describe_os_error(err)}") from None
                data = parse(raw, self.path) if raw else None
            except BaseException:
                os.close(fd)
                raise
            self._remember(data, key, fd)
            return data

    def changed_since_read(self) -> bool:
        """Whether another process rewrote the file since we last read or wrote it (one stat)."""
        with self._mutex:
            try:
                key = _file_key(os.stat(self.path))
            except OSError:
                key = None
            return key != self._key

    def stand_in(self, data: Data | None) -> None:
        """Serve ``data`` from ``read()`` in place of the file for as long as the file is unchanged.

        For a damaged database that must not be repaired (it is read-only): reads give the backup,
        say, while the file stays exactly as it is; once another process repairs or replaces it,
        ``read()`` reads the new file.
        """
        with self._mutex:
            self._check_open()
            try:
                fd = os.open(self.path, os.O_RDONLY | os.O_CLOEXEC)
            except OSError:
                self._remember(data, None, None)
                return
            try:
                key = _file_key(os.fstat(fd))
            except BaseException:
                os.close(fd)
                raise
            self._remember(data, key, fd)

    def read_backup(self) -> Data | None:
        """The last good copy, or None when there is none or it is unusable too."""
        try:
            raw = self.backup_path.read_bytes()
            return parse(raw, self.backup_path) if raw else None
        except FileNotFoundError:
            return None
        except (OSError, StoreError) as err:
            log.warning("backup not usable: %s", err)
            return None

    # -- writing ---------------------------------------------------------------------------------

    def write(self, data: Data) -> None:
        with self.locked():
            meta = data.setdefault(META_TABLE, {})
            meta.setdefault(META_ID, meta_record())
            validate(data, self.path)  # never write a file we would refuse to read
            payload = encode(data)
            fd, st = _write_file(self.path, payload)
            self._remember(data, _file_key(st), fd)
            if self.backup:
                self._write_backup(payload)
            _fsync_dir(self.path.parent)

    def _write_backup(self, payload: bytes) -> None:
        # A real copy, not a hard link: a link would share the inode with the main file and be
        # damaged with it by any tool that edits the file in place.
        try:
            fd, _ = _write_file(self.backup_path, payload)
        except OSError as err:
            log.warning("could not write the backup %s: %s", self.backup_path, err)
            return
        os.close(fd)

    def move_aside(self) -> Path:
        """Rename the (unusable) file to ``<name>.invalid-<UTC stamp>``; returns the new path.

        Call under ``locked()``: the free-name check relies on nobody else doing this meanwhile.
        """
        with self.locked():
            stamp = _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%SZ")
            base = f"{self.path.name}.invalid-{stamp}"
            aside = self.path.with_name(base)
            n = 1
            while aside.exists():
                aside = self.path.with_name(f"{base}-{n}")
                n += 1
            os.rename(self.path, aside)
            _fsync_dir(self.path.parent)
            self._remember(None, None, None)
            return aside

    # -- locking ---------------------------------------------------------------------------------

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the exclusive file lock (re-entrant within this object, shared by its threads).

        The folder is created here if needed: only callers about to write take the lock. On an
        exception the cached data is dropped, since TinyDB may have changed it without writing.
        Raises ReadOnlyStore, having touched nothing, when the storage is read-only.
        """
        with self._mutex:
            self._check_open()
            if self.read_only_reason is not None:
                raise ReadOnlyStore(self.path, self.read_only_reason)
            if self._depth == 0:
                self._lock_fd = self._acquire()
            self._depth += 1
            try:
                yield
            except BaseException:
                self._remember(None, None, None)
                raise
            finally:
                self._depth -= 1
                if self._depth == 0 and self._lock_fd is not None:
                    os.close(self._lock_fd)  # closing the descriptor releases the flock
                    self._lock_fd = None

    def _acquire(self) -> int:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + self.lock_timeout
        delay = 0.001
        while True:
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                if time.monotonic() > deadline:
                    problem = f"still locked by another process after {self.lock_timeout:g} s"
                    raise StoreError(self.path, f"{problem} ({self.lock_path.name})") from None
                time.sleep(delay * random.uniform(0.5, 1.0))
                delay = min(delay * 2, 0.02)
                continue
            except BaseException:
                os.close(fd)
                raise
            # A lock on a lock file that was deleted and re-created meanwhile excludes nobody.
            try:
                same = os.fstat(fd).st_ino == os.stat(self.lock_path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                return fd
            os.close(fd)

    # -- state -----------------------------------------------------------------------------------

    def make_read_only(self, reason: str) -> None:
        """From now on refuse to write (see ``read_only_reason``); the cached data is kept."""
        with self._mutex:
            if self.read_only_reason is None:
                self.read_only_reason = reason

    def _remember(self, data: Data | None, key: _FileKey | None, fd: int | None) -> None:
        if self._pinned is not None and self._pinned != fd:
            os.close(self._pinned)
        self._pinned = fd
        self._data = data
        self._key = key

    def _check_open(self) -> None:
        if self._closed:
            raise ValueError(f"storage for {self.path} is closed")

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        with self._mutex:
            if not self._closed:
                self._remember(None, None, None)
                self._closed = True
