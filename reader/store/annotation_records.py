"""The annotation records: a highlight, its note and tags, and the W3C selectors of its target.

Split from :mod:`reader.store.records` (which still exports them) so that they load with the
first highlight read or made, not when an article opens.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .records import DEFAULT_COLOR, _int, _mapping, _str, new_id, utc_now


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
