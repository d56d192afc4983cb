"""Tags as a reader types them on one line, and back: the note editor and the note file share it."""

from __future__ import annotations

from collections.abc import Iterable


def parse_tags(raw: str) -> tuple[str, ...]:
    """``"politics, Russia  ,,"`` → ``("politics", "Russia")``; order kept, duplicates dropped."""
    tags = (tag.strip() for tag in raw.replace(";", ",").split(","))
    return tuple(dict.fromkeys(tag for tag in tags if tag))


def format_tags(tags: Iterable[str]) -> str:
    """The line :func:`parse_tags` reads back: ``"politics, Russia"``."""
    return ", ".join(tags)
