"""The records kept in the annotation file, as typed values with an explicit JSON form.

Annotations follow the W3C Web Annotation selectors (a TextPositionSelector plus a
TextQuoteSelector) so they can be exported as such and re-attached when the text changes. Ids are
UUIDs because two processes adding records at once must never pick the same id.

The annotation records live in :mod:`reader.store.annotation_records` and load with the first
one read or made (they are importable from here all the same): opening an article needs only
its document record, and every record class costs start-up time to create.
"""

from __future__ import annotations

import datetime as _dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

#: Version of the file layout; a file with a larger number was written by a newer ``reader``.
SCHEMA_VERSION = 1

META_TABLE = "_meta"
META_ID = "schema"
DOCUMENTS = "documents"
ANNOTATIONS = "annotations"

DEFAULT_COLOR = "yellow"


def utc_now() -> str:
    """The current time as ISO 8601 UTC with milliseconds, e.g. ``2024-05-01T10:22:33.123Z``."""
    now = _dt.datetime.now(_dt.UTC)
    return now.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id() -> str:
    return str(uuid.uuid4())


def meta_record() -> dict[str, Any]:
    return {"version": SCHEMA_VERSION}


def _str(data: Mapping[str, Any], key: str, default: str | None = None) -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise ValueError(f"{key!r} must be a string, not {type(value).__name__}")
    return value


def _int(data: Mapping[str, Any], key: str, default: int | None = None) -> int:
    value = data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{key!r} must be an integer, not {type(value).__name__}")
    return value


def _mapping(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, Mapping):
        raise ValueError(f"{key!r} must be an object, not {type(value).__name__}")
    return value


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """An article the reader has opened: where it was, what it held, where the reader stopped."""

    id: str
    path: str
    title: str
    content_hash: str
    position: int = 0
    last_opened: str = ""
    created: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "content_hash": self.content_hash,
            "position": self.position,
            "last_opened": self.last_opened,
            "created": self.created,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DocumentRecord:
        """Raises ValueError on a malformed record; unknown keys are ignored."""
        return cls(
            id=_str(data, "id"),
            path=_str(data, "path"),
            title=_str(data, "title", ""),
            content_hash=_str(data, "content_hash", ""),
            position=_int(data, "position", 0),
            last_opened=_str(data, "last_opened", ""),
            created=_str(data, "created", ""),
        )


#: Importable from this module, loaded from :mod:`reader.store.annotation_records` when asked for.
ANNOTATION_RECORDS = ("AnnotationRecord", "Target", "TextPosition", "TextQuote")


def __getattr__(name: str) -> Any:
    if name in ANNOTATION_RECORDS:
        from . import annotation_records

        return getattr(annotation_records, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
