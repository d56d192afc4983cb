"""The records kept in the annotation file, as typed values with an explicit JSON form.

Annotations follow the W3C Web Annotation selectors (a TextPositionSelector plus a
TextQuoteSelector) so they can be exported as such and re-attached when the text changes. Ids are
UUIDs because two processes adding records at once must never pick the same id.
"""

from __future__ import annotations

import datetime as _dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .place_marks import parse_marks

#: Version of the file layout; a file with a larger number was written by a newer ``reader``.
SCHEMA_VERSION = 1

META_TABLE = "_meta"
META_ID = "schema"
DOCUMENTS = "documents"
ANNOTATIONS = "annotations"

#: The highlight colours, in the order ``c`` cycles through them. Each is also a label.
COLORS = ("yellow", "green", "blue", "pink")
DEFAULT_COLOR = COLORS[0]


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
    #: When the article was finished (its end reached, or marked read); "" while it is not.
    read: str = ""
    #: Place marks: letter -> offset (see :mod:`reader.store.place_marks`).
    marks: Mapping[str, int] = field(default_factory=dict, hash=False)

    @property
    def is_read(self) -> bool:
        return bool(self.read)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "content_hash": self.content_hash,
            "position": self.position,
            "last_opened": self.last_opened,
            "created": self.created,
            "read": self.read,
        }
        if self.marks:  # a record without marks is written as before them
            data["marks"] = dict(self.marks)
        return data

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
            # Added later than the rest: a value this version cannot read means "not read".
            read=data["read"] if isinstance(data.get("read"), str) else "",
            marks=parse_marks(data.get("marks")),
        )


@dataclass(frozen=True, slots=True)
class TextPosition:
    """``text[start:end]`` of the article (W3C TextPositionSelector)."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TextPosition:
        return cls(start=_int(data, "start"), end=_int(data, "end"))


@dataclass(frozen=True, slots=True)
class TextQuote:
    """The quoted text with some context either side (W3C TextQuoteSelector), for re-anchoring."""

    exact: str
    prefix: str = ""
    suffix: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"exact": self.exact, "prefix": self.prefix, "suffix": self.suffix}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TextQuote:
        return cls(
            exact=_str(data, "exact"),
            prefix=_str(data, "prefix", ""),
            suffix=_str(data, "suffix", ""),
        )


@dataclass(frozen=True, slots=True)
class Target:
    position: TextPosition
    quote: TextQuote

    def to_dict(self) -> dict[str, Any]:
        return {"position": self.position.to_dict(), "quote": self.quote.to_dict()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Target:
        return cls(
            position=TextPosition.from_dict(_mapping(data, "position")),
            quote=TextQuote.from_dict(_mapping(data, "quote")),
        )


@dataclass(frozen=True, slots=True)
class AnnotationRecord:
    """A highlight, with an optional note and tags, on one document."""

    id: str
    document: str
    created: str
    updated: str
    target: Target
    color: str = DEFAULT_COLOR
    note: str = ""
    tags: tuple[str, ...] = field(default=())

    @classmethod
    def new(
        cls,
        document: str,
        start: int,
        end: int,
        exact: str,
        prefix: str = "",
        suffix: str = "",
        *,
        color: str = DEFAULT_COLOR,
        note: str = "",
        tags: tuple[str, ...] | list[str] = (),
    ) -> AnnotationRecord:
        """A fresh annotation with a new id and both time stamps set to now."""
        now = utc_now()
        return cls(
            id=new_id(),
            document=document,
            created=now,
            updated=now,
            target=Target(TextPosition(start, end), TextQuote(exact, prefix, suffix)),
            color=color,
            note=note,
            tags=tuple(tags),
        )

    @property
    def start(self) -> int:
        return self.target.position.start

    @property
    def end(self) -> int:
        return self.target.position.end

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "created": self.created,
            "updated": self.updated,
            "color": self.color,
            "note": self.note,
            "tags": list(self.tags),
            "target": self.target.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AnnotationRecord:
        """Raises ValueError on a malformed record; unknown keys are ignored."""
        tags = data.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise ValueError("'tags' must be a list of strings")
        return cls(
            id=_str(data, "id"),
            document=_str(data, "document"),
            created=_str(data, "created", ""),
            updated=_str(data, "updated", ""),
            target=Target.from_dict(_mapping(data, "target")),
            color=_str(data, "color", DEFAULT_COLOR),
            note=_str(data, "note", ""),
            tags=tuple(tags),
        )
