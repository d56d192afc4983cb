"""Notes being typed, kept safe until they are saved or given up (a dropped SSH connection).

The UI calls :meth:`DraftBox.save` as the user types (debounced, about every half second) and from
its SIGHUP/SIGTERM handler; on the next start :meth:`DraftBox.pending` offers them back, and
:meth:`DraftBox.discard` forgets one once it is saved into the annotation or cancelled.

Drafts live in a small JSON file beside the database (``<db>.drafts.json``), replaced atomically
(temporary file, fsync, rename) under an exclusive ``flock`` so two ``reader`` processes on one
database keep each other's drafts. A damaged drafts file is moved aside, never written over.
"""

from __future__ import annotations

import datetime as _dt
import fcntl
import json
import logging
import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import StoreError, describe_os_error
from .records import utc_now
from .storage import _fsync_dir, _write_file, remove_stale_temp_files

log = logging.getLogger(__name__)

DRAFTS_SUFFIX = ".drafts.json"
_VERSION = 1


@dataclass(frozen=True, slots=True)
class Draft:
    """An unsaved note: ``key`` is the UI's name for the editor (usually the annotation id)."""

    key: str
    text: str
    annotation_id: str | None
    document_id: str
    saved: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "annotation_id": self.annotation_id,
            "document_id": self.document_id,
            "saved": self.saved,
        }

    @classmethod
    def from_dict(cls, key: str, data: Mapping[str, Any]) -> Draft:
        """Raises ValueError on a malformed entry."""
        text, annotation, document, saved = (
            data.get("text"),
            data.get("annotation_id"),
            data.get("document_id"),
            data.get("saved", ""),
        )
        if not isinstance(text, str) or not isinstance(document, str):
            raise ValueError("draft needs string 'text' and 'document_id'")
        if annotation is not None and not isinstance(annotation, str):
            raise ValueError("'annotation_id' must be a string or null")
        return cls(key, text, annotation, document, saved if isinstance(saved, str) else "")


def drafts_path(db: str | os.PathLike[str]) -> Path:
    """Where the drafts of database ``db`` are kept."""
    db = Path(db)
    return db.with_name(db.name + DRAFTS_SUFFIX)


class DraftBox:
    """The note drafts of one database. Thread-safe; each call reads the file afresh."""

    def __init__(self, db: str | os.PathLike[str]) -> None:
        self.path = drafts_path(db)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self._mutex = threading.Lock()
        # What this process last wrote, to skip rewriting an unchanged draft on every keystroke.
        self._written: dict[str, str] = {}
        remove_stale_temp_files(self.path)

    def save(self, key: str, text: str, annotation_id: str | None, document_id: str) -> None:
        """Keep ``text`` as the draft ``key`` (replacing an older one). Raises StoreError."""
        if self._written.get(key) == text:
            return

        def change(drafts: dict[str, Draft]) -> None:
            drafts[key] = Draft(key, text, annotation_id, document_id, utc_now())

        self._change(change)
        self._written[key] = text

    def pending(self) -> list[Draft]:
        """Every draft not yet saved or discarded, oldest first."""
        with self._mutex:
            drafts = self._load(repair=False)
        return sorted(drafts.values(), key=lambda d: (d.saved, d.key))

    def get(self, key: str) -> Draft | None:
        return next((d for d in self.pending() if d.key == key), None)

    def discard(self, key: str) -> bool:
        """Forget draft ``key`` (saved or cancelled); False if there was none."""
        found = False

        def change(drafts: dict[str, Draft]) -> None:
            nonlocal found
            found = drafts.pop(key, None) is not None

        self._change(change)
        self._written.pop(key, None)
        return found

    # -- plumbing --------------------------------------------------------------------------------

    def _change(self, change: Any) -> None:
        with self._mutex:
            try:
                with self._locked():
                    drafts = self._load(repair=True)
                    before = dict(drafts)
                    change(drafts)
                    if drafts != before:
                        self._store(drafts)
            except OSError as err:
                problem = f"could not save the note draft: {describe_os_error(err)}"
                raise StoreError(self.path, problem) from None

    def _load(self, *, repair: bool) -> dict[str, Draft]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as err:
            log.warning("cannot read drafts %s: %s", self.path, err)
            return {}
        try:
            data = json.loads(raw.decode("utf-8"))
            entries = data["drafts"]
            if not isinstance(entries, dict):
                raise ValueError("'drafts' is not an object")
        except (ValueError, KeyError, TypeError) as err:
            log.warning("drafts file %s is damaged: %s", self.path, err)
            if repair:
                self._move_aside()
            return {}
        drafts = {}
        for key, entry in entries.items():
            try:
                drafts[key] = Draft.from_dict(key, entry if isinstance(entry, dict) else {})
            except ValueError as err:
                log.warning("skipping malformed draft %r: %s", key, err)
        return drafts

    def _store(self, drafts: dict[str, Draft]) -> None:
        if not drafts:
            with suppress(FileNotFoundError):
                os.unlink(self.path)
            return
        payload = {"version": _VERSION, "drafts": {k: d.to_dict() for k, d in drafts.items()}}
        try:
            data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        except UnicodeEncodeError:  # a lone surrogate: \u escapes keep the file valid UTF-8
            data = json.dumps(payload, separators=(",", ":")).encode()
        fd, _ = _write_file(self.path, data)
        os.close(fd)
        _fsync_dir(self.path.parent)

    def _move_aside(self) -> None:
        stamp = _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        with suppress(OSError):
            os.rename(self.path, self.path.with_name(f"{self.path.name}.invalid-{stamp}"))

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)
